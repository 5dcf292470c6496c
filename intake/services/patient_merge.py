"""Merging two records of one patient, and undoing a merge: admins only, one transaction each.

A merge moves every intake, appointment and waitlist entry of the merged record to the
surviving one, applies the fields chosen from the merged record, and keeps the merged record
as a tombstone pointing to the survivor (`patients.merged_into_id`). What it changed and
moved is kept in `patient_merges`, so an undo moves exactly those rows back.

Both patient rows are locked first (FOR UPDATE on PostgreSQL; SQLite has one writer). A
booking racing the merge takes a key-share lock on its patient row (migration 0010), so it either
commits first and is moved, or waits and is then refused by the database: no appointment is
ever left on a tombstone.

The audit trail is append-only (migration 0001): its rows keep the merged record's id.
Rather than rewrite them, the trail read for a survivor includes the records merged into it
(`merged_ids`, used by intake.services.audit_view). Search keys are left with the tombstone:
patient_search leads a hit on a tombstone to its survivor ("merged from" the old number).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from intake.db.models import Appointment, Intake, Patient, PatientMerge, StaffUser, WaitlistEntry
from intake.domain import merge as rules
from intake.domain.errors import NotFound
from intake.domain.merge import (
    MergeDone,
    MergePreview,
    MergeRecord,
    MergeRefused,
    Side,
    UndoDone,
    VisitTime,
)
from intake.domain.patient import DRAFT_FIELDS, PatientDraft, stored_forms
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said
from intake.services import audit, locking, patient_index
from intake.services.actor import Actor
from intake.services.calendar_loader import ACTIVE
from intake.services.calendar_statics import calendar_statics
from intake.services.database import Database, retried
from intake.services.patients import patient_info

# What a merge moves: the table's name in `patient_merges.moved` → its model.
MOVED: dict[str, Any] = {
    "intakes": Intake,
    "appointments": Appointment,
    "waitlist_entries": WaitlistEntry,
}
LIST_LIMIT = 200


def preview(database: Database, actor: Actor, surviving_id: int, merged_id: int) -> MergePreview:
    """Both records side by side, the fields that differ, what would move, and the
    overlapping visits that block the merge (each named)."""
    actor.require(Permission.MERGE_PATIENTS)
    with database.writing() as session:  # opening two records is audited
        surviving, merged = _pair(session, surviving_id, merged_id, lock=False)
        found = rules.overlaps(_visits(session, surviving), _visits(session, merged))
        moving = {name: len(_ids(session, model, merged.id)) for name, model in MOVED.items()}
        for row in (surviving, merged):
            audit.record(session, actor, "open", "patient", row.id, patient_id=row.id)
        s, m = patient_info(surviving), patient_info(merged)
        return MergePreview(s, m, rules.differing_fields(s, m), moving, found)


def merge(
    database: Database,
    actor: Actor,
    surviving_id: int,
    merged_id: int,
    choices: Mapping[str, Side],
    versions: tuple[int, int],
) -> MergeDone:
    """Merge `merged_id` into `surviving_id`, both as read at `versions` (StaleRecord if
    either changed since). `choices`: field → whose value the survivor keeps (its own unless
    said). MergeRefused, naming the visits, if the two have overlapping active visits."""
    actor.require(Permission.MERGE_PATIENTS)
    return retried(lambda: _merge(database, actor, surviving_id, merged_id, choices, versions))


def _merge(
    database: Database,
    actor: Actor,
    surviving_id: int,
    merged_id: int,
    choices: Mapping[str, Side],
    versions: tuple[int, int],
) -> MergeDone:
    with database.writing() as session:
        surviving, merged = _pair(session, surviving_id, merged_id, lock=True)
        for row, version in zip((surviving, merged), versions, strict=True):
            locking.check_version(row.version, version, _record(row.mrn))
        s_info, m_info = patient_info(surviving), patient_info(merged)
        if found := rules.overlaps(_visits(session, surviving), _visits(session, merged)):
            raise rules.refusal(found)
        taken = rules.merged_values(s_info, m_info, choices)
        record = PatientMerge(
            surviving_id=surviving.id,
            merged_id=merged.id,
            merged_by=actor.user_id,
            surviving_before=_values(s_info),
            merged_before=_values(m_info),
            taken=sorted(taken),
            moved={},
        )
        if taken:
            _apply(surviving, _changed(_draft(s_info), taken))
            locking.flush(session, _record(surviving.mrn))
        moved = {
            name: _move(session, model, merged.id, surviving.id) for name, model in MOVED.items()
        }
        record.moved = moved
        merged.merged_into_id = surviving.id
        _flush_guarded(session, merged.mrn)
        if taken:
            patient_index.refresh(session, surviving)
        session.add(record)
        session.flush()
        audit.record(
            session,
            actor,
            "merge",
            "patient",
            surviving.id,
            patient_id=surviving.id,
            fields=[*taken, *(n for n, ids in moved.items() if ids)],
        )
        audit.record(
            session,
            actor,
            "merged_into",
            "patient",
            merged.id,
            patient_id=merged.id,
            fields=["merged_into_id"],
        )
        return MergeDone(record.id, patient_info(surviving), {n: len(i) for n, i in moved.items()})


def undo(database: Database, actor: Actor, merge_id: int) -> UndoDone:
    """Undo a merge: the merged record becomes a record of its own again, the rows the merge
    moved go back to it, and the survivor's fields the merge changed get their old values
    (a field changed again since keeps its new value: it is named in `kept_fields`).

    Rows written on the survivor after the merge stay there. MergeRefused if the merge was
    undone already, the survivor was merged into another record since, or a moved row now
    belongs to another record."""
    actor.require(Permission.MERGE_PATIENTS)
    with database.writing() as session:
        record = session.get(PatientMerge, merge_id, with_for_update=True)
        if record is None:
            raise NotFound(said(QT_TRANSLATE_NOOP("PatientMerge", "There is no such merge.")))
        if record.undone_at is not None:
            raise MergeRefused(
                said(QT_TRANSLATE_NOOP("PatientMerge", "This merge was undone already."))
            )
        surviving, merged = _locked(session, record.surviving_id, record.merged_id)
        _check_undoable(session, record, surviving, merged)
        merged.merged_into_id = None
        _flush_guarded(session, merged.mrn)
        for name, model in MOVED.items():
            _move_back(session, model, record.moved.get(name, []), merged.id)
        kept = _restore_fields(surviving, record)
        locking.flush(session, _record(surviving.mrn))
        patient_index.refresh(session, surviving)
        record.undone_at = dt.datetime.now(dt.UTC)
        record.undone_by = actor.user_id
        session.flush()
        restored = [f for f in record.taken if f not in kept]
        audit.record(
            session,
            actor,
            "unmerge",
            "patient",
            surviving.id,
            patient_id=surviving.id,
            fields=[*restored, *(n for n, ids in record.moved.items() if ids)],
        )
        audit.record(
            session,
            actor,
            "unmerge",
            "patient",
            merged.id,
            patient_id=merged.id,
            fields=["merged_into_id"],
        )
        return UndoDone(patient_info(surviving), patient_info(merged), tuple(kept))


def merges(database: Database, actor: Actor, *, limit: int = LIST_LIMIT) -> tuple[MergeRecord, ...]:
    """The latest merges, newest first (undone ones too, marked), for the admin's list."""
    actor.require(Permission.MERGE_PATIENTS)
    with database.reading() as session:
        rows = session.execute(_MERGES.limit(max(1, min(limit, LIST_LIMIT)))).all()
    return tuple(
        MergeRecord(
            r.id,
            r.surviving_id,
            r.s_mrn,
            r.merged_id,
            r.m_mrn,
            f"{r.family_name}, {r.given_name}",
            r.username or "system",
            r.merged_at,
            r.undone_at,
        )
        for r in rows
    )


