"""Reading schedules to draw: a location's day, a therapist's week, and exporting them.

Each reader is one read-only unit of work in a handful of queries (never one per therapist),
returning the plain values of intake.domain.schedule.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from intake.db.models import (
    Appointment,
    AppointmentType,
    Closure,
    Intake,
    Location,
    Patient,
    Therapist,
    therapist_locations,
)
from intake.domain.booking import CancelOutcome, SlotOffer, SlotRequest
from intake.domain.enums import AppointmentStatus, IntakeStatus
from intake.domain.errors import Invalid, NotFound
from intake.domain.permissions import Permission
from intake.domain.schedule import (
    SHOWN_STATUSES,
    DaySchedule,
    PlaceDay,
    PlaceRef,
    ScheduleBlock,
    Span,
    TherapistDay,
    WaitlistMatch,
    WeekSchedule,
)
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.scheduling import (
    CalendarInputs,
    Interval,
    day_availability,
    local_day,
    opening_windows,
    working_windows,
)
from intake.scheduling import Location as PlaceInput
from intake.services import ical_export, slot_finder
from intake.services.actor import Actor
from intake.services.calendar_loader import with_appointments, working_calendar
from intake.services.calendar_statics import calendar_statics
from intake.services.database import Database

MAX_WEEK_DAYS = 14
_SHOWN = [s.value for s in SHOWN_STATUSES]


# --- a location's day --------------------------------------------------------------------


def location_day(database: Database, actor: Actor, location_id: int, day: dt.date) -> DaySchedule:
    """Therapists working at the location that day, their visits, and what is shaded."""
    actor.require(Permission.SCHEDULE)
    with database.reading() as session:
        # Names, the location's row and its closures come from the cached set-up (read at
        # this unit of work's revision): each query less is a round trip less.
        statics = calendar_statics(session)
        working_time = working_calendar(statics, day, day, {location_id})
        inputs = with_appointments(session, working_time, day, day, stream=False)
        if not inputs.locations:
            raise NotFound(
                said(
                    QT_TRANSLATE_NOOP(
                        "ScheduleView", "There is no open location with id {number}."
                    ),
                    number=location_id,
                )
            )
        place = inputs.locations[0]
        row = statics.places[location_id]
        whole = _span(local_day(day, place.zone))
        blocks = _blocks(session, "location", location_id, whole.start, whole.end)
        working = {
            tid: tuple(_span(i) for i in working_windows(place, tid, day, inputs.templates))
            for tid in {t.therapist_id for t in inputs.templates}
        }
        ids = {tid for tid, spans in working.items() if spans} | {b.therapist_id for b in blocks}
        names = {b.therapist_id: b.therapist_name for b in blocks}
        names.update((tid, statics.staff[tid].display_name) for tid in ids if tid in statics.staff)
        closure = _closure_reason_of(inputs, session, location_id, day)
        if closure is not None:  # the therapists still show, their whole day shaded
            working = {}
        columns = tuple(
            TherapistDay(
                tid,
                names[tid],
                working.get(tid, ()),
                tuple(
                    Span(t.start, t.end)
                    for t in inputs.time_off
                    if t.therapist_id == tid and t.start < whole.end and whole.start < t.end
                ),
                _free(inputs, place, tid, day) if tid in working else (),
            )
            for tid in sorted(ids, key=lambda i: (names[i].casefold(), i))
        )
        return DaySchedule(
            location_id=location_id,
            location_code=row.code,
            location_name=row.name,
            timezone=row.timezone,
            day=day,
            day_span=whole,
            opening=tuple(_span(i) for i in opening_windows(place, day)),
            closure_reason=closure,
            columns=columns,
            blocks=tuple(blocks),
        )


# --- a therapist's week ------------------------------------------------------------------


def therapist_week(
    database: Database, actor: Actor, therapist_id: int, first_day: dt.date, days: int = 7
) -> WeekSchedule:
    """The therapist's working time and visits at every location, day by day."""
    actor.require(Permission.SCHEDULE)
    if not 1 <= days <= MAX_WEEK_DAYS:
        raise Invalid(
            {
                "days": said(
                    QT_TRANSLATE_NOOP("ScheduleView", "Show 1 to {most} days, not {days}."),
                    most=MAX_WEEK_DAYS,
                    days=days,
                )
            }
        )
    last_day = first_day + dt.timedelta(days=days - 1)
    with database.reading() as session:
        # The therapist and the locations come from the cached set-up (at this unit of
        # work's revision): each query less is a round trip less.
        statics = calendar_statics(session)
        therapist = statics.staff.get(therapist_id)
        if therapist is None:
            raise NotFound(
                said(
                    QT_TRANSLATE_NOOP("ScheduleView", "There is no therapist with id {number}."),
                    number=therapist_id,
                )
            )
        inputs = working_calendar(statics, first_day, last_day, therapist_id=therapist_id)
        inputs = with_appointments(session, inputs, first_day, last_day, stream=False)
        linked = set(
            session.scalars(
                select(therapist_locations.c.location_id).where(
                    therapist_locations.c.therapist_id == therapist_id
                )
            )
        )
        start = dt.datetime.combine(first_day, dt.time(), dt.UTC) - dt.timedelta(days=1)
        end = dt.datetime.combine(last_day, dt.time(), dt.UTC) + dt.timedelta(days=2)
        wanted = {first_day + dt.timedelta(days=i) for i in range(days)}
        blocks = [
            b
            for b in _blocks(session, "therapist", therapist_id, start, end)
            if b.local_start.date() in wanted
        ]
        places = []
        # Only where the therapist has a template: a day elsewhere is neither worked nor
        # a planned day lost to a closure.
        planned_at = {t.location_id for t in inputs.templates}
        for place in (p for p in inputs.locations if p.id in planned_at):
            for day in sorted(wanted):
                spans = working_windows(place, therapist_id, day, inputs.templates)
                closed = _closure_reason_of(inputs, session, place.id, day)
                planned = any(
                    t.location_id == place.id and t.applies_on(day) for t in inputs.templates
                )
                if spans or (closed is not None and planned):
                    spans = [] if closed is not None else spans
                    places.append(
                        PlaceDay(
                            day,
                            place.id,
                            tuple(_span(i) for i in spans),
                            closed,
                            _free(inputs, place, therapist_id, day) if spans else (),
                        )
                    )
        used = linked | {p.location_id for p in places} | {b.location_id for b in blocks}
        rows = session.scalars(
            select(Location).where(Location.id.in_(used)).order_by(Location.code)
        )
        return WeekSchedule(
            therapist_id=therapist_id,
            therapist_name=therapist.display_name,
            first_day=first_day,
            days=days,
            locations=tuple(PlaceRef(r.id, r.code, r.name, r.timezone) for r in rows),
            places=tuple(places),
            time_off=tuple(
                Span(t.start, t.end)
                for t in inputs.time_off
                if t.therapist_id == therapist_id and t.start < end and start < t.end
            ),
            blocks=tuple(blocks),
        )


