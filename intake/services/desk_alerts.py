"""Red flags raised on the waiting-room tablet, as the front desk sees them: the open ones,
acknowledging one (audited), and hearing of a new one at once (see changes.py: LISTEN on
PostgreSQL, a poll on SQLite)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import select

from intake.db.models import DeskAlert, Patient
from intake.domain.errors import NotFound, StaleRecord
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.services import audit, changes
from intake.services.actor import Actor
from intake.services.database import Database
from intake.services.db_errors import plain_errors

CHANNEL = "intake_desk_alert"


@dataclass(frozen=True)
class DeskAlertInfo:
    id: int
    location_id: int
    patient_id: int
    patient_label: str  # "Family, Given (MRN)"
    intake_id: int | None
    triage: str  # emergency or refer
    rule_ids: tuple[str, ...]
    message: str  # the checklist's words for staff
    created_at: dt.datetime


def open_alerts(
    database: Database, actor: Actor, *, location_id: int | None = None
) -> list[DeskAlertInfo]:
    """Alerts nobody acknowledged yet, oldest first (of one location, or all)."""
    actor.require(Permission.INTAKE)
    query = (
        select(DeskAlert, Patient)
        .join(Patient, Patient.id == DeskAlert.patient_id)
        .where(DeskAlert.acknowledged_at.is_(None))
        .order_by(DeskAlert.created_at, DeskAlert.id)
    )
    if location_id is not None:
        query = query.where(DeskAlert.location_id == location_id)
    with _errors(), database.reading() as session:
        return [_info(row, patient) for row, patient in session.execute(query)]


def acknowledge(database: Database, actor: Actor, alert_id: int) -> None:
    """Someone at the desk has seen the patient: the alert closes (audited)."""
    actor.require(Permission.INTAKE)
    with _errors(), database.writing() as session:
        row = session.get(DeskAlert, alert_id, with_for_update=True)
        if row is None:
            raise NotFound(
                said(
                    QT_TRANSLATE_NOOP("DeskAlerts", "There is no desk alert with id {id}."),
                    id=alert_id,
                )
            )
        if row.acknowledged_at is not None:
            raise StaleRecord(
                said(
                    QT_TRANSLATE_NOOP(
                        "DeskAlerts", "Someone else has already acknowledged this alert."
                    )
                )
            )
        row.acknowledged_by = actor.user_id
        row.acknowledged_at = dt.datetime.now(dt.UTC)
        session.flush()
        audit.record(
            session, actor, "acknowledge", "desk_alert", row.id, patient_id=row.patient_id,
            fields=("acknowledged_by", "acknowledged_at"),
        )  # fmt: skip


def watch(database: Database, callback: Callable[[], None]) -> changes.ChangeFeed:
    """Call `callback` (on the feed's own thread) when an alert may have been raised; call
    ``stop()`` when done. It says nothing about which: read `open_alerts`."""
    return changes.watch(database, lambda _change: callback(), channel=CHANNEL)


def _info(row: DeskAlert, patient: Patient) -> DeskAlertInfo:
    return DeskAlertInfo(
        id=row.id,
        location_id=row.location_id,
        patient_id=row.patient_id,
        patient_label=f"{patient.family_name}, {patient.given_name} ({patient.mrn})",
        intake_id=row.intake_id,
        triage=row.triage,
        rule_ids=tuple(r for r in row.rule_ids.split(",") if r),
        message=row.message,
        created_at=row.created_at,
    )


def _errors() -> AbstractContextManager[None]:
    return plain_errors(
        stale=said(QT_TRANSLATE_NOOP("DeskAlerts", "Someone else changed this alert; look again.")),
        unavailable=said(
            QT_TRANSLATE_NOOP(
                "DeskAlerts",
                "The database cannot be reached right now; alerts will show when it is back.",
            )
        ),
    )
