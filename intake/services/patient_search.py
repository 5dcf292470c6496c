"""Type-ahead patient search: names in any order, date of birth, phone digits, record number.

Each reading of the query (see intake.domain.search_query) is one range scan of the ordered
index on patient_search_keys, read in result order and cut at the limit; the found patients
are then read by primary key. Every search is audited as 'search' without the query text.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Integer, Select, bindparam, select

from intake.db.models import Patient
from intake.db.models.patient import PatientSearchKey
from intake.domain.permissions import Permission
from intake.domain.search_query import (
    DOB,
    NATIONAL_DIGITS,
    PHONE,
    PHONE_END,
    Reading,
    SearchQuery,
    name_words,
    parse,
    prefix_range,
)
from intake.domain.text import digits
from intake.services import audit
from intake.services.actor import Actor
from intake.services.database import Database

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


@dataclass(frozen=True)
class PatientHit:
    """One search result: enough to tell patients apart on the phone."""

    id: int
    mrn: str
    family_name: str
    given_name: str
    preferred_name: str
    date_of_birth: dt.date
    sex: str
    phone: str
    matched: str  # 'name', 'date of birth', 'phone' or 'record number'
    # Found through a record merged into this one: that record's number ('' otherwise).
    merged_from: str = ""


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[PatientHit, ...]
    more: bool  # True when the limit cut the list: type more to narrow it


def search(
    database: Database,
    actor: Actor,
    text: str,
    *,
    limit: int = DEFAULT_LIMIT,
    today: dt.date | None = None,
) -> SearchResult:
    """Patients matching what was typed, best first; empty for an empty query."""
    actor.require(Permission.PATIENTS)
    query = parse(text, today or dt.date.today())
    if query.is_empty:
        return SearchResult((), False)
    limit = max(1, min(limit, MAX_LIMIT))
    with database.writing() as session:
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            # A search changes no record: its audit event need not wait for the disk flush
            # (still atomic; a server crash could lose the last fraction of a second of them).
            connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
        found = find(connection, query, limit + 1)
        audit.record(session, actor, "search", "patient")
    return SearchResult(found[:limit], len(found) > limit)


def find(connection: Connection, query: SearchQuery, limit: int) -> tuple[PatientHit, ...]:
    """The lookup itself, inside the caller's transaction (no audit)."""
    ordered: dict[int, PatientHit] = {}
    for reading in sorted(query.readings, key=lambda r: not r.mrn):  # exact numbers first
        wanted = limit - len(ordered)
        if wanted <= 0:
            break
        for hit in _find_reading(connection, reading, wanted, exclude=set(ordered)):
            ordered.setdefault(hit.id, hit)
    return tuple(ordered.values())[:limit]


def _find_reading(
    connection: Connection, reading: Reading, limit: int, exclude: set[int]
) -> list[PatientHit]:
    if reading.mrn:
        rows = connection.execute(_BY_MRN, {"mrn": reading.mrn}).all()
        found = [h for h in _hits(rows, "record number") if _also_matches(h, reading)]
        return _survivors(connection, rows, found)
    matched, scans = _scans(reading)
    ids: list[int] = []
    for low, high, names in scans:
        for patient_id in _scan(connection, low, high, names, limit + len(exclude)):
            if patient_id not in exclude and patient_id not in ids:
                ids.append(patient_id)
    if not ids:
        return []
    ids = ids[:limit]
    rows = connection.execute(_BY_IDS, {"ids": ids}).all()
    by_id = {h.id: h for h in _hits(rows, matched)}  # the scan checked every part
    return _survivors(connection, rows, [by_id[i] for i in ids if i in by_id])


def _survivors(
    connection: Connection, rows: Sequence[Any], hits: list[PatientHit]
) -> list[PatientHit]:
    """Each hit on a merged record (a tombstone) replaced by the record it was merged into
    (following a chain of merges), marked with the old number; each record listed once."""
    links: dict[int, int | None] = {
        row.id: row.merged_into_id for row in rows if row.merged_into_id is not None
    }
    if not links:
        return hits
    pending = {t for t in links.values() if t is not None and t not in links}
    while pending:  # a survivor may have been merged on since: follow the chain
        step = dict(connection.execute(_MERGED_INTO, {"ids": sorted(pending)}).all())
        links.update({i: step.get(i) for i in pending})
        pending = {t for t in step.values() if t is not None and t not in links}
    ends = {hit.id: _end(links, hit.id) for hit in hits if links.get(hit.id) is not None}
    found = connection.execute(_BY_IDS, {"ids": sorted(set(ends.values()))}).all()
    by_id = {row.id: row for row in found if row.merged_into_id is None}
    result: dict[int, PatientHit] = {}
    for hit in hits:
        if hit.id not in ends:
            result.setdefault(hit.id, hit)
        elif (target := by_id.get(ends[hit.id])) is not None:
            survivor = _hits([target], hit.matched)[0]
            result.setdefault(survivor.id, replace(survivor, merged_from=hit.mrn))
    return list(result.values())


