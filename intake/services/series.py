"""Plan-of-care series: a course of visits proposed from its weekly rule and booked in one
transaction, whole as shown or not at all.

Every visit is a plain appointment that names its series, so the database's no-overlap
guarantee (exclusion constraints / triggers) covers each one: two PCs booking courses into
the same week cannot both win a time. When another PC took some proposed times between
showing and booking, nothing is written and the desk gets a proposal that keeps every other
visit as shown and finds new times for just those.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from zoneinfo import ZoneInfo

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from intake.db.models import Appointment, AppointmentSeries
from intake.domain.booking import (
    BookingRefused,
    BookingRequest,
    SlotOffer,
    Visit,
    WaitlistPreferences,
)
from intake.domain.enums import AppointmentStatus, CancelledBy
from intake.domain.errors import Invalid, NotFound
from intake.domain.permissions import Permission
from intake.domain.series import (
    BookedSeries,
    ProposedVisit,
    SeriesConflict,
    SeriesProposal,
    SeriesRequest,
)
from intake.domain.visit_rules import is_late_cancellation
from intake.domain.words import QT_TRANSLATE_NOOP, Words, said
from intake.scheduling import AppointmentType as TypeInput
from intake.scheduling import CalendarInputs, Interval, Slot
from intake.scheduling.series import (
    Occurrence,
    RuleError,
    SeriesInputs,
    SeriesRule,
    WeeklyVisit,
    propose_series,
)
from intake.services import audit, booking, waitlist
from intake.services.actor import Actor
from intake.services.calendar_loader import with_appointments, working_calendar
from intake.services.calendar_statics import CalendarStatics, VisitKind, calendar_statics
from intake.services.database import Database, retried

_MARGIN = dt.timedelta(days=1)  # wider than any zone's offset, around the course's days
# Advisory-lock spaces (pg_advisory_xact_lock's first key) for a course's calendars; the
# migration lock (intake.db.migrate) uses a single-key lock, which never meets these.
_THERAPIST_CALENDAR = 0x5E41
_PATIENT_CALENDAR = 0x5E42
_HOLD = text("SELECT pg_advisory_xact_lock(:space, :key)")
_NOT_IN_A_COURSE = said(QT_TRANSLATE_NOOP("Courses", "That visit is not part of a course."))


class _Lost(Exception):
    def __init__(self, numbers: tuple[int, ...]) -> None:
        super().__init__(numbers)
        self.numbers = numbers


def propose(
    database: Database, actor: Actor, request: SeriesRequest, *, now: dt.datetime | None = None
) -> SeriesProposal:
    """Every visit the rule asks for, each on a free slot (moved if need be, and why) or
    marked as not placed; nothing is written."""
    actor.require(Permission.BOOKING)
    at = now or dt.datetime.now(dt.UTC)
    with database.reading() as session:
        return _propose(session, request, at)


def book(
    database: Database,
    actor: Actor,
    proposal: SeriesProposal,
    *,
    now: dt.datetime | None = None,
    waitlist_missing: bool = False,
) -> BookedSeries:
    """Book every placed visit of the proposal in one transaction, or none.

    Raises SeriesConflict (nothing written) when another booking took some of the times,
    with a new proposal for just those visits. With `waitlist_missing`, each visit that
    could not be placed goes on the waitlist (from its wanted day) in the same transaction.
    """
    actor.require(Permission.BOOKING)
    at = now or dt.datetime.now(dt.UTC)
    placed = [v for v in proposal.visits if v.offer is not None]
    if not placed:
        raise BookingRefused(
            said(
                QT_TRANSLATE_NOOP(
                    "Courses",
                    "No visit of this course has a free time; change the days or times, or put "
                    "the course on the waitlist.",
                )
            )
        )
    try:
        return retried(lambda: _book(database, actor, proposal, at, waitlist_missing))
    except _Lost as lost:
        keep = {v.number: v.offer for v in placed if v.number not in lost.numbers and v.offer}
        with database.reading() as session:
            again = _propose(session, proposal.request, at, keep=keep)
        raise SeriesConflict(again, lost.numbers) from None


def visits(database: Database, actor: Actor, series_id: int) -> tuple[Visit, ...]:
    """Every visit of a course (cancelled ones too), in the course's order."""
    actor.require(Permission.BOOKING)
    with database.reading() as session:
        if session.get(AppointmentSeries, series_id) is None:
            raise NotFound(
                said(
                    QT_TRANSLATE_NOOP("Courses", "There is no course with id {number}."),
                    number=series_id,
                )
            )
        statics = calendar_statics(session)
        rows = session.scalars(
            select(Appointment)
            .where(Appointment.series_id == series_id)
            .order_by(Appointment.series_number, Appointment.id)
        ).all()
        return tuple(booking.visit_from(statics, row) for row in rows)


