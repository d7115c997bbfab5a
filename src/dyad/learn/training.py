"""Train Coder v2's trigger model and ranker on the train split of the real-text gold.

Used by `make train` (`scripts/train.py`); never at run time. Every train document is run
through the real pipeline with a recorder in the learned coder's place, so the models see
exactly the sentences, parses, mentions and rule events the runtime sees. Then:

1. Trigger rows: every possible trigger token (a verb or noun in the lexicon of the train
   triggers or in the verb dictionary), labelled with the CAMEO root of the gold event whose
   trigger span holds it, else "none".
2. Cross-fitting: the documents fall in 5 folds (by sorted id); for each fold a trigger
   model trained on the other four proposes the fold's candidates, so the ranker learns
   from candidates as good (and as bad) as those it meets on unseen text.
3. Ranker rows: each candidate, assembled like a runtime event, labelled 1 when it matches a
   gold event of its sentence at `actor_root` (one to one).
4. The runtime trigger model is the average of the 5 fold models' weights, so the trigger
   probabilities the ranker meets at run time are distributed like those it was trained on
   (a model refit on all documents is surer of itself, and the ranker, under-confident).
5. The ranker's scale (`calibrated`): trees fitted on four folds' rows score the fifth's,
   and Platt's scaling on each event's likeliest copy makes the emitted probabilities
   calibrated.

No randomness: folds by sorted id, zero-initialised full-batch optimisation for the
softmax models, and one thread with a fixed seed for the ranker's trees.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.coder.compose import EventCode
from dyad.coder.pipeline import Resources, code_documents
from dyad.config import load_config
from dyad.dictionaries.entries import VerbDictionary
from dyad.evaluate.realtext import (
    GOLD_FOLDER,
    Coded,
    GoldDocument,
    Span,
    gold_document,
    load_split,
    scored_actor,
)
from dyad.learn import arguments as args
from dyad.learn import boosted, linear
from dyad.learn import candidates as cand
from dyad.learn.arguments import LabelledTrigger, Marked
from dyad.learn.coder import (
    Judge,
    Models,
    propose,
    rank_features,
    remember,
    reversals,
    seen_before,
)
from dyad.learn.triggers import (
    NONE,
    LabelledSentence,
    train_trigger_model,
    trigger_lexicon,
    trigger_rows,
    trigger_token,
)
from dyad.records import Mention, Sentence

FOLDS = 5


@dataclass(slots=True)
class Recorded:
    """One parsed sentence as the ranker stage saw it."""

    doc_id: str
    sentence: Sentence
    mentions: Sequence[Mention]
    rule_codes: Sequence[EventCode]
    context: str | None
    judge: Judge
    perspective: str | None = None
    gold: tuple[Coded, ...] = ()
    triggers: tuple[tuple[int, str, str], ...] = ()  # token, root, full code
    trigger_events: tuple[Coded, ...] = ()  # the gold event of each trigger
    # where the gold marks each trigger's source and target (document offsets, or None)
    actor_spans: tuple[tuple[Span | None, Span | None], ...] = ()


class Recorder:
    """Stands in for the learned coder: keeps each sentence, codes nothing."""

    def __init__(self) -> None:
        self.records: list[Recorded] = []

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
        record = Recorded(
            memory.doc_id, sentence, mentions, rule_codes, context, judge, perspective
        )
        self.records.append(record)
        return []


def record_split(split: str, data_dir: Path) -> tuple[list[Recorded], Resources]:
    """Run the pipeline over a split's documents and return its sentences with their gold."""
    # every sentence is parsed: what the pre-filter lets through depends on the trained
    # lexicon, and the weights must not depend on the weights that came before them
    overrides = ["coder.learned=false", "coder.require_dyad=false", "coder.prefilter=false"]
    config = load_config(overrides=overrides)
    resources = Resources.load(config)
    recorder = Recorder()
    resources.learned = recorder
    golds: dict[str, GoldDocument] = {}
    documents = []
    for gold in load_split(split):
        document = gold_document(gold, data_dir)
        if document is not None:
            golds[gold.doc_id] = gold
            documents.append(document)
    for _ in code_documents(documents, resources):
        pass
    for record in recorder.records:
        _attach_gold(record, golds[record.doc_id])
    return recorder.records, resources