def _end(links: dict[int, int | None], start: int) -> int:
    at, seen = start, {start}
    while (nxt := links.get(at)) is not None and nxt not in seen:
        seen.add(nxt)
        at = nxt
    return at


def _scans(reading: Reading) -> tuple[str, list[tuple[str, str, tuple[str, ...]]]]:
    """What matched, and the key ranges to scan with the name words still to filter by."""
    names = reading.names
    if reading.birth_date is not None:
        low, high = prefix_range(f"{DOB}{reading.birth_date:%Y%m%d}")
        return "date of birth", [(low, high, names)]
    if reading.phone:
        start = prefix_range(f"{PHONE}{reading.phone}")
        end = prefix_range(f"{PHONE_END}{reading.phone[::-1]}")
        return "phone", [(*start, names), (*end, names)]
    driver = max(names, key=len)  # the longest word narrows the scan most
    rest = tuple(n for n in names if n != driver)
    return "name", [(*prefix_range(driver), rest)]


def _scan(
    connection: Connection, low: str, high: str, names: tuple[str, ...], limit: int
) -> list[int]:
    """Patient ids in index order; a patient with several matching keys is listed once."""
    params: dict[str, object] = {"low": low, "high": high}
    params.update({f"w{i}": f"% {n}%" for i, n in enumerate(names)})
    fetch = limit * 2
    while True:
        rows = connection.execute(_scan_statement(len(names)), {**params, "n": fetch}).all()
        ids = list(dict.fromkeys(r[0] for r in rows))
        if len(ids) >= limit or len(rows) < fetch:
            return ids[:limit]
        fetch *= 4


@functools.cache
def _scan_statement(filters: int) -> Select[int]:
    """Built once per number of extra name words (statements are then cached compiled)."""
    key = PatientSearchKey
    return (
        select(key.patient_id)
        .where(
            key.key >= bindparam("low"),
            key.key < bindparam("high"),
            *(key.words.like(bindparam(f"w{i}")) for i in range(filters)),
        )
        .order_by(key.key, key.sort_name, key.patient_id)
        .limit(bindparam("n", type_=Integer))
    )


def _also_matches(hit: PatientHit, reading: Reading) -> bool:
    """Parts of a reading the scan did not check (a number together with a name...)."""
    words = name_words(hit.family_name, hit.given_name, hit.preferred_name)
    if not all(any(w.startswith(n) for w in words) for n in reading.names):
        return False
    if reading.birth_date is not None and hit.date_of_birth != reading.birth_date:
        return False
    if reading.phone:
        number = digits(hit.phone)
        national = number[-NATIONAL_DIGITS:]
        if not any(n.startswith(reading.phone) for n in (number, national)) and not (
            number.endswith(reading.phone)
        ):
            return False
    return True


_HIT_COLUMNS = select(
    Patient.id,
    Patient.mrn,
    Patient.family_name,
    Patient.given_name,
    Patient.preferred_name,
    Patient.date_of_birth,
    Patient.sex,
    Patient.phone,
    Patient.merged_into_id,
)


_BY_MRN = _HIT_COLUMNS.where(Patient.mrn == bindparam("mrn"))
_BY_IDS = _HIT_COLUMNS.where(Patient.id.in_(bindparam("ids", expanding=True)))
_MERGED_INTO = select(Patient.id, Patient.merged_into_id).where(
    Patient.id.in_(bindparam("ids", expanding=True))
)


def _hits(rows: Sequence[Any], matched: str) -> list[PatientHit]:
    # Each row is the hit's fields but `matched` and `merged_from` (and merged_into_id, last);
    # mypy cannot tell how many a row holds.
    return [PatientHit(*row[:-1], matched=matched) for row in rows]  # type: ignore[misc]
