"""Load and compile the CAMEO actor, agent and verb dictionaries (PETRARCH format).

Reads: dictionary files shipped in `dyad/data/cameo/` plus any the user adds.
Adds: `ActorDictionary` (phrase -> dated codes, phrase -> agent roles) and
`VerbDictionary` (verb -> block code, own code, shared patterns), compiled once per
process and cached on disk by the content hash of the files.

Formats (see the headers of the shipped files):
- actors: `NURI_AL_MALIKI_` root lines, `+MALIKI` synonyms, `[IRQGOV 20060520-20140908]`
  code lines (dates yymmdd or yyyymmdd, `>date`, `<date`), or `PHRASE [CODE]` on one line.
- agents: `POLICE [~COP]`, with substitution sets `!PERSON! = MAN, MEN`.
- verbs: `&SYNSET` blocks of `+WORD`; `---  NAME  [code]  ---` blocks of verbs (`WORD {FORMS}
  [code]`) followed by `- pre * post [code]` patterns.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path

from dyad.dictionaries.entries import (
    ActorDictionary,
    ActorEntry,
    DatedCode,
    VerbDictionary,
    gc_paused,
)
from dyad.dictionaries.verbfile import ends_in_consonant_y, read_verb_file
from dyad.errors import DictionaryError
from dyad.files import path_text, read_regular

DATA_DIR = Path(__file__).parents[1] / "data" / "cameo"
DEFAULT_ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "dyad.supplement.actors.txt",
)
# the supplement first: its corrections (a "security force" is MIL) win over Phoenix entries
DEFAULT_AGENT_FILES = ("dyad.supplement.agents.txt", "Phoenix.agents.txt")
DEFAULT_VERB_FILES = ("dyad.supplement.verbs.txt", "CAMEO.2.0.txt")
CACHE_VERSION = "dyad.dictionaries.v1"
# What one agents line may expand to through !substitution! lists (the shipped files need 24).
MAX_AGENT_VARIANTS = 1_000
MAX_AGENT_PHRASES = 1_000_000  # per file, all lines together
MAX_AGENT_PHRASE_CHARS = 1_000
# A dictionary file larger than this is refused unread (the shipped ones total about 5 MB).
MAX_DICTIONARY_BYTES = 64 * 1024 * 1024

_CODE_LINE = re.compile(r"\[([^\]]*)\]")
# Three-letter codes that stand for a kind of actor, not a country (CAMEO actor codebook).
NOT_COUNTRIES = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UAF", "UIS", "INT", "REG", "---"})
# a comment starts at any "#", as in PETRARCH's reader: no name holds one, and 917 lines of
# the Phoenix international file glue it to a code ("AMNESTY_INTERNATIONAL_\t[NGOHRIAMN]#
# NGO_Actors"), others to a phrase ("..._THE_LEVANT_# kkl mod", "+WEST_PAPUA#_VERY_IFFY_")
_COMMENT = re.compile(r"#.*$")


# Phoenix's MilNonState file codes 20 groups of no stated country "KKL" (a coder's
# initials, not a country): read as the unknown country, so "KKLREB" never reaches a dyad
PLACEHOLDER_COUNTRY = "KKL"


def _words(phrase: str) -> tuple[str, ...]:
    """Split a dictionary phrase (underscores and hyphens join words) into key words.

    A possessive is a word of its own, as the tokenizer splits it: "PEOPLE'S_BANK_OF_CHINA"
    is the words "PEOPLE", "'S", "BANK", ... (as one word it matched no text).
    """
    text = phrase.strip().strip("_").upper().replace("-", "_")
    text = re.sub(r"(?<=\w)'S(?=_|\s|$)", "_'S", text)
    return tuple(w for w in re.split(r"[_\s]+", text) if w)


def _parse_day(text: str) -> str | None:
    digits = text.strip()
    if not digits.isdigit():
        return None
    if len(digits) == 6:
        year = int(digits[:2])
        century = 1900 if year >= 40 else 2000
        digits = f"{century + year}{digits[2:]}"
    digits = digits[-8:]
    if len(digits) != 8:
        return None
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def parse_code(body: str) -> DatedCode | None:
    """Parse the inside of `[IRQGOV 20060520-20140908]`, `[IRQ >20060520]`, `[IRN]`."""
    parts = body.split()
    if not parts:
        return None
    code = parts[0].upper()
    if code.startswith(PLACEHOLDER_COUNTRY):
        code = "---" + code[len(PLACEHOLDER_COUNTRY) :]
    if len(parts) == 1:
        return DatedCode(code)
    span = "".join(parts[1:])  # "19950601 - 19990815" is written with spaces too
    if span.startswith(">"):
        return DatedCode(code, start=_parse_day(span[1:]))
    if span.startswith("<"):
        return DatedCode(code, end=_parse_day(span[1:]))
    if "-" in span:
        start, end = span.split("-", 1)
        return DatedCode(code, start=_parse_day(start), end=_parse_day(end))
    return DatedCode(code)


def _clean(line: str) -> str:
    if line.lstrip().startswith("<!--"):
        return ""
    return _COMMENT.sub("", line).rstrip()


def read_dictionary_lines(path: Path) -> list[str]:
    """Return the lines of a dictionary file, numbered as an editor numbers them.

    Raises:
        DictionaryError: The file cannot be read, is not a regular file or is too large.
    """
    try:
        data = read_regular(path, MAX_DICTIONARY_BYTES)
    except OSError as exc:
        raise DictionaryError(
            f"cannot read dictionary ({exc.strerror})", path=path_text(path)
        ) from exc
    # "\r\n" and "\r" end lines as "\n" does; str.splitlines would also split at form feeds
    # and Unicode separators, and the line numbers reported would drift from an editor's
    text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _merged(earlier: ActorEntry | None, later: ActorEntry) -> ActorEntry:
    """Return the entry a phrase keeps when two people share it ("President Bush").

    The earlier entry wins, except that the later person's dated roles are added after
    the earlier one's, so the role valid on the text's date picks the right person.
    """
    if earlier is None:
        return later
    # an earlier entry with dated roles is a person too, marked or not ("IMRAN_KHAN_")
    earlier_person = earlier.person or any(c.start or c.end for c in earlier.codes)
    if earlier is later or not (earlier_person and later.person):
        return earlier
    dated = [c for c in (*earlier.codes, *later.codes) if c.start or c.end]
    undated = [c for c in earlier.codes if not (c.start or c.end)]
    return replace(earlier, codes=tuple(dict.fromkeys(dated + undated)), person=True)


PERSON_MARKERS = ("CountryInfo", "# person")

PERSONAL_TITLES = frozenset(
    """PRESIDENT SECRETARY MINISTER SENATOR SEN. GENERAL GEN. KING PRINCE QUEEN AMBASSADOR
    GOVERNOR CHANCELLOR PREMIER MR. MRS. MS. DR. SHEIKH AYATOLLAH CHAIRMAN REP. SPEAKER
    MAYOR JUDGE CARDINAL POPE COMMANDER ADMIRAL COLONEL COL. EMIR SULTAN
    PRIME_MINISTER VICE""".split()
)


def load_actor_entries(path: Path, into: ActorDictionary, problems: list[DictionaryError]) -> None:
    """Add the actor entries of one file to `into`; malformed lines go to `problems`."""
    phrases: list[tuple[tuple[str, ...], str]] = []
    codes: list[DatedCode] = []
    root_line = [0]
    person = [False]

    def flush() -> None:
        if phrases and codes:
            source = f"{path.name}:{root_line[0]}"
            entry = ActorEntry(phrases[0][1], tuple(codes), source, person[0] or _titled())
            for key, _name in phrases:
                into.actors[key] = _merged(into.actors.get(key), entry)
        phrases.clear()
        codes.clear()

    def _titled() -> bool:
        """A holder of dated roles named with a title ("SECRETARY_KERRY") is a person."""
        if not any(c.start or c.end for c in codes):
            return False
        return any(key[0] in PERSONAL_TITLES and len(key) > 1 for key, _name in phrases)

    for number, raw in enumerate(read_dictionary_lines(path), start=1):
        line = _clean(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            bracket = _CODE_LINE.match(stripped)  # "[ZBW]#jw 9/30/91": a comment follows
            dated = parse_code(bracket.group(1) if bracket else stripped.strip("[] \t"))
            if dated is None:
                problems.append(DictionaryError("empty code", path=path_text(path), line=number))
            else:
                codes.append(dated)
            continue
        # A root with no code of its own shares the codes of the roots that follow it, as in
        # PETRARCH's reader: "MIKHAIL_GORBACHEV_ +GORBACHEV" is followed by further roots
        # ("EX-SOVIET_PRESIDENT_MIKHAIL_GORBACHEV", ...) before the one block of codes.
        if not stripped.startswith("+") and codes:
            flush()
        inline = _CODE_LINE.search(stripped)
        phrase = _CODE_LINE.sub("", stripped).lstrip("+").strip()
        key = _words(phrase)
        if not key:
            problems.append(
                DictionaryError("no phrase before the code", path=path_text(path), line=number)
            )
            continue
        if not phrases:
            root_line[0] = number
            # the Phoenix generator marks person entries so; dyad's supplement writes "# person"
            person[0] = any(marker in raw for marker in PERSON_MARKERS)
        name = phrase.strip("_ ").replace("_", " ").title()
        phrases.append((key, re.sub(r"(?<=\w)'S\b", "'s", name)))  # "People's", not "People'S"
        if inline:
            dated = parse_code(inline.group(1))
            if dated is not None:
                codes.append(dated)
    flush()


_AGENT = "write an agent as PHRASE [~CODE], e.g. POLICE [~COP]"
_SUBSTITUTION_HINT = (
    f"a phrase may expand to at most {MAX_AGENT_VARIANTS:,} phrases of "
    f"{MAX_AGENT_PHRASE_CHARS:,} characters; use fewer or shorter !substitution! lists"
)


def _substituted(phrase: str, substitutions: dict[str, list[str]]) -> list[str] | str:
    """Return the phrases `phrase` stands for, or why there are too many to hold.

    Each `!NAME!` in the phrase is replaced by each member of its list, in turn, so the
    count multiplies: a few lines could otherwise ask for billions of phrases.
    """
    variants = [phrase]
    for name, members in substitutions.items():
        if not members or not any(name in v for v in variants):
            continue
        count = len(variants) * len(members)
        if count > MAX_AGENT_VARIANTS:
            return f"agent phrase expands to over {count:,} phrases at {name}; line skipped"
        longest_member = max(len(m) for m in members)
        longest = max(len(v) + v.count(name) * (longest_member - len(name)) for v in variants)
        if longest > MAX_AGENT_PHRASE_CHARS:
            return f"agent phrase grows to {longest:,} characters at {name}; line skipped"
        variants = [v.replace(name, m) for v in variants for m in members]  # POLICEMAN
    return variants


def load_agent_entries(path: Path, into: ActorDictionary, problems: list[DictionaryError]) -> None:
    """Add the agent entries (`POLICE [~COP]`) of one file to `into`."""
    substitutions: dict[str, list[str]] = {}
    added = 0
    for number, raw in enumerate(read_dictionary_lines(path), start=1):
        line = _clean(raw).strip()
        if not line or line.startswith("<"):
            continue
        if line.startswith("!") and "=" in line:
            name, listed = line.split("=", 1)
            substitutions[name.strip()] = [m.strip() for m in listed.split(",") if m.strip()]
            continue
        match = _CODE_LINE.search(line)
        if match is None:
            problems.append(
                DictionaryError("agent without [~CODE]", path=path_text(path), line=number)
            )
            continue
        role = next(iter(match.group(1).strip().lstrip("~").split()), "").upper()
        if not role:
            reason = f"agent code is empty in {match.group(0)!r}; line skipped"
            problems.append(DictionaryError(reason, path=path_text(path), line=number, hint=_AGENT))
            continue
        phrase = _CODE_LINE.sub("", line).replace("{}", "").strip()
        variants = _substituted(phrase, substitutions)
        if isinstance(variants, str):
            problems.append(
                DictionaryError(
                    variants, path=path_text(path), line=number, hint=_SUBSTITUTION_HINT
                )
            )
            continue
        added += len(variants)
        if added > MAX_AGENT_PHRASES:
            reason = f"the file expands to over {MAX_AGENT_PHRASES:,} agent phrases; rest skipped"
            problems.append(
                DictionaryError(reason, path=path_text(path), line=number, hint=_SUBSTITUTION_HINT)
            )
            return
        for variant in variants:
            key = _words(variant)
            if not key:
                continue
            into.agents.setdefault(key, role)
            if not phrase.endswith("_"):
                for plural in plurals(key[-1]):
                    into.agents.setdefault(key[:-1] + (plural,), role)


def plurals(word: str) -> tuple[str, ...]:
    """Return the plural spellings an agent noun may take: "COMPANY" -> "COMPANIES".

    PETRARCH's agent files list the singular; "S" and "ES" cover most nouns, a consonant and
    "Y" takes "IES" (armies, agencies, ministries, parties), and "MAN" takes "MEN".
    """
    found = [word + "S", word + "ES"]
    if ends_in_consonant_y(word):
        found.append(word[:-1] + "IES")
    if word.endswith("MAN"):
        found.append(word[:-3] + "MEN")
    return tuple(found)


_SKELETON_STEPS = (
    ("ZH", "J"),
    ("DJ", "J"),
    ("KH", "K"),
    ("GH", "G"),
    ("DH", "D"),
    ("TH", "T"),
    ("SH", "S"),
    ("PH", "F"),
    ("OU", "U"),
    ("OO", "U"),
    ("EE", "I"),
    ("Q", "K"),
    ("C", "K"),
    ("Y", "I"),
    ("W", "V"),
    ("E", "A"),
    ("O", "U"),
)


@lru_cache(maxsize=1 << 16)  # asked for every capitalised word of every sentence
def skeleton(word: str) -> str:
    """Return a spelling-variant key: letters only, digraphs folded, no doubled letters."""
    text = re.sub(r"[^A-Z]", "", word.upper())
    for old, new in _SKELETON_STEPS:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def _add_demonym_plurals(dictionary: ActorDictionary) -> None:
    """Add "IRANIANS" for "IRANIAN": the Phoenix files list most demonyms singular only.

    So "NORTH KOREANS" for "NORTH KOREAN" and "SRI LANKANS" for "SRI LANKAN": a name of two or
    three words takes the plural where its last word is a demonym in "-an" ("North Koreans"
    was no actor, and "South Koreans protested" had no source).
    """
    for key, entry in list(dictionary.actors.items()):
        word = key[-1]
        if entry.person or not any(len(c.code) == 3 for c in entry.codes):
            continue
        if len(key) == 1 and word.isalpha() and word.endswith(_DEMONYM_ENDINGS):
            dictionary.actors.setdefault((word + "S",), entry)
        elif (
            len(key) in (2, 3)
            and all(w.isalpha() for w in key)
            and word.endswith("AN")
            and len(word) >= _SHORTEST_PLURAL_DEMONYM
        ):
            dictionary.actors.setdefault((*key[:-1], word + "S"), entry)


_DEMONYM_ENDINGS = ("AN", "I", "RK", "RD", "RB", "AB", "OAT")  # Iranian, Iraqi, Turk, Kurd
_SHORTEST_PLURAL_DEMONYM = 6  # "KOREAN", "LANKAN"; not a place's last word ("NGHE AN")


def _finish(dictionary: ActorDictionary) -> None:
    _add_demonym_plurals(dictionary)
    keys = list(dictionary.actors) + list(dictionary.agents)
    dictionary.max_words = max((len(k) for k in keys), default=1)
    dictionary.first_words = frozenset(k[0] for k in keys)
    seen: dict[str, tuple[str, ...] | None] = {}
    for key, entry in dictionary.actors.items():
        joined = "".join(key)
        if len(joined) < 7 or len(key) > 3:
            continue
        variant = skeleton(joined)
        previous = seen.get(variant, key)
        same = previous is not None and dictionary.actors[previous] is entry
        seen[variant] = key if same else None
    dictionary.skeletons = {k: v for k, v in seen.items() if v is not None}
    surnames: dict[str, dict[object, tuple[str, ...]]] = {}
    for key, entry in dictionary.actors.items():
        last = key[-1]
        if not entry.person or len(key) < 2 or len(last) < 4 or (last,) in dictionary.actors:
            continue
        if (last,) in dictionary.agents or last.endswith("."):
            continue
        # one candidate per root entry: a phrase two people share holds a merged copy
        surnames.setdefault(last, {}).setdefault(entry.source, key)
    dictionary.surnames = {k: tuple(v.values()) for k, v in surnames.items()}
    dictionary.people = frozenset(e.source for e in dictionary.actors.values() if e.person)
    sectors = {code.strip("~")[:3] for code in dictionary.agents.values()} | NOT_COUNTRIES
    dictionary.countries = frozenset(
        dated.code
        for entry in dictionary.actors.values()
        for dated in entry.codes
        if len(dated.code) == 3 and dated.code.isalpha() and dated.code not in sectors
    )


def _fingerprint(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256(CACHE_VERSION.encode())
    # any code change in this package invalidates the cache, whatever its files are called
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    for path in paths:
        digest.update(os.fsencode(path))
        try:
            digest.update(read_regular(path, MAX_DICTIONARY_BYTES))
        except OSError as exc:  # the build reports it; a FIFO must not hang the hash
            digest.update(f"unreadable {exc.errno}".encode())
    return digest.hexdigest()[:20]


def _cache_dir() -> Path:
    return Path.home() / ".cache" / "dyad"


def _cached(kind: str, paths: Sequence[Path], build: object) -> object:
    """Return the compiled object for `paths`, from the disk cache when it is fresh."""
    target = _cache_dir() / f"{kind}-{_fingerprint(paths)}.pickle"
    if target.exists():
        try:
            with target.open("rb") as handle, gc_paused():
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    assert callable(build)
    with gc_paused():
        value = build()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(target)
    except OSError:
        pass  # a read-only home only costs the compile time next run
    return value


def load_actor_dictionary(
    actor_files: Iterable[Path] | None = None,
    agent_files: Iterable[Path] | None = None,
    *,
    extra_files: Iterable[Path] = (),
) -> tuple[ActorDictionary, list[DictionaryError]]:
    """Compile actor and agent files (defaults: the shipped Phoenix dictionaries).

    Args:
        actor_files: Actor dictionaries; None means the shipped ones.
        agent_files: Agent dictionaries; None means the shipped ones.
        extra_files: User dictionaries added on top (`--dictionary FILE`); a file whose
            name contains "agents" is read as agents, any other as actors.

    Returns:
        The compiled dictionary and the malformed lines that were skipped.
    """
    extras = list(extra_files)
    actors = (
        [DATA_DIR / n for n in DEFAULT_ACTOR_FILES] if actor_files is None else list(actor_files)
    )
    agents = (
        [DATA_DIR / n for n in DEFAULT_AGENT_FILES] if agent_files is None else list(agent_files)
    )
    actors = [p for p in extras if "agents" not in p.name.lower()] + actors
    agents = [p for p in extras if "agents" in p.name.lower()] + agents

    def build() -> tuple[ActorDictionary, list[DictionaryError]]:
        dictionary = ActorDictionary()
        problems: list[DictionaryError] = []
        for path in actors:
            load_actor_entries(path, dictionary, problems)
        for path in agents:
            load_agent_entries(path, dictionary, problems)
        _finish(dictionary)
        return dictionary, problems

    result = _cached("actors", actors + agents, build)
    assert isinstance(result, tuple)
    return result


def load_verb_dictionary(
    verb_files: Iterable[Path] | None = None,
) -> tuple[VerbDictionary, list[DictionaryError]]:
    """Compile verb pattern files (default: dyad's weapon words, then the shipped CAMEO.2.0.txt)."""
    paths = [DATA_DIR / n for n in DEFAULT_VERB_FILES] if verb_files is None else list(verb_files)

    def build() -> tuple[VerbDictionary, list[DictionaryError]]:
        dictionary = VerbDictionary()
        problems: list[DictionaryError] = []
        for path in paths:
            read_verb_file(path, read_dictionary_lines(path), dictionary, problems)
        return dictionary, problems

    result = _cached("verbs", paths, build)
    assert isinstance(result, tuple)
    return result


@cache
def default_dictionaries() -> tuple[ActorDictionary, VerbDictionary]:
    """Return the shipped dictionaries, compiled once per process."""
    return load_actor_dictionary()[0], load_verb_dictionary()[0]
