"""The FHIR bulk export (`intake fhir export`) of a large practice, on SQLite and PostgreSQL.

    python -m tests.benchmarks.bench_fhir_export [--patients 200000] [--postgres URL]
        [--only sqlite|postgresql]

Fills a fresh SQLite file and a fresh PostgreSQL database (beside --postgres, the local server
by default) with the demo practice (bulk inserts, COPY on PostgreSQL), then gives every patient
without one a submitted intake with its stored screening (cloned from the demo's, bulk too): a
practice where each patient came with an intake and has had at least one visit (the demo's
weeks of visits, and for everyone else a completed one copied back into the past). Then the
export runs in a child process, as `intake fhir export` would, and this prints its seconds
(wall and CPU), the rows read and resources written per second, and the child's peak memory
(flat: it must not grow with the practice). Target (issue 19): under 60 s for 200,000
patients on either database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

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
        _a_visit_for_everyone(database)
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


def _a_visit_for_everyone(database: Database) -> None:
    """The demo's calendar holds some weeks of visits whatever the practice's size; a
    practice of 200,000 records has a past. Each patient without a visit gets a completed one,
    a copy of a demo visit moved back by whole multiples of the demo's span (so a therapist's
    copies never overlap), linked to the patient's intake."""
    table = Appointment.__table__
    with database.writing() as session:
        connection = session.connection()
        samples = [dict(r._mapping) for r in connection.execute(select(table))]
        first = min(r["starts_at"] for r in samples)
        span = max(r["blocks_until"] for r in samples) - first
        shift = dt.timedelta(weeks=span.days // 7 + 1)
        have = {r["patient_id"] for r in samples}
        intake_of = dict(
            connection.execute(
                select(Intake.patient_id, func.min(Intake.id)).group_by(Intake.patient_id)
            ).all()
        )
        next_id = max(r["id"] for r in samples) + 1
        rows: list[dict[str, Any]] = []
        n = 0
        for (patient_id,) in connection.execute(select(Patient.id).order_by(Patient.id)).all():
            if patient_id in have:
                continue
            source = samples[n % len(samples)]
            back = shift * (n // len(samples) + 1)
            rows.append(
                {
                    **source,
                    "id": next_id,
                    "patient_id": patient_id,
                    "starts_at": source["starts_at"] - back,
                    "ends_at": source["ends_at"] - back,
                    "blocks_until": source["blocks_until"] - back,
                    "booked_at": source["starts_at"] - back - dt.timedelta(days=7),
                    "status": "completed",
                    "intake_id": intake_of.get(patient_id),
                    "needs_review": False,
                    "cancel_reason": "",
                    "cancelled_at": None,
                    "cancelled_by": None,
                    "late_cancellation": False,
                }
            )
            next_id += 1
            n += 1
            if len(rows) == 20_000:
                _bulk_insert(connection, "appointments", rows)
                rows = []
        if rows:
            _bulk_insert(connection, "appointments", rows)
        if database.backend == "postgresql":
            connection.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('appointments', 'id'), max(id)) "
                    "FROM appointments"
                )
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
    started, cpu = time.perf_counter(), time.process_time()
    summary = fhir_export.write_export(
        database, SYSTEM, Path(out), base_url=BASE, practice_name="Benchmark", today=dt.date.today()
    )
    seconds = time.perf_counter() - started
    database.close()
    # The peak of this process only (VmHWM: reset when the child was started; getrusage's
    # maxrss would count the parent's size at the fork, filled practice and all).
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    peak_kib = next(
        int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")
    )
    print(f"{seconds} {sum(summary.counts.values())} {time.process_time() - cpu} {peak_kib}")


def measure(url: str, out: Path) -> tuple[float, int, float, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_fhir_export", "--child", url, str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, written, cpu, peak_kib = done.stdout.split()[-4:]
    return float(seconds), int(written), float(cpu), int(peak_kib) / 1024


def _fresh(url: str) -> str:
    """A new empty database, and none of the logins an earlier run made for its staff (they
    outlive a dropped database: a login is the server's, and the fill would make them again)."""
    fresh = fresh_postgres(url, "fhir")
    parsed = make_url(fresh)
    with psycopg.connect(
        host=parsed.host,
        port=parsed.port or 5432,
        user=parsed.username,
        password=parsed.password,
        dbname=make_url(url).database,
        autocommit=True,
    ) as conn:
        names = conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s ORDER BY rolname LIKE 'intake+%%'",
            (f"%@{parsed.database}",),
        ).fetchall()
        for (name,) in names:
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))
    return fresh


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
            urls.append(("PostgreSQL", _fresh(args.postgres)))
        for backend, url in urls:
            counts = prepare(url, args.patients)
            seconds, written, cpu, peak = measure(url, Path(folder) / f"out-{backend}")
            results.append((backend, counts, seconds, cpu, written, peak))
    print(f"FHIR bulk export, {args.patients:,} patients (an intake and a visit or more each)")
    print("(cpu: the export process's own CPU seconds; wall above it = waiting: disk, server, or")
    print(" other processes on this machine)")
    print(
        f"{'backend':<12}{'rows read':>11}{'seconds':>9}{'cpu':>7}{'target':>8}{'rows/s':>9}"
        f"{'written':>11}{'written/s':>11}{'peak MiB':>10}  result"
    )
    for backend, counts, seconds, cpu, written, peak in results:
        read = sum(counts.values())
        verdict = "ok" if seconds <= TARGET_SECONDS else "MISSED"
        print(
            f"{backend:<12}{read:>11,}{seconds:>9.1f}{cpu:>7.1f}{TARGET_SECONDS:>8.0f}"
            f"{read / seconds:>9,.0f}{written:>11,}{written / seconds:>11,.0f}{peak:>10.0f}"
            f"  {verdict}"
        )


if __name__ == "__main__":
    main()
