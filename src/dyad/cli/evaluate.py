"""`dyad eval`: score the coder on the public validation suites."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dyad.cli.common import config_from_options, with_config

if TYPE_CHECKING:
    from dyad.evaluate.isaf import IsafScore
    from dyad.evaluate.scores import SuiteScore


@click.command(name="eval")
@click.argument("suites", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object keyed by suite.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="The shared data folder (default: $DYAD_SHARED_DATA or ../shared/data).",
)
@click.option("--show-errors", is_flag=True, help="List the records with misses.")
@click.option("--no-prefilter", is_flag=True, help="Parse every sentence (to check recall).")
@click.option(
    "--split",
    "splits",
    multiple=True,
    type=click.Choice(["dev", "test", "train"]),
    help="realtext: the split(s) to score (default dev; test only for reported figures).",
)
@click.option(
    "--thresholds",
    default="",
    metavar="P,P,...",
    help="realtext: also score at these confidences (e.g. 0.5,0.55,0.6), coding once.",
)
@with_config
def eval_command(
    suites: tuple[str, ...],
    as_json: bool,
    data_dir: Path | None,
    show_errors: bool,
    no_prefilter: bool,
    splits: tuple[str, ...],
    thresholds: str,
    config_path: Path | None,
    settings: tuple[str, ...],
) -> None:
    """Score the coder on the public validation suites and print the figures."""
    from dyad.evaluate.scores import default_data_dir
    from dyad.evaluate.scoring import score_suites

    config = config_from_options(config_path, settings)
    for local in ("factuality", "structure"):  # suites shipped with the package
        if local in suites:
            _echo_local_suite(local, as_json=as_json, show_errors=show_errors)
            suites = tuple(name for name in suites if name != local)
            if not suites:
                return
    folder = data_dir or default_data_dir()
    if "realtext" in suites:  # real text annotated blind (issue 15)
        from dyad.evaluate.scoring import score_realtext

        swept = _thresholds(thresholds)
        click.echo(score_realtext(splits or ("dev",), config, folder, as_json, show_errors, swept))
        suites = tuple(name for name in suites if name != "realtext")
        if not suites:
            return
    scores, isaf = score_suites(suites, config, folder, prefilter=not no_prefilter)
    _echo_scores(scores, isaf, as_json=as_json, show_errors=show_errors)


def _thresholds(text: str) -> tuple[float, ...]:
    """Return the confidences of `--thresholds` ("0.5,0.6"), or stop with a usage error."""
    found = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        try:
            value = float(part)
        except ValueError:
            raise click.BadParameter(
                f"{part!r} is not a number", param_hint="--thresholds"
            ) from None
        if not 0.0 <= value <= 1.0:
            raise click.BadParameter(f"{part} is not within 0-1", param_hint="--thresholds")
        found.append(value)
    return tuple(sorted(set(found)))


def _echo_local_suite(name: str, *, as_json: bool, show_errors: bool) -> None:
    """Score and print a suite shipped with the package: the modality stage (issue 3) on
    hand-labelled sentences, or the structure stage (issue 18) on hand-segmented posts."""
    if name == "factuality":
        from dyad.evaluate import factuality

        judged = factuality.evaluate_factuality()
        payload, text = judged.to_json(), factuality.format_factuality(judged, show_errors)
    else:
        from dyad.evaluate import structure

        segmented = structure.evaluate_structure()
        payload, text = segmented.to_json(), structure.format_structure(segmented, show_errors)
    click.echo(json.dumps(payload, indent=2) if as_json else text)


def _echo_scores(
    scores: Sequence[SuiteScore], isaf: IsafScore | None, *, as_json: bool, show_errors: bool
) -> None:
    """Print the event suites' and the ISAF suite's figures, as JSON or as tables."""
    from dyad.evaluate import isaf as isaf_suite
    from dyad.evaluate import scores as evaluation

    if as_json:
        payload = evaluation.scores_to_json(scores)
        if isaf is not None:
            payload[isaf_suite.SUITE] = isaf.to_json()
        click.echo(json.dumps(payload, indent=2))
        return
    if scores:
        click.echo(evaluation.format_scores(scores))
    if show_errors:
        for score in scores:
            click.echo(evaluation.format_errors(score))
    if isaf is not None:
        click.echo(isaf_suite.format_isaf(isaf, show_errors=show_errors))