def merged_ids(session: Session, patient_id: int) -> set[int]:
    """The record and every record merged into it, directly or through another (a chain),
    as merges stand now: whose audit trail is this record's. Inside a unit of work."""
    found = {patient_id}
    frontier = {patient_id}
    while frontier:
        frontier = (
            set(session.scalars(select(Patient.id).where(Patient.merged_into_id.in_(frontier))))
            - found
        )
        found |= frontier
    return found


def _pair(
    session: Session, surviving_id: int, merged_id: int, *, lock: bool
) -> tuple[Patient, Patient]:
    rows = (
        _locked(session, surviving_id, merged_id)
        if lock
        else (_row(session, surviving_id), _row(session, merged_id))
    )
    rules.check_pair(patient_info(rows[0]), patient_info(rows[1]))
    return rows


def _locked(session: Session, surviving_id: int, merged_id: int) -> tuple[Patient, Patient]:
    """Both rows, locked until commit (PostgreSQL; in id order, so two merges never deadlock)
    and read afresh."""
    rows = session.scalars(
        select(Patient)
        .where(Patient.id.in_((surviving_id, merged_id)))
        .order_by(Patient.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    by_id = {row.id: row for row in rows}
    return _found(by_id, surviving_id), _found(by_id, merged_id)


def _row(session: Session, patient_id: int) -> Patient:
    return _found({patient_id: session.get(Patient, patient_id)}, patient_id)


def _found(rows: Mapping[int, Patient | None], patient_id: int) -> Patient:
    row = rows.get(patient_id)
    if row is None:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP(
                    "PatientMerge",
                    "One of the two records no longer exists; search for the patient again.",
                )
            )
        )
    return row


