"""Booking, moving and closing appointments: one transaction each, guarded by the database.

The no-overlap rule is the database's (exclusion constraints / triggers): two PCs that race
for one slot both try to insert, the database refuses the second, and the loser is told so
with the nearest free alternatives. Nothing here checks-then-inserts to avoid that race.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from zoneinfo import ZoneInfo

from sqlalchemy import Insert, Select, bindparam, insert, literal, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from intake.db.models import Appointment, AuditEvent, CalendarRevision, Intake, Patient
from intake.domain.booking import (
    BookingConflict,
    BookingRefused,
    BookingRequest,
    CancelOutcome,
    SecondEvaluation,
    SlotOffer,
    SlotRequest,
    Visit,
    booked_evaluation,
)
from intake.domain.enums import AppointmentStatus, CancelledBy
from intake.domain.errors import Contention, Invalid, NotFound, StaleRecord
from intake.domain.permissions import Permission
from intake.domain.visit_rules import (
    is_late_cancellation,
    no_show_refusal,
    undo_no_show_refusal,
)
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said
from intake.scheduling import AppointmentType as TypeInput
from intake.scheduling import SlotQuery, find_slots
from intake.services import audit, ical_export, slot_finder, waitlist
from intake.services.actor import Actor
from intake.services.calendar_loader import ACTIVE, working_calendar
from intake.services.calendar_statics import (
    CalendarStatics,
    VisitKind,
    calendar_statics,
    known_statics,
)
from intake.services.database import Database, retried
from intake.services.screening_gate import intake_allows_booking

ALTERNATIVES = 3
_TABLE = Appointment.__table__
_INSERTED = [c.key for c in _TABLE.columns if c.key != "id"]
# Every column a bound parameter (a statement inside a CTE cannot take them from the call).
_NEW_ROW = insert(_TABLE).values(
    {c.key: bindparam(c.key, type_=c.type) for c in _TABLE.columns if c.key != "id"}
)
# The same row, written only while the calendar set-up is at the revision it was judged on.
_NEW_ROW_AT_REVISION = insert(_TABLE).from_select(
    _INSERTED,
    select(*(bindparam(c.key, type_=c.type) for c in _TABLE.columns if c.key != "id")).where(
        select(CalendarRevision.revision).scalar_subquery() == bindparam("revision")
    ),
)
_BOOKED_FIELDS = ("therapist_id", "location_id", "starts_at", "type_id")


def _audited(new_row: Insert) -> Select[tuple[int]]:
    """The row and its "book" audit event in one statement (PostgreSQL: data-modifying
    CTEs), the new id returned; no audit event where no row was written. One round trip
    fewer for every booking: the statement every PC races on."""
    log = AuditEvent.__table__
    new = new_row.returning(_TABLE.c.id, _TABLE.c.patient_id).cte("booked")
    logged = (
        insert(log)
        .from_select(
            [
                "occurred_at",
                "user_id",
                "username",
                "workstation",
                "action",
                "entity",
                "entity_id",
                "patient_id",
                "fields",
            ],
            select(
                *(
                    bindparam(f"audit_{name}", type_=log.c[name].type)
                    for name in ("occurred_at", "user_id", "username", "workstation")
                ),
                literal("book", log.c.action.type),
                literal("appointment", log.c.entity.type),
                new.c.id,
                new.c.patient_id,
                literal(sorted(_BOOKED_FIELDS), log.c.fields.type),
            ).select_from(new),
            include_defaults=False,
        )
        .cte("logged")
    )
    return select(new.c.id).add_cte(logged)


_INSERT = _NEW_ROW.returning(_TABLE.c.id)
_INSERT_AT_REVISION = _NEW_ROW_AT_REVISION.returning(_TABLE.c.id)
_INSERT_AUDITED = _audited(_NEW_ROW)
_INSERT_AUDITED_AT_REVISION = _audited(_NEW_ROW_AT_REVISION)
_ZONE_MARGIN = dt.timedelta(days=2)  # wider than any zone's offset from UTC
_NEAR_DAYS, _WIDE_DAYS = 3, 14  # days searched for alternatives: near the wanted day, then wide


class Overlap(Exception):
    def __init__(self, who: str) -> None:
        super().__init__(who)
        self.who = who  # "therapist" or "patient"


def book(
    database: Database,
    actor: Actor,
    request: BookingRequest,
    *,
    now: dt.datetime | None = None,
    confirm_second_evaluation: bool = False,
    alternatives: bool = True,
) -> Visit:
    """Book the slot, or raise BookingConflict (taken) / BookingRefused (not allowed).

    An initial evaluation for a patient who already has one ahead raises SecondEvaluation
    (naming it) unless `confirm_second_evaluation` says the person booking was asked.
    A lost race's BookingConflict carries the nearest free slots unless `alternatives` is
    False: a caller that does not show them (a script booking a list of slots) spares the
    search, which costs more than the booking itself.
    """
    actor.require(Permission.BOOKING)
    at = now or dt.datetime.now(dt.UTC)
    try:
        return retried(
            lambda: _book(database, actor, request, at, second_ok=confirm_second_evaluation)
        )
    except Overlap as overlap:
        raise _conflict(database, request, overlap.who, at, alternatives) from None
    except Contention:  # undone each time by racing bookings: as good as a lost race
        raise _conflict(database, request, "therapist", at, alternatives) from None


def _book(
    database: Database,
    actor: Actor,
    request: BookingRequest,
    now: dt.datetime,
    *,
    second_ok: bool,
) -> Visit:
    # Most bookings write one row (with its audit event, one statement): that statement
    # alone is the unit of work. One from an intake locks it, one from the waitlist closes
    # the entry too: those need a transaction around their writes.
    alone = request.intake_id is None and request.waitlist_entry_id is None
    with database.writing_alone() if alone else database.writing() as session:
        # Judged on the set-up this PC last read, without a query; the insert itself
        # checks that it is still current. If it is not, or if that set-up says no, the
        # request is judged again on the set-up as it is now.
        cached = known_statics(session)
        statics = cached or calendar_statics(session)
        current = cached is None
        while True:
            try:
                kind = statics.active_kind(request.type_code)
                needs_review = _screening_gate(session, request, kind)
                require_bookable(statics, request, kind, now)
            except (Invalid, BookingRefused):
                if current:
                    raise
                statics, current = calendar_statics(session), True
                continue
            if kind.requires_screening and not second_ok:
                _refuse_second_evaluation(session, statics, request, kind, now)
            row = Appointment(
                patient_id=request.patient_id,
                therapist_id=request.therapist_id,
                location_id=request.location_id,
                type_id=kind.id,
                starts_at=request.start,
                ends_at=request.start + dt.timedelta(minutes=kind.minutes),
                blocks_until=request.start
                + dt.timedelta(minutes=kind.minutes + kind.buffer_minutes),
                status=AppointmentStatus.BOOKED.value,
                intake_id=request.intake_id,
                needs_review=needs_review,
                booked_by=actor.user_id,
                booked_at=now,
                cancel_reason="",
                late_cancellation=False,
                version=1,
            )
            # One plain INSERT rather than the unit of work: the row is new and not
            # changed again here, and this is the statement every PC races on. An
            # unknown patient is refused by the foreign key, not by a read beforehand.
            # Written alone, the insert is guarded by the revision even just after reading
            # it: the reading and the writing are not one transaction.
            guard = None if current and not alone else statics.revision
            new_id = insert_guarded(session, row, guard, audit_as=actor)
            if new_id is not None:
                row.id = new_id
                break
            # Read in this transaction now: as current as a check can be.
            statics, current = calendar_statics(session), True
        if request.waitlist_entry_id is not None:
            waitlist.close_as_booked(session, actor, request.waitlist_entry_id, request.patient_id)
        return visit_from(statics, row)


def reschedule(
    database: Database,
    actor: Actor,
    appointment_id: int,
    version: int,
    *,
    therapist_id: int,
    location_id: int,
    start: dt.datetime,
    now: dt.datetime | None = None,
) -> Visit:
    """Move a visit. Atomic: the old time is given up only if the new one is booked."""
    actor.require(Permission.BOOKING)
    now = now or dt.datetime.now(dt.UTC)
    asked: list[BookingRequest] = []  # the new time, as a booking request (for alternatives)

    def move() -> Visit:
        with database.writing() as session:
            row = claim(session, appointment_id, version)
            if row.status != AppointmentStatus.BOOKED.value:
                raise BookingRefused(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Booking", "Only a booked visit can be moved; this one is {status}."
                        ),
                        status=_words(row),
                    )
                )
            statics = calendar_statics(session)
            # The visit keeps its own length and buffer, even if its type's changed since.
            length, held = row.ends_at - row.starts_at, row.blocks_until - row.starts_at
            kind = replace(
                statics.kind_by_id(row.type_id),
                minutes=int(length.total_seconds() // 60),
                buffer_minutes=int((held - length).total_seconds() // 60),
            )
            request = BookingRequest(
                row.patient_id, therapist_id, location_id, start, kind.code, row.intake_id
            )
            asked.append(request)
            _screening_gate(session, request, kind)  # the intake must still allow booking
            require_bookable(statics, request, kind, now)
            row.therapist_id, row.location_id = therapist_id, location_id
            row.starts_at, row.ends_at, row.blocks_until = start, start + length, start + held
            _flush_guarded(session)
            audit.record(
                session,
                actor,
                "reschedule",
                "appointment",
                row.id,
                patient_id=row.patient_id,
                fields=("therapist_id", "location_id", "starts_at", "ends_at"),
            )
            return visit_of(session, row)

    try:
        return retried(move)
    except Overlap as overlap:
        raise _conflict(database, asked[-1], overlap.who, now) from None
    except Contention:
        if not asked:
            raise
        raise _conflict(database, asked[-1], "therapist", now) from None


def cancel(
    database: Database,
    actor: Actor,
    appointment_id: int,
    version: int,
    reason: str,
    *,
    by: CancelledBy,
    now: dt.datetime | None = None,
) -> CancelOutcome:
    """Cancel with a reason, saying who cancelled: a patient's cancellation under 24 hours
    before the start is marked late, the clinic's never is.

    Returns the freed slot and the waitlist entries it suits, most urgent first.
    """
    actor.require(Permission.BOOKING)
    now = now or dt.datetime.now(dt.UTC)
    if not reason.strip():
        raise Invalid(
            {"reason": said(QT_TRANSLATE_NOOP("Booking", "Say why the visit is cancelled."))}
        )
    with database.writing() as session:
        row = claim(session, appointment_id, version)
        if row.status not in (AppointmentStatus.BOOKED.value, AppointmentStatus.CHECKED_IN.value):
            raise BookingRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Booking", "This visit is already {status}; it cannot be cancelled."
                    ),
                    status=_words(row),
                )
            )
        row.status = AppointmentStatus.CANCELLED.value
        row.cancel_reason = reason.strip()
        row.cancelled_at = now
        row.cancelled_by = by.value
        row.late_cancellation = is_late_cancellation(row.starts_at, now, by)
        _flush_guarded(session)
        audit.record(
            session,
            actor,
            "cancel",
            "appointment",
            row.id,
            patient_id=row.patient_id,
            fields=("status", "cancel_reason", "cancelled_by", "late_cancellation"),
        )
        visit = visit_of(session, row)
    with database.reading() as session:
        matches = waitlist.matches_for_freed(session, visit, now)
    freed = SlotOffer(
        visit.therapist_id,
        visit.therapist_name,
        visit.location_id,
        visit.location_code,
        visit.location_name,
        visit.location_address,
        visit.timezone,
        visit.type_code,
        visit.start,
        visit.end,
        visit.local_start,
    )
    return CancelOutcome(visit, freed, tuple(matches))


# From which statuses each one is reached, and the refusal from any other (a whole sentence
# each: the status words alone do not make a sentence in every language).
_NEXT_STATUS = {
    AppointmentStatus.CHECKED_IN: (
        {AppointmentStatus.BOOKED},
        QT_TRANSLATE_NOOP("Booking", "A visit that is {status} cannot be checked in."),
    ),
    AppointmentStatus.COMPLETED: (
        {AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN},
        QT_TRANSLATE_NOOP("Booking", "A visit that is {status} cannot be completed."),
    ),
    AppointmentStatus.NO_SHOW: (
        {AppointmentStatus.BOOKED},
        QT_TRANSLATE_NOOP("Booking", "A visit that is {status} cannot be marked as a no-show."),
    ),
}


def check_in(database: Database, actor: Actor, appointment_id: int, version: int) -> Visit:
    return _move_status(database, actor, appointment_id, version, AppointmentStatus.CHECKED_IN)


def complete(database: Database, actor: Actor, appointment_id: int, version: int) -> Visit:
    return _move_status(database, actor, appointment_id, version, AppointmentStatus.COMPLETED)


def no_show(
    database: Database,
    actor: Actor,
    appointment_id: int,
    version: int,
    *,
    now: dt.datetime | None = None,
) -> Visit:
    """Mark a visit as a no-show: only from its start time (visit_rules.no_show_refusal)."""
    at = now or dt.datetime.now(dt.UTC)

    def not_before_start(row: Appointment, statics: CalendarStatics) -> None:
        timezone = statics.places[row.location_id].timezone
        if (why := no_show_refusal(row.starts_at, at, timezone)) is not None:
            raise BookingRefused(why)

    return _move_status(
        database, actor, appointment_id, version, AppointmentStatus.NO_SHOW, not_before_start
    )


def undo_no_show(
    database: Database,
    actor: Actor,
    appointment_id: int,
    version: int,
    *,
    now: dt.datetime | None = None,
) -> Visit:
    """Book a no-show visit again (the patient came late, or the wrong visit was marked):
    the same day only (visit_rules.undo_no_show_refusal), and only while its time is still
    free; a walk-in booked into it since keeps it (the database refuses the overlap)."""
    actor.require(Permission.BOOKING)
    at = now or dt.datetime.now(dt.UTC)
    with database.writing() as session:
        row = claim(session, appointment_id, version)
        if row.status != AppointmentStatus.NO_SHOW.value:
            raise BookingRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Booking", "Only a no-show can be undone; this visit is {status}."
                    ),
                    status=_words(row),
                )
            )
        statics = calendar_statics(session)
        why = undo_no_show_refusal(row.starts_at, at, statics.places[row.location_id].timezone)
        if why is not None:
            raise BookingRefused(why)
        row.status = AppointmentStatus.BOOKED.value
        try:
            _flush_guarded(session)
        except Overlap as overlap:
            taken = (
                QT_TRANSLATE_NOOP(
                    "Booking",
                    "The patient has another visit at that time now; the no-show stays. "
                    "Book a new time instead.",
                )
                if overlap.who == "patient"
                else QT_TRANSLATE_NOOP(
                    "Booking",
                    "That time has been booked for another visit since; the no-show stays. "
                    "Book a new time instead.",
                )
            )
            raise BookingRefused(said(taken)) from None
        audit.record(
            session,
            actor,
            "undo_no_show",
            "appointment",
            row.id,
            patient_id=row.patient_id,
            fields=("status",),
        )
        return visit_from(statics, row)


def get_visit(database: Database, actor: Actor, appointment_id: int) -> Visit:
    actor.require(Permission.SCHEDULE)
    with database.writing() as session:  # opening a patient's visit is audited
        row = session.get(Appointment, appointment_id)
        if row is None:
            raise NotFound(_no_appointment(appointment_id))
        audit.record(session, actor, "open", "appointment", row.id, patient_id=row.patient_id)
        return visit_of(session, row)


def patient_language(database: Database, actor: Actor, patient_id: int) -> str:
    """The language a patient's papers are written in (their confirmation, calendar file,
    course list): "es" for a patient who prefers Spanish, else "en" (issue #20 point 4).
    Only the language is read, so it is not an opened record (not audited)."""
    actor.require(Permission.SCHEDULE)
    with database.reading() as session:
        preferred = session.execute(
            select(Patient.preferred_language).where(Patient.id == patient_id)
        ).scalar_one_or_none()
    if preferred is None:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP(
                    "Booking", "There is no patient with id {number}; they may be merged."
                ),
                number=patient_id,
            )
        )
    return ical_export.patient_language(preferred)


def _move_status(
    database: Database,
    actor: Actor,
    appointment_id: int,
    version: int,
    to: AppointmentStatus,
    check: Callable[[Appointment, CalendarStatics], None] | None = None,
) -> Visit:
    actor.require(Permission.BOOKING)
    allowed_from, refusal = _NEXT_STATUS[to]
    with database.writing() as session:
        row = claim(session, appointment_id, version)
        if AppointmentStatus(row.status) not in allowed_from:
            raise BookingRefused(said(refusal, status=_words(row)))
        if check is not None:
            check(row, calendar_statics(session))
        row.status = to.value
        _flush_guarded(session)
        audit.record(
            session,
            actor,
            to.value,
            "appointment",
            row.id,
            patient_id=row.patient_id,
            fields=("status",),
        )
        return visit_of(session, row)


def _words(row: Appointment) -> Message:
    return AppointmentStatus(row.status).words


def _no_appointment(appointment_id: int) -> Message:
    return said(
        QT_TRANSLATE_NOOP(
            "Booking", "There is no appointment with id {number}; it may be deleted."
        ),
        number=appointment_id,
    )


def claim(session: Session, appointment_id: int, version: int) -> Appointment:
    row = session.get(Appointment, appointment_id)
    if row is None:
        raise NotFound(_no_appointment(appointment_id))
    if row.version != version:
        raise StaleRecord(
            said(
                QT_TRANSLATE_NOOP(
                    "Booking",
                    "Someone else changed this visit a moment ago; it is shown again as it is now.",
                )
            )
        )
    return row


def _refuse_second_evaluation(
    session: Session,
    statics: CalendarStatics,
    request: BookingRequest,
    kind: VisitKind,
    now: dt.datetime,
) -> None:
    """Raise SecondEvaluation if the patient has an initial evaluation ahead already.

    The initial evaluation is the type that needs a screened intake (`requires_screening`:
    EVAL60 in the demo); no other flag marks it. Read in the booking's own transaction.
    One at the very time asked for is left to the database's overlap refusal, which offers
    other times: asking "book another?" first would only lead to that refusal.
    """
    evaluations = {k.id: k.code for k in statics.kinds.values() if k.requires_screening}
    end = request.start + dt.timedelta(minutes=kind.minutes)
    rows = session.scalars(
        select(Appointment).where(
            Appointment.patient_id == request.patient_id,
            Appointment.type_id.in_(evaluations),
            Appointment.status.in_(ACTIVE),
            Appointment.starts_at >= now - _ZONE_MARGIN,  # "today" is the location's day
        )
    ).all()
    existing = booked_evaluation(
        (
            visit_from(statics, row)
            for row in rows
            if not (row.starts_at < end and request.start < row.ends_at)
        ),
        evaluations.values(),
        now,
    )
    if existing is not None:
        raise SecondEvaluation(existing)


def _screening_gate(session: Session, request: BookingRequest, kind: VisitKind) -> bool:
    """Refuse what the screening forbids; True when a therapist must review first."""
    if request.intake_id is None:
        if kind.requires_screening:
            raise BookingRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Booking",
                        "{type} is booked from the patient's screened intake; take the intake "
                        "first.",
                    ),
                    type=kind.name,
                )
            )
        return False
    # Locked until the booking commits: nobody can change the answers under us (PostgreSQL;
    # SQLite's write transactions are serialised anyway).
    intake = session.get(Intake, request.intake_id, with_for_update=True)
    if intake is None:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP("Booking", "There is no intake with id {number}."),
                number=request.intake_id,
            )
        )
    if intake.patient_id != request.patient_id:
        raise Invalid(
            {
                "intake": said(
                    QT_TRANSLATE_NOOP("Booking", "That intake belongs to another patient.")
                )
            }
        )
    return intake_allows_booking(intake)


def require_bookable(
    statics: CalendarStatics,
    request: BookingRequest,
    kind: VisitKind,
    now: dt.datetime,
) -> None:
    """The slot must lie in the therapist's working time (templates, opening hours, closures,
    time off, the quarter-hour grid), judged on the cached set-up without a query.

    Other appointments are deliberately not read here: whether the time is still free is
    the database's to decide when the row is written (exclusion constraint / trigger, buffers
    included), which is the only answer that holds when two PCs book at once.
    """
    location = statics.places.get(request.location_id)
    therapist = statics.staff.get(request.therapist_id)
    if location is None or not location.active:
        raise Invalid(
            {
                "location": said(
                    QT_TRANSLATE_NOOP("Booking", "There is no location with id {number}."),
                    number=request.location_id,
                )
            }
        )
    if therapist is None or not therapist.active:
        raise Invalid(
            {
                "therapist": said(
                    QT_TRANSLATE_NOOP("Booking", "There is no therapist with id {number}."),
                    number=request.therapist_id,
                )
            }
        )
    if request.start.tzinfo is None:
        raise Invalid(
            {"start": said(QT_TRANSLATE_NOOP("Booking", "The start time has no time zone."))}
        )
    if request.start < now:
        raise BookingRefused(said(QT_TRANSLATE_NOOP("Booking", "That time has already passed.")))
    local = request.start.astimezone(ZoneInfo(location.timezone))
    if _offered(statics, request, kind, local.date()):
        return
    raise BookingRefused(
        said(
            QT_TRANSLATE_NOOP(
                "Booking",
                "{therapist} does not work at {location} at {start:%A %d %B %H:%M} for a "
                "{minutes}-minute visit (outside their hours, the opening hours, a closure or "
                "time off).",
            ),
            therapist=therapist.display_name,
            location=location.name,
            start=local,
            minutes=kind.minutes,
        )
    )


def _offered(
    statics: CalendarStatics, request: BookingRequest, kind: VisitKind, day: dt.date
) -> bool:
    inputs = working_calendar(statics, day, day, {request.location_id}, request.therapist_id)
    query = SlotQuery(
        appointment_type=TypeInput(kind.code, kind.minutes, kind.buffer_minutes),
        first_day=day,
        last_day=day,
        location_ids=frozenset({request.location_id}),
        therapist_id=request.therapist_id,
        earliest=request.start,
        limit=None,
    )
    for slot in find_slots(inputs, query):
        if slot.start == request.start:
            return True
        if slot.start > request.start:
            return False
    return False


def insert_guarded(
    session: Session, row: Appointment, revision: int | None, *, audit_as: Actor | None = None
) -> int | None:
    """Insert a new visit (not added to the session) and return its id; with `revision`,
    only if the calendar set-up is still at it (None if it moved on: nothing written).
    With `audit_as`, its "book" audit event is written too (on PostgreSQL by the same
    statement).

    Its therapist, location and type were checked already, so a foreign-key refusal means
    the patient does not exist; an overlap refusal becomes Overlap.
    """
    values: dict[str, object] = {name: getattr(row, name) for name in _INSERTED}
    connection = session.connection()
    together = audit_as is not None and connection.dialect.name == "postgresql"
    if together and audit_as is not None:
        values.update(
            audit_occurred_at=dt.datetime.now(dt.UTC),  # the database's clock replaces it
            audit_user_id=audit_as.user_id,
            audit_username=audit_as.username,
            audit_workstation=audit_as.workstation,
        )
    if revision is not None:
        values["revision"] = revision
    statement = (
        (_INSERT_AUDITED if together else _INSERT)
        if revision is None
        else (_INSERT_AUDITED_AT_REVISION if together else _INSERT_AT_REVISION)
    )
    try:
        result = connection.execute(statement, values)
        new_id = result.scalar_one() if revision is None else result.scalar_one_or_none()
    except IntegrityError as exc:
        _raise_overlap(exc)
        if "merged into another" in str(exc.orig).lower():  # migration 0010's guard
            raise BookingRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Booking",
                        "This patient's record was merged into another record a moment ago; "
                        "search for the patient again and book on the record shown.",
                    )
                )
            ) from None
        if "foreign key" in str(exc.orig).lower():
            raise NotFound(
                said(
                    QT_TRANSLATE_NOOP("Booking", "There is no patient with id {number}."),
                    number=row.patient_id,
                )
            ) from None
        raise
    if new_id is not None and audit_as is not None and not together:
        audit.record(
            session,
            audit_as,
            "book",
            "appointment",
            new_id,
            patient_id=row.patient_id,
            fields=_BOOKED_FIELDS,
        )
    return new_id


def _flush_guarded(session: Session) -> None:
    """Write now, turning the database's no-overlap refusal into Overlap."""
    try:
        session.flush()
    except StaleDataError:
        raise StaleRecord(
            said(
                QT_TRANSLATE_NOOP(
                    "Booking", "Someone else changed this visit a moment ago; nothing was saved."
                )
            )
        ) from None
    except IntegrityError as exc:
        _raise_overlap(exc)
        raise


