"""The mouse wheel scrolls the page; it changes a drop-down or spin box only once it has focus.

One application-wide event filter, installed at start, so every screen and dialog (made now or
later) behaves the same. A value widget (QComboBox, and QAbstractSpinBox: spin boxes, date and
time fields) takes focus by click or Tab only, not by the wheel; a wheel turned over it while
it has no focus goes to the scroll area around it instead, which scrolls. Without this a
receptionist scrolling the booking page switched the visit type, and an admin's weekday.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

VALUE_WIDGETS = (QComboBox, QAbstractSpinBox)
GUARD_NAME = "wheelGuard"


class WheelGuard(QObject):
    """Wheel over an unfocused value widget: scroll the enclosing area, keep the value."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            return self._wheel(watched, event)
        if kind == QEvent.Type.Polish and isinstance(watched, VALUE_WIDGETS):
            _no_wheel_focus(watched)
        return False

    def _wheel(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, VALUE_WIDGETS) or watched.hasFocus():
            return False
        assert isinstance(event, QWheelEvent)
        area = _scroll_area_around(watched)
        if area is not None:
            viewport = area.viewport()
            forwarded = QWheelEvent(
                viewport.mapFromGlobal(event.globalPosition()),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
                event.pointingDevice(),
            )
            QCoreApplication.sendEvent(viewport, forwarded)
        event.accept()
        return True  # the value widget never sees it


def _no_wheel_focus(widget: QWidget) -> None:
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def install(app: QCoreApplication) -> WheelGuard:
    """Install the guard on the application, before any window is built (once: a second
    call returns the guard already there)."""
    guard = app.findChild(WheelGuard, GUARD_NAME)
    if isinstance(guard, WheelGuard):
        return guard
    guard = WheelGuard(app)
    guard.setObjectName(GUARD_NAME)
    app.installEventFilter(guard)
    return guard
