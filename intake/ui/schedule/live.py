"""Live refresh: a background feed of schedule changes turned into a Qt signal.

The feed's thread only calls `_heard`, which emits a signal of this QObject (created on the
GUI thread); Qt queues it to the GUI thread. No widget is touched from the feed's thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from intake.services import changes
from intake.services.changes import ChangeFeed, ScheduleChange
from intake.ui.context import UiContext


class LiveRefresh(QObject):
    schedule_did_change = Signal(object)  # ScheduleChange

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._feed: ChangeFeed | None = None

    @property
    def running(self) -> bool:
        return self._feed is not None

    def is_ready(self) -> bool:
        return self._feed is not None and self._feed.ready.is_set()

    def start(self) -> None:
        if self._feed is None:
            # Starting only spawns the thread; its connection opens on that thread.
            self._feed = changes.watch(self._ctx.database, self._heard)

    def stop(self, *, wait: bool = True) -> None:
        feed, self._feed = self._feed, None
        if feed is not None:
            feed.stop(timeout=5.0 if wait else 0.0)

    def _heard(self, change: ScheduleChange) -> None:  # on the feed's thread
        self.schedule_did_change.emit(change)
