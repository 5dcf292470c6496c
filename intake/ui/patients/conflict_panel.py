"""Another computer saved this record first: each field where its values and the ones typed
here differ, side by side, and the person chooses per field.

A field only one side changed comes with that side chosen (the person may still switch); a
field both changed comes with neither, and saving waits until each has a choice. The panel
only shows and collects: the compare is domain.patient_record's, the save the form's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intake.domain.patient_record import FieldDifference, Side
from intake.ui.i18n import translate
from intake.ui.patients.patient_fields import field_label

SHOWN_CHARACTERS = 60  # a long address or note is cut in the button, whole in its tooltip


class ConflictPanel(QFrame):
    choices_were_made = Signal(object)  # dict[str, Side]
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictPanel")
        self.setAccessibleName(translate("ConflictPanel", "Changed on another computer"))
        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self._rows = QWidget()
        self._grid = QGridLayout(self._rows)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._rows)
        self.save_button = QPushButton(translate("ConflictPanel", "Save with these choices"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self._confirm)
        self.back_button = QPushButton(translate("ConflictPanel", "Back to my typing"))
        self.back_button.setAccessibleName(
            translate("ConflictPanel", "Back to my typing, nothing saved")
        )
        self.back_button.clicked.connect(self.dismissed.emit)
        self.waiting = QLabel()
        self.waiting.setObjectName("conflictWaiting")
        self.waiting.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.waiting, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[tuple[str, Side], QRadioButton] = {}

    def ask(self, found: tuple[FieldDifference, ...], shown: Callable[[str, object], str]) -> None:
        """Show the differing fields; `shown` says a stored value in words."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.groups, self.buttons = {}, {}
        both = sum(1 for f in found if f.both_changed)
        self.heading.setText(
            translate(
                "ConflictPanel",
                "⚠ Someone saved this record on another computer while you were editing it. "
                "Nothing is saved yet and nothing you typed is lost: choose, for each field, "
                "which value to keep.",
            )
            + (
                (
                    translate("ConflictPanel", " {count} field changed on both computers.")
                    if both == 1
                    else translate("ConflictPanel", " {count} fields changed on both computers.")
                ).format(count=both)
                if both
                else ""
            )
        )
        for column, text in enumerate(
            (
                translate("ConflictPanel", "Field"),
                translate("ConflictPanel", "Saved on the other computer"),
                translate("ConflictPanel", "Typed here"),
            )
        ):
            title = QLabel(text)
            title.setObjectName("conflictColumn")
            self._grid.addWidget(title, 0, column)
        for row, difference in enumerate(found, start=1):
            self._add_row(row, difference, shown)
        self._grid.setRowStretch(len(found) + 1, 1)
        self._update()
        first = next(iter(self.buttons.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> dict[str, Side]:
        found: dict[str, Side] = {}
        for (name, side), button in self.buttons.items():
            if button.isChecked():
                found[name] = side
        return found

    def _add_row(
        self, row: int, difference: FieldDifference, shown: Callable[[str, object], str]
    ) -> None:
        name = difference.field
        label = field_label(name)
        caption = QLabel(f"⚠ {label}" if difference.both_changed else label)
        caption.setObjectName("conflictField")
        caption.setToolTip(
            translate("ConflictPanel", "Changed on both computers: choose one")
            if difference.both_changed
            else ""
        )
        self._grid.addWidget(caption, row, 0)
        group = QButtonGroup(self)
        self.groups[name] = group
        for column, side, value in (
            (1, Side.THEIRS, difference.theirs),
            (2, Side.MINE, difference.mine),
        ):
            text = shown(name, value)
            button = QRadioButton(_cut(text))
            button.setToolTip(text)
            whose = (
                translate("ConflictPanel", "{field}: keep the other computer's, {value}")
                if side is Side.THEIRS
                else translate("ConflictPanel", "{field}: keep yours, {value}")
            )
            button.setAccessibleName(whose.format(field=label, value=text))
            button.setChecked(difference.proposed is side)
            button.toggled.connect(lambda _on: self._update())
            group.addButton(button)
            self.buttons[(name, side)] = button
            self._grid.addWidget(button, row, column)

    def _update(self) -> None:
        missing = [field_label(n) for n, g in self.groups.items() if g.checkedButton() is None]
        self.save_button.setEnabled(not missing)
        self.waiting.setText(
            translate("ConflictPanel", "Choose a value for: {fields}.").format(
                fields=", ".join(missing)
            )
            if missing
            else ""
        )

    def _confirm(self) -> None:
        if self.save_button.isEnabled():
            self.choices_were_made.emit(self.chosen())


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"
