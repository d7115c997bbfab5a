"""Coder v2: learned event candidates and the rule coder's events, ranked by a calibrated model.

Reads: a parsed Sentence, its actor Mentions, the rule coder's EventCodes.
Adds: Events whose `confidence` is the ranker's probability that the event is right
(source and target actor and CAMEO root, as `dyad eval realtext` scores `actor_root`).

Three learned steps, trained on the train split (`training.py`):

1. the trigger model (`triggers.py`, a softmax regression) gives every possible trigger
   word the probability of each CAMEO root, and the likeliest roots over MIN_TRIGGER become
   triggers;
2. the argument model (`arguments.py`, a softmax regression) scores every actor phrase of
   the sentence (`candidates.sentence_parties`), the unknown source and "no target" as the
   trigger's source or target, by the dependency path between them and what kind of actor
   each is; the likeliest sources and targets are paired into candidates, and one of a
   pair ("the two sides", "Russia and Iran" as subjects) acting on no third party is also
   offered the other as its target;
3. the ranker (`boosted.py`, gradient-boosted trees) gives each candidate, and each event
   of the rule coder (the verb dictionary's patterns), the probability that it is right,
   from the two models' probabilities and what kind of candidate it is. Events under
   `coder.min_confidence` are dropped; of equal (source, target, root) only the likeliest
   is kept.

Weights: `data/models/coder2.json`, rebuilt by `make train`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dyad.coder.compose import EventCode
from dyad.coder.patterns import entry_for
from dyad.dictionaries.entries import VerbDictionary
from dyad.evaluate.realtext import scored_actor
from dyad.learn import arguments as args
from dyad.learn import candidates as cand
from dyad.learn.boosted import TreeModel
from dyad.learn.linear import LinearModel, Row, load
from dyad.learn.triggers import NONE, trigger_probabilities
from dyad.records import Actor, Mention, Sentence

CODER_NAME = "dyad.coder.ranked.v2"
MODEL_FILE = Path(__file__).parents[1] / "data" / "models" / "coder2.json"
# a learned candidate needs at least this trigger probability for its root
MIN_TRIGGER = 0.1
# a trigger offers at most this many roots ("fire" may be 190 or 120 in context)
ROOTS = 2
# a trigger offers at most this many sources and targets, each at least MIN_ARGUMENT likely
ARGUMENTS = 3
MIN_ARGUMENT = 0.05
# the head of a pair's other side offered as its target (`_reciprocal`); -1 is the speaker,
# -3 the story's people who protest (`candidates.CROWD`)
PARTNER = -2
# what is seized is property (171: "seized multiple weapons", as train codes it), unless
# it is a party: "the police seized him" is an arrest (173; the guide: capturing a person)
PROPERTY_SEIZED = "171"
PERSON_SEIZED = "173"
# a sub-code train's annotators chose this many times for a lemma and root outweighs the verb
# dictionary's (PETRARCH files "capture" under APPREHEND, 171, where the guide codes a captured
# person 173, as train does)
SETTLED = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible event of a sentence, with what the ranker reads about it."""

    code: EventCode
    origin: str  # "rule", "learned" or "both"
    trigger_p: float
    source_kind: str
    target_kind: str
    lemma: str
    source_p: float = 0.0
    target_p: float = 0.0
    # where each argument stands: its rank among the trigger's options and its path
    source_at: str = "rule"
    target_at: str = "rule"
    place: int = -1  # 0 for the trigger's likeliest pair of arguments, -1 for a rule event


@dataclass(frozen=True)
class Models:
    """The trained trigger, argument and ranker models and tables (`scripts/train.py`)."""

    trigger: LinearModel
    arguments: LinearModel
    ranker: TreeModel | LinearModel  # trees; training's interim models hold a stand-in
    lexicon: frozenset[str]
    # "lemma|root" -> (the full CAMEO code train's annotators chose most, how many times)
    subcodes: dict[str, tuple[str, int]]

    @staticmethod
    def read(path: Path = MODEL_FILE) -> Models:
        models, extra = load(path)
        return Models(
            models["trigger"],
            models["arguments"],
            TreeModel.from_json(extra["ranker"]),
            frozenset(extra["lexicon"]),
            {key: (code, count) for key, (code, count) in extra["subcodes"].items()},
        )


