"""PostgreSQL: signing in is logging in to the database as oneself.

Every staff account is a login of its own (`name@database`, made by the database when the
account is created; migrations/versions/0006). Signing in:

1. the gate (`intake_gate`, a login whose password is public and which may only call two
   functions) names the login for the user name and lifts an expired lock;
2. the program connects as that login with the typed password: the server checks it
   (SCRAM) — the program holds no hash and no key of its own;
3. refused: the gate counts the wrong password (five lock the login for 15 minutes, made
   NOLOGIN by the database); let in: `intake_signed_in()` starts the count again and audits.

Passwords reach the server only as SCRAM verifiers made here (intake.services.passwords).
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from intake.db.engine import create_database_engine, without_login
from intake.domain import accounts as a
from intake.domain.errors import SchemaMismatch
from intake.services.database import Database, ensure_schema
from intake.services.db_errors import describe, is_login_refused, sqlstate

log = logging.getLogger(__name__)

GATE_LOGIN = "intake_gate"
GATE_PASSWORD = "intake_gate"  # public by design: the gate can read and change nothing


def _place(database: Database) -> URL:
    if database.backend != "postgresql":
        raise ValueError("not a PostgreSQL database")
    return database.place or without_login(database.engine.url, keep_user=True)


NOT_UPGRADED = (
    "This database does not have a sign-in for each person yet (or the server refuses the "
    "program's sign-in gate). The IT person runs `intake db upgrade` with their own login "
    "(see docs/security.md); nothing was changed."
)


def _gate(database: Database, statement: str, **values: str) -> str | None:
    url = _place(database).set(username=GATE_LOGIN, password=GATE_PASSWORD)
    engine = create_database_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            return connection.execute(text(statement), values).scalar()
    except DBAPIError as exc:
        # No gate login, or no gate function in this database: a schema from before 0006.
        if is_login_refused(exc) or sqlstate(exc) in {"42883", "42501"}:
            raise SchemaMismatch(NOT_UPGRADED) from None
        with database.translating():
            raise
    finally:
        engine.dispose()


def _login_name(database: Database, username: str) -> str:
    """The login of a user name (and an expired lock lifted): asked of the gate."""
    name = _gate(database, "SELECT intake_sign_in_ready(:name)", name=username)
    assert name is not None
    return name


def _count_wrong_password(database: Database, username: str, workstation: str) -> None:
    _gate(
        database,
        "SELECT intake_sign_in_failed(:name, :station)",
        name=username,
        station=workstation,
    )


def _connect_as(database: Database, username: str, password: str, workstation: str) -> Engine:
    """An engine connected as the person's own login, or SignInRefused (counted)."""
    login = _login_name(database, username)
    engine = create_database_engine(_place(database).set(username=login, password=password))
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        if not is_login_refused(exc):
            with database.translating():
                raise
        log.info("sign-in refused by the server (%s), workstation=%s", describe(exc), workstation)
        _count_wrong_password(database, username, workstation)
        raise a.SignInRefused() from None
    return engine


def signed_in(engine: Engine, workstation: str) -> int:
    """Tell the database the person is in (their count of wrong tries starts again); their
    account's id. A login that is not a usable staff account is refused."""
    try:
        with engine.begin() as connection:
            found = connection.execute(
                text("SELECT intake_signed_in(:station)"), {"station": workstation}
            ).scalar_one()
    except DBAPIError as exc:
        if sqlstate(exc) in {"42501", "42883"}:  # not staff, or no such function here
            raise a.SignInRefused() from None
        raise
    return int(found)


def open_as(database: Database, username: str, password: str, workstation: str) -> Database:
    """The database as this person's login, its schema checked (a staff login cannot
    upgrade it: the IT person runs `intake db upgrade`)."""
    engine = _connect_as(database, username, password, workstation)
    person = Database(engine, workstation, place=database.place, personal=True)
    try:
        ensure_schema(person, upgrade=False)
    except BaseException:
        engine.dispose()
        raise
    return person


def use_password(database: Database, login: str, password: str) -> None:
    """After a change of one's own password: new connections use the new one."""
    url = _place(database).set(username=login, password=password)
    database.use_login(create_database_engine(url))


def check_password(database: Database, username: str, password: str, workstation: str) -> None:
    """SignInRefused (and counted) unless the server accepts this password for the login."""
    _connect_as(database, username, password, workstation).dispose()
