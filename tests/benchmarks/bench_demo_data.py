"""How long `intake demo-data --patients 200000` takes on SQLite and PostgreSQL.

Run: python -m tests.benchmarks.bench_demo_data [--patients N] [--postgres URL]
Target (issue 2): well under two minutes on both backends.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from intake.demo.data import fill
from intake.demo.practice import DemoOptions
from intake.services.database import open_database
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres

TARGET_SECONDS = 120


def _measure(url: str, patients: int) -> tuple[float, int]:
    started = time.perf_counter()
    database = open_database(url)
    try:
        summary = fill(database, DemoOptions(patients=patients, seed=1))
    finally:
        database.close()
    return time.perf_counter() - started, summary.rows["appointments"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows = [
            ("SQLite", *_measure(f"sqlite+pysqlite:///{Path(folder) / 'b.sqlite3'}", args.patients))
        ]
    rows.append(("PostgreSQL", *_measure(fresh_postgres(args.postgres, "demo"), args.patients)))
    print(f"demo-data, {args.patients:,} patients (migrate + fill, one transaction)")
    print(f"{'backend':<12}{'seconds':>10}{'target':>10}{'appointments':>14}  result")
    for backend, seconds, appointments in rows:
        verdict = "ok" if seconds <= TARGET_SECONDS else "MISSED"
        print(f"{backend:<12}{seconds:>10.1f}{TARGET_SECONDS:>10}{appointments:>14,}  {verdict}")


if __name__ == "__main__":
    main()
