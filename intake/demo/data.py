"""Filling a database with the synthetic demo practice, fast (bulk inserts, COPY on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sqlite3
import time
from array import array
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from intake.db.base import Base
from intake.db.engine import WRITE_OPTION
from intake.db.models import Location, Patient
from intake.demo import bulk
from intake.demo.patients import (
    COLUMNS,
    KEY_COLUMNS,
    SEXES_STORED,
    Prepared,
    chunk_count,
    prepare,
)
from intake.demo.practice import DemoOptions, Skeleton
from intake.demo.rows import Row
from intake.domain.accounts import DemoAccount
from intake.domain.enums import Role
from intake.domain.errors import KnownError
from intake.services.database import Database
from intake.services.passwords import hash_password, scram_verifier

DEMO_PASSWORD = "demo"
DEMO_ACCOUNTS = (
    ("admin", "Demo Admin", "admin"),
    ("frontdesk", "Demo Front Desk", "front_desk"),
    ("therapist", "Demo Therapist", "therapist"),
    ("tablet", "Demo Waiting-Room Tablet", "tablet"),  # `intake kiosk --demo` signs in as it
)


def fill_if_empty(database: Database, patients: int) -> None:
    """The demo practice on its first start: filled once, then used as it is."""
    if is_empty(database):
        fill(database, DemoOptions(patients=patients))


def demo_accounts() -> tuple[DemoAccount, ...]:
    """The demo practice's accounts, shown on its sign-in screen (never in a real practice)."""
    return tuple(DemoAccount(name, Role(role), DEMO_PASSWORD) for name, _, role in DEMO_ACCOUNTS)


@dataclass(frozen=True)
class DemoSummary:
    rows: dict[str, int]
    seconds: float


class DatabaseNotEmpty(KnownError):
    pass


def is_empty(database: Database) -> bool:
    with database.reading() as session:
        return not _holds_practice(session)


def _holds_practice(session: Session | Connection) -> bool:
    locations = session.scalar(select(func.count()).select_from(Location))
    return bool(locations or session.scalar(select(func.count()).select_from(Patient)))


def fill(database: Database, options: DemoOptions) -> DemoSummary:
    """Write the demo practice into an empty, migrated database in one transaction.

    The patients (millions for a chain) are streamed chunk by chunk with their search keys;
    only their birth dates and sexes stay in memory, for the intakes' screening answers.
    """
    started = time.perf_counter()
    practice = Skeleton.of(options)
    tables = dict(practice.tables, staff_users=_accounts(options, database.backend))
    counts: dict[str, int] = {}
    with _loading(database) as connection:
        if _holds_practice(connection):
            raise DatabaseNotEmpty(
                f"The database {database.display_url} already holds a practice; "
                "demo data goes only into an empty database."
            )
        writer = bulk.Writer(connection)
        with bulk.without_indexes(connection):
            for name in _insert_order():
                if name == "patients":
                    people = _write_patients(writer, options, practice.now)
                    counts["patients"] = options.patients
                    appointments, intakes = practice.visits(options.patients, people.person)
                    tables.update(appointments=appointments, intakes=intakes)
                elif name in tables:
                    writer.write_dicts(name, tables[name])
                    counts[name] = len(tables[name])
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection, tables)
        # Fresh statistics for the type-ahead search's plans (SQLite: as before this fill).
        analyzed = (
            bulk.BIG_TABLES if connection.dialect.name == "postgresql" else bulk.BIG_TABLES[1:]
        )
        for name in analyzed:
            connection.exec_driver_sql(f"ANALYZE {name}")
    if database.backend == "postgresql":
        loaded = [n for n in _insert_order() if counts.get(n) or n in bulk.BIG_TABLES]
        _mark_visible(database, loaded)
    return DemoSummary(counts, time.perf_counter() - started)


def _mark_visible(database: Database, tables: list[str]) -> None:
    """VACUUM and ANALYZE what the load wrote, as autovacuum would some time later. Until
    then no page of a freshly loaded table is marked all-visible, so every index-only scan
    of the type-ahead search also reads the table (p95 140 ms at 2,000,000 patients, 5 ms
    after), and the appointments have no statistics for the slot search's plans (first 20
    slots p95 26–31 ms at the chain, 5 ms after). A few seconds' work. A login that does
    not own the tables is skipped by PostgreSQL with a warning."""
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        for name in tables:
            c.exec_driver_sql(f"VACUUM (ANALYZE) {name}")


