"""The waitlist: patients who want an earlier or a particular slot, most urgent first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.db.models import AppointmentType, Intake, Patient, WaitlistEntry
from intake.domain.booking import (
    BookingRefused,
    SlotOffer,
    SlotRequest,
    Visit,
    WaitlistEntryInfo,
    WaitlistLine,
    WaitlistPreferences,
)
from intake.domain.enums import WaitlistStatus
from intake.domain.errors import Invalid, NotFound, StaleRecord
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said
from intake.scheduling import part_of_day
from intake.services import audit, slot_finder
from intake.services.actor import Actor
from intake.services.calendar_statics import VisitKind, calendar_statics
from intake.services.database import Database
from intake.services.patients import patient_row
from intake.services.screening_gate import intake_allows_booking

# Priority: lower is more urgent. A patient a therapist must review comes before a clear one.
TRIAGE_PRIORITY = {"review": 10, "clear": 20, None: 30}
OPEN = (WaitlistStatus.WAITING.value, WaitlistStatus.OFFERED.value)
MAX_TEXT = 1000  # a note or a reason: a few sentences for the desk


def add(
    database: Database,
    actor: Actor,
    patient_id: int,
    preferences: WaitlistPreferences,
    *,
    type_code: str = "EVAL60",
    intake_id: int | None = None,
    earliest_date: dt.date | None = None,
    note: str = "",
) -> WaitlistEntryInfo:
    actor.require(Permission.BOOKING)
    _check(preferences, note)
    with database.writing() as session:
        return add_in(
            session,
            actor,
            patient_id,
            preferences,
            type_code=type_code,
            intake_id=intake_id,
            earliest_date=earliest_date,
            note=note,
        )


def add_in(
    session: Session,
    actor: Actor,
    patient_id: int,
    preferences: WaitlistPreferences,
    *,
    type_code: str,
    intake_id: int | None = None,
    earliest_date: dt.date | None = None,
    note: str = "",
) -> WaitlistEntryInfo:
    """`add` inside a unit of work already open (a course's missing visits go on the
    waitlist in the same transaction that books the rest)."""
    _check(preferences, note)
    patient_row(session, patient_id)
    kind = calendar_statics(session).active_kind(type_code)
    triage = _triage(session, patient_id, intake_id, kind)
    row = WaitlistEntry(
        patient_id=patient_id,
        intake_id=intake_id,
        type_id=kind.id,
        preferences=preferences.to_json(),
        earliest_date=earliest_date,
        priority=TRIAGE_PRIORITY[triage],
        note=note.strip(),
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "waitlist_entry",
        row.id,
        patient_id=patient_id,
        fields=("preferences", "earliest_date", "type_id", "note"),
    )
    return _info(session, row)


def waiting(database: Database, actor: Actor) -> list[WaitlistEntryInfo]:
    """Every open entry, most urgent first, then longest waiting."""
    actor.require(Permission.BOOKING)
    with database.reading() as session:
        return [_info(session, row) for row in _open_entries(session)]


def listed(
    database: Database, actor: Actor, *, patient_id: int | None = None
) -> list[WaitlistLine]:
    """Open entries with who waits, most urgent first; for one patient, every entry of
    theirs (booked and removed ones too, newest first: the patient record shows them)."""
    actor.require(Permission.BOOKING)
    with database.reading() as session:
        if patient_id is None:
            rows = _open_entries(session)
        else:
            rows = list(
                session.scalars(
                    select(WaitlistEntry)
                    .where(WaitlistEntry.patient_id == patient_id)
                    .order_by(WaitlistEntry.created_at.desc(), WaitlistEntry.id.desc())
                )
            )
        people = {
            pid: (f"{family}, {given}", mrn)
            for pid, family, given, mrn in session.execute(
                select(Patient.id, Patient.family_name, Patient.given_name, Patient.mrn).where(
                    Patient.id.in_({row.patient_id for row in rows})
                )
            )
        }
        return [
            WaitlistLine(_info(session, row), *people.get(row.patient_id, ("", ""))) for row in rows
        ]


def prospect(
    database: Database,
    actor: Actor,
    patient_id: int,
    intake_id: int | None,
    *,
    type_code: str = "EVAL60",
) -> WaitlistLine:
    """What an entry would be before it is added: who waits and the triage it waits with
    (None: no screening); refused as `add` refuses (a patient who may not be booked may not
    wait for a slot either). Its entry is a draft: id 0, nothing stored."""
    actor.require(Permission.BOOKING)
    with database.reading() as session:
        patient = patient_row(session, patient_id)
        kind = calendar_statics(session).active_kind(type_code)
        triage = _triage(session, patient_id, intake_id, kind)
        draft = WaitlistEntryInfo(
            id=0,
            version=0,
            patient_id=patient_id,
            intake_id=intake_id,
            type_code=kind.code,
            preferences=WaitlistPreferences(),
            earliest_date=None,
            priority=TRIAGE_PRIORITY[triage],
            triage=triage,
            status=WaitlistStatus.WAITING,
            note="",
            created_at=dt.datetime.now(dt.UTC),
        )
        return WaitlistLine(draft, f"{patient.family_name}, {patient.given_name}", patient.mrn)


def update(
    database: Database,
    actor: Actor,
    entry_id: int,
    version: int,
    preferences: WaitlistPreferences,
    *,
    earliest_date: dt.date | None = None,
    note: str = "",
) -> WaitlistEntryInfo:
    """Change what the patient waits for; the urgency stays the triage's."""
    actor.require(Permission.BOOKING)
    _check(preferences, note)
    with database.writing() as session:
        row = _open_row(session, entry_id, version)
        changed = [
            name
            for name, old, new in (
                ("preferences", WaitlistPreferences.from_json(row.preferences), preferences),
                ("earliest_date", row.earliest_date, earliest_date),
                ("note", row.note, note.strip()),
            )
            if old != new
        ]
        row.preferences = preferences.to_json()
        row.earliest_date = earliest_date
        row.note = note.strip()
        return _changed(session, actor, row, changed)


