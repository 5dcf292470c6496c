"""The database while it opens: a sign-in typed before it is open waits for it on the worker.

The sign-in dialog is shown with the window, before the database has opened (issue 25: the
person types their name and password while the program loads, not after). Whatever the
dialog sends meanwhile waits here, off the GUI thread, for the opening to end.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intake.services.database import Database


class Opening:
    """Set once, from the GUI thread, when the database opened or could not be opened."""

    def __init__(self) -> None:
        self._ended = threading.Event()
        self._database: Database | None = None
        self._error: BaseException | None = None

    @property
    def ended(self) -> bool:
        return self._ended.is_set()

    def opened(self, database: Database) -> None:
        self._database = database
        self._ended.set()

    def failed(self, error: BaseException) -> None:
        self._error = error
        self._ended.set()

    def wait(self) -> Database:
        """The open database, once it is (the opening's own error if it failed)."""
        self._ended.wait()
        if self._error is not None:
            raise self._error
        assert self._database is not None
        return self._database
