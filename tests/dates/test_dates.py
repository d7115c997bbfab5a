"""The time stage: reference dates and the rules that resolve date words against them.

The reference in most cases is Friday 25 January 2013, the date of the ISAF release whose
"yesterday" must become 2013-01-24.
"""

from __future__ import annotations

import pytest

from dyad.dates import (
    find_dates,
    lies_after,
    own_time_words,
    reference_date,
    resolve_date,
    span_point,
)
from dyad.records import DatePoint, Document, Segment, Sentence
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
    ("early this morning", "2013-01-25", "day"),
    ("late last night", "2013-01-24", "day"),
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
    # "the past N units": every day from then to the reference
    ("during the past two days", "2013-01", "month"),
    ("over the past two nights", "2013-01", "month"),
    ("in the last three weeks", "2013-01", "month"),
    ("in the last five weeks", None, "none"),
    ("over the past two months", None, "none"),
    ("in the past 10 days", "2013-01", "month"),
    ("during the past two years", None, "none"),
    # years
    ("in 2009", "2009", "year"),
    ("since 2010", None, "none"),
    ("during 2011", "2011", "year"),
    ("at the end of 2011", "2011", "year"),
    ("by the beginning of 2010", "2010", "year"),
    ("at the end of March", "2012-03", "month"),
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


# Real sentences of news and press releases, resolved against their date line "(Jan. 25,
# 2013)", a Friday; in plain text the first date words of the sentence count.
SENTENCES = [
    ("During a security operation in Andar district, Ghazni province, yesterday, an Afghan "
     "and coalition force killed the Taliban leader, Alaudin.", "2013-01-24", "day"),
    ("A coalition security force detained numerous suspected insurgents during an operation "
     "in Marjeh district, Helmand province, yesterday.", "2013-01-24", "day"),
    ("Afghan and coalition forces killed more than 15 armed insurgents during an operation in "
     "Sherzad district, Nangarhar province last night.", "2013-01-24", "day"),
    ("Several armed insurgents were killed by a coalition forces patrol in Shigal wa Sheltan "
     "district, Kunar province today.", "2013-01-25", "day"),
    ("International Security Assistance Force killed several armed insurgents during an "
     "offensive operation early this morning in Kunar province.", "2013-01-25", "day"),
    ("Afghan and coalition security forces detained several insurgents in Khost province "
     "overnight, including a Haqqani Network leader.", "2013-01-25", "day"),
    ("An Afghan and coalition security force captured a Haqqani Network facilitator "
     "throughout Khost province Saturday.", "2013-01-19", "day"),
    ("An Afghan National Security and International Security Assistance Force patrol "
     "arrested a wanted senior Taliban leader in Helmand province, Monday.", "2013-01-21",
     "day"),
    ("On Thursday night an ANSF and ISAF combined force conducted a lethal strike in "
     "Nahr-e-Saraj district, Helmand province.", "2013-01-24", "day"),
    ("Wednesday afternoon, an MOI and ISAF combined force conducted an operation to disrupt "
     "a compound in Laghman province.", "2013-01-23", "day"),
    ("A joint force detained a Taliban leader and facilitator in Musa Qala district, "
     "Helmand province, Jan. 9.", "2013-01-09", "day"),
    ("ISAF confirmed a Haqqani Network leader was detained during an operation in Sabari "
     "district, Khost province Dec. 6.", "2012-12-06", "day"),
    ("International Security Assistance Force killed more than 30 insurgents in an ongoing "
     "offensive operation in Helmand province during the past two days.", "2013-01", "month"),
    ("The Taliban commander was killed in an airstrike two weeks ago, officials said.",
     "2013-01", "month"),
    ("Militants attacked the checkpoint three days ago.", "2013-01-22", "day"),
    ("The governor survived a similar attack last month.", "2012-12", "month"),
    ("The district had been calm since the summer.", "2012", "year"),
    ("Insurgents have recently stepped up attacks on the road.", None, "none"),
    ("In recent days, patrols have found several caches.", "2013-01", "month"),
    ("The base was attacked the day before yesterday.", "2013-01-23", "day"),
    ("Police said the men were arrested on Tuesday.", "2013-01-22", "day"),
    ("The bridge reopened this week after repairs.", "2013-01", "month"),
    ("Elections are due next month, the commission said.", "2013-02", "month"),
    ("The attack came a year and a half ago, in the summer.", "2011-07", "month"),
    ("The ceasefire agreed last year collapsed in August.", "2012", "year"),
    ("Forces withdrew from the valley in early March.", "2012-03", "month"),
    ("Talks resumed on Feb. 30 in Doha.", None, "none"),
    ("The record gives the raid as 2012-02-31.", None, "none"),
    ("Clashes broke out on 31 April near the border.", None, "none"),
    ("The convoy was ambushed on 12/25/2012 near Kandahar.", "2012-12-25", "day"),
]  # fmt: skip