def cancel_rest(
    database: Database,
    actor: Actor,
    appointment_id: int,
    version: int,
    reason: str,
    *,
    by: CancelledBy,
    now: dt.datetime | None = None,
) -> tuple[Visit, ...]:
    """Cancel this visit of a course and every later one still booked, in one transaction
    (the late-cancellation rule applies to each). Returns the cancelled visits."""
    actor.require(Permission.BOOKING)
    at = now or dt.datetime.now(dt.UTC)
    if not reason.strip():
        raise Invalid(
            {
                "reason": said(
                    QT_TRANSLATE_NOOP("Courses", "Say why the rest of the course is cancelled.")
                )
            }
        )
    with database.writing() as session:
        first = _series_visit(session, appointment_id, version)
        statics = calendar_statics(session)
        cancelled = []
        for row in _rest(session, first):
            row.status = AppointmentStatus.CANCELLED.value
            row.cancel_reason = reason.strip()
            row.cancelled_at = at
            row.cancelled_by = by.value
            row.late_cancellation = is_late_cancellation(row.starts_at, at, by)
            cancelled.append(row)
        session.flush()
        for row in cancelled:
            audit.record(
                session,
                actor,
                "cancel",
                "appointment",
                row.id,
                patient_id=row.patient_id,
                fields=("status", "cancel_reason", "cancelled_by", "late_cancellation"),
            )
        return tuple(booking.visit_from(statics, row) for row in cancelled)


def propose_move_rest(
    database: Database,
    actor: Actor,
    appointment_id: int,
    weekly: tuple[tuple[int, dt.time], ...],
    *,
    first_day: dt.date,
    any_therapist: bool = False,
    window: tuple[dt.time, dt.time] | None = None,
    now: dt.datetime | None = None,
) -> SeriesProposal:
    """New times for this visit of a course and every later one still booked, on new
    weekdays and times from `first_day` (the visits keep their numbers in the course).
    The visits being moved do not stand in their own way."""
    actor.require(Permission.BOOKING)
    at = now or dt.datetime.now(dt.UTC)
    with database.reading() as session:
        first = session.get(Appointment, appointment_id)
        if first is None or first.series_id is None:
            raise NotFound(_NOT_IN_A_COURSE)
        rest = _rest(session, first)
        series = session.get(AppointmentSeries, first.series_id)
        assert series is not None  # the foreign key
        statics = calendar_statics(session)
        request = SeriesRequest(
            patient_id=first.patient_id,
            type_code=statics.kind_by_id(series.type_id).code,
            location_id=first.location_id,
            therapist_id=first.therapist_id,
            weekly=weekly,
            first_day=first_day,
            count=len(rest),
            any_therapist=any_therapist,
            window=window,
        )
        moving = {row.id for row in rest}
        proposal = _propose(session, request, at, ignore=moving)
    numbers = [row.series_number or 0 for row in rest]
    renumbered = tuple(_renumbered(v, n) for v, n in zip(proposal.visits, numbers, strict=True))
    return SeriesProposal(request, renumbered, moving=tuple(sorted(moving)))


def move_rest(
    database: Database,
    actor: Actor,
    proposal: SeriesProposal,
    *,
    now: dt.datetime | None = None,
) -> tuple[Visit, ...]:
    """Move the rest of a course as `propose_move_rest` proposed, in one transaction: the old
    visits are cancelled (by the clinic, "course moved") and the new ones booked in the same
    course with the same numbers. Raises SeriesConflict when a new time was taken meanwhile
    (nothing changed). Visits the proposal could not place are cancelled without a new time.
    """
    actor.require(Permission.BOOKING)
    at = now or dt.datetime.now(dt.UTC)
    if not proposal.moving:
        raise Invalid(
            {"course": said(QT_TRANSLATE_NOOP("Courses", "This proposal does not move a course."))}
        )
    try:
        return retried(lambda: _move(database, actor, proposal, at))
    except _Lost as lost:
        # The pure proposal counts the moved visits 1, 2, …; the course keeps its numbers.
        keep = {
            i: v.offer
            for i, v in enumerate(proposal.visits, start=1)
            if v.offer is not None and v.number not in lost.numbers
        }
        with database.reading() as session:
            again = _propose(session, proposal.request, at, keep=keep, ignore=set(proposal.moving))
        numbered = tuple(
            _renumbered(v, old.number) for v, old in zip(again.visits, proposal.visits, strict=True)
        )
        raise SeriesConflict(
            SeriesProposal(proposal.request, numbered, moving=proposal.moving), lost.numbers
        ) from None


