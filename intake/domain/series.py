"""A plan-of-care series as plain values: what the front desk asks for, what is proposed,
what was booked, and the lost race (the proposal for just the visits another PC took)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from intake.domain.booking import SlotOffer, Visit
from intake.domain.errors import KnownError
from intake.domain.words import QT_TRANSLATE_NOOP, said


class Placement(Enum):
    """Where a visit of the series landed compared with the rule."""

    AS_WANTED = "as_wanted"
    OTHER_TIME = "other_time"  # same day, same therapist
    OTHER_DAY = "other_day"  # same week, same therapist
    OTHER_THERAPIST = "other_therapist"
    NOT_PLACED = "not_placed"


class Obstacle(Enum):
    """Why the wanted time itself could not be had."""

    HOLIDAY = "holiday"  # the location is closed that day
    THERAPIST_AWAY = "therapist_away"  # no working hours there that day, or time off
    TAKEN = "taken"  # someone else's visit (or its turnover) holds the time
    PATIENT_BUSY = "patient_busy"  # the patient has another visit then
    PAST = "past"  # the time has already gone
    OUTSIDE_HOURS = "outside_hours"  # the visit would not fit in the working hours


OBSTACLE_WORDS = {
    Obstacle.HOLIDAY: "holiday",
    Obstacle.THERAPIST_AWAY: "therapist away",
    Obstacle.TAKEN: "taken",
    Obstacle.PATIENT_BUSY: "patient has another visit",
    Obstacle.PAST: "already past",
    Obstacle.OUTSIDE_HOURS: "outside working hours",
}


@dataclass(frozen=True)
class SeriesRequest:
    """A course as prescribed: weekly visits (weekday 0 = Monday, local time) from a first
    day, for a number of visits or until a date, with one therapist at one location (or any
    therapist there), alternatives kept inside the patient's time window."""

    patient_id: int
    type_code: str
    location_id: int
    therapist_id: int
    weekly: tuple[tuple[int, dt.time], ...]
    first_day: dt.date
    count: int | None = None
    until: dt.date | None = None
    any_therapist: bool = False
    window: tuple[dt.time, dt.time] | None = None
    intake_id: int | None = None  # the evaluation the course follows, if known

    def to_json(self) -> dict[str, object]:
        """The rule as stored with the series (the patient is the visits')."""
        return {
            "type_code": self.type_code,
            "location_id": self.location_id,
            "therapist_id": self.therapist_id,
            "weekly": [[d, t.isoformat("minutes")] for d, t in self.weekly],
            "first_day": self.first_day.isoformat(),
            "count": self.count,
            "until": self.until.isoformat() if self.until else None,
            "any_therapist": self.any_therapist,
            "window": [t.isoformat("minutes") for t in self.window] if self.window else None,
        }


@dataclass(frozen=True)
class ProposedVisit:
    """One visit of the course: the wanted time and the slot proposed for it (or why none)."""

    number: int
    wanted_start: dt.datetime  # UTC
    wanted_local: dt.datetime  # aware, in the location's zone
    offer: SlotOffer | None
    placement: Placement
    obstacle: Obstacle | None = None

    def why(self) -> str:
        """What the desk reads beside a moved or missing visit: "taken: 09:00 instead"."""
        if self.placement is Placement.AS_WANTED or self.obstacle is None:
            return ""
        reason = OBSTACLE_WORDS[self.obstacle]
        if self.offer is None:
            return f"{reason}: no free time that week"
        local = self.offer.local_start
        if self.placement is Placement.OTHER_TIME:
            return f"{reason}: {local:%H:%M} instead"
        if self.placement is Placement.OTHER_DAY:
            return f"{reason}: {local:%a %H:%M} instead"
        return f"{reason}: {self.offer.therapist_name} instead"


@dataclass(frozen=True)
class SeriesProposal:
    request: SeriesRequest
    visits: tuple[ProposedVisit, ...]
    # Moving the rest of a course: the booked visits (appointment ids) the new ones replace.
    moving: tuple[int, ...] = ()

    @property
    def missing(self) -> tuple[ProposedVisit, ...]:
        """The visits with no slot: the waitlist's to find."""
        return tuple(v for v in self.visits if v.offer is None)


@dataclass(frozen=True)
class BookedSeries:
    series_id: int
    visits: tuple[Visit, ...]
    missing: tuple[ProposedVisit, ...]  # not booked: put on the waitlist if the desk chose


class SeriesConflict(KnownError):
    """Another PC took some of the proposed times between showing and booking: nothing was
    booked, and `proposal` keeps every other visit as shown and proposes anew for `lost`."""

    def __init__(self, proposal: SeriesProposal, lost: tuple[int, ...]) -> None:
        numbers = ", ".join(str(n) for n in lost)
        template = (
            QT_TRANSLATE_NOOP(
                "Courses",
                "Visits {numbers} of the course were just taken by another booking. Nothing was "
                "booked; new times are proposed for just those visits.",
            )
            if len(lost) > 1
            else QT_TRANSLATE_NOOP(
                "Courses",
                "Visit {numbers} was just taken by another booking. Nothing was booked; new "
                "times are proposed for just those visits.",
            )
        )
        super().__init__(said(template, numbers=numbers))
        self.proposal = proposal
        self.lost = lost
