"""The database itself refuses double bookings and edits to the audit trail.

Rows are written with raw SQL, bypassing every Python check, on both backends.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError

from tests.db.rows import at, insert_appointment, seed_practice


@pytest.fixture
def conn(database_url: str):  # type: ignore[no-untyped-def]
    from intake.db.engine import create_database_engine

    engine = create_database_engine(database_url)
    with engine.connect() as connection:
        seed_practice(connection)
        connection.commit()
        yield connection
    engine.dispose()


def _refused(conn, **kwargs) -> bool:  # type: ignore[no-untyped-def]
    savepoint = conn.begin_nested()
    try:
        insert_appointment(conn, **kwargs)
    except DBAPIError:
        savepoint.rollback()
        return True
    savepoint.commit()
    return False


OVERLAPS = [(0.5, 1.5), (-0.5, 0.5), (0.25, 0.75), (-1, 2), (0, 1)]


@pytest.mark.parametrize(("start", "end"), OVERLAPS)
def test_one_therapist_cannot_hold_overlapping_appointments(conn, start: float, end: float):
    insert_appointment(conn, therapist=1, patient=1, start=0, end=1)
    assert _refused(conn, therapist=1, patient=2, start=start, end=end)


@pytest.mark.parametrize(("start", "end"), OVERLAPS)
def test_one_patient_cannot_hold_overlapping_appointments(conn, start: float, end: float):
    insert_appointment(conn, therapist=1, patient=1, start=0, end=1)
    assert _refused(conn, therapist=2, patient=1, start=start, end=end)


def test_touching_ends_are_allowed(conn):
    insert_appointment(conn, therapist=1, patient=1, start=0, end=1)
    assert not _refused(conn, therapist=1, patient=1, start=1, end=2)
    assert not _refused(conn, therapist=1, patient=2, start=-1, end=0)


def test_cancelled_and_no_show_appointments_free_the_time(conn):
    insert_appointment(conn, therapist=1, patient=1, start=0, end=1, status="cancelled")
    insert_appointment(conn, therapist=1, patient=1, start=2, end=3, status="no_show")
    assert not _refused(conn, therapist=1, patient=2, start=0, end=1)
    assert not _refused(conn, therapist=1, patient=2, start=2, end=3)


def test_other_therapists_and_patients_do_not_collide(conn):
    insert_appointment(conn, therapist=1, patient=1, start=0, end=1)
    assert not _refused(conn, therapist=2, patient=2, start=0, end=1)


def test_reactivating_a_cancelled_appointment_into_a_taken_slot_is_refused(conn):
    cancelled = insert_appointment(conn, therapist=1, patient=1, start=0, end=1, status="cancelled")
    insert_appointment(conn, therapist=1, patient=2, start=0, end=1)
    with pytest.raises(DBAPIError):
        conn.execute(
            text("UPDATE appointments SET status = 'booked' WHERE id = :id"), {"id": cancelled}
        )


def test_moving_an_appointment_onto_another_is_refused(conn):
    insert_appointment(conn, therapist=1, patient=1, start=0, end=1)
    other = insert_appointment(conn, therapist=1, patient=2, start=2, end=3)
    with pytest.raises(DBAPIError):
        conn.execute(
            text(
                "UPDATE appointments SET starts_at = :s, ends_at = :e, blocks_until = :e "
                "WHERE id = :id"
            ),
            {"s": at(0.5), "e": at(1.5), "id": other},
        )
    conn.rollback()


def test_an_appointment_moved_within_its_own_time_is_fine(conn):
    row = insert_appointment(conn, therapist=1, patient=1, start=0, end=1)
    conn.execute(
        text("UPDATE appointments SET ends_at = :e, blocks_until = :e WHERE id = :id"),
        {"e": at(1.5), "id": row},
    )


def test_end_before_start_and_unknown_status_are_refused(conn):
    assert _refused(conn, start=2, end=1)
    assert _refused(conn, start=5, end=6, status="maybe")


def test_the_audit_trail_is_append_only(conn):
    conn.execute(
        text(
            "INSERT INTO audit_events (id, occurred_at, username, workstation, action, entity, "
            "fields) VALUES (1, '2026-01-01 00:00:00.000000', 'tester', 'pc', 'create', "
            "'patient', '[]')"
        )
    )
    conn.commit()
    for statement in ("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError):
            conn.execute(text(statement))
        conn.rollback()
    assert conn.scalar(text("SELECT action FROM audit_events WHERE id = 1")) == "create"


def test_foreign_keys_are_enforced(conn):
    with pytest.raises(IntegrityError):
        insert_appointment(conn, therapist=99)
    conn.rollback()


def test_naive_datetimes_are_refused_from_python(database_url: str):
    import datetime as dt

    from intake.db.models import Location
    from intake.services.database import open_database

    db = open_database(database_url)
    try:
        with pytest.raises(StatementError), db.writing() as session:
            session.add(
                Location(code="X", name="X", timezone="UTC", created_at=dt.datetime(2026, 1, 1))
            )
    finally:
        db.close()


def test_sqlite_connection_settings(tmp_path):
    from intake.db.engine import create_database_engine

    path = tmp_path / "check.sqlite3"
    engine = create_database_engine(f"sqlite+pysqlite:///{path}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    engine.dispose()
    assert path.stat().st_mode & 0o777 == 0o600


def test_plain_sqlalchemy_engine_still_sees_the_triggers(database_url: str):
    # A tool that opens the database without our engine settings cannot bypass the rule.
    engine = create_engine(database_url)
    with engine.begin() as connection:
        seed_practice(connection)
        insert_appointment(connection, start=0, end=1)
        with pytest.raises(DBAPIError):
            insert_appointment(connection, patient=2, start=0.5, end=1.5)
    engine.dispose()


def test_the_therapist_turnover_buffer_is_guarded_too(conn):
    insert_appointment(conn, therapist=1, patient=1, start=0, end=1, buffer_hours=0.25)
    # Another patient in the buffer: refused for the therapist.
    assert _refused(conn, therapist=1, patient=2, start=1, end=2)
    assert not _refused(conn, therapist=1, patient=2, start=1.25, end=2)
    # The patient is free once the visit ends: another therapist can see them straight away.
    assert not _refused(conn, therapist=2, patient=1, start=1, end=1.25)
    # A visit whose own buffer runs into a later one is refused for the therapist.
    insert_appointment(conn, therapist=2, patient=2, start=3, end=4)
    assert _refused(conn, therapist=2, patient=1, start=2, end=3, buffer_hours=0.25)
