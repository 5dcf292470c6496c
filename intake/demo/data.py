"""Filling a database with the synthetic demo practice, fast (bulk inserts, COPY on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, text
from sqlalchemy.orm import Session

from intake.db.base import Base
from intake.db.models import Location, Patient
from intake.demo.practice import DemoOptions, build
from intake.demo.rows import Row
from intake.domain.accounts import DemoAccount
from intake.domain.enums import Role
from intake.domain.errors import KnownError
from intake.services import patient_index
from intake.services.database import Database
from intake.services.passwords import hash_password, scram_verifier

BATCH = 20_000
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


def _holds_practice(session: Session) -> bool:
    locations = session.scalar(select(func.count()).select_from(Location))
    return bool(locations or session.scalar(select(func.count()).select_from(Patient)))


def fill(database: Database, options: DemoOptions) -> DemoSummary:
    """Write the demo practice into an empty, migrated database in one transaction."""
    started = time.perf_counter()
    practice = build(options)
    practice.tables["staff_users"] = _accounts(options, database.backend)
    with database.writing() as session:
        connection = session.connection()
        if _holds_practice(session):
            raise DatabaseNotEmpty(
                f"The database {database.display_url} already holds a practice; "
                "demo data goes only into an empty database."
            )
        for name in _insert_order():
            rows = practice.tables.get(name, [])
            if rows:
                _bulk_insert(connection, name, rows)
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection, practice.tables)
        # Bulk-loaded patients get their type-ahead search keys in the same transaction.
        patient_index.rebuild(connection)
    counts = {name: len(rows) for name, rows in practice.tables.items()}
    return DemoSummary(counts, time.perf_counter() - started)


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


def _bulk_insert(connection: Connection, name: str, rows: list[Row]) -> None:
    table = Base.metadata.tables[name]
    if connection.dialect.name == "postgresql":
        _copy(connection, name, rows)
        return
    for start in range(0, len(rows), BATCH):
        connection.execute(insert(table), rows[start : start + BATCH])


def _copy(connection: Connection, name: str, rows: list[Row]) -> None:
    """PostgreSQL COPY: an order of magnitude faster than INSERT for 200,000 patients."""
    columns = list(rows[0])
    raw: Any = connection.connection.driver_connection
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row([_copy_value(row[c]) for c in columns])


def _copy_value(value: Any) -> Any:
    # JSON documents (intake answers and results) go to JSONB columns as Jsonb.
    from psycopg.types.json import Jsonb  # PostgreSQL only: not loaded on SQLite PCs

    return Jsonb(value) if isinstance(value, dict | list) else value


def _reset_sequences(connection: Connection, tables: dict[str, list[Row]]) -> None:
    # Rows were written with explicit ids; move each id sequence past them.
    for name, rows in tables.items():
        if rows and "id" in rows[0]:
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT max(id) FROM {name}))"
                )
            )