# --- proposing --------------------------------------------------------------------------


def _propose(
    session: Session,
    request: SeriesRequest,
    now: dt.datetime,
    *,
    keep: Mapping[int, SlotOffer] | None = None,
    ignore: set[int] | None = None,
) -> SeriesProposal:
    statics = calendar_statics(session)
    kind = _course_kind(statics, request)
    rule = _rule(request, kind)
    first, last = rule.first_day, rule.last_possible_day
    therapist = None if request.any_therapist else request.therapist_id
    working = working_calendar(statics, first, last, {request.location_id}, therapist)
    calendar = with_appointments(session, working, first, last, now, stream=False)
    if ignore:
        calendar = _without(session, calendar, ignore)
    busy = _patient_busy(session, request.patient_id, first, last, ignore or set())
    therapists = tuple(sorted({t.therapist_id for t in working.templates}))
    kept = {n: _slot(offer) for n, offer in (keep or {}).items()}
    made = propose_series(rule, SeriesInputs(calendar, busy, now, therapists), keep=kept)
    zone = ZoneInfo(statics.places[request.location_id].timezone)
    return SeriesProposal(request, tuple(_proposed(statics, kind, zone, o) for o in made))


def _course_kind(statics: CalendarStatics, request: SeriesRequest) -> VisitKind:
    problems: dict[str, Words] = {}
    kind = None
    try:
        kind = statics.active_kind(request.type_code)
    except Invalid as exc:
        problems.update(exc.problems)
    place = statics.places.get(request.location_id)
    if place is None or not place.active:
        problems["location"] = said(
            QT_TRANSLATE_NOOP("Courses", "There is no location with id {number}."),
            number=request.location_id,
        )
    member = statics.staff.get(request.therapist_id)
    if member is None or not member.active:
        problems["therapist"] = said(
            QT_TRANSLATE_NOOP("Courses", "There is no therapist with id {number}."),
            number=request.therapist_id,
        )
    if kind is not None and kind.requires_screening:
        problems["type"] = said(
            QT_TRANSLATE_NOOP(
                "Courses",
                "{type} is booked once, from the screened intake; a course is of visits that "
                "follow it.",
            ),
            type=kind.name,
        )
    if problems or kind is None:
        raise Invalid(problems)
    return kind


def _rule(request: SeriesRequest, kind: VisitKind) -> SeriesRule:
    """The pure rule; its own checks become a message on the form."""
    try:
        return SeriesRule(
            location_id=request.location_id,
            therapist_id=request.therapist_id,
            appointment_type=TypeInput(kind.code, kind.minutes, kind.buffer_minutes),
            visits=tuple(WeeklyVisit(d, t) for d, t in request.weekly),
            first_day=request.first_day,
            count=request.count,
            until=request.until,
            any_therapist=request.any_therapist,
            window=request.window,
        )
    except RuleError as exc:
        raise Invalid({"course": exc.message}) from None


def _without(session: Session, calendar: CalendarInputs, ignore: set[int]) -> CalendarInputs:
    """The calendar without the visits being moved (they do not block their own move)."""
    rows = session.execute(
        select(Appointment.therapist_id, Appointment.starts_at, Appointment.blocks_until).where(
            Appointment.id.in_(sorted(ignore))
        )
    ).all()
    moving = {(t, s, b) for t, s, b in rows}
    kept = tuple(a for a in calendar.appointments if (a.therapist_id, a.start, a.end) not in moving)
    return replace(calendar, appointments=kept)


def _patient_busy(
    session: Session, patient_id: int, first: dt.date, last: dt.date, ignore: set[int]
) -> tuple[Interval, ...]:
    start = dt.datetime.combine(first, dt.time(), dt.UTC) - _MARGIN
    end = dt.datetime.combine(last, dt.time(), dt.UTC) + 2 * _MARGIN
    rows = session.execute(
        select(Appointment.id, Appointment.starts_at, Appointment.ends_at).where(
            Appointment.patient_id == patient_id,
            Appointment.status.in_([s.value for s in AppointmentStatus if s.holds_time]),
            Appointment.starts_at < end,
            Appointment.ends_at > start,
        )
    ).all()
    return tuple(Interval(s, e) for i, s, e in rows if i not in ignore)


