"""The time stage: reference dates and the rules that resolve date words against them.

The reference in most cases is Friday 25 January 2013, the date of the ISAF release whose
"yesterday" must become 2013-01-24.
"""

from __future__ import annotations

import pytest

from dyad.dates import find_dates, reference_date, resolve_date, span_point
from dyad.records import DatePoint, Document, Segment
from parses import make_sentence

FRIDAY = DatePoint("2013-01-25", "day")

CASES = [
    # relative days
    ("yesterday", "2013-01-24", "day"),
    ("Yesterday", "2013-01-24", "day"),
    ("today", "2013-01-25", "day"),
    ("tonight", "2013-01-25", "day"),
    ("this morning", "2013-01-25", "day"),
    ("this afternoon", "2013-01-25", "day"),
    ("this evening", "2013-01-25", "day"),
    ("earlier today", "2013-01-25", "day"),
    ("last night", "2013-01-24", "day"),
    ("overnight", "2013-01-25", "day"),
    ("the day before yesterday", "2013-01-23", "day"),
    ("tomorrow", "2013-01-26", "day"),
    # weekdays: the latest on or before the reference
    ("on Tuesday", "2013-01-22", "day"),
    ("on Friday", "2013-01-25", "day"),
    ("last Friday", "2013-01-18", "day"),
    ("on Saturday", "2013-01-19", "day"),
    ("on Thursday", "2013-01-24", "day"),
    ("on Monday", "2013-01-21", "day"),
    ("Sunday", "2013-01-20", "day"),
    ("on Wednesday night", "2013-01-23", "day"),
    ("next Monday", "2013-01-28", "day"),
    ("this past Tuesday", "2013-01-22", "day"),
    ("last Wednesday", "2013-01-23", "day"),
    # months: the latest such month on or before the reference
    ("in August", "2012-08", "month"),
    ("back in May", "2012-05", "month"),
    ("in January", "2013-01", "month"),
    ("last January", "2012-01", "month"),
    ("in December", "2012-12", "month"),
    ("in early March", "2012-03", "month"),
    ("in late November", "2012-11", "month"),
    ("in mid-July", "2012-07", "month"),
    ("next March", "2013-03", "month"),
    ("since August", None, "none"),
    # month and year
    ("in August 2011", "2011-08", "month"),
    ("March 2009", "2009-03", "month"),
    ("since May 2012", None, "none"),
    ("since January 2013", "2013-01", "month"),
    # explicit days
    ("Jan. 25, 2013", "2013-01-25", "day"),
    ("March 3", "2012-03-03", "day"),
    ("January 20", "2013-01-20", "day"),
    ("January 30", "2012-01-30", "day"),
    ("25 December 2012", "2012-12-25", "day"),
    ("4th of July", "2012-07-04", "day"),
    ("Sept. 4", "2012-09-04", "day"),
    ("May 5, 2010", "2010-05-05", "day"),
    ("2012-11-21", "2012-11-21", "day"),
    ("12/25/2012", "2012-12-25", "day"),
    ("Feb. 29", "2012-02-29", "day"),
    ("Dec 31st", "2012-12-31", "day"),
    # so long ago
    ("two years ago", "2011", "year"),
    ("a year ago", "2012", "year"),
    ("a year and a half ago", "2011-07", "month"),
    ("two and a half years ago", "2010-07", "month"),
    ("three days ago", "2013-01-22", "day"),
    ("a day ago", "2013-01-24", "day"),
    ("10 days ago", "2013-01-15", "day"),
    ("six months ago", "2012-07", "month"),
    ("a month ago", "2012-12", "month"),
    ("two weeks ago", "2013-01", "month"),
    ("three weeks ago", "2013-01", "month"),
    ("four weeks ago", "2012-12", "month"),
    ("a couple of days ago", "2013-01-23", "day"),
    ("several months ago", "2012", "year"),
    ("a few days ago", "2013-01", "month"),
    ("several years ago", None, "none"),
    # calendar units
    ("last week", "2013-01", "month"),
    ("this week", "2013-01", "month"),
    ("earlier this month", "2013-01", "month"),
    ("last month", "2012-12", "month"),
    ("next month", "2013-02", "month"),
    ("this year", "2013", "year"),
    ("earlier this year", "2013", "year"),
    ("last year", "2012", "year"),
    ("next year", "2014", "year"),
    ("last weekend", "2013-01", "month"),
    ("the past week", "2013-01", "month"),
    # years
    ("in 2009", "2009", "year"),
    ("since 2010", None, "none"),
    ("during 2011", "2011", "year"),
    # seasons
    ("since the summer", "2012", "year"),
    ("last summer", "2012", "year"),
    ("in the spring", "2012", "year"),
    ("this winter", None, "none"),
    ("in the summer of 2010", "2010", "year"),
    # vague spans
    ("recently", None, "none"),
    ("lately", None, "none"),
    ("in recent days", "2013-01", "month"),
    ("in recent years", None, "none"),
    ("over the past few weeks", None, "none"),
    # impossible or garbled dates: null, words kept
    ("February 31", None, "none"),
    ("2007-13-45", None, "none"),
    ("February 30, 2012", None, "none"),
    ("April 31", None, "none"),
    ("13/45/2012", None, "none"),
]


