"""Match a verb's dictionary patterns against the words of its clause.

Reads: a parsed Sentence, the index of a verb, its VerbEntry from the verb dictionary.
Returns: the most specific Pattern whose words occur around the verb, in order
(`- * (TO) &TOWN [042:043]`), with where its "+" target and "$" source stand.

A pattern reads the verb's own clause: embedded clauses, the passive agent and phrases of
time ("for the third day") are left out, and a verbal complement is read only by a
pattern that names its verb ("vowed to WAGE war").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from dyad.dictionaries import Pattern, VerbDictionary, VerbEntry
from dyad.records import Sentence, Token

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "csubj", "conj", "acl"})


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    target_after: int | None  # token after which the pattern's "+" target stands
    source_after: int | None
    absorbs: bool = False  # the pattern names the verb of the complement ("vowed to WAGE war")


def _words(sentence: Sentence, indices: Sequence[int]) -> list[Token]:
    return [sentence.tokens[i] for i in indices]


def clause_tokens(sentence: Sentence, verb: int) -> list[int]:
    """Return the verb's subtree without embedded clauses (their words are not patterns')."""
    keep = [verb]
    frontier = [verb]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if current == verb and (child.dep in _CLAUSE_DEPS or child.dep == "agent"):
                continue
            if current == verb and child.dep in ("prep", "npadvmod") and _temporal(sentence, child):
                continue  # "attacked X for the third day" is not "attack ... (FOR)" [111]
            keep.append(child.i)
            frontier.append(child.i)
    return sorted(keep)


_TIME_NOUNS = frozenset(
    "day week month year time hour night weekend morning evening afternoon decade period".split()
)


def _temporal(sentence: Sentence, token: Token) -> bool:
    """Return whether a prepositional or adverbial modifier only says when."""
    if token.dep == "npadvmod":
        return token.lemma in _TIME_NOUNS
    objects = [c for c in sentence.children(token.i) if c.dep == "pobj"]
    return bool(objects) and all(o.lemma in _TIME_NOUNS for o in objects)


def _slot_matches(slot: tuple[str, ...], tokens: list[Token], at: int) -> tuple[int, int]:
    """Return (tokens covered from `at`, how many by their exact form); (0, 0) if none."""
    token = tokens[at]
    for alternative in slot:
        parts = alternative.split()
        if len(parts) == 1:
            if parts[0] == token.text.upper():
                return 1, 1
            if parts[0] == token.lemma.upper():
                return 1, 0
            continue
        window = tokens[at : at + len(parts)]
        if len(window) == len(parts) and all(
            p in (t.text.upper(), t.lemma.upper()) for p, t in zip(parts, window, strict=True)
        ):
            exact = sum(p == t.text.upper() for p, t in zip(parts, window, strict=True))
            return len(parts), exact
    return 0, 0


@cache
def _slot_starts(slot: tuple[str, ...]) -> frozenset[str]:
    """Return the words an alternative of `slot` can begin with."""
    return frozenset(alternative.split()[0] for alternative in slot if alternative.split())


def _match_slots(
    slots: tuple[tuple[str, ...], ...], tokens: list[Token]
) -> tuple[bool, int | None, int | None, int]:
    """Match slots in order as a subsequence of `tokens`.

    Returns (ok, target_at, source_at, exact): `exact` counts words matched by their
    surface form, which breaks ties between patterns ("SANCTIONS" over "SANCTION").
    """
    position = 0
    last: int | None = None
    target_at: int | None = None
    source_at: int | None = None
    exact = 0
    for slot in slots:
        marker = slot[0]
        if marker == "(" or marker in ("^", "%"):
            continue
        if marker == "+":
            target_at = tokens[last].i if last is not None else -1
            continue
        if marker == "$":
            source_at = tokens[last].i if last is not None else -1
            continue
        starts = _slot_starts(slot)
        while position < len(tokens):
            token = tokens[position]
            if token.text.upper() not in starts and token.lemma.upper() not in starts:
                position += 1  # no alternative can start here (speed: skips most tokens)
                continue
            covered, surface = _slot_matches(slot, tokens, position)
            if covered:
                last = position + covered - 1
                position += covered
                exact += surface
                break
            position += 1
        else:
            return False, None, None, 0
    return True, target_at, source_at, exact


def match_pattern(sentence: Sentence, verb: int, entry: VerbEntry) -> Match | None:
    """Return the most specific pattern of `entry` matching around `verb`, if any.

    A pattern that names the verb of an xcomp ("* TO WAGE WAR") reads the complement's
    words and absorbs it; any other pattern reads the verb's own clause only.
    """
    wide = clause_tokens(sentence, verb)
    # "agreed to lift the sanctions" is composed from two verbs later, not read as
    # "agree (to sanctions)": the verbal xcomp is left out of the narrow view
    complement = {
        t.i
        for child in sentence.children(verb)
        if child.dep == "xcomp" and child.pos == "VERB"
        for t in sentence.subtree(child.i)
    }
    narrow = [i for i in wide if i not in complement]
    complement_verbs = {
        word
        for i in complement
        if sentence.tokens[i].pos == "VERB"
        for word in (sentence.tokens[i].text.upper(), sentence.tokens[i].lemma.upper())
    }
    # "sanctions were imposed on Iran": the passive subject is what the active verb has
    # after it ("imposed SANCTIONS (ON) +"), so patterns read it first among the words after
    patient = {
        t.i
        for child in sentence.children(verb)
        if child.dep == "nsubjpass"
        for t in sentence.subtree(child.i)
    }
    views = {}
    for absorbs, clause in ((False, narrow), (True, wide)):
        before = _words(sentence, [i for i in clause if i < verb and i not in patient])
        after = _words(
            sentence,
            [i for i in clause if i in patient]
            + [i for i in clause if i > verb and i not in patient],
        )
        views[absorbs] = (before, after)
    best: Match | None = None
    best_score = (0, 0)
    for pattern in entry.patterns:
        if best is not None and pattern.weight < best_score[0]:
            continue
        absorbs = bool(complement_verbs) and any(
            word in complement_verbs
            for slot in (*pattern.before, *pattern.after)
            for alternative in slot
            for word in alternative.split()
        )
        before, after = views[absorbs]
        ok_after, target_at, source_at, exact_after = _match_slots(pattern.after, after)
        if not ok_after:
            continue
        ok_before, _target, _source, exact_before = _match_slots(pattern.before, before)
        if not ok_before:
            continue
        score = (pattern.weight, exact_after + exact_before)
        if best is None or score > best_score:
            best, best_score = Match(pattern, target_at, source_at, absorbs), score
    return best


def entry_for(sentence: Sentence, verb: Token, verbs: VerbDictionary) -> VerbEntry | None:
    entries = verbs.verbs.get(verb.lemma.upper()) or verbs.verbs.get(verb.text.upper())
    if not entries:
        return None
    particles = [c.text.upper() for c in sentence.children(verb.i) if c.dep in ("prt", "prep")]
    best: VerbEntry | None = None
    for entry in entries:
        if entry.particles and all(p in particles for p in entry.particles):
            if best is None or len(entry.particles) > len(best.particles):
                best = entry
        elif not entry.particles and best is None:
            best = entry
    return best
