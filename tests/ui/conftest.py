"""Helpers for screen tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from intake.ui import i18n


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


@pytest.fixture
def speak(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable]:
    """Install a language (or a pseudo-translator) for one test; English again after it."""
    installed: list[QTranslator] = []
    cache = tmp_path_factory.getbasetemp() / "i18n-cache"

    def use(language: str | QTranslator) -> None:
        if isinstance(language, QTranslator):
            QLocale.setDefault(QLocale("en_US"))
            qapp.installTranslator(language)
            installed.append(language)
        else:
            installed.extend(i18n.install(qapp, language, cache=cache))

    yield use
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))
    i18n._SPEAKING[:] = [i18n.SOURCE_LANGUAGE]  # the staff's language follows: English again