@pytest.mark.issue(4)
@pytest.mark.parametrize(("words", "value", "precision"), CASES)
def test_dates_rule_resolves_words_against_reference(
    words: str, value: str | None, precision: str
) -> None:
    found = resolve_date(f"Forces fought {words} in the valley.", FRIDAY)
    assert (found.value, found.precision) == (value, precision)
    assert found.text is not None  # the words are kept, whole or as the part that dates
    assert found.text.lower() in words.lower() or words.lower() in found.text.lower()


def test_dates_table_has_enough_cases() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(
    ("words", "reference", "value", "precision"),
    [
        ("yesterday", None, None, "none"),
        ("in August", None, None, "none"),
        ("on Tuesday", None, None, "none"),
        ("Jan. 25, 2013", None, "2013-01-25", "day"),
        ("in 2009", None, "2009", "year"),
        ("in August 2011", None, "2011-08", "month"),
        ("yesterday", DatePoint("2011-07", "month"), None, "none"),
        ("in August", DatePoint("2011-07", "month"), "2010-08", "month"),
        ("two years ago", DatePoint("2011-07", "month"), "2009", "year"),
        ("last month", DatePoint("2011", "year"), None, "none"),
        ("last year", DatePoint("2011", "year"), "2010", "year"),
        ("yesterday", DatePoint("2013-03-01", "day"), "2013-02-28", "day"),
        ("yesterday", DatePoint("2012-03-01", "day"), "2012-02-29", "day"),
        ("in January", DatePoint("2013-01-01", "day"), "2013-01", "month"),
    ],
)
def test_dates_rule_needs_a_precise_enough_reference(
    words: str, reference: DatePoint | None, value: str | None, precision: str
) -> None:
    found = resolve_date(words, reference)
    assert (found.value, found.precision) == (value, precision)
    assert found.text == words


def test_dates_without_words_take_the_reference_marked_by_no_text() -> None:
    assert resolve_date("Troops attacked the town.", FRIDAY) == DatePoint("2013-01-25", "day")
    assert resolve_date("Troops attacked the town.", None) == DatePoint.unknown()
    assert resolve_date("Troops attacked.", FRIDAY, fall_back=False) == DatePoint.unknown()


def test_dates_never_use_the_processing_date() -> None:
    for words, _value, _precision in CASES:
        found = resolve_date(words, None)
        assert found.value is None or found.value[:4] <= "2013"


