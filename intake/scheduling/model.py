"""The plain inputs of the calendar logic; ``services`` fills them from the database.

Instants are timezone-aware UTC datetimes. Wall-clock things (opening hours, templates,
closures) are local to the location's IANA time zone. Weekdays follow ``date.weekday()``:
0 is Monday, 6 is Sunday.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from intake.scheduling.intervals import Interval


def _check_weekday(weekday: int) -> None:
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {weekday}")


def _check_wall_window(start: time, end: time, what: str) -> None:
    if start.tzinfo is not None or end.tzinfo is not None:
        raise ValueError(f"{what} times are local wall-clock times and carry no time zone")
    # Windows never cross midnight: a clinic day is one local date.
    if not start < end:
        raise ValueError(f"{what} must end after it starts: {start:%H:%M}-{end:%H:%M}")


def _check_instants(start: datetime, end: datetime, what: str) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError(f"{what} start and end must be timezone-aware UTC datetimes")
    if not start < end:
        raise ValueError(f"{what} must end after it starts: {start} .. {end}")


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """One opening window on a weekday; several rows per weekday allow a midday closure."""

    weekday: int
    opens: time
    closes: time

    def __post_init__(self) -> None:
        _check_weekday(self.weekday)
        _check_wall_window(self.opens, self.closes, "opening hours")


@dataclass(frozen=True, slots=True)
class Location:
    """A clinic; a weekday without opening hours is a closed day."""

    id: int
    code: str
    tz_name: str
    opening_hours: tuple[OpeningHours, ...] = ()
    _by_weekday: tuple[tuple[OpeningHours, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.tz_name)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"location {self.code}: unknown time zone {self.tz_name!r}") from error
        by_weekday = tuple(
            tuple(sorted((h for h in self.opening_hours if h.weekday == d), key=_opens))
            for d in range(7)
        )
        object.__setattr__(self, "_by_weekday", by_weekday)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz_name)  # ZoneInfo caches instances by key

    def hours_on(self, weekday: int) -> tuple[OpeningHours, ...]:
        return self._by_weekday[weekday]


def _opens(hours: OpeningHours) -> time:
    return hours.opens


@dataclass(frozen=True, slots=True)
class AvailabilityTemplate:
    """A therapist's weekly working window at a location, in force between two dates."""

    therapist_id: int
    location_id: int
    weekday: int
    start: time
    end: time
    effective_from: date
    effective_to: date | None = None  # inclusive; None means open-ended

    def __post_init__(self) -> None:
        _check_weekday(self.weekday)
        _check_wall_window(self.start, self.end, "a template")
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError(
                f"template effective dates are reversed: {self.effective_from} .. "
                f"{self.effective_to}"
            )

    def applies_on(self, day: date) -> bool:
        return (
            day.weekday() == self.weekday
            and self.effective_from <= day
            and (self.effective_to is None or day <= self.effective_to)
        )


@dataclass(frozen=True, slots=True)
class Closure:
    """Whole local days (first to last, inclusive) a location is shut, such as a holiday."""

    location_id: int
    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValueError(f"closure ends before it starts: {self.first_day} .. {self.last_day}")

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True, slots=True)
class TimeOff:
    """A therapist's absence, in UTC instants (it may span days and locations)."""

    therapist_id: int
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        _check_instants(self.start, self.end, "time off")

    @property
    def interval(self) -> Interval:
        return Interval(self.start, self.end)


@dataclass(frozen=True, slots=True)
class BookedAppointment:
    """An appointment that holds its therapist's time (services pass only active statuses).

    ``buffer_minutes`` is the appointment type's turnover time **after** the appointment
    (notes, cleaning the table); nothing is reserved before it. The therapist is blocked for
    ``[start, end + buffer)`` at every location, because one person cannot be in two places.
    """

    therapist_id: int
    location_id: int
    start: datetime
    end: datetime
    buffer_minutes: int = 0

    def __post_init__(self) -> None:
        _check_instants(self.start, self.end, "an appointment")
        if self.buffer_minutes < 0:
            raise ValueError(f"buffer minutes cannot be negative: {self.buffer_minutes}")

    @property
    def blocked(self) -> Interval:
        return Interval(self.start, self.end + timedelta(minutes=self.buffer_minutes))


@dataclass(frozen=True, slots=True)
class AppointmentType:
    """What is being booked: its length and the turnover time it needs after it."""

    code: str
    minutes: int
    buffer_minutes: int = 0

    def __post_init__(self) -> None:
        if self.minutes <= 0:
            raise ValueError(f"appointment type {self.code}: minutes must be positive")
        if self.buffer_minutes < 0:
            raise ValueError(f"appointment type {self.code}: buffer cannot be negative")

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.minutes)

    @property
    def buffer(self) -> timedelta:
        return timedelta(minutes=self.buffer_minutes)
