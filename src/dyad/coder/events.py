"""Find predicates and their arguments in a parsed sentence and code them with CAMEO.

Reads: Sentence tokens (lemma, dep, head), actor Mentions, the verb dictionary.
Adds: EventCode(verb, source, target, code, rule) for each (source, target) pair.

For every verb in the dictionary the coder gathers the subject (or, in the passive,
the `by` agent), the direct and dative objects and prepositional objects, resolves
each noun phrase to an actor, and picks the code of the most specific verb pattern
whose words occur around the verb (`- * (TO) &TOWN [042:043]`), else the verb's own
code. Conjoined actors ("Iran and Syria") give one event each; a pattern's reverse
code (`042:043`) gives the target's event towards the source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from dyad.coder.actors import resolve_phrase
from dyad.coder.arguments import (
    VENUE_PREPS,
    distribute,
    means_agent,
    objects,
    passive_agent,
    pobj_after,
    prep_objects,
    subjects,
)
from dyad.coder.compose import (
    APPEAL_LEMMAS,
    Reading,
    compose_events,
    negate,
)
from dyad.coder.compose import EventCode as EventCode  # re-exported: the verbs stage returns it
from dyad.coder.lexicon import (
    AGREEING_VERBS,
    CLAIM_VERBS,
    GIVING_VERBS,
    HALTING_VERBS,
    MUTUAL_FORCE_VERBS,
    PATIENT_VERBS,
    RECEIVING_VERBS,
    RECIPROCAL_CUES,
    SENDING_VERBS,
    SOLITARY_VERBS,
)
from dyad.coder.patterns import Match, PatternIndex, clause_tokens, entry_for
from dyad.coder.patterns import match_pattern as match_pattern  # re-exported for the tests
from dyad.dictionaries.entries import ActorDictionary, VerbDictionary, VerbEntry
from dyad.records import Actor, Mention, Sentence, Token

CODER_NAME = "dyad.verbs.cameo.v1"
_FORCE_ROOTS = frozenset({"18", "19", "20"})
# Events an actor can direct at its own country as a whole: protest and force ("Syrian
# troops shelled Aleppo"); anything else aimed at it names where, not whom ("returned to
# Iraq", "postponed it in Ohio", "withdrew the US from a treaty").
_AT_HOME = frozenset({"14", "15", "17", "18", "19", "20"})
_MEETINGS = frozenset({"040", "041", "044", "045", "046"})  # not visits (042, 043)
_MUTUAL_ROOTS = frozenset({"04", "05", "06"})
_MEDIATE = "045"
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


@dataclass(frozen=True, slots=True)
class VerbCode:
    """What the verb dictionary says one verb of the sentence means here.

    `code` is "" when the dictionary gives the verb no code: a claim, an appeal or a vow
    may still be read for composition (`_fallback_reading`).
    """

    entry: VerbEntry | None
    match: Match | None
    code: str
    reverse: str | None = None
    given: bool = False  # "received assurances from X": X acts (`_given`)
    negated: bool = False
    absorbed: bool = False  # the negation is in the code ("did not clash": 050)


@dataclass(frozen=True, slots=True)
class Arguments:
    """The token heads a verb's event is read from: who acts, on whom, and where."""

    sources: list[int]
    objects: list[int]
    venues: frozenset[int]


_NO_CODE = VerbCode(None, None, "")


