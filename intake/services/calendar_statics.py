"""The practice's calendar set-up, read once per database and kept until it changes.

Locations and their hours, therapists, weekly templates, closures, time off and appointment
types change a few times a week; slot searches and bookings read them many times a second.
Triggers (migration 0003) give one counter, `calendar_revision`, a never-used value on every
write to those tables, whoever writes (another PC, an admin tool, raw SQL). Each unit of work
reads that number (one tiny query) and reuses the copy built at the same revision, so a change
made elsewhere is seen by the very next search, never a stale one. The number is read before
the set-up, so a copy is never older than its label.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from intake.db.models import (
    AppointmentType,
    AvailabilityTemplate,
    CalendarRevision,
    Closure,
    Location,
    Therapist,
    TimeOff,
)
from intake.db.models import OpeningHours as OpeningHoursRow
from intake.domain.errors import Invalid
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.scheduling import AvailabilityTemplate as TemplateInput
from intake.scheduling import Closure as ClosureInput
from intake.scheduling import Location as LocationInput
from intake.scheduling import OpeningHours
from intake.scheduling import TimeOff as TimeOffInput


@dataclass(frozen=True)
class Place:
    """A location as a visit's description shows it."""

    id: int
    code: str
    name: str
    address: str
    timezone: str
    active: bool


@dataclass(frozen=True)
class StaffMember:
    id: int
    display_name: str
    active: bool


@dataclass(frozen=True)
class VisitKind:
    """An appointment type."""

    id: int
    code: str
    name: str
    minutes: int
    buffer_minutes: int
    requires_screening: bool
    active: bool


@dataclass(frozen=True)
class CalendarStatics:
    """Everything calendars are built from except the appointments, at one revision."""

    revision: int
    locations: tuple[LocationInput, ...]  # active locations with opening hours, by id
    templates: tuple[TemplateInput, ...]  # every template of an active therapist
    closures: Mapping[int, tuple[ClosureInput, ...]]  # by location id
    time_off: Mapping[int, tuple[TimeOffInput, ...]]  # by therapist id
    places: Mapping[int, Place]  # every location, active or not
    staff: Mapping[int, StaffMember]  # every therapist, active or not
    kinds: Mapping[str, VisitKind]  # by code, every type

    def active_kind(self, code: str) -> VisitKind:
        """The bookable type with this code (any case), or Invalid naming the code."""
        kind = self.kinds.get(code.strip().upper())
        if kind is None or not kind.active:
            raise Invalid(
                {
                    "type": said(
                        QT_TRANSLATE_NOOP(
                            "CalendarSetUp", "There is no appointment type with the code {code}."
                        ),
                        code=repr(code),
                    )
                }
            )
        return kind

    def kind_by_id(self, type_id: int) -> VisitKind:
        return next(k for k in self.kinds.values() if k.id == type_id)

    def closures_between(
        self, location_ids: set[int], first: dt.date, last: dt.date
    ) -> tuple[ClosureInput, ...]:
        return tuple(
            c
            for loc in location_ids
            for c in self.closures.get(loc, ())
            if c.first_day <= last and c.last_day >= first
        )

    def time_off_between(
        self, therapist_ids: set[int], start: dt.datetime, end: dt.datetime
    ) -> tuple[TimeOffInput, ...]:
        return tuple(
            t
            for who in therapist_ids
            for t in self.time_off.get(who, ())
            if t.start < end and t.end > start
        )


# One copy per database (engine), replaced when that database's revision moves.
_cache: weakref.WeakKeyDictionary[Engine, CalendarStatics] = weakref.WeakKeyDictionary()
_building = threading.Lock()


def known_statics(session: Session) -> CalendarStatics | None:
    """The set-up this process last read from the session's database, without asking whether
    it is still current (None if never read). For a write that checks the revision itself."""
    bind = session.get_bind()
    return _cache.get(bind if isinstance(bind, Engine) else bind.engine)


def calendar_statics(session: Session) -> CalendarStatics:
    """The set-up as of this unit of work: one query when nothing changed since last time."""
    revision = session.scalar(select(CalendarRevision.revision)) or 0
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    cached = _cache.get(engine)
    if cached is not None and cached.revision == revision:
        return cached
    with _building:  # many threads missing at once build it once
        cached = _cache.get(engine)
        if cached is not None and cached.revision == revision:
            return cached
        fresh = _cache[engine] = _load(session, revision)
        return fresh


def _load(session: Session, revision: int) -> CalendarStatics:
    hours: dict[int, list[OpeningHours]] = {}
    for location_id, weekday, opens, closes in session.execute(
        select(
            OpeningHoursRow.location_id,
            OpeningHoursRow.weekday,
            OpeningHoursRow.opens,
            OpeningHoursRow.closes,
        ).order_by(OpeningHoursRow.location_id, OpeningHoursRow.weekday)
    ):
        hours.setdefault(location_id, []).append(OpeningHours(weekday, opens, closes))
    places = {
        row.id: Place(row.id, row.code, row.name, row.address, row.timezone, row.active)
        for row in session.execute(
            select(
                Location.id,
                Location.code,
                Location.name,
                Location.address,
                Location.timezone,
                Location.active,
            ).order_by(Location.id)
        )
    }
    locations = tuple(
        LocationInput(p.id, p.code, p.timezone, tuple(hours.get(p.id, ())))
        for p in places.values()
        if p.active
    )
    staff = {
        row.id: StaffMember(row.id, row.display_name, row.active)
        for row in session.execute(
            select(Therapist.id, Therapist.display_name, Therapist.active).order_by(Therapist.id)
        )
    }
    t = AvailabilityTemplate
    templates = tuple(
        TemplateInput(*row)
        for row in session.execute(
            select(
                t.therapist_id,
                t.location_id,
                t.weekday,
                t.start_time,
                t.end_time,
                t.effective_from,
                t.effective_to,
            )
            .join(Therapist, Therapist.id == t.therapist_id)
            .where(Therapist.active.is_(True))
            .order_by(t.id)
        )
    )
    closures: dict[int, list[ClosureInput]] = {}
    for location_id, first_day, last_day in session.execute(
        select(Closure.location_id, Closure.first_day, Closure.last_day).order_by(Closure.id)
    ):
        closures.setdefault(location_id, []).append(ClosureInput(location_id, first_day, last_day))
    time_off: dict[int, list[TimeOffInput]] = {}
    for therapist_id, starts_at, ends_at in session.execute(
        select(TimeOff.therapist_id, TimeOff.starts_at, TimeOff.ends_at).order_by(TimeOff.id)
    ):
        time_off.setdefault(therapist_id, []).append(TimeOffInput(therapist_id, starts_at, ends_at))
    a = AppointmentType
    kinds = {
        row.code: VisitKind(*row)
        for row in session.execute(
            select(
                a.id, a.code, a.name, a.minutes, a.buffer_minutes, a.requires_screening, a.active
            )
        )
    }
    return CalendarStatics(
        revision=revision,
        locations=locations,
        templates=templates,
        closures={k: tuple(v) for k, v in closures.items()},
        time_off={k: tuple(v) for k, v in time_off.items()},
        places=places,
        staff=staff,
        kinds=kinds,
    )
