"""Coder v2: the rule coder's events plus learned candidates, ranked by a calibrated model.

Reads: a parsed Sentence, its actor Mentions, the rule coder's EventCodes.
Adds: Events whose `confidence` is the ranker's probability that the event is right
(source and target actor and CAMEO root, as `dyad eval realtext` scores `actor_root`).

Candidates come from two places. The rule coder's events (the verb dictionary's patterns)
and, for recall, a trigger model: a softmax regression over every verb or noun whose lemma
was a trigger in the train split or is in the verb dictionary, predicting a CAMEO root or
none, with arguments read from the dependency tree (`candidates.arguments`). A ranker (a
logistic regression over what kind of candidate it is) gives each its probability; events
under `coder.min_confidence` are dropped, and of equal (source, target, root) only the
likeliest is kept. Weights: `data/models/coder2.json`, rebuilt by `make train`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dyad.coder.compose import EventCode
from dyad.coder.patterns import entry_for
from dyad.dictionaries.entries import VerbDictionary
from dyad.learn import candidates as cand
from dyad.learn.linear import LinearModel, Row, load
from dyad.learn.triggers import NONE, trigger_probabilities
from dyad.records import Actor, Mention, Sentence

CODER_NAME = "dyad.coder.ranked.v2"
MODEL_FILE = Path(__file__).parents[1] / "data" / "models" / "coder2.json"
# a learned candidate needs at least this trigger probability for its root
MIN_TRIGGER = 0.15
# a trigger offers at most this many roots ("fire" may be 190 or 120 in context)
ROOTS = 2


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible event of a sentence, with what the ranker reads about it."""

    code: EventCode
    origin: str  # "rule", "learned" or "both"
    trigger_p: float
    source_kind: str
    target_kind: str
    lemma: str


@dataclass(frozen=True)
class Models:
    """The trained trigger model, ranker and tables (see `scripts/train.py`)."""

    trigger: LinearModel
    ranker: LinearModel
    lexicon: frozenset[str]
    subcodes: dict[str, str]

    @staticmethod
    def read(path: Path = MODEL_FILE) -> Models:
        models, extra = load(path)
        return Models(
            models["trigger"], models["ranker"], frozenset(extra["lexicon"]), extra["subcodes"]
        )


def propose(
    sentence: Sentence,
    mentions: Sequence[Mention],
    rule_codes: Sequence[EventCode],
    context: str | None,
    verbs: VerbDictionary,
    models: Models,
    memory: cand.DocumentMemory,
    trigger: LinearModel | None = None,
    perspective: str | None = None,
) -> list[Candidate]:
    """Return the sentence's candidates: rule events first, then new learned ones."""
    probs = trigger_probabilities(
        sentence, mentions, verbs, trigger or models.trigger, models.lexicon
    )
    found: dict[tuple[str, str, str], Candidate] = {}
    for code in rule_codes:
        renamed = replace(
            code,
            source=_renamed(code.source),
            target=_renamed(code.target) if code.target else None,
        )
        key = (renamed.source.code, renamed.target.code if renamed.target else "", code.code[:2])
        p = probs.get(code.verb, {}).get(code.code[:2], 0.0)
        lemma = sentence.tokens[code.verb].lemma.lower() if code.verb < len(sentence.tokens) else ""
        found.setdefault(key, Candidate(renamed, "rule", p, "rule", "rule", lemma))
    for i, root, p in _roots(probs):
        learned = _learned(
            sentence, i, root, p, mentions, (context, perspective), verbs, models, memory
        )
        for candidate in learned:
            code = candidate.code
            key = (code.source.code, code.target.code if code.target else "", root)
            if key not in found:
                found[key] = candidate
            elif found[key].origin == "rule":
                found[key] = replace(found[key], origin="both", trigger_p=p)
    return list(found.values())


def _renamed(actor: Actor) -> Actor:
    return replace(actor, code=cand._rename(actor.code))


def _learned(
    sentence: Sentence,
    i: int,
    root: str,
    p: float,
    mentions: Sequence[Mention],
    countries: tuple[str | None, str | None],
    verbs: VerbDictionary,
    models: Models,
    memory: cand.DocumentMemory,
) -> list[Candidate]:
    """Return the candidates of trigger `i` read as `root`: each source with each target.

    `countries` is (the sentence's context country, the author's side).
    """
    context, side = countries
    token = sentence.tokens[i]
    lemma = token.lemma.lower()
    source_heads, target_heads, agentless = cand.arguments(sentence, i)
    sources = [
        s for h in source_heads for s in cand.parties(sentence, h, mentions, context, memory, side)
    ]
    if not sources and agentless:
        sources = [cand.Party(cand.UNKNOWN, "", "unknown")]
    taken = {t for h in source_heads + target_heads for t in cand.subtree_set(sentence, h)}
    if not sources:
        sources = cand.nearby(sentence, i, mentions, taken, before=True)
    targets = [
        t for h in target_heads for t in cand.parties(sentence, h, mentions, context, memory, side)
    ]
    if not targets and not target_heads:
        targets = cand.nearby(sentence, i, mentions, taken, before=False)
    entry = entry_for(sentence, token, verbs) if token.pos == "VERB" else None
    subcode = (
        entry.code
        if entry is not None and entry.code and entry.code[:2] == root
        else models.subcodes.get(f"{lemma}|{root}", root + "0")
    )
    result = []
    for source in sources:
        for target in [*targets, None]:  # many events have no stated target: offer both
            if target is not None and target.text == source.text:
                continue
            event = EventCode(
                i,
                Actor(source.text, source.code, entry=source.entry),
                Actor(target.text, target.code, entry=target.entry) if target else None,
                subcode,
                f"{CODER_NAME}:{lemma}",
            )
            kind = target.kind if target else "none"
            result.append(Candidate(event, "learned", p, source.kind, kind, lemma))
    return result