def find_code(
    sentence: Sentence, token: Token, verbs: VerbDictionary, patterns: PatternIndex | None = None
) -> VerbCode | None:
    """Return the code of the verb `token`, or None when it is no event here.

    The most specific pattern of the verb's entry wins, else the verb's own code; a
    verb that receives ("received aid from X") takes the giver's code; a negated verb
    takes the code of its negation where CAMEO has one.
    """
    if token.tag not in _VERB_TAGS or token.pos == "AUX":
        return None
    if _purpose_of_negated(sentence, token):
        return None  # "would not give permission to Russia to help Israel": no help
    entry = entry_for(sentence, token, verbs)
    if entry is None:
        return _NO_CODE
    called = sentence.children(token.i)
    if (
        token.lemma == "call"
        and any(c.dep in ("oprd", "ccomp", "xcomp") for c in called)
        and not any(c.dep == "prep" and c.lemma in ("on", "upon", "for") for c in called)
    ):
        return None  # "calling it a violation" names something; it is no phone call [041]
    match = match_pattern(sentence, token.i, entry, patterns)
    if match is None and token.lemma in PATIENT_VERBS:
        return None  # "he died at the hospital": DIE [190] names no one who killed him
    code = match.pattern.code if match else entry.code
    reverse = match.pattern.reverse_code if match else entry.reverse_code
    given = _given(token.lemma, code, reverse)  # "received assurances from X": X acts
    if given:
        code, reverse = given, None
    if not code or code == "---":
        return _NO_CODE  # "VOW [---]"
    if reverse and code[:2] in _FORCE_ROOTS and token.lemma not in MUTUAL_FORCE_VERBS:
        reverse = None  # a block's "&WEAPON * [193:193]" fits "clashed", not "struck"
    negated = any(c.dep == "neg" for c in sentence.children(token.i))
    absorbed = False
    if negated:
        meaning = negate(code)
        if meaning is not None:
            code, reverse, absorbed = meaning, None, True
    return VerbCode(entry, match, code, reverse, bool(given), negated, absorbed)


def find_arguments(sentence: Sentence, token: Token, verb: VerbCode) -> Arguments:
    """Return the heads of the verb's source and target candidates, and its venues."""
    code, match = verb.code, verb.match
    subject_heads, passive = subjects(sentence, token.i)
    # protest and force are aimed at where they happen ("a rally in Lagos")
    candidates = objects(sentence, token.i, places=code[:2] in _AT_HOME)
    recipient = any(
        how == "prep:to" or (how == "dative" and sentence.tokens[h].dep == "pobj")
        for h, how in candidates
    )
    if (token.lemma in GIVING_VERBS and recipient) or token.lemma in SENDING_VERBS:
        # "sent troops to Iraq": the troops are what is sent, Iraq is whom to; what
        # is sent is never whom to, with no one named ("Iran sent troops")
        candidates = [c for c in candidates if c[1] != "dobj"]
    # the verb's own "in X": where it happened ("an attack at a mall" keeps its mall)
    venues = {head for head, how in prep_objects(sentence, token.i) if how in VENUE_PREPS}
    # "meet in Zurich": a venue, not a participant
    spoken = code in _MEETINGS or code[:2] in ("01", "02")  # "said in Tehran": a venue
    object_heads = [h for h, _how in candidates if not (spoken and h in venues)]
    if passive:
        source_heads = passive_agent(sentence, token.i)
        if not source_heads and code[:2] in _FORCE_ROOTS:
            source_heads = means_agent(sentence, token.i)
        object_heads = subject_heads + object_heads
    else:
        source_heads = subject_heads
    if match and match.target_after is not None and match.target_after >= 0:
        marked = pobj_after(sentence, match.target_after)
        if marked is not None:
            # "send TROOPS (TO) +": the troops are what is sent, not whom it is sent to
            theme = [h for h in object_heads if h < match.target_after]
            theme = [h for h in theme if sentence.tokens[h].dep == "dobj"]
            object_heads = [marked, *(h for h in object_heads if h not in theme)]
    return Arguments(source_heads, object_heads, frozenset(venues))


