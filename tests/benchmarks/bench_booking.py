"""Slot search and booking at practice scale, on SQLite and PostgreSQL.

Run from the repository root:
    python -m tests.benchmarks.bench_booking [--patients 200000] [--postgres URL] [--runs 50]

1. First 20 free evaluation slots across all locations (12 locations, 80 therapists, about
   85% of the next 60 days booked): p50 and p95, target p95 <= 30 ms on both backends.
2. 32 clients racing for 100 slots on PostgreSQL: exactly 100 booked; throughput compared
   with the same clients running a plain INSERT loop of 100 rows; target >= 50%.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import text

from intake.domain.booking import BookingConflict, BookingRequest, SlotOffer, SlotRequest
from intake.services import booking, slot_finder
from intake.services.actor import SYSTEM
from intake.services.database import Database, connect, open_database
from intake.services.demo_data import fill
from intake.services.demo_practice import DemoOptions
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres, percentile

CLIENTS = 32
RACE_SLOTS = 100


def slot_search(database: Database, runs: int, today: dt.date) -> tuple[float, float, int]:
    request = SlotRequest(first_day=today, days=60, type_code="EVAL60", limit=20)
    slot_finder.find(database, SYSTEM, request)  # warm the connection pool and caches
    samples = []
    found = 0
    for _ in range(runs):
        started = time.perf_counter()
        found = len(slot_finder.find(database, SYSTEM, request))
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), percentile(samples, 0.95), found


def race(url: str) -> tuple[int, float, float]:
    """(booked, racing seconds, plain-insert seconds) for 100 slots and 32 clients."""
    from tests.db.practice import NOW, build

    setup = open_database(url)
    practice = build(setup, patients_count=CLIENTS)
    request = SlotRequest(first_day=NOW.date(), days=60, type_code="FU45", limit=500, earliest=NOW)
    slots = disjoint(slot_finder.find(setup, SYSTEM, request))[:RACE_SLOTS]
    assert len(slots) == RACE_SLOTS, len(slots)
    setup.close()
    booked: set[int] = set()
    lock = threading.Lock()
    barrier = threading.Barrier(CLIENTS)

    def client(index: int) -> None:
        database = connect(url)
        order = list(range(RACE_SLOTS))
        random.Random(index).shuffle(order)
        barrier.wait()
        for i in order:
            with lock:
                if i in booked:
                    continue
            slot = slots[i]
            try:
                booking.book(
                    database,
                    SYSTEM,
                    BookingRequest(
                        practice.patients[index],
                        slot.therapist_id,
                        slot.location_id,
                        slot.start,
                        type_code="FU45",
                    ),
                    now=NOW,
                )
            except BookingConflict:
                continue
            with lock:
                booked.add(i)
        database.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(client, range(CLIENTS)))
    racing = time.perf_counter() - started
    check = connect(url)
    with check.reading() as session:
        count = session.execute(text("SELECT count(*) FROM appointments")).scalar() or 0
        session.execute(text("SELECT 1"))
    with check.writing() as session:
        session.execute(text("DELETE FROM appointments"))
    check.close()
    plain = plain_inserts(url, practice, slots)
    return count, racing, plain


def disjoint(offers: list[SlotOffer]) -> list[SlotOffer]:
    """Slots that can all be booked together (one therapist's candidates overlap)."""
    chosen: list[SlotOffer] = []
    for offer in offers:
        if all(
            c.therapist_id != offer.therapist_id or c.end <= offer.start or offer.end <= c.start
            for c in chosen
        ):
            chosen.append(offer)
    return chosen


def plain_inserts(url: str, practice: object, slots: list[object]) -> float:
    """The same clients writing the same 100 rows with bare INSERTs, no checks, no ORM."""
    barrier = threading.Barrier(CLIENTS)
    share = [slots[i::CLIENTS] for i in range(CLIENTS)]

    def client(index: int) -> None:
        database = connect(url)
        barrier.wait()
        for slot in share[index]:
            with database.engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO appointments (patient_id, therapist_id, location_id, type_id, "
                        "starts_at, ends_at, blocks_until, status, needs_review, booked_at, "
                        "cancel_reason, late_cancellation, version) VALUES (:p, :t, :l, 2, :s, :e, "
                        ":e, 'booked', false, :s, '', false, 1)"
                    ),
                    {
                        "p": practice.patients[index],
                        "t": slot.therapist_id,  # type: ignore[attr-defined]
                        "l": slot.location_id,
                        "s": slot.start,
                        "e": slot.end,
                    },
                )  # type: ignore[attr-defined]
        database.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(client, range(CLIENTS)))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    args = parser.parse_args()
    today = dt.date.today()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for backend, url in (
            ("SQLite", f"sqlite+pysqlite:///{Path(folder) / 'bench.sqlite3'}"),
            ("PostgreSQL", fresh_postgres(args.postgres, "slots")),
        ):
            database = open_database(url)
            fill(database, DemoOptions(patients=args.patients, seed=1, today=today))
            p50, p95, found = slot_search(database, args.runs, today)
            database.close()
            print(f"{backend}: first 20 slots p50 {p50:.1f} ms, p95 {p95:.1f} ms", flush=True)
            rows.append(
                (
                    f"first 20 slots, {backend}",
                    f"p50 {p50:.1f} ms, p95 {p95:.1f} ms",
                    "p95 <= 30 ms",
                    "ok" if p95 <= 30 and found == 20 else "MISSED",
                )
            )
    count, racing, plain = race(fresh_postgres(args.postgres, "race"))
    ratio = plain / racing
    rows.append(
        (
            "race: slots booked (PostgreSQL)",
            f"{count} of {RACE_SLOTS}",
            f"exactly {RACE_SLOTS}",
            "ok" if count == RACE_SLOTS else "MISSED",
        )
    )
    rows.append(
        (
            "race: booking vs plain INSERT",
            f"{racing:.2f} s vs {plain:.2f} s = {ratio:.0%}",
            ">= 50%",
            "ok" if ratio >= 0.5 else "MISSED",
        )
    )
    print(f"booking benchmarks, {args.patients:,} patients, {args.runs} runs, {CLIENTS} clients")
    width = max(len(r[0]) for r in rows)
    for figure, result, target, verdict in rows:
        print(f"{figure:<{width}}  {result:<34} {target:<14} {verdict}")


if __name__ == "__main__":
    main()
