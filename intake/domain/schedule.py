"""Schedules as plain values: a location's day and a therapist's week, ready to draw.

Instants are UTC; every value also says the location's zone so screens show local time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from intake.domain import type_colors
from intake.domain.booking import SlotOffer, WaitlistEntryInfo
from intake.domain.enums import AppointmentStatus

# Statuses drawn on a schedule: a cancelled visit is gone from it (its time is free).
SHOWN_STATUSES = (
    AppointmentStatus.BOOKED,
    AppointmentStatus.CHECKED_IN,
    AppointmentStatus.COMPLETED,
    AppointmentStatus.NO_SHOW,
)


@dataclass(frozen=True)
class Span:
    """A UTC interval [start, end)."""

    start: dt.datetime
    end: dt.datetime

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class ScheduleBlock:
    """One visit on a schedule, with what the front desk reads off the block."""

    appointment_id: int
    version: int
    patient_id: int
    patient_name: str
    therapist_id: int
    therapist_name: str
    location_id: int
    location_code: str
    timezone: str
    type_code: str
    type_name: str
    start: dt.datetime
    end: dt.datetime
    blocks_until: dt.datetime  # end of the turnover buffer
    status: AppointmentStatus
    needs_review: bool  # the intake still waits for a therapist's review
    patient_record: str = ""  # the record number people know (shown instead of the id)
    type_color: str = ""  # the type's own '#rrggbb', or '' for the default palette
    evaluation: bool = False  # its type needs the screened intake (a course can follow it)
    series_id: int | None = None  # a visit of a plan-of-care course: its place in it,
    series_number: int | None = None
    series_last: int | None = None  # and the course's last number still booked or held

    @property
    def color(self) -> str:
        """The colour the visit's card wears (its type's, or the type's palette default)."""
        return type_colors.shown_color(self.type_code, self.type_color)

    @property
    def local_start(self) -> dt.datetime:
        return self.start.astimezone(ZoneInfo(self.timezone))

    @property
    def local_end(self) -> dt.datetime:
        return self.end.astimezone(ZoneInfo(self.timezone))

    @property
    def holds_time(self) -> bool:
        return self.status.holds_time


@dataclass(frozen=True)
class TherapistDay:
    """A therapist's column on a location's day."""

    therapist_id: int
    therapist_name: str
    working: tuple[Span, ...]  # scheduled here and the location open
    time_off: tuple[Span, ...]
    # Bookable: working minus time off and every visit (with its buffer) at any location.
    free: tuple[Span, ...] = ()


@dataclass(frozen=True)
class DaySchedule:
    location_id: int
    location_code: str
    location_name: str
    timezone: str
    day: dt.date
    day_span: Span  # the whole local day (23, 24 or 25 hours)
    opening: tuple[Span, ...]
    closure_reason: str | None  # None when open; "" when closed without a stated reason
    columns: tuple[TherapistDay, ...]
    blocks: tuple[ScheduleBlock, ...]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def closed(self) -> bool:
        return self.closure_reason is not None

    def blocks_of(self, therapist_id: int) -> tuple[ScheduleBlock, ...]:
        return tuple(b for b in self.blocks if b.therapist_id == therapist_id)


@dataclass(frozen=True)
class PlaceDay:
    """Where a therapist works on one local day of their week, and when."""

    day: dt.date
    location_id: int
    working: tuple[Span, ...]
    closure_reason: str | None = None
    free: tuple[Span, ...] = ()  # working minus time off and visits (scheduling computes it)


@dataclass(frozen=True)
class PlaceRef:
    id: int
    code: str
    name: str
    timezone: str


@dataclass(frozen=True)
class WeekSchedule:
    therapist_id: int
    therapist_name: str
    first_day: dt.date
    days: int
    locations: tuple[PlaceRef, ...]  # every location the therapist works at (in order)
    places: tuple[PlaceDay, ...]
    time_off: tuple[Span, ...]
    blocks: tuple[ScheduleBlock, ...]

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(self.first_day + dt.timedelta(days=i) for i in range(self.days))

    def location(self, location_id: int) -> PlaceRef | None:
        return next((p for p in self.locations if p.id == location_id), None)


@dataclass(frozen=True)
class WaitlistMatch:
    """A waitlist entry a freed slot suits, with the slot of the entry's type to book."""

    entry: WaitlistEntryInfo
    patient_name: str
    slot: SlotOffer