def _slot(offer: SlotOffer) -> Slot:
    return Slot(offer.therapist_id, offer.location_id, offer.start, offer.end, offer.local_start)


def _proposed(
    statics: CalendarStatics, kind: VisitKind, zone: ZoneInfo, o: Occurrence
) -> ProposedVisit:
    place = statics.places[o.slot.location_id] if o.slot else None
    offer = None
    if o.slot is not None and place is not None:
        offer = SlotOffer(
            therapist_id=o.slot.therapist_id,
            therapist_name=statics.staff[o.slot.therapist_id].display_name,
            location_id=o.slot.location_id,
            location_code=place.code,
            location_name=place.name,
            location_address=place.address,
            timezone=place.timezone,
            type_code=kind.code,
            start=o.slot.start,
            end=o.slot.end,
            local_start=o.slot.local_start,
        )
    return ProposedVisit(
        number=o.number,
        wanted_start=o.wanted_start,
        wanted_local=o.wanted_start.astimezone(zone),
        offer=offer,
        placement=o.placement,
        obstacle=o.obstacle,
    )


def _renumbered(visit: ProposedVisit, number: int) -> ProposedVisit:
    return replace(visit, number=number)


# --- booking ----------------------------------------------------------------------------


def _book(
    database: Database,
    actor: Actor,
    proposal: SeriesProposal,
    now: dt.datetime,
    waitlist_missing: bool,
) -> BookedSeries:
    request = proposal.request
    with database.writing() as session:
        _hold_calendars(session, request, proposal.visits)
        statics = calendar_statics(session)
        kind = _course_kind(statics, request)
        series = AppointmentSeries(
            location_id=request.location_id,
            therapist_id=request.therapist_id,
            type_id=kind.id,
            planned=len(proposal.visits),
            rule=request.to_json(),
            created_by=actor.user_id,
            created_at=now,
        )
        session.add(series)
        session.flush()
        rows = _insert_visits(
            session, actor, statics, kind, request, proposal.visits, series.id, now
        )
        missing = proposal.missing
        if waitlist_missing:
            _waitlist(session, actor, request, kind, missing, len(proposal.visits))
        audit.record(
            session,
            actor,
            "book_series",
            "appointment_series",
            series.id,
            patient_id=request.patient_id,
            fields=("rule", "planned"),
        )
        return BookedSeries(
            series.id, tuple(booking.visit_from(statics, row) for row in rows), missing
        )


