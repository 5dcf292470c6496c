"""Type-ahead patient search on 200,000 patients (issue 9, target 2).

    python -m tests.benchmarks.bench_patient_search [--patients N] [--postgres URL]
    python -m tests.benchmarks.bench_patient_search --database URL [--database URL]

`--database` measures databases already filled (a chain made with `intake demo-data
--patients 2000000 --locations 50 --therapists 300`, or `bench_demo_data --chain --keep`),
as they are; the search audit rows it writes are the only change.

Fills a fresh SQLite file and a fresh PostgreSQL database (--postgres or
INTAKE_BENCH_POSTGRES_URL; the local server by default) with the demo practice, builds the
search keys, then replays what a receptionist types, one keystroke at a time. For each
backend it prints p50/p95 of
  lookup   patient_search.find (the query the service runs, no audit), and the same lookup
           written as raw SQL on the same index (DB-API cursor, same statements): ratio <= 2x;
  service  patient_search.search end to end (session, lookup, audit insert, commit).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.db.practice import desk

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import text

from intake.demo import data as demo_data
from intake.demo.practice import DemoOptions
from intake.domain.search_query import DOB, PHONE, PHONE_END, parse, prefix_range
from intake.services import patient_index, patient_search
from intake.services.database import Database, open_database
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres

TODAY = dt.date(2027, 2, 22)
TARGET_MS = {"sqlite": 5.0, "postgresql": 10.0}
RATIO = 2.0
LIMIT = 51  # the service asks for limit + 1 to know whether there are more

WORDS = ("ashford ada", "zoe maplewood", "bram", "oakley timo", "wren", "noor fern")
WHOLE = ("1962-04-17", "07/03/1980", "19800307", "(212) 555-0123", "555-0142", "M0123456", "4711")


def keystrokes() -> list[str]:
    typed: list[str] = []
    for phrase in WORDS:
        typed += [phrase[:n] for n in range(2, len(phrase) + 1) if not phrase[:n].endswith(" ")]
    return typed + list(WHOLE)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(run: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def raw_lookup(cursor: object, backend: str, typed: str) -> list[object]:
    """The same statements the service issues, by hand, on the DB-API cursor."""
    mark = "?" if backend == "sqlite" else "%s"
    found: list[object] = []
    for reading in parse(typed, TODAY).readings:
        if reading.mrn:
            cursor.execute(
                f"SELECT id, mrn, family_name, given_name, preferred_name, "  # type: ignore[attr-defined]
                f"date_of_birth, sex, phone FROM patients WHERE mrn = {mark}",
                (reading.mrn,),
            )
            found += cursor.fetchall()  # type: ignore[attr-defined]
            continue
        if reading.birth_date:
            ranges = [prefix_range(f"{DOB}{reading.birth_date:%Y%m%d}")]
            names = reading.names
        elif reading.phone:
            ranges = [
                prefix_range(f"{PHONE}{reading.phone}"),
                prefix_range(f"{PHONE_END}{reading.phone[::-1]}"),
            ]
            names = reading.names
        else:
            driver = max(reading.names, key=len)
            ranges = [prefix_range(driver)]
            names = tuple(n for n in reading.names if n != driver)
        ids: list[int] = []
        for low, high in ranges:
            filters = "".join(f" AND words LIKE {mark}" for _ in names)
            cursor.execute(  # type: ignore[attr-defined]
                f"SELECT patient_id FROM patient_search_keys WHERE key >= {mark} AND key < {mark}"
                f"{filters} ORDER BY key, sort_name, patient_id LIMIT {LIMIT * 2}",
                (low, high, *(f"% {n}%" for n in names)),
            )
            ids += [r[0] for r in cursor.fetchall()]  # type: ignore[attr-defined]
        ids = list(dict.fromkeys(ids))[: LIMIT * 2]
        if ids:
            marks = ", ".join([mark] * len(ids))
            cursor.execute(  # type: ignore[attr-defined]
                "SELECT id, mrn, family_name, given_name, preferred_name, date_of_birth, sex, "
                f"phone FROM patients WHERE id IN ({marks})",
                ids,
            )
            found += cursor.fetchall()  # type: ignore[attr-defined]
    return found


def prepare(url: str, patients: int) -> Database:
    database = open_database(url)
    started = time.perf_counter()
    demo_data.fill(database, DemoOptions(patients=patients, today=TODAY))
    with database.writing() as session:
        keys = patient_index.rebuild(session.connection())
    if database.backend == "postgresql":  # what autovacuum does on a live server
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))
    print(
        f"# {database.backend}: {patients} patients, {keys} search keys, "
        f"filled in {time.perf_counter() - started:.1f} s"
    )
    return database


def measure(database: Database, rounds: int) -> list[tuple[str, str, float, str]]:
    typed = keystrokes()
    backend = database.backend
    for t in typed:  # warm the caches and check both lookups agree
        with database.reading() as session:
            mine = {h.id for h in patient_search.find(session.connection(), parse(t, TODAY), LIMIT)}
        raw_conn = database.engine.raw_connection()
        try:
            cur = raw_conn.cursor()
            theirs = {r[0] for r in raw_lookup(cur, backend, t)}
        finally:
            raw_conn.close()
        assert mine <= theirs, t
    lookup: list[float] = []
    raw: list[float] = []
    service: list[float] = []
    with database.reading() as session:
        connection = session.connection()
        for t in typed:
            query = parse(t, TODAY)
            lookup += timed(lambda q=query: patient_search.find(connection, q, LIMIT), rounds)
    raw_conn = database.engine.raw_connection()
    try:
        cur = raw_conn.cursor()
        for t in typed:
            raw += timed(lambda t=t: raw_lookup(cur, backend, t), rounds)
        raw_conn.rollback()
    finally:
        raw_conn.close()
    for t in typed:
        service += timed(
            lambda t=t: patient_search.search(database, desk(database), t, today=TODAY), rounds
        )
    target = TARGET_MS[backend]
    p95_lookup, p95_raw = percentile(lookup, 0.95), percentile(raw, 0.95)
    ratio = p95_lookup / p95_raw
    return [
        (backend, "lookup p50 ms", percentile(lookup, 0.5), ""),
        (backend, "lookup p95 ms", p95_lookup, _verdict(p95_lookup <= target, f"<= {target}")),
        (backend, "raw SQL p50 ms", percentile(raw, 0.5), ""),
        (backend, "raw SQL p95 ms", p95_raw, ""),
        (backend, "lookup / raw (p95)", ratio, _verdict(ratio <= RATIO, f"<= {RATIO}x")),
        (backend, "service p50 ms", percentile(service, 0.5), ""),
        (
            backend,
            "service p95 ms",
            percentile(service, 0.95),
            _verdict(percentile(service, 0.95) <= target, f"<= {target}"),
        ),
        (backend, "keystrokes x rounds", float(len(lookup)), ""),
    ]


def _verdict(ok: bool, target: str) -> str:
    return f"{target} {'ok' if ok else 'MISSED'}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("INTAKE_BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
        help="the server to measure beside SQLite ('' for SQLite only)",
    )
    parser.add_argument(
        "--database", action="append", default=[], help="measure this filled database (repeat)"
    )
    args = parser.parse_args()
    rows: list[tuple[str, str, float, str]] = []
    if args.database:
        for url in args.database:
            database = open_database(url)
            rows += measure(database, args.rounds)
            database.close()
        _print(rows)
        return
    with tempfile.TemporaryDirectory() as folder:
        database = prepare(f"sqlite+pysqlite:///{folder}/bench.sqlite3", args.patients)
        rows += measure(database, args.rounds)
        database.close()
    if args.postgres:
        database = prepare(fresh_postgres(args.postgres, "search"), args.patients)
        rows += measure(database, args.rounds)
        database.close()
    _print(rows)


def _print(rows: list[tuple[str, str, float, str]]) -> None:
    print(f"{'backend':<11} {'figure':<22} {'result':>9}  target")
    for backend, figure, value, target in rows:
        print(f"{backend:<11} {figure:<22} {value:>9.3f}  {target}")


if __name__ == "__main__":
    main()
