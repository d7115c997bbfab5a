"""Tests for the structure stage on every publishing format of issue 18.

The grammar (stamps, times, update markers, furniture) is tested line by line; the suite
under `data/validation/structure/` is tested for consistency, never for a threshold.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.coder.read import read_documents
from dyad.coder.structure import split_segments
from dyad.coder.structure.boilerplate import is_boilerplate, is_ui_line
from dyad.coder.structure.markers import read_byline, read_update, resolve_when
from dyad.coder.structure.stamps import read_stamp
from dyad.coder.structure.times import find_time, is_time_only
from dyad.config import load_config
from dyad.dates import reference_date
from dyad.evaluate.structure import SUITE_DIR, evaluate_structure, read_gold
from dyad.records import Document

SUITE = sorted(p for p in SUITE_DIR.glob("*/*") if p.suffix in (".html", ".txt"))


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("line", "year", "author", "posted", "hours", "opens"),
    [
        ("sahel_notes · 2h", None, "sahel_notes", None, 2, True),
        ("u/levant_fox · 3 hr. ago", None, "levant_fox", None, 3, True),
        ("TokyoObserver • 2 hours ago", None, "TokyoObserver", None, 2, True),
        ("Min-jun Park → TokyoObserver • an hour ago", None, "Min-jun Park", None, 1, True),
        ("[–] kettle_of_fish 231 points 5 hours ago", None, "kettle_of_fish", None, 5, True),
        ("Post by colonel_blimp » Mon Nov 24, 2008 9:14 pm", None, "colonel_blimp",
         "2008-11-24T21:14", None, True),
        ("by Kestrel » Thu Oct 09, 2008 4:12 pm", None, "Kestrel", "2008-10-09T16:12", None, True),
        ("Anonymous said...", None, "Anonymous", None, None, True),
        ("Ruslan T. Sep 2, 2008", None, "Ruslan T.", "2008-09-02", None, None),
        ("Omar S. Nov 23", 2008, "Omar S.", "2008-11-23", None, None),
        ("Gulf Vet on November 17, 2008 at 3:21 PM", None, "Gulf Vet", "2008-11-17T15:21",
         None, None),
        ("Posted by Ramona at 11:15 PM", None, "Ramona", None, None, False),
    ],
)  # fmt: skip
def test_structure_reads_engine_stamps(
    line: str,
    year: int | None,
    author: str,
    posted: str | None,
    hours: int | None,
    opens: bool | None,
) -> None:
    stamp = read_stamp(line, year)
    assert stamp is not None
    assert (stamp.author, stamp.posted, stamp.opens) == (author, posted, opens)
    assert (stamp.age.delta.total_seconds() / 3600 if stamp.age else None) == hours


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "line",
    [
        "Omar S. Nov 23",  # no year known: not read
        "Talks lasted 3h and ended without a deal.",
        "Maliki visited Iran Nov 23, 2008",
        "In my Message to the Congress on December 5, 1905, I said:",  # a speech
        "A spokesman said: Iran sent arms.",
        "Turkey said on Sunday that its troops would stay.",
    ],
)
def test_structure_sentences_and_yearless_dates_are_no_stamps(line: str) -> None:
    assert read_stamp(line) is None


@pytest.mark.issue(18)
@pytest.mark.parametrize("line", ["Pay March 31", "Record March 13"])  # a dividend notice
def test_structure_one_common_word_and_a_date_is_no_stamp(line: str) -> None:
    assert read_stamp(line, 1987) is None


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("line", "author", "words", "posted"),
    [
        ("UPDATE: The ministry denied it.", None, None, None),
        ("Update (Allahpundit): Reuters reports that", "Allahpundit", None, None),
        ("UPDATE 2, 3:15 pm: Iran denied it.", None, "3:15 pm", "2008-11-19T15:15"),
        ("Update, 11/19: NATO met.", None, "11/19", "2008-11-19"),
        ("Update 7/16, 10:00 am: The League met.", None, "7/16, 10:00 am", "2008-07-16T10:00"),
        ("UPDATED 4:45 p.m. ET: Aid was cut.", None, "4:45 p.m. ET", "2008-11-19T16:45"),
        ("Update (Jo Park, 4:05 pm): The AU spoke.", "Jo Park", "Jo Park, 4:05 pm",
         "2008-11-19T16:05"),
        ("Correction (Nov. 20): An earlier version erred.", None, "Nov. 20", "2008-11-20"),
        ("Added: The State Department said so.", None, None, None),
        ("Bumped: First published yesterday.", None, None, None),
        ("More (Lena Brandt): The embassy praised Syria.", "Lena Brandt", None, None),
        ("Editor's note: This letter was updated.", None, None, None),
        ("[Update] Czech senators will vote.", None, None, None),
        ("**Update:** The talks resumed.", None, None, None),
        ("Edit: Venezuela praised the decision.", None, None, None),
    ],
)  # fmt: skip
def test_structure_reads_update_markers(
    line: str, author: str | None, words: str | None, posted: str | None
) -> None:
    marker = read_update(line)
    assert marker is not None
    assert marker[0] == author
    assert (resolve_when(marker[1], "2008-11-19T09:00") if marker[1] else None) == posted


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "line",
    [
        "More than 1,600 people were killed in the city last year: the cartels",
        "Updated figures show: violence fell.",
        "More protestors. Image: Chris j wood.",  # a photo caption
        "Iran denied it.",
    ],
)
def test_structure_prose_is_no_update_marker(line: str) -> None:
    assert read_update(line) is None


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("line", "author", "posted"),
    [
        ("submitted 6 hours ago by baltic_lurker", "baltic_lurker", None),
        ("Posted by u/strait_watcher 4 hr. ago", "strait_watcher", None),
        ("By Grace Holm | June 27, 2008, 10:00 a.m.", "Grace Holm", "2008-06-27T10:00"),
        ("From: Gulf Watch <editor@example.com>", "Gulf Watch", None),
        ("Date: Wed, Mar 19, 2008 at 7:45 AM", None, "2008-03-19T07:45"),
        ("By Priya Nathan", "Priya Nathan", None),
    ],
)
def test_structure_reads_bylines(line: str, author: str | None, posted: str | None) -> None:
    byline = read_byline(line)
    assert byline is not None and (byline.author, byline.posted) == (author, posted)


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("line", "only_time"),
    [
        ("Sep 2, 2008", True),
        ("2 days ago", True),
        ("Jul 15, 2008 • 5 min read", True),
        ("6 min read · Nov 30, 2008", True),
        ("Wed, May 21, 2008, 6:30 AM", True),
        ("Iran attacked on Nov 3, 2008", False),
    ],
)
def test_structure_time_lines(line: str, only_time: bool) -> None:
    assert is_time_only(line, 2008) is only_time
    assert find_time(line, 2008, ages=True) is not None


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("5 • Reply • Share ›", True),
        ("permalink save report reply", True),
        ("Newer Post Older Post Home", True),
        ("This site uses cookies to improve your experience.", True),
        ("Board index ‹ Middle East ‹ Iraq", True),
        ("_________________", True),
        ("Forwarded this email? Subscribe here for more.", True),
        ("Powered by Discourse, best viewed with JavaScript enabled", True),
        ("Iran sent troops to the border.", False),
        ("Reply to Iran", False),
        ("Share this with Email Facebook Messenger Twitter", True),
        # a share bar's words glued to the story in one paragraph (NewsArticles 728): the
        # story is text, not furniture
        (
            'Share this with A motion of "no confidence" in the Football Association has been '
            "passed by MPs debating the organisation's ability to reform itself. "
            "While the motion is largely symbolic, MPs have warned legislation will be brought "
            "in if changes are not made. Sports Minister Tracey Crouch has said the FA could "
            "lose public funding if it does not modernise.",
            False,
        ),
    ],
)
def test_structure_furniture(line: str, furniture: bool) -> None:
    assert (is_boilerplate(line) or is_ui_line(line)) is furniture


def _read(path: Path) -> Document:
    (document,) = [d for d in read_documents([path], load_config()) if isinstance(d, Document)]
    return document


@pytest.mark.issue(18)
@pytest.mark.parametrize("path", SUITE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_structure_suite_documents_tile_and_line_up(path: Path) -> None:
    document = _read(path)
    segments = split_segments(document)
    assert segments[0].start == 0 and segments[-1].end == len(document.text)
    assert all(a.end == b.start for a, b in zip(segments, segments[1:], strict=False))
    gold = read_gold(path.with_suffix(".gold"))
    assert len(gold) == sum(1 for line in document.text.split("\n") if line.strip())


@pytest.mark.issue(18)
def test_structure_evaluation_counts_are_consistent() -> None:
    score = evaluate_structure()
    for split, tally in score.splits.items():
        formats = score.formats[split].values()
        assert tally.paragraphs == sum(t.paragraphs for t in formats)
        assert tally.documents == sum(t.documents for t in formats)
        assert tally.kind <= tally.paragraphs and tally.author <= tally.attributed
    assert score.splits["dev"].documents + score.splits["held_out"].documents == len(SUITE)
    assert len(score.formats["held_out"]) >= 10


@pytest.mark.issue(18)
def test_structure_eval_command_prints_json() -> None:
    result = CliRunner().invoke(cli, ["eval", "structure", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    for part in (payload, payload["dev"], payload["held_out"]):
        assert {"accuracy_kind", "accuracy_author", "accuracy_time"} <= set(part)


POST = """Iran and the talks

