"""Shared set-up for the benchmark scripts (run on demand, not by pytest)."""

from __future__ import annotations

import psycopg
import psycopg.sql
from sqlalchemy.engine import make_url

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def fresh_postgres(url: str, suffix: str) -> str:
    """A new empty database beside the one in `url`, for one benchmark."""
    parsed = make_url(url)
    return empty_database(url, f"{parsed.database}_bench_{suffix}", via=parsed.database)


def empty_database(url: str, name: str, *, via: str | None = "postgres") -> str:
    """Database `name` on `url`'s server, dropped (with the logins a run before left behind)
    and made anew, empty; its URL. `via` is the database connected to meanwhile."""
    parsed = make_url(url)
    with psycopg.connect(
        host=parsed.host,
        port=parsed.port or 5432,
        user=parsed.username,
        password=parsed.password,
        dbname=via,
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # Logins and group roles are the server's (migration 0006 names them `…@database`):
        # a run before left them behind with its database. People first, then their groups.
        roles = conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s ORDER BY rolname LIKE 'intake+%%'",
            ("%@" + name.replace("_", "\\_"),),
        ).fetchall()
        for (role,) in roles:
            conn.execute(
                psycopg.sql.SQL("DROP ROLE IF EXISTS {}").format(psycopg.sql.Identifier(role))
            )
        conn.execute(f'CREATE DATABASE "{name}"')
    return parsed.set(database=name).render_as_string(hide_password=False)


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
