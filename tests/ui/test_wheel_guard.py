"""The mouse wheel scrolls the page over a drop-down or a time field; it changes the value only
once the field has focus (issue #16, point 1: an admin's weekday switched to Sunday)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from intake.ui.admin.page import AdminPage
from intake.ui.booking import BookingPanel
from intake.ui.context import UiContext
from intake.ui.wheel_guard import install
from intake.ui.worker import Worker
from tests.db.practice import NOW, admin, build, desk
from tests.db.test_accounts import cheap_hasher  # noqa: F401

NOTCH = 120  # one click of a mouse wheel


def _wheel(widget: QWidget, notches: int = -1) -> None:
    """One turn of the wheel with the pointer over the middle of `widget` (down: negative)."""
    inside = QPointF(widget.rect().center())
    event = QWheelEvent(
        inside,
        QPointF(widget.mapToGlobal(inside.toPoint())),
        QPoint(),
        QPoint(0, NOTCH * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _area(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        assert parent is not None, "the field is not inside a scroll area"
        parent = parent.parentWidget()
    return parent


@pytest.fixture(autouse=True)
def guard(qapp):  # type: ignore[no-untyped-def]
    """Installed as start_gui does, before any widget is made; removed after the test."""
    installed = install(qapp)
    yield installed
    qapp.removeEventFilter(installed)
    installed.setParent(None)


@pytest.fixture
def therapists_tab(qtbot, show_active, database, cheap_hasher):  # type: ignore[no-untyped-def]  # noqa: F811
    build(database, patients_count=1)
    context = UiContext(database, admin(database), Worker())
    page = AdminPage(context)
    page.resize(1024, 420)  # short enough that the therapist's form scrolls
    tab = page.pages["therapists"]
    page.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.did_load, timeout=10_000):
        show_active(page)
    qtbot.waitUntil(lambda: tab.busy == 0, timeout=10_000)
    yield tab
    context.worker.wait_for_done()


def test_the_wheel_over_an_unfocused_weekday_scrolls_the_page(qtbot, therapists_tab):
    tab = therapists_tab
    bar = _area(tab.weekday).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    tab.items.setFocus()  # the focus is in the list; the pointer rests on the form
    weekday, start = tab.weekday.currentIndex(), tab.start.time()
    for field, notches in ((tab.weekday, -1), (tab.start, +1)):  # down, then back up
        before = bar.value()
        _wheel(field, notches)
        assert bar.value() != before and (bar.value() > before) == (notches < 0)
    assert (tab.weekday.currentIndex(), tab.start.time()) == (weekday, start)
    assert not tab.weekday.hasFocus() and not tab.start.hasFocus()
    for field in (tab.weekday, tab.start):  # a real wheel does not give them focus either
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_a_focused_weekday_still_follows_the_wheel(qtbot, therapists_tab):
    tab = therapists_tab
    tab.weekday.setCurrentIndex(1)
    tab.weekday.setFocus(Qt.FocusReason.TabFocusReason)  # tabbed into
    qtbot.waitUntil(tab.weekday.hasFocus)
    _wheel(tab.weekday, -1)
    assert tab.weekday.currentIndex() == 2


def test_the_wheel_over_the_booking_panels_visit_type_scrolls_the_summary_page(
    qtbot, show_active, database
):  # type: ignore[no-untyped-def]
    """The booking panel sits low on the intake's scrolling summary page; scrolling down
    to it over the type switched an evaluation to a re-evaluation."""
    build(database, patients_count=1)
    context = UiContext(database, desk(database), Worker())
    page = QScrollArea()  # as IntakeWizard's summary page holds it
    page.setWidgetResizable(True)
    panel = BookingPanel(context, clock=lambda: NOW)
    panel.setMinimumHeight(900)
    page.setWidget(panel)
    page.resize(1024, 500)
    with qtbot.waitSignal(panel.choices_did_load, timeout=10_000):
        show_active(page)
    qtbot.waitUntil(lambda: panel.filters.type_combo.count() > 1)
    panel.view.setFocus()
    kind, days = panel.filters.type_code(), panel.filters.days.value()
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    _wheel(panel.filters.type_combo, -1)
    assert panel.filters.type_code() == kind
    assert bar.value() > 0
    _wheel(panel.filters.days, -1)
    assert panel.filters.days.value() == days
    context.worker.wait_for_done()