def _attach_gold(record: Recorded, gold: GoldDocument) -> None:
    sentence = record.sentence
    overlaps = [min(sentence.end, s.end) - max(sentence.start, s.start) for s in gold.sentences]
    best = max(range(len(overlaps)), key=overlaps.__getitem__, default=None)
    if best is None or overlaps[best] <= 0:
        return
    annotated = gold.sentences[best]
    # where the annotator's sentence is more than this one ("READ MORE: <a link's title>"
    # and the sentence after it, split by `parse`), this one's events are those whose
    # trigger it holds
    actors = annotated.actor_spans or ((None, None),) * len(annotated.events)
    pairs = [
        (span, event, marked)
        for span, event, marked in zip(annotated.triggers, annotated.events, actors, strict=True)
        if span is None or sentence.start <= span[0] < sentence.end
    ]
    record.gold = tuple(event for _, event, _ in pairs)
    triggers = []
    events = []
    spans = []
    for span, event, marked in pairs:
        token = trigger_token(sentence, span)
        if token is not None:
            triggers.append((token, event.cameo[:2], event.cameo))
            events.append(event)
            spans.append(marked)
    record.triggers = tuple(triggers)
    record.trigger_events = tuple(events)
    record.actor_spans = tuple(spans)


def rank_rows(
    records: Sequence[Recorded], verbs: VerbDictionary, models: Models
) -> tuple[list[linear.Row], list[str], list[float], list[str]]:
    """Return the ranker's rows, labels, weights and events: each candidate, against the gold.

    A candidate is right when its dyad and root, as the scorer compares them, are a gold
    event's. Candidates of the same dyad and root are all right or all wrong: the coder keeps
    only the likeliest of them, so the ranker must learn how likely the event is, not which
    of its copies came first. (Until session 40 only the first copy of a right event, by
    trigger probability, was labelled right: the ranker learnt that a copied event was
    less likely than it is, and on dev the emitted events came out under-confident.)

    The third list weighs each row 1/k, k being how many of the sentence's candidates share
    its dyad and root: an event counts once in the ranker's loss however many copies of it
    the candidates hold, so a sentence with many copies does not outweigh its neighbours.
    The fourth names the event each row would become (document, sentence, dyad and root):
    the coder emits one per name, the likeliest copy.
    """
    rows: list[linear.Row] = []
    labels: list[str] = []
    weights: list[float] = []
    events: list[str] = []
    memory = cand.DocumentMemory()
    for record in records:
        if memory.doc_id != record.doc_id:
            memory = cand.DocumentMemory(record.doc_id)
        found = propose(
            record.sentence,
            record.mentions,
            record.rule_codes,
            record.context,
            verbs,
            models,
            memory,
            record.perspective,
        )
        gold = {g.key("actor_root") for g in record.gold}
        segment = record.sentence.segment.kind
        keys = []
        for candidate, reverse in zip(found, reversals(found), strict=True):
            code = candidate.code
            factuality = record.judge(code)
            if factuality is None:
                continue
            target = code.target.code if code.target else ""
            key = Coded(code.source.code, target, code.code, factuality).key("actor_root")
            keys.append(key)
            seen = seen_before(candidate, memory)
            rows.append(rank_features(candidate, factuality, segment, len(found), seen, reverse))
            labels.append("1" if key in gold else "0")
        copies = Counter(keys)
        weights += [1 / copies[key] for key in keys]
        events += [f"{record.doc_id}|{record.sentence.start}|{'|'.join(key)}" for key in keys]
        remember(found, memory)
    return rows, labels, weights, events


def subcode_table(records: Sequence[Recorded]) -> dict[str, tuple[str, int]]:
    """Return "lemma|root" -> (the full CAMEO code train gives that trigger most, how often)."""
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        for i, root, code in record.triggers:
            counts[(f"{record.sentence.tokens[i].lemma.lower()}|{root}", code)] += 1
    table: dict[str, tuple[str, int]] = {}
    for (key, code), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.setdefault(key, (code, count))
    return table