def find_targets(
    sentence: Sentence,
    arguments: Arguments,
    sources: Sequence[Actor],
    force: bool,
    resolve: Resolve,
    countries: frozenset[str],
) -> list[Actor]:
    """Return the targets: the first object that names an actor (all of a coordination)."""
    targets: list[Actor] = []
    for head in arguments.objects:
        # "fired shells at Seoul", "protested in Beijing": the city, not its rulers
        acting = not (force or head in arguments.venues)
        found = [
            a
            for a in distribute(sentence, [head], partial(resolve, acting=acting), countries)
            if all(a.code != s.code for s in sources)
        ]
        targets.extend(found)
        if found and len(found) == 1 and sentence.tokens[head].dep != "conj":
            if not any(c.dep == "conj" for c in sentence.children(head)):
                break
    return targets


def pair_actors(
    sentence: Sentence,
    verb: int,
    code: VerbCode,
    sources: Sequence[Actor],
    targets: Sequence[Actor],
) -> list[tuple[Actor, Actor | None]]:
    """Return the (source, target) pairs of the verb's events.

    Conjoined sources with no target act on each other when the verb is mutual ("Iran and
    Syria renewed ties"); what is received is the giver's act towards the receiver.
    """
    pairs: list[tuple[Actor, Actor | None]]
    if not targets and len(sources) >= 2 and _reciprocal(sentence, verb, code.code):
        pairs = [(a, b) for a in sources for b in sources if a.code != b.code]
    else:
        options: list[Actor | None] = list(targets) if targets else [None]
        pairs = [(source, target) for source in sources for target in options]
    if code.given:
        pairs = [(target, source) for source, target in pairs if target is not None]
    return pairs


def rule_name(code: VerbCode) -> str:
    """Return the rule that coded the verb: its block and pattern line in the dictionary."""
    entry, match = code.entry, code.match
    assert entry is not None, "a coded verb has a dictionary entry"
    where = f"{entry.block}@{match.pattern.source_line}" if match else f"{entry.block}:verb"
    rule = f"{CODER_NAME}:{where}" + (":negated" if code.absorbed else "")
    return rule + (":received" if code.given else "")


class Resolve(Protocol):
    """Resolve the phrase headed at a token to an actor (`actors.resolve_phrase`)."""

    def __call__(self, head: int, acting: bool = True) -> Actor | None: ...


def code_events(
    sentence: Sentence,
    mentions: Sequence[Mention],
    actors: ActorDictionary,
    verbs: VerbDictionary,
    *,
    context_country: str | None = None,
    perspective: str | None = None,
    require_dyad: bool = True,
    patterns: PatternIndex | None = None,
) -> list[EventCode]:
    """Return the CAMEO events of `sentence`, in verb order.

    Per verb: `find_code`, `find_arguments`, the sources resolved, `find_targets`,
    `pair_actors` and `rule_name`; then `compose.compose_events` joins verbs that make
    one event ("vowed to attack") and `_kept` drops what is no dyad.

    Args:
        sentence: A parsed sentence.
        mentions: Actor mentions found in it (`mentions.find_mentions`).
        actors: The actor dictionary (country codes for resolution).
        verbs: The compiled verb dictionary.
        context_country: Country for agents that name none ("the militias").
        perspective: Country the author writes from, for "we" and "our".
        require_dyad: Drop events without a resolved target.
        patterns: The run's compiled verb patterns (`Resources.patterns`).
    """
    if not mentions and perspective is None:
        return []
    events: list[EventCode] = []
    readings: dict[int, Reading] = {}
    patterns = patterns or PatternIndex()

    def resolve(head: int, acting: bool = True) -> Actor | None:
        return resolve_phrase(
            sentence,
            head,
            mentions,
            actors,
            context_country=context_country,
            perspective=perspective,
            acting=acting,
        )

    for token in sentence.tokens:
        verb = find_code(sentence, token, verbs, patterns)
        if verb is None:
            continue
        if not verb.code:
            _fallback_reading(sentence, token, resolve, readings)
            continue
        arguments = find_arguments(sentence, token, verb)
        sources = distribute(sentence, arguments.sources, resolve, actors.countries)
        absorbs = verb.match.absorbs if verb.match else False
        readings[token.i] = Reading(
            token.i, verb.code, tuple(sources), verb.negated, token.lemma, absorbs
        )
        force = verb.code[:2] in _FORCE_ROOTS
        targets = find_targets(sentence, arguments, sources, force, resolve, actors.countries)
        rule = rule_name(verb)
        for source, target in pair_actors(sentence, token.i, verb, sources, targets):
            events.append(EventCode(token.i, source, target, verb.code, rule, verb.absorbed))
            if verb.reverse and target is not None and targets:
                events.append(EventCode(token.i, target, source, verb.reverse, rule + ":reverse"))
    return _kept(compose_events(sentence, events, readings), require_dyad)