def _hold_calendars(
    session: Session, request: SeriesRequest, visits: Iterable[ProposedVisit]
) -> None:
    """On PostgreSQL, wait until no other course is being booked into the same therapists'
    or patient's calendar, taking the locks in one order everywhere.

    A course inserts many visits in one transaction. Two such transactions whose visits
    overlap each wait, visit by visit, for the other's uncommitted rows (the no-overlap
    constraints), and PostgreSQL ends that as a deadlock and undoes one of them: with 16 PCs
    booking into one week, again and again. The constraints still guard every row; this only
    puts courses for one calendar in a queue. SQLite has one writer at a time anyway.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    therapists = {v.offer.therapist_id for v in visits if v.offer is not None}
    held = sorted(
        [(_THERAPIST_CALENDAR, t) for t in therapists] + [(_PATIENT_CALENDAR, request.patient_id)]
    )
    for space, key in held:
        session.execute(_HOLD, {"space": space, "key": key})


def _insert_visits(
    session: Session,
    actor: Actor,
    statics: CalendarStatics,
    kind: VisitKind,
    request: SeriesRequest,
    proposed: Iterable[ProposedVisit],
    series_id: int,
    now: dt.datetime,
) -> list[Appointment]:
    """Insert each placed visit in a savepoint, so every lost time is known before the whole
    transaction is undone (raises _Lost then)."""
    rows: list[Appointment] = []
    lost: list[int] = []
    for visit in proposed:
        offer = visit.offer
        if offer is None:
            continue
        # Judged on the set-up, as a single booking is (working time, closures, the grid).
        booking.require_bookable(
            statics,
            BookingRequest(
                request.patient_id, offer.therapist_id, offer.location_id, offer.start, kind.code
            ),
            kind,
            now,
        )
        row = Appointment(
            patient_id=request.patient_id,
            therapist_id=offer.therapist_id,
            location_id=offer.location_id,
            type_id=kind.id,
            starts_at=offer.start,
            ends_at=offer.start + dt.timedelta(minutes=kind.minutes),
            blocks_until=offer.start + dt.timedelta(minutes=kind.minutes + kind.buffer_minutes),
            status=AppointmentStatus.BOOKED.value,
            intake_id=request.intake_id,
            needs_review=False,
            booked_by=actor.user_id,
            booked_at=now,
            cancel_reason="",
            late_cancellation=False,
            series_id=series_id,
            series_number=visit.number,
            version=1,
        )
        try:
            with session.begin_nested():
                new_id = booking.insert_guarded(session, row, None)
        except booking.Overlap:
            lost.append(visit.number)
            continue
        assert new_id is not None
        row.id = new_id
        rows.append(row)
    if lost:
        raise _Lost(tuple(lost))
    for row in rows:
        audit.record(
            session,
            actor,
            "book",
            "appointment",
            row.id,
            patient_id=row.patient_id,
            fields=("therapist_id", "location_id", "starts_at", "type_id", "series_id"),
        )
    return rows


def _waitlist(
    session: Session,
    actor: Actor,
    request: SeriesRequest,
    kind: VisitKind,
    missing: Iterable[ProposedVisit],
    planned: int,
) -> None:
    """One waitlist entry per visit that found no time: that week, at the course's place."""
    for visit in missing:
        day = visit.wanted_local.date()
        monday = day - dt.timedelta(days=day.weekday())
        waitlist.add_in(
            session,
            actor,
            request.patient_id,
            WaitlistPreferences(
                location_ids=(request.location_id,),
                weekdays=tuple(sorted(d for d, _ in request.weekly)),
                therapist_id=None if request.any_therapist else request.therapist_id,
            ),
            type_code=kind.code,
            intake_id=request.intake_id,
            earliest_date=monday,
            note=f"Visit {visit.number} of {planned} of a course: no free time in the week of "
            f"{monday:%d %b %Y}",
        )


# --- the rest of a course ------------------------------------------------------------------


def _series_visit(session: Session, appointment_id: int, version: int) -> Appointment:
    row = booking.claim(session, appointment_id, version)
    if row.series_id is None:
        raise NotFound(_NOT_IN_A_COURSE)
    return row


def _rest(session: Session, first: Appointment) -> list[Appointment]:
    """This visit and the later visits of its course still booked, in order."""
    return list(
        session.scalars(
            select(Appointment)
            .where(
                Appointment.series_id == first.series_id,
                Appointment.status == AppointmentStatus.BOOKED.value,
                Appointment.starts_at >= first.starts_at,
            )
            .order_by(Appointment.starts_at)
        ).all()
    )


def _move(
    database: Database, actor: Actor, proposal: SeriesProposal, now: dt.datetime
) -> tuple[Visit, ...]:
    request = proposal.request
    with database.writing() as session:
        _hold_calendars(session, request, proposal.visits)
        statics = calendar_statics(session)
        kind = _course_kind(statics, request)
        old = [session.get(Appointment, i) for i in proposal.moving]
        if any(row is None or row.status != AppointmentStatus.BOOKED.value for row in old):
            raise BookingRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Courses",
                        "A visit of the course changed a moment ago (cancelled or checked in); "
                        "open the course again.",
                    )
                )
            )
        series_ids = {row.series_id for row in old if row is not None}
        if len(series_ids) != 1:
            raise Invalid(
                {
                    "course": said(
                        QT_TRANSLATE_NOOP("Courses", "The visits to move are not of one course.")
                    )
                }
            )
        series_id = series_ids.pop()
        assert series_id is not None
        for row in old:
            assert row is not None
            row.status = AppointmentStatus.CANCELLED.value
            row.cancel_reason = "Course moved to new times"
            row.cancelled_at = now
            row.cancelled_by = CancelledBy.CLINIC.value
            row.late_cancellation = False
        session.flush()  # their time is free for the new visits from here on
        for row in old:
            assert row is not None
            audit.record(
                session,
                actor,
                "cancel",
                "appointment",
                row.id,
                patient_id=row.patient_id,
                fields=("status", "cancel_reason", "cancelled_by"),
            )
        rows = _insert_visits(
            session, actor, statics, kind, request, proposal.visits, series_id, now
        )
        return tuple(booking.visit_from(statics, row) for row in rows)
