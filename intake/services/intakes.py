"""Intakes: the screening answers of a patient, evaluated and stored with their result."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select

from intake import screening
from intake.db.models import Intake, Patient
from intake.domain.closing import check_discard_reason
from intake.domain.enums import ClosingReason, IntakeStatus
from intake.domain.errors import Invalid, NotFound, StaleRecord
from intake.domain.languages import QUESTION_LANGUAGES
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said
from intake.screening.closing import referral_closing
from intake.services import audit
from intake.services.actor import Actor
from intake.services.database import Database
from intake.services.db_errors import plain_errors
from intake.services.patients import patient_row

_STALE = said(
    QT_TRANSLATE_NOOP("Intakes", "Someone else changed this intake; reopen it to see the change.")
)


def _no_intake(intake_id: int) -> Message:
    return said(QT_TRANSLATE_NOOP("Intakes", "There is no intake with id {id}."), id=intake_id)


@dataclass(frozen=True)
class IntakeInfo:
    id: int
    version: int
    patient_id: int | None
    status: IntakeStatus
    answers: dict[str, Any]
    checklist_id: str
    checklist_version: str
    screening: screening.ScreeningResult | None
    closing_reason: ClosingReason | None = None  # set when it ended unfinished
    patient_language: str = "en"  # the language the questions were put to the patient in
    source: str = "desk"  # 'tablet': the patient filled it in; the desk checks each answer
    finished_at: dt.datetime | None = None  # the patient touched Finish on the tablet

    @property
    def triage(self) -> str | None:
        return self.screening.to_json()["triage"] if self.screening else None


@dataclass(frozen=True)
class UnfinishedIntake:
    """A draft intake someone started and did not submit, for the restart offer."""

    id: int
    version: int
    patient_id: int | None
    patient_label: str  # "Family, Given (MRN)" or "" while no patient is chosen
    answers: dict[str, Any]
    checklist_id: str
    checklist_version: str
    updated_at: dt.datetime
    triage: str | None = None  # the screening so far: emergency, refer, review, clear
    patient_language: str = "en"  # the questions' language: a continued draft keeps it
    source: str = "desk"  # 'tablet': filled in by the patient, for any desk to check
    finished_at: dt.datetime | None = None  # the patient touched Finish on the tablet


def save(
    database: Database,
    actor: Actor,
    answers: dict[str, Any],
    *,
    patient_id: int | None = None,
    intake_id: int | None = None,
    version: int | None = None,
    on: dt.date | None = None,
    submit: bool = False,
    language: str | None = None,
) -> IntakeInfo:
    """Store the answers and their screening result (a draft, or submitted when complete).

    `language`: the language the questions were put in (None keeps the stored one; English
    for a new intake). It never changes the screening: the answers are the same values.
    """
    actor.require(Permission.INTAKE)
    return _store(
        database, actor, answers, patient_id, intake_id, version, on, submit=submit,
        language=language,
    )  # fmt: skip


def _store(
    database: Database,
    actor: Actor,
    answers: dict[str, Any],
    patient_id: int | None,
    intake_id: int | None,
    version: int | None,
    on: dt.date | None,
    *,
    submit: bool = False,
    draft_only: bool = False,
    close: bool = False,
    language: str | None = None,
    source: str = "desk",
    location_id: int | None = None,
    finished: bool = False,
) -> IntakeInfo:
    _check_language(language)
    with database.writing() as session:
        if intake_id is None:
            checklist = screening.load_checklist(None)
            row = Intake(
                checklist_id=checklist.id,
                checklist_version=checklist.version,
                created_by=actor.user_id,
                source=source,
                location_id=location_id,  # a handover to one location's tablet
            )
            session.add(row)
        else:
            # Locked for the rest of the unit of work: a booking reading this intake at the
            # same moment waits for us, or we for it (see booking._screening_gate).
            found = session.get(Intake, intake_id, with_for_update=True)
            if found is None:
                raise NotFound(_no_intake(intake_id))
            if source == "tablet" and found.source != "tablet":  # the tablet: its own only
                raise NotFound(_no_intake(intake_id))
            if version is None or found.version != version:
                raise StaleRecord(_STALE)
            if found.status not in EDITABLE:
                # Once submitted, an intake is what booking and review relied on; it changes
                # only when a therapist returns it to the front desk.
                raise StaleRecord(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Intakes",
                            "This intake was already submitted; a therapist must return it "
                            "before it can be changed.",
                        )
                    )
                )
            if draft_only and found.status != IntakeStatus.DRAFT.value:
                raise StaleRecord(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Intakes", "This intake was already submitted; it is not a draft now."
                        )
                    )
                )
            row = found
            # An intake keeps the checklist version it was started with.
            checklist = screening.load_checklist(f"{row.checklist_id}-{row.checklist_version}")
        if errors := screening.validate_answers(checklist, answers, on=on or dt.date.today()):
            raise Invalid({e.question_id or "answers": e.message for e in errors})
        result = screening.evaluate(checklist, answers, on=on or dt.date.today())
        payload = result.to_json()
        changed = _changed_fields(row, answers)
        if patient_id is not None and patient_id != row.patient_id:
            if row.patient_id is not None:
                raise Invalid(
                    {
                        "patient": said(
                            QT_TRANSLATE_NOOP(
                                "Intakes", "This intake already belongs to another patient."
                            )
                        )
                    }
                )
            if source != "tablet" or session.get_bind().dialect.name != "postgresql":
                patient_row(session, patient_id)
            # else: the tablet's login may not read patients; the foreign key still refuses
            # an id that is no patient, and the id came from intake_identify_patient.
            row.patient_id = patient_id
            changed.add("patient_id")
        if language is not None and language != row.patient_language:
            row.patient_language = language
            changed.add("patient_language")
        row.answers = dict(answers)
        row.screening = payload
        row.screening_status = payload["status"]
        row.triage = payload["triage"]
        if finished and row.finished_at is None:  # the first Finish counts
            row.finished_at = dt.datetime.now(dt.UTC)
            changed.add("finished_at")
        if submit:
            if payload["status"] != "complete":
                raise Invalid(
                    {
                        "answers": said(
                            QT_TRANSLATE_NOOP("Intakes", "The screening is incomplete: {missing}"),
                            missing=", ".join(payload["missing"]),
                        )
                    }
                )
            row.status = IntakeStatus.SUBMITTED.value
            row.submitted_by = actor.user_id
            row.submitted_at = dt.datetime.now(dt.UTC)
        if close:
            _close_as_referral(row, result, actor)
        session.flush()
        if intake_id is None:
            audit.record(
                session,
                actor,
                "create",
                "intake",
                row.id,
                patient_id=row.patient_id,
                fields=changed,
            )
        elif changed and not (submit or close):
            audit.record(
                session,
                actor,
                "update",
                "intake",
                row.id,
                patient_id=row.patient_id,
                fields=changed,
            )
        if submit:
            audit.record(
                session,
                actor,
                "submit",
                "intake",
                row.id,
                patient_id=row.patient_id,
                fields=changed | {"status"},
            )
        if close:
            audit.record(
                session,
                actor,
                "close",
                "intake",
                row.id,
                patient_id=row.patient_id,
                fields=changed | {"status", "closing_reason", "closed_by", "closed_at"},
            )
        return _info(row)


def _close_as_referral(row: Intake, result: screening.ScreeningResult, actor: Actor) -> None:
    reason = referral_closing(result)
    if reason is None:
        raise Invalid(
            {
                "triage": said(
                    QT_TRANSLATE_NOOP(
                        "Intakes",
                        "Only an emergency or referral screening closes an intake as a "
                        "referral; finish the intake, or discard the draft with a reason.",
                    )
                )
            }
        )
    row.status = IntakeStatus.CLOSED.value
    row.closing_reason = reason.value
    row.closed_by = actor.user_id
    row.closed_at = dt.datetime.now(dt.UTC)


EDITABLE = (IntakeStatus.DRAFT.value, IntakeStatus.RETURNED.value)


def _check_language(language: str | None) -> None:
    if language is not None and language not in {lang.value for lang in QUESTION_LANGUAGES}:
        raise Invalid(
            {
                "patient_language": said(
                    QT_TRANSLATE_NOOP("Intakes", "The questions cannot be shown in that language.")
                )
            }
        )


def _changed_fields(row: Intake, answers: dict[str, Any]) -> set[str]:
    """The answer ids whose value differs from what is stored (names only, for the audit)."""
    before = row.answers or {}
    return {k for k in set(before) | set(answers) if before.get(k) != answers.get(k)}


def _info(row: Intake) -> IntakeInfo:
    return IntakeInfo(
        id=row.id,
        version=row.version,
        patient_id=row.patient_id,
        status=IntakeStatus(row.status),
        answers=dict(row.answers or {}),
        checklist_id=row.checklist_id,
        checklist_version=row.checklist_version,
        screening=screening.ScreeningResult.from_json(row.screening) if row.screening else None,
        closing_reason=ClosingReason(row.closing_reason) if row.closing_reason else None,
        patient_language=row.patient_language,
        source=row.source,
        finished_at=row.finished_at,
    )


def save_draft(
    database: Database,
    actor: Actor,
    answers: dict[str, Any],
    *,
    patient_id: int | None = None,
    intake_id: int | None = None,
    version: int | None = None,
    on: dt.date | None = None,
    language: str | None = None,
) -> IntakeInfo:
    """Keep a half-typed intake: create it, or update it if nobody changed it since `version`.

    A submitted intake is never overwritten by a draft. A lost connection raises
    DatabaseUnavailable (the caller keeps its local copy and tries again). `language` as
    for `save`.
    """
    actor.require(Permission.INTAKE)
    with _connection_errors():
        return _store(
            database, actor, answers, patient_id, intake_id, version, on, draft_only=True,
            language=language,
        )  # fmt: skip


def submit(
    database: Database,
    actor: Actor,
    intake_id: int,
    version: int,
    answers: dict[str, Any],
    *,
    patient_id: int | None = None,
    on: dt.date | None = None,
    language: str | None = None,
) -> IntakeInfo:
    """Store the final answers and mark the intake submitted (the screening must be complete)."""
    actor.require(Permission.INTAKE)
    with _connection_errors():
        return _store(
            database, actor, answers, patient_id, intake_id, version, on, submit=True,
            language=language,
        )  # fmt: skip


def close_as_referral(
    database: Database,
    actor: Actor,
    answers: dict[str, Any],
    *,
    intake_id: int | None = None,
    version: int | None = None,
    patient_id: int | None = None,
    on: dt.date | None = None,
    language: str | None = None,
) -> IntakeInfo:
    """End the intake here: the caller was sent to emergency care or to their physician.

    Stores the answers asked so far with their screening (incomplete is fine), and only when
    that screening is an emergency or a referral (screening.closing decides); the intake is
    then no draft any more, and the clinician on duty finds it in the review queue
    (review.open_referrals).
    """
    actor.require(Permission.INTAKE)
    with _connection_errors():
        return _store(
            database, actor, answers, patient_id, intake_id, version, on, close=True,
            language=language,
        )  # fmt: skip


def discard(
    database: Database, actor: Actor, intake_id: int, version: int, reason: str
) -> IntakeInfo:
    """Give up a draft nobody will finish, with the reason (kept with it, and audited)."""
    actor.require(Permission.INTAKE)
    if problems := check_discard_reason(reason):
        raise Invalid(problems)
    with _connection_errors(), database.writing() as session:
        row = session.get(Intake, intake_id, with_for_update=True)
        if row is None:
            raise NotFound(_no_intake(intake_id))
        if row.version != version:
            raise StaleRecord(_STALE)
        if row.status != IntakeStatus.DRAFT.value:
            raise StaleRecord(
                said(
                    QT_TRANSLATE_NOOP(
                        "Intakes", "This intake is not a draft any more; it was not discarded."
                    )
                )
            )
        row.status = IntakeStatus.DISCARDED.value
        row.closing_reason = ClosingReason.DISCARDED.value
        row.closing_note = reason.strip()
        row.closed_by = actor.user_id
        row.closed_at = dt.datetime.now(dt.UTC)
        session.flush()
        audit.record(
            session,
            actor,
            "discard",
            "intake",
            row.id,
            patient_id=row.patient_id,
            fields=("status", "closing_reason", "closing_note", "closed_by", "closed_at"),
        )
        return _info(row)


def get(database: Database, actor: Actor, intake_id: int) -> IntakeInfo:
    actor.require(Permission.INTAKE)
    with _connection_errors(), database.writing() as session:  # opening an intake is audited
        row = session.get(Intake, intake_id)
        if row is None:
            raise NotFound(_no_intake(intake_id))
        audit.record(session, actor, "open", "intake", row.id, patient_id=row.patient_id)
        return _info(row)


def list_unfinished(database: Database, actor: Actor, *, limit: int = 50) -> list[UnfinishedIntake]:
    """Drafts this person started and did not submit, and the patients' own from the
    tablet (any desk checks those), newest first (for the restart offer). A tablet draft
    without answers is a handover still waiting on the tablet: not offered."""
    actor.require(Permission.INTAKE)
    creator = (
        Intake.created_by.is_(None) if actor.user_id is None else Intake.created_by == actor.user_id
    )
    from_tablet = and_(Intake.source == "tablet", Intake.patient_id.is_not(None))
    creator = or_(and_(creator, Intake.source != "tablet"), from_tablet)
    query = (
        select(Intake, Patient)
        .outerjoin(Patient, Patient.id == Intake.patient_id)
        .where(Intake.status == IntakeStatus.DRAFT.value, creator)
        .order_by(Intake.updated_at.desc(), Intake.id.desc())
        .limit(limit)
    )
    with _connection_errors(), database.reading() as session:
        return [
            _unfinished(row, patient)
            for row, patient in session.execute(query)
            if row.source != "tablet" or row.answers
        ]


@dataclass(frozen=True)
class IntakeChoice:
    """One of a patient's intakes, offered when a visit that needs screening is booked."""

    id: int
    status: IntakeStatus
    triage: str | None  # emergency, refer, review, clear; None before screening
    updated_at: dt.datetime


