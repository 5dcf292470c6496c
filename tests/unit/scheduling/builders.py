"""Small constructors that keep the scheduling tests readable."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from intake.scheduling import (
    AvailabilityTemplate,
    BookedAppointment,
    Interval,
    Location,
    OpeningHours,
)

NEW_YORK = "America/New_York"
MONDAY = date(2026, 3, 2)  # an ordinary Monday in EST


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def local(tz_name: str, *parts: int, fold: int = 0) -> datetime:
    """A wall-clock reading in ``tz_name`` turned into UTC."""
    return datetime(*parts, tzinfo=ZoneInfo(tz_name), fold=fold).astimezone(UTC)  # type: ignore[misc]


def span(start: datetime, end: datetime) -> Interval:
    return Interval(start, end)


def hm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def location(
    location_id: int = 1,
    tz_name: str = NEW_YORK,
    hours: tuple[str, str] | None = ("07:00", "19:00"),
    weekdays: range = range(7),
) -> Location:
    opening = (
        ()
        if hours is None
        else tuple(OpeningHours(d, hm(hours[0]), hm(hours[1])) for d in weekdays)
    )
    return Location(location_id, f"L{location_id}", tz_name, opening)


def template(
    therapist_id: int,
    location_id: int,
    day: date,
    start: str,
    end: str,
    effective_from: date = date(2026, 1, 1),
    effective_to: date | None = None,
) -> AvailabilityTemplate:
    return AvailabilityTemplate(
        therapist_id, location_id, day.weekday(), hm(start), hm(end), effective_from, effective_to
    )


def booked(
    therapist_id: int, start: datetime, minutes: int, buffer: int = 0, location_id: int = 1
) -> BookedAppointment:
    return BookedAppointment(
        therapist_id, location_id, start, start + timedelta(minutes=minutes), buffer
    )
