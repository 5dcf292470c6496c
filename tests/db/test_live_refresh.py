"""Live refresh between two independent program sessions (separate engines), both databases."""

from __future__ import annotations

import queue

from sqlalchemy import text

from intake.domain.booking import BookingRequest
from intake.services import booking, changes
from intake.services.changes import ScheduleChange
from intake.services.database import open_database
from tests.db.practice import MONDAY, NOW, at, build, desk

WAIT_S = 2.0  # the promise: within two seconds


def test_a_booking_on_one_pc_reaches_the_other(database_url: str) -> None:
    first = open_database(database_url)
    second = open_database(database_url)
    heard: queue.Queue[ScheduleChange] = queue.Queue()
    feed = changes.watch(second, heard.put, interval=0.1)
    try:
        practice = build(first)
        assert feed.ready.wait(WAIT_S)
        while not heard.empty():  # the set-up's own writes
            heard.get_nowait()
        request = BookingRequest(
            practice.patients[0], practice.ann, practice.east, at(MONDAY, 9), "FU45"
        )
        booking.book(first, desk(first), request, now=NOW)
        change = heard.get(timeout=WAIT_S)
        assert change.concerns(practice.east, (MONDAY,))
        if first.backend == "postgresql":  # the payload names place and day, nothing else
            assert change == ScheduleChange(practice.east, MONDAY)
        with second.reading() as session:
            count = session.execute(text("SELECT count(*) FROM appointments")).scalar()
        assert count == 1
    finally:
        feed.stop()
        first.close()
        second.close()
    assert not feed.running


def test_payload_carries_no_patient_data() -> None:
    payload = ScheduleChange(3, MONDAY).payload()
    assert payload == '{"location_id": 3, "day": "2027-03-01"}'
    assert ScheduleChange.from_payload(payload) == ScheduleChange(3, MONDAY)
    assert ScheduleChange.from_payload("garbage") == changes.ANYTHING
