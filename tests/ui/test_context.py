"""Background calls and the screens that asked for them."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel

from intake.ui.context import UiContext
from intake.ui.worker import Worker
from tests.db.practice import desk


def test_an_answer_for_a_closed_screen_is_dropped_not_delivered(qtbot, database):  # type: ignore[no-untyped-def]
    context = UiContext(database, desk(database), Worker())
    release = threading.Event()
    delivered: list[str] = []

    def slow(_database, _actor) -> str:  # type: ignore[no-untyped-def]
        release.wait(10)
        return "late answer"

    screen, other = QLabel(), QLabel()
    context.run(slow, screen.setText, delivered.append)  # a bound method: guarded by itself
    context.run(slow, lambda text: delivered.append(text), delivered.append, owner=other)
    context.run(slow, delivered.append, delivered.append)  # no owner: always delivered
    screen.deleteLater()
    other.deleteLater()
    qtbot.waitUntil(lambda: not _alive(screen) and not _alive(other))
    release.set()
    context.worker.wait_for_done()
    qtbot.waitUntil(lambda: context.worker.pending == 0)  # all three answers have come back
    assert delivered == ["late answer"]


def _alive(widget: QLabel) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
