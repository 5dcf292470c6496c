"""Qt's Python types, made ahead in short pieces while nobody waits.

PySide6 makes the Python type of each Qt class (with all of its enums) the first time the
program names it. Worse, the first time Qt hands back a widget whose class Python has not
met yet (a scroll area's viewport, say), PySide6 makes every widget type it might be to find
the right one: 45 enums at once, about 20 ms on the GUI thread, in the middle of building
the first screen. Made here while the person types their name and password, building the
front desk after Enter costs a third less (issue 25: no GUI stall over 50 ms at start-up).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from types import ModuleType

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QObject

from intake.ui.idle import when_idle

# The modules the program's screens use; widgets first, the ones a first screen meets most.
MODULES: tuple[ModuleType, ...] = (QtWidgets, QtGui, QtCore)
TURN_BUDGET_S = 0.004  # per turn of the event loop: typing stays smooth


def unmade(modules: tuple[ModuleType, ...] = MODULES) -> list[tuple[ModuleType, str]]:
    """The Qt classes of `modules` whose Python type PySide6 has not made yet."""
    return [
        (module, name)
        for module in modules
        for name in dir(module)  # names only: listing them makes nothing
        if name.startswith("Q") and name not in vars(module)
    ]


def make_in_turns(
    owner: QObject,
    *,
    modules: tuple[ModuleType, ...] = MODULES,
    done: Callable[[int], None] | None = None,
) -> None:
    """Make the Python types of `modules`' Qt classes on later turns of the event loop, a
    few milliseconds' worth per turn (nothing more once `owner` is gone). `done` gets the
    number of turns it took."""
    waiting = deque(unmade(modules))
    turns = 0

    def turn() -> None:
        nonlocal turns
        turns += 1
        ends = time.perf_counter() + TURN_BUDGET_S
        while waiting and time.perf_counter() < ends:
            module, name = waiting.popleft()
            getattr(module, name, None)
        if waiting:
            when_idle(owner, turn)
        elif done is not None:
            done(turns)

    when_idle(owner, turn)
