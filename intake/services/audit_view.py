"""Reading the audit trail back, for admins: filter it and export it as CSV.

The trail holds ids and field names only, so neither the viewer nor the export shows patient
data. Exporting is itself audited.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from intake.db.models import AuditEvent, Patient
from intake.domain.accounts import AuditChoices, AuditEntry, AuditPage, AuditQuery
from intake.domain.errors import Invalid
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.services import audit, patient_merge
from intake.services.actor import Actor
from intake.services.database import Database

MAX_LIMIT = 5_000
EXPORT_LIMIT = 1_000_000
CSV_COLUMNS = (
    "id",
    "occurred_at_utc",
    "username",
    "workstation",
    "action",
    "entity",
    "entity_id",
    "patient_id",
    "fields",
    "patient_record",
    "db_login",
)


def _check(query: AuditQuery) -> None:
    if query.start and query.end and query.end <= query.start:
        raise Invalid(
            {
                "end": said(
                    QT_TRANSLATE_NOOP(
                        "AuditView", "The end of the date range must be after its start."
                    )
                )
            }
        )
    for name in ("start", "end"):
        value = getattr(query, name)
        if value is not None and value.utcoffset() is None:
            raise Invalid(
                {name: said(QT_TRANSLATE_NOOP("AuditView", "Give the time with its time zone."))}
            )


def _select(query: AuditQuery, session: Session) -> Select[AuditEvent, str]:
    # The record number people know, beside the id the trail keeps (the trail outlives
    # records, so a removed patient shows no number).
    statement = (
        select(AuditEvent, Patient.mrn)
        .outerjoin(Patient, Patient.id == AuditEvent.patient_id)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
    )
    # A record's trail includes the records merged into it (the trail is append-only, so
    # their events keep the merged record's id).
    if query.patient_record:
        mrn = query.patient_record.strip().upper()
        found = session.scalar(select(Patient.id).where(Patient.mrn == mrn))
        ids = patient_merge.merged_ids(session, found) if found is not None else set()
        statement = statement.where(AuditEvent.patient_id.in_(ids))
    if query.username:
        statement = statement.where(AuditEvent.username == query.username)
    if query.patient_id is not None:
        ids = patient_merge.merged_ids(session, query.patient_id)
        statement = statement.where(AuditEvent.patient_id.in_(ids))
    if query.start is not None:
        statement = statement.where(AuditEvent.occurred_at >= query.start)
    if query.end is not None:
        statement = statement.where(AuditEvent.occurred_at < query.end)
    if query.action:
        statement = statement.where(AuditEvent.action == query.action)
    return statement


def _entry(row: AuditEvent, record: str | None) -> AuditEntry:
    return AuditEntry(
        row.id,
        row.occurred_at,
        row.username,
        row.workstation,
        row.action,
        row.entity,
        row.entity_id,
        row.patient_id,
        tuple(row.fields or ()),
        record,
        row.db_login,
    )


def search(database: Database, actor: Actor, query: AuditQuery) -> AuditPage:
    """Events matching the filters, newest first, at most `query.limit`."""
    actor.require(Permission.AUDIT)
    _check(query)
    limit = max(1, min(query.limit, MAX_LIMIT))
    with database.reading() as session:
        rows = session.execute(_select(query, session).limit(limit + 1)).all()
        entries = tuple(_entry(row, record) for row, record in rows[:limit])
    return AuditPage(entries, len(rows) > limit)


def choices(database: Database, actor: Actor) -> AuditChoices:
    """The user names and actions present in the trail, for the viewer's filter lists."""
    actor.require(Permission.AUDIT)
    with database.reading() as session:
        names = session.scalars(select(AuditEvent.username).distinct()).all()
        actions = session.scalars(select(AuditEvent.action).distinct()).all()
    return AuditChoices(tuple(sorted(names)), tuple(sorted(actions)))


def export_csv(database: Database, actor: Actor, query: AuditQuery, path: str | Path) -> int:
    """Write every event matching the filters (no limit) to a CSV file; returns the count."""
    actor.require(Permission.AUDIT)
    _check(query)
    target = Path(path)
    count = 0
    with database.writing() as session, target.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for row, record in session.execute(_select(query, session).limit(EXPORT_LIMIT)):
            entry = _entry(row, record)
            writer.writerow(
                [
                    entry.id,
                    entry.occurred_at.isoformat(),
                    entry.username,
                    entry.workstation,
                    entry.action,
                    entry.entity,
                    "" if entry.entity_id is None else entry.entity_id,
                    "" if entry.patient_id is None else entry.patient_id,
                    " ".join(entry.fields),
                    entry.patient_record or "",
                    entry.db_login or "",
                ]
            )
            count += 1
        audit.record(session, actor, "export", "audit_events", fields=_filter_names(query))
    return count


def _filter_names(query: AuditQuery) -> list[str]:
    names = ("username", "patient_id", "patient_record", "start", "end", "action")
    return [name for name in names if getattr(query, name) not in (None, "")]
