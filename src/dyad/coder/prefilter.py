"""Skip sentences that cannot yield an event before the parser sees them.

Reads: raw sentence text. Adds: a verdict per sentence (PARSE, CONTEXT or SKIP).

An event needs a dictionary verb that gives a code, a source actor and (when
`coder.require_dyad` is on, the default) a target actor; every actor the coder resolves
comes from a dictionary phrase, a surname or spelling variant of one, an agent word, or
a pronoun read through the sentences before. So a sentence is parsed only when:

- it holds at least `min_actors` names found as the coder finds them (longest first,
  without overlap: "the government" is one), counting "we"/"us"/"our" only when the
  document says whose side the author is on, "he"/"his" only after a sentence that named
  an actor, and "they"/"their" only after one that named a group (`dyad.coder.anaphora`);
- and a word outside those names could be a verb whose dictionary entry can code here:
  not capitalised inside a sentence that is not a headline, its particles present, and
  a code of its own or a pattern whose every slot has a word in the sentence.

With Coder v2 (`Prefilter.learned`: built with its trigger lemmas), a form of one of those
lemmas may hold an event too, a sentence with no name but a trigger's passive participle
("Several men were detained") is parsed, as Coder v2 codes its source `---`, and "I"
counts wherever "we" does.

Each check is a look-up over the sentence's words, far cheaper than a parse, and errs
on the side of keeping: a position counts when any of several spellings of its word
(with or without a final full stop or a possessive "'s") could start a match.
`dyad eval --no-prefilter` shows the filter loses no event on the suites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from dyad.coder.lexicon import FIRST_PERSON_PLURAL, GROUP_PRONOUNS, PERSONAL_PRONOUNS
from dyad.dictionaries.entries import ActorDictionary, VerbDictionary, VerbEntry
from dyad.dictionaries.loader import skeleton
from dyad.dictionaries.verbfile import ends_in_consonant_y

_WORD = re.compile(r"[^\W_][\w.'\u2019]*")
_VOWELS = frozenset("AEIOU")
_POSSESSIVE = ("'S", "\u2019S")
# "we", "us", "our" resolve to the author's country when a document has a perspective
_FIRST_PERSON_PLURAL = frozenset(w.upper() for w in FIRST_PERSON_PLURAL)
_HEADLINE_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")
# words a Title Case headline capitalises that are no names
_SMALL_WORDS = frozenset(
    """TO IN FOR WITH OF AND THE A AN ON AS AT BY FROM AFTER OVER AMID AGAINST INTO UPON
    BUT OR NOT NO IS ARE WAS WERE BE BEEN HAS HAVE HAD WILL WOULD MAY MIGHT CAN COULD
    SAYS SAID NEW IT HE SHE THEY WE GO DO UP SO IF MY ME""".split()
)
# a dictionary name this short in an ALL CAPS headline may be an abbreviation ("EC", "NATO")
_SHORT_NAME = 4
# a slot that marks a place, not a word: "(" opens a phrase, "+"/"$" target/source
_MARKERS = frozenset({"(", "^", "%", "+", "$"})
# a capitalised verb form after these may still be a verb: '... said: "Attack them"'
_OPENERS = frozenset("\"'\u201c\u2018(:;-\u2014")
# "he" may be the person named in an earlier sentence, "they" the group (dyad.coder.anaphora)
_PERSONAL = frozenset(w.upper() for w in PERSONAL_PRONOUNS)
_GROUP = frozenset(w.upper() for w in GROUP_PRONOUNS)
_PRONOUNS = _FIRST_PERSON_PLURAL | _PERSONAL | _GROUP
# Coder v2 reads "I", "we" and "our" as the author's side or the document's context country
_FIRST_PERSON = _FIRST_PERSON_PLURAL | frozenset({"I", "MY", "ME"})
# a participle after these may be an agentless passive: "Several men were detained"
_PASSIVE_AUXILIARIES = frozenset("IS ARE WAS WERE BE BEEN BEING".split())
_AUXILIARIES = frozenset({"BE", "HAVE", "DO"})
_PASSIVE_GAP = 2  # words between the auxiliary and the participle ("were safely destroyed")
_NONE: frozenset[str] = frozenset()
_VARIANT_MIN_CHARS = 7  # as `mentions._variant_match`: shorter names are not matched fuzzily
# `Prefilter.triage` verdicts
SKIP = 0  # names no actor: nothing to parse, nothing for the document's context
CONTEXT = 1  # names an actor but cannot hold an event: tokenize it for the context country
PARSE = 2  # could hold an event: parse and code it


def inflections(lemma: str) -> set[str]:
    """Return the regular English forms of a verb lemma (upper case)."""
    forms = {lemma, lemma + "S", lemma + "ES", lemma + "ED", lemma + "ING", lemma + "D"}
    if lemma.endswith("E"):
        forms |= {lemma[:-1] + "ING", lemma[:-1] + "ED"}
    if ends_in_consonant_y(lemma):
        forms |= {lemma[:-1] + "IES", lemma[:-1] + "IED"}
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"W", "X", "Y"} and lemma[-2] in _VOWELS:
        forms |= {lemma + lemma[-1] + "ED", lemma + lemma[-1] + "ING"}
    return forms


@dataclass(frozen=True, slots=True)
class VerbNeeds:
    """What a sentence must hold for one dictionary entry of a verb to give a code.

    `particles` must all be words of the sentence; then the verb codes on its own
    (`alone`) or through a pattern, each pattern a tuple of slots, each slot the set of
    word forms that could fill it. Patterns coded "---" only stop a code: left out.
    """

    particles: frozenset[str]
    alone: bool
    patterns: tuple[tuple[frozenset[str], ...], ...]

    @staticmethod
    def of(entry: VerbEntry, slots: dict[int, tuple[tuple[frozenset[str], ...], ...]]) -> VerbNeeds:
        """Compile `entry`; `slots` caches the patterns a block's verbs share (by identity)."""
        key = id(entry.patterns)
        if key not in slots:
            slots[key] = tuple(
                tuple(
                    _slot_forms(slot)
                    for slot in (*pattern.before, *pattern.after)
                    if slot[0] not in _MARKERS
                )
                for pattern in entry.patterns
                if _codes(pattern.code, pattern.reverse_code)
            )
        return VerbNeeds(
            frozenset(entry.particles), _codes(entry.code, entry.reverse_code), slots[key]
        )

    def met(self, present: frozenset[str]) -> bool:
        """Return whether the words `present` could let this entry give a code."""
        if not self.particles <= present:
            return False
        return self.alone or any(
            all(not slot.isdisjoint(present) for slot in slots) for slots in self.patterns
        )


