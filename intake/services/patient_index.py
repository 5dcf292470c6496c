"""Keeping the patient search keys (table patient_search_keys) in step with the patients.

Services call `refresh` inside the unit of work that writes a patient. Bulk loaders (the demo
practice) call `rebuild` once after inserting patients with plain INSERT or COPY.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session

from intake.db.models import Patient
from intake.db.models.patient import PatientSearchKey
from intake.domain.search_query import name_words, patient_keys, sort_name, words_text

BATCH = 20_000
_COLUMNS = ("patient_id", "key", "sort_name", "words")


def key_rows(patient: Any) -> list[dict[str, object]]:
    """The search-key rows of one patient (anything with the Patient column attributes)."""
    words = words_text(name_words(patient.family_name, patient.given_name, patient.preferred_name))
    name = sort_name(patient.family_name, patient.given_name)
    keys = patient_keys(
        patient.family_name,
        patient.given_name,
        patient.preferred_name,
        patient.date_of_birth,
        patient.phone,
        patient.email,
    )
    return [{"patient_id": patient.id, "key": k, "sort_name": name, "words": words} for k in keys]


def refresh(session: Session, row: Patient) -> None:
    """Replace one patient's keys, inside the caller's unit of work."""
    session.execute(delete(PatientSearchKey).where(PatientSearchKey.patient_id == row.id))
    session.execute(insert(PatientSearchKey), key_rows(row))


def rebuild(connection: Connection) -> int:
    """Recompute every patient's keys (after a bulk load); returns the number of key rows.

    Runs inside the caller's transaction. On PostgreSQL it uses COPY and then ANALYZE.
    """
    connection.execute(delete(PatientSearchKey))
    columns = [getattr(Patient, n) for n in _PATIENT_COLUMNS]
    patients = connection.execute(select(*columns).order_by(Patient.id)).all()
    total = 0
    for batch in _batches(r for p in patients for r in key_rows(p)):
        total += len(batch)
        if connection.dialect.name == "postgresql":
            _copy(connection, batch)
        else:
            connection.execute(insert(PatientSearchKey), batch)
    connection.exec_driver_sql("ANALYZE patient_search_keys")
    return total


_PATIENT_COLUMNS = (
    "id",
    "family_name",
    "given_name",
    "preferred_name",
    "date_of_birth",
    "phone",
    "email",
)


def _batches(rows: Iterable[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _copy(connection: Connection, rows: list[dict[str, object]]) -> None:
    raw: Any = connection.connection.driver_connection
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY patient_search_keys ({', '.join(_COLUMNS)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row([row[c] for c in _COLUMNS])