def _roots(probs: dict[int, dict[str, float]]) -> list[tuple[int, str, float]]:
    """Return (token, root, probability) of each token's likeliest roots over MIN_TRIGGER."""
    found = []
    for i, by_root in probs.items():
        ranked = sorted(((p, r) for r, p in by_root.items() if r != NONE), reverse=True)
        found += [(i, r, p) for p, r in ranked[:ROOTS] if p >= MIN_TRIGGER]
    return found


def rank_features(candidate: Candidate, factuality: str, segment: str, count: int) -> Row:
    """Return the ranker's feature row for one candidate of factuality `factuality`."""
    code = candidate.code
    root = code.code[:2]
    source = code.source.code
    target = code.target.code if code.target else ""
    p = candidate.trigger_p
    names = [
        f"origin={candidate.origin}",
        f"root={root}",
        f"origin|root={candidate.origin}|{root}",
        f"skind={candidate.source_kind}",
        f"tkind={candidate.target_kind}",
        f"kinds={candidate.source_kind}|{candidate.target_kind}",
        f"fact={factuality}",
        f"segment={segment}",
        f"srole={source[3:6] or source[:3]}",
        f"trole={target[3:6] or target[:3] or 'none'}",
        f"same_country={bool(target) and source[:3] == target[:3]}",
        f"same_code={source == target}",
        f"lemma|root={candidate.lemma}|{root}",
        f"count={min(count, 6)}",
        f"rule={code.rule.split(':')[0]}",
    ]
    names += [f"p>{t / 10:.1f}" for t in range(1, 10) if p > t / 10]
    row: list[tuple[str, float]] = [(name, 1.0) for name in names]
    row.append(("p", p))
    return row


Judge = Callable[[EventCode], "str | None"]


class LearnedCoder:
    """Coder v2's ranker stage: candidates in, the likely ones out with their probability."""

    def __init__(self, models: Models, verbs: VerbDictionary, min_confidence: float) -> None:
        self.models = models
        self.verbs = verbs
        self.min_confidence = min_confidence
        self.memory = cand.DocumentMemory()

    def rank(
        self,
        doc_id: str,
        sentence: Sentence,
        mentions: Sequence[Mention],
        rule_codes: Sequence[EventCode],
        context: str | None,
        judge: Judge,
        perspective: str | None = None,
    ) -> list[tuple[EventCode, float]]:
        """Return the sentence's events at or above `min_confidence`, likeliest first.

        Args:
            doc_id: The document's id (the joint force is remembered within a document).
            sentence: A parsed sentence.
            mentions: Its actor mentions, pronouns resolved.
            rule_codes: The rule coder's events of the sentence.
            context: The country the sentence's generic actors belong to, if known.
            judge: Returns an event's factuality (None for a code outside CAMEO).
            perspective: The country the segment's author writes from, if known.
        """
        if self.memory.doc_id != doc_id:
            self.memory = cand.DocumentMemory(doc_id)
        found = propose(
            sentence,
            mentions,
            rule_codes,
            context,
            self.verbs,
            self.models,
            self.memory,
            perspective=perspective,
        )
        ranked = score_candidates(found, judge, sentence.segment.kind, self.models.ranker)
        return [(code, p) for code, p in ranked if p >= self.min_confidence]


def score_candidates(
    found: Sequence[Candidate], judge: Judge, segment: str, ranker: LinearModel
) -> list[tuple[EventCode, float]]:
    """Rank candidates; keep the likeliest of equal (source, target, root), likeliest first."""
    best: dict[tuple[str, str, str], tuple[EventCode, float]] = {}
    positive = ranker.classes.index("1")
    for candidate in found:
        code = candidate.code
        factuality = judge(code)
        if factuality is None:
            continue
        row = rank_features(candidate, factuality, segment, len(found))
        p = round(float(ranker.probabilities(row)[positive]), 4)
        key = (code.source.code, code.target.code if code.target else "", code.code[:2])
        if key not in best or best[key][1] < p:
            best[key] = (code, p)
    return sorted(best.values(), key=lambda pair: -pair[1])
