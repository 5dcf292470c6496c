"""Location day view: data load plus paint, on SQLite and PostgreSQL.

Run from the repository root:
    python -m tests.benchmarks.bench_day_view [--postgres URL] [--runs 30] [--chain]
        [--database URL]

A demo practice with one location of 15 therapists; the busiest day (about 120 visits) is
loaded by `schedule_view.location_day`, laid out and painted by the day view's canvas into
an offscreen image; and the week of the therapist with most visits that week, loaded by
`schedule_view.therapist_week` and painted the same way. Target: p95 <= 50 ms each.
`--chain`: a chain of 50 locations and 300 therapists (100,000 patients); `--database URL`
measures a database already filled (`intake demo-data`) instead of the two filled here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from intake.demo.data import fill
from intake.demo.practice import DemoOptions
from intake.services import schedule_view
from intake.services.actor import SYSTEM
from intake.services.database import Database, open_database
from intake.ui.schedule.canvas import ScheduleCanvas
from intake.ui.schedule.lanes import day_layout, week_layout
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres, percentile

TARGET_MS = 50.0
TODAY = dt.date(2027, 3, 3)


def busiest_day(database: Database) -> tuple[dt.date, int]:
    with database.reading() as session:
        rows = session.execute(
            text(
                "SELECT starts_at FROM appointments WHERE location_id = 1 AND status != 'cancelled'"
            )
        ).scalars()
        counts: dict[dt.date, int] = {}
        for start in rows:
            if isinstance(start, str):  # SQLite hands raw text back
                start = dt.datetime.fromisoformat(start)
            day = (start - dt.timedelta(hours=5)).date()
            counts[day] = counts.get(day, 0) + 1
    return max(counts.items(), key=lambda item: item[1])


def busiest_week(database: Database, first_day: dt.date) -> int:
    """The therapist with most visits in the seven days from first_day."""
    start = dt.datetime.combine(first_day, dt.time(), dt.UTC)
    if database.backend == "sqlite":  # stored as naive UTC text
        start = start.replace(tzinfo=None)
    with database.reading() as session:
        row = session.execute(
            text(
                "SELECT therapist_id, count(*) FROM appointments WHERE status != 'cancelled' "
                "AND starts_at >= :start AND starts_at < :end GROUP BY therapist_id "
                "ORDER BY 2 DESC, 1 LIMIT 1"
            ),
            {"start": start, "end": start + dt.timedelta(days=7)},
        ).one()
    return int(row[0])


def measure(
    database: Database, canvas: ScheduleCanvas, day: dt.date, runs: int, therapist: int | None
) -> dict[str, float]:
    """The day view of location 1 on `day`, or with `therapist` that therapist's week."""
    image = QImage(1366, 768, QImage.Format.Format_ARGB32_Premultiplied)
    loads, paints, totals, cpu = [], [], [], []
    for _ in range(runs + 2):
        started, used = time.perf_counter(), time.process_time()
        if therapist is None:
            schedule = schedule_view.location_day(database, SYSTEM, 1, day)
            loaded = time.perf_counter()
            canvas.set_layout(day_layout(schedule))
            columns, visits = len(schedule.columns), len(schedule.blocks)
        else:
            week = schedule_view.therapist_week(database, SYSTEM, therapist, day)
            loaded = time.perf_counter()
            canvas.set_layout(week_layout(week))
            columns, visits = len({p.location_id for p in week.places}), len(week.blocks)
        painter = QPainter(image)
        canvas.paint(painter)
        painter.end()
        done = time.perf_counter()
        loads.append((loaded - started) * 1000)
        paints.append((done - loaded) * 1000)
        totals.append((done - started) * 1000)
        # This process's own time: the view's cost, whatever else the machine runs.
        cpu.append((time.process_time() - used) * 1000)
    loads, paints, totals, cpu = loads[2:], paints[2:], totals[2:], cpu[2:]  # warm-up dropped
    return {
        "therapists": columns,
        "visits": visits,
        "load p50": statistics.median(loads),
        "paint p50": statistics.median(paints),
        "total p50": statistics.median(totals),
        "total p95": percentile(totals, 0.95),
        "cpu p50": statistics.median(cpu),
    }


def run(url: str, runs: int, chain: bool, fill_it: bool) -> dict[str, dict[str, float]]:
    database = open_database(url)
    try:
        if fill_it:
            shape = (
                {"patients": 100_000, "locations": 50, "therapists": 300}
                if chain
                else {"patients": 4000, "locations": 12, "therapists": 180}
            )
            fill(database, DemoOptions(today=TODAY, days_back=3, days_ahead=10, **shape))
            if database.backend == "postgresql":  # as autovacuum does soon after a bulk load
                with database.engine.connect() as conn:
                    conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
        day, _count = busiest_day(database)
        canvas = ScheduleCanvas()
        canvas.resize(1366, 768)
        monday = day - dt.timedelta(days=day.weekday())
        return {
            "day": measure(database, canvas, day, runs, None),
            "week": measure(database, canvas, monday, runs, busiest_week(database, monday)),
        }
    finally:
        database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--postgres", default=os.environ.get("INTAKE_BENCH_POSTGRES", DEFAULT_POSTGRES)
    )
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--chain", action="store_true", help="50 locations, 300 therapists")
    parser.add_argument("--database", help="measure this filled database instead")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    results = {}
    if args.database:
        results["given"] = run(args.database, args.runs, args.chain, fill_it=False)
    else:
        with tempfile.TemporaryDirectory() as folder:
            sqlite = f"sqlite+pysqlite:///{Path(folder) / 'bench.sqlite3'}"
            results["sqlite"] = run(sqlite, args.runs, args.chain, fill_it=True)
        postgres = fresh_postgres(args.postgres, "dayview")
        results["postgresql"] = run(postgres, args.runs, args.chain, fill_it=True)
    print(
        f"{'backend':<11} {'view':<5} {'columns':>7} {'visits':>6} {'load p50':>9} "
        f"{'paint p50':>9} {'total p50':>9} {'total p95':>9} {'target':>7} {'ok':>3} "
        f"{'CPU p50':>8}"
    )
    for backend, views in results.items():
        for view, r in views.items():
            ok = "yes" if r["total p95"] <= TARGET_MS else "NO"
            print(
                f"{backend:<11} {view:<5} {r['therapists']:>7} {r['visits']:>6} "
                f"{r['load p50']:>8.1f}ms {r['paint p50']:>8.1f}ms {r['total p50']:>8.1f}ms "
                f"{r['total p95']:>8.1f}ms {TARGET_MS:>5.0f}ms {ok:>3} {r['cpu p50']:>6.1f}ms"
            )
    del app
    sys.stdout.flush()
    # PySide6 can crash while tearing down at interpreter exit; the figures are printed.
    os._exit(0)


if __name__ == "__main__":
    main()