_NOT_OFFERED = (IntakeStatus.DISCARDED.value, IntakeStatus.CLOSED.value)


def for_booking(database: Database, actor: Actor, patient_id: int) -> list[IntakeChoice]:
    """The patient's intakes a booking may name (not discarded or closed), newest first.

    Whether one lets the booking through is the booking service's screening gate to say.
    """
    actor.require(Permission.BOOKING)
    query = (
        select(Intake.id, Intake.status, Intake.triage, Intake.updated_at)
        .where(Intake.patient_id == patient_id, Intake.status.not_in(_NOT_OFFERED))
        .order_by(Intake.updated_at.desc(), Intake.id.desc())
    )
    with _connection_errors(), database.reading() as session:
        return [
            IntakeChoice(ident, IntakeStatus(status), triage, updated)
            for ident, status, triage, updated in session.execute(query)
        ]


def _unfinished(row: Intake, patient: Patient | None) -> UnfinishedIntake:
    label = f"{patient.family_name}, {patient.given_name} ({patient.mrn})" if patient else ""
    return UnfinishedIntake(
        id=row.id,
        version=row.version,
        patient_id=row.patient_id,
        patient_label=label,
        answers=dict(row.answers or {}),
        checklist_id=row.checklist_id,
        checklist_version=row.checklist_version,
        updated_at=row.updated_at,
        triage=row.triage,
        patient_language=row.patient_language,
        source=row.source,
        finished_at=row.finished_at,
    )


def _connection_errors() -> AbstractContextManager[None]:
    return plain_errors(
        stale=_STALE,
        unavailable=said(
            QT_TRANSLATE_NOOP(
                "Intakes",
                "The database cannot be reached right now; the intake is kept on this computer "
                "and saved again automatically.",
            )
        ),
    )
