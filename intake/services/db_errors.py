"""What the database environment did, told apart from what a bug did.

`services.database` asks here when a driver error comes out of a unit of work: a dropped
connection, a refusing server or a locked file is the environment (DatabaseUnavailable); two
transactions that collided and were undone by the database is contention (retry); anything
else is a bug and passes on unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from intake.domain.errors import DatabaseUnavailable, StaleRecord
from intake.domain.words import Words

# PostgreSQL's deadlock_detected and serialization_failure: the transaction was undone
# whole, and running it again is the documented answer.
CONTENTION_STATES = frozenset({"40P01", "40001"})
# PostgreSQL's insufficient_privilege: the grants of the signed-in person's login refused.
REFUSED_STATE = "42501"
# What a server says when it will not let a login in (its password, or the login itself).
# The same for an unknown name and a wrong password: the caller never tells them apart.
_LOGIN_REFUSED = (
    "password authentication failed",
    "is not permitted to log in",
    "no password supplied",
)
# role "…" does not exist: a server that trusts the network names an unknown login (not a
# missing database, which is the address's fault, not the person's).
_UNKNOWN_ROLE = re.compile(r'role ".*" does not exist')


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE (PostgreSQL) or SQLite result name of a driver error, if it has one."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    return str(code) if code else None


def is_contention(exc: DBAPIError) -> bool:
    return sqlstate(exc) in CONTENTION_STATES


def is_refused_by_grants(exc: DBAPIError) -> bool:
    return sqlstate(exc) == REFUSED_STATE


def is_login_refused(exc: DBAPIError) -> bool:
    """Connecting failed because the server refused the login or its password."""
    first = str(exc.orig).lower() if exc.orig is not None else ""
    refused = any(words in first for words in _LOGIN_REFUSED) or bool(_UNKNOWN_ROLE.search(first))
    return isinstance(exc, OperationalError) and refused


def is_unavailable(exc: DBAPIError) -> bool:
    """The connection broke, the server refuses, or the file cannot be used."""
    if is_contention(exc):
        return False
    return exc.connection_invalidated or isinstance(exc, OperationalError | InterfaceError)


def describe(exc: BaseException) -> str:
    """Class and code only: a driver's message may quote row values (a patient's name)."""
    orig = getattr(exc, "orig", None)
    name = type(exc).__name__
    if orig is not None and orig is not exc:
        name = f"{name} from {type(orig).__module__.split('.')[0]}.{type(orig).__name__}"
    code = sqlstate(exc)
    return f"{name}, {code}" if code else name


@contextmanager
def plain_errors(*, stale: Words, unavailable: Words) -> Iterator[None]:
    """A service's own wording: a lost update race becomes StaleRecord(stale); the database
    being unavailable (already translated where the session opened) says `unavailable`."""
    try:
        yield
    except StaleDataError:
        raise StaleRecord(stale) from None
    except DatabaseUnavailable:
        raise DatabaseUnavailable(unavailable) from None
