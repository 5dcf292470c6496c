"""A therapist's review: the queue of upcoming evaluations, opening an intake, signing it off.

Each public function is one unit of work. Signing off names the versions the reviewer saw
(`ReviewKey`): if someone else signed the intake off, or the appointment was moved, cancelled
or deleted meanwhile, the sign-off is refused with StaleRecord and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake import screening
from intake.db.models import (
    Appointment,
    AppointmentType,
    AuditEvent,
    Intake,
    Location,
    Patient,
    StaffUser,
    Therapist,
)
from intake.domain.closing import REFERRALS
from intake.domain.enums import (
    ACTIVE_APPOINTMENT_STATUSES,
    AppointmentStatus,
    ClosingReason,
    IntakeStatus,
)
from intake.domain.errors import Invalid, NotFound, StaleRecord
from intake.domain.patient import age_on
from intake.domain.permissions import Permission, allows
from intake.domain.review import (
    AnswerGroup,
    AnswerLine,
    AppointmentSummary,
    ClosedReferral,
    Option,
    PatientSummary,
    QueueFilter,
    QueueOptions,
    QueueRow,
    ReturnedIntake,
    ReviewKey,
    SignOff,
    check_note,
    group_positives_first,
    queue_order,
)
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said
from intake.screening.interventions import InterventionAdvice, interventions_for
from intake.services import audit
from intake.services.actor import Actor
from intake.services.calendar_statics import calendar_statics
from intake.services.database import Database
from intake.services.db_errors import plain_errors

_UPCOMING = (AppointmentStatus.BOOKED.value, AppointmentStatus.CHECKED_IN.value)
_SIGNED_ELSEWHERE = said(
    QT_TRANSLATE_NOOP(
        "Review",
        "Someone else signed this intake off or changed it while you were reviewing it; nothing "
        "was overwritten. It is shown again as it is now; your note is kept.",
    )
)
_APPOINTMENT_GONE = said(
    QT_TRANSLATE_NOOP(
        "Review",
        "The appointment was cancelled or deleted while the review was open; nothing was "
        "signed. The intake is shown again without it; your note is kept.",
    )
)
_APPOINTMENT_CHANGED = said(
    QT_TRANSLATE_NOOP(
        "Review",
        "The appointment was changed (moved or edited) while the review was open; nothing was "
        "signed. It is shown again as it is now; your note is kept.",
    )
)
# The answer words the review makes (marked str: the screens show them through
# translate("ReviewAnswers", text); a choice label is the checklist's and passes unchanged).
_NO_RESULT = QT_TRANSLATE_NOOP("Review", "None shown: no screening result is stored.")
_ANSWERS = QT_TRANSLATE_NOOP("ReviewAnswers", "Answers")  # a section (unknown checklist)
_YES = QT_TRANSLATE_NOOP("ReviewAnswers", "Yes")
_NO = QT_TRANSLATE_NOOP("ReviewAnswers", "No")
_NONE = QT_TRANSLATE_NOOP("ReviewAnswers", "None")
_NOT_APPLICABLE = QT_TRANSLATE_NOOP("ReviewAnswers", "Not applicable")


def _no_intake(intake_id: int) -> Message:
    return said(
        QT_TRANSLATE_NOOP("Review", "There is no intake with id {id}; it may have been deleted."),
        id=intake_id,
    )


@dataclass(frozen=True)
class IntakeReview:
    """Everything the review screen and the PDF packet show, read in one unit of work."""

    key: ReviewKey
    patient: PatientSummary | None
    appointment: AppointmentSummary | None
    screening: screening.ScreeningResult | None
    checklist_title: str
    category_titles: dict[str, str]  # category id -> the checklist's title
    question_texts: dict[str, str]  # question id -> the checklist's wording
    answers: tuple[AnswerGroup, ...]  # sections with a positive answer first
    pain_regions: tuple[str, ...]  # the pain picture's ticked regions
    region_labels: dict[str, str]  # every region of the picture -> its label
    checklist_id: str
    checklist_version: str
    current_checklist_version: str  # the version in force now, to mark an old intake
    sign_off: SignOff
    patient_language: str = "en"  # the questions were put to the patient in this language
    # The guideline's interventions for the category and stage: for clinicians only (None for
    # the front desk, who must never see them as advice).
    interventions: InterventionAdvice | None = None

    @property
    def old_checklist(self) -> bool:
        return self.checklist_version != self.current_checklist_version


# --- the queue ------------------------------------------------------------------------------


def queue_options(database: Database, actor: Actor) -> QueueOptions:
    """The filter bar's therapists and locations, and the signed-in person's own profile."""
    actor.require(Permission.INTAKE)
    with _connection_errors(), database.reading() as session:
        therapists = session.execute(
            select(Therapist.id, Therapist.display_name, Therapist.user_id)
            .where(Therapist.active.is_(True))
            .order_by(Therapist.display_name, Therapist.id)
        ).all()
        locations = session.execute(
            select(Location.id, Location.name)
            .where(Location.active.is_(True))
            .order_by(Location.name, Location.id)
        ).all()
    mine = next(
        (t.id for t in therapists if actor.user_id is not None and t.user_id == actor.user_id),
        None,
    )
    return QueueOptions(
        therapists=tuple(Option(t.id, t.display_name) for t in therapists),
        locations=tuple(Option(loc.id, loc.name) for loc in locations),
        my_therapist_id=mine,
        can_sign_off=allows(actor.role, Permission.REVIEW),
    )


def review_queue(database: Database, actor: Actor, wanted: QueueFilter) -> list[QueueRow]:
    """Upcoming evaluations that have an intake: unreviewed first, then by time."""
    actor.require(Permission.INTAKE)
    # Local days differ from UTC days by at most 14 hours: read a wider window, then keep the
    # rows whose local date lies in the range.
    first = dt.datetime.combine(wanted.first_day, dt.time(), dt.UTC) - dt.timedelta(days=1)
    last = dt.datetime.combine(wanted.last_day, dt.time(), dt.UTC) + dt.timedelta(days=2)
    query = (
        select(Appointment, Intake, Patient, Therapist, Location, AppointmentType)
        .join(Intake, Intake.id == Appointment.intake_id)
        .join(Patient, Patient.id == Appointment.patient_id)
        .join(Therapist, Therapist.id == Appointment.therapist_id)
        .join(Location, Location.id == Appointment.location_id)
        .join(AppointmentType, AppointmentType.id == Appointment.type_id)
        .where(
            Appointment.status.in_(_UPCOMING),
            Appointment.starts_at >= first,
            Appointment.starts_at < last,
        )
    )
    if wanted.therapist_id is not None:
        query = query.where(Appointment.therapist_id == wanted.therapist_id)
    if wanted.location_id is not None:
        query = query.where(Appointment.location_id == wanted.location_id)
    with _connection_errors(), database.reading() as session:
        rows = [_queue_row(*found) for found in session.execute(query)]
    return queue_order(
        row for row in rows if wanted.first_day <= row.local_start.date() <= wanted.last_day
    )


def _queue_row(
    visit: Appointment,
    intake: Intake,
    patient: Patient,
    therapist: Therapist,
    location: Location,
    kind: AppointmentType,
) -> QueueRow:
    flags = (intake.screening or {}).get("flags", [])
    return QueueRow(
        appointment_id=visit.id,
        appointment_version=visit.version,
        intake_id=intake.id,
        intake_version=intake.version,
        patient_id=patient.id,
        patient_label=f"{patient.family_name}, {patient.given_name} · {patient.mrn}",
        therapist_name=therapist.display_name,
        location_code=location.code,
        location_name=location.name,
        timezone=location.timezone,
        type_name=kind.name,
        start=visit.starts_at,
        intake_status=IntakeStatus(intake.status),
        triage=intake.triage,
        flag_count=sum(1 for flag in flags if flag.get("level") != "clear"),
    )


# --- opening an intake ----------------------------------------------------------------------


def open_review(
    database: Database,
    actor: Actor,
    intake_id: int,
    *,
    appointment_id: int | None = None,
    today: dt.date | None = None,
    language: str = "en",
) -> IntakeReview:
    """The whole intake for review (audited as "open"), its questions, sections, choices and
    categories in `language` (the staff's: the reviewer reads them, whatever the patient
    was asked in).

    With `appointment_id`, that visit is shown; if it was cancelled, deleted or no longer
    belongs to the intake, the review comes without an appointment (the screen says so).
    Without it, the intake's next upcoming visit is shown, if any.
    """
    actor.require(Permission.INTAKE)
    with _connection_errors(), database.writing() as session:
        row = session.get(Intake, intake_id)
        if row is None:
            raise NotFound(_no_intake(intake_id))
        visit = _visit_for(session, row.id, appointment_id)
        audit.record(session, actor, "open", "intake", row.id, patient_id=row.patient_id)
        opened = _review(session, row, visit, today or dt.date.today(), language)
    if allows(actor.role, Permission.REVIEW):
        return replace(opened, interventions=_interventions(opened.screening))
    return opened


def _visit_for(session: Session, intake_id: int, appointment_id: int | None) -> Appointment | None:
    if appointment_id is not None:
        visit = session.get(Appointment, appointment_id)
        if visit is None or visit.intake_id != intake_id or visit.status not in _UPCOMING:
            return None
        return visit
    return session.scalars(
        select(Appointment)
        .where(Appointment.intake_id == intake_id, Appointment.status.in_(_UPCOMING))
        .order_by(Appointment.starts_at, Appointment.id)
        .limit(1)
    ).first()


def _review(
    session: Session, row: Intake, visit: Appointment | None, today: dt.date, language: str
) -> IntakeReview:
    checklist = _checklist(row, language)
    answers = dict(row.answers or {})
    regions = answers.get("pain_regions")
    region_question = checklist.question("pain_regions") if checklist else None
    return IntakeReview(
        key=ReviewKey(
            row.id,
            row.version,
            visit.id if visit else None,
            visit.version if visit else None,
        ),
        patient=_patient(session, row.patient_id, today),
        appointment=_appointment(session, visit) if visit else None,
        screening=_in_staff_words(_result(row.screening), checklist),
        checklist_title=checklist.title if checklist else row.checklist_id,
        category_titles={c.id: c.title for c in checklist.categories} if checklist else {},
        question_texts={q.id: q.text for q in checklist.questions} if checklist else {},
        answers=answer_groups(checklist, answers),
        pain_regions=tuple(str(r) for r in regions) if isinstance(regions, list) else (),
        region_labels=(
            {c.value: c.label for c in region_question.choices} if region_question else {}
        ),
        checklist_id=row.checklist_id,
        checklist_version=row.checklist_version,
        current_checklist_version=_current_version(row.checklist_id),
        sign_off=_sign_off(session, row),
        patient_language=row.patient_language,
    )


def _interventions(result: screening.ScreeningResult | None) -> InterventionAdvice:
    if result is None:
        return InterventionAdvice((), _NO_RESULT)
    try:
        return interventions_for(result)
    except screening.ChecklistError as exc:  # the clinical lead's file is broken: say so
        refused = QT_TRANSLATE_NOOP(
            "Review", "None shown: the interventions file is refused ({why})."
        )
        return InterventionAdvice((), said(refused, why=str(exc)))


def _checklist(row: Intake, language: str = "en") -> screening.Checklist | None:
    spec = f"{row.checklist_id}-{row.checklist_version}"
    try:
        if language in screening.checklist_languages(spec):
            return screening.load_checklist(spec, language=language)
        return screening.load_checklist(spec)
    except screening.ChecklistError:
        return None  # a version this program no longer ships: answers are shown by id


def _in_staff_words(
    result: screening.ScreeningResult | None, checklist: screening.Checklist | None
) -> screening.ScreeningResult | None:
    """The stored flags in their rules' words in the reviewer's language: each looked up by
    rule id in the intake's own checklist version (a rule that version lacks keeps the words
    stored with the result)."""
    if result is None or checklist is None:
        return result
    flags = []
    for flag in result.flags:
        rule = checklist.rule(flag.id)
        flags.append(
            replace(flag, message=rule.message, rationale=rule.rationale) if rule else flag
        )
    return replace(result, flags=tuple(flags))


def _current_version(checklist_id: str) -> str:
    try:
        return screening.load_checklist(checklist_id).version
    except screening.ChecklistError:
        return ""


def _result(payload: dict[str, Any] | None) -> screening.ScreeningResult | None:
    if not payload:
        return None
    try:
        return screening.ScreeningResult.from_json(payload)
    except ValueError:
        return None


def _patient(session: Session, patient_id: int | None, today: dt.date) -> PatientSummary | None:
    row = session.get(Patient, patient_id) if patient_id is not None else None
    if row is None:
        return None
    return PatientSummary(
        id=row.id,
        mrn=row.mrn,
        family_name=row.family_name,
        given_name=row.given_name,
        preferred_name=row.preferred_name,
        date_of_birth=row.date_of_birth,
        age=age_on(row.date_of_birth, today),
        sex=row.sex,
        phone=row.phone,
    )


def _appointment(session: Session, visit: Appointment) -> AppointmentSummary:
    statics = calendar_statics(session)
    location = statics.places[visit.location_id]
    return AppointmentSummary(
        id=visit.id,
        version=visit.version,
        start=visit.starts_at,
        end=visit.ends_at,
        timezone=location.timezone,
        location_code=location.code,
        location_name=location.name,
        therapist_name=statics.staff[visit.therapist_id].display_name,
        type_name=statics.kind_by_id(visit.type_id).name,
        status=AppointmentStatus(visit.status),
    )


def answer_groups(
    checklist: screening.Checklist | None, answers: dict[str, Any]
) -> tuple[AnswerGroup, ...]:
    """The given answers by checklist section; positives first, in sections and in each."""
    if checklist is None:
        lines = [AnswerLine(k, k, _plain(v), _positive(v)) for k, v in sorted(answers.items())]
        return (AnswerGroup("answers", _ANSWERS, _positives_first(lines)),)
    groups = []
    for section in checklist.sections:
        lines = [
            _line(question, answers[question.id], counts=section.id != "consent")
            for question in section.questions
            if question.id in answers
        ]
        if lines:
            groups.append(AnswerGroup(section.id, section.title, _positives_first(lines)))
    return group_positives_first(groups)


def _positives_first(lines: list[AnswerLine]) -> tuple[AnswerLine, ...]:
    return tuple(sorted(lines, key=lambda line: not line.positive))


def _line(question: screening.Question, value: Any, *, counts: bool) -> AnswerLine:
    labels = {choice.value: choice.label for choice in question.choices}
    if isinstance(value, list):
        text = ", ".join(labels.get(str(v), str(v)) for v in value) or _NONE
    elif isinstance(value, str) and value in labels:
        text = labels[value]
    else:
        text = _plain(value)
    return AnswerLine(question.id, question.text, text, counts and _positive(value))


def _plain(value: Any) -> str:
    if value is None:
        return _NOT_APPLICABLE
    if isinstance(value, bool):
        return _YES if value else _NO
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or _NONE
    return str(value)


def _positive(value: Any) -> bool:
    return value is True or (isinstance(value, list) and bool(value))


# --- signing off ----------------------------------------------------------------------------


def mark_reviewed(
    database: Database, actor: Actor, key: ReviewKey, *, now: dt.datetime | None = None
) -> SignOff:
    """Sign the intake off as reviewed (therapists and admins)."""
    actor.require(Permission.REVIEW)
    with _connection_errors(), database.writing() as session:
        row = _claim(session, key)
        if _sign_off(session, row).seen:
            raise StaleRecord(_SIGNED_ELSEWHERE)
        if row.status != IntakeStatus.CLOSED.value:  # a closed referral stays closed, seen
            row.status = IntakeStatus.REVIEWED.value
        row.reviewed_by = actor.user_id
        row.reviewed_at = now or dt.datetime.now(dt.UTC)
        session.flush()
        audit.record(
            session,
            actor,
            "review",
            "intake",
            row.id,
            patient_id=row.patient_id,
            fields=("status", "reviewed_by", "reviewed_at"),
        )
        return _sign_off(session, row)


def return_to_front_desk(
    database: Database,
    actor: Actor,
    key: ReviewKey,
    note: str,
    *,
    now: dt.datetime | None = None,
) -> SignOff:
    """Send the intake back to the front desk with a note (call the patient, refer, ...)."""
    actor.require(Permission.REVIEW)
    if problems := check_note(note):
        raise Invalid(problems)
    with _connection_errors(), database.writing() as session:
        row = _claim(session, key)
        if row.status == IntakeStatus.RETURNED.value:
            raise StaleRecord(_SIGNED_ELSEWHERE)
        row.status = IntakeStatus.RETURNED.value
        row.returned_by = actor.user_id
        row.returned_at = now or dt.datetime.now(dt.UTC)
        row.return_note = note.strip()
        session.flush()
        audit.record(
            session,
            actor,
            "return",
            "intake",
            row.id,
            patient_id=row.patient_id,
            fields=("status", "returned_by", "returned_at", "return_note"),
        )
        return _sign_off(session, row)


def _claim(session: Session, key: ReviewKey) -> Intake:
    """The intake as the reviewer saw it, or StaleRecord; the appointment likewise."""
    row = session.get(Intake, key.intake_id)
    if row is None:
        raise NotFound(_no_intake(key.intake_id))
    if row.version != key.intake_version:
        raise StaleRecord(_SIGNED_ELSEWHERE)
    if key.appointment_id is not None:
        visit = session.get(Appointment, key.appointment_id)
        if visit is None or visit.intake_id != row.id or visit.status not in _UPCOMING:
            raise StaleRecord(_APPOINTMENT_GONE)
        if visit.version != key.appointment_version:
            raise StaleRecord(_APPOINTMENT_CHANGED)
    return row


def _sign_off(session: Session, row: Intake) -> SignOff:
    return SignOff(
        intake_id=row.id,
        version=row.version,
        status=IntakeStatus(row.status),
        reviewed_by=_who(session, row, row.reviewed_by, "review") if row.reviewed_at else "",
        reviewed_at=row.reviewed_at,
        returned_by=_who(session, row, row.returned_by, "return") if row.returned_at else "",
        returned_at=row.returned_at,
        return_note=row.return_note or "",
        closing_reason=ClosingReason(row.closing_reason) if row.closing_reason else None,
        closed_by=_who(session, row, row.closed_by, "close") if row.closed_at else "",
        closed_at=row.closed_at,
    )


def _who(session: Session, row: Intake, user_id: int | None, action: str) -> str:
    """The staff member's display name; for an account-less actor, the audited user name."""
    if user_id is not None and (user := session.get(StaffUser, user_id)) is not None:
        return user.display_name
    name = session.scalar(
        select(AuditEvent.username)
        .where(
            AuditEvent.entity == "intake",
            AuditEvent.entity_id == row.id,
            AuditEvent.action == action,
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return name or "an unknown account"


# --- closed referrals, for the clinician on duty ---------------------------------------------


def open_referrals(database: Database, actor: Actor, *, limit: int = 100) -> list[ClosedReferral]:
    """Intakes closed as an (emergency) referral that no clinician has seen yet, emergencies
    first, then the most recently closed."""
    actor.require(Permission.INTAKE)
    query = (
        select(Intake, Patient)
        .outerjoin(Patient, Patient.id == Intake.patient_id)
        .where(
            Intake.status == IntakeStatus.CLOSED.value,
            Intake.closing_reason.in_([r.value for r in REFERRALS]),
            Intake.reviewed_at.is_(None),
        )
        .order_by(Intake.closed_at.desc(), Intake.id.desc())
        .limit(limit)
    )
    with _connection_errors(), database.reading() as session:
        found = [_referral(session, row, patient) for row, patient in session.execute(query)]
    return sorted(found, key=lambda r: r.reason != ClosingReason.EMERGENCY_REFERRAL)


def _referral(session: Session, row: Intake, patient: Patient | None) -> ClosedReferral:
    flags = (row.screening or {}).get("flags", [])
    return ClosedReferral(
        intake_id=row.id,
        intake_version=row.version,
        patient_id=row.patient_id,
        patient_label=(
            f"{patient.family_name}, {patient.given_name} · {patient.mrn}" if patient else ""
        ),
        reason=ClosingReason(row.closing_reason or ClosingReason.REFERRAL),
        triage=row.triage,
        flag_count=sum(1 for flag in flags if flag.get("level") != "clear"),
        closed_by=_who(session, row, row.closed_by, "close"),
        closed_at=row.closed_at,
    )


# --- returned intakes, for the front desk ---------------------------------------------------


def returned_intakes(
    database: Database, actor: Actor, *, limit: int = 100, now: dt.datetime | None = None
) -> list[ReturnedIntake]:
    """Intakes a therapist sent back, most recently returned first, with the next visit."""
    actor.require(Permission.INTAKE)
    now = now or dt.datetime.now(dt.UTC)
    query = (
        select(Intake, Patient)
        .outerjoin(Patient, Patient.id == Intake.patient_id)
        .where(Intake.status == IntakeStatus.RETURNED.value)
        .order_by(Intake.returned_at.desc(), Intake.id.desc())
        .limit(limit)
    )
    with _connection_errors(), database.reading() as session:
        found = session.execute(query).all()
        return [_returned(session, row, patient, now) for row, patient in found]


def _returned(
    session: Session, row: Intake, patient: Patient | None, now: dt.datetime
) -> ReturnedIntake:
    visit = session.scalars(
        select(Appointment)
        .where(
            Appointment.intake_id == row.id,
            Appointment.status.in_([s.value for s in ACTIVE_APPOINTMENT_STATUSES]),
            Appointment.starts_at >= now,
        )
        .order_by(Appointment.starts_at)
        .limit(1)
    ).first()
    return ReturnedIntake(
        intake_id=row.id,
        version=row.version,
        patient_id=row.patient_id,
        patient_label=(
            f"{patient.family_name}, {patient.given_name} · {patient.mrn}" if patient else ""
        ),
        note=row.return_note or "",
        returned_by=_who(session, row, row.returned_by, "return"),
        returned_at=row.returned_at,
        next_visit=_appointment(session, visit) if visit else None,
    )


def _connection_errors() -> AbstractContextManager[None]:
    return plain_errors(
        stale=_SIGNED_ELSEWHERE,
        unavailable=said(
            QT_TRANSLATE_NOOP(
                "Review",
                "The database cannot be reached right now; nothing was signed or changed. "
                "Your note is kept on the screen: try again when the connection is back.",
            )
        ),
    )
