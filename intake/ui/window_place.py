"""The main window's size and place: the last one used on this PC, always inside the screen's
free area (its frame and status bar included), or a default that fits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMargins, QObject, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QMainWindow

DEFAULT = QSize(1600, 1000)
FRAME_GUESS = QMargins(8, 32, 8, 8)  # title bar and borders, until the window is on screen


def fitted(saved: QRect | None, area: QRect, frame: QMargins) -> QRect:
    """The window's inner rectangle: `saved` (or the default, centred) moved and shrunk so
    the whole window, frame included, lies inside `area`."""
    room = area.marginsRemoved(frame)
    size = (saved.size() if saved is not None else DEFAULT).boundedTo(room.size())
    corner = (
        saved.topLeft()
        if saved is not None
        else room.center() - QPoint(size.width() // 2, size.height() // 2)
    )
    x = min(max(corner.x(), room.left()), room.left() + room.width() - size.width())
    y = min(max(corner.y(), room.top()), room.top() + room.height() - size.height())
    return QRect(QPoint(x, y), size)


class WindowPlace(QObject):
    """Restores the window's last size and place (clamped to the screen) and saves it."""

    def __init__(self, window: QMainWindow, path: Path) -> None:
        super().__init__(window)
        self.window = window
        self.settings = QSettings(str(path), QSettings.Format.IniFormat)

    def restore(self, area: QRect | None = None) -> None:
        saved = self.settings.value("window/geometry")
        area = area or self._area()
        frame = self._frame()
        self.window.setGeometry(fitted(saved if isinstance(saved, QRect) else None, area, frame))
        if self.settings.value("window/maximized") in (True, "true"):
            self.window.setWindowState(self.window.windowState() | _maximized())

    def save(self) -> None:
        geometry = self.window.normalGeometry() if self.window.isMaximized() else None
        self.settings.setValue("window/geometry", geometry or self.window.geometry())
        self.settings.setValue("window/maximized", self.window.isMaximized())
        self.settings.sync()

    def _area(self) -> QRect:
        screen = self.window.screen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)

    def _frame(self) -> QMargins:
        if not self.window.isVisible():
            return FRAME_GUESS
        outer, inner = self.window.frameGeometry(), self.window.geometry()
        measured = QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
        return measured if measured.top() > 0 else FRAME_GUESS


def _maximized() -> Qt.WindowState:
    return Qt.WindowState.WindowMaximized
