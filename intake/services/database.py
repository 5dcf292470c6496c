"""Opening the database: connect, check the schema, upgrade it, hand out units of work.

This is the one place that turns driver errors into sentences a person can act on.
"""

from __future__ import annotations

import logging
import random
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from intake.db import migrate
from intake.db.engine import (
    WRITE_OPTION,
    create_database_engine,
    mask_url,
    parse_url,
    without_login,
)
from intake.domain.errors import Contention, DatabaseUnavailable, PermissionDenied, SchemaMismatch
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said
from intake.services.about import describe_program
from intake.services.db_errors import (
    describe,
    is_contention,
    is_refused_by_grants,
    is_unavailable,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRIES = 3  # after the first try, of a unit of work the database undid (Contention)
BACKOFF_SECONDS = 0.02  # the first wait; it doubles, jittered so racers do not meet again


@dataclass
class Database:
    """An open database and the session factories services use. Opaque to the UI."""

    engine: Engine
    workstation: str = field(default_factory=socket.gethostname)
    # PostgreSQL: the server and database without a login. `personal`: this PC holds no
    # login of its own; the person who signs in connects as themselves (intake.services.
    # logins), and the units of work run on their connection.
    place: URL | None = None
    personal: bool = False

    def __post_init__(self) -> None:
        self._bind(self.engine)

    def _bind(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        self._write_alone = sessionmaker(
            engine.execution_options(isolation_level="AUTOCOMMIT", **{WRITE_OPTION: True}),
            expire_on_commit=False,
        )

    def use_login(self, engine: Engine) -> None:
        """From now on work on this person's own connection (the previous one is closed)."""
        previous = self.engine
        self._bind(engine)
        if previous is not engine:
            previous.dispose()

    @property
    def display_url(self) -> str:
        return mask_url(self.place if self.place is not None else self.engine.url)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def file(self) -> Path | None:
        """The embedded database's file; None for a server or an in-memory database."""
        name = self.engine.url.database
        if self.backend != "sqlite" or not name or name == ":memory:":
            return None
        return Path(name)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; rolled back at the end."""
        with self.translating(), self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One unit of work: commits if the block succeeds, rolls back if it raises."""
        with self.translating(), self._write() as session, session.begin():
            yield session

    @contextmanager
    def writing_alone(self) -> Iterator[Session]:
        """A unit of work whose one write is a single all-or-nothing statement (reads before
        it are allowed). On PostgreSQL each statement commits by itself: no BEGIN and COMMIT
        round trips, and no new row held uncommitted while its PC waits for a CPU, stalling
        every PC that races for the same time. Elsewhere the same as writing()."""
        if self.backend != "postgresql":
            with self.writing() as session:
                yield session
            return
        with self.translating(), self._write_alone() as session, session.begin():
            yield session

    @contextmanager
    def translating(self) -> Iterator[None]:
        """Driver errors the environment causes become known errors; bugs pass unchanged.

        The one place this happens: every session opens through here (and the schema
        services, which work on the engine, wrap themselves in it)."""
        try:
            yield
        except DBAPIError as exc:
            if is_refused_by_grants(exc):
                # The database, not the program, said no: the login's grants do not allow it.
                log.warning("refused by the database's grants (%s)", describe(exc))
                raise PermissionDenied(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Database",
                            "The database refused this: your account's role may not do it.",
                        )
                    )
                ) from None
            if is_contention(exc):
                log.info("transaction undone by the database (%s)", describe(exc))
                raise Contention(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Database",
                            "Another computer changed the same records at the same moment, so "
                            "nothing was saved. Try again.",
                        )
                    )
                ) from None
            if not is_unavailable(exc):
                raise
            log.warning("database unavailable (%s)", describe(exc))
            raise DatabaseUnavailable(
                _explain(self.display_url, exc, sqlite=self.backend == "sqlite", detail=False)
            ) from None

    def close(self) -> None:
        self.engine.dispose()


def retried(work: Callable[[], T], *, retries: int = RETRIES) -> T:
    """Run a whole unit of work again while the database undoes it for colliding with
    another computer's (deadlock, serialization failure); the last Contention escapes."""
    for attempt in range(retries):
        try:
            return work()
        except Contention:
            time.sleep(BACKOFF_SECONDS * 2**attempt * random.uniform(0.5, 1.5))
    return work()