Posted by Nora Kessler on November 19, 2008 at 9:00 AM

Iran said yesterday that it would attend the talks.

UPDATE 2, 3:15 pm: Iran walked out of the talks yesterday, officials said.

Comments

ali_k on November 21, 2008 at 8:00 AM
"""


@pytest.mark.issue(18)
def test_structure_update_and_comment_times_are_their_own_reference() -> None:
    document = Document("d", POST.replace("\nali_k", "\nThey walked out yesterday.\nali_k"), "p")
    segments = {s.kind: s for s in split_segments(document)}
    assert reference_date(document, segments["article"]).value == "2008-11-19"
    assert segments["update"].posted == "2008-11-19T15:15"
    assert segments["comment"].posted == "2008-11-21T08:00"
    assert reference_date(document, segments["comment"]).value == "2008-11-21"


RELATIVE = """Chad's rebels reach the capital

By Claire Fontaine | February 2, 2008, 2:10 p.m.

Rebel columns entered the capital this morning.

Comments

sahel_notes · 2h
France will not let Déby fall.

Abdel K. · 30 minutes ago
Sudan armed them.
"""


@pytest.mark.issue(18)
def test_structure_relative_stamps_resolve_against_the_post_time() -> None:
    comments = [s for s in split_segments(Document("d", RELATIVE, "p")) if s.kind == "comment"]
    # the oldest comment is read as posted with the post: ages count back from then + 2h
    assert [(s.author, s.posted) for s in comments] == [
        ("sahel_notes", "2008-02-02T14:10"),
        ("Abdel K.", "2008-02-02T15:40"),
    ]


@pytest.mark.model
@pytest.mark.issue(18)
def test_structure_suite_codes_each_sentence_once() -> None:
    from dyad.coder.pipeline import Resources, code_documents

    resources = Resources.load(load_config())
    for _document, events in code_documents([_read(p) for p in SUITE], resources):
        assert all(e.segment.kind not in ("quote", "boilerplate") for e in events)
        said = Counter(
            " ".join(e.sentence.split()) for e in {e.char_start: e for e in events}.values()
        )
        assert all(count == 1 for count in said.values()), said


@pytest.mark.model
@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "path", "settings", "origin"),
    [
        ("Our troops attacked Taliban fighters in Helmand.", "feeds/hotair/p.txt",
         ['coder.perspectives=["hotair=USA"]'], "source:hotair"),
        ("We Americans are tired. Our troops attacked Taliban fighters in Helmand.",
         "feeds/p.txt", [], "text:'We Americans'"),
    ],
)  # fmt: skip
def test_structure_perspective_recorded_on_the_event(
    text: str, path: str, settings: list[str], origin: str
) -> None:
    from dyad.coder.pipeline import Resources, code_documents

    # every candidate kept: this is about the side recorded, not about the ranker
    resources = Resources.load(load_config(overrides=[*settings, "coder.min_confidence=0"]))
    ((_doc, events),) = list(code_documents([Document("p", text, path)], resources))
    attack = next(e for e in events if e.cameo.startswith("19"))
    assert attack.source.code.startswith("USA")
    assert (attack.provenance["perspective"], attack.provenance["perspective_from"]) == (
        "USA",
        origin,
    )
