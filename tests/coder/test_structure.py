"""Tests for dyad.structure: headline, byline, updates, comment threads, quotes, boilerplate."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dyad.coder.read import read_documents
from dyad.coder.structure import split_segments, structure_warnings
from dyad.coder.structure.stamps import read_stamp as _stamp
from dyad.coder.structure.times import read_when as _when
from dyad.config import load_config
from dyad.records import Document, Segment

FIXTURES = Path(__file__).parents[1] / "fixtures"
BLOGS = FIXTURES / "blogs"

Row = tuple[str, str | None, str | None, str]  # kind, author, posted, how the text begins


def read(path: Path) -> Document:
    items = list(read_documents([path], load_config()))
    documents = [item for item in items if isinstance(item, Document)]
    assert len(documents) == 1, items
    return documents[0]


def rows(document: Document) -> list[Row]:
    return [
        (s.kind, s.author, s.posted, document.text[s.start : s.end].strip()[:30])
        for s in split_segments(document)
    ]


DALE, STAMP_2007 = "Dale Hartigan", "2007-11-18T20:11"
EXPECTED: dict[str, list[Row]] = {
    "iraq_blog_2007.txt": [
        ("headline", DALE, STAMP_2007, "Did Iran just decide to stop a"),
        ("boilerplate", DALE, STAMP_2007, "Posted at 8:11 pm on November "),
        ("article", DALE, STAMP_2007, "The numbers out of Baghdad thi"),
        ("update", "Nora Kessler", None, "UPDATE (Nora Kessler): A reade"),
        ("boilerplate", None, None, "Comments"),
        ("quote", "grumpy_in_ohio", "2007-11-18T20:25", "Maybe we bought them off someh"),
        ("comment", "grumpy_in_ohio", "2007-11-18T20:25", "That is exactly what worries m"),
        ("boilerplate", "grumpy_in_ohio", "2007-11-18T20:25", "grumpy_in_ohio on November 18,"),
        ("comment", "Leatherneck71", "2007-11-18T20:31", "How do we know the drop in vio"),
        ("boilerplate", "Leatherneck71", "2007-11-18T20:31", "Leatherneck71 on November 18, "),
        ("quote", "RedStateRita", "2007-11-18T20:40", 'Leatherneck71 wrote: "He told '),
        ("comment", "RedStateRita", "2007-11-18T20:40", "Right, and the Mahdi Army can "),
        ("boilerplate", "RedStateRita", "2007-11-18T20:40", "RedStateRita on November 18, 2"),
        ("comment", "ProudArmyDad", "2007-11-18T20:52", "Our troops did this, not a dea"),
        ("boilerplate", "ProudArmyDad", "2007-11-18T20:52", "ProudArmyDad on November 18, 2"),
        ("quote", "skeptic_in_dc", "2007-11-18T21:04", 'As Dale Hartigan put it, "The '),
        ("comment", "skeptic_in_dc", "2007-11-18T21:04", "Is Maliki doing that because h"),
        ("boilerplate", "skeptic_in_dc", "2007-11-18T21:04", "skeptic_in_dc on November 18, "),
        ("comment", "Hawkeye", "2007-11-18T21:17", "Iran will never stop meddling "),
        ("boilerplate", "Hawkeye", "2007-11-18T21:17", "Hawkeye on November 18, 2007 a"),
        ("comment", "mkb_writes", "2007-11-18T21:30", "Did anyone else notice that Kh"),
        ("boilerplate", "mkb_writes", "2007-11-18T21:30", "mkb_writes on November 18, 200"),
        ("comment", "Sgt_Marlowe", "2007-11-18T21:48", "We should thank the Iraqi army"),
        ("boilerplate", "Sgt_Marlowe", "2007-11-18T21:48", "Sgt_Marlowe on November 18, 20"),
    ],
    "iraq_blog_2008.html": [
        ("headline", "Glen Adair", "2008-04-02T21:37", "Basra, Tehran and the deal nob"),
        ("boilerplate", None, None, "The Forward Operating Blog\n\nHo"),
        ("boilerplate", "Glen Adair", "2008-04-02T21:37", "Posted by Glen Adair on April "),
        ("boilerplate", None, None, "Share on Facebook Tweet this E"),
        ("article", "Glen Adair", "2008-04-02T21:37", "A week ago Prime Minister Mali"),
        ("update", "Priya Valdez", None, "Update (Priya Valdez): The Ira"),
        ("boilerplate", None, None, "Tags: Iraq, Iran, Basra\n\nRelat"),
        ("boilerplate", "basra_watcher", "2008-04-02T22:05", "basra_watcher April 2, 2008 at"),
        ("quote", "basra_watcher", "2008-04-02T22:05", 'Glen wrote: "If that is true, '),
        ("comment", "basra_watcher", "2008-04-02T22:05", "That is the whole story in one"),
        ("boilerplate", "OldSalt", "2008-04-02T22:19", "OldSalt April 2, 2008 at 10:19"),
        ("comment", "OldSalt", "2008-04-02T22:19", "Why are we still pretending th"),
        ("boilerplate", "Kate in Tampa", "2008-04-02T23:02", "Kate in Tampa April 2, 2008 at"),
        ("comment", "Kate in Tampa", "2008-04-02T23:02", "The Iraqi army did not collaps"),
        ("boilerplate", "OldSalt", "2008-04-03T07:45", "OldSalt April 3, 2008 at 7:45 "),
        ("quote", "OldSalt", "2008-04-03T07:45", 'Kate in Tampa said "Iran may b'),
        ("comment", "OldSalt", "2008-04-03T07:45", "Maybe, but Iran still supplied"),
        ("boilerplate", None, None, "© 2008 The Forward Operating B"),
    ],
    "blogs/says_thread.txt": [
        ("headline", "Martin Okafor", "2008-03-03", "Syria and the border crossings"),
        ("boilerplate", "Martin Okafor", "2008-03-03", "By Martin Okafor, March 3, 200"),
        ("article", "Martin Okafor", "2008-03-03", "The Syrian government has tigh"),
        ("update", "Lena Brandt", None, "More (Lena Brandt): The U.S. e"),
        ("boilerplate", None, None, "Comments"),
        ("boilerplate", "abu_karim", "2008-03-03T09:12", "abu_karim says:\nMarch 3, 2008 "),
        ("comment", "abu_karim", "2008-03-03T09:12", "Syria will never cut the suppl"),
        ("boilerplate", "JoanneW", "2008-03-03T10:40", "JoanneW says:\nMarch 3, 2008 at"),
        ("quote", "JoanneW", "2008-03-03T10:40", '"Iraqi officials said that Syr'),
        ("comment", "JoanneW", "2008-03-03T10:40", "And who paid the smugglers? Sy"),
        ("boilerplate", None, None, "Trackbacks\n\nBorder Watch: Syri"),
    ],
    "blogs/posted_by_thread.txt": [
        ("headline", "Hal Mercer", "2008-03-31T18:05", "Iran and the Basra ceasefire"),
        ("boilerplate", "Hal Mercer", "2008-03-31T18:05", "Posted by Hal Mercer on March "),
        ("article", "Hal Mercer", "2008-03-31T18:05", "Iraqi troops attacked Mahdi Ar"),
        ("update", "Hal Mercer", None, "UPDATE: The Iraqi government s"),
        ("boilerplate", None, None, "Comments"),
        ("comment", "Ramona", "2008-03-31T18:40", "This is what happens when Bagh"),
        ("boilerplate", "Ramona", "2008-03-31T18:40", "Posted by: Ramona | March 31, "),
        ("quote", "T. Brennan", "2008-03-31T19:02", "Iran called for an end to the "),
        ("comment", "T. Brennan", "2008-03-31T19:02", "Funny how Iran always ends up "),
        ("boilerplate", "T. Brennan", "2008-03-31T19:02", "Posted by: T. Brennan | March "),
        ("comment", "Ramona", "2008-03-31T23:15", "Did anyone expect Maliki to wi"),
        ("boilerplate", "Ramona", "2008-03-31T23:15", "Posted by Ramona at 11:15 PM"),
        ("boilerplate", None, None, "Terms of Use | Privacy Policy"),
    ],
    "blogs/inline_says.txt": [
        ("headline", "Sam Whitley", "2008-08-09T09:30", "Maliki in Tehran, again"),
        ("boilerplate", "Sam Whitley", "2008-08-09T09:30", "Posted at 9:30 am on August 9,"),
        ("article", "Sam Whitley", "2008-08-09T09:30", "Prime Minister Maliki visited "),
        ("boilerplate", None, None, "Related posts\n\nMaliki's first "),
        ("boilerplate", "Bill K.", None, "Bill K. says:"),
        ("comment", "Bill K.", None, "Iran wants a security pact tha"),
        ("boilerplate", "Farah M.", None, "Farah M. says:"),
        ("comment", "Farah M.", None, "Maliki met Ahmadinejad because"),
        ("boilerplate", "nadia_b", None, "nadia_b says:"),
        ("quote", "nadia_b", None, "Some analysts believe that Teh"),
        ("comment", "nadia_b", None, "Maybe, but Iraq will decide th"),
    ],
    "blogs/wire_dateline.txt": [
        ("headline", None, "2008-09-14", "Iraq and Syria agree to reopen"),
        ("article", None, "2008-09-14", "DAMASCUS, Sept. 14, 2008 (dyad"),
    ],
    "blogs/bad_stamps.txt": [
        ("headline", DALE, "2007-11-20", "Will Iran keep its promise?"),
        ("boilerplate", DALE, "2007-11-20", "By Dale Hartigan, November 20,"),
        ("article", DALE, "2007-11-20", "Iran promised Iraq that it wou"),
    ],
    "blogs/wordpress.html": [
        ("headline", "Aylin Demir", "2008-02-25", "The Turkish raids and the Kurd"),
        ("boilerplate", "Aylin Demir", "2008-02-25", "By Aylin Demir, February 25, 2"),
        ("article", "Aylin Demir", "2008-02-25", "Turkish troops crossed into no"),
        ("update", "Kemal Ersoy", None, "Update (Kemal Ersoy): Turkey s"),
        ("boilerplate", None, None, "Share this: Twitter Facebook\n\n"),
        ("boilerplate", "erbil_resident", "2008-02-25T09:14", "erbil_resident says:\n\nFebruary"),
        ("comment", "erbil_resident", "2008-02-25T09:14", "Turkey attacked these villages"),
        ("boilerplate", "Yusuf", "2008-02-25T11:30", "Yusuf says:\n\nFebruary 25, 2008"),
        ("quote", "Yusuf", "2008-02-25T11:30", "The Iraqi government condemned"),
        ("comment", "Yusuf", "2008-02-25T11:30", "Condemning is easy. Will Malik"),
        ("boilerplate", "m.ozturk", "2008-02-26T07:02", "m.ozturk says:\n\nFebruary 26, 2"),
        ("comment", "m.ozturk", "2008-02-26T07:02", "The PKK killed Turkish soldier"),
        ("boilerplate", None, None, "Trackbacks\n\n1 trackback: Kurdi"),
    ],
    "blogs/news_comments.html": [
        ("headline", "Greta Lindqvist", "2008-06-12", "U.N. envoy urges Iraq and Iran"),
        ("boilerplate", None, None, "News World\n\nU.N. envoy urges I"),
        ("boilerplate", "Greta Lindqvist", "2008-06-12", "By Greta Lindqvist | June 12, "),
        ("article", "Greta Lindqvist", "2008-06-12", "The United Nations envoy to Ir"),
        ("boilerplate", None, None, "Reader comments (2)"),
        ("comment", "Basra farmer", "2008-06-12T15:14", "Iran diverted the Karun years "),
        ("boilerplate", "Basra farmer", "2008-06-12T15:14", "Basra farmer on June 12, 2008 "),
        ("quote", "J. Hollis", "2008-06-13T08:01", 'As the article says, "Iraqi fa'),
        ("comment", "J. Hollis", "2008-06-13T08:01", "They have said so for a decade"),
        ("boilerplate", "J. Hollis", "2008-06-13T08:01", "J. Hollis on June 13, 2008 at "),
        ("boilerplate", None, None, "Copyright 2008 Example News. A"),
    ],
}


@pytest.mark.issue(3)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structure_segments_of_fixture(name: str) -> None:
    assert rows(read(FIXTURES / name)) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structure_segments_tile_the_text(name: str) -> None:
    document = read(FIXTURES / name)
    segments = split_segments(document)
    assert segments[0].start == 0 and segments[-1].end == len(document.text)
    for before, after in zip(segments, segments[1:], strict=False):
        assert before.end == after.start
        assert (before.kind, before.author, before.posted) != (
            after.kind,
            after.author,
            after.posted,
        )
    for segment in segments:
        assert document.text[segment.start : segment.end].strip()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "Iraq attacked Iran.",
        "Comments\n\nNo comments yet.",
        "Iran denied it\n\nmore text",
        "A\nB\nC\n\n\nD",
    ],
)
def test_structure_odd_texts_still_tile(text: str) -> None:
    segments = split_segments(Document("d", text, "p"))
    assert segments[0].start == 0 and segments[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(segments, segments[1:], strict=False))


def test_structure_single_line_is_article_not_headline() -> None:
    assert split_segments(Document("d", "Iraq attacked Iran", "p")) == [Segment("article", 0, 18)]


def test_structure_unreadable_stamps_keep_thread_as_article_with_warning() -> None:
    document = read(BLOGS / "bad_stamps.txt")
    segments = split_segments(document)
    thread = document.text.index("Iran always breaks")
    assert [s.kind for s in segments if s.end > thread] == ["article"]
    (warning,) = structure_warnings(document)
    assert warning.stage == "structure-warning"
    assert warning.doc_id == document.doc_id and document.doc_id in warning.reason
    assert "line 7" in warning.reason and "Novembr 31st" in warning.reason
    assert warning.message().startswith(str(BLOGS / "bad_stamps.txt"))


@pytest.mark.parametrize("name", sorted(set(EXPECTED) - {"blogs/bad_stamps.txt"}))
def test_structure_readable_fixtures_raise_no_warning(name: str) -> None:
    assert structure_warnings(read(FIXTURES / name)) == []


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("November 18, 2007 at 8:25 PM", "2007-11-18T20:25"),
        ("8:11 pm on November 18, 2007", "2007-11-18T20:11"),
        ("March 3, 2008", "2008-03-03"),
        ("Sept. 14, 2008", "2008-09-14"),
        ("18 November 2007, 20:25", "2007-11-18T20:25"),
        ("2008-04-02 22:05", "2008-04-02T22:05"),
        ("4/2/2008 at 12:05 am", "2008-04-02T00:05"),
        ("April 3, 2008 at 12:45 p.m.", "2008-04-03T12:45"),
        ("Novembr 31st, 2007", None),
        ("February 30, 2008", None),
        ("at 8:25 PM", None),
        # the long s of old print matches "s" case-insensitively: no crash on "ſep"
        ("\u017fep 3, 2008", "2008-09-03"),
    ],
)
def test_structure_reads_stamp_times(value: str, iso: str | None) -> None:
    assert _when(value) == iso


@pytest.mark.parametrize(
    ("line", "author", "posted", "opens"),
    [
        (
            "grumpy_in_ohio on November 18, 2007 at 8:25 PM",
            "grumpy_in_ohio",
            "2007-11-18T20:25",
            None,
        ),
        ("Kate in Tampa April 2, 2008 at 11:02 pm", "Kate in Tampa", "2008-04-02T23:02", None),
        ("Posted by: Ramona | March 31, 2008 at 06:40 PM", "Ramona", "2008-03-31T18:40", False),
        ("Posted by Ramona at 11:15 PM", "Ramona", None, False),
        ("abu_karim says:", "abu_karim", None, True),
        ("Bill K. says: Iran wants a pact.", "Bill K.", None, True),
        ("On March 3, 2008 at 9:12 am, JoanneW wrote:", "JoanneW", "2008-03-03T09:12", True),
        ("J. Hollis | June 13, 2008", "J. Hollis", "2008-06-13", None),
    ],
)
def test_structure_reads_stamps(
    line: str, author: str, posted: str | None, opens: bool | None
) -> None:
    stamp = _stamp(line)
    assert stamp is not None
    assert (stamp.author, stamp.posted, stamp.opens) == (author, posted, opens)


@pytest.mark.parametrize(
    "line",
    [
        "Maliki visited Iran November 18, 2007",
        "Iraq and Iran signed the accord on March 3, 2008.",
        'Glen wrote: "If that is true, Tehran now holds the keys."',
        "The minister says: Iran sent arms across the border into Iraq last week and more.",
        "Comments",
    ],
)
def test_structure_sentences_are_no_stamps(line: str) -> None:
    assert _stamp(line) is None


@pytest.mark.model
@pytest.mark.issue(3)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structure_quoted_repeats_code_no_second_event(name: str) -> None:
    from dyad.coder.pipeline import Resources, code_documents

    document = read(FIXTURES / name)
    resources = Resources.load(load_config())
    ((_doc, events),) = list(code_documents([document], resources))
    assert all(e.segment.kind not in ("quote", "boilerplate") for e in events)
    # each sentence is coded where first said: no event repeats an earlier sentence's text
    said = Counter(" ".join(e.sentence.split()) for e in {e.char_start: e for e in events}.values())
    assert all(count == 1 for count in said.values()), said