def offer(database: Database, actor: Actor, entry_id: int, version: int) -> WaitlistEntryInfo:
    """Mark that the patient was offered a slot (they stay on the list until booked)."""
    return _set_status(database, actor, entry_id, version, WaitlistStatus.OFFERED)


def remove(
    database: Database, actor: Actor, entry_id: int, version: int, reason: str
) -> WaitlistEntryInfo:
    """Take the entry off the list, saying why (kept on the entry; audited)."""
    if not reason.strip():
        raise Invalid(
            {
                "reason": said(
                    QT_TRANSLATE_NOOP("WaitlistEntries", "Say why the patient leaves the waitlist.")
                )
            }
        )
    if len(reason.strip()) > MAX_TEXT:
        raise Invalid(
            {
                "reason": said(
                    QT_TRANSLATE_NOOP(
                        "WaitlistEntries", "Keep the reason under {limit} characters."
                    ),
                    limit=MAX_TEXT,
                )
            }
        )
    return _set_status(
        database, actor, entry_id, version, WaitlistStatus.REMOVED, reason=reason.strip()
    )


def matches_for_freed(session: Session, visit: Visit, now: dt.datetime) -> list[WaitlistEntryInfo]:
    """Open entries a freed visit's time could serve, most urgent first then longest waiting.

    For each appointment type wanted on the list, the freed time must hold a real slot of
    that type now (a 45-minute gap cannot take a 60-minute evaluation).
    """
    entries = list(_open_entries(session))
    if not entries:
        return []
    day = visit.local_start.date()
    slots_by_type: dict[int | None, SlotOffer | None] = {}
    matched = []
    for row in entries:
        if row.earliest_date is not None and row.earliest_date > day:
            continue
        if row.type_id not in slots_by_type:
            slots_by_type[row.type_id] = _slot_in(session, visit, row.type_id, now)
        slot = slots_by_type[row.type_id]
        if slot is not None and _accepts(WaitlistPreferences.from_json(row.preferences), slot):
            matched.append(_info(session, row))
    return matched


def close_as_booked(session: Session, actor: Actor, entry_id: int, patient_id: int) -> None:
    """Inside a booking's transaction: the entry is done."""
    row = session.get(WaitlistEntry, entry_id)
    if row is None or row.patient_id != patient_id:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP(
                    "WaitlistEntries", "There is no waitlist entry {number} for this patient."
                ),
                number=entry_id,
            )
        )
    if row.status not in OPEN:
        raise BookingRefused(_already(row))
    row.status = WaitlistStatus.BOOKED.value
    _audit_update(session, actor, row, ("status",))


def _slot_in(
    session: Session, visit: Visit, type_id: int | None, now: dt.datetime
) -> SlotOffer | None:
    kind = session.get(AppointmentType, type_id) if type_id is not None else None
    code = kind.code if kind is not None else visit.type_code
    day = visit.local_start.date()
    request = SlotRequest(
        first_day=day,
        days=1,
        type_code=code,
        location_codes=(visit.location_code,),
        therapist_id=visit.therapist_id,
        earliest=max(now, visit.start - dt.timedelta(hours=1)),
        limit=50,
    )
    offers = slot_finder.find_in(session, request)
    # A slot that overlaps the freed time: that is what the cancellation opened up.
    return next((o for o in offers if o.start < visit.end and visit.start < o.end), None)


