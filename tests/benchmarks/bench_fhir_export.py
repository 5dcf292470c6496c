"""The FHIR bulk export (`intake fhir export`) of a large practice, on SQLite and PostgreSQL.

    python -m tests.benchmarks.bench_fhir_export [--patients 200000] [--postgres URL]
        [--only sqlite|postgresql]

Fills a fresh SQLite file and a fresh PostgreSQL database (beside --postgres, the local server
by default) with the demo practice (bulk inserts, COPY on PostgreSQL), then gives every patient
without one a submitted intake with its stored screening (cloned from the demo's, bulk too): a
practice where each patient came with an intake, about 1.75 visits each. Then the export runs
in a child process, as `intake fhir export` would, and this prints its seconds, the rows read
and resources written per second, and the child's peak memory (flat: it must not grow with the
practice). Target (issue 19): under 60 s for 200,000 patients on either database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from intake.db.models import Appointment, Intake, Patient
from intake.demo.data import _bulk_insert, fill
from intake.demo.practice import DemoOptions
from intake.services import fhir_export
from intake.services.actor import SYSTEM
from intake.services.database import Database, open_database
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres

TARGET_SECONDS = 60.0
BASE = "https://clinic-intake.example.org/fhir"


def prepare(url: str, patients: int) -> dict[str, int]:
    started = time.perf_counter()
    database = open_database(url)
    try:
        fill(database, DemoOptions(patients=patients, seed=1))
        _intake_for_everyone(database)
        counts = _counts(database)
        if database.backend == "postgresql":  # what autovacuum does on a live server
            with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.execute(text("VACUUM ANALYZE"))
    finally:
        database.close()
    print(
        f"# filled {counts['patients']:,} patients, {counts['intakes']:,} intakes, "
        f"{counts['appointments']:,} appointments in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return counts


def _intake_for_everyone(database: Database) -> None:
    with database.writing() as session:
        columns = [c.name for c in Intake.__table__.columns]
        samples = [dict(r._mapping) for r in session.execute(select(Intake.__table__)).all()]
        if not samples:
            return
        have = {r["patient_id"] for r in samples}
        next_id = max(r["id"] for r in samples) + 1
        rows: list[dict[str, Any]] = []
        connection = session.connection()
        cycle = itertools.cycle(samples)
        for (patient_id,) in session.execute(select(Patient.id).order_by(Patient.id)):
            if patient_id in have:
                continue
            row = {c: v for c, v in next(cycle).items() if c in columns}
            rows.append({**row, "id": next_id, "patient_id": patient_id})
            next_id += 1
            if len(rows) == 20_000:
                _bulk_insert(connection, "intakes", rows)
                rows = []
        if rows:
            _bulk_insert(connection, "intakes", rows)
        if database.backend == "postgresql":
            connection.execute(
                text("SELECT setval(pg_get_serial_sequence('intakes', 'id'), max(id)) FROM intakes")
            )


def _counts(database: Database) -> dict[str, int]:
    with database.reading() as session:
        return {
            name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in (
                ("patients", Patient),
                ("intakes", Intake),
                ("appointments", Appointment),
            )
        }


def export_here(url: str, out: str) -> None:
    """The child: one export, its seconds and resources on stdout."""
    database = open_database(url, upgrade=False)
    started = time.perf_counter()
    summary = fhir_export.write_export(
        database, SYSTEM, Path(out), base_url=BASE, practice_name="Benchmark", today=dt.date.today()
    )
    seconds = time.perf_counter() - started
    database.close()
    print(f"{seconds} {sum(summary.counts.values())}")


def measure(url: str, out: Path) -> tuple[float, int, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_fhir_export", "--child", url, str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, written = done.stdout.split()[-2:]
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return float(seconds), int(written), peak_mib


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        export_here(*args.child)
        return
    results = []
    with tempfile.TemporaryDirectory() as folder:
        urls = []
        if args.only != "postgresql":
            urls.append(("SQLite", f"sqlite+pysqlite:///{Path(folder) / 'fhir.sqlite3'}"))
        if args.only != "sqlite":
            urls.append(("PostgreSQL", fresh_postgres(args.postgres, "fhir")))
        for backend, url in urls:
            counts = prepare(url, args.patients)
            seconds, written, peak = measure(url, Path(folder) / f"out-{backend}")
            results.append((backend, counts, seconds, written, peak))
    print(f"FHIR bulk export, {args.patients:,} patients (one intake each, visits as the demo)")
    print(
        f"{'backend':<12}{'seconds':>9}{'target':>8}{'rows read/s':>13}{'written':>11}"
        f"{'written/s':>11}{'peak MiB':>10}  result"
    )
    for backend, counts, seconds, written, peak in results:
        read = sum(counts.values())
        verdict = "ok" if seconds <= TARGET_SECONDS else "MISSED"
        print(
            f"{backend:<12}{seconds:>9.1f}{TARGET_SECONDS:>8.0f}{read / seconds:>13,.0f}"
            f"{written:>11,}{written / seconds:>11,.0f}{peak:>10.0f}  {verdict}"
        )


if __name__ == "__main__":
    main()
