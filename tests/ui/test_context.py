"""Background calls and the screens that asked for them."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel, QWidget

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


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_schedule_closed_while_its_day_loads_drops_the_answer(qtbot, database, monkeypatch):  # type: ignore[no-untyped-def]
    # The schedule's calls answer through lambdas; the page itself owns them, so a page closed
    # (the language switched, the window rebuilt) before its day arrives is never painted into.
    import datetime as dt

    from intake.services import schedule_view
    from intake.ui.schedule.page import SchedulePage
    from tests.db.practice import NOW, build

    build(database)
    context = UiContext(database, desk(database), Worker())
    release = threading.Event()
    real = schedule_view.location_day

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(*args, **kwargs)

    page = SchedulePage(context, clock=lambda: NOW)
    qtbot.waitUntil(lambda: context.worker.pending == 0, timeout=15_000)
    monkeypatch.setattr(schedule_view, "location_day", slow)
    page.show_day(1, dt.date(2027, 2, 22))
    page.deleteLater()
    qtbot.waitUntil(lambda: not _alive(page))
    release.set()
    context.worker.wait_for_done()
    # The answer came back to a deleted page: dropped, or pytest-qt fails the test on the
    # "already deleted" error it would raise.
    qtbot.waitUntil(lambda: context.worker.pending == 0, timeout=15_000)
