"""Opening the database: connect, check the schema, upgrade it, hand out units of work.

This is the one place that turns driver errors into sentences a person can act on.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from intake.db import migrate
from intake.db.engine import WRITE_OPTION, create_database_engine, is_sqlite, mask_url
from intake.domain.errors import DatabaseUnavailable, SchemaMismatch


@dataclass
class Database:
    """An open database and the session factories services use. Opaque to the UI."""

    engine: Engine
    workstation: str = field(default_factory=socket.gethostname)

    def __post_init__(self) -> None:
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @property
    def display_url(self) -> str:
        return mask_url(self.engine.url)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; rolled back at the end."""
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One unit of work: commits if the block succeeds, rolls back if it raises."""
        with self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def connect(url: str) -> Database:
    """Connect and prove the database answers; raise DatabaseUnavailable with a clear message."""
    shown = mask_url(url)
    try:
        engine = create_database_engine(url)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise DatabaseUnavailable(f"The database address {shown} is not valid: {exc}") from None
    except OSError as exc:
        raise DatabaseUnavailable(
            f"Cannot create the database file for {shown}: {exc.strerror}. "
            "Check the data folder exists and is writable."
        ) from None
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseUnavailable(_explain(shown, exc, sqlite=is_sqlite(url))) from None
    return Database(engine)


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Connect, refuse a schema newer than this program, and upgrade an older one."""
    database = connect(url)
    try:
        ensure_schema(database, upgrade=upgrade)
    except BaseException:
        database.close()
        raise
    return database


def ensure_schema(database: Database, *, upgrade: bool = True) -> None:
    state = migrate.schema_state(database.engine)
    if not state.known:
        raise SchemaMismatch(
            f"The database {database.display_url} has schema revision {state.current}, "
            "which is newer than this program knows. Install the newer version of "
            "Clinic Intake that the other computers use; nothing was changed."
        )
    if state.at_head:
        return
    if not upgrade:
        raise SchemaMismatch(
            f"The database {database.display_url} is at schema revision {state.current or 'none'}"
            f", this program needs {state.head}. Run `intake db upgrade`."
        )
    try:
        migrate.upgrade(database.engine)
    except OperationalError as exc:
        raise DatabaseUnavailable(
            _explain(database.display_url, exc, sqlite=database.backend == "sqlite")
        ) from None


def _explain(shown: str, exc: DBAPIError, *, sqlite: bool) -> str:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
    lowered = detail.lower()
    if "password" in lowered or "authentication" in lowered or "role" in lowered:
        what = "The user name or password was refused. Check the address in the settings."
    elif "does not exist" in lowered and "database" in lowered:
        what = "That database does not exist on the server. Ask your IT person to create it."
    elif "locked" in lowered or "busy" in lowered:
        what = "The database is busy or locked by another program. Try again in a moment."
    elif sqlite:
        what = "The database file cannot be opened. Check the data folder and disk space."
    else:
        what = "The server does not answer. Check the network and that the server is running."
    return f"Cannot use the database {shown}. {what} ({detail})"
