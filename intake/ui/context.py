"""What every screen needs: the open database, who is acting, and the background worker.

Screens pass this along; none of them reaches for a global window or a session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject

from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.guard import while_alive
from intake.ui.worker import Failure, Worker

T = TypeVar("T")


@dataclass(frozen=True)
class UiContext:
    database: Database
    actor: Actor
    worker: Worker

    def run(
        self,
        work: Callable[[Database, Actor], T],
        on_success: Callable[[T], None],
        on_failure: Failure,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Run a service call off the GUI thread; the callbacks run on the GUI thread.

        `on_failure` gets the exception (see `intake.ui.worker`): screens decide with
        isinstance, and show `failure_text(error)` to the person.

        The answer is dropped if `owner` (by default the object whose method `on_success`
        is) was deleted meanwhile: a screen closed while its call was under way.
        """
        database, actor = self.database, self.actor
        bound_to = getattr(on_success, "__self__", None)
        if owner is None and isinstance(bound_to, QObject):
            owner = bound_to
        if owner is not None:
            on_success, on_failure = while_alive(owner, on_success), while_alive(owner, on_failure)
        return self.worker.submit(lambda: work(database, actor), on_success, on_failure)