def connect(url: str) -> Database:
    """Connect and prove the database answers; raise DatabaseUnavailable with a clear message."""
    shown = mask_url(url)
    try:
        parsed = parse_url(url)
        engine = create_database_engine(parsed)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        # The driver's words only when they cannot quote the address (and its password).
        invalid = (
            said(
                QT_TRANSLATE_NOOP("Database", "The database address {address} is not valid"),
                address=shown,
            )
            if isinstance(exc, ArgumentError)
            else said(
                QT_TRANSLATE_NOOP("Database", "The database address {address} is not valid: {why}"),
                address=shown,
                why=_scrub(str(exc), url),
            )
        )
        raise DatabaseUnavailable(invalid) from None
    except OSError as exc:
        raise DatabaseUnavailable(
            said(
                QT_TRANSLATE_NOOP(
                    "Database",
                    "Cannot create the database file for {address}: {problem}. "
                    "Check the data folder exists and is writable.",
                ),
                address=shown,
                problem=exc.strerror,
            )
        ) from None
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        sqlite = parsed.get_backend_name() == "sqlite"
        raise DatabaseUnavailable(_explain(shown, exc, sqlite=sqlite, url=parsed)) from None
    return Database(engine)


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Connect, refuse a schema newer than this program, and upgrade an older one.

    A PostgreSQL address without a user name is a clinic PC's: nothing connects until
    someone signs in with their own login (intake.services.logins), which checks the schema.
    """
    place = _place(url)
    if place is not None and not place.username:
        return Database(create_database_engine(place), place=place, personal=True)
    database = connect(url)
    database.place = place
    try:
        ensure_schema(database, upgrade=upgrade)
    except BaseException:
        database.close()
        raise
    return database


def _place(url: str) -> URL | None:
    """The server and database of a PostgreSQL address, without its password."""
    try:
        parsed = parse_url(url)
    except (ArgumentError, ValueError):
        return None  # connect() says what is wrong with it
    if parsed.get_backend_name() != "postgresql":
        return None
    return without_login(parsed, keep_user=True)


def ensure_schema(database: Database, *, upgrade: bool = True) -> None:
    with database.translating():
        _ensure_schema(database, upgrade=upgrade)


def _too_new_message(database: Database, current: str | None) -> Message:
    """What an IT person reads on a PC whose program is older than the shared schema: which
    version to install, when the database says (migration 0010 on)."""
    needed = migrate.required_version(database.engine)
    install = (
        said(
            QT_TRANSLATE_NOOP(
                "Database",
                "Install Clinic Intake {version} or newer (the version the other computers use)",
            ),
            version=needed,
        )
        if needed
        else said(
            QT_TRANSLATE_NOOP(
                "Database",
                "Install the newer version of Clinic Intake that the other computers use",
            )
        )
    )
    return said(
        QT_TRANSLATE_NOOP(
            "Database",
            "The database {database} has schema revision {current}, newer than this program "
            "knows: this computer has {program}. {install}; nothing was changed.",
        ),
        database=database.display_url,
        current=current,
        program=describe_program(),
        install=install,
    )


def _ensure_schema(database: Database, *, upgrade: bool) -> None:
    state = migrate.schema_state(database.engine)
    if not state.known:
        raise SchemaMismatch(_too_new_message(database, state.current))
    if state.at_head:
        return
    if not upgrade:
        raise SchemaMismatch(
            said(
                QT_TRANSLATE_NOOP(
                    "Database",
                    "The database {database} is at schema revision {current}, this program needs "
                    "{head}. Run `intake db upgrade`.",
                ),
                database=database.display_url,
                current=state.current or "none",
                head=state.head,
            )
        )
    migrate.upgrade(database.engine)


# libpq's words for a transport (TLS) fault, and what the person can do about it.
_TLS_FAULTS = (
    (
        "does not support ssl",
        QT_TRANSLATE_NOOP(
            "Database",
            "The server does not offer an encrypted connection (TLS), which the settings require "
            "(sslmode). Ask your IT person to turn on TLS on the server.",
        ),
    ),
    (
        "does not match host name",
        QT_TRANSLATE_NOOP(
            "Database",
            "The server's certificate is made out to another name than the server in the "
            "address, so it may not be your server. Use the name on the certificate, or ask your "
            "IT person.",
        ),
    ),
    (
        "certificate verify failed",
        QT_TRANSLATE_NOOP(
            "Database",
            "The server's certificate cannot be checked with the certificate authority file in "
            "the settings (sslrootcert): another authority signed it or it has expired, so the "
            "server is not trusted. Ask your IT person for the right file.",
        ),
    ),
    (
        "root certificate file",
        QT_TRANSLATE_NOOP(
            "Database",
            "The certificate authority file in the settings (sslrootcert) cannot be read. Check "
            "its path.",
        ),
    ),
)


def _explain(
    shown: str,
    exc: DBAPIError,
    *,
    sqlite: bool,
    detail: bool = True,
    url: URL | None = None,
) -> Message:
    """A sentence for the person, then the driver's first line (`detail`, only where it
    cannot quote row values: connecting) or else just the error's class and code."""
    first = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
    lowered = first.lower()
    tls = [sentence for words, sentence in _TLS_FAULTS if words in lowered]
    if tls:
        what = tls[0]
    elif "password" in lowered or "authentication" in lowered or "role" in lowered:
        what = QT_TRANSLATE_NOOP(
            "Database", "The user name or password was refused. Check the address in the settings."
        )
    elif "does not exist" in lowered and "database" in lowered:
        what = QT_TRANSLATE_NOOP(
            "Database",
            "That database does not exist on the server. Ask your IT person to create it.",
        )
    elif "locked" in lowered or "busy" in lowered:
        what = QT_TRANSLATE_NOOP(
            "Database", "The database is busy or locked by another program. Try again in a moment."
        )
    elif sqlite:
        what = QT_TRANSLATE_NOOP(
            "Database", "The database file cannot be opened. Check the data folder and disk space."
        )
    else:
        what = QT_TRANSLATE_NOOP(
            "Database",
            "The server does not answer. Check the network and that the server is running.",
        )
    shown_detail = _scrub(first, url)[:300] if detail else describe(exc)
    return said(
        QT_TRANSLATE_NOOP("Database", "Cannot use the database {address}. {what} ({detail})"),
        address=shown,
        what=said(what),
        detail=shown_detail,
    )


def _scrub(text: str, url: str | URL | None) -> str:
    """The text with the URL's password (as typed and as escaped) replaced by ***."""
    try:
        password = parse_url(url).password if url is not None else None
    except Exception:
        return text
    if password and len(password) >= 4:  # shorter ones would blank out ordinary words
        for form in {str(password), quote(str(password), safe="")}:
            text = text.replace(form, "***")
    return text