# --- after a cancellation ----------------------------------------------------------------


def waitlist_matches(
    database: Database, actor: Actor, outcome: CancelOutcome, *, now: dt.datetime | None = None
) -> tuple[WaitlistMatch, ...]:
    """The waitlist entries the freed slot suits, in their priority order, each with the slot
    of the entry's own appointment type inside the freed time (ready to book)."""
    actor.require(Permission.BOOKING)
    if not outcome.waitlist:
        return ()
    now = now or dt.datetime.now(dt.UTC)
    freed = outcome.freed
    with database.reading() as session:
        names = _patient_names(session, {e.patient_id for e in outcome.waitlist})
        slots: dict[str, SlotOffer | None] = {}
        matches = []
        for entry in outcome.waitlist:
            code = entry.type_code or freed.type_code
            if code not in slots:
                slots[code] = _slot_inside(session, freed, code, now)
            slot = slots[code]
            if slot is not None:
                matches.append(WaitlistMatch(entry, names.get(entry.patient_id, ""), slot))
        return tuple(matches)


def _slot_inside(
    session: Session, freed: SlotOffer, type_code: str, now: dt.datetime
) -> SlotOffer | None:
    request = SlotRequest(
        first_day=freed.local_day,
        days=1,
        type_code=type_code,
        location_codes=(freed.location_code,),
        therapist_id=freed.therapist_id,
        earliest=max(now, freed.start - dt.timedelta(hours=1)),
        limit=50,
    )
    inside = [
        o
        for o in slot_finder.find_in(session, request)
        if o.start < freed.end and freed.start < o.end
    ]
    exact = [o for o in inside if o.start == freed.start]
    found = exact or inside
    return found[0] if found else None


# --- exports -----------------------------------------------------------------------------

CSV_COLUMNS = (
    "date",
    "start",
    "end",
    "time_zone",
    "location",
    "therapist",
    "patient_record",
    "patient",
    "type",
    "status",
    "needs_review",
)


def schedule_csv(
    blocks: Iterable[ScheduleBlock],
    headers: Sequence[str] = CSV_COLUMNS,
    yes_no: tuple[str, str] = ("yes", "no"),
) -> str:
    """The visits as CSV rows in local time (for the practice's own spreadsheets). The
    header row and the yes/no words come in the staff's language from the screen (this
    layer has no Qt); the values stay as machines read them (ISO dates, 24-hour times)."""
    if len(headers) != len(CSV_COLUMNS):
        raise ValueError(f"a schedule CSV has {len(CSV_COLUMNS)} columns")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    for b in sorted(blocks, key=lambda b: (b.start, b.therapist_name, b.appointment_id)):
        start, end = b.local_start, b.local_end
        writer.writerow(
            (
                start.date().isoformat(),
                f"{start:%H:%M}",
                f"{end:%H:%M}",
                b.timezone,
                b.location_code,
                b.therapist_name,
                b.patient_record,
                _spreadsheet_safe(b.patient_name),
                b.type_name,
                b.status.value,
                yes_no[0] if b.needs_review else yes_no[1],
            )
        )
    return out.getvalue()