def _accepts(preferences: WaitlistPreferences, offer: SlotOffer) -> bool:
    local = offer.local_start
    return (
        (not preferences.location_ids or offer.location_id in preferences.location_ids)
        and (not preferences.weekdays or local.weekday() in preferences.weekdays)
        and (not preferences.parts_of_day or part_of_day(local.time()) in preferences.parts_of_day)
        and (preferences.therapist_id is None or offer.therapist_id == preferences.therapist_id)
    )


def _open_entries(session: Session) -> list[WaitlistEntry]:
    return list(
        session.scalars(
            select(WaitlistEntry)
            .where(WaitlistEntry.status.in_(OPEN))
            .order_by(WaitlistEntry.priority, WaitlistEntry.created_at, WaitlistEntry.id)
        )
    )


def _audit_update(
    session: Session, actor: Actor, row: WaitlistEntry, fields: Sequence[str]
) -> None:
    """The trail says which fields of the entry changed, never their values."""
    audit.record(
        session, actor, "update", "waitlist_entry", row.id, patient_id=row.patient_id, fields=fields
    )


def _changed(
    session: Session, actor: Actor, row: WaitlistEntry, fields: Sequence[str]
) -> WaitlistEntryInfo:
    session.flush()
    _audit_update(session, actor, row, fields)
    return _info(session, row)


def _triage(
    session: Session, patient_id: int, intake_id: int | None, kind: VisitKind
) -> str | None:
    """The intake's triage; a patient who may not be booked may not wait for a slot either."""
    if intake_id is None:
        if kind.requires_screening:
            raise BookingRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "WaitlistEntries", "{type} needs the patient's screened intake first."
                    ),
                    type=kind.name,
                )
            )
        return None
    intake = session.get(Intake, intake_id)
    if intake is None or intake.patient_id != patient_id:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP(
                    "WaitlistEntries", "There is no intake {number} for this patient."
                ),
                number=intake_id,
            )
        )
    intake_allows_booking(intake)
    return intake.triage


def _check(preferences: WaitlistPreferences, note: str) -> None:
    problems = {}
    if bad := [d for d in preferences.weekdays if not 0 <= d <= 6]:
        problems["weekdays"] = said(
            QT_TRANSLATE_NOOP(
                "WaitlistEntries", "Weekdays are 0 (Monday) to 6 (Sunday), not {bad}."
            ),
            bad=bad,
        )
    if len(note.strip()) > MAX_TEXT:
        problems["note"] = said(
            QT_TRANSLATE_NOOP("WaitlistEntries", "Keep the note under {limit} characters."),
            limit=MAX_TEXT,
        )
    if problems:
        raise Invalid(problems)


def _open_row(session: Session, entry_id: int, version: int) -> WaitlistEntry:
    row = session.get(WaitlistEntry, entry_id)
    if row is None:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP("WaitlistEntries", "There is no waitlist entry {number}."),
                number=entry_id,
            )
        )
    if row.version != version:
        raise StaleRecord(
            said(
                QT_TRANSLATE_NOOP(
                    "WaitlistEntries",
                    "Someone else changed this waitlist entry; it is shown as it is now.",
                )
            )
        )
    if row.status not in OPEN:
        raise BookingRefused(_already(row))
    return row


def _already(row: WaitlistEntry) -> Message:
    return said(
        QT_TRANSLATE_NOOP("WaitlistEntries", "That waitlist entry is already {status}."),
        status=WaitlistStatus(row.status).words,
    )


def _set_status(
    database: Database,
    actor: Actor,
    entry_id: int,
    version: int,
    status: WaitlistStatus,
    *,
    reason: str = "",
) -> WaitlistEntryInfo:
    actor.require(Permission.BOOKING)
    with database.writing() as session:
        row = _open_row(session, entry_id, version)
        row.status = status.value
        fields = ["status"]
        if reason:
            row.removed_reason = reason
            fields.append("removed_reason")
        return _changed(session, actor, row, fields)


def entry_info(session: Session, row: WaitlistEntry) -> WaitlistEntryInfo:
    """An entry as the screens see it (for services that read entries in their own work)."""
    return _info(session, row)


def _info(session: Session, row: WaitlistEntry) -> WaitlistEntryInfo:
    kind = session.get(AppointmentType, row.type_id) if row.type_id is not None else None
    triage = next((t for t, p in TRIAGE_PRIORITY.items() if p == row.priority), None)
    return WaitlistEntryInfo(
        id=row.id,
        version=row.version,
        patient_id=row.patient_id,
        intake_id=row.intake_id,
        type_code=kind.code if kind else None,
        preferences=WaitlistPreferences.from_json(row.preferences),
        earliest_date=row.earliest_date,
        priority=row.priority,
        triage=triage,
        status=WaitlistStatus(row.status),
        note=row.note,
        created_at=row.created_at,
        removed_reason=row.removed_reason,
    )
