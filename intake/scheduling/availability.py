"""A therapist's free time at one location on one local date.

working = (template windows in force that day) ∩ (opening hours), empty on a closure day;
free = working − time off − every active appointment of the therapist (at any location) with
its turnover buffer. All results are UTC intervals in normal form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from intake.scheduling.intervals import Interval, intersect, normalise, subtract
from intake.scheduling.model import (
    AvailabilityTemplate,
    BookedAppointment,
    Closure,
    Location,
    TimeOff,
)
from intake.scheduling.wall_clock import wall_window

_BUFFER_REACH = timedelta(days=1)  # no turnover buffer is longer than a day


@dataclass(frozen=True, slots=True)
class DayAvailability:
    """Working and free time of one therapist at one location on one local date."""

    therapist_id: int
    location_id: int
    day: date
    working: tuple[Interval, ...]
    free: tuple[Interval, ...]
    # The therapist's blocked time from the start of work until a day after it ends: what a
    # slot's turnover buffer must not run into, even past the end of the working window.
    blocked: tuple[Interval, ...] = ()


def opening_windows(location: Location, day: date) -> list[Interval]:
    zone = location.zone
    windows = (wall_window(day, h.opens, h.closes, zone) for h in location.hours_on(day.weekday()))
    return normalise(w for w in windows if w is not None)


def template_windows(
    location: Location, day: date, templates: Iterable[AvailabilityTemplate]
) -> list[Interval]:
    """Windows of the given templates that apply on ``day`` (caller picks the therapist)."""
    zone = location.zone
    windows = (
        wall_window(day, t.start, t.end, zone)
        for t in templates
        if t.location_id == location.id and t.applies_on(day)
    )
    return normalise(w for w in windows if w is not None)


def is_closed(location: Location, day: date, closures: Iterable[Closure]) -> bool:
    return any(c.location_id == location.id and c.covers(day) for c in closures)


def working_windows(
    location: Location,
    therapist_id: int,
    day: date,
    templates: Iterable[AvailabilityTemplate],
    closures: Iterable[Closure] = (),
) -> list[Interval]:
    """When the therapist is scheduled at the location that day and the location is open."""
    if is_closed(location, day, closures):
        return []
    own = (t for t in templates if t.therapist_id == therapist_id)
    return intersect(template_windows(location, day, own), opening_windows(location, day))


def day_availability(
    location: Location,
    therapist_id: int,
    day: date,
    *,
    templates: Iterable[AvailabilityTemplate],
    closures: Iterable[Closure] = (),
    time_off: Iterable[TimeOff] = (),
    appointments: Iterable[BookedAppointment] = (),
) -> DayAvailability:
    """Working and free intervals; inputs may hold other therapists and locations."""
    working = working_windows(location, therapist_id, day, templates, closures)
    blocked = [t.interval for t in time_off if t.therapist_id == therapist_id]
    # Appointments at any location count: a therapist cannot be in two places.
    blocked.extend(a.blocked for a in appointments if a.therapist_id == therapist_id)
    if not working:
        return DayAvailability(therapist_id, location.id, day, (), ())
    near = Interval(working[0].start, working[-1].end + _BUFFER_REACH)
    blocked = intersect(blocked, (near,))
    free = subtract(working, blocked)
    return DayAvailability(
        therapist_id, location.id, day, tuple(working), tuple(free), tuple(blocked)
    )