class _People:
    """What the intakes need of each streamed patient, in two compact arrays."""

    def __init__(self) -> None:
        self._born = array("l")
        self._sex = bytearray()

    def add(self, chunk: Prepared) -> None:
        self._born.extend(chunk.born)
        self._sex.extend(chunk.sex)

    def person(self, patient_id: int) -> Row:
        return {
            "id": patient_id,
            "date_of_birth": dt.date.fromordinal(self._born[patient_id - 1]),
            "sex": SEXES_STORED[self._sex[patient_id - 1]],
        }


PARALLEL_FROM = 50_000  # patients: below this a worker process costs more than it saves
IN_FLIGHT = 3  # chunks made ahead of the writer, at most (memory stays flat)
Job = tuple[int, int, int, int, dt.datetime, bool]


def _write_patients(writer: bulk.Writer, options: DemoOptions, now: dt.datetime) -> _People:
    people = _People()
    as_text = writer.postgres
    jobs = [
        (options.seed, i, options.patients, options.locations, now, as_text)
        for i in range(chunk_count(options.patients))
    ]
    for chunk in _prepared(jobs, parallel=options.patients >= PARALLEL_FROM):
        for table, columns, rows in (
            ("patients", COLUMNS, chunk.patients),
            ("patient_search_keys", KEY_COLUMNS, chunk.keys),
        ):
            if isinstance(rows, bytes):
                writer.copy_text(table, columns, rows)
            else:
                writer.write(table, columns, rows)
        people.add(chunk)
    return people


def _prepared(jobs: list[Job], *, parallel: bool) -> Iterator[Prepared]:
    """The chunks in order; for a big practice made by worker processes while this one
    writes (fresh interpreters: the caller may be the GUI, which must not fork)."""
    if not parallel:
        yield from map(prepare, jobs)
        return
    workers = max(1, min(4, (os.cpu_count() or 2) - 1))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        queue = iter(jobs)
        pending = deque(pool.submit(prepare, job) for job in islice(queue, workers + IN_FLIGHT))
        while pending:
            done = pending.popleft().result()
            pending.extend(pool.submit(prepare, job) for job in islice(queue, 1))
            yield done


@contextmanager
def _loading(database: Database) -> Iterator[Connection]:
    """One write transaction on one connection. SQLite: no journal and no syncing while
    it runs (an interrupted fill leaves a file to delete, not a practice), restored after."""
    engine = database.engine.execution_options(**{WRITE_OPTION: True})
    with database.translating(), engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        raw: Any = connection.connection.driver_connection
        if sqlite:
            saved = {p: raw.execute(f"PRAGMA {p}").fetchone()[0] for p in _SQLITE_LOAD_PRAGMAS}
            for pragma, value in _SQLITE_LOAD_PRAGMAS.items():
                raw.execute(f"PRAGMA {pragma}={value}")
        try:
            with connection.begin():
                yield connection
        finally:
            # A connection that died took these settings with it (each new one starts in
            # WAL mode): nothing to restore, and the error that killed it goes on unmasked.
            if sqlite:
                with suppress(sqlite3.ProgrammingError):
                    for pragma, value in saved.items():
                        raw.execute(f"PRAGMA {pragma}={value}")


_SQLITE_LOAD_PRAGMAS = {
    "journal_mode": "OFF",
    "synchronous": "OFF",
    "cache_size": "-400000",  # KiB: the index builds sort in memory
}


def _accounts(options: DemoOptions, backend: str) -> list[Row]:
    created = dt.datetime.combine(options.today, dt.time(12), dt.UTC)
    # One hash: argon2 is slow on purpose. PostgreSQL: each account is a login of its own,
    # and the verifier becomes its password (the database keeps no hash in the table).
    digest = (
        scram_verifier(DEMO_PASSWORD) if backend == "postgresql" else hash_password(DEMO_PASSWORD)
    )
    return [
        {
            "id": i + 1,
            "username": username,
            "display_name": display,
            "role": role,
            "password_hash": digest,
            "active": True,
            "failed_sign_ins": 0,
            "locked_until": None,
            "created_at": created,
            "version": 1,
        }
        for i, (username, display, role) in enumerate(DEMO_ACCOUNTS)
    ]


def _insert_order() -> list[str]:
    return [table.name for table in Base.metadata.sorted_tables]


def _reset_sequences(connection: Connection, tables: dict[str, list[Row]]) -> None:
    # Rows were written with explicit ids; move each id sequence past them.
    for name, rows in {**tables, "patients": [{"id": 1}]}.items():
        if rows and "id" in rows[0]:
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT max(id) FROM {name}))"
                )
            )
