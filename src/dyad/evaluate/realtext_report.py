"""Print what `dyad eval realtext` found: tables for people, one JSON object for machines.

The figures come from `realtext.evaluate_realtext` and `realtext.agreement`; nothing here
codes or scores.
"""

from __future__ import annotations

from typing import Any

from dyad.evaluate import calibration
from dyad.evaluate.realtext import ERROR_KINDS, LEVELS, SplitScore


def to_json(scores: dict[str, SplitScore], agreed: dict[str, Any]) -> dict[str, Any]:
    """Return `dyad eval realtext --json`: one object per split, plus the agreement."""
    return {**{name: score.to_json() for name, score in scores.items()}, "agreement": agreed}


def format_realtext(
    scores: dict[str, SplitScore], agreed: dict[str, Any], *, show_errors: bool = False
) -> str:
    """Return the figures of `dyad eval realtext` as tables for people."""
    lines = []
    for name, score in scores.items():
        figures = score.to_json()
        lines += [
            f"realtext {name}: {figures['documents']} documents, {figures['sentences']} "
            f"sentences ({figures['commentary_sentences']} commentary), "
            f"{figures['gold_events']} gold events, {figures['coded_events']} coded",
            f"{'level':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}",
        ]
        for level in LEVELS:
            row = figures[level]
            lines.append(
                f"{level:<14}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
                f"{row['tp']:>6}"
            )
        lines.append(
            f"factuality accuracy on {figures['factuality_matched']} matched events: "
            f"{figures['factuality_accuracy']:.3f}; conflict false positives: "
            f"{figures['conflict_false_positives']} "
            f"({figures['conflict_false_positives_per_100_sentences']:.2f} per 100 sentences)"
        )
        chance, high = figures["ece_by_chance"]
        lines.append(
            f"confidence (actor_root right), expected calibration error {figures['ece']:.3f} "
            f"(a perfectly calibrated coder shows {chance:.3f} by chance on these events, "
            f"up to {high:.3f} one time in twenty):"
        )
        lines.append(f"  {'bin':<11}{'events':>7}{'mean conf':>11}{'share right':>13}")
        for row in figures["reliability"]:
            if row["count"]:
                lines.append(
                    f"  {row['low']:.1f}-{row['high']:.1f}  {row['count']:>7}"
                    f"{row['confidence']:>11.3f}{row['accuracy']:>13.3f}"
                )
        lines.append(
            f"ranking by confidence: average precision {figures['average_precision']:.4f}, "
            f"recall at precision {calibration.PRECISION_FLOOR} "
            f"{figures['recall_at_precision_floor']:.3f} (over the coded events; "
            "--set coder.min_confidence=0 ranks every candidate)"
        )
        if figures["at_thresholds"]:
            lines.append(
                "by threshold (the same coding, keeping events at or above it): "
                "coded, actor_root P / R / F1, country_quad F1, factuality, conflict FP per "
                "100 sentences, ECE"
            )
            for row in figures["at_thresholds"]:
                root = row["actor_root"]
                lines.append(
                    f"  {row['threshold']:<6.2f}{row['coded_events']:>7}  "
                    f"{root['precision']:.3f} / {root['recall']:.3f} / {root['f1']:.3f}  "
                    f"{row['country_quad_f1']:.3f}  {row['factuality_accuracy']:.3f}  "
                    f"{row['conflict_false_positives_per_100_sentences']:.2f}  {row['ece']:.3f}"
                )
        lines.append("errors by kind (actor_root):")
        for kind in ERROR_KINDS:
            lines.append(f"  {figures['errors_by_kind'].get(kind, 0):>5}  {kind}")
        lines.append("by source (actor_root):")
        for source, row in figures["by_source"].items():
            lines.append(
                f"  {source:<14}P {row['precision']:.3f}  R {row['recall']:.3f}  "
                f"F1 {row['f1']:.3f}  (gold {row['gold']}, coded {row['predicted']})"
            )
        lines.append("by CAMEO root (actor_root): root gold coded tp")
        lines.append(
            "  "
            + "  ".join(
                f"{root}:{row['gold']}/{row['predicted']}/{row['tp']}"
                for root, row in figures["by_root"].items()
            )
        )
        if score.skipped:
            lines.append(
                f"skipped {len(score.skipped)} documents whose text is absent or changed "
                f"(needs ../shared/data/corpus): {', '.join(score.skipped[:5])}"
            )
        if show_errors:
            for error in score.errors:
                lines.append(f"- {error['doc_id']}: {error['sentence']}")
                lines.append(f"    gold:  {'; '.join(error['gold']) or 'none'}")
                lines.append(f"    coded: {'; '.join(error['coded']) or 'none'}")
        lines.append("")
    if agreed.get("documents"):
        lines.append(
            f"annotator agreement on {agreed['documents']} doubly-annotated documents: "
            f"F1 {agreed['f1']:.3f} (dyad + root), factuality kappa {agreed['kappa_factuality']}"
        )
    return "\n".join(lines)
