"""Booking as plain values: slot offers, booked visits, waitlist entries, and their errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from intake.domain.enums import AppointmentStatus, CancelledBy, PartOfDay, WaitlistStatus
from intake.domain.errors import KnownError
from intake.domain.words import QT_TRANSLATE_NOOP, Words, said

LATE_CANCELLATION = dt.timedelta(hours=24)
MAX_SEARCH_DAYS = 366


@dataclass(frozen=True)
class SlotOffer:
    """A bookable slot, with what the front desk reads out to the caller."""

    therapist_id: int
    therapist_name: str
    location_id: int
    location_code: str
    location_name: str
    location_address: str
    timezone: str
    type_code: str
    start: dt.datetime  # UTC
    end: dt.datetime  # UTC
    local_start: dt.datetime  # aware, in the location's zone

    @property
    def local_end(self) -> dt.datetime:
        return self.end.astimezone(self.local_start.tzinfo)

    @property
    def local_day(self) -> dt.date:
        return self.local_start.date()


@dataclass(frozen=True)
class SlotRequest:
    """What the caller wants. Empty filters mean "any"."""

    first_day: dt.date
    days: int = 14
    type_code: str = "EVAL60"
    location_codes: tuple[str, ...] = ()
    therapist_id: int | None = None
    weekdays: tuple[int, ...] = ()
    parts_of_day: tuple[PartOfDay, ...] = ()
    limit: int = 20
    earliest: dt.datetime | None = None  # default: now

    @property
    def last_day(self) -> dt.date:
        return self.first_day + dt.timedelta(days=self.days - 1)


@dataclass(frozen=True)
class BookingRequest:
    patient_id: int
    therapist_id: int
    location_id: int
    start: dt.datetime  # UTC
    type_code: str = "EVAL60"
    intake_id: int | None = None
    waitlist_entry_id: int | None = None  # booked from the waitlist: the entry is closed too


@dataclass(frozen=True)
class Visit:
    """A booked appointment as the front desk sees it."""

    id: int
    version: int
    patient_id: int
    therapist_id: int
    therapist_name: str
    location_id: int
    location_code: str
    location_name: str
    location_address: str
    timezone: str
    type_code: str
    type_name: str
    start: dt.datetime
    end: dt.datetime
    status: AppointmentStatus
    needs_review: bool
    intake_id: int | None
    late_cancellation: bool = False
    cancel_reason: str = ""
    cancelled_by: CancelledBy | None = None
    series_id: int | None = None  # a visit of a plan-of-care course, and its place in it
    series_number: int | None = None

    @property
    def local_start(self) -> dt.datetime:
        return self.start.astimezone(ZoneInfo(self.timezone))


@dataclass(frozen=True)
class WaitlistPreferences:
    location_ids: tuple[int, ...] = ()
    weekdays: tuple[int, ...] = ()
    parts_of_day: tuple[PartOfDay, ...] = ()
    therapist_id: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "locations": list(self.location_ids),
            "weekdays": list(self.weekdays),
            "parts_of_day": [p.value for p in self.parts_of_day],
            "therapist_id": self.therapist_id,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> WaitlistPreferences:
        def ints(key: str) -> tuple[int, ...]:
            raw = data.get(key) or []
            return tuple(int(x) for x in raw) if isinstance(raw, list) else ()

        parts = data.get("parts_of_day") or []
        therapist = data.get("therapist_id")
        return cls(
            location_ids=ints("locations"),
            weekdays=ints("weekdays"),
            parts_of_day=tuple(PartOfDay(p) for p in parts) if isinstance(parts, list) else (),
            therapist_id=int(therapist) if isinstance(therapist, int) else None,
        )


@dataclass(frozen=True)
class WaitlistEntryInfo:
    id: int
    version: int
    patient_id: int
    intake_id: int | None
    type_code: str | None
    preferences: WaitlistPreferences
    earliest_date: dt.date | None
    priority: int
    triage: str | None
    status: WaitlistStatus
    note: str
    created_at: dt.datetime
    removed_reason: str = ""


@dataclass(frozen=True)
class WaitlistLine:
    """An entry as the desk reads it: who waits (name and record number) and for what."""

    entry: WaitlistEntryInfo
    patient_name: str
    record_number: str


@dataclass(frozen=True)
class CancelOutcome:
    visit: Visit
    freed: SlotOffer
    waitlist: tuple[WaitlistEntryInfo, ...] = ()


class BookingConflict(KnownError):
    """The slot was taken (or the patient is busy then); here are the nearest free ones."""

    def __init__(self, message: Words, alternatives: list[SlotOffer] | None = None) -> None:
        super().__init__(message)
        self.alternatives: list[SlotOffer] = list(alternatives or [])


class BookingRefused(KnownError):
    """Booking is not allowed for this patient now (screening, consent, status)."""


class SecondEvaluation(BookingRefused):
    """The patient already has an initial evaluation booked: a second one is booked only when
    the person booking says so (`confirm_second_evaluation`). `existing` is the one booked."""

    def __init__(self, existing: Visit) -> None:
        super().__init__(
            said(
                QT_TRANSLATE_NOOP(
                    "Booking",
                    "The patient already has an initial evaluation booked: "
                    "{start:%a %d %b %Y %H:%M} at {location}. Book another only if one is "
                    "really needed.",
                ),
                start=existing.local_start,
                location=existing.location_name,
            )
        )
        self.existing = existing


def booked_evaluation(
    visits: Iterable[Visit], evaluation_types: Iterable[str], now: dt.datetime
) -> Visit | None:
    """The patient's initial evaluation still ahead, if any: of an evaluation type, not
    cancelled (nor a no-show), and today or later on its location's calendar. The soonest.

    A patient needs one initial evaluation; a second is a mistake more often than not, so the
    booking asks before making one (issue #16). Past ones do not count: a new episode of care
    starts with a new evaluation.
    """
    kinds = set(evaluation_types)
    ahead = [
        v
        for v in visits
        if v.type_code in kinds
        and v.status.holds_time
        and v.local_start.date() >= now.astimezone(ZoneInfo(v.timezone)).date()
    ]
    return min(ahead, key=lambda v: v.start, default=None)