def _raise_overlap(exc: IntegrityError) -> None:
    text = str(exc.orig).lower()
    if "overlap" in text:
        raise Overlap("patient" if "patient" in text else "therapist") from None


def _conflict(
    database: Database,
    request: BookingRequest,
    who: str,
    now: dt.datetime,
    alternatives: bool = True,
) -> BookingConflict:
    if who == "patient":
        message = QT_TRANSLATE_NOOP(
            "Booking", "The patient already has an appointment at that time."
        )
    else:
        message = QT_TRANSLATE_NOOP("Booking", "That time was just taken by another booking.")
    if not alternatives:
        return BookingConflict(said(message))
    return BookingConflict(said(message), _alternatives(database, request, now))


def _alternatives(database: Database, request: BookingRequest, now: dt.datetime) -> list[SlotOffer]:
    """The nearest free slots to a request that was just lost."""
    with database.reading() as session:
        # The set-up as last read (the booking just read it): alternatives are offers, and
        # the one the patient takes is judged again on the set-up as it is then.
        statics = known_statics(session) or calendar_statics(session)
        location = statics.places.get(request.location_id)
        tz = ZoneInfo(location.timezone) if location else dt.UTC
        day = request.start.astimezone(tz).date()
        first_day = max(day - dt.timedelta(days=1), now.astimezone(tz).date())
        here = (location.code,) if location else ()
        busy = _patient_visits(session, request.patient_id, first_day, _WIDE_DAYS)

        def stage(days: int, codes: tuple[str, ...], therapist: int | None) -> SlotRequest:
            return SlotRequest(
                first_day=first_day,
                days=days,
                type_code=request.type_code,
                location_codes=codes,
                therapist_id=therapist,
                earliest=now,
            )

        # Closest to what the caller asked for first: the same therapist at the same location
        # around the wanted day; then anyone there; then every location, further out.
        alternatives = slot_finder.nearest(
            session,
            (
                stage(_NEAR_DAYS, here, request.therapist_id),
                stage(_NEAR_DAYS, here, None),
                stage(_WIDE_DAYS, (), None),
            ),
            request.start,
            ALTERNATIVES,
            keep=lambda o: not any(s < o.end and o.start < e for s, e in busy),
            statics=statics,
        )
    return alternatives


