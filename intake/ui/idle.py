"""Work put off to a later turn of the event loop, after the input already waiting."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer


def when_idle(owner: QObject, work: Callable[[], None]) -> None:
    """Run `work` on a later turn of the event loop (not at all if `owner` is gone first).

    A real timer, not a zero-delay call: those are delivered with the other posted events,
    ahead of input and timers, so a chain of them holds the screen as one long piece of work.
    """
    QTimer.singleShot(1, owner, work)


def in_turns(owner: QObject, steps: Sequence[Callable[[], object]]) -> None:
    """Run `steps` in order, one per later turn of the event loop (what they return is
    not used).

    Each timer is set only once the step before it has run: timers set together fall due
    together, and Qt runs every due timer in one pass, so they would hold the screen as one
    long piece of work after all.
    """
    if not steps:
        return
    first, rest = steps[0], tuple(steps[1:])

    def step() -> None:
        first()
        in_turns(owner, rest)

    when_idle(owner, step)
