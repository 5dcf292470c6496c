"""How long `intake demo-data` takes on SQLite and PostgreSQL.

Run: python -m tests.benchmarks.bench_demo_data [--patients N] [--chain]
         [--backend sqlite|postgresql] [--postgres URL] [--keep FILE|URL] [--profile OUT]
Targets: 200,000 patients well under two minutes on both backends (issue 2); the chain
(--chain: 2,000,000 patients, 50 locations, 300 therapists) under 5 minutes on PostgreSQL and
under 10 on SQLite (issue 25). --keep leaves the filled database at that file or PostgreSQL
address (an existing one is replaced) for the other benchmarks.
"""

from __future__ import annotations

import argparse
import cProfile
import resource
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import make_url

from intake.demo.data import fill
from intake.demo.practice import DemoOptions
from intake.services.database import open_database
from tests.benchmarks.common import DEFAULT_POSTGRES, empty_database, fresh_postgres

TARGET_SECONDS = 120
CHAIN = {"patients": 2_000_000, "locations": 50, "therapists": 300}
CHAIN_TARGETS = {"SQLite": 600, "PostgreSQL": 300}


def _cpu() -> float:
    # This process and its finished workers (not the PostgreSQL server's own work).
    own, workers = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _measure(url: str, options: DemoOptions, profile: str | None) -> tuple[float, float, int]:
    started, cpu = time.perf_counter(), _cpu()
    database = open_database(url)
    try:
        if profile:
            profiler = cProfile.Profile()
            summary = profiler.runcall(fill, database, options)
            profiler.dump_stats(profile)
        else:
            summary = fill(database, options)
    finally:
        database.close()
    return time.perf_counter() - started, _cpu() - cpu, summary.rows["appointments"]


def _postgres(keep: str | None, base: str) -> str:
    if not keep:
        return fresh_postgres(base, "demo")
    # A kept database has the very name asked for: its logins are named after it (0006).
    return empty_database(keep, make_url(keep).database or "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument("--chain", action="store_true", help="2M patients, 50 sites, 300 PTs")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--keep", help="leave the result at this SQLite file or PostgreSQL URL")
    parser.add_argument("--profile", help="write cProfile statistics to this file")
    args = parser.parse_args()
    size = dict(CHAIN) if args.chain else {"patients": args.patients}
    options = DemoOptions(seed=1, **size)
    rows = []
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            keep = args.keep if args.keep and not args.keep.startswith("postgresql") else None
            file = Path(keep) if keep else Path(folder) / "b.sqlite3"
            for leftover in (file, *file.parent.glob(file.name + "-*")):
                leftover.unlink(missing_ok=True)
            url = f"sqlite+pysqlite:///{file}"
            rows.append(("SQLite", *_measure(url, options, args.profile)))
    if args.backend in ("postgresql", "both"):
        keep = args.keep if args.keep and args.keep.startswith("postgresql") else None
        url = _postgres(keep, args.postgres)
        rows.append(("PostgreSQL", *_measure(url, options, args.profile)))
    print(
        f"demo-data, {options.patients:,} patients, {options.locations} locations, "
        f"{options.therapists} therapists (migrate + fill, one transaction)"
    )
    print(f"{'backend':<12}{'seconds':>10}{'cpu s':>8}{'target':>10}{'appointments':>14}  result")
    for backend, seconds, cpu, appointments in rows:
        target = CHAIN_TARGETS[backend] if args.chain else TARGET_SECONDS
        verdict = "ok" if seconds <= target else "MISSED"
        print(f"{backend:<12}{seconds:>10.1f}{cpu:>8.1f}{target:>10}{appointments:>14,}  {verdict}")


if __name__ == "__main__":
    main()
