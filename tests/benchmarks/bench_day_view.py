"""Location day view: data load plus paint, on SQLite and PostgreSQL.

Run from the repository root:
    python -m tests.benchmarks.bench_day_view [--postgres URL] [--runs 30]

A demo practice with one location of 15 therapists; the busiest day (about 120 visits) is
loaded by `schedule_view.location_day`, laid out and painted by the day view's canvas into
an offscreen image. Target: p95 <= 50 ms.
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
from intake.ui.schedule.lanes import day_layout
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


def measure(
    database: Database, canvas: ScheduleCanvas, day: dt.date, runs: int
) -> dict[str, float]:
    image = QImage(1366, 768, QImage.Format.Format_ARGB32_Premultiplied)
    loads, paints, totals = [], [], []
    for _ in range(runs + 2):
        started = time.perf_counter()
        schedule = schedule_view.location_day(database, SYSTEM, 1, day)
        loaded = time.perf_counter()
        canvas.set_layout(day_layout(schedule))
        painter = QPainter(image)
        canvas.paint(painter)
        painter.end()
        done = time.perf_counter()
        loads.append((loaded - started) * 1000)
        paints.append((done - loaded) * 1000)
        totals.append((done - started) * 1000)
    loads, paints, totals = loads[2:], paints[2:], totals[2:]  # warm-up dropped
    return {
        "therapists": len(schedule.columns),
        "visits": len(schedule.blocks),
        "load p50": statistics.median(loads),
        "paint p50": statistics.median(paints),
        "total p50": statistics.median(totals),
        "total p95": percentile(totals, 0.95),
    }


def run(url: str, runs: int) -> dict[str, float]:
    database = open_database(url)
    try:
        fill(
            database,
            DemoOptions(
                patients=4000, locations=12, therapists=180, today=TODAY, days_back=3, days_ahead=10
            ),
        )
        day, _count = busiest_day(database)
        canvas = ScheduleCanvas()
        canvas.resize(1366, 768)
        return measure(database, canvas, day, runs)
    finally:
        database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--postgres", default=os.environ.get("INTAKE_BENCH_POSTGRES", DEFAULT_POSTGRES)
    )
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        results["sqlite"] = run(f"sqlite+pysqlite:///{Path(folder) / 'bench.sqlite3'}", args.runs)
    results["postgresql"] = run(fresh_postgres(args.postgres, "dayview"), args.runs)
    print(
        f"{'backend':<11} {'therap.':>7} {'visits':>6} {'load p50':>9} {'paint p50':>9} "
        f"{'total p50':>9} {'total p95':>9} {'target':>7} {'ok':>3}"
    )
    for backend, r in results.items():
        ok = "yes" if r["total p95"] <= TARGET_MS else "NO"
        print(
            f"{backend:<11} {r['therapists']:>7} {r['visits']:>6} {r['load p50']:>8.1f}ms "
            f"{r['paint p50']:>8.1f}ms {r['total p50']:>8.1f}ms {r['total p95']:>8.1f}ms "
            f"{TARGET_MS:>5.0f}ms {ok:>3}"
        )
    del app
    sys.stdout.flush()
    # PySide6 can crash while tearing down at interpreter exit; the figures are printed.
    os._exit(0)


if __name__ == "__main__":
    main()
