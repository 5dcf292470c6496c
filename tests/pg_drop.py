"""Dropping a test run's throw-away PostgreSQL databases and the logins named for them.

Each PostgreSQL test gets a database of its own, about 600 in a run, and dropping one takes
the server about 0.1 s: a minute at the end of every run. The session's end hands them to
a process of their own (`python -m tests.pg_drop`) and does not wait for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def drop(conn: Any, names: list[str], prefix: str) -> None:
    """Drop `names` (newest first) and then the logins and groups of `prefix`'s databases."""
    from psycopg import sql

    for name in reversed(names):
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(statement.format(sql.Identifier(name)))
    drop_roles_of(conn, prefix)


def drop_roles_of(conn: Any, prefix: str) -> None:
    """Logins and group roles are the server's, not a database's: those named for this
    run's databases (`…@PREFIX…`, migrations/versions/0006) go with them."""
    from psycopg import sql

    pattern = "%@" + prefix.replace("_", "\\_") + "%"
    names = conn.execute(
        "SELECT rolname FROM pg_roles WHERE rolname LIKE %s ORDER BY rolname LIKE 'intake+%%'",
        (pattern,),
    ).fetchall()
    for (name,) in names:  # people first, then the groups they belonged to
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


def drop_later(conninfo: str, password: str | None, names: list[str], prefix: str) -> None:
    """Start dropping them in a process of its own and return at once (a short-lived
    process starts it, so the test run has no child left running when it ends)."""
    env = dict(os.environ, PGPASSWORD=password) if password else None  # not on its command line
    subprocess.run(
        [sys.executable, "-m", "tests.pg_drop", "--detach", conninfo, prefix, *names],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        check=True,
    )


def _detach(arguments: list[str]) -> None:
    subprocess.Popen(
        [sys.executable, "-m", "tests.pg_drop", *arguments],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # outlives the test run
    )


def main() -> None:
    import psycopg

    if sys.argv[1] == "--detach":
        _detach(sys.argv[2:])
        return
    conninfo, prefix, *names = sys.argv[1:]
    with psycopg.connect(conninfo, autocommit=True) as conn:
        drop(conn, names, prefix)


if __name__ == "__main__":
    main()