def propose(
    sentence: Sentence,
    mentions: Sequence[Mention],
    rule_codes: Sequence[EventCode],
    context: str | None,
    verbs: VerbDictionary,
    models: Models,
    memory: cand.DocumentMemory,
    perspective: str | None = None,
) -> list[Candidate]:
    """Return the sentence's candidates: learned ones, then the rule coder's new ones."""
    probs = trigger_probabilities(sentence, mentions, verbs, models.trigger, models.lexicon)
    parties = cand.sentence_parties(sentence, mentions, context, memory, perspective)
    found: dict[tuple[str, str, str], Candidate] = {}
    cache = SentenceCache({}, {})
    for i, root, p in _roots(probs):
        scored = _scored_options(sentence, i, root, parties, models, cache)
        for candidate in _by_joint(_learned(sentence, i, root, p, scored, verbs, models, cache)):
            code = candidate.code
            key = (code.source.code, code.target.code if code.target else "", root)
            if key not in found or found[key].trigger_p < p:
                found[key] = candidate
    for code in rule_codes:
        renamed = replace(
            code,
            source=_renamed(code.source),
            target=_renamed(code.target) if code.target else None,
        )
        if _topic_target(sentence, renamed, parties):
            continue  # the verb dictionary's "discuss" takes its object for the target
        if any(_audience(sentence, actor, parties) for actor in (renamed.source, renamed.target)):
            continue  # "In a statement to Al Jazeera, Senator Aquino condemned ..."
        root = code.code[:2]
        key = (renamed.source.code, renamed.target.code if renamed.target else "", root)
        if key in found:
            found[key] = replace(found[key], origin="both")
            continue
        found[key] = _rule_candidate(sentence, renamed, probs, parties, models, cache)
    return list(found.values())


def _topic_target(
    sentence: Sentence, code: EventCode, parties: Sequence[tuple[int, cand.Party]]
) -> bool:
    """Return whether a rule event's target is only ever what its verb talks about.

    "Rex Tillerson in China to discuss North Korea": the verb dictionary codes USAGOV -> PRK
    040; the guide's talks are with someone, about something (`arguments.discussed`).
    """
    if code.target is None or code.verb >= len(sentence.tokens):
        return False
    heads = [head for head, party in parties if party.code == code.target.code]
    return bool(heads) and all(args.discussed(sentence, code.verb, head) for head in heads)


def _audience(
    sentence: Sentence, actor: Actor | None, parties: Sequence[tuple[int, cand.Party]]
) -> bool:
    """Return whether a rule event's actor is only ever the media a speaker addresses."""
    if actor is None:
        return False
    found = [(head, party) for head, party in parties if party.code == actor.code]
    return bool(found) and all(args.addressed(sentence, head, party) for head, party in found)


def _renamed(actor: Actor) -> Actor:
    return replace(actor, code=cand._rename(actor.code))


Scored = tuple[list[args.Option], list[tuple[float, float]]]


@dataclass(frozen=True, slots=True)
class SentenceCache:
    """What `propose` works out once per sentence and asks for again."""

    scored: dict[tuple[int, str], Scored]  # (trigger, root) -> `_scored_options`
    paths: dict[
        tuple[int, int], args.DependencyPath
    ]  # (trigger, phrase head) -> `args.argument_path`


def _scored_options(
    sentence: Sentence,
    i: int,
    root: str,
    parties: Sequence[tuple[int, cand.Party]],
    models: Models,
    cache: SentenceCache,
) -> Scored:
    """Return trigger `i`'s options and their (P(source), P(target)) as `root`, once each."""
    scored = cache.scored.get((i, root))
    if scored is None:
        found = args.options(parties, i)
        probabilities = args.option_probabilities(
            sentence, i, root, found, models.arguments, cache.paths
        )
        scored = cache.scored[(i, root)] = (found, probabilities)
    return scored