def save_export(
    blocks: Sequence[ScheduleBlock],
    path: str | Path,
    kind: str,
    *,
    headers: Sequence[str] = CSV_COLUMNS,
    yes_no: tuple[str, str] = ("yes", "no"),
) -> Path:
    """Write ``kind`` ("csv" or "ics") to path (the extension added when missing); a CSV's
    header row and yes/no words as given (the staff's language)."""
    target = Path(path)
    if target.suffix.lower() != f".{kind}":
        target = target.with_name(f"{target.name}.{kind}")
    if kind == "csv":
        target.write_text(schedule_csv(blocks, headers, yes_no), encoding="utf-8")
    elif kind == "ics":
        target.write_bytes(ical_export.schedule_text(blocks))
    else:
        raise Invalid(
            {
                "format": said(
                    QT_TRANSLATE_NOOP("ScheduleView", "Export as csv or ics, not {kind}."),
                    kind=repr(kind),
                )
            }
        )
    return target


def _spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


# --- shared queries ----------------------------------------------------------------------


def _blocks_query(by: str) -> Select[*tuple[Any, ...]]:
    """Visits of one location (`by` "location") or therapist, from `start` to `end`."""
    a = Appointment
    other = aliased(Appointment)
    # A course's last visit still on the books: "visit 3 of 12" after a cancelled rest reads
    # "3 of 8", as the course now stands.
    last = (
        select(func.max(other.series_number))
        .where(other.series_id == a.series_id, other.status.in_(_SHOWN))
        .correlate(a)
        .scalar_subquery()
    )
    whose = a.location_id if by == "location" else a.therapist_id
    return (
        select(
            a.id,
            a.version,
            a.patient_id,
            Patient.family_name,
            Patient.given_name,
            a.therapist_id,
            Therapist.display_name,
            a.location_id,
            Location.code,
            Location.timezone,
            AppointmentType.code,
            AppointmentType.name,
            a.starts_at,
            a.ends_at,
            a.blocks_until,
            a.status,
            a.needs_review,
            Intake.status,
            Patient.mrn,
            AppointmentType.color,
            AppointmentType.requires_screening,
            a.series_id,
            a.series_number,
            last,
        )
        .join(Patient, Patient.id == a.patient_id)
        .join(Therapist, Therapist.id == a.therapist_id)
        .join(Location, Location.id == a.location_id)
        .join(AppointmentType, AppointmentType.id == a.type_id)
        .outerjoin(Intake, Intake.id == a.intake_id)
        .where(
            whose == bindparam("whose"),
            a.starts_at >= bindparam("start"),
            a.starts_at < bindparam("end"),
            a.status.in_(_SHOWN),
        )
        .order_by(a.starts_at, a.id)
    )


# Built once: building this statement took longer than running it (the views open often).
_BLOCKS = {by: _blocks_query(by) for by in ("location", "therapist")}


def _blocks(
    session: Session, by: str, whose: int, start: dt.datetime, end: dt.datetime
) -> list[ScheduleBlock]:
    params = {"whose": whose, "start": start, "end": end}
    return [
        ScheduleBlock(
            appointment_id=r[0],
            version=r[1],
            patient_id=r[2],
            patient_name=f"{r[3]}, {r[4]}",
            therapist_id=r[5],
            therapist_name=r[6],
            location_id=r[7],
            location_code=r[8],
            timezone=r[9],
            type_code=r[10],
            type_name=r[11],
            start=r[12],
            end=r[13],
            blocks_until=r[14],
            status=AppointmentStatus(r[15]),
            needs_review=bool(r[16]) and r[17] != IntakeStatus.REVIEWED.value,
            patient_record=r[18],
            type_color=r[19],
            evaluation=bool(r[20]),
            series_id=r[21],
            series_number=r[22],
            series_last=r[23] if r[21] is not None else None,
        )
        for r in session.execute(_BLOCKS[by], params)
    ]


def _patient_names(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(Patient.id, Patient.family_name, Patient.given_name).where(Patient.id.in_(ids))
    )
    return {pid: f"{family}, {given}" for pid, family, given in rows}


def _closure_reason(session: Session, location_id: int, day: dt.date) -> str | None:
    reasons = list(
        session.scalars(
            select(Closure.reason).where(
                Closure.location_id == location_id,
                Closure.first_day <= day,
                Closure.last_day >= day,
            )
        )
    )
    return reasons[0] if reasons else None


def _closure_reason_of(
    inputs: CalendarInputs, session: Session, location_id: int, day: dt.date
) -> str | None:
    if not any(c.location_id == location_id and c.covers(day) for c in inputs.closures):
        return None
    return _closure_reason(session, location_id, day)


def _free(
    inputs: CalendarInputs, place: PlaceInput, therapist_id: int, day: dt.date
) -> tuple[Span, ...]:
    """The therapist's bookable time there that day, as the slot search sees it."""
    found = day_availability(
        place,
        therapist_id,
        day,
        templates=inputs.templates,
        closures=inputs.closures,
        time_off=inputs.time_off,
        appointments=inputs.appointments,
    )
    return tuple(_span(i) for i in found.free)


def _span(interval: Interval) -> Span:
    return Span(interval.start, interval.end)