def labelled_triggers(records: Sequence[Recorded]) -> list[LabelledTrigger]:
    """Return every gold trigger of `records` with its options and gold actors."""
    found: list[LabelledTrigger] = []
    memory = cand.DocumentMemory()
    for record in records:
        if memory.doc_id != record.doc_id:
            memory = cand.DocumentMemory(record.doc_id)
        parties = cand.sentence_parties(
            record.sentence, record.mentions, record.context, memory, record.perspective
        )
        events: dict[tuple[int, str], tuple[set[str], set[str], set[Marked], set[Marked]]] = {}
        spans = record.actor_spans or ((None, None),) * len(record.triggers)
        for (i, root, _), gold, (source_span, target_span) in zip(
            record.triggers, record.trigger_events, spans, strict=True
        ):
            sources, targets, source_at, target_at = events.setdefault(
                (i, root), (set(), set(), set(), set())
            )
            source = scored_actor(gold.source)
            target = scored_actor(gold.target) if gold.target else ""
            sources.add(source)
            targets.add(target)
            source_at.update(_within(record.sentence, source, source_span))
            target_at.update(_within(record.sentence, target, target_span))
        for (i, root), (sources, targets, source_at, target_at) in sorted(events.items()):
            found.append(
                LabelledTrigger(
                    record.sentence,
                    i,
                    root,
                    tuple(args.options(parties, i)),
                    frozenset(sources),
                    frozenset(targets),
                    frozenset(source_at),
                    frozenset(target_at),
                )
            )
    return found


def _within(sentence: Sentence, actor: str, span: Span | None) -> list[Marked]:
    """Return the gold's mark of `actor` as (actor, start, end) where it lies in `sentence`."""
    if span is None or not actor or not (sentence.start <= span[0] < sentence.end):
        return []
    return [(actor, span[0], span[1])]


@dataclass(frozen=True)
class CrossFit:
    """Everything but the ranker: its cross-fitted rows, and the models that made them."""

    rank_rows: list[linear.Row]
    rank_labels: list[str]
    rank_weights: list[float]
    rank_events: list[str]  # the event each row would become (`rank_rows`)
    rank_folds: list[int]  # the fold of each row's document: the trigger model never saw it
    trigger: linear.LinearModel
    arguments: linear.LinearModel
    lexicon: frozenset[str]
    subcodes: dict[str, tuple[str, int]]
    summary: dict[str, Any]

    def models(self, ranker: boosted.TreeModel) -> Models:
        """Return the runtime models with `ranker` in the ranker's place."""
        return Models(self.trigger, self.arguments, ranker, self.lexicon, self.subcodes)


def cross_fit(records: Sequence[Recorded], verbs: VerbDictionary) -> CrossFit:
    """Return the ranker's cross-fitted rows and the averaged trigger and argument models."""
    doc_ids = sorted({r.doc_id for r in records})
    fold_of = {doc_id: n % FOLDS for n, doc_id in enumerate(doc_ids)}
    subcodes = subcode_table(records)
    rank_x: list[linear.Row] = []
    rank_y: list[str] = []
    rank_w: list[float] = []
    rank_events: list[str] = []
    rank_folds: list[int] = []
    trigger_folds: list[linear.LinearModel] = []
    argument_folds: list[linear.LinearModel] = []
    for fold in range(FOLDS):
        inside = [r for r in records if fold_of[r.doc_id] != fold]
        held = [r for r in records if fold_of[r.doc_id] == fold]
        labelled = [LabelledSentence(r.sentence, r.mentions, r.triggers) for r in inside]
        trigger, lexicon = train_trigger_model(labelled, verbs)
        arguments = args.train_argument_model(labelled_triggers(inside))
        interim = Models(trigger, arguments, trigger, lexicon, subcodes)
        x, y, w, events = rank_rows(held, verbs, interim)
        rank_x += x
        rank_y += y
        rank_w += w
        rank_events += events
        rank_folds += [fold] * len(x)
        trigger_folds.append(trigger)
        argument_folds.append(arguments)
    labelled = [LabelledSentence(r.sentence, r.mentions, r.triggers) for r in records]
    lexicon = trigger_lexicon(labelled)
    x, y = trigger_rows(labelled, verbs, lexicon)
    summary = {
        "documents": len(doc_ids),
        "sentences": len(records),
        "trigger_rows": len(x),
        "trigger_positive": sum(label != NONE for label in y),
        "argument_triggers": sum(len({(i, root) for i, root, _ in r.triggers}) for r in records),
        "rank_rows": len(rank_x),
        "rank_positive": rank_y.count("1"),
    }
    return CrossFit(
        rank_x,
        rank_y,
        rank_w,
        rank_events,
        rank_folds,
        linear.average(trigger_folds),
        linear.average(argument_folds),
        lexicon,
        subcodes,
        summary,
    )


