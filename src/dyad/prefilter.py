"""Skip sentences that cannot yield an event before the parser sees them.

Reads: raw sentence text. Adds: a yes/no per sentence.

An event needs a dictionary verb, a source actor and (when `coder.require_dyad` is on, the
default) a target actor; every actor the coder resolves comes from a dictionary phrase, a
surname or spelling variant of one, an agent word, or "we"/"our" read from the author's
side. So a sentence is parsed only when it holds a form of a dictionary verb and at least
`min_actors` word positions where such an actor could start. Both checks are look-ups over
the sentence's words, far cheaper than a parse, and err on the side of keeping: a position
counts when any of several spellings of its word (with or without a final full stop or a
possessive "'s") could start a match. `dyad eval` runs with and without the filter to show
it loses no recall.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from dyad.anaphora import GROUP_PRONOUNS, PERSONAL_PRONOUNS
from dyad.dictionaries import ActorDictionary, VerbDictionary, skeleton

_WORD = re.compile(r"[^\W_][\w.'\u2019]*")
_VOWELS = frozenset("AEIOU")
_POSSESSIVE = ("'S", "\u2019S")
# "we", "us", "our" resolve to the author's country when a document has a perspective
_FIRST_PERSON_PLURAL = frozenset({"WE", "US", "OUR", "OURS", "OURSELVES"})
_HEADLINE_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")
# words a Title Case headline capitalises that are no names
_SMALL_WORDS = frozenset(
    """TO IN FOR WITH OF AND THE A AN ON AS AT BY FROM AFTER OVER AMID AGAINST INTO UPON
    BUT OR NOT NO IS ARE WAS WERE BE BEEN HAS HAVE HAD WILL WOULD MAY MIGHT CAN COULD
    SAYS SAID NEW IT HE SHE THEY WE""".split()
)
# "he" may be the person named in an earlier sentence, "they" the group (dyad.anaphora)
_THIRD_PERSON = frozenset(w.upper() for w in PERSONAL_PRONOUNS | GROUP_PRONOUNS)
_VARIANT_MIN_CHARS = 7  # as `actors._variant_match`: shorter names are not matched fuzzily
# `Prefilter.triage` verdicts
SKIP = 0  # names no actor: nothing to parse, nothing for the document's context
CONTEXT = 1  # names an actor but cannot hold an event: tokenize it for the context country
PARSE = 2  # could hold an event: parse and code it


def inflections(lemma: str) -> set[str]:
    """Return the regular English forms of a verb lemma (upper case)."""
    forms = {lemma, lemma + "S", lemma + "ES", lemma + "ED", lemma + "ING", lemma + "D"}
    if lemma.endswith("E"):
        forms |= {lemma[:-1] + "ING", lemma[:-1] + "ED"}
    if lemma.endswith("Y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "IES", lemma[:-1] + "IED"}
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"W", "X", "Y"} and lemma[-2] in _VOWELS:
        forms |= {lemma + lemma[-1] + "ED", lemma + lemma[-1] + "ING"}
    return forms


@dataclass(frozen=True, slots=True)
class Prefilter:
    """Word sets compiled once from the dictionaries.

    `min_actors` is 2 when the coder keeps only events with a target (`require_dyad`),
    else 1.
    """

    verb_forms: frozenset[str]
    actors: ActorDictionary
    min_actors: int = 2
    # every actor and agent phrase, and every first part of one: a walk along the words
    # stops at the first part that begins no phrase
    phrases: frozenset[tuple[str, ...]] = field(init=False)
    prefixes: frozenset[tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        phrases = frozenset(self.actors.actors) | frozenset(self.actors.agents)
        prefixes = frozenset(key[:length] for key in phrases for length in range(1, len(key)))
        object.__setattr__(self, "phrases", phrases)
        object.__setattr__(self, "prefixes", prefixes | phrases)

    @staticmethod
    def build(actors: ActorDictionary, verbs: VerbDictionary, *, min_actors: int = 2) -> Prefilter:
        forms: set[str] = set()
        for key in verbs.verbs:
            forms |= inflections(key)
        return Prefilter(frozenset(forms), actors, min_actors)

    def could_hold_event(self, text: str) -> bool:
        """Return whether `text` holds a dictionary verb form and enough possible actors."""
        return self.triage(text) == PARSE

    def triage(self, text: str) -> int:
        """Return PARSE, CONTEXT (names an actor, cannot hold an event) or SKIP for `text`."""
        raw = _WORD.findall(text)
        words = [w.upper().rstrip("'\u2019") for w in raw]
        bare = [w.rstrip(".") or w for w in words]
        verb = any(w in self.verb_forms for w in bare)
        found = self.count_actors(raw, words, bare, self.min_actors if verb else 1)
        if found == 0:
            return SKIP
        return PARSE if verb and found >= self.min_actors else CONTEXT

    def count_actors(self, raw: list[str], words: list[str], bare: list[str], enough: int) -> int:
        """Return how many word positions could start an actor, counting up to `enough`."""
        owned = [w[:-2] if w.endswith(_POSSESSIVE) else w for w in words]
        spellings = (words, bare, owned)
        first_words = self.actors.first_words
        count = 0
        for position in range(len(raw)):
            if any(
                s[position] in first_words and self._phrase_at(s, position) for s in spellings
            ) or self._person_at(raw, words, owned, position):
                count += 1
                if count >= enough:
                    break
        return count

    def _phrase_at(self, words: list[str], position: int) -> bool:
        phrases, prefixes = self.phrases, self.prefixes
        key: tuple[str, ...] = ()
        for word in words[position : position + self.actors.max_words]:
            key += (word,)
            if key in phrases:
                return True
            if key not in prefixes:
                return False
        return False

    def _person_at(self, raw: list[str], words: list[str], owned: list[str], at: int) -> bool:
        """Return whether a surname, a spelling variant or "we" could start at `at`."""
        if words[at] in _FIRST_PERSON_PLURAL or words[at] in _THIRD_PERSON:
            return True
        if not raw[at][:1].isupper():
            return False
        dictionary = self.actors
        if words[at] in dictionary.surnames or owned[at] in dictionary.surnames:
            return True
        for spelling in (words, owned):
            joined = ""
            for original, word in zip(raw[at : at + 3], spelling[at : at + 3], strict=True):
                if not original[:1].isupper():
                    break
                joined += word
                if len(joined) >= _VARIANT_MIN_CHARS and _skeleton(joined) in dictionary.skeletons:
                    return True
        return False

    def headline_case(self, text: str) -> str:
        """Return a Title Case headline with its verbs and small words in lower case.

        "Maliki Returns From Tehran As Basra Fighting Tests Ties" -> "Maliki returns from
        Tehran as Basra fighting tests ties": the parser then finds the verb. Names stay
        as written; the length is unchanged, so offsets still point into the text.
        """
        words = list(_HEADLINE_WORD.finditer(text))
        capitalised = [w for w in words if w.group()[0].isupper()]
        if len(words) < 4 or len(capitalised) < 0.6 * len(words):
            return text
        chars = list(text)
        for word in words[1:]:  # the first word is capitalised as any sentence's is
            found = word.group()
            upper = found.upper()
            capital = found[0].isupper() and found[1:].islower()
            if capital and (upper in self.verb_forms or upper in _SMALL_WORDS):
                chars[word.start()] = chars[word.start()].lower()
        return "".join(chars)

    def keep(self, texts: Iterable[str]) -> list[bool]:
        """Return one decision per text."""
        return [self.could_hold_event(t) for t in texts]


# names recur across sentences; the skeleton of one is a few regular-expression passes
_skeleton = lru_cache(maxsize=1 << 16)(skeleton)
