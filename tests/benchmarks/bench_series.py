"""A plan-of-care course at practice scale, on SQLite and PostgreSQL.

Run from the repository root:
    python -m tests.benchmarks.bench_series [--patients 200000] [--postgres URL] [--runs 50]

At the demo practice (12 locations, 80 therapists, the next 60 days mostly booked):
1. proposing a 12-visit course (twice a week, one therapist, alternatives where taken):
   p50 and p95, target p95 <= 50 ms on both backends;
2. booking it (one transaction, each visit guarded by the database): target p95 <= 100 ms.
Each run is for another patient and another therapist, so no run books into its own course.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from intake.demo.data import fill
from intake.demo.practice import DemoOptions
from intake.domain.series import SeriesConflict, SeriesRequest
from intake.services import series
from intake.services.actor import SYSTEM
from intake.services.database import Database, open_database
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres, percentile


def _people(database: Database) -> tuple[list[int], list[tuple[int, int]]]:
    """Patient ids, and (therapist, location) pairs a therapist works at."""
    with database.reading() as session:
        patients = list(session.execute(text("SELECT id FROM patients ORDER BY id")).scalars())
        pairs = [
            (t, loc)
            for t, loc in session.execute(
                text(
                    "SELECT DISTINCT therapist_id, location_id FROM availability_templates "
                    "ORDER BY 1, 2"
                )
            ).all()
        ]
    return patients, pairs


def measure(database: Database, runs: int, today: dt.date) -> tuple[list[float], list[float]]:
    patients, pairs = _people(database)
    rng = random.Random(7)
    now = dt.datetime.combine(today, dt.time(6), dt.UTC)
    monday = today + dt.timedelta(days=7 - today.weekday())
    proposing: list[float] = []
    booking: list[float] = []
    for i in range(runs + 1):  # the first run warms caches and is not counted
        therapist, location = pairs[i % len(pairs)]
        hour = rng.choice([8, 9, 10, 11, 13, 14, 15, 16])
        request = SeriesRequest(
            patient_id=rng.choice(patients),
            type_code="FU45",
            location_id=location,
            therapist_id=therapist,
            weekly=((0, dt.time(hour)), (3, dt.time(hour))),
            first_day=monday,
            count=12,
        )
        started = time.perf_counter()
        proposal = series.propose(database, SYSTEM, request, now=now)
        proposed = time.perf_counter()
        if not [v for v in proposal.visits if v.offer]:
            continue
        # A conflict (the patient's own visit in the way) is still a measured run.
        with contextlib.suppress(SeriesConflict):
            series.book(database, SYSTEM, proposal, now=now)
        done = time.perf_counter()
        if i:
            proposing.append((proposed - started) * 1000)
            booking.append((done - proposed) * 1000)
    return proposing, booking


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
            ("PostgreSQL", fresh_postgres(args.postgres, "series")),
        ):
            database = open_database(url)
            fill(database, DemoOptions(patients=args.patients, seed=1, today=today))
            proposing, booking = measure(database, args.runs, today)
            database.close()
            for what, samples, target in (
                ("propose a 12-visit course", proposing, 50),
                ("book it", booking, 100),
            ):
                p50, p95 = statistics.median(samples), percentile(samples, 0.95)
                print(f"{backend}: {what}: p50 {p50:.1f} ms, p95 {p95:.1f} ms", flush=True)
                rows.append(
                    (
                        f"{what}, {backend} ({len(samples)} runs)",
                        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms",
                        f"p95 <= {target} ms",
                        "ok" if p95 <= target else "MISSED",
                    )
                )
    print()
    print(f"{'figure':<50} {'measured':<28} {'target':<16} result")
    for row in rows:
        print(f"{row[0]:<50} {row[1]:<28} {row[2]:<16} {row[3]}")


if __name__ == "__main__":
    main()