def _rule_candidate(
    sentence: Sentence,
    code: EventCode,
    probs: dict[int, dict[str, float]],
    parties: Sequence[tuple[int, cand.Party]],
    models: Models,
    cache: SentenceCache,
) -> Candidate:
    """Return a rule event as a candidate, its actors scored by the argument model."""
    root = code.code[:2]
    i = code.verb
    lemma = sentence.tokens[i].lemma.lower() if i < len(sentence.tokens) else ""
    p = probs.get(i, {}).get(root, 0.0)
    source_p = target_p = 0.0
    if i < len(sentence.tokens):
        found, scored = _scored_options(sentence, i, root, parties, models, cache)
        target = code.target.code if code.target else None
        for option, (ps, pt) in zip(found, scored, strict=True):
            named = option.party.code if option.party else None
            if named == code.source.code:
                source_p = max(source_p, ps)
            if named == target:
                target_p = max(target_p, pt)
    return Candidate(code, "rule", p, "rule", "rule", lemma, source_p, target_p)


def _learned(
    sentence: Sentence,
    i: int,
    root: str,
    p: float,
    options: Scored,
    verbs: VerbDictionary,
    models: Models,
    cache: SentenceCache | None = None,
) -> list[Candidate]:
    """Return the candidates of trigger `i` read as `root`: likely sources with likely targets."""
    paths = cache.paths if cache is not None else {}
    token = sentence.tokens[i]
    lemma = token.lemma.lower()
    found, scored = options
    # the media a speaker addresses are no party ("in a statement to Al Jazeera")
    addressed = [args.addressed(sentence, option.head, option.party) for option in found]
    sources = _likeliest(
        found, [0.0 if out else ps for out, (ps, _) in zip(addressed, scored, strict=True)]
    )
    # "she blamed immigration, according to local media": whom a claim is attributed to
    # may be the source of what it says (guide: `reported_by`), never its target; nor is
    # what a talk is about ("to discuss North Korea")
    target_ps = [
        0.0
        if out or args.attributed(sentence, option.head) or args.discussed(sentence, i, option.head)
        else pt
        for option, out, (_, pt) in zip(found, addressed, scored, strict=True)
    ]
    targets = _likeliest(found, target_ps, skip_unknown=True)
    entry = entry_for(sentence, token, verbs) if token.pos == "VERB" else None
    dictionary = entry.code if entry is not None and entry.code else ""
    subcode = _subcode(root, dictionary, models.subcodes.get(f"{lemma}|{root}"))
    result = []
    for n, (source, source_p) in enumerate(sources):
        for m, (target, target_p) in enumerate(
            _reciprocal(sentence, found, scored, source, targets)
        ):
            if target.head is not None and target.head == source.head:
                continue
            assert source.party is not None
            party = target.party
            if party is not None and (party.code, party.text) == (
                source.party.code,
                source.party.text,
            ):
                continue  # one actor read under two heads ("Tehrik-i-Taliban Pakistan")
            event = EventCode(
                i,
                Actor(source.party.text, source.party.code, entry=source.party.entry),
                Actor(party.text, party.code, entry=party.entry) if party else None,
                PERSON_SEIZED if subcode == PROPERTY_SEIZED and party else subcode,
                f"{CODER_NAME}:{lemma}",
            )
            kind = party.kind if party else "none"
            result.append(
                Candidate(
                    event,
                    "learned",
                    p,
                    source.party.kind,
                    kind,
                    lemma,
                    source_p,
                    target_p,
                    f"{n}|{_where(sentence, i, source, paths)}",
                    f"{m}|{_where(sentence, i, target, paths)}",
                )
            )
    return result


