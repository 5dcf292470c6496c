"""Engines for the two backends: embedded SQLite and shared PostgreSQL."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DisconnectionError

from intake.private_files import make_private_folder

SQLITE_BUSY_TIMEOUT_MS = 10_000
POSTGRES_CONNECT_TIMEOUT_S = 5
# A pooled connection idle this long is pinged before use (the server may have restarted or
# a firewall dropped it); one used more recently is not: a ping is a round trip, and a PC
# booking, searching and saving back to back would pay it on every unit of work.
POSTGRES_PING_AFTER_IDLE_S = 10.0
# Write transactions on SQLite take the write lock up front (BEGIN IMMEDIATE): a deferred
# transaction that reads, then writes, can fail to upgrade its lock with no retry possible.
WRITE_OPTION = "intake_write"


# scheme://USERINFO@HOST...: the user info runs to the *last* @, so a password typed with
# an unescaped @ stays a password (SQLAlchemy's own parser ends it at the first @ and the
# rest becomes the host name, shown to people and sent to the name resolver). The price: an
# @ in the database name or query must be written %40.
_SERVER_URL = re.compile(r"(?P<scheme>[\w+.-]+)://(?P<userinfo>.*)@(?P<rest>[^@]*)", re.DOTALL)


def parse_url(url: str | URL) -> URL:
    """The URL the settings name; the password may hold any character, escaped or not."""
    if isinstance(url, URL):
        return url
    text = str(url).strip()
    found = _SERVER_URL.fullmatch(text)
    if found is None or found["scheme"].startswith("sqlite"):  # a file path may hold an @
        return make_url(text)
    user, colon, password = found["userinfo"].partition(":")
    return make_url(f"{found['scheme']}://{found['rest']}").set(
        username=unquote(user), password=unquote(password) if colon else None
    )


def without_login(url: URL, *, keep_user: bool = False) -> URL:
    """The server and database alone (URL.set cannot remove a part: None means unchanged)."""
    return url._replace(username=url.username if keep_user else None, password=None)


def mask_url(url: str | URL) -> str:
    """The URL as people may see it: the password replaced by ***."""
    try:
        return parse_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparseable URL is shown as the scheme alone
        return str(url).split(":", 1)[0] + ":…"


def create_database_engine(url: str | URL, **kwargs: Any) -> Engine:
    parsed = parse_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed, **kwargs)
    if backend == "postgresql":
        connect_args = {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S, "application_name": "intake"}
        connect_args.update(kwargs.pop("connect_args", {}))
        engine = create_engine(parsed, hide_parameters=True, connect_args=connect_args, **kwargs)
        _ping_after_idle(engine)
        return engine
    raise ValueError(f"unsupported database backend {backend!r}: use sqlite or postgresql")


def _ping_after_idle(engine: Engine) -> None:
    """Pre-ping only connections that sat idle in the pool (POSTGRES_PING_AFTER_IDLE_S).

    A dead one is replaced before use, as pool_pre_ping would; a connection that dies in the
    middle of a call is still reported as the lost database it is (Database.translating), and
    the pool then drops its other connections, so the next call connects afresh.
    """
    idle_since = "intake_idle_since"

    @event.listens_for(engine, "connect")
    def _fresh(_dbapi_connection: Any, record: Any) -> None:
        record.info.pop(idle_since, None)

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[idle_since] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(idle_since)
        if since is None or time.monotonic() - since < POSTGRES_PING_AFTER_IDLE_S:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # the driver's error for a dead connection, whatever it is
            raise DisconnectionError("pooled connection lost while idle") from exc
        if not alive:
            raise DisconnectionError("pooled connection lost while idle")


def _sqlite_engine(url: URL, **kwargs: Any) -> Engine:
    if url.database and url.database != ":memory:":
        _create_private_file(Path(url.database))
    engine = create_engine(
        url,
        hide_parameters=True,  # error messages must never carry patient data
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        **kwargs,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's implicit transactions are too late/lazy).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (it holds patient data)."""
    make_private_folder(path.parent)  # the data folder: 0700 when this makes it
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
