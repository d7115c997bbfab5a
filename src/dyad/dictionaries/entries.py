"""The compiled dictionaries' records: actor entries and their dated codes, verb entries
and their patterns, and the two dictionaries that hold them.

`loader` builds them from dictionary files (`verbfile` reads the verb file's blocks and
patterns); the coding stages only read them.
"""

from __future__ import annotations

import gc
import itertools
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from dyad.dictionaries.eras import country_of_era


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large acyclic index is built or loaded.

    Each of its many containers counts towards a collection that walks every object the
    process holds (the model, the dictionaries): the pauses cost more than the building.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A CAMEO actor code valid from `start` to `end` (ISO dates; None is open)."""

    code: str
    start: str | None = None
    end: str | None = None

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor root phrase with its synonyms' shared codes."""

    name: str
    codes: tuple[DatedCode, ...]
    source: str  # "file:line" of the root phrase
    person: bool = False

    def dated_on(self, day: str | None) -> bool:
        """Return whether a date-restricted code of this entry holds on `day`."""
        return bool(self._dated_codes_on(day))

    def _dated_codes_on(self, day: str | None) -> list[DatedCode]:
        """Return the date-restricted codes that hold on `day` (none without a day)."""
        if day is None:
            return []
        return [dated for dated in self.codes if (dated.start or dated.end) and dated.valid_on(day)]

    def in_office_on(self, day: str | None) -> bool:
        """Return whether a date-restricted code holds on `day` that is no rising elite's.

        The Phoenix files date a politician's years before office as elite ("HELEN_CLARK"
        NZLELI 1968-1999): on the real-text gold's train split none of the 24 bare surnames
        read as such an elite was right. The elite years after an office (a former
        president: "Trump" since 2021) count.
        """
        for dated in self._dated_codes_on(day):
            if not dated.code.endswith("ELI"):
                return True
            start = dated.start
            if start and any(
                not held.code.endswith("ELI") and held.end and held.end <= start
                for held in self.codes
            ):
                return True  # out of office since `start`
        return False

    def gone_on(self, day: str | None) -> bool:
        """Return whether every code of this entry is dated and none holds on `day`.

        King Hussein ("HUSSEIN_", JORGOV to 1999-02-07) holds no role in 2017; a code
        then would only be his country's.
        """
        if day is None or not self.codes:
            return False
        if any(dated.start is None and dated.end is None for dated in self.codes):
            return False
        return not self._dated_codes_on(day)

    def code_on(self, day: str | None) -> str | None:
        """Return the code valid on `day`, else an undated one, else the latest's country.

        Of two roles valid on `day`, the one begun later holds: Phoenix leaves the role a
        person had in 2014 open ("[LUXGOV >19950120]"), and the supplement's later one
        ("[IGOEUREEC 20141101-20191130]") says what Juncker was in 2016. A code of a state
        that was then part of another is that state's (`eras`: "Moscow" in 1987 is SUN).
        """
        code = self._code_on(day)
        return country_of_era(code, day) if code else code

    def _code_on(self, day: str | None) -> str | None:
        valid = self._dated_codes_on(day)
        if valid:
            return max(valid, key=lambda dated: dated.start or "").code
        for dated in self.codes:
            if dated.start is None and dated.end is None:
                return dated.code
        if not self.codes:
            return None
        return self.codes[-1].code[:3]


