"""Pieces every admin form shares: labelled inputs with their error line (a service's
`Invalid` problems land each next to its field)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from intake.ui.i18n import translate

W = TypeVar("W", bound=QWidget)


class FieldErrors:
    """Inputs added to a form layout, each with an accessible name and an error line."""

    def __init__(self, layout: QFormLayout, general: QLabel) -> None:
        self.layout = layout
        self.general = general
        self._errors: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}

    def add(self, key: str, label: str, widget: W, *also: str) -> W:
        widget.setAccessibleName(label)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = self.error_line(label)
        column.addWidget(error)
        self.layout.addRow(label, box)
        for name in (key, *also):
            self._errors[name] = error
            self._inputs[name] = widget
        return widget

    @staticmethod
    def error_line(label: str) -> QLabel:
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setAccessibleName(
            translate("AdminForms", "Problem with {field}").format(field=label.lower())
        )
        error.hide()
        return error

    def watch(self, key: str, error: QLabel, widget: QWidget | None = None) -> None:
        """Route problems for `key` to an error line placed elsewhere."""
        self._errors[key] = error
        if widget is not None:
            self._inputs[key] = widget

    def clear(self) -> None:
        for key, error in self._errors.items():
            error.clear()
            error.hide()
            self._mark(key, False)
        self.general.clear()

    def show(self, problems: dict[str, str]) -> None:
        self.clear()
        general = []
        for key, text in problems.items():
            error = self._errors.get(key)
            if error is None:
                general.append(text)
                continue
            error.setText(text if not error.text() else f"{error.text()} {text}")
            error.show()
            self._mark(key, True)
        self.general.setText(" ".join(general))
        first = next((self._inputs[k] for k in problems if k in self._inputs), None)
        if first is not None:
            first.setFocus()

    def message(self, text: str) -> None:
        self.general.setText(text)

    def _mark(self, key: str, invalid: bool) -> None:
        widget = self._inputs.get(key)
        if widget is None:
            return
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
