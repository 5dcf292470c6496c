"""The patient's own intake on the waiting-room tablet: who they are, their answers, and a
red flag sent to the front desk.

Identification is a safety net against filling in someone else's form, not a search: the
answer is one patient's id or the same refusal for no match and for several, so the tablet
learns nothing about other patients. The answers are stored as a draft marked 'tablet' (the
desk confirms them with the patient before submitting).

On PostgreSQL the tablet signs in as a tablet account, whose login may not read patients
(migration 0015): the match is made by the definer function `intake_identify_patient`,
which returns the id or NULL and nothing else. The same path serves a staff login.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from intake import screening
from intake.db.models import DeskAlert, Intake, Location, Patient
from intake.domain.enums import ClosingReason, IntakeStatus
from intake.domain.errors import Invalid, NotFound
from intake.domain.permissions import Permission
from intake.domain.text import fold_name
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.services import audit, intakes
from intake.services.actor import Actor
from intake.services.database import Database
from intake.services.intakes import IntakeInfo

TABLET = "tablet"
NOT_FOUND = "We could not find you. Please ask at the front desk."
# What the staff's screens may read (the tablet says its own words to the patient).
_NO_LOCATION_CODE = QT_TRANSLATE_NOOP("SelfIntake", "There is no location with the code {code}.")
_NO_LOCATION = said(QT_TRANSLATE_NOOP("SelfIntake", "There is no location to send the alert to."))
_ONLY_IDENTIFIED = said(
    QT_TRANSLATE_NOOP("SelfIntake", "The tablet keeps answers only for an identified patient.")
)
_ONLY_RED_FLAGS = said(
    QT_TRANSLATE_NOOP("SelfIntake", "Only an emergency or refer screening is sent to the desk.")
)
RED_FLAGS = ("emergency", "refer")


def identify(
    database: Database, actor: Actor, given_name: str, family_name: str, date_of_birth: dt.date
) -> int:
    """The id of the one patient with exactly this name and date of birth (case and accents
    aside), or NotFound with the same sentence whether none or several match."""
    actor.require(Permission.SELF_INTAKE)
    given, family = fold_name(given_name), fold_name(family_name)
    with intakes._connection_errors(), database.writing() as session:
        found: list[int] = []
        # PostgreSQL: the function writes the audit row itself (0016), matched or not, and
        # the refusal below leaves the block first, so that row is committed too.
        audited = bool(given and family) and session.get_bind().dialect.name == "postgresql"
        if audited:
            _name_workstation(session, actor)
            match = session.scalar(
                select(func.intake_identify_patient(given, family, date_of_birth))
            )
            found = [] if match is None else [int(match)]
        elif given and family:
            query = (
                select(Patient.id)
                .where(
                    Patient.given_norm == given,
                    Patient.family_norm == family,
                    Patient.date_of_birth == date_of_birth,
                    Patient.merged_into_id.is_(None),
                )
                .limit(2)
            )
            found = list(session.scalars(query))
        if len(found) == 1:
            if not audited:
                audit.record(
                    session, actor, "self_identify", "patient", found[0], patient_id=found[0]
                )
            return found[0]
        # Kept (not rolled back with the refusal): repeated misses are worth seeing.
        if not audited:
            audit.record(session, actor, "self_identify_failed", "patient")
    raise NotFound(NOT_FOUND)


def location_id(database: Database, actor: Actor, code: str) -> int:
    """The id of the location with this code, for the tablet's alerts (`intake kiosk
    --location CODE`); NotFound if none."""
    actor.require(Permission.SELF_INTAKE)
    with intakes._connection_errors(), database.reading() as session:
        found = session.scalar(select(Location.id).where(Location.code == code))
    if found is None:
        raise NotFound(said(_NO_LOCATION_CODE, code=repr(code)))
    return found


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
    finished: bool = False,
) -> IntakeInfo:
    """Keep the patient's answers as a draft marked 'tablet' (the same contract as
    intakes.save_draft; a desk intake is never reachable from here). `finished`: the patient
    touched Finish; the draft is marked finished (the first time only)."""
    actor.require(Permission.SELF_INTAKE)
    if patient_id is None and intake_id is None:
        raise Invalid({"patient": _ONLY_IDENTIFIED})
    with intakes._connection_errors():
        return intakes._store(
            database, actor, answers, patient_id, intake_id, version, on, draft_only=True,
            language=language, source=TABLET, finished=finished,
        )  # fmt: skip


def alert_desk(
    database: Database,
    actor: Actor,
    patient_id: int,
    answers: dict[str, Any],
    *,
    location_id: int | None = None,
    intake_id: int | None = None,
    on: dt.date | None = None,
) -> int:
    """Raise a desk alert for these answers; its id. The screening is worked out here, from
    the answers (an alert exists only for an emergency or refer rule), with the staff's
    messages. `location_id` None: the practice's first active location."""
    actor.require(Permission.SELF_INTAKE)
    checklist = screening.load_checklist(None)
    result = screening.evaluate(checklist, answers, on=on or dt.date.today())
    flags = [f for f in result.flags if f.level.value in RED_FLAGS]
    if result.triage.value not in RED_FLAGS or not flags:
        raise Invalid({"triage": _ONLY_RED_FLAGS})
    with intakes._connection_errors(), database.writing() as session:
        if location_id is None:
            location_id = session.scalars(
                select(Location.id).where(Location.active.is_(True)).order_by(Location.id)
            ).first()
            if location_id is None:
                raise NotFound(_NO_LOCATION)
        row = DeskAlert(
            location_id=location_id,
            intake_id=intake_id,
            patient_id=patient_id,
            triage=result.triage.value,
            rule_ids=",".join(f.id for f in flags),
            message=" ".join(f.message for f in flags),
            created_by=actor.user_id,
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor, "create", "desk_alert", row.id, patient_id=patient_id,
            fields=("triage", "rule_ids", "message"),
        )  # fmt: skip
        return row.id


# ---- the desk hands the tablet to a chosen patient -------------------------------------------

HANDOVER_MINUTES = 15  # a handover not started by then is no longer offered on the tablet
HANDOVER_UNUSED = "Handed to the tablet and not started."


@dataclass(frozen=True)
class Handover:
    """The patient the desk handed the tablet to: only what the tablet's welcome page shows
    ("Ready for Pat T.") and the draft to fill in."""

    intake_id: int
    version: int
    patient_id: int
    label: str  # first name and last initial, nothing more


@dataclass(frozen=True)
class TabletLocation:
    """A location whose waiting-room tablet the desk may hand a patient to."""

    id: int
    code: str
    name: str


def tablet_locations(database: Database, actor: Actor) -> list[TabletLocation]:
    """The active locations, by name: the desk's choice of which tablet gets the patient."""
    actor.require(Permission.INTAKE)
    query = (
        select(Location.id, Location.code, Location.name)
        .where(Location.active.is_(True))
        .order_by(Location.name, Location.code)
    )
    with intakes._connection_errors(), database.reading() as session:
        return [TabletLocation(*row) for row in session.execute(query)]


def start_on_tablet(
    database: Database, actor: Actor, patient_id: int, *, location_id: int | None = None
) -> IntakeInfo:
    """The desk hands the tablet of `location_id` (None: any tablet) to this patient: an
    empty draft marked 'tablet', offered on that tablet's welcome page for HANDOVER_MINUTES
    (identification skipped). Earlier handovers to the same tablet nobody started are given
    up (discarded, audited): one patient at a time per tablet."""
    actor.require(Permission.INTAKE)
    with intakes._connection_errors():
        with database.writing() as session:
            if location_id is not None and session.get(Location, location_id) is None:
                raise NotFound(
                    said(
                        QT_TRANSLATE_NOOP("SelfIntake", "There is no location with id {id}."),
                        id=location_id,
                    )
                )
            for row in session.scalars(_waiting_handovers(None, location_id, exact=True)):
                if row.answers:
                    continue
                row.status = IntakeStatus.DISCARDED.value
                row.closing_reason = ClosingReason.DISCARDED.value
                row.closing_note = HANDOVER_UNUSED
                row.closed_by = actor.user_id
                row.closed_at = dt.datetime.now(dt.UTC)
                session.flush()
                audit.record(
                    session, actor, "discard", "intake", row.id, patient_id=row.patient_id,
                    fields=("status", "closing_reason", "closing_note", "closed_by", "closed_at"),
                )  # fmt: skip
        return intakes._store(
            database, actor, {}, patient_id, None, None, None, draft_only=True, source=TABLET,
            location_id=location_id,
        )  # fmt: skip


def ready_for_tablet(
    database: Database,
    actor: Actor,
    *,
    location_id: int | None = None,
    now: dt.datetime | None = None,
) -> Handover | None:
    """The newest handover not started yet and not older than HANDOVER_MINUTES, or None.
    `location_id`: the tablet's location (`intake kiosk --location`): only handovers to it
    or to any tablet; None: every handover.

    The tablet greets the patient by first name and initial only. On PostgreSQL its login
    cannot read patients: the greeting comes from a definer function that answers only for
    a patient with a fresh tablet handover (migration 0015)."""
    actor.require(Permission.SELF_INTAKE)
    since = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(minutes=HANDOVER_MINUTES)
    # PostgreSQL: the greeting function writes its audit row, which must be committed.
    postgres = database.engine.dialect.name == "postgresql"
    opened = database.writing() if postgres else database.reading()
    with intakes._connection_errors(), opened as session:
        for row in session.scalars(_waiting_handovers(since, location_id).limit(5)):
            if row.answers or row.patient_id is None:
                return None  # the newest is under way: nobody else is waiting
            label = _greeting(session, actor, row.patient_id)
            return Handover(row.id, row.version, row.patient_id, label)
    return None


def _name_workstation(session: Session, actor: Actor) -> None:
    """Tell this transaction's definer functions the workstation for their audit rows."""
    session.execute(select(func.set_config("intake.workstation", actor.workstation, True)))


def _greeting(session: Session, actor: Actor, patient_id: int) -> str:
    if session.get_bind().dialect.name == "postgresql":
        _name_workstation(session, actor)
        return session.scalar(select(func.intake_tablet_greeting(patient_id))) or ""
    row = session.execute(
        select(Patient.given_name, Patient.family_name).where(Patient.id == patient_id)
    ).one()
    given, family = row.given_name.strip(), row.family_name.strip()
    return f"{given} {family[:1]}." if family else given


def _waiting_handovers(
    since: dt.datetime | None, location_id: int | None = None, *, exact: bool = False
) -> Any:
    """Tablet drafts with a patient, newest first. `location_id`: those a tablet there may
    take (its own and any tablet's), or with `exact` those handed to that very tablet."""
    query = (
        select(Intake)
        .where(
            Intake.source == TABLET,
            Intake.status == IntakeStatus.DRAFT.value,
            Intake.patient_id.is_not(None),
        )
        .order_by(Intake.created_at.desc(), Intake.id.desc())
    )
    if exact:
        query = query.where(Intake.location_id.is_(None) if location_id is None else
                            Intake.location_id == location_id)  # fmt: skip
    elif location_id is not None:
        query = query.where(or_(Intake.location_id == location_id, Intake.location_id.is_(None)))
    return query if since is None else query.where(Intake.created_at >= since)
