"""What a keyboard shortcut means, said where it is made: one meaning per key across the
program (tests/ui/test_shortcuts.py collects every shortcut of a session and checks).

The same key may work in several areas only when it means the same there ("Print" prints
what the area shows); a key that means one thing here and another there is a trap for staff
who move between areas all day (Ctrl+N once meant "new patient" and "no-show").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox

from intake.ui.i18n import QT_TRANSLATE_NOOP

MEANING = "meaning"  # the dynamic property that carries it

# The meanings are compared in English (tests); shown, they are translate("Keys", meaning).

NEW_PATIENT = QT_TRANSLATE_NOOP("Keys", "New patient")
FIND_PATIENT = QT_TRANSLATE_NOOP("Keys", "Find a patient")
SAVE = QT_TRANSLATE_NOOP("Keys", "Save")
PRINT = QT_TRANSLATE_NOOP("Keys", "Print")
REFRESH = QT_TRANSLATE_NOOP("Keys", "Refresh")
NEXT = QT_TRANSLATE_NOOP("Keys", "Next")
PREVIOUS = QT_TRANSLATE_NOOP("Keys", "Previous")
NO_SHOW = QT_TRANSLATE_NOOP("Keys", "No-show")
UNDO_NO_SHOW = QT_TRANSLATE_NOOP("Keys", "Undo no-show")
ABOUT = QT_TRANSLATE_NOOP("Keys", "About Clinic Intake")
# Enter on a list: the area, the intake, the visit...
OPEN = QT_TRANSLATE_NOOP("Keys", "Open what is chosen")
BOOK = QT_TRANSLATE_NOOP("Keys", "Book")

Tagged = TypeVar("Tagged", bound=QObject)


def means(shortcut: Tagged, meaning: str) -> Tagged:
    """Tag a QShortcut or QAction with what its key means; returns it."""
    shortcut.setProperty(MEANING, meaning)
    return shortcut


def meaning_of(shortcut: QObject) -> str:
    """The tagged meaning, else an action's own words; "" for an untagged QShortcut."""
    tagged = shortcut.property(MEANING)
    if isinstance(tagged, str) and tagged:
        return tagged
    text = shortcut.property("text")
    return text.replace("&", "").rstrip("…. ") if isinstance(text, str) else ""


class _EnterOnce(QObject):
    def __init__(self, box: QComboBox, act: Callable[[], None]) -> None:
        super().__init__(box)
        self.act = act

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.act()
            return True  # taken: neither the line nor the box sees it
        return False


def enter_confirms(box: QComboBox, act: Callable[[], None]) -> None:
    """Enter in an editable box's text runs `act` once. (Its line's `returnPressed` fires
    twice: the line passes Enter up to the box, which hands it back to the line; a cancel
    sent twice failed the second time as "someone else changed this visit".)"""
    line = box.lineEdit()
    assert line is not None, "only an editable box has a line to type in"
    line.installEventFilter(_EnterOnce(box, act))
