"""The practice's set-up as plain values: locations, hours, closures, staff, templates, types.

Services return these frozen dataclasses (never database rows). The `check_*` helpers are
pure validation: each returns the problems it finds as {field: sentence}, empty when fine,
worded for the practice admin who typed the values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

from intake.domain.words import QT_TRANSLATE_NOOP, Marked, Message, Words, said

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The days as the practice's sentences name them (marked: translated with the sentence).
_DAY_WORDS = (
    QT_TRANSLATE_NOOP("PracticeRules", "Monday"),
    QT_TRANSLATE_NOOP("PracticeRules", "Tuesday"),
    QT_TRANSLATE_NOOP("PracticeRules", "Wednesday"),
    QT_TRANSLATE_NOOP("PracticeRules", "Thursday"),
    QT_TRANSLATE_NOOP("PracticeRules", "Friday"),
    QT_TRANSLATE_NOOP("PracticeRules", "Saturday"),
    QT_TRANSLATE_NOOP("PracticeRules", "Sunday"),
)
MAX_CLOSURE_DAYS = 366
MIN_TYPE_MINUTES, MAX_TYPE_MINUTES, TYPE_MINUTES_STEP = 5, 480, 5
MAX_BUFFER_MINUTES = 120
CODE_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,15}")

Problems = dict[str, Words]


@dataclass(frozen=True)
class DayHours:
    """Opening hours of one weekday, in the location's local time."""

    opens: dt.time
    closes: dt.time


@dataclass(frozen=True)
class LocationInfo:
    id: int
    code: str
    name: str
    address: str
    phone: str
    timezone: str
    active: bool
    version: int
    hours: tuple[DayHours | None, ...]  # seven entries, Monday first; None = closed

    def hours_on(self, weekday: int) -> DayHours | None:
        return self.hours[weekday]


@dataclass(frozen=True)
class ClosureInfo:
    id: int
    location_code: str
    first_day: dt.date
    last_day: dt.date  # inclusive
    reason: str


@dataclass(frozen=True)
class AppointmentTypeInfo:
    id: int
    code: str
    name: str
    minutes: int
    buffer_minutes: int
    active: bool
    requires_screening: bool = False
    color: str = ""  # '#rrggbb' or '' for the default palette (domain.type_colors)


@dataclass(frozen=True)
class TherapistInfo:
    id: int
    display_name: str
    credentials: str
    active: bool
    version: int
    location_codes: tuple[str, ...]  # sorted
    user_id: int | None = None


@dataclass(frozen=True)
class TemplateInfo:
    """A weekly working window of a therapist at one location, in that location's local time."""

    id: int
    therapist_id: int
    location_code: str
    weekday: int
    start: dt.time
    end: dt.time
    effective_from: dt.date
    effective_to: dt.date | None  # inclusive; None = open-ended


@dataclass(frozen=True)
class TimeOffInfo:
    id: int
    therapist_id: int
    starts_at: dt.datetime  # UTC
    ends_at: dt.datetime  # UTC
    reason: str


# --- formatting -----------------------------------------------------------------------------


def hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


def span(start: dt.time, end: dt.time) -> str:
    return f"{hhmm(start)}–{hhmm(end)}"


def weekday_name(weekday: int) -> Message:
    if 0 <= weekday <= 6:
        return said(_DAY_WORDS[weekday])
    return said(QT_TRANSLATE_NOOP("PracticeRules", "day {number}"), number=weekday)


def _span(start: dt.time, end: dt.time) -> Message:
    return said(
        QT_TRANSLATE_NOOP("PracticeRules", "{start:%H:%M}–{end:%H:%M}"), start=start, end=end
    )


# --- normalising and checking input ---------------------------------------------------------


def normalise_code(code: str) -> str:
    return code.strip().upper()


def check_code(code: str, what: Marked) -> Problems:
    """`code` already normalised; `what` names the thing ("location", "appointment type"),
    marked for translation (QT_TRANSLATE_NOOP("PracticeRules", ...))."""
    if not code:
        return {
            "code": said(
                QT_TRANSLATE_NOOP("PracticeRules", "Enter a short code for the {what}."),
                what=said(what),
            )
        }
    if not CODE_PATTERN.fullmatch(code):
        return {
            "code": said(
                QT_TRANSLATE_NOOP(
                    "PracticeRules",
                    "The {what} code {code} may use only letters, digits, '-' and '_', "
                    "at most 16 characters.",
                ),
                what=said(what),
                code=repr(code),
            )
        }
    return {}


