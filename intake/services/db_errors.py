"""Turning what the database environment does into sentences for the person at the screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from intake.domain.errors import DatabaseUnavailable, StaleRecord


@contextmanager
def plain_errors(*, stale: str, unavailable: str) -> Iterator[None]:
    """A lost update race becomes StaleRecord(stale); a dropped connection or a locked file
    is the environment, not a bug: DatabaseUnavailable(unavailable). Anything else passes."""
    try:
        yield
    except StaleDataError:
        raise StaleRecord(stale) from None
    except DBAPIError as exc:
        if exc.connection_invalidated or isinstance(exc, OperationalError | InterfaceError):
            raise DatabaseUnavailable(unavailable) from None
        raise