def test_dates_prefer_the_verbs_own_clause() -> None:
    sentence = make_sentence(
        "Officials said on Monday that troops attacked the town yesterday .",
        [1, 1, 1, 2, 6, 6, 1, 8, 6, 6, 1],
        "nsubj ROOT prep pobj mark nsubj ccomp det dobj npadvmod punct",
    )
    assert resolve_date(sentence, FRIDAY, 6).text == "yesterday"
    assert resolve_date(sentence, FRIDAY, 1).value == "2013-01-21"
    assert resolve_date(sentence, FRIDAY).text == "on Monday"  # no verb: text order


def test_dates_skip_the_date_line() -> None:
    text = "KABUL, Afghanistan (Jan. 25, 2013) Forces killed a Taliban leader yesterday."
    assert resolve_date(text, FRIDAY).value == "2013-01-24"


def test_dates_overlapping_expressions_keep_the_longest() -> None:
    found = find_dates("the day before yesterday and May 5, 2010", FRIDAY)
    assert [e.date.text for e in found] == ["the day before yesterday", "May 5, 2010"]


def test_dates_month_names_are_not_words() -> None:
    assert find_dates("They may march in Marjeh district.", FRIDAY) == []


@pytest.mark.parametrize(
    ("first", "last", "value", "precision"),
    [
        ("2013-01-02", "2013-01-02", "2013-01-02", "day"),
        ("2013-01-02", "2013-01-30", "2013-01", "month"),
        ("2013-01-02", "2013-05-30", "2013", "year"),
        ("2012-12-30", "2013-01-02", None, "none"),
    ],
)
def test_dates_span_point_is_the_finest_cover(
    first: str, last: str, value: str | None, precision: str
) -> None:
    from datetime import date

    found = span_point(date.fromisoformat(first), date.fromisoformat(last), "x")
    assert (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "date", "value", "precision"),
    [
        ("2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nForces killed him.", None,
         "2013-01-25", "day"),
        ("Title\n2010-08-CA-043 For Immediate Release\n KABUL, Afghanistan (Sept. 4) - "
         "An Afghan and coalition security force captured a Taliban facilitator today.", None,
         "2010-09-04", "day"),
        ("ISAF Joint Command Operational Update, Jan. 10, 2011\n2011-01-S-115\nIn the same "
         "area, coalition forces observed several insurgents emplacing an IED.", None,
         "2011-01-10", "day"),
        ("BAGHDAD, Aug. 20, 2008 (dyad wire) -- Maliki returned to Baghdad on Wednesday.", None,
         "2008-08-20", "day"),
        ("ISAF Joint Command\n2011-07-S-003\nFor Immediate Release\n\nAn Afghan-led security "
         "force in Khost province detained two suspected insurgents during a search.", None,
         "2011-07", "month"),
        ("KABUL, Afghanistan (Jan. 28) - A force captured a Taliban leader today.", None,
         None, "none"),
        ("Troops attacked the town. Nobody says when.", None, None, "none"),
        ("Troops attacked the town.", "2012-05-06", "2012-05-06", "day"),
        ("KABUL, Afghanistan (Jan. 25, 2013) Troops attacked.", "2012-05-06", "2012-05-06",
         "day"),
        ("Troops attacked the town.", "2012-05", "2012-05", "month"),
        ("KABUL, Afghanistan (Jan. 25, 2013) Troops attacked.", "2013-02-31", "2013-01-25",
         "day"),
    ],
)  # fmt: skip
def test_dates_reference_date_sources(
    text: str, date: str | None, value: str | None, precision: str
) -> None:
    found = reference_date(Document("d", text, "d.txt", date=date))
    assert (found.value, found.precision) == (value, precision)


def test_dates_comment_stamp_wins_over_the_document_date() -> None:
    document = Document("d", "A comment.", "d.html", date="2012-05-06")
    comment = Segment("comment", 0, 10, author="ann", posted="2012-05-09T10:31:00")
    assert reference_date(document, comment).value == "2012-05-09"
    assert reference_date(document, Segment("article", 0, 10)).value == "2012-05-06"