@dataclass(slots=True)
class ActorDictionary:
    """Phrase indexes over actor and agent entries; keys are tuples of upper-case words."""

    actors: dict[tuple[str, ...], ActorEntry] = field(default_factory=dict)
    agents: dict[tuple[str, ...], str] = field(default_factory=dict)
    max_words: int = 1
    first_words: frozenset[str] = frozenset()
    skeletons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    surnames: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()  # `source` of the entries that name a person
    # word trie over the actor and agent keys, built by `phrase_lengths` (again if keys are added)
    _phrases: _PhraseNode | None = field(default=None, init=False, repr=False, compare=False)
    _phrase_counts: tuple[int, int] = field(default=(0, 0), init=False, repr=False, compare=False)
    # the keys' words by length, with how many keys hold each (built by `unmangled` when it
    # first reads a mangled word)
    _words_by_length: dict[int, dict[str, int]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def unmangled(self, word: str) -> str:
        """Return the key word that `word`, its letters mangled, most likely is; else `word`.

        Text decoded with the wrong codec carries two replacement characters for each
        two-byte letter ("SINN F\ufffd\ufffdIN", "D\ufffd\ufffdIL"); each pair stands for one letter
        of a key word, which the dictionaries mostly write without accents ("SINN FEIN").
        Key words that differ only by accents are one reading (FEIN, FÉIN), returned as its
        unaccented key word where there is one, else as its commonest. Most two-byte
        letters of the Latin scripts are accented vowels, so a reading with vowels in the
        gaps wins over the others (DAIL, not DRIL); else one in at least three times as
        many keys as any other (FRANCOIS, not FRANGOIS); else the word is left as it is.
        """
        if MANGLED_PAIR not in word:
            return word
        pieces = word.split(MANGLED_PAIR)
        kept = "".join(pieces)
        if MANGLED_PAIR[0] in kept or len(kept) < MIN_KEPT_LETTERS:
            return word  # a lone mark (no letter count to go by), or too little left to read
        length = sum(map(len, pieces)) + len(pieces) - 1
        by_length = self._words_by_length
        if by_length is None:
            counts: Counter[str] = Counter(
                known for key in itertools.chain(self.actors, self.agents) for known in key
            )
            by_length = {}
            for known, count in counts.items():
                by_length.setdefault(len(known), {})[known] = count
            self._words_by_length = by_length
        words = by_length.get(length, {})
        readings: Counter[str] = Counter()
        forms: dict[str, str] = {}  # a reading's key word: unaccented, else the commonest
        vowelled: set[str] = set()
        for known, count in words.items():
            gaps = _gaps(known, pieces)
            if gaps is not None:
                reading = unaccented(known)
                readings[reading] += count
                form = forms.get(reading)
                if form is None or (known == reading, count) > (form == reading, words[form]):
                    forms[reading] = known
                if all(letter in VOWELS for letter in unaccented(gaps)):
                    vowelled.add(reading)
        if len(vowelled) == 1:
            return forms[vowelled.pop()]
        ranked = readings.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] < 3 * ranked[1][1]):
            return word
        return forms[ranked[0][0]]

    def phrase_lengths(self, words: Sequence[str], start: int, stop: int) -> list[int]:
        """Return the lengths of the actor or agent keys `words[start:stop]` begins with.

        Longest first. The words are upper case, as the keys; the sentence's words are
        walked once instead of looking up a tuple for every length up to `max_words`.
        """
        counts = (len(self.actors), len(self.agents))
        root = self._phrases
        if root is None or counts != self._phrase_counts:
            with gc_paused():
                root = _PhraseNode.build(itertools.chain(self.actors, self.agents))
            self._phrases, self._phrase_counts = root, counts
        lengths: list[int] = []
        following = root.following
        for at in range(start, stop):
            node = following.get(words[at])
            if node is None:
                break
            if node.complete:
                lengths.append(at - start + 1)
            following = node.following
        lengths.reverse()
        return lengths


# two replacement characters: one two-byte letter decoded with the wrong codec
MANGLED_PAIR = "\ufffd\ufffd"
VOWELS = frozenset("AEIOUY")
MIN_KEPT_LETTERS = 3  # "A\ufffd\ufffd" could be most two-letter words


def unaccented(word: str) -> str:
    """Return `word` without its accents ("Nicolás" -> "Nicolas")."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _gaps(known: str, pieces: Sequence[str]) -> str | None:
    """Return the letters of `known` between `pieces`, one per gap; None if it is not so."""
    at, gaps = 0, []
    for n, piece in enumerate(pieces):
        if known[at : at + len(piece)] != piece:
            return None
        at += len(piece)
        if n < len(pieces) - 1:
            if not known[at].isalpha():
                return None
            gaps.append(known[at])
            at += 1
    return "".join(gaps)


class _PhraseNode:
    """One word of a key trie: the words that may follow it, and whether a key ends here."""

    __slots__ = ("following", "complete")

    def __init__(self) -> None:
        self.following: dict[str, _PhraseNode] = {}
        self.complete = False

    @staticmethod
    def build(keys: Iterable[tuple[str, ...]]) -> _PhraseNode:
        root = _PhraseNode()
        for key in keys:
            node = root
            for word in key:
                found = node.following.get(word)
                if found is None:
                    found = node.following[word] = _PhraseNode()
                node = found
            node.complete = True
        return root


@dataclass(frozen=True, slots=True)
class Pattern:
    """A verb pattern: word slots before and after the verb, and the code it gives.

    Slots are tuples of alternatives (a synset expands to its members); a slot
    starting with "(" opens a prepositional group. "$" and "+" mark where the
    source and target stand.
    """

    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    code: str
    reverse_code: str | None
    source_line: int
    # the block verb the pattern was written for ("- &MILITARY * [192] # TAKE"), if named
    verb: str | None = None

    @property
    def weight(self) -> int:
        return sum(1 for slot in self.before + self.after if slot[0] not in MARKERS)


MARKERS = frozenset({"$", "+", "^", "%", "("})


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb of a block: its own code (or the block's), and the block's patterns."""

    lemma: str
    block: str
    code: str | None
    reverse_code: str | None
    particles: tuple[str, ...]
    patterns: tuple[Pattern, ...]


@dataclass(slots=True)
class VerbDictionary:
    """Verb lemma (and irregular form) -> entries; several when particles differ."""

    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