def check_required(field: str, value: str, label: Marked, *, max_length: int) -> Problems:
    """`label` names the field in a sentence, marked (QT_TRANSLATE_NOOP("PracticeRules", ...))."""
    if not value.strip():
        return {
            field: said(QT_TRANSLATE_NOOP("PracticeRules", "Enter the {label}."), label=said(label))
        }
    return check_length(field, value, label, max_length=max_length)


def check_length(field: str, value: str, label: Marked, *, max_length: int) -> Problems:
    if len(value.strip()) > max_length:
        return {
            field: said(
                QT_TRANSLATE_NOOP(
                    "PracticeRules", "The {label} is too long (at most {limit} characters)."
                ),
                label=said(label),
                limit=max_length,
            )
        }
    return {}


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_timezone(name: str) -> Problems:
    if name not in _zones():
        return {
            "timezone": said(
                QT_TRANSLATE_NOOP(
                    "PracticeRules",
                    "{name} is not a known time zone; use a name such as 'America/New_York'.",
                ),
                name=repr(name),
            )
        }
    return {}


def _no_weekday(weekday: int) -> Message:
    return said(
        QT_TRANSLATE_NOOP(
            "PracticeRules", "The weekday must be 0 (Monday) to 6 (Sunday), not {weekday}."
        ),
        weekday=weekday,
    )


def check_weekday(weekday: int, field: str = "weekday") -> Problems:
    if not 0 <= weekday <= 6:
        return {field: _no_weekday(weekday)}
    return {}


def check_week_hours(hours: dict[int, DayHours | None]) -> Problems:
    """A week of opening hours; the keys are weekdays, a missing or None day is closed."""
    problems: Problems = {}
    for weekday, day in sorted(hours.items()):
        if not 0 <= weekday <= 6:
            problems["weekday"] = _no_weekday(weekday)
        elif day is not None and day.closes <= day.opens:
            problems[f"hours.{weekday}"] = said(
                QT_TRANSLATE_NOOP(
                    "PracticeRules",
                    "{day}: closing time {closes:%H:%M} must be after opening time {opens:%H:%M}.",
                ),
                day=weekday_name(weekday),
                closes=day.closes,
                opens=day.opens,
            )
    return problems


def check_closure(first_day: dt.date, last_day: dt.date) -> Problems:
    if last_day < first_day:
        return {
            "last_day": said(
                QT_TRANSLATE_NOOP(
                    "PracticeRules",
                    "The last day {last:%Y-%m-%d} is before the first day {first:%Y-%m-%d}.",
                ),
                last=last_day,
                first=first_day,
            )
        }
    if (last_day - first_day).days + 1 > MAX_CLOSURE_DAYS:
        return {
            "last_day": said(
                QT_TRANSLATE_NOOP(
                    "PracticeRules",
                    "A closure may last at most {limit} days; {first:%Y-%m-%d} to "
                    "{last:%Y-%m-%d} is longer.",
                ),
                limit=MAX_CLOSURE_DAYS,
                first=first_day,
                last=last_day,
            )
        }
    return {}


def check_date_range(start: dt.date, end: dt.date, *, max_days: int = 3 * 366) -> Problems:
    if end < start:
        return {
            "end": said(
                QT_TRANSLATE_NOOP(
                    "PracticeRules", "The end {end:%Y-%m-%d} is before the start {start:%Y-%m-%d}."
                ),
                end=end,
                start=start,
            )
        }
    if (end - start).days > max_days:
        return {
            "end": said(
                QT_TRANSLATE_NOOP("PracticeRules", "Choose a range of at most {limit} days."),
                limit=max_days,
            )
        }
    return {}


def check_appointment_type(minutes: int, buffer_minutes: int) -> Problems:
    problems: Problems = {}
    if not MIN_TYPE_MINUTES <= minutes <= MAX_TYPE_MINUTES or minutes % TYPE_MINUTES_STEP:
        problems["minutes"] = said(
            QT_TRANSLATE_NOOP(
                "PracticeRules",
                "The length must be {least} to {most} minutes in steps of {step}, not {minutes}.",
            ),
            least=MIN_TYPE_MINUTES,
            most=MAX_TYPE_MINUTES,
            step=TYPE_MINUTES_STEP,
            minutes=minutes,
        )
    if not 0 <= buffer_minutes <= MAX_BUFFER_MINUTES:
        problems["buffer_minutes"] = said(
            QT_TRANSLATE_NOOP(
                "PracticeRules", "The buffer must be 0 to {most} minutes, not {minutes}."
            ),
            most=MAX_BUFFER_MINUTES,
            minutes=buffer_minutes,
        )
    return problems


