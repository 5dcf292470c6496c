"""What signing in costs, as a person waits for it at the sign-in screen.

Run from the repository root:
    python -m tests.benchmarks.bench_sign_in [--runs 30]

SQLite: the program checks an argon2id hash (the library's recommended costs, on purpose
slow). PostgreSQL: a cluster of its own that checks passwords (SCRAM-SHA-256, TLS on, as
tests/pg_cluster.py starts it); one sign-in is the gate's call, a new connection as the
person's own login (the SCRAM exchange and TLS handshake), the schema check and
`intake_signed_in()`. A refused password adds the gate's count. Target: under 1 s each.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url

from intake.db.engine import without_login
from intake.domain.accounts import SignInRefused
from intake.domain.enums import Role
from intake.services import accounts
from intake.services.actor import SYSTEM
from intake.services.database import open_database
from tests.pg_cluster import PgCluster

PASSWORD = "benchmark-password-1"
TARGET_MS = 1000.0


def _timed(runs: int, work: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _refused(sign_in: Callable[[str], object]) -> Callable[[], None]:
    def work() -> None:
        try:
            sign_in("not-the-password")
        except SignInRefused:
            return
        raise AssertionError("a wrong password was let in")

    return work


def _report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    verdict = "ok" if p95 < TARGET_MS else "OVER TARGET"
    print(f"{label:<34} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-sign-in-"))
    sqlite = open_database(f"sqlite+pysqlite:///{folder}/intake.sqlite3")
    accounts.create_account(sqlite, SYSTEM, "desk", "Desk", Role.FRONT_DESK, PASSWORD)
    _report(
        "SQLite, right password",
        _timed(args.runs, lambda: accounts.sign_in(sqlite, "desk", PASSWORD)),
    )
    # Every fifth wrong try locks the account: unlock between rounds of four.
    info = accounts.list_accounts(sqlite, SYSTEM)[0]
    wrong = _refused(lambda pw: accounts.sign_in(sqlite, "desk", pw))
    times = []
    for _ in range(max(1, args.runs // 4)):
        times += _timed(4, wrong)
        info = accounts.unlock_account(
            sqlite, SYSTEM, info.id, accounts.list_accounts(sqlite, SYSTEM)[0].version
        )
    _report("SQLite, wrong password", times)
    sqlite.close()

    cluster = PgCluster.start(tls=True)
    try:
        database = cluster.create_database()
        owner_url = cluster.url(database)
        owner = open_database(owner_url)
        accounts.create_account(owner, SYSTEM, "desk", "Desk", Role.FRONT_DESK, PASSWORD)
        pc_url = without_login(make_url(owner_url)).render_as_string()

        def pg_sign_in(password: str) -> object:
            pc = open_database(pc_url)
            try:
                return accounts.sign_in(pc, "desk", password)
            finally:
                pc.close()

        _report("PostgreSQL, right password", _timed(args.runs, lambda: pg_sign_in(PASSWORD)))
        times = []
        for _ in range(max(1, args.runs // 4)):
            times += _timed(4, _refused(pg_sign_in))
            version = accounts.list_accounts(owner, SYSTEM)[0].version
            accounts.unlock_account(
                owner, SYSTEM, accounts.list_accounts(owner, SYSTEM)[0].id, version
            )
        _report("PostgreSQL, wrong password", times)
        owner.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
