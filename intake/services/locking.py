"""Optimistic locking, shared by every service that edits a versioned row: a change made
from a stale copy (another computer saved first) becomes StaleRecord, a KnownError."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from intake.domain.errors import StaleRecord
from intake.domain.words import QT_TRANSLATE_NOOP, Words, said


def stale(what: Words) -> StaleRecord:
    """`what` names the record ("This account"), as a Message where its module is converted."""
    return StaleRecord(
        said(
            QT_TRANSLATE_NOOP(
                "Locking",
                "{what} was changed or removed on another computer since you opened it. "
                "Reload it and make your change again.",
            ),
            what=what,
        )
    )


def check_version(current: int, expected: int, what: Words) -> None:
    if current != expected:
        raise stale(what)


def flush(session: Session, what: Words) -> None:
    """Write pending changes now, turning a lost optimistic-lock race into StaleRecord."""
    try:
        session.flush()
    except StaleDataError:
        raise stale(what) from None


def claim(session: Session, model: Any, row_id: int, version: int, what: Words) -> None:
    """Move a row's version on (for changes held in other tables), if still at `version`."""
    result = session.execute(
        update(model)
        .where(model.id == row_id, model.version == version)
        .values(version=version + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise stale(what)
