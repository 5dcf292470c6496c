"""Callbacks that do nothing once their screen is gone.

A background answer can arrive after the screen that asked was closed; its callback must
then not touch the deleted widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    def guarded(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return guarded
