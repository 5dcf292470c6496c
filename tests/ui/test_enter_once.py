"""Enter in an editable box's text confirms once (a cancel, a waitlist removal): a second
confirmation would be sent as a second change, refused as "someone else changed this visit"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from intake.ui import keys


def _box(qtbot) -> QComboBox:  # type: ignore[no-untyped-def]
    box = QComboBox()
    box.setEditable(True)
    box.addItems(["Patient called", "Clinic closed"])
    qtbot.addWidget(box)
    box.show()
    return box


def test_qt_hands_enter_to_an_editable_boxs_line_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Why the helper exists: the line passes Enter up to the box, which hands it back.
    box = _box(qtbot)
    line = box.lineEdit()
    pressed: list[str] = []
    line.returnPressed.connect(lambda: pressed.append(box.currentText()))
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert len(pressed) == 2


def test_enter_confirms_once_with_what_was_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = _box(qtbot)
    line = box.lineEdit()
    confirmed: list[str] = []
    keys.enter_confirms(box, lambda: confirmed.append(box.currentText()))
    line.selectAll()
    qtbot.keyClicks(line, "Discharged early")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClick(line, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert confirmed == ["Discharged early", "Discharged early"]
    assert box.count() == 2  # nothing added to the list of reasons by the Enter