def _visits(session: Session, patient: Patient) -> list[tuple[dt.datetime, dt.datetime, VisitTime]]:
    statics = calendar_statics(session)
    rows = session.execute(
        select(Appointment.starts_at, Appointment.ends_at, Appointment.location_id).where(
            Appointment.patient_id == patient.id, Appointment.status.in_(ACTIVE)
        )
    ).all()
    found = []
    for start, end, location_id in rows:
        place = statics.places[location_id]
        zone = ZoneInfo(place.timezone)
        seen = VisitTime(patient.mrn, start.astimezone(zone), end.astimezone(zone), place.name)
        found.append((start, end, seen))
    return found


def _ids(session: Session, model: Any, patient_id: int) -> list[int]:
    return list(
        session.scalars(select(model.id).where(model.patient_id == patient_id).order_by(model.id))
    )


def _move(session: Session, model: Any, from_id: int, to_id: int) -> list[int]:
    ids = _ids(session, model, from_id)
    if ids:
        _set_patient(session, model, ids, to_id)
    return ids


def _move_back(session: Session, model: Any, ids: list[int], to_id: int) -> None:
    present = list(session.scalars(select(model.id).where(model.id.in_(ids))))
    if present:  # a row removed since has nothing to move back
        _set_patient(session, model, present, to_id)


def _set_patient(session: Session, model: Any, ids: list[int], to_id: int) -> None:
    # The version moves on: another PC's open copy of a moved visit is then stale, not wrong.
    try:
        session.execute(
            update(model)
            .where(model.id.in_(ids))
            .values(patient_id=to_id, version=model.version + 1)
            .execution_options(synchronize_session=False)
        )
    except IntegrityError as exc:  # the database's no-overlap rule, if a check above missed
        if "overlap" in str(exc.orig).lower():
            raise MergeRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "PatientMerge",
                        "The two records have visits at the same time; open the merge again to "
                        "see which.",
                    )
                )
            ) from None
        raise


def _flush_guarded(session: Session, mrn: str) -> None:
    """Write the tombstone change; the database's merge guards become MergeRefused."""
    try:
        locking.flush(session, _record(mrn))
    except IntegrityError as exc:
        text = str(exc.orig).lower()
        if "merged" not in text:
            raise
        raise MergeRefused(
            said(
                QT_TRANSLATE_NOOP(
                    "PatientMerge",
                    "The database refused to change record {record}: it was merged, or was "
                    "given a visit, an intake or a waitlist entry a moment ago. Open the merge "
                    "again.",
                ),
                record=mrn,
            )
        ) from None


