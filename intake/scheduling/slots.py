"""Bookable slot starts inside free intervals, on the location's local quarter-hour grid.

A slot ``[start, start + minutes)`` must fit a free interval, and the appointment type's
turnover buffer after it must not run into the therapist's blocked time (another appointment
at any location, its buffer, time off), so the next appointment is not squeezed. The buffer
*may* run past the end of the working window or of opening hours: turnover after the last
patient happens at closing, and an 08:00-17:00 day still offers a 16:00 evaluation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from intake.domain.enums import PartOfDay
from intake.scheduling.availability import DayAvailability
from intake.scheduling.intervals import Interval
from intake.scheduling.model import AppointmentType, Location
from intake.scheduling.parts_of_day import part_of_day

GRID = timedelta(minutes=15)
_GRID_MINUTES = 15


@dataclass(frozen=True, slots=True)
class Slot:
    """A bookable start for one therapist at one location."""

    therapist_id: int
    location_id: int
    start: datetime  # UTC
    end: datetime  # UTC; start + the type's minutes of real time
    local_start: datetime  # aware, in the location's zone, for display and filters

    @property
    def part_of_day(self) -> PartOfDay:
        return part_of_day(self.local_start.time())


def slot_order(slot: Slot) -> tuple[datetime, int, int]:
    """Soonest first; location and therapist ids make ties deterministic."""
    return (slot.start, slot.location_id, slot.therapist_id)


def align_to_grid(instant: datetime, zone: ZoneInfo) -> datetime:
    """The first local quarter hour (:00, :15, :30, :45 on the wall clock) at or after."""
    local = instant.astimezone(zone)
    past = timedelta(
        minutes=local.minute % _GRID_MINUTES, seconds=local.second, microseconds=local.microsecond
    )
    return instant if not past else instant + (GRID - past)


def slot_starts(
    free: Iterable[Interval],
    blocked: Sequence[Interval],
    appointment_type: AppointmentType,
    zone: ZoneInfo,
    earliest: datetime | None = None,
) -> Iterator[datetime]:
    """Grid starts whose slot fits a free interval and whose buffer stays off ``blocked``.

    ``blocked`` is the therapist's blocked time in normal form (sorted); ``free`` is disjoint
    from it, so the first blocked start at or after a free interval's end is what follows it.
    """
    duration, buffer = appointment_type.duration, appointment_type.buffer
    blocked_starts = [b.start for b in blocked]
    for interval in free:
        latest_end = interval.end
        following = bisect_left(blocked_starts, interval.end)
        if following < len(blocked_starts):
            latest_end = min(latest_end, blocked_starts[following] - buffer)
        start = interval.start if earliest is None else max(interval.start, earliest)
        if start + duration > latest_end:
            continue
        # Every zone offset in use is a whole number of quarter hours, so once aligned in
        # local time, steps of 15 real minutes stay on the local grid across a clock change.
        start = align_to_grid(start, zone)
        while start + duration <= latest_end:
            yield start
            start += GRID


def slots_from_free(
    therapist_id: int,
    location: Location,
    free: Iterable[Interval],
    blocked: Sequence[Interval],
    appointment_type: AppointmentType,
    earliest: datetime | None = None,
) -> list[Slot]:
    """The slots of one therapist-day, soonest first, from its free and blocked intervals."""
    zone = location.zone
    duration = appointment_type.duration
    return [
        Slot(therapist_id, location.id, start, start + duration, start.astimezone(zone))
        for start in slot_starts(free, blocked, appointment_type, zone, earliest)
    ]


def day_slots(
    availability: DayAvailability,
    location: Location,
    appointment_type: AppointmentType,
    *,
    earliest: datetime | None = None,
) -> list[Slot]:
    """All slots of one therapist-day, soonest first."""
    return slots_from_free(
        availability.therapist_id,
        location,
        availability.free,
        availability.blocked,
        appointment_type,
        earliest,
    )
