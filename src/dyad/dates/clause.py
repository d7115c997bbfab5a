"""Choose which date words of a sentence date its event, and resolve them (`resolve_date`).

A sentence can hold several dates: the report's ("ISAF confirmed today ..."), the event's
("... arrested Sunday") and other events' ("the July 2 attack"). The parse decides which
belongs to the event verb; README "Dates and places" states the order.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

from dyad.coder.lexicon import (
    ANNOUNCING_VERBS,
    DAY_PART_NOUNS,
    SUBJECTS,
)
from dyad.dates.expressions import Expression, find_dates
from dyad.records import DatePoint, Sentence

REPORTED = ("ccomp", "dobj", "obj", "xcomp")  # the dependent that carries what is reported
PREMODIFIES = ("poss", "nmod", "compound", "amod")  # "Tuesday's attack", "the July 2 attack"
OUTSIDE = 1_000  # rank of words outside the verb's subtree: after every word inside it
# A clause that looks ahead: "will meet Thursday", "would arrive Friday" (said on Monday),
# "a meeting scheduled for Thursday", "plans to visit on Friday", "is due to sign Monday".
FUTURE_AUXILIARIES = frozenset("will shall 'll wo".split())
LOOKING_AHEAD = frozenset("schedule plan slate set due expect intend prepare".split())
# date words with one of these cues say themselves which way they lie
DIRECTED = ("last", "next", "this past", "past", "since", "back", "earlier", "later")
# words that set a later event beside the verb's ("talks ahead of her visit next week",
# "before the vote on Friday"): date words inside their phrase date that event. Not "after"
# or "following": "confirmed the death of X following an airstrike Sunday" dates the death
OTHER_EVENT_LINKS = frozenset("before ahead prior".split())
# the rules whose words leave open whether they lie before or after the reference
OPEN_ENDED = frozenset(("weekday", "month-day", "day-month", "in-month"))


def _depth(sentence: Sentence, token: int, anchor: int) -> int | None:
    """Return how many heads lie between `token` and `anchor`; None outside its subtree."""
    steps, current = 0, token
    while steps <= len(sentence.tokens):
        if current == anchor:
            return steps
        head = sentence.tokens[current].head
        if head == current:
            return None
        current, steps = head, steps + 1
    return None


def _head_of(sentence: Sentence, expression: Expression) -> int | None:
    """Return the token of the expression whose head lies outside it ("on" of "on Tuesday")."""
    inside = [
        t.i
        for t in sentence.tokens
        if expression.start <= t.start - sentence.start < expression.end
    ]
    for i in inside:
        if sentence.tokens[i].head not in inside or sentence.tokens[i].head == i:
            return i
    return None


def _modifies(sentence: Sentence, token: int, verb: int) -> int:
    """Return 0 for a date of the verb, 1 for one of its own noun, 2 for another event's.

    A date that premodifies a noun dates that noun. The noun is the event's own when it is
    the verb, its subject ("Tuesday's attack killed five") or the object of the verb's
    preposition ("killed two insurgents during an overnight operation"); otherwise it
    names another event ("a leader behind Tuesday's attack"). "Friday afternoon" is a time.
    """
    word = sentence.tokens[token]
    noun = sentence.tokens[word.head]
    if (
        word.dep not in PREMODIFIES
        or noun.i <= word.i
        or noun.pos not in ("NOUN", "PROPN")
        or noun.lemma.lower() in DAY_PART_NOUNS
    ):
        return 0
    preposition = sentence.tokens[noun.head]
    own = (
        noun.i == verb
        or (noun.head == verb and noun.dep in SUBJECTS)
        or (noun.dep == "pobj" and preposition.dep == "prep" and preposition.head == verb)
    )
    return 1 if own else 2


def _beside_another_event(sentence: Sentence, token: int, verb: int) -> bool:
    """Return whether date word `token` sits in a phrase that names another event.

    "Thatcher left Bonn after talks with Kohl ahead of her visit to Moscow next week":
    "next week" is the visit's, not the talks'. Only a phrase that "before", "ahead of" or
    "prior to" set beside the verb's event counts, and only where the date is not itself
    their object ("before Monday" dates the verb's event).
    """
    for below, current in pairwise(sentence.ancestors(token)):
        if current == verb:
            return False
        if sentence.tokens[current].text.lower() in OTHER_EVENT_LINKS and below != token:
            return True
    return False


def _in_relative_clause(sentence: Sentence, token: int, verb: int) -> bool:
    """Return whether `token` lies in a relative clause on the verb's subject: another event's.

    "McGurk, who was envoy until December, criticized the decision": December dates the
    envoy's term, not the criticism. A relative clause on an object is left alone: the
    parser hangs a sentence's last date words there ("detained a leader who operated out
    of Kandahar yesterday").
    """
    current = token
    for _ in range(len(sentence.tokens)):
        if current == verb:
            return False
        word = sentence.tokens[current]
        if word.dep == "relcl":
            noun = sentence.tokens[word.head]
            return noun.head == verb and noun.dep in SUBJECTS
        if word.head == current:
            return False
        current = word.head
    return False


def _reported(sentence: Sentence, verb: int) -> int | None:
    """Return the head of what a reporting verb reports ("the arrest", "was arrested")."""
    if sentence.tokens[verb].lemma.lower() not in ANNOUNCING_VERBS:
        return None
    for token in sentence.tokens:
        if token.head == verb and token.i != verb and token.dep in REPORTED:
            return token.i
    return None


def _left_edge(sentence: Sentence, token: int) -> int:
    return min(t.i for t in sentence.tokens if _depth(sentence, t.i, token) is not None)


Rank = tuple[int, int, int, int]


def _rank(sentence: Sentence, expression: Expression, verb: int, reported: int | None) -> Rank:
    """Sort key: the verb's own dates first, then the reported words, the clause, the nearest.

    With a reporting verb, date words from where its object or complement begins belong to
    what is reported, even when the parser hangs them on the verb ("confirmed the capture
    of X during an operation in Y, June 14"); those before it ("ISAF today confirmed",
    "confirmed today the arrest") date the report and come later.
    """
    token = _head_of(sentence, expression)
    if token is None:
        return (0, 3, OUTSIDE, expression.start)
    beside = _in_relative_clause(sentence, token, verb) or _beside_another_event(
        sentence, token, verb
    )
    other = 2 if beside else _modifies(sentence, token, verb)
    depth = _depth(sentence, token, verb)
    if reported is not None:
        inside = _depth(sentence, token, reported)
        if inside is not None:
            return (other, 0, inside, abs(token - reported))
        if depth is not None and token > _left_edge(sentence, reported):
            return (other, 1, depth, abs(token - verb))
    if depth is not None:
        return (other, 2, depth, abs(token - verb))
    return (other, 3, OUTSIDE, expression.start)


def _governor(sentence: Sentence, token: int) -> int:
    """Return the nearest verb (or adjective predicate) at or above `token`, else the root."""
    current = token
    for _ in range(len(sentence.tokens)):
        word = sentence.tokens[current]
        if word.pos in ("VERB", "AUX") or word.tag.startswith("VB") or word.head == current:
            return current
        current = word.head
    return current


def _looks_ahead(sentence: Sentence, verb: int) -> bool:
    """Return whether the clause of `verb` speaks of what is still to come.

    "will"/"shall" on the verb or on a verb it completes ("expected to discuss", "plans
    to visit": the xcomp chain upwards); a scheduling verb or "due" ("scheduled for
    Thursday", "due to arrive"); "would" only in reported speech ("said they would meet
    Thursday"), where it is the future of the report.
    """
    current = verb
    for _ in range(len(sentence.tokens)):
        word = sentence.tokens[current]
        if word.lemma.lower() in LOOKING_AHEAD and not _in_the_past(sentence, current):
            return True
        if word.lemma.lower() == "go" and word.tag == "VBG" and word.i < verb:  # "going to"
            return True
        for child in sentence.children(current):
            if child.dep != "aux":
                continue
            auxiliary = child.text.lower()
            if auxiliary in FUTURE_AUXILIARIES or (auxiliary == "would" and word.dep == "ccomp"):
                return True
        if word.dep not in ("xcomp", "acl") or word.head == current:
            return False
        current = word.head
    return False


def _in_the_past(sentence: Sentence, word: int) -> bool:
    """Return whether `word` is past tense or has a past auxiliary ("was expected")."""
    if sentence.tokens[word].tag == "VBD":
        return True
    return any(
        child.dep in ("aux", "auxpass", "cop") and child.tag == "VBD"
        for child in sentence.children(word)
    )


def _forward(found: Expression, reference: DatePoint | None) -> DatePoint:
    """Return a date the words left open resolved ahead of the reference, not behind it.

    A bare weekday ("on Thursday"), a day of a month without its year ("March 26") and a
    month ("in August") resolve to the latest such date on or before the reference: news
    reports what happened. In a clause that looks ahead they name the next one. Words that
    say which way they lie ("last Thursday", "since May", "back in June") keep theirs.
    """
    resolved = found.date
    if reference is None or not reference.value or not resolved.value or not resolved.text:
        return resolved
    words = resolved.text.lower()
    if words.startswith(DIRECTED) or re.search(r"\d{4}", words):
        return resolved
    if found.rule == "weekday" and resolved.precision == "day" == reference.precision:
        day, today = date.fromisoformat(resolved.value), date.fromisoformat(reference.value)
        return (
            DatePoint.from_date(day + timedelta(days=7), resolved.text) if day < today else resolved
        )
    if found.rule in ("month-day", "day-month", "in-month"):
        length = 10 if resolved.precision == "day" else 7
        if resolved.value[:length] >= reference.value[:length]:
            return resolved
        year = int(resolved.value[:4]) + 1
        if resolved.value[4:10] == "-02-29":  # a leap day a year on does not exist
            return resolved
        return DatePoint(f"{year}{resolved.value[4:]}", resolved.precision, resolved.text)
    return resolved


def own_time_words(sentence: Sentence, verb: int, words: str | None) -> bool:
    """Return whether date words `words` hang on the event verb itself, at most two steps down.

    "her visit to Moscow next week": "next week" is the visit's own. Words further down
    ("demanded a referendum to be held in late 2018") or elsewhere in the sentence ("Next
    week Afghanistan will begin ..., as troops raid ...") date another clause's act.
    """
    if not words or not sentence.tokens:
        return False
    for expression in find_dates(sentence.text, None):
        if expression.date.text != words:
            continue
        head = _head_of(sentence, expression)
        depth = None if head is None else _depth(sentence, head, verb)
        if depth is not None and 1 <= depth <= 2:
            return True
    return False


def _fallback(reference: DatePoint | None, fall_back: bool) -> DatePoint:
    if fall_back and reference is not None and reference.value is not None:
        return DatePoint(reference.value, reference.precision, None)
    return DatePoint.unknown()


def resolve_date(
    sentence: Sentence | str,
    reference: DatePoint | None,
    verb: int | None = None,
    *,
    fall_back: bool = True,
    statement: bool = False,
) -> DatePoint:
    """Return the date of the event in `sentence`, as precise as its words allow.

    Date words in the event verb's own clause (its subtree, nearest first) win over date
    words elsewhere in the sentence, which win in text order. When the verb reports another
    event ("confirmed today the arrest ... Sunday", "said on Monday that ... on Saturday"),
    the words of what it reports come first, unless the event is the statement itself. A
    date that premodifies another noun ("a leader behind Tuesday's attack", "the July 2
    attack") dates that noun, not the event. A sentence without date words of its event
    takes the reference date itself, with `text` None to say the words gave nothing.

    Args:
        sentence: A parsed sentence, or plain text (then no clause preference applies).
        reference: The segment's reference date (see `reference_date`).
        verb: Index of the event's verb token in a parsed sentence.
        fall_back: False returns unknown, not the reference, when there are no date words.
        statement: The event is the verb's own speech act ("announced on Monday a curfew",
            coded as a statement), so a reporting verb's date words are its date.

    Returns:
        The resolved DatePoint; a null value with the words kept in `text` when they cannot
        be resolved; unknown when there are neither date words nor a reference.
    """
    text = sentence if isinstance(sentence, str) else sentence.text
    found = find_dates(text, reference)
    if not found:
        return _fallback(reference, fall_back)
    if isinstance(sentence, str) or verb is None or not sentence.tokens:
        return found[0].date
    reported = None if statement else _reported(sentence, verb)
    ranked = sorted(found, key=lambda expression: _rank(sentence, expression, verb, reported))
    if _rank(sentence, ranked[0], verb, reported)[0] == 2:  # only dates of other events
        return _fallback(reference, fall_back)
    chosen = ranked[0]
    anchor = _head_of(sentence, chosen)
    if chosen.rule in OPEN_ENDED and anchor is not None:
        if _looks_ahead(sentence, _governor(sentence, anchor)):
            return _forward(chosen, reference)
    return chosen.date