def _patient_visits(
    session: Session, patient_id: int, first_day: dt.date, days: int
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The patient's active visits around the days searched (a day's margin for zones)."""
    start = dt.datetime.combine(first_day, dt.time(), dt.UTC) - dt.timedelta(days=1)
    end = start + dt.timedelta(days=days + 2)
    rows = session.connection().execute(
        _PATIENT_VISITS, {"patient": patient_id, "start": start, "end": end}
    )
    return [(s, e) for s, e in rows.all()]


# Built once (see calendar_loader): it runs for every lost race.
_PATIENT_VISITS = select(Appointment.starts_at, Appointment.ends_at).where(
    Appointment.patient_id == bindparam("patient"),
    Appointment.status.in_(ACTIVE),
    Appointment.starts_at < bindparam("end"),
    Appointment.ends_at > bindparam("start"),
)


def visit_of(session: Session, row: Appointment) -> Visit:
    return visit_from(calendar_statics(session), row)


def visit_from(statics: CalendarStatics, row: Appointment) -> Visit:
    location = statics.places[row.location_id]
    kind = statics.kind_by_id(row.type_id)
    return Visit(
        id=row.id,
        version=row.version,
        patient_id=row.patient_id,
        therapist_id=row.therapist_id,
        therapist_name=statics.staff[row.therapist_id].display_name,
        location_id=row.location_id,
        location_code=location.code,
        location_name=location.name,
        location_address=location.address,
        timezone=location.timezone,
        type_code=kind.code,
        type_name=kind.name,
        start=row.starts_at,
        end=row.ends_at,
        status=AppointmentStatus(row.status),
        needs_review=row.needs_review,
        intake_id=row.intake_id,
        late_cancellation=row.late_cancellation,
        cancel_reason=row.cancel_reason,
        cancelled_by=CancelledBy(row.cancelled_by) if row.cancelled_by else None,
        series_id=row.series_id,
        series_number=row.series_number,
    )
