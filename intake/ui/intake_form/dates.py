"""Reading a date the way a person types it: 1980-05-31, 31.5.1980, 5/31/1980, 31 May 1980."""

from __future__ import annotations

import datetime as dt
import re

from intake.ui import when

_MONTHS = {
    name[:3]: number
    for number, name in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        start=1,
    )
}
# The Spanish abbreviations that differ from the English ones (ene, abr, ago, dic).
_MONTHS |= {"ene": 1, "abr": 4, "ago": 8, "dic": 12}
_NUMBERS = re.compile(r"^(\d{1,4})[./\- ](\d{1,2})[./\- ](\d{2,4})$")
_WORDS = re.compile(
    r"^(?:(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{2,4})|([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{2,4}))$"
)


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """The date meant by `text`, or None. Slashes read month first (5/31/1980) unless the
    first number cannot be a month; dots and dashes read day first (31.5.1980)."""
    text = " ".join(text.strip().lower().split())
    if not text:
        return None
    if re.fullmatch(r"\d{8}", text) and text[:2] in ("19", "20"):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if match := _NUMBERS.match(text):
        return _from_numbers(match, text, today)
    if match := _WORDS.match(text):
        day, month, year = (
            (match[1], match[2], match[3]) if match[1] else (match[5], match[4], match[6])
        )
        number = _MONTHS.get(month[:3])
        return _make(int(year), number, int(day), today) if number else None
    return None


def _from_numbers(match: re.Match[str], text: str, today: dt.date) -> dt.date | None:
    first, second, third = match[1], match[2], match[3]
    if len(first) == 4:  # year first: ISO order
        return _make(int(first), int(second), int(third), today)
    a, b, year = int(first), int(second), int(third)
    month_first = "/" in text and a <= 12
    month, day = (a, b) if month_first else (b, a)
    return _make(year, month, day, today)


def _make(year: int, month: int, day: int, today: dt.date) -> dt.date | None:
    if year < 100:  # two digits: the most recent such year not in the future
        year += 2000 if 2000 + year <= today.year else 1900
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def readable(day: dt.date) -> str:
    """A typed date read back as every screen says one (intake.ui.when)."""
    return when.date(day, localized=True)
