"""Match a verb's dictionary patterns against the words of its clause.

Reads: a parsed Sentence, the index of a verb, its VerbEntry from the verb dictionary.
Returns: the most specific Pattern whose words occur around the verb, in order
(`- * (TO) &TOWN [042:043]`), with where its "+" target and "$" source stand.

A pattern reads the verb's own clause: embedded clauses, the passive agent and phrases of
time ("for the third day") are left out, and a verbal complement is read only by a
pattern that names its verb ("vowed to WAGE war").
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.coder.arguments import small_clause
from dyad.coder.lexicon import (
    TIME_NOUNS,
)
from dyad.dictionaries.entries import Pattern, VerbDictionary, VerbEntry
from dyad.records import Sentence, Token

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "csubj", "conj", "acl"})


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    target_after: int | None  # token after which the pattern's "+" target stands
    source_after: int | None
    absorbs: bool = False  # the pattern names the verb of the complement ("vowed to WAGE war")


def clause_tokens(sentence: Sentence, verb: int) -> list[int]:
    """Return the verb's subtree without embedded clauses (their words are not patterns')."""
    keep = [verb]
    children = sentence.children
    for child in children(verb):
        if (child.dep in _CLAUSE_DEPS and not small_clause(sentence, child)) or (
            child.dep == "agent"
        ):
            continue
        if child.dep in ("prep", "npadvmod") and _temporal(sentence, child):
            continue  # "attacked X for the third day" is not "attack ... (FOR)" [111]
        keep.append(child.i)
        frontier = [child.i]
        while frontier:
            for below in children(frontier.pop()):
                keep.append(below.i)
                frontier.append(below.i)
    return sorted(keep)


def _temporal(sentence: Sentence, token: Token) -> bool:
    """Return whether a prepositional or adverbial modifier only says when."""
    if token.dep == "npadvmod":
        return token.lemma in TIME_NOUNS
    objects = [c for c in sentence.children(token.i) if c.dep == "pobj"]
    return bool(objects) and all(o.lemma in TIME_NOUNS for o in objects)


# A clause as the patterns see it: (TEXT, LEMMA, token index) per token, in text order,
# and every TEXT and LEMMA in it
_View = tuple[list[tuple[str, str, int]], frozenset[str]]
# One slot as matched: _WORDS with the words its alternatives can start with and the
# alternatives split into words, or _TARGET / _SOURCE
_Step = tuple[int, frozenset[str], tuple[tuple[str, ...], ...]]
_WORDS, _TARGET, _SOURCE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Plan:
    """What matching needs from a Pattern, worked out once per pattern."""

    before: tuple[_Step, ...]
    after: tuple[_Step, ...]
    needed: tuple[frozenset[str], ...]  # the starts of every word slot: one must occur
    words: frozenset[str]  # every word of every alternative
    weight: int


@dataclass(frozen=True, slots=True)
class _Index:
    """An entry's patterns with their plans, and which of them a clause's words can match."""

    plans: tuple[tuple[Pattern, _Plan], ...]
    by_word: dict[str, tuple[int, ...]]  # a word -> the patterns that need one of its slot
    always: frozenset[int]  # the patterns with no word slot


class PatternIndex:
    """The patterns of a verb dictionary compiled for matching, once each (in `Resources`).

    Kept by identity: the verbs of a block share one tuple of patterns, and the index holds
    what it compiled, so an id is never reused while its entry is kept.
    """

    def __init__(self) -> None:
        self._indexes: dict[int, tuple[tuple[Pattern, ...], _Index]] = {}
        self._plans: dict[int, tuple[Pattern, _Plan]] = {}

    def index(self, patterns: tuple[Pattern, ...]) -> _Index:
        """Return the patterns with their plans, indexed by the words they need."""
        found = self._indexes.get(id(patterns))
        if found is not None:
            return found[1]  # the verbs of a block without a code of their own share one tuple
        plans = tuple((pattern, self.plan(pattern)) for pattern in patterns)
        by_word: dict[str, list[int]] = {}
        always: set[int] = set()
        for number, (_pattern, plan) in enumerate(plans):
            if not plan.needed:
                always.add(number)
                continue
            for word in min(plan.needed, key=len):  # the slot with fewest words filters best
                by_word.setdefault(word, []).append(number)
        index = _Index(plans, {w: tuple(n) for w, n in by_word.items()}, frozenset(always))
        self._indexes[id(patterns)] = (patterns, index)
        return index

    def plan(self, pattern: Pattern) -> _Plan:
        """Return what matching needs from `pattern`."""
        found = self._plans.get(id(pattern))
        if found is not None:
            return found[1]  # the verbs of a block share their patterns
        plan = _make_plan(pattern)
        self._plans[id(pattern)] = (pattern, plan)
        return plan


def _steps(slots: tuple[tuple[str, ...], ...]) -> tuple[_Step, ...]:
    steps: list[_Step] = []
    for slot in slots:
        marker = slot[0]
        if marker == "(" or marker in ("^", "%"):
            continue
        if marker in ("+", "$"):
            steps.append((_TARGET if marker == "+" else _SOURCE, frozenset(), ()))
            continue
        split = tuple(tuple(alternative.split()) for alternative in slot)
        steps.append((_WORDS, frozenset(parts[0] for parts in split if parts), split))
    return tuple(steps)


def _make_plan(pattern: Pattern) -> _Plan:
    before, after = _steps(pattern.before), _steps(pattern.after)
    return _Plan(
        before,
        after,
        tuple(starts for kind, starts, _split in before + after if kind == _WORDS),
        frozenset(
            word
            for slot in (*pattern.before, *pattern.after)
            for alternative in slot
            for word in alternative.split()
        ),
        pattern.weight,
    )


def _view(words: list[tuple[str, str, int]]) -> _View:
    return words, frozenset(w for text, lemma, _i in words for w in (text, lemma))


def _slot_matches(
    alternatives: tuple[tuple[str, ...], ...], words: list[tuple[str, str, int]], at: int
) -> tuple[int, int]:
    """Return (tokens covered from `at`, how many by their exact form); (0, 0) if none."""
    text, lemma, _i = words[at]
    for parts in alternatives:
        if len(parts) == 1:
            if parts[0] == text:
                return 1, 1
            if parts[0] == lemma:
                return 1, 0
            continue
        window = words[at : at + len(parts)]
        if len(window) == len(parts) and all(
            p == w[0] or p == w[1] for p, w in zip(parts, window, strict=True)
        ):
            exact = sum(p == w[0] for p, w in zip(parts, window, strict=True))
            return len(parts), exact
    return 0, 0


def _match_slots(
    steps: tuple[_Step, ...], words: list[tuple[str, str, int]]
) -> tuple[bool, int | None, int | None, int]:
    """Match slots in order as a subsequence of `words`.

    Returns (ok, target_at, source_at, exact): `exact` counts words matched by their
    surface form, which breaks ties between patterns ("SANCTIONS" over "SANCTION").
    """
    position = 0
    last: int | None = None
    target_at: int | None = None
    source_at: int | None = None
    exact = 0
    count = len(words)
    for kind, starts, alternatives in steps:
        if kind == _TARGET:
            target_at = words[last][2] if last is not None else -1
            continue
        if kind == _SOURCE:
            source_at = words[last][2] if last is not None else -1
            continue
        while position < count:
            text, lemma, _i = words[position]
            if text not in starts and lemma not in starts:
                position += 1  # no alternative can start here (speed: skips most tokens)
                continue
            covered, surface = _slot_matches(alternatives, words, position)
            if covered:
                last = position + covered - 1
                position += covered
                exact += surface
                break
            position += 1
        else:
            return False, None, None, 0
    return True, target_at, source_at, exact


def _complement(sentence: Sentence, verb: int) -> tuple[set[int], set[str], set[str]]:
    """Return the verb's verbal xcomp: its tokens, its verbs' forms, and those of infinitives.

    "agreed to lift the sanctions" is composed from two verbs later, not read as "agree (to
    sanctions)": the verbal xcomp is left out of the narrow view. "wants to help": a pattern
    naming only HELP means the noun ("wants help"), and the infinitive is composed later;
    "believed LINKED to" names the verb it absorbs.
    """
    tokens = sentence.tokens
    complement = {
        t.i
        for child in sentence.children(verb)
        if child.dep == "xcomp" and child.pos == "VERB"
        for t in sentence.subtree(child.i)
    }
    verbs: set[str] = set()
    infinitives: set[str] = set()
    for i in complement:
        if tokens[i].pos == "VERB":
            forms = (tokens[i].text.upper(), tokens[i].lemma.upper())
            verbs.update(forms)
            if any(c.dep == "aux" and c.lemma == "to" for c in sentence.children(i)):
                infinitives.update(forms)
    return complement, verbs, infinitives


def match_pattern(
    sentence: Sentence, verb: int, entry: VerbEntry, patterns: PatternIndex | None = None
) -> Match | None:
    """Return the most specific pattern of `entry` matching around `verb`, if any.

    A pattern that names the verb of an xcomp ("* TO WAGE WAR") reads the complement's
    words and absorbs it; any other pattern reads the verb's own clause only. `patterns`
    is the run's compiled index (`Resources.patterns`); without one the entry's patterns
    are compiled for this call.
    """
    if not entry.patterns:
        return None
    wide = clause_tokens(sentence, verb)
    tokens = sentence.tokens
    words = {i: (tokens[i].text.upper(), tokens[i].lemma.upper(), i) for i in wide if i != verb}
    index = (patterns or PatternIndex()).index(entry.patterns)
    # the wide view holds the narrow one's words: a pattern none of them can start is skipped
    candidates = set(index.always)
    for text, lemma, _i in words.values():
        candidates.update(index.by_word.get(text, ()))
        candidates.update(index.by_word.get(lemma, ()))
    if not candidates:
        return None  # most verbs: no pattern could match (speed: no views to build)
    complement, complement_verbs, infinitives = _complement(sentence, verb)
    narrow = [i for i in wide if i not in complement]
    # "sanctions were imposed on Iran": the passive subject is what the active verb has
    # after it ("imposed SANCTIONS (ON) +"), so patterns read it first among the words after
    patient = {
        t.i
        for child in sentence.children(verb)
        if child.dep == "nsubjpass"
        for t in sentence.subtree(child.i)
    }
    views: dict[bool, tuple[_View, _View, frozenset[str]]] = {}
    for absorbs, clause in ((False, narrow), (True, wide)):
        if absorbs and not complement:
            views[True] = views[False]
            continue
        before = _view([words[i] for i in clause if i < verb and i not in patient])
        after = _view(
            [words[i] for i in clause if i in patient]
            + [words[i] for i in clause if i > verb and i not in patient]
        )
        views[absorbs] = (before, after, before[1] | after[1])
    best: Match | None = None
    best_score = (0, 0)
    for number in sorted(candidates):
        pattern, plan = index.plans[number]
        if best is not None and plan.weight < best_score[0]:
            continue
        absorbs = bool(complement_verbs) and not plan.words.isdisjoint(complement_verbs)
        if absorbs and plan.words <= infinitives:
            continue
        before, after, present = views[absorbs]
        if any(starts.isdisjoint(present) for starts in plan.needed):
            continue  # a word slot with nothing to match
        ok_after, target_at, source_at, exact_after = _match_slots(plan.after, after[0])
        if not ok_after:
            continue
        ok_before, _target, _source, exact_before = _match_slots(plan.before, before[0])
        if not ok_before:
            continue
        score = (plan.weight, exact_after + exact_before)
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