@pytest.mark.issue(4)
@pytest.mark.parametrize(("sentence", "value", "precision"), SENTENCES)
def test_dates_rule_resolves_real_sentences(
    sentence: str, value: str | None, precision: str
) -> None:
    found = resolve_date(sentence, FRIDAY)
    assert (found.value, found.precision) == (value, precision)
    assert found.text is not None and found.text in sentence


def test_dates_relative_cases_are_enough() -> None:
    absolute = [words for words, *_ in CASES if any(ch.isdigit() for ch in words[-4:])]
    assert len(CASES) - len(absolute) + len(SENTENCES) >= 80


def _confirmed(sunday_on_verb: bool) -> Sentence:
    # "Forces today confirmed the arrest of a leader in Kandahar province Sunday ."
    return make_sentence(
        "Forces today confirmed the arrest of a leader in Kandahar province Sunday .",
        [2, 2, 2, 4, 2, 4, 7, 5, 4, 10, 8, 2 if sunday_on_verb else 10, 2],
        "nsubj npadvmod ROOT det dobj prep det pobj prep compound pobj npadvmod punct",
        lemmas="forces today confirm the arrest of a leader in kandahar province sunday .",
    )


@pytest.mark.issue(4)
@pytest.mark.parametrize("sunday_on_verb", [False, True])
def test_dates_reporting_verb_dates_the_report_not_the_event(sunday_on_verb: bool) -> None:
    sentence = _confirmed(sunday_on_verb)
    assert resolve_date(sentence, FRIDAY, 2) == DatePoint("2013-01-20", "day", "Sunday")
    # coded as the statement itself, the verb's own "today" is the date
    assert resolve_date(sentence, FRIDAY, 2, statement=True).text == "today"


