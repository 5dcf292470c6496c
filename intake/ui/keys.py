"""What a keyboard shortcut means, said where it is made: one meaning per key across the
program (tests/ui/test_shortcuts.py collects every shortcut of a session and checks).

The same key may work in several areas only when it means the same there ("Print" prints
what the area shows); a key that means one thing here and another there is a trap for staff
who move between areas all day (Ctrl+N once meant "new patient" and "no-show").
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

MEANING = "meaning"  # the dynamic property that carries it

NEW_PATIENT = "New patient"
FIND_PATIENT = "Find a patient"
SAVE = "Save"
PRINT = "Print"
REFRESH = "Refresh"
NEXT = "Next"
PREVIOUS = "Previous"
NO_SHOW = "No-show"
UNDO_NO_SHOW = "Undo no-show"
ABOUT = "About Clinic Intake"
OPEN = "Open what is chosen"  # Enter on a list: the area, the intake, the visit...
BOOK = "Book"

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