def cross_fitted(data_dir: Path, cache: Path | None = None) -> CrossFit:
    """Return the train split's cross-fitted rows and models, from `cache` when it holds them.

    The pipeline and the cross-fit take most of `make train` (~25 minutes); the ranker and
    its scale take minutes. With `cache`, a second run (another seed, another scale) reuses
    the rows. The cache names the train split it was made from (its SHA-256) and is refused
    when the split has changed; delete it after changing the candidates or the features.
    """
    split = hashlib.sha256((GOLD_FOLDER / "train.jsonl").read_bytes()).hexdigest()
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            stored = pickle.load(handle)
        if not isinstance(stored, dict) or stored.get("train_sha256") != split:
            raise SystemExit(f"{cache}: rows of another train split (or an old cache): delete it")
        fitted: CrossFit = stored["fitted"]
        print(f"rows from {cache}: {len(fitted.rank_rows):,}", flush=True)
        return fitted
    records, resources = record_split("train", data_dir)
    fitted = cross_fit(records, resources.verbs)
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump({"train_sha256": split, "fitted": fitted}, handle)
    return fitted


def train_models(fitted: CrossFit, seed: int = boosted.SEED) -> tuple[Models, dict[str, Any]]:
    """Return the trained models and a summary (rows, labels, folds) for the model card."""
    ranker = boosted.train(
        fitted.rank_rows, fitted.rank_labels, weights=fitted.rank_weights, seed=seed
    )
    ranker = calibrated(ranker, fitted, seed)
    summary = {**fitted.summary, "ranker_scale": list(ranker.scale)}
    return fitted.models(ranker), summary


def calibrated(
    ranker: boosted.TreeModel, fitted: CrossFit, seed: int = boosted.SEED
) -> boosted.TreeModel:
    """Return `ranker` with the scale that calibrates the events it would emit.

    Per fold, trees fitted (with `seed`) on the other folds' rows score the fold's rows, so
    every row has a sum from trees that never saw its document. The coder emits the
    likeliest copy of each event (`rank_events`), so the scale is fitted on each event's
    highest out-of-fold sum against whether the event is right. On session 43's rows the
    trees alone were under-confident on the emitted events (dev ECE at the default 0.063,
    events between 0.6 and 0.7 right 0.74 of the time); the fitted scale (slope 1.05,
    intercept 0.04) brought it to 0.043.
    """
    rows, labels, weights = fitted.rank_rows, fitted.rank_labels, fitted.rank_weights
    sums = [0.0] * len(rows)
    for fold in range(FOLDS):
        inside = [i for i, f in enumerate(fitted.rank_folds) if f != fold]
        held = [i for i, f in enumerate(fitted.rank_folds) if f == fold]
        model = boosted.train(
            [rows[i] for i in inside],
            [labels[i] for i in inside],
            weights=[weights[i] for i in inside],
            seed=seed,
        )
        for i, total in zip(held, model.sums([rows[i] for i in held]), strict=True):
            sums[i] = float(total)
    best: dict[str, tuple[float, bool]] = {}
    for total, label, event in zip(sums, labels, fitted.rank_events, strict=True):
        if event not in best or best[event][0] < total:
            best[event] = (total, label == "1")
    scale = boosted.fit_scale([t for t, _ in best.values()], [r for _, r in best.values()])
    return dataclasses.replace(ranker, scale=scale)
