"""Words and pattern pieces that every date rule shares: months, weekdays, numbers, seasons."""

from __future__ import annotations

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# Capitalised words that name a day or month, not an actor ("Iran Thursday rejected ...").
CALENDAR_WORDS = frozenset(WEEKDAYS + MONTH_NAMES)
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a couple": 2,
}  # fmt: skip
# Date words that by themselves lie after the day they are said ("next week", "tomorrow").
AHEAD_WORDS = ("next ", "tomorrow", "the coming ", "this coming ")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

# Regular-expression pieces with named groups; "May" and "March" count only capitalised.
MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
NUM = (
    r"(?P<n>\d{1,3}|a\s+couple(?:\s+of)?|an?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve)"
)
FEW = r"(?P<few>a\s+few|several|some|many)"
UNIT = r"(?P<unit>day|week|month|year)s?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})"


def month_number(word: str) -> int:
    """Return 1-12 for a month name or abbreviation ("Sept.", "March")."""
    return MONTHS[word[:3].lower()]


def count_of(words: str | None) -> int:
    """Return the number that `words` spell ("two", "a couple of", "10"); 0 when none."""
    raw = " ".join((words or "").lower().split())
    return int(raw) if raw.isdigit() else NUMBERS.get(raw, 0)
