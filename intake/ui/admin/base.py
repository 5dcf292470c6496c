"""The shape of every admin tab: a list on the left, the chosen item's form on the right, a
status line, and service calls run on the worker with problems shown next to the fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from intake.domain.errors import Invalid
from intake.ui.admin.forms import FieldErrors
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.words import problems_of
from intake.ui.worker import failure_text


class AdminTab(QWidget):
    """A list of things and a form for one of them."""

    status_did_change = Signal(str)
    did_load = Signal()
    did_save = Signal(object)

    def __init__(self, context: UiContext, list_name: str) -> None:
        super().__init__()
        self.context = context
        self.items = QListWidget()
        self.items.setObjectName("adminList")
        self.items.setAccessibleName(list_name)
        self.items.setMinimumWidth(240)
        self.items.setMaximumWidth(320)
        self.items.currentItemChanged.connect(self._chosen)
        self.status = QLabel()
        self.status.setObjectName("adminStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("AdminTab", "Status"))
        self.detail = QWidget()
        self.detail_layout = QVBoxLayout(self.detail)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addWidget(self.status)
        left = QVBoxLayout()
        self.new_button = QPushButton(translate("AdminTab", "New"))
        self.new_button.clicked.connect(self.start_new)
        left.addWidget(self.items, 1)
        left.addWidget(self.new_button)
        row = QHBoxLayout(self)
        row.addLayout(left)
        row.addLayout(right, 1)
        self.busy = 0

    # --- building the form --------------------------------------------------------------

    def section(self, title: str) -> tuple[QFormLayout, FieldErrors]:
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        self.detail_layout.addWidget(heading)
        form = QFormLayout()
        general = QLabel()
        general.setObjectName("fieldError")
        general.setWordWrap(True)
        self.detail_layout.addLayout(form)
        self.detail_layout.addWidget(general)
        return form, FieldErrors(form, general)

    def buttons(self, *buttons: QPushButton) -> None:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        self.detail_layout.addLayout(row)

    # --- the list ---------------------------------------------------------------------------

    def fill_list(self, entries: list[tuple[str, Any]], keep: Any = None) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        chosen = None
        for text, value in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            self.items.addItem(item)
            if keep is not None and _same(value, keep):
                chosen = item
        self.items.blockSignals(False)
        if chosen is not None:
            self.items.setCurrentItem(chosen)
        elif self.items.count():
            self.items.setCurrentRow(0)
        else:
            self.start_new()

    def current(self) -> Any:
        item = self.items.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.show_item(item.data(Qt.ItemDataRole.UserRole))

    # --- to override ------------------------------------------------------------------------

    def load(self) -> None:
        raise NotImplementedError

    def show_item(self, value: Any) -> None:
        raise NotImplementedError

    def start_new(self) -> None:
        raise NotImplementedError

    # --- calling services -------------------------------------------------------------------

    def call(
        self,
        work: Callable[..., Any],
        done: Callable[[Any], None],
        fields: FieldErrors | None = None,
        saving: str | None = None,
    ) -> None:
        """Run a service call; Invalid lands next to the fields, other failures in the status."""
        self.busy += 1
        self.say(saving if saving is not None else translate("AdminTab", "Saving…"))
        if fields is not None:
            fields.clear()

        def succeeded(result: Any) -> None:
            self.busy -= 1
            self.say("")
            done(result)

        def failed(error: BaseException) -> None:
            self.busy -= 1
            if isinstance(error, Invalid) and fields is not None:
                fields.show(problems_of(error))
                self.say(translate("AdminTab", "Not saved: see the marked fields."))
                return
            self.say(failure_text(error))

        self.context.run(work, succeeded, failed)

    def say(self, text: str) -> None:
        if text == self.status.text():
            return
        self.status.setText(text)
        if text and not text.endswith("…"):  # results only, not every "Loading…"
            self.status_did_change.emit(text)


def _same(value: Any, keep: Any) -> bool:
    return getattr(value, "id", value) == getattr(keep, "id", keep)


def time_edit(value: dt.time = dt.time(9)) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


def date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def to_time(edit: QTimeEdit) -> dt.time:
    value = edit.time()
    return dt.time(value.hour(), value.minute())


def to_date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def set_time(edit: QTimeEdit, value: dt.time) -> None:
    edit.setTime(QTime(value.hour, value.minute))