def _check_undoable(
    session: Session, record: PatientMerge, surviving: Patient, merged: Patient
) -> None:
    if merged.merged_into_id != surviving.id:
        raise MergeRefused(
            said(
                QT_TRANSLATE_NOOP(
                    "PatientMerge",
                    "Record {merged} no longer points to {surviving}; nothing to undo.",
                ),
                merged=merged.mrn,
                surviving=surviving.mrn,
            )
        )
    if surviving.merged_into_id is not None:
        raise MergeRefused(
            said(
                QT_TRANSLATE_NOOP(
                    "PatientMerge",
                    "Record {record} was itself merged into another record since; "
                    "undo that merge first.",
                ),
                record=surviving.mrn,
            )
        )
    for name, model in MOVED.items():
        ids = record.moved.get(name, [])
        if not ids:
            continue
        elsewhere = session.scalar(
            select(model.id).where(model.id.in_(ids), model.patient_id != surviving.id).limit(1)
        )
        if elsewhere is not None:
            raise MergeRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "PatientMerge",
                        "One of the {things} the merge moved now belongs to another record, so "
                        "the merge cannot be undone exactly; move it back by hand first.",
                    ),
                    things=said(rules.MOVED_KINDS[name][1]),
                )
            )
    _refuse_new_rows_on_moved_intakes(session, record, surviving)


def _refuse_new_rows_on_moved_intakes(
    session: Session, record: PatientMerge, surviving: Patient
) -> None:
    """A visit or waitlist entry made on the survivor since the merge, from an intake the
    merge moved, would be left naming another patient's intake: refuse, in words."""
    intakes = record.moved.get("intakes", [])
    if not intakes:
        return
    for name, model in (("appointments", Appointment), ("waitlist_entries", WaitlistEntry)):
        since = session.scalar(
            select(model.id)
            .where(
                model.patient_id == surviving.id,
                model.intake_id.in_(intakes),
                model.id.not_in(record.moved.get(name, []) or [-1]),
            )
            .limit(1)
        )
        if since is not None:
            raise MergeRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "PatientMerge",
                        "Since the merge, a new {thing} on {record} was made from an intake the "
                        "merge moved; undoing would leave it naming the other record's intake. "
                        "Cancel or remove it first, or keep the merge.",
                    ),
                    thing=said(rules.MOVED_KINDS[name][0]),
                    record=surviving.mrn,
                )
            )


def _restore_fields(surviving: Patient, record: PatientMerge) -> list[str]:
    """Give the survivor back its own values for the fields the merge set; a field changed
    since (its value is no longer the one the merge put there) is kept. Returns those kept."""
    current = patient_info(surviving)
    kept, restored = [], {}
    for field in record.taken:
        set_by_merge = rules.from_json(field, record.merged_before[field])
        if getattr(current, field) != set_by_merge:
            kept.append(field)
        else:
            restored[field] = rules.from_json(field, record.surviving_before[field])
    if restored:
        _apply(surviving, _changed(_draft(current), restored))
    return kept


def _draft(info: Any) -> PatientDraft:
    return PatientDraft(**{name: getattr(info, name) for name in DRAFT_FIELDS})


def _changed(draft: PatientDraft, values: Mapping[str, Any]) -> PatientDraft:
    return replace(draft, **dict(values))


def _apply(row: Patient, draft: PatientDraft) -> None:
    for name in DRAFT_FIELDS:
        setattr(row, name, getattr(draft, name))
    for column, value in stored_forms(draft).items():
        setattr(row, column, value)


def _values(info: Any) -> dict[str, Any]:
    return {name: rules.to_json(getattr(info, name)) for name in DRAFT_FIELDS}


_S, _M = aliased(Patient), aliased(Patient)
_MERGES = (
    select(
        PatientMerge.id,
        PatientMerge.surviving_id,
        _S.mrn.label("s_mrn"),
        PatientMerge.merged_id,
        _M.mrn.label("m_mrn"),
        _M.family_name,
        _M.given_name,
        StaffUser.username,
        PatientMerge.merged_at,
        PatientMerge.undone_at,
    )
    .join(_S, _S.id == PatientMerge.surviving_id)
    .join(_M, _M.id == PatientMerge.merged_id)
    .outerjoin(StaffUser, StaffUser.id == PatientMerge.merged_by)
    .order_by(PatientMerge.merged_at.desc(), PatientMerge.id.desc())
)


def _record(mrn: str) -> Message:
    """A record as a stale-record sentence names it."""
    return said(QT_TRANSLATE_NOOP("Locking", "Record {mrn}"), mrn=mrn)