def _reciprocal(
    sentence: Sentence,
    found: Sequence[args.Option],
    scored: Sequence[tuple[float, float]],
    source: args.Option,
    targets: list[tuple[args.Option, float]],
) -> list[tuple[args.Option, float]]:
    """Return `targets`, and for one of a pair acting on no third party, the other.

    "the two sides sealed the deal" and "Russia and Iran will sign an agreement" are each
    side's act on the other (guide, section 2: "X and Y signed an agreement" is X->Y and
    Y->X; "X and Y met Z" is X->Z and Y->Z): the partner ("the two sides" read as two
    states, or the other subject of "X and Y") is offered as the target, as likely as no
    target is, where no target is likely enough to be offered (at least `MIN_ARGUMENT`).
    """
    party = source.party
    if party is None or source.head is None:
        return targets
    none_p = next((pt for o, (_, pt) in zip(found, scored, strict=True) if o.party is None), 0.0)
    if none_p < MIN_ARGUMENT:
        return targets
    offered = {option.party.code for option, _ in targets if option.party is not None}
    for option in found:
        other = option.party
        if other is None or other.code in offered or option.head is None:
            continue
        if cand.state_of(other.code) in (cand.state_of(party.code), cand.UNKNOWN):
            continue
        if party.kind == "pair":
            partner = other.kind == "pair" and option.head == source.head
        else:
            partner = party.kind not in cand.NOT_PAIRED and args.co_subjects(
                sentence, source.head, option.head
            )
        if partner:
            return [*targets, (args.Option(PARTNER, other), none_p)]
    return targets


def _subcode(root: str, dictionary: str, learned: tuple[str, int] | None) -> str:
    """Return the full CAMEO code of a trigger read as `root`.

    Train's choice where its annotators settled it (SETTLED times or more), else the verb
    dictionary's code of that root, else train's choice however rare, else the root itself.
    """
    if learned is not None and learned[1] >= SETTLED:
        return learned[0]
    if dictionary[:2] == root:
        return dictionary
    return learned[0] if learned is not None else root + "0"


def _by_joint(found: list[Candidate]) -> list[Candidate]:
    """Return a trigger's candidates, each told its place by source x target probability."""
    ranked = sorted(found, key=lambda c: -c.source_p * c.target_p)
    return [replace(c, place=min(n, 3)) for n, c in enumerate(ranked)]


def _where(
    sentence: Sentence,
    trigger: int,
    option: args.Option,
    paths: dict[tuple[int, int], args.DependencyPath],
) -> str:
    """Return the option's dependency path from the trigger, or what it stands for."""
    if option.head == PARTNER:
        return "pair"
    if option.head is None or option.head < 0:
        return args.unnamed_kind(option)
    return args.known_path(sentence, trigger, option.head, paths)[0]


def _likeliest(
    found: Sequence[args.Option], probabilities: Sequence[float], *, skip_unknown: bool = False
) -> list[tuple[args.Option, float]]:
    """Return up to ARGUMENTS options over MIN_ARGUMENT, likeliest first, one per code."""
    ranked = sorted(zip(probabilities, range(len(found)), strict=True), reverse=True)
    chosen: list[tuple[args.Option, float]] = []
    codes: set[str] = set()
    for p, n in ranked:
        option = found[n]
        if p < MIN_ARGUMENT or len(chosen) == ARGUMENTS:
            break
        code = option.party.code if option.party else ""
        if code in codes or (skip_unknown and option.head is None and option.party is not None):
            continue
        if not skip_unknown and option.party is None:
            continue  # "no target" is never a source
        codes.add(code)
        chosen.append((option, p))
    return chosen


def _roots(probs: dict[int, dict[str, float]]) -> list[tuple[int, str, float]]:
    """Return (token, root, probability) of each token's likeliest roots over MIN_TRIGGER."""
    found = []
    for i, by_root in probs.items():
        ranked = sorted(((p, r) for r, p in by_root.items() if r != NONE), reverse=True)
        found += [(i, r, p) for p, r in ranked[:ROOTS] if p >= MIN_TRIGGER]
    return found


def _role(code: str) -> str:
    """Return an actor's role for the ranker: a bare country is "country", never its name.

    (The ranker must not learn which countries the train split happens to cover.)
    """
    if not code:
        return "none"
    if code in ("IGO", "NGO") or code.startswith(("IGO", "NGO", "MNC")):
        return code[:3]
    return code[3:6] or "country"


# each probability the ranker reads is also told as the tenths it exceeds ("p>0.3")
_BUCKETS = {
    name: tuple((t / 10, f"{name}>{t / 10:.1f}") for t in range(1, 10))
    for name in ("p", "ps", "pt", "joint", "reverse")
}


def _buckets(name: str, p: float) -> list[str]:
    return [label for tenth, label in _BUCKETS[name] if p > tenth]