def check_template_shape(
    weekday: int,
    start: dt.time,
    end: dt.time,
    effective_from: dt.date,
    effective_to: dt.date | None,
) -> Problems:
    """The template on its own: a real weekday, end after start, a sensible date range."""
    problems = check_weekday(weekday)
    if end <= start:
        problems["end"] = said(
            QT_TRANSLATE_NOOP(
                "PracticeRules", "The end {end:%H:%M} must be after the start {start:%H:%M}."
            ),
            end=end,
            start=start,
        )
    if effective_to is not None and effective_to < effective_from:
        problems["effective_to"] = said(
            QT_TRANSLATE_NOOP(
                "PracticeRules",
                "The last effective day {last:%Y-%m-%d} is before the first {first:%Y-%m-%d}.",
            ),
            last=effective_to,
            first=effective_from,
        )
    return problems


def check_within_hours(
    weekday: int, start: dt.time, end: dt.time, hours: DayHours | None, location: str
) -> Problems:
    """A template must lie inside the location's opening hours of its weekday."""
    day = weekday_name(weekday)
    if hours is None:
        return {
            "weekday": said(
                QT_TRANSLATE_NOOP("PracticeRules", "{day}: {location} is closed on {day}s."),
                day=day,
                location=location,
            )
        }
    problems: Problems = {}
    if start < hours.opens:
        problems["start"] = said(
            QT_TRANSLATE_NOOP(
                "PracticeRules", "{day}: {span} starts before {location} opens at {opens:%H:%M}."
            ),
            day=day,
            span=_span(start, end),
            location=location,
            opens=hours.opens,
        )
    if end > hours.closes:
        problems["end"] = said(
            QT_TRANSLATE_NOOP(
                "PracticeRules", "{day}: {span} ends after {location} closes at {closes:%H:%M}."
            ),
            day=day,
            span=_span(start, end),
            location=location,
            closes=hours.closes,
        )
    return problems


def dates_intersect(
    a_from: dt.date, a_to: dt.date | None, b_from: dt.date, b_to: dt.date | None
) -> bool:
    """Whether two inclusive date ranges (None = open-ended) share a day."""
    return (a_to is None or b_from <= a_to) and (b_to is None or a_from <= b_to)


def first_overlap(candidate: TemplateInfo, others: Iterable[TemplateInfo]) -> TemplateInfo | None:
    """Another template of the same therapist on the same weekday that clashes with this one.

    Templates clash when their effective dates share a day and their times overlap (touching
    ends are fine), at any location: a therapist cannot be in two places at once.
    """
    for other in others:
        if (
            other.id != candidate.id
            and other.therapist_id == candidate.therapist_id
            and other.weekday == candidate.weekday
            and other.start < candidate.end
            and candidate.start < other.end
            and dates_intersect(
                candidate.effective_from,
                candidate.effective_to,
                other.effective_from,
                other.effective_to,
            )
        ):
            return other
    return None


def describe_overlap(candidate: TemplateInfo, other: TemplateInfo, location: str) -> Problems:
    values = {
        "day": weekday_name(candidate.weekday),
        "span": _span(candidate.start, candidate.end),
        "other": _span(other.start, other.end),
        "location": location,
        "first": other.effective_from,
    }
    if other.effective_to is None:
        words = QT_TRANSLATE_NOOP(
            "PracticeRules",
            "{day}: {span} overlaps this therapist's {other} at {location} "
            "(from {first:%Y-%m-%d}).",
        )
        return {"start": said(words, **values)}
    words = QT_TRANSLATE_NOOP(
        "PracticeRules",
        "{day}: {span} overlaps this therapist's {other} at {location} "
        "(from {first:%Y-%m-%d} to {last:%Y-%m-%d}).",
    )
    return {"start": said(words, **values, last=other.effective_to)}


def check_time_off(starts_at: dt.datetime, ends_at: dt.datetime) -> Problems:
    problems: Problems = {}
    for field, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if value.tzinfo is None or value.utcoffset() is None:
            problems[field] = said(
                QT_TRANSLATE_NOOP(
                    "PracticeRules",
                    "Give the time with its time zone (a time without one is ambiguous).",
                )
            )
    if not problems and ends_at <= starts_at:
        problems["ends_at"] = said(
            QT_TRANSLATE_NOOP("PracticeRules", "The end of the time off must be after its start.")
        )
    return problems
