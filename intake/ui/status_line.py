"""The status line under a working area and the buttons that stand for its actions, one look
for the booking panel and the schedule alike: the same marks, the same tone colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton

# A mark before the words, so the tone does not rest on colour alone (style.qss colours it).
# Marks the default fonts have (DejaVu Sans, Segoe UI): "⛔" drew an empty box.
TONE_MARK = {"info": "", "done": "✔", "warn": "⚠", "error": "✖", "blocked": "⊘"}


def say(label: QLabel, tone: str, text: str) -> None:
    """Show `text` in `label` with the tone's mark; the style sheet reads the `tone` property."""
    mark = TONE_MARK.get(tone, "")
    label.setText(f"{mark}  {text}" if mark else text)
    label.setProperty("tone", tone)
    label.style().unpolish(label)
    label.style().polish(label)


def action_button(action: QAction, text: str, *, takes_focus: bool = True) -> QPushButton:
    """A button that triggers `action` and is enabled while it is; named for the action.

    `takes_focus=False` for buttons beside a view whose keys do the same (the schedule)."""
    button = QPushButton(text)
    button.setAccessibleName(action.text())
    if not takes_focus:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(action.trigger)
    button.setEnabled(action.isEnabled())
    action.enabledChanged.connect(button.setEnabled)
    return button