Seen = tuple[int, int, int]  # earlier sentences with the candidate's dyad, source, target


def seen_before(candidate: Candidate, memory: cand.DocumentMemory) -> Seen:
    """Return in how many earlier sentences the candidate's dyad, source and target stood."""
    source, target = _actors(candidate.code)
    return (
        memory.dyads[_dyad(source, target)] if source and target else 0,
        memory.actors[source] if source else 0,
        memory.actors[target] if target else 0,
    )


def remember(found: Sequence[Candidate], memory: cand.DocumentMemory) -> None:
    """Count the actors and dyads of a sentence's candidates, once each, for those after."""
    actors: set[str] = set()
    dyads: set[tuple[str, str]] = set()
    for candidate in found:
        source, target = _actors(candidate.code)
        actors.update(a for a in (source, target) if a)
        if source and target:
            dyads.add(_dyad(source, target))
    memory.actors.update(actors)
    memory.dyads.update(dyads)


def _dyad(source: str, target: str) -> tuple[str, str]:
    """Return the pair of actors either way round, the key `remember` and `seen_before` share."""
    return (min(source, target), max(source, target))


def _actors(code: EventCode) -> tuple[str, str]:
    """Return an event's source and target as the guide compares them; "" for none or `---`."""
    source = scored_actor(code.source.code)
    target = scored_actor(code.target.code) if code.target else ""
    return (
        "" if source.startswith(cand.UNKNOWN) else source,
        "" if target.startswith(cand.UNKNOWN) else target,
    )


def reversals(found: Sequence[Candidate]) -> list[float]:
    """Return, for each candidate, how likely its reverse is among the sentence's candidates.

    "Russia and Japan have been negotiating", "China and the EC signed an agreement": the
    guide codes a joint act each way (section 2), and the second direction is read with
    less certainty than the first. The reverse of A -> B at a root is B -> A at that root
    (actors as `_actors` compares them); its likelihood is the product of its trigger,
    source and target probabilities, 0.0 where there is none.
    """
    keys = [(*_actors(candidate.code), candidate.code.code[:2]) for candidate in found]
    best: dict[tuple[str, str, str], float] = {}
    for key, candidate in zip(keys, found, strict=True):
        joint = candidate.trigger_p * candidate.source_p * candidate.target_p
        best[key] = max(best.get(key, 0.0), joint)
    return [
        best.get((target, source, root), 0.0) if source and target and source != target else 0.0
        for source, target, root in keys
    ]


def rank_features(
    candidate: Candidate,
    factuality: str,
    segment: str,
    count: int,
    seen: Seen = (0, 0, 0),
    reverse: float = 0.0,
) -> Row:
    """Return the ranker's feature row for one candidate of factuality `factuality`.

    `seen` is how often the document named the candidate's dyad, source and target in
    the sentences before (`seen_before`): an event between the story's own actors is more
    often one the story tells than one between actors named once in passing. `reverse` is
    how likely the candidate's reverse is (`reversals`).
    """
    code = candidate.code
    root = code.code[:2]
    source = code.source.code
    target = code.target.code if code.target else ""
    p = candidate.trigger_p
    joint = p * candidate.source_p * candidate.target_p
    names = [
        f"origin={candidate.origin}",
        f"root={root}",
        f"origin|root={candidate.origin}|{root}",
        f"skind={candidate.source_kind}",
        f"tkind={candidate.target_kind}",
        f"kinds={candidate.source_kind}|{candidate.target_kind}",
        f"fact={factuality}",
        f"segment={segment}",
        f"srole={_role(source)}",
        f"trole={_role(target)}",
        f"same_country={bool(target) and source[:3] == target[:3]}",
        f"same_code={source == target}",
        f"lemma|root={candidate.lemma}|{root}",
        f"count={min(count, 12)}",
        f"rule={code.rule.split(':')[0]}",
        f"sat={candidate.source_at}",
        f"tat={candidate.target_at}",
        f"sat|root={candidate.source_at}|{root}",
        f"tat|root={candidate.target_at}|{root}",
        f"ranks={candidate.source_at[:1]}|{candidate.target_at[:1]}",
        f"place={candidate.place}",
        f"place|origin={candidate.place}|{candidate.origin}",
        f"seen_dyad={min(seen[0], 3)}",
        f"seen_source={min(seen[1], 3)}",
        f"seen_target={min(seen[2], 3)}",
        f"seen_both={seen[1] > 0 and seen[2] > 0}",
        f"reverse={reverse > 0}",
        f"reverse|root={reverse > 0}|{root}",
    ]
    names += _buckets("p", p) + _buckets("ps", candidate.source_p)
    names += _buckets("pt", candidate.target_p) + _buckets("joint", joint ** (1 / 3))
    names += _buckets("reverse", reverse ** (1 / 3))
    row: list[tuple[str, float]] = [(name, 1.0) for name in names]
    row += [("p", p), ("ps", candidate.source_p), ("pt", candidate.target_p), ("joint", joint)]
    row += [("reverse", reverse)]
    return row


