"""Read a PETRARCH verb-pattern file (CAMEO.2.0.txt format) into a VerbDictionary.

A file holds synonym sets (`&MILITARY` then `+ARMY` lines) and verb blocks:

    ---  VISIT   [042:043]  ---
    VISIT
    CALL_ON {CALLS_ON CALLED_ON}      [042]
    - * (TO) &TOWN                    [042:043]     # VISIT

Every verb of a block shares the block's patterns; a verb's own code overrides the
block code; a pattern's code overrides both. `[042:043]` means the source does 042 to
the target and the target 043 to the source; `[---]` means "no event".
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from dyad.dictionaries.entries import Pattern, VerbDictionary, VerbEntry
from dyad.errors import DictionaryError
from dyad.files import path_text

_BLOCK = re.compile(r"^-{3}\s+(\S.*?)\s+\[([^\]]*)\]\s*-{3}")
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")
_VALID_CODE = re.compile(r"^[0-9]{2,4}[A-Z]?$")


def split_code(body: str) -> tuple[str | None, str | None]:
    """Split `042:043` into (forward, reverse); `---` and empty parts are None."""
    forward, _, reverse = body.strip().partition(":")

    def one(part: str) -> str | None:
        part = part.strip()
        return part if _VALID_CODE.match(part) else None

    return one(forward), one(reverse)


def _tokenize(text: str) -> list[str]:
    spaced = re.sub(r"([(){}*])", r" \1 ", text)
    return spaced.split()


def _slots(items: list[str], synsets: dict[str, frozenset[str]]) -> tuple[tuple[str, ...], ...]:
    """Turn pattern items into word slots; markers and "(" stay as single-item slots."""
    slots: list[tuple[str, ...]] = []
    for item in items:
        if item in ("{", "}", ")"):
            continue
        if item == "(":
            slots.append(("(",))
        elif item in ("$", "+", "^", "%"):
            slots.append((item,))
        elif item.startswith("&"):
            members = synsets.get(item.rstrip("_")) or frozenset({item.lstrip("&").rstrip("_")})
            slots.append(tuple(sorted(members)))
        else:
            for word in item.strip("_").replace("_", " ").split():
                slots.append((word.upper(),))
    return tuple(slots)


def _own_patterns(
    patterns: tuple[Pattern, ...], lemma: str, code: str | None
) -> tuple[Pattern, ...]:
    """Return the block's patterns that apply to a verb listed with its own code.

    A block's verbs share its patterns, but a verb with a code of its own ("ARREST [173]")
    does not take another verb's pattern for a different event root ("- &MILITARY *
    [192] # TAKE"); synonyms without a code ("LAUNCH" beside "INITIATE") share them all.
    """
    if not code or code == "---":
        return patterns
    return tuple(
        p for p in patterns if p.verb in (None, lemma) or p.code == "---" or p.code[:2] == code[:2]
    )


def _comment_verb(line: str) -> str | None:
    """Return the verb a pattern line's comment names ("... [192]  # TAKE" -> TAKE)."""
    _body, hash_, comment = line.partition("#")
    words = comment.split()
    return words[0].upper() if hash_ and words and words[0].isalpha() else None


def ends_in_consonant_y(word: str) -> bool:
    """Tell whether an upper-case word's "Y" becomes "IE" before "S" or "D": CARRY, ARMY."""
    return len(word) > 1 and word.endswith("Y") and word[-2] not in "AEIOU"


def regular_forms(lemma: str) -> tuple[str, ...]:
    """Return the regular inflections of a verb, as PETRARCH writes them for a verb
    listed without {forms}: STAGE -> STAGES STAGED STAGING, CARRY -> CARRIES CARRIED.

    The parser's lemma is sometimes wrong ("staged" -> "stag"), so the coder also looks
    verbs up by their surface form.
    """
    if not lemma.isalpha():
        return ()
    if ends_in_consonant_y(lemma):
        return (lemma[:-1] + "IES", lemma[:-1] + "IED", lemma + "ING")
    if lemma.endswith("E"):
        ing = lemma + "ING" if lemma.endswith(("EE", "YE", "OE")) else lemma[:-1] + "ING"
        return (lemma + "S", lemma + "D", ing)
    third = lemma + "ES" if lemma.endswith(("S", "SH", "CH", "X", "Z", "O")) else lemma + "S"
    return (third, lemma + "ED", lemma + "ING")


def read_verb_file(
    path: Path, lines: list[str], into: VerbDictionary, problems: list[DictionaryError]
) -> None:
    """Parse `lines` of one verb file into `into`; malformed lines go to `problems`."""
    synset_name: str | None = None
    block: str | None = None
    block_code: tuple[str | None, str | None] = (None, None)
    verbs: list[tuple[str, tuple[str, ...], tuple[str, ...], str | None, str | None]] = []
    patterns: list[Pattern] = []

    def flush() -> None:
        if block is None:
            return
        members = {lemma for lemma, *_rest in verbs}
        shared = tuple(p if p.verb in members else replace(p, verb=None) for p in patterns)
        for lemma, particles, forms, code, reverse in verbs:
            own = _own_patterns(shared, lemma, code)
            entry = VerbEntry(
                lemma, block, code or block_code[0], reverse or block_code[1], particles, own
            )
            for key in (lemma, *(forms or regular_forms(lemma))):
                into.verbs.setdefault(key, []).append(entry)
        verbs.clear()
        patterns.clear()

    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("- ") else raw.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            synset_name = None if not stripped else synset_name
            continue
        header = _BLOCK.match(stripped)
        if header:
            flush()
            synset_name = None
            block = header.group(1).strip()
            block_code = split_code(header.group(2))
            continue
        if stripped.startswith("&"):
            synset_name = stripped.split()[0].rstrip("_")
            # a set named by an earlier file (dyad's supplement) keeps its members
            into.synsets.setdefault(synset_name, frozenset())
            continue
        if synset_name is not None and stripped.startswith("+"):
            member = stripped.lstrip("+").split()[0].strip("_").replace("_", " ").upper()
            into.synsets[synset_name] = into.synsets[synset_name] | {member}
            continue
        if block is None:
            continue
        if stripped.startswith("-"):
            body = stripped[1:].split("#", 1)[0]
            match = _CODE.search(body)
            if match is None or "*" not in body:
                problems.append(
                    DictionaryError(
                        "pattern without '*' or [code]", path=path_text(path), line=number
                    )
                )
                continue
            forward, reverse = split_code(match.group(1))
            before_text, _, after_text = _CODE.sub("", body).partition("*")
            patterns.append(
                Pattern(
                    before=_slots(_tokenize(before_text), into.synsets),
                    after=_slots(_tokenize(after_text), into.synsets),
                    code=forward or "---",
                    reverse_code=reverse,
                    source_line=number,
                    verb=_comment_verb(stripped),
                )
            )
            continue
        forms_match = _FORMS.search(stripped)
        forms = tuple(
            f.lstrip("+").strip("_").split("_")[0].upper()
            for f in (forms_match.group(1).split() if forms_match else [])
        )
        code_match = _CODE.search(_FORMS.sub("", stripped))
        code, reverse = split_code(code_match.group(1)) if code_match else (None, None)
        head = _CODE.sub("", _FORMS.sub("", stripped)).strip().lstrip("+").strip("_")
        if not head:
            continue
        words = [w.upper() for w in head.replace("_", " ").split()]
        if code_match and code_match.group(1).strip() == "---":
            code = "---"
        verbs.append((words[0], tuple(words[1:]), forms, code, reverse))
    flush()
