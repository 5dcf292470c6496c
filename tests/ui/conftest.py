"""Helpers for screen tests."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


@pytest.fixture
def show_active(qtbot):  # type: ignore[no-untyped-def]
    """Show a window and make it the active one, so shortcuts reach it as for a person."""

    def show(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        widget.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is widget.windowHandle())
        return widget

    return show
