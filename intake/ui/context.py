"""What every screen needs: the open database, who is acting, and the background worker.

Screens pass this along; none of them reaches for a global window or a session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.worker import Worker

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
        on_failure: Callable[[str], None],
    ) -> Any:
        """Run a service call off the GUI thread; the callbacks run on the GUI thread."""
        database, actor = self.database, self.actor
        return self.worker.submit(lambda: work(database, actor), on_success, on_failure)