def _kept(composed: list[EventCode], require_dyad: bool) -> list[EventCode]:
    """Drop events without a target (under `require_dyad`) and a people's own country."""
    if require_dyad:
        composed = [e for e in composed if e.target is not None]
    # "Iraqi troops returned to Iraq", "migrants leaving Libya": a country is no target
    # of its own people for most events; that is where they are
    return [
        e
        for e in composed
        if e.target is None or e.target.code != e.source.code[:3] or e.code[:2] in _AT_HOME
    ]


def _given(lemma: str, code: str | None, reverse: str | None) -> str | None:
    """Return the code of what the object gave the subject, when the verb receives it.

    A pattern with only a reverse code (`* ASSURANCE [:030]`) codes the giver's act; the
    dictionary also lists aid and support received with a forward code (`* &WEAPON [072]`
    under RECEIVE), which CAMEO defines as the giver's act too.
    """
    if (not code or code == "---") and reverse:
        return reverse
    if code and lemma in RECEIVING_VERBS and (code[:2] in ("05", "07") or code == "033"):
        return code
    return None


def _fallback_reading(
    sentence: Sentence,
    token: Token,
    resolve: Callable[[int], Actor | None],
    readings: dict[int, Reading],
) -> None:
    """Record a claim, appeal or vow the verb dictionary gives no code, for composition."""
    fallback = "010" if token.lemma in CLAIM_VERBS else APPEAL_LEMMAS.get(token.lemma)
    if token.lemma in HALTING_VERBS:
        fallback = "160"  # what it stops is coded from its complement (compose.halted)
    if fallback:
        sources = [a for a in map(resolve, subjects(sentence, token.i)[0]) if a]
        readings[token.i] = Reading(token.i, fallback, tuple(sources), lemma=token.lemma)


def _purpose_of_negated(sentence: Sentence, token: Token) -> bool:
    """Return whether `token` is the purpose ("to help") of a verb the text negates."""
    if token.dep != "advcl" or token.head == token.i:
        return False
    if not any(c.dep == "aux" and c.lemma == "to" for c in sentence.children(token.i)):
        return False
    return any(c.dep == "neg" for c in sentence.children(token.head))


def _reciprocal(sentence: Sentence, verb: int, code: str) -> bool:
    """Return whether conjoined subjects act on each other ("X and Y renewed ties").

    Consultation and cooperation codes (roots 04-06) are mutual by nature, and so is an
    agreement between the subjects (03: "agreed to a truce"); any other verb needs a cue
    in its clause ("their meeting", "each other", "jointly"): "Iraq and Syria promised
    the restoration of national honour" is no promise to each other.
    """
    if code == _MEDIATE:
        return False  # "a truce brokered by Qatar and Egypt": go-betweens, not parties
    lemma = sentence.tokens[verb].lemma
    if code[:2] in _MUTUAL_ROOTS and lemma not in SOLITARY_VERBS:
        return True
    if code[:2] == "03" and lemma in AGREEING_VERBS:
        return True  # "Israel and Hamas agreed to a ceasefire"
    words = {sentence.tokens[i].lemma for i in clause_tokens(sentence, verb)}
    return bool(words & RECIPROCAL_CUES)