def test_dates_reported_clause_comes_first() -> None:
    sentence = make_sentence(
        "Officials said on Monday that troops attacked the town on Saturday .",
        [1, 1, 1, 2, 6, 6, 1, 8, 6, 6, 9, 1],
        "nsubj ROOT prep pobj mark nsubj ccomp det dobj prep pobj punct",
        lemmas="officials say on monday that troops attack the town on saturday .",
    )
    assert resolve_date(sentence, FRIDAY, 1).text == "on Saturday"
    assert resolve_date(sentence, FRIDAY, 1, statement=True).text == "on Monday"


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "verb", "expected"),
    [
        # the date of another event does not date this one: the reference does
        ("Troops detained a leader behind Tuesday 's attack .", [1, 1, 3, 1, 3, 7, 5, 4, 1],
         "nsubj ROOT det dobj prep poss case pobj punct",
         "NOUN VERB DET NOUN ADP PROPN PART NOUN PUNCT", 1,
         DatePoint("2013-01-25", "day", None)),
        ("Troops detained a leader behind Tuesday 's attack yesterday .",
         [1, 1, 3, 1, 3, 7, 5, 4, 1, 1],
         "nsubj ROOT det dobj prep poss case pobj npadvmod punct",
         "NOUN VERB DET NOUN ADP PROPN PART NOUN NOUN PUNCT", 1,
         DatePoint("2013-01-24", "day", "yesterday")),
        # as the subject the noun is the event itself
        ("Tuesday 's attack killed five soldiers .", [2, 0, 3, 3, 5, 3, 3],
         "poss case nsubj ROOT nummod dobj punct", "PROPN PART NOUN VERB NUM NOUN PUNCT", 3,
         DatePoint("2013-01-22", "day", "Tuesday")),
        # the object of the verb's own preposition frames the event
        ("Troops killed two insurgents during an overnight operation .",
         [1, 1, 3, 1, 1, 7, 7, 4, 1], "nsubj ROOT nummod dobj prep det amod pobj punct",
         "NOUN VERB NUM NOUN ADP DET ADJ NOUN PUNCT", 1,
         DatePoint("2013-01-25", "day", "overnight")),
        # a weekday before a time noun is a time, not an event
        ("Forces raided a compound Wednesday afternoon .", [1, 1, 3, 1, 5, 1, 1],
         "nsubj ROOT det dobj compound npadvmod punct", "NOUN VERB DET NOUN PROPN NOUN PUNCT",
         1, DatePoint("2013-01-23", "day", "Wednesday")),
        # a relative clause on an argument tells of another event ...
        ("A man who fled on Monday was arrested .", [1, 7, 3, 1, 3, 4, 7, 7, 7],
         "det nsubjpass nsubj relcl prep pobj auxpass ROOT punct",
         "DET NOUN PRON VERB ADP PROPN AUX VERB PUNCT", 7,
         DatePoint("2013-01-25", "day", None)),
        # ... which its own verb's date words date
        ("A man who fled on Monday was arrested .", [1, 7, 3, 1, 3, 4, 7, 7, 7],
         "det nsubjpass nsubj relcl prep pobj auxpass ROOT punct",
         "DET NOUN PRON VERB ADP PROPN AUX VERB PUNCT", 3,
         DatePoint("2013-01-21", "day", "on Monday")),
        ("A strike on a commander linked to the July 2 attack killed him today .",
         [1, 11, 1, 4, 2, 4, 5, 9, 9, 8, 6, 11, 11, 11, 11],
         "det nsubj prep det pobj acl prep det nmod nummod pobj ROOT dobj npadvmod punct",
         "DET NOUN ADP DET NOUN VERB ADP DET PROPN NUM NOUN VERB PRON NOUN PUNCT", 11,
         DatePoint("2013-01-25", "day", "today")),
        # "ahead of", "before", "prior to" set a later event beside this one: its date
        # words are that event's ("talks ... ahead of her visit to Moscow next week")
        ("Thatcher left yesterday after talks ahead of her visit next week .",
         [1, 1, 1, 1, 3, 4, 7, 8, 5, 10, 8, 1],
         "nsubj ROOT npadvmod prep pobj advmod prep poss pobj amod npadvmod punct",
         "PROPN VERB NOUN ADP NOUN ADV ADP PRON NOUN ADJ NOUN PUNCT", 4,
         DatePoint("2013-01-24", "day", "yesterday")),
        # ... while the other event's own words date it
        ("Thatcher left yesterday after talks ahead of her visit next week .",
         [1, 1, 1, 1, 3, 4, 7, 8, 5, 10, 8, 1],
         "nsubj ROOT npadvmod prep pobj advmod prep poss pobj amod npadvmod punct",
         "PROPN VERB NOUN ADP NOUN ADV ADP PRON NOUN ADJ NOUN PUNCT", 8,
         DatePoint("2013", "year", "next week")),
        # a date that is the object of "before" dates the verb's event
        ("Troops withdrew before Tuesday .", [1, 1, 1, 2, 1],
         "nsubj ROOT prep pobj punct", "NOUN VERB ADP PROPN PUNCT", 1,
         DatePoint("2013-01-22", "day", "Tuesday")),
    ],
)  # fmt: skip
def test_dates_of_other_events_do_not_date_the_verb(
    words: str, heads: list[int], deps: str, pos: str, verb: int, expected: DatePoint
) -> None:
    sentence = make_sentence(words, heads, deps, pos=pos)
    assert resolve_date(sentence, FRIDAY, verb) == expected


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a year in the body's prose is not the release's year
        ("KABUL, Afghanistan (Jan. 14) - A force searched for a Taliban leader Thursday. The "
         "leader led an attack against a school-opening ceremony in June 2011.", None),
        ("Operational Update 2012\nKABUL, Afghanistan (Jan. 14)\nA force captured a leader.",
         "2012-01-14"),
        ("2010-09-CA-005 For Immediate Release\nKABUL, Afghanistan (Sept. 1) - A force "
         "detained several insurgents in Logar province Tuesday.", "2010-09-01"),
        ("KABUL, Afghanistan (Feb. 30, 2012) - Forces detained two men.", None),
    ],
)  # fmt: skip
def test_dates_date_line_year_comes_from_the_header(text: str, value: str | None) -> None:
    assert reference_date(Document("d", text, "d.txt")).value == value


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "verb", "expected"),
    [
        # what a clause looks ahead to is the coming weekday, not the last one
        ("Ministers will meet on Thursday .", [2, 2, 2, 2, 3, 2],
         "nsubj aux ROOT prep pobj punct", "NNS MD VB IN NNP .", 2, "2013-01-31"),
        ("Ministers met on Thursday .", [1, 1, 1, 2, 1],
         "nsubj ROOT prep pobj punct", "NNS VBD IN NNP .", 1, "2013-01-24"),
        # "a meeting scheduled for Thursday": the scheduling participle dates the meeting
        ("They will discuss sanctions at a meeting scheduled for Thursday .",
         [2, 2, 2, 2, 2, 6, 4, 6, 7, 8, 2],
         "nsubj aux ROOT dobj prep det pobj acl prep pobj punct",
         "PRP MD VB NNS IN DT NN VBN IN NNP .", 2, "2013-01-31"),
        ("The president plans to visit Kabul on Monday .", [1, 2, 2, 4, 2, 4, 4, 6, 2],
         "det nsubj ROOT aux xcomp dobj prep pobj punct",
         "DT NN VBZ TO VB NNP IN NNP .", 4, "2013-01-28"),
        # the plan in the past is the past: "was expected to arrive Thursday"
        ("The envoy was expected to arrive Thursday .", [1, 3, 3, 3, 5, 3, 5, 3],
         "det nsubjpass auxpass ROOT aux xcomp npadvmod punct",
         "DT NN VBD VBN TO VB NNP .", 5, "2013-01-24"),
        # reported speech's "would" is the report's future
        ("He said they would meet Thursday .", [1, 1, 4, 4, 1, 4, 1],
         "nsubj ROOT nsubj aux ccomp npadvmod punct", "PRP VBD PRP MD VB NNP .", 4,
         "2013-01-31"),
        # the reference's own weekday stays that day; "last" says which way it lies
        ("Ministers will meet on Friday .", [2, 2, 2, 2, 3, 2],
         "nsubj aux ROOT prep pobj punct", "NNS MD VB IN NNP .", 2, "2013-01-25"),
        ("Ministers will discuss what happened last Thursday .", [2, 2, 2, 4, 2, 6, 4, 2],
         "nsubj aux ROOT nsubj ccomp amod npadvmod punct",
         "NNS MD VB WP VBD JJ NNP .", 2, "2013-01-24"),
        # a month, or a day of it without the year, ahead is this year's or next year's
        ("Elections will be held in August .", [3, 3, 3, 3, 3, 4, 3],
         "nsubjpass aux auxpass ROOT prep pobj punct", "NNS MD VB VBN IN NNP .", 3,
         "2013-08"),
        ("Elections were held in August .", [2, 2, 2, 2, 3, 2],
         "nsubjpass auxpass ROOT prep pobj punct", "NNS VBD VBN IN NNP .", 2, "2012-08"),
        ("The talks will resume on January 10 .", [2, 2, 3, 3, 3, 4, 5, 3],
         "det nsubj aux ROOT prep pobj nummod punct", "DT NNS MD VB IN NNP CD .", 3,
         "2014-01-10"),
        ("The talks will resume on January 30 .", [2, 2, 3, 3, 3, 4, 5, 3],
         "det nsubj aux ROOT prep pobj nummod punct", "DT NNS MD VB IN NNP CD .", 3,
         "2013-01-30"),
    ],
)  # fmt: skip
def test_dates_a_weekday_ahead_in_a_clause_that_looks_ahead(
    words: str, heads: list[int], deps: str, tags: str, verb: int, expected: str
) -> None:
    stems = {"scheduled": "schedule", "plans": "plan", "expected": "expect", "said": "say"}
    lemmas = " ".join(stems.get(word, word.lower()) for word in words.split())
    sentence = make_sentence(words, heads, deps, lemmas=lemmas, tags=tags)
    assert resolve_date(sentence, FRIDAY, verb).value == expected