def _codes(code: str | None, reverse_code: str | None) -> bool:
    return bool(code and code != "---") or bool(reverse_code)


@cache
def _slot_forms(slot: tuple[str, ...]) -> frozenset[str]:
    """Every word form that could fill one of `slot`'s alternatives (any of its words)."""
    forms: set[str] = set()
    for alternative in slot:
        for word in alternative.split():
            forms |= inflections(word)
    return frozenset(forms)


# a learned trigger: the trigger model scores it wherever it stands
_TRIGGER = VerbNeeds(frozenset(), True, ())


def _plain_trigger(lemma: str, verbs: VerbDictionary, actors: ActorDictionary) -> bool:
    """Return whether a learned trigger lemma may hold an event wherever it stands.

    Not an auxiliary, whose every sentence has one; not a dictionary verb, whose entry
    already says what it needs ("make" codes only in "make a visit"); not a name or an
    agent ("troops", "people"), which the pre-filter counts as an actor instead.
    """
    if lemma in _AUXILIARIES:
        return False
    return not any(
        (form,) in actors.actors or (form,) in actors.agents for form in inflections(lemma)
    )


def readable_pronouns(perspective: bool, after_actor: bool, after_group: bool) -> frozenset[str]:
    """Return the pronouns that can stand for an actor in a sentence (upper case).

    "we" and "our" need the author's side (a perspective); "he" and "his" a sentence
    before it in the same segment that named an actor; "they" and "their" one that
    named a group (`dyad.coder.anaphora`).
    """
    return (
        (_FIRST_PERSON_PLURAL if perspective else _NONE)
        | (_PERSONAL if after_actor else _NONE)
        | (_GROUP if after_group else _NONE)
    )


