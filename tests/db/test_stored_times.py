"""The database refuses dates and times it could not compare or the program could not read.

SQLite stores them as text in any form; its overlap triggers read them with julianday(),
which takes an epoch number for a day number. Rows are written with raw SQL here, as
another tool would, on both backends (PostgreSQL's column types do the same job there).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from intake.db import migrate
from intake.db.base import Base
from intake.db.engine import create_database_engine
from intake.domain.booking import SlotRequest
from intake.domain.errors import SchemaMismatch
from intake.services import slot_finder
from tests.db.practice import MONDAY, NOW, build, desk
from tests.db.rows import insert_appointment, seed_practice

EPOCH = 1796133600  # 2026-12-01 14:00 UTC in seconds since 1970
# Refused by both backends: not a time at all.
UNREADABLE = [EPOCH, EPOCH * 1000, 2461011.0833, str(EPOCH), "next tuesday", "", "2026-02-30"]
# Instants PostgreSQL reads well, but SQLite would keep as text other than the program's.
OTHER_FORMS = [
    "2026-12-01T14:30:00",
    "2026-12-01 14:30:00",
    "2026-12-01 14:30:00.5",
    "2026-12-01 14:30:00.000000+00:00",
    "2026-12-01 14:30:00.000000Z",
    "2026-12-01 24:00:00.000000",
    " 2026-12-01 14:30:00.000000",
]


@pytest.fixture
def conn(database_url: str):  # type: ignore[no-untyped-def]
    engine = create_database_engine(database_url)
    with engine.connect() as connection:
        seed_practice(connection)
        connection.commit()
        yield connection
    engine.dispose()


def _refused(conn: Connection, sql: str, **params: object) -> bool:
    savepoint = conn.begin_nested()
    try:
        conn.execute(text(sql), params)
    except DBAPIError:
        savepoint.rollback()
        return True
    savepoint.commit()
    return False


_APPOINTMENT = (
    "INSERT INTO appointments (patient_id, therapist_id, location_id, type_id, starts_at, "
    "ends_at, blocks_until, status, needs_review, booked_at, cancel_reason, late_cancellation, "
    "version) VALUES (2, 1, 1, 1, :start, '2026-12-01 15:30:00.000000', "
    "'2026-12-01 15:30:00.000000', 'booked', false, '2026-01-01 00:00:00.000000', '', false, 1)"
)


def _values(conn: Connection) -> list[object]:
    return UNREADABLE + (OTHER_FORMS if conn.dialect.name == "sqlite" else [])


def test_an_appointment_time_the_program_could_not_read_is_refused(conn):  # type: ignore[no-untyped-def]
    accepted = [v for v in _values(conn) if not _refused(conn, _APPOINTMENT, start=v)]
    assert accepted == []
    assert not _refused(conn, _APPOINTMENT, start="2026-12-01 14:30:00.000000")


def test_no_overlap_slips_past_the_triggers_in_another_form(conn):  # type: ignore[no-untyped-def]
    insert_appointment(conn, therapist=1, patient=1, start=0, end=1)  # 14:00-15:00 UTC
    conn.commit()
    slipped = [v for v in _values(conn) if not _refused(conn, _APPOINTMENT, start=v)]
    assert slipped == []
    # The same overlap in the program's form is refused by the overlap rule itself.
    assert _refused(conn, _APPOINTMENT, start="2026-12-01 14:30:00.000000")


def test_moving_an_appointment_to_an_unreadable_time_is_refused(conn):  # type: ignore[no-untyped-def]
    row = insert_appointment(conn, therapist=1, patient=1, start=0, end=1)
    update = "UPDATE appointments SET starts_at = :start WHERE id = :id"
    assert all(_refused(conn, update, start=v, id=row) for v in _values(conn))


@pytest.mark.parametrize(
    ("sql", "unreadable", "other_forms", "good"),
    [
        (
            "INSERT INTO closures (location_id, first_day, last_day, reason) "
            "VALUES (1, :v, '2099-12-31', '')",
            [2461407, "2027-02-29", "0000-01-01", "soon"],
            ["2027-1-1", "20270101", "2027-01-01 00:00:00"],
            "2027-01-01",
        ),
        (
            "INSERT INTO opening_hours (location_id, weekday, opens, closes) "
            "VALUES (1, 0, :v, '18:00:00.000000')",
            [8, "25:00:00.000000", "08:60:00.000000", "eight"],
            ["8:00", "08:00", "08:00:00", "08:00:00+01:00"],
            "08:00:00.000000",
        ),
        (
            "INSERT INTO audit_events (occurred_at, username, workstation, action, entity, "
            "fields) VALUES (:v, 'tester', 'pc', 'create', 'patient', '[]')",
            [EPOCH, "yesterday-ish", "2026-13-01 00:00:00.000000"],
            ["2026-01-01", "2026-01-01T00:00:00Z"],
            "2026-01-01 00:00:00.000000",
        ),
    ],
)
def test_dates_and_times_elsewhere_are_guarded_too(  # type: ignore[no-untyped-def]
    conn, sql: str, unreadable: list[object], other_forms: list[str], good: str
):
    bad = unreadable + (other_forms if conn.dialect.name == "sqlite" else [])
    assert [v for v in bad if not _refused(conn, sql, v=v)] == []
    assert not _refused(conn, sql, v=good)


def test_slot_search_works_after_every_attempt_to_write_junk(database, database_url: str):  # type: ignore[no-untyped-def]
    """A row the program cannot read back (30 February, hour 24) once broke every search."""
    practice = build(database)
    insert = (
        "INSERT INTO appointments (patient_id, therapist_id, location_id, type_id, starts_at, "
        "ends_at, blocks_until, status, needs_review, booked_at, cancel_reason, "
        "late_cancellation, version) VALUES (:p, :t, :l, 1, :start, :end, :end, 'booked', "
        "false, '2027-01-01 00:00:00.000000', '', false, 1)"
    )
    day_after = MONDAY + dt.timedelta(days=1)
    engine = create_database_engine(database_url)
    with engine.connect() as connection:
        for start in [
            "2027-02-30 14:00:00.000000",
            f"{MONDAY} 24:00:00.000000",
            *_values(connection),
        ]:
            _refused(
                connection,
                insert,
                start=start,
                end=f"{day_after} 01:00:00.000000",
                p=practice.patients[0],
                t=practice.ann,
                l=practice.east,
            )
        connection.commit()
    engine.dispose()
    request = SlotRequest(first_day=MONDAY, days=2, earliest=NOW, limit=5)
    assert slot_finder.find(database, desk(database), request)


@pytest.mark.parametrize(
    ("kind", "value", "kept"),
    [
        ("datetime", "2027-02-28 23:59:59.999999", True),
        ("datetime", "9999-12-31 23:59:59.999999", True),
        ("datetime", "0001-01-01 00:00:00.000000", True),
        ("datetime", "2027-02-30 14:00:00.000000", False),
        ("datetime", "2027-03-01 24:00:00.000000", False),
        ("datetime", "0000-01-01 00:00:00.000000", False),
        ("datetime", "2027-03-01 14:00:00.00000", False),
        ("datetime", EPOCH, False),
        ("date", "2028-02-29", True),
        ("date", "2027-02-29", False),
        ("date", "2027-04-31", False),
        ("time", "23:59:59.999999", True),
        ("time", "24:00:00.000000", False),
        ("time", "12:30:60.000000", False),
    ],
)
def test_the_stored_form_rule_at_the_edges(kind: str, value: object, kept: bool):
    import sqlite3

    from intake.db.base import stored_form_check

    with sqlite3.connect(":memory:") as raw:
        column = {"datetime": "DATETIME", "date": "DATE", "time": "TIME"}[kind]
        raw.execute(f"CREATE TABLE t (x {column} CHECK ({stored_form_check('x', kind)}))")
        try:
            raw.execute("INSERT INTO t VALUES (?)", (value,))
        except sqlite3.IntegrityError:
            assert not kept
        else:
            assert kept


# --- the migration --------------------------------------------------------------------------


def _checks(engine) -> dict[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    found = inspect(engine)
    return {
        t: {c["name"]: " ".join(c["sqltext"].split()) for c in found.get_check_constraints(t)}
        for t in found.get_table_names()
        if t != "alembic_version"
    }


def test_the_check_constraints_of_models_and_migrations_agree(  # type: ignore[no-untyped-def]
    database, empty_database_url: str
):
    modelled = create_database_engine(empty_database_url)
    Base.metadata.create_all(modelled)
    try:
        if database.backend == "sqlite":
            assert _checks(database.engine) == _checks(modelled)
        else:
            names = {t: set(c) for t, c in _checks(database.engine).items()}
            assert names == {t: set(c) for t, c in _checks(modelled).items()}
    finally:
        modelled.dispose()


def _schema_objects(engine) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
    with engine.connect() as c:
        rows = c.execute(
            text(
                "SELECT type, name, sql FROM sqlite_master "
                "WHERE type IN ('trigger', 'index') AND name NOT LIKE 'sqlite_%'"
            )
        )
        return {(kind, name): sql for kind, name, sql in rows}


@pytest.fixture
def sqlite_at_0003(empty_database_url: str):  # type: ignore[no-untyped-def]
    assert empty_database_url.startswith("sqlite"), "mark the test backend('sqlite')"
    engine = create_database_engine(empty_database_url)
    migrate.upgrade(engine, "0003")
    yield engine
    engine.dispose()


@pytest.mark.backend("sqlite")
def test_the_rebuilt_tables_keep_every_trigger_and_index(sqlite_at_0003):  # type: ignore[no-untyped-def]
    before = _schema_objects(sqlite_at_0003)
    assert sum(kind == "trigger" for kind, _ in before) >= 30  # overlap, audit, calendar
    migrate.upgrade(sqlite_at_0003)
    after = _schema_objects(sqlite_at_0003)
    # Every one kept word for word through the rebuilds (later migrations may add more).
    assert {key: after.get(key) for key in before} == before
    with sqlite_at_0003.begin() as connection:  # and the overlap trigger still fires
        seed_practice(connection)
        insert_appointment(connection, start=0, end=1)
        with pytest.raises(DBAPIError, match="overlaps"):
            insert_appointment(connection, patient=2, start=0.5, end=1.5)
    migrate.downgrade(sqlite_at_0003, "0003")
    assert _schema_objects(sqlite_at_0003) == before


@pytest.mark.backend("sqlite")
def test_the_upgrade_completes_times_written_without_the_fraction(sqlite_at_0003):  # type: ignore[no-untyped-def]
    with sqlite_at_0003.begin() as connection:
        seed_practice(connection)
        connection.execute(text("UPDATE patients SET created_at = '2026-01-01 00:00:00'"))
        connection.execute(
            text(
                "INSERT INTO audit_events (occurred_at, username, workstation, action, entity, "
                "fields) VALUES ('2026-01-01 00:00:00', 'tester', 'pc', 'create', 'x', '[]')"
            )
        )
    migrate.upgrade(sqlite_at_0003)
    with sqlite_at_0003.connect() as connection:
        assert connection.execute(text("SELECT DISTINCT created_at FROM patients")).all() == [
            ("2026-01-01 00:00:00.000000",)
        ]
        assert connection.scalar(text("SELECT occurred_at FROM audit_events")) == (
            "2026-01-01 00:00:00.000000"
        )


@pytest.mark.backend("sqlite")
def test_the_upgrade_stops_on_an_unreadable_time_and_changes_nothing(sqlite_at_0003):  # type: ignore[no-untyped-def]
    with sqlite_at_0003.begin() as connection:
        seed_practice(connection)
        connection.execute(text(f"UPDATE patients SET updated_at = {EPOCH} WHERE id = 2"))
        connection.execute(text("UPDATE patients SET created_at = '2026-01-01 00:00:00'"))
    with pytest.raises(SchemaMismatch, match=r"patients\.updated_at \(1 rows\)"):
        migrate.upgrade(sqlite_at_0003)
    assert migrate.current_revision(sqlite_at_0003) == "0003"
    with sqlite_at_0003.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"))
        assert connection.scalar(text("SELECT min(created_at) FROM patients")) == (
            "2026-01-01 00:00:00"
        )  # rolled back with the rest


def test_a_time_stored_by_the_program_is_its_canonical_form(database):  # type: ignore[no-untyped-def]
    # The checks above describe what SQLAlchemy writes; if that ever changes, they must too.
    practice = build(database)
    assert practice.patients
    if database.backend == "sqlite":
        with database.reading() as session:
            stamp = session.execute(text("SELECT created_at FROM patients LIMIT 1")).scalar()
        assert dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f")
        assert len(stamp) == 26
