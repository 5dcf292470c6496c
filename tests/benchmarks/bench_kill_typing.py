"""Kill the program while a person types; count the fields the next start does not offer.

    python -m tests.benchmarks.bench_kill_typing [--runs 50] [--postgres URL]

Each run: a child process types into the real registration form and intake wizard (offscreen)
at 8 to 15 keys a second and is killed with SIGKILL at a random moment; every field completed
more than journal.BOUND_MS before the kill must be offered back at the next start. Prints
runs, fields typed, fields lost (target: 0), on SQLite and, with --postgres, on PostgreSQL.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from intake.services.database import open_database
from intake.ui.journal import BOUND_MS
from tests.benchmarks.common import fresh_postgres
from tests.ui.kill_typing import new_patient, run_once


def measure(database_url: str, runs: int, folder: Path, seed: int) -> tuple[int, int, list[str]]:
    patient_id = new_patient(database_url)
    rng = random.Random(seed)
    typed, lost = 0, []
    for number in range(runs):
        run_seed = rng.randrange(1_000_000)
        run = run_once(
            database_url, patient_id, folder / f"run{number}", seed=run_seed, bound_ms=BOUND_MS
        )
        typed += len(run.checked)
        lost += [
            f"{name} (seed {run_seed}, kill at {run.killed_after_s:.2f} s)" for name in run.lost
        ]
        print(
            f"  run {number + 1:>3}: killed {run.killed_after_s:5.2f} s in, "
            f"{len(run.checked):>2} fields to offer, {len(run.lost)} lost",
            flush=True,
        )
    return runs, typed, lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--postgres", help="also run on this PostgreSQL server (a new database)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        url = f"sqlite+pysqlite:///{folder / 'bench.sqlite3'}"
        open_database(url).close()
        backends = [("sqlite", url)]
        if args.postgres:
            pg = fresh_postgres(args.postgres, "kill_typing")
            open_database(pg).close()
            backends.append(("postgresql", pg))
        for name, backend_url in backends:
            print(f"{name}: {args.runs} runs", flush=True)
            rows.append((name, *measure(backend_url, args.runs, folder / name, args.seed)))
    print(f"\nbound: every field completed more than {BOUND_MS} ms before the kill is offered back")
    print(f"{'backend':<12}{'runs':>6}{'fields typed':>14}{'fields lost':>13}  target  result")
    missed = False
    for name, runs, typed, lost in rows:
        verdict = "ok" if not lost else "MISSED"
        missed |= bool(lost)
        print(f"{name:<12}{runs:>6}{typed:>14}{len(lost):>13}  0       {verdict}")
        for line in lost:
            print(f"    lost: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