@dataclass(frozen=True, slots=True)
class Names:
    """The actors a sentence could name, as the pre-filter finds them."""

    count: int
    inside: frozenset[int]  # positions of words inside a name of several words
    group: bool  # names an actor "they" could stand for in the next sentence
    pronoun: bool  # holds a pronoun, read or not


def _title_case(found: list[re.Match[str]]) -> bool:
    """Return whether most words are capitalised, as in a headline or an all-caps line."""
    letters = [m.group() for m in found if m.group()[:1].isalpha()]
    return len(letters) >= 3 and sum(w[0].isupper() for w in letters) >= 0.6 * len(letters)


@dataclass(frozen=True, slots=True)
class Prefilter:
    """Word sets compiled once from the dictionaries.

    `min_actors` is 2 when the coder keeps only events with a target (`require_dyad`),
    else 1.
    """

    verb_forms: frozenset[str]
    actors: ActorDictionary
    min_actors: int = 2
    # word form -> what each of the dictionary entries (or learned triggers) it may be needs
    verb_needs: dict[str, tuple[VerbNeeds, ...]] = field(default_factory=dict)
    # Coder v2 is on: its trigger lemmas, "I"/"we" in context and agentless passives count
    learned: bool = False

    @staticmethod
    def build(
        actors: ActorDictionary,
        verbs: VerbDictionary,
        *,
        min_actors: int = 2,
        triggers: Iterable[str] = (),
    ) -> Prefilter:
        """Compile the dictionaries' word sets.

        Args:
            actors: The actor and agent dictionary.
            verbs: The verb dictionary.
            min_actors: Names a sentence needs (2 under `coder.require_dyad`).
            triggers: Coder v2's trigger lemmas (`Models.lexicon`), verbs and nouns the
                trigger model scores: any form of one may hold an event, with no pattern.
        """
        needs: dict[str, set[VerbNeeds]] = {}
        shared: dict[int, tuple[tuple[frozenset[str], ...], ...]] = {}
        for key, entries in verbs.verbs.items():
            own = {VerbNeeds.of(entry, shared) for entry in entries}
            for form in inflections(key):
                needs.setdefault(form, set()).update(own)
        forms = frozenset(needs)  # headlines lower-case dictionary verbs only
        learned = False
        for lemma in triggers:
            learned = True
            if _plain_trigger(lemma.upper(), verbs, actors):
                for form in inflections(lemma.upper()):
                    needs.setdefault(form, set()).add(_TRIGGER)
        return Prefilter(
            forms, actors, min_actors, {k: tuple(v) for k, v in needs.items()}, learned
        )

    def pronouns(self, perspective: bool, after_actor: bool, after_group: bool) -> frozenset[str]:
        """Return the pronouns that can stand for an actor here (`readable_pronouns`).

        With Coder v2, "I", "my" and "me" count too where "we" does: its candidates read
        a first person as the author's side or the document's context country.
        """
        readable = readable_pronouns(perspective, after_actor, after_group)
        return readable | _FIRST_PERSON if self.learned and perspective else readable

    def could_hold_event(self, text: str) -> bool:
        """Return whether `text` holds a dictionary verb form and enough possible actors."""
        return self.triage(text, perspective=True) == PARSE

    def triage(self, text: str, *, perspective: bool = False, after_actor: bool = True) -> int:
        """Return PARSE, CONTEXT (names an actor, cannot hold an event) or SKIP for `text`.

        Args:
            text: The sentence.
            perspective: The document says whose side "we" and "our" are.
            after_actor: The sentence follows, in the same segment, one that named an
                actor: only then can "he" or "they" stand for someone (`dyad.coder.anaphora`).
        """
        return self.read(text, self.pronouns(perspective, after_actor, after_actor))[0]

    def read(self, text: str, pronouns: frozenset[str]) -> tuple[int, bool]:
        """Return the verdict on `text` and whether it names a group "they" could mean.

        Args:
            text: The sentence.
            pronouns: The pronouns that can stand for an actor here (`readable_pronouns`).
        """
        found = list(_WORD.finditer(text))
        raw = [m.group() for m in found]
        words = [w.upper().rstrip("'\u2019") for w in raw]
        bare = [w.rstrip(".") or w for w in words]
        verb = self._could_code(text, found, bare, frozenset())  # before names are known
        names = self.find_names(raw, words, bare, pronouns, everything=verb)
        if names.count == 0:
            if verb and self.learned and self.min_actors == 1 and self._passive(bare):
                return PARSE, False  # "Several men were detained": a source "---", no name
            # a sentence with a pronoun is kept for the context all the same: skipped, it
            # would make the coder forget the person named before it
            return (CONTEXT if names.pronoun else SKIP), False
        if not verb or names.count < self.min_actors:
            return CONTEXT, names.group
        if names.inside and not self._could_code(text, found, bare, names.inside):
            return CONTEXT, names.group
        return PARSE, names.group

    def find_names(
        self,
        raw: list[str],
        words: list[str],
        bare: list[str],
        pronouns: frozenset[str],
        *,
        everything: bool = True,
    ) -> Names:
        """Return the actors that could be named, apart; without `everything`, stop at one.

        Names are taken as the coder takes them (`mentions.find_mentions`): the longest
        first, left to right, without overlap, so "the government" is one actor.
        """
        owned = [w[:-2] if w.endswith(_POSSESSIVE) else w for w in words]
        first_words = self.actors.first_words
        count = 0
        group = pronoun = False
        inside: set[int] = set()
        position = 0
        while position < len(raw):
            word = words[position]
            length, actor = 0, False
            # the word as written, without a full stop, without "'s"
            for spelling in (words, bare, owned):
                if spelling[position] in first_words and (
                    spelling is words or spelling[position] != word
                ):
                    length, actor = max(
                        (length, actor), self._phrase_length(spelling, raw, position)
                    )
            if length == 0 and (bare[position] in _PRONOUNS or bare[position] in pronouns):
                pronoun = True
                length = 1 if bare[position] in pronouns else 0
            elif length == 0 and raw[position][:1].isupper():
                if self._person_at(raw, words, owned, position):
                    length, actor = 1, True
            if length:
                count += 1
                group = group or actor
                if length > 1:
                    inside.update(range(position, position + length))
                if not everything:
                    break
            position += max(1, length)
        return Names(count, frozenset(inside), group, pronoun)

    def _phrase_length(self, words: list[str], raw: list[str], position: int) -> tuple[int, bool]:
        """Return the length of the longest actor or agent phrase starting at `position`,
        and whether it names an actor (not only an agent: "they" cannot stand for one)."""
        stop = min(len(words), position + self.actors.max_words)
        lengths = self.actors.phrase_lengths(words, position, stop)  # the longest first
        longest = tuple(words[position : position + lengths[0]]) if lengths else ()
        short = longest[0] if len(longest) == 1 and len(longest[0]) <= 3 else ""
        if short and not raw[position][: len(short)].isupper():
            return 0, False  # "us", "un": only the capitalised abbreviation is an actor
        return len(longest), longest in self.actors.actors

    def _phrase_at(self, words: list[str], position: int) -> bool:
        return self._phrase_length(words, words, position)[0] > 0

    def _could_code(
        self, text: str, found: list[re.Match[str]], bare: list[str], inside: frozenset[int]
    ) -> bool:
        """Return whether a word could be a dictionary verb that gives a code here.

        A verb form counts unless it is part of a name, or is capitalised inside a
        sentence that is not a headline (a name, not a verb: "Free", "Support"), and its
        dictionary entry could code: its particles are in the sentence, and it has a code
        of its own or a pattern whose every slot has a word in the sentence.
        """
        present = frozenset(bare)
        capitals = _title_case(found)
        for position, word in enumerate(bare):
            if word not in self.verb_needs or position in inside:
                continue
            start = found[position].start()
            if (
                not capitals
                and position > 0
                and text[start].isupper()
                and text[:start].rstrip()[-1:] not in _OPENERS
            ):
                continue
            if any(need.met(present) for need in self.verb_needs.get(word, ())):
                return True
        return False

    def _passive(self, bare: list[str]) -> bool:
        """Return whether a possible trigger stands as a passive participle ("were seized")."""
        present = frozenset(bare)
        for position, word in enumerate(bare):
            if word not in _PASSIVE_AUXILIARIES:
                continue
            for participle in bare[position + 1 : position + 2 + _PASSIVE_GAP]:
                if participle.endswith(("ED", "EN")) and any(
                    need.met(present) for need in self.verb_needs.get(participle, ())
                ):
                    return True
        return False

    def _person_at(self, raw: list[str], words: list[str], owned: list[str], at: int) -> bool:
        """Return whether a surname or a spelling variant could start at `at`."""
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
        if len(words) >= 3 and all(w.group().isupper() for w in words):
            return self._shouted_case(text, words)
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

    def _shouted_case(self, text: str, words: list[re.Match[str]]) -> str:
        """Return an ALL CAPS headline in sentence case, its dictionary names capitalised.

        "THATCHER SAYS TRADE TARGETS SET WITH MOSCOW" -> "Thatcher says trade targets set
        with Moscow" (wire headlines of the 1980s): read in capitals, every word is a name
        to the parser. A short name ("EC", "NATO") stays as written; an agent phrase
        ("PRIME MINISTER") is lower case, as in a sentence.
        """
        uppers = [w.group() for w in words]
        named: set[int] = set()
        position = 0
        while position < len(uppers):
            length, names_actor = self._phrase_length(uppers, uppers, position)
            if length == 0 and uppers[position] in self.actors.surnames:
                length, names_actor = 1, True
            if names_actor:  # an agent phrase ("PRIME MINISTER") is words, not a name
                named.update(range(position, position + length))
            position += max(length, 1)
        chars = list(text)
        for n, word in enumerate(words):
            found = word.group()
            if (n in named and self._abbreviation(found)) or (
                len(found) <= 2 and found not in _SMALL_WORDS
            ):
                continue  # "EC", "NATO"; "UK" and "US", known or not
            recased = found.capitalize() if n in named or n == 0 else found.lower()
            chars[word.start() : word.end()] = recased
        return "".join(chars)

    def _abbreviation(self, word: str) -> bool:
        """Return whether a short dictionary name in capitals is written so ("EC", "NATO").

        A short name of a state is a word ("IRAN", "CUBA", "BONN" are Iran, Cuba, Bonn).
        """
        if len(word) > _SHORT_NAME or word in _SMALL_WORDS:
            return False
        entry = self.actors.actors.get((word,))
        code = entry.code_on(None) if entry is not None else None
        return not (code and len(code) == 3)

    def keep(self, texts: Iterable[str]) -> list[bool]:
        """Return one decision per text."""
        return [self.could_hold_event(t) for t in texts]


# names recur across sentences; the skeleton of one is a few regular-expression passes
_skeleton = lru_cache(maxsize=1 << 16)(skeleton)
