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

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_CLOSURE_DAYS = 366
MIN_TYPE_MINUTES, MAX_TYPE_MINUTES, TYPE_MINUTES_STEP = 5, 480, 5
MAX_BUFFER_MINUTES = 120
CODE_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,15}")

Problems = dict[str, str]


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


def weekday_name(weekday: int) -> str:
    return WEEKDAYS[weekday] if 0 <= weekday <= 6 else f"day {weekday}"


# --- normalising and checking input ---------------------------------------------------------


def normalise_code(code: str) -> str:
    return code.strip().upper()


def check_code(code: str, what: str) -> Problems:
    """`code` already normalised; `what` names the thing ("location", "appointment type")."""
    if not code:
        return {"code": f"Enter a short code for the {what}."}
    if not CODE_PATTERN.fullmatch(code):
        return {
            "code": f"The {what} code {code!r} may use only letters, digits, '-' and '_', "
            "at most 16 characters."
        }
    return {}


def check_required(field: str, value: str, label: str, *, max_length: int) -> Problems:
    if not value.strip():
        return {field: f"Enter the {label}."}
    if len(value.strip()) > max_length:
        return {field: f"The {label} is too long (at most {max_length} characters)."}
    return {}


def check_length(field: str, value: str, label: str, *, max_length: int) -> Problems:
    if len(value.strip()) > max_length:
        return {field: f"The {label} is too long (at most {max_length} characters)."}
    return {}


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_timezone(name: str) -> Problems:
    if name not in _zones():
        return {
            "timezone": f"{name!r} is not a known time zone; use a name such as 'America/New_York'."
        }
    return {}


def check_weekday(weekday: int, field: str = "weekday") -> Problems:
    if not 0 <= weekday <= 6:
        return {field: f"The weekday must be 0 (Monday) to 6 (Sunday), not {weekday}."}
    return {}


def check_week_hours(hours: dict[int, DayHours | None]) -> Problems:
    """A week of opening hours; the keys are weekdays, a missing or None day is closed."""
    problems: Problems = {}
    for weekday, day in sorted(hours.items()):
        if not 0 <= weekday <= 6:
            problems["weekday"] = f"The weekday must be 0 (Monday) to 6 (Sunday), not {weekday}."
        elif day is not None and day.closes <= day.opens:
            problems[f"hours.{weekday}"] = (
                f"{weekday_name(weekday)}: closing time {hhmm(day.closes)} must be after "
                f"opening time {hhmm(day.opens)}."
            )
    return problems


def check_closure(first_day: dt.date, last_day: dt.date) -> Problems:
    if last_day < first_day:
        return {
            "last_day": f"The last day {last_day.isoformat()} is before the first day "
            f"{first_day.isoformat()}."
        }
    if (last_day - first_day).days + 1 > MAX_CLOSURE_DAYS:
        return {
            "last_day": f"A closure may last at most {MAX_CLOSURE_DAYS} days; "
            f"{first_day.isoformat()} to {last_day.isoformat()} is longer."
        }
    return {}


def check_date_range(start: dt.date, end: dt.date, *, max_days: int = 3 * 366) -> Problems:
    if end < start:
        return {"end": f"The end {end.isoformat()} is before the start {start.isoformat()}."}
    if (end - start).days > max_days:
        return {"end": f"Choose a range of at most {max_days} days."}
    return {}


def check_appointment_type(minutes: int, buffer_minutes: int) -> Problems:
    problems: Problems = {}
    if not MIN_TYPE_MINUTES <= minutes <= MAX_TYPE_MINUTES or minutes % TYPE_MINUTES_STEP:
        problems["minutes"] = (
            f"The length must be {MIN_TYPE_MINUTES} to {MAX_TYPE_MINUTES} minutes in steps of "
            f"{TYPE_MINUTES_STEP}, not {minutes}."
        )
    if not 0 <= buffer_minutes <= MAX_BUFFER_MINUTES:
        problems["buffer_minutes"] = (
            f"The buffer must be 0 to {MAX_BUFFER_MINUTES} minutes, not {buffer_minutes}."
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
        problems["end"] = f"The end {hhmm(end)} must be after the start {hhmm(start)}."
    if effective_to is not None and effective_to < effective_from:
        problems["effective_to"] = (
            f"The last effective day {effective_to.isoformat()} is before the first "
            f"{effective_from.isoformat()}."
        )
    return problems


def check_within_hours(
    weekday: int, start: dt.time, end: dt.time, hours: DayHours | None, location: str
) -> Problems:
    """A template must lie inside the location's opening hours of its weekday."""
    day = weekday_name(weekday)
    if hours is None:
        return {"weekday": f"{day}: {location} is closed on {day}s."}
    problems: Problems = {}
    if start < hours.opens:
        problems["start"] = (
            f"{day}: {span(start, end)} starts before {location} opens at {hhmm(hours.opens)}."
        )
    if end > hours.closes:
        problems["end"] = (
            f"{day}: {span(start, end)} ends after {location} closes at {hhmm(hours.closes)}."
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
    until = f" to {other.effective_to.isoformat()}" if other.effective_to else ""
    return {
        "start": f"{weekday_name(candidate.weekday)}: {span(candidate.start, candidate.end)} "
        f"overlaps this therapist's {span(other.start, other.end)} at {location} "
        f"(from {other.effective_from.isoformat()}{until})."
    }


def check_time_off(starts_at: dt.datetime, ends_at: dt.datetime) -> Problems:
    problems: Problems = {}
    for field, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if value.tzinfo is None or value.utcoffset() is None:
            problems[field] = "Give the time with its time zone (a time without one is ambiguous)."
    if not problems and ends_at <= starts_at:
        problems["ends_at"] = "The end of the time off must be after its start."
    return problems
