"""Many PCs racing for the same slots: each slot is booked exactly once, every loser is told.

Threads with their own engines stand for PCs on the configured backend (8 connections);
separate processes stand for PCs sharing one SQLite file (4 processes).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text

from intake.services import booking
from intake.services.database import open_database
from tests.db.practice import MONDAY, at, build
from tests.db.race_worker import race, race_in_process
from tests.db.rows import THERAPIST_OVERLAPS

TUESDAY = MONDAY + dt.timedelta(days=1)
# Ann's morning (08:00-12:00) holds four 45-minute visits a day on the hour.
STARTS = [at(day, hour).isoformat() for day in (MONDAY, TUESDAY) for hour in (8, 9, 10, 11)]


def _prepare(url: str, clients: int):  # type: ignore[no-untyped-def]
    database = open_database(url)
    try:
        return build(database, patients_count=clients)
    finally:
        database.close()


def _check(url: str, results: list[tuple[list[str], list[str], list[str]]]) -> None:
    errors = [e for _won, _lost, errs in results for e in errs]
    assert errors == []
    won = [start for w, _lost, _errs in results for start in w]
    assert sorted(won) == sorted(STARTS)  # every slot booked, none twice
    for w, lost, _errs in results:
        assert sorted(w + lost) == sorted(STARTS)  # every loser got a BookingConflict
    database = open_database(url)
    try:
        with database.reading() as session:
            overlaps = session.execute(THERAPIST_OVERLAPS).scalar()
            total = session.execute(text("SELECT count(*) FROM appointments")).scalar()
    finally:
        database.close()
    assert overlaps == 0
    assert total == len(STARTS)


@pytest.mark.parametrize("calendar_check", [True, False], ids=["as-shipped", "database-only"])
def test_eight_connections_race_for_the_same_slots(
    database_url: str, calendar_check: bool, monkeypatch: pytest.MonkeyPatch
):
    if not calendar_check:
        # Without the service's calendar read every loser must be stopped by the database
        # itself: this is the guarantee the booking relies on, not the read before it.
        monkeypatch.setattr(booking, "require_bookable", lambda *args, **kwargs: None)
    clients = 8
    practice = _prepare(database_url, clients)
    barrier = threading.Barrier(clients)
    with ThreadPoolExecutor(clients) as pool:
        futures = [
            pool.submit(
                race,
                database_url,
                practice.patients[i],
                practice.ann,
                practice.east,
                STARTS,
                i,
                barrier,
            )
            for i in range(clients)
        ]
        results = [f.result(timeout=120) for f in futures]
    _check(database_url, results)


def test_four_processes_race_on_one_sqlite_file(tmp_path: Path):
    url = f"sqlite+pysqlite:///{tmp_path / 'shared.sqlite3'}"
    clients = 4
    practice = _prepare(url, clients)
    jobs = [
        (url, practice.patients[i], practice.ann, practice.east, STARTS, i) for i in range(clients)
    ]
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        results = pool.map(race_in_process, jobs, chunksize=1)
    _check(url, results)