NEXT_WEEK = make_sentence(
    "Thatcher left yesterday after talks ahead of her visit next week .",
    [1, 1, 1, 1, 3, 4, 7, 8, 5, 10, 8, 1],
    "nsubj ROOT npadvmod prep pobj advmod prep poss pobj amod npadvmod punct",
    pos="PROPN VERB NOUN ADP NOUN ADV ADP PRON NOUN ADJ NOUN PUNCT",
)


@pytest.mark.parametrize(
    ("when", "reference", "after"),
    [
        (DatePoint("2013-02", "month", "in February"), FRIDAY, True),
        (DatePoint("2013-01", "month", "in January"), FRIDAY, False),  # not known to be after
        (DatePoint("2013-01-26", "day", "tomorrow"), FRIDAY, True),
        (DatePoint("2013", "year", "next week"), DatePoint("2013-12-27", "day"), True),
        (DatePoint("2013-01-24", "day", "yesterday"), FRIDAY, False),
        (DatePoint("2013-01-26", "day", None), FRIDAY, False),  # no words of its own
        (DatePoint("2013-02", "month", "in February"), None, False),
    ],
)
def test_dates_lies_after_the_reference(
    when: DatePoint, reference: DatePoint | None, after: bool
) -> None:
    assert lies_after(when, reference) is after


def test_dates_own_time_words_hang_on_the_event_word() -> None:
    assert own_time_words(NEXT_WEEK, 8, "next week")  # "her visit ... next week"
    assert not own_time_words(NEXT_WEEK, 4, "next week")  # the talks are not next week's
    assert own_time_words(NEXT_WEEK, 1, "yesterday")
    assert not own_time_words(NEXT_WEEK, 8, None)
