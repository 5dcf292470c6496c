"""One search box, results as you type; arrow keys pick a row, Enter opens it.

Each keystroke restarts a short timer; when it fires the search runs off the GUI thread.
Every search carries a number, and an answer to an older search than the newest is dropped,
so a slow early answer never replaces the results of what is typed now.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.services import patient_search
from intake.ui.context import UiContext
from intake.ui.guard import while_alive
from intake.ui.i18n import translate
from intake.ui.patients.search_model import PatientSearchModel
from intake.ui.worker import failure_text

DEBOUNCE_MS = 150
_MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}


class PatientSearchWidget(QWidget):
    patient_was_chosen = Signal(int)
    results_did_arrive = Signal(int)  # rows shown for the newest search
    search_did_fail = Signal(str)

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, *, delay_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patientSearch")
        self._context = context
        self._generation = 0
        self.box = QLineEdit()
        self.box.setObjectName("patientSearchBox")
        self.box.setAccessibleName(translate("PatientSearchWidget", "Find patient"))
        self.box.setPlaceholderText(
            translate("PatientSearchWidget", "Name, date of birth, phone or record number")
        )
        self.box.setClearButtonEnabled(True)
        self.status = QLabel(
            translate(
                "PatientSearchWidget",
                "Type a name, a date of birth, a phone number or a record number.",
            )
        )
        self.status.setObjectName("searchStatus")
        self.status.setAccessibleName(translate("PatientSearchWidget", "Search status"))
        self.status.setWordWrap(True)  # never what sets the page's width (Spanish is longer)
        self.model = PatientSearchModel(self)
        self.table = _results_table(self.model)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._search_now)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.activated.connect(self._choose_index)
        layout = QVBoxLayout(self)
        title = QLabel(translate("PatientSearchWidget", "Find a patient"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.box, self.table)

    def focus_search(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def search(self, text: str) -> None:
        """Set the box text and search at once (for callers and tests)."""
        self.box.setText(text)
        self._timer.stop()
        self._search_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            if key in _MOVES and watched is self.box:
                self._move(_MOVES[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_current()
                return True
            if key == Qt.Key.Key_Escape and watched is self.table:
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    def _search_now(self) -> None:
        self._generation += 1
        generation, text = self._generation, self.box.text()
        if not text.strip():
            self._show(generation, patient_search.SearchResult((), False))
            return
        self.status.setText(translate("PatientSearchWidget", "Searching…"))
        self._context.run(
            lambda db, actor: patient_search.search(db, actor, text),
            while_alive(self, lambda result: self._show(generation, result)),
            while_alive(self, lambda error: self._fail(generation, failure_text(error))),
        )

    def _show(self, generation: int, result: patient_search.SearchResult) -> None:
        if generation != self._generation:
            return  # an answer to an older keystroke
        self.model.set_hits(result.hits)
        if result.hits:
            self.table.selectRow(0)
        self.status.setText(_summary(self.box.text(), len(result.hits), result.more))
        self.results_did_arrive.emit(len(result.hits))

    def _fail(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.status.setText(message)
            self.search_did_fail.emit(message)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows == 0:
            return
        current = self.table.currentIndex().row()
        self.table.selectRow(max(0, min(rows - 1, (current if current >= 0 else -1) + step)))

    def _choose_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._choose_index(index)

    def _choose_index(self, index: QModelIndex) -> None:
        self.patient_was_chosen.emit(self.model.hit(index.row()).id)


def _results_table(model: PatientSearchModel) -> QTableView:
    table = QTableView()
    table.setObjectName("patientResults")
    table.setAccessibleName(translate("PatientSearchWidget", "Patients found"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # names never cut
    header.setStretchLastSection(True)
    return table


def _summary(text: str, count: int, more: bool) -> str:
    if not text.strip():
        return translate(
            "PatientSearchWidget",
            "Type a name, a date of birth, a phone number or a record number.",
        )
    if count == 0:
        return translate(
            "PatientSearchWidget",
            "No patient found. Check the spelling, or register a new patient.",
        )
    if more:
        text = translate(
            "PatientSearchWidget",
            "{count} patients shown — type more to narrow the list. ↑ ↓ to choose, Enter to open.",
        )
    elif count == 1:
        text = translate("PatientSearchWidget", "{count} patient. ↑ ↓ to choose, Enter to open.")
    else:
        text = translate("PatientSearchWidget", "{count} patients. ↑ ↓ to choose, Enter to open.")
    return text.format(count=count)
