"""Dates known to a precision: the reference a rule needs, and the finest point for a span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dyad.dates.vocabulary import AHEAD_WORDS
from dyad.records import DatePoint

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ORDER = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference date with the precision it is known to: day, month or year."""

    day: date
    precision: str

    @staticmethod
    def of(point: DatePoint | None) -> Reference | None:
        """Return the reference for a DatePoint, None when it carries no usable value."""
        if point is None or point.value is None:
            return None
        match = _ISO.match(point.value)
        if match is None:
            return None
        year, month, day = match.groups()
        try:
            found = date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        return Reference(found, "day" if day else "month" if month else "year")

    def known_to(self, precision: str) -> date | None:
        """Return the reference day when it is known at least to `precision`."""
        return self.day if _ORDER[self.precision] >= _ORDER[precision] else None


def known_to(ref: Reference | None, precision: str) -> date | None:
    """Return the reference day when there is one known at least to `precision`."""
    return ref.known_to(precision) if ref is not None else None


def point(day: date | None, precision: str, text: str | None) -> DatePoint:
    """Return `day` cut to `precision` ("2013-01" for month); null when there is no day."""
    if day is None or precision not in _ORDER:
        return DatePoint(None, "none", text)
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": f"{day.year:04d}"}
    return DatePoint(value[precision], precision, text)  # type: ignore[arg-type]


def span_point(first: date, last: date, text: str | None) -> DatePoint:
    """Return the finest date that covers every day from `first` to `last`."""
    if first == last:
        return point(first, "day", text)
    if (first.year, first.month) == (last.year, last.month):
        return point(first, "month", text)
    if first.year == last.year:
        return point(first, "year", text)
    return DatePoint(None, "none", text)


def lies_after(when: DatePoint, reference: DatePoint | None) -> bool:
    """Return whether the date words of `when` name a time after `reference`.

    Compared at the coarser of the two precisions: "in April" after a report of March 24;
    a month against a day of that month is not after. Words that say so themselves ("next
    week", "tomorrow") are after even where the time they name straddles two months and
    is known only to its year. A date with no words of its own (the reference) never is.
    """
    if reference is None or reference.value is None or when.value is None or not when.text:
        return False
    if when.text.lower().startswith(AHEAD_WORDS):
        return True
    length = min(len(when.value), len(reference.value))
    return when.value[:length] > reference.value[:length]


def add_months(day: date, months: int) -> date:
    """Return the first day of the month `months` after (or before) the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