Judge = Callable[[EventCode], "str | None"]


class LearnedCoder:
    """Coder v2's ranker stage: candidates in, the likely ones out with their probability."""

    def __init__(self, models: Models, verbs: VerbDictionary, min_confidence: float) -> None:
        self.models = models
        self.verbs = verbs
        self.min_confidence = min_confidence

    def rank(
        self,
        memory: cand.DocumentMemory,
        sentence: Sentence,
        mentions: Sequence[Mention],
        rule_codes: Sequence[EventCode],
        context: str | None,
        judge: Judge,
        perspective: str | None = None,
    ) -> list[tuple[EventCode, float]]:
        """Return the sentence's events at or above `min_confidence`, likeliest first.

        Args:
            memory: What the document's earlier sentences said (the joint force, the story's
                actors), one per reading of a document: the same text coded twice reads
                the same, whatever was coded before it.
            sentence: A parsed sentence.
            mentions: Its actor mentions, pronouns resolved.
            rule_codes: The rule coder's events of the sentence.
            context: The country the sentence's generic actors belong to, if known.
            judge: Returns an event's factuality (None for a code outside CAMEO).
            perspective: The country the segment's author writes from, if known.
        """
        found = propose(
            sentence, mentions, rule_codes, context, self.verbs, self.models, memory, perspective
        )
        ranked = score_candidates(found, judge, sentence.segment.kind, self.models.ranker, memory)
        remember(found, memory)
        return [(code, p) for code, p in ranked if p >= self.min_confidence]


def score_candidates(
    found: Sequence[Candidate],
    judge: Judge,
    segment: str,
    ranker: TreeModel | LinearModel,
    memory: cand.DocumentMemory | None = None,
) -> list[tuple[EventCode, float]]:
    """Rank candidates; keep the likeliest of equal (source, target, root), likeliest first.

    Actors are equal as the guide and `dyad eval realtext` compare them, by country and first
    role: a bare state and its government are one reading ("Turkey" and "Erdogan" met Putin:
    TUR and TURGOV; guide, section 3), and so are a name and its apposition ("Jim Mattis, the
    US defence secretary": USAGOV and USAGOVMIL), so they compete as one event, not as two.
    """
    best: dict[tuple[str, str, str], tuple[EventCode, float]] = {}
    positive = ranker.classes.index("1")
    judged = [(c, judge(c.code)) for c in found]
    kept = [
        (c, factuality, reverse)
        for (c, factuality), reverse in zip(judged, reversals(found), strict=True)
        if factuality is not None
    ]
    if not kept:
        return []
    memory = memory or cand.DocumentMemory()
    rows = [
        rank_features(c, factuality, segment, len(found), seen_before(c, memory), reverse)
        for c, factuality, reverse in kept
    ]
    for (candidate, _, _), probs in zip(kept, ranker.probabilities_many(rows), strict=True):
        code = candidate.code
        p = round(float(probs[positive]), 4)
        target = scored_actor(code.target.code) if code.target else ""
        key = (scored_actor(code.source.code), target, code.code[:2])
        if key not in best or best[key][1] < p:
            best[key] = (code, p)
    return sorted(best.values(), key=lambda pair: -pair[1])
