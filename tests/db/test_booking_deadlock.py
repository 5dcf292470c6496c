"""A booking the database undoes for deadlocking with another PC's transaction is run
again, a few times; if it never gets through, the caller hears what a lost race says."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from intake.domain.booking import BookingConflict, BookingRequest, SlotRequest
from intake.services import booking, slot_finder
from intake.services import database as database_service
from tests.db.practice import MONDAY, NOW, build, desk, screened_intake


def _first_slot(database, patient: int, intake_id: int) -> BookingRequest:  # type: ignore[no-untyped-def]
    slot = slot_finder.find(
        database, desk(database), SlotRequest(first_day=MONDAY, earliest=NOW, limit=1)
    )[0]
    return BookingRequest(patient, slot.therapist_id, slot.location_id, slot.start, "EVAL60",
                          intake_id)  # fmt: skip


def _count_inserts(database) -> list[str]:  # type: ignore[no-untyped-def]
    """Each attempt at the booking sends one INSERT of the visit (on PostgreSQL inside a
    WITH, together with its audit row)."""
    sent: list[str] = []

    def seen(_conn, _cursor, statement, *_rest):  # type: ignore[no-untyped-def]
        if "INSERT INTO APPOINTMENTS" in statement.upper():
            sent.append(statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    return sent


def _wait_until(done: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_real_deadlock_is_retried_and_the_visit_booked(database, monkeypatch):  # type: ignore[no-untyped-def]
    if database.backend != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time: it cannot deadlock")
    practice = build(database, patients_count=1)
    patient = practice.patients[0]
    intake_id = screened_intake(database, patient)
    request = _first_slot(database, patient, intake_id)
    attempts = _count_inserts(database)
    url = make_url(database.engine.url)
    params = dict(host=url.host, port=url.port, user=url.username, dbname=url.database)
    other = psycopg.connect(**params)  # another PC, taking the same two rows in the other order
    watcher = psycopg.connect(**params, autocommit=True)
    result: dict[str, object] = {}
    try:
        other.execute("SET deadlock_timeout = '20s'")  # the booking is the one undone
        other.execute("SELECT 1 FROM patients WHERE id = %s FOR UPDATE", (patient,))

        def book() -> None:
            try:
                result["visit"] = booking.book(database, desk(database), request, now=NOW)
            except Exception as exc:  # reported below
                result["error"] = exc

        thread = threading.Thread(target=book, daemon=True)
        thread.start()
        # The booking holds the intake and waits for the patient row (its foreign key).
        _wait_until(
            lambda: (
                watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND application_name = 'intake' AND wait_event_type = 'Lock'"
                ).fetchone()[0]  # type: ignore[index]
                > 0
            )
        )
        # Now the other PC wants the intake: a cycle; the database undoes the booking.
        other.execute("SELECT 1 FROM intakes WHERE id = %s FOR UPDATE", (intake_id,))
        other.rollback()
        thread.join(30)
    finally:
        other.close()
        watcher.close()
    assert "error" not in result, result.get("error")
    assert result["visit"].start == request.start  # type: ignore[attr-defined]
    assert len(attempts) == 2


def test_deadlocks_every_time_end_as_a_lost_race_with_alternatives(database, monkeypatch):  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=1)
    intake_id = screened_intake(database, practice.patients[0])
    request = _first_slot(database, practice.patients[0], intake_id)
    attempts: list[int] = []

    def deadlocked(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        attempts.append(1)
        raise OperationalError("INSERT", {}, psycopg.errors.DeadlockDetected("deadlock detected"))

    monkeypatch.setattr(booking, "insert_guarded", deadlocked)
    with pytest.raises(BookingConflict) as caught:
        booking.book(database, desk(database), request, now=NOW)
    assert len(attempts) == 1 + database_service.RETRIES
    assert "just taken" in str(caught.value)
    assert caught.value.alternatives
