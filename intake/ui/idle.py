"""Work put off to a later turn of the event loop, after the input already waiting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def when_idle(owner: QObject, work: Callable[[], None]) -> None:
    """Run `work` on a later turn of the event loop (not at all if `owner` is gone first).

    A real timer, not a zero-delay call: those are delivered with the other posted events,
    ahead of input and timers, so a chain of them holds the screen as one long piece of work.
    """
    QTimer.singleShot(1, owner, work)
