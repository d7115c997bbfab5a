"""Print how much of the real-text gold Coder v2's candidates can reach (train or dev only).

    python scripts/coder2_coverage.py [train|dev]

- triggers: gold trigger tokens the trigger model scores at all, with the gold root among
  its two likeliest, and with the gold root at or over the candidate threshold;
- parties: gold events whose source (or `---`) and target (or none) are among the actors
  `candidates.sentence_parties` offers anywhere in the sentence (the ceiling of any
  argument picker working on those parties), with the mean number of distinct party codes
  offered per sentence and the share of them that are some gold actor of the sentence (how
  much of what the picker must choose among is right);
- candidates: gold events that some candidate of the sentence matches at `actor_root`;
- missing parties: the gold actors (other than `---`) no phrase of their sentence offers,
  by gold role and by what was offered instead (the same country in another role, the
  same role of another country, neither, nothing), with the commonest role swaps.

The test split is refused: it is frozen and read only at milestones.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from dyad.evaluate.realtext import Coded, scored_actor
from dyad.learn import candidates as cand
from dyad.learn.coder import MIN_TRIGGER, Models, propose
from dyad.learn.training import record_split
from dyad.learn.triggers import NONE, trigger_probabilities

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    if split not in ("train", "dev"):
        sys.exit("coder2_coverage: give train or dev (the test split is frozen)")
    records, resources = record_split(split, DATA)
    models = Models.read()
    counts: Counter[str] = Counter()
    missing: dict[str, Counter[str]] = {"role": Counter(), "instead": Counter(), "swap": Counter()}
    offered_total = offered_right = 0
    memory = cand.DocumentMemory()
    runtime_memory = cand.DocumentMemory()
    for record in records:
        sentence = record.sentence
        probs = trigger_probabilities(
            sentence, record.mentions, resources.verbs, models.trigger, models.lexicon
        )
        for i, root, _ in record.triggers:
            scored = probs.get(i, {})
            top = sorted(((p, r) for r, p in scored.items() if r != NONE), reverse=True)[:2]
            counts["trigger scored"] += bool(scored)
            counts["trigger root in top 2"] += root in [r for _, r in top]
            counts["trigger root over threshold"] += scored.get(root, 0.0) >= MIN_TRIGGER
        if memory.doc_id != record.doc_id:  # one memory per document, as at run time
            memory = cand.DocumentMemory(record.doc_id)
            runtime_memory = cand.DocumentMemory(record.doc_id)
        offered = {
            scored_actor(party.code)
            for _, party in cand.sentence_parties(
                sentence, record.mentions, record.context, memory, record.perspective
            )
        }
        _count_missing(record.gold, offered, missing)
        gold_actors = {scored_actor(g.source) for g in record.gold}
        gold_actors |= {scored_actor(g.target) for g in record.gold if g.target}
        offered_total += len(offered)
        offered_right += len(offered & gold_actors)
        found = propose(
            sentence,
            record.mentions,
            record.rule_codes,
            record.context,
            resources.verbs,
            models,
            runtime_memory,
            perspective=record.perspective,
        )
        keys = {
            Coded(
                c.code.source.code, c.code.target.code if c.code.target else "", c.code.code, ""
            ).key("actor_root")
            for c in found
        }
        for gold in record.gold:
            source = scored_actor(gold.source)
            target = scored_actor(gold.target) if gold.target else ""
            source_in = source in offered or gold.source == cand.UNKNOWN
            target_in = not target or target in offered
            counts["gold events"] += 1
            counts["source offered"] += source_in
            counts["target offered"] += target_in
            counts["source and target offered"] += source_in and target_in
            counts["matched by a candidate"] += gold.key("actor_root") in keys
    total = counts["gold events"]
    print(f"{split}: {len(records)} parsed sentences, {total} gold events in them")
    for name, value in counts.items():
        if name != "gold events":
            print(f"  {name:32s} {value:5d}  {value / max(total, 1):.3f}")
    print(f"  {'party codes per sentence':32s} {offered_total / max(len(records), 1):11.2f}")
    print(f"  {'offered codes a gold actor':32s} {offered_right:5d}  ", end="")
    print(f"{offered_right / max(offered_total, 1):.3f}")
    print(f"  gold actors no phrase offers: {sum(missing['role'].values())}")
    for name, counter in missing.items():
        print(f"    by {name}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common(8)))


def _role(code: str) -> str:
    """Return an actor's role as the scorer compares it: an organisation's sector, or country."""
    if code[:3] in cand.ORGANISATIONS:
        return code[:3]
    return code[3:6] or "country"


def _count_missing(
    gold: Sequence[Coded], offered: set[str], missing: dict[str, Counter[str]]
) -> None:
    """Count the sentence's gold actors that are not among the `offered` codes."""
    for actor in [g.source for g in gold] + [g.target for g in gold if g.target]:
        code = scored_actor(actor)
        if actor == cand.UNKNOWN or code in offered:
            continue
        missing["role"][_role(code)] += 1
        same_country = sorted(_role(o) for o in offered if o[:3] == code[:3])
        if same_country:
            missing["instead"]["same country, other role"] += 1
            missing["swap"][f"{_role(code)}<-{'/'.join(same_country)}"] += 1
        elif any(_role(o) == _role(code) for o in offered):
            missing["instead"]["same role, other country"] += 1
        else:
            missing["instead"]["neither" if offered else "nothing offered"] += 1


if __name__ == "__main__":
    main()
