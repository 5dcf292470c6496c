"""The audit viewer: filter by user, patient, dates and action; export what is shown as CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.domain.accounts import (
    ENTITY_WORDS,
    AuditChoices,
    AuditEntry,
    AuditPage,
    AuditQuery,
)
from intake.domain.accounts import in_words as in_audit_words
from intake.domain.errors import Invalid
from intake.services import audit_view
from intake.ui.admin.base import date_edit, to_date
from intake.ui.admin.forms import FieldErrors
from intake.ui.context import UiContext
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.words import problems_of, said
from intake.ui.worker import failure_text, in_words

ANY = ""
COLUMNS = (
    QT_TRANSLATE_NOOP("AuditTab", "When"),
    QT_TRANSLATE_NOOP("AuditTab", "User"),
    QT_TRANSLATE_NOOP("AuditTab", "Workstation"),
    QT_TRANSLATE_NOOP("AuditTab", "What"),
    QT_TRANSLATE_NOOP("AuditTab", "On"),
    QT_TRANSLATE_NOOP("AuditTab", "Patient record no."),
    QT_TRANSLATE_NOOP("AuditTab", "Fields"),
    QT_TRANSLATE_NOOP("AuditTab", "Login"),
)
Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.entries: tuple[AuditEntry, ...] = ()

    def set_entries(self, entries: tuple[AuditEntry, ...]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self.entries[index.row()]
        # Words for codes, the record number for a patient (never the internal id).
        on = said(in_audit_words(e.entity, ENTITY_WORDS))
        if e.entity == "patient":
            on = f"{on} {e.patient_record or ''}".strip()
        elif e.entity_id is not None:
            on = f"{on} #{e.entity_id}"
        values = (
            f"{e.occurred_at.astimezone():%Y-%m-%d %H:%M:%S}",
            e.username,
            e.workstation,
            said(in_audit_words(e.action)),
            on,
            e.patient_record or "",
            ", ".join(field.replace("_", " ") for field in e.fields),
            e.db_login or "",
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("AuditTab", COLUMNS[section])
        return None


def choose_export_path(parent: QWidget) -> str:
    """Where to save the CSV file (tests replace this)."""
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("AuditTab", "Export the audit trail"), "audit.csv", "*.csv"
    )
    return path


class AuditTab(QWidget):
    did_load = Signal()
    did_export = Signal(int)

    def __init__(
        self,
        context: UiContext,
        *,
        today: dt.date | None = None,
        ask_path: Callable[[QWidget], str] = choose_export_path,
    ) -> None:
        super().__init__()
        self.context, self.ask_path = context, ask_path
        today = today or dt.date.today()
        self.user = QComboBox()
        self.action = QComboBox()
        for combo, first in (
            (self.user, translate("AuditTab", "Anyone")),
            (self.action, translate("AuditTab", "Any action")),
        ):
            combo.addItem(first, ANY)
        self.patient = QLineEdit()
        self.patient.setPlaceholderText(translate("AuditTab", "record number"))
        self.patient.setMaxLength(20)
        self.start = date_edit(today - dt.timedelta(days=7))
        self.end = date_edit(today)
        filters = QFormLayout()
        self.general = QLabel()
        self.general.setObjectName("fieldError")
        self.fields = FieldErrors(filters, self.general)
        self.fields.add("username", translate("AuditTab", "User"), self.user)
        self.fields.add("patient_record", translate("AuditTab", "Patient record no."), self.patient)
        self.fields.add("start", translate("AuditTab", "From day"), self.start)
        self.fields.add("end", translate("AuditTab", "To day (inclusive)"), self.end)
        self.fields.add("action", translate("AuditTab", "Action"), self.action)
        self.search_button = QPushButton(translate("AuditTab", "Show"))
        self.search_button.setObjectName("primaryButton")
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton(translate("AuditTab", "Export CSV…"))
        self.export_button.clicked.connect(self.export)
        self.model = AuditModel()
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(translate("AuditTab", "Audit events"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.status = QLabel()
        self.status.setObjectName("adminStatus")
        self.status.setAccessibleName(translate("AuditTab", "Status"))
        left = QVBoxLayout()
        left.addLayout(filters)
        left.addWidget(self.general)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(self.search_button)
        left.addLayout(row)
        left.addStretch(1)
        box = QWidget()
        box.setLayout(left)
        box.setMaximumWidth(340)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.status)
        outer = QHBoxLayout(self)
        outer.addWidget(box)
        outer.addLayout(right, 1)

    def load(self) -> None:
        self.context.run(audit_view.choices, self._choices, in_words(self.status.setText))

    def _choices(self, choices: AuditChoices) -> None:
        for combo, values in ((self.user, choices.usernames), (self.action, choices.actions)):
            kept = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:  # actions in words, users as they are
                combo.addItem(said(in_audit_words(value)) if combo is self.action else value, value)
            combo.setCurrentIndex(max(0, combo.findData(kept)))
        self.search()

    def query(self) -> AuditQuery:
        zone = dt.datetime.now().astimezone().tzinfo
        first, last = to_date(self.start), to_date(self.end)
        return AuditQuery(
            username=self.user.currentData() or None,
            patient_record=self.patient.text().strip() or None,
            start=dt.datetime.combine(first, dt.time(), zone),
            end=dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone),
            action=self.action.currentData() or None,
        )

    def search(self) -> None:
        query = self.query()
        self.status.setText(translate("AuditTab", "Loading…"))
        self.fields.clear()
        self.context.run(
            lambda db, actor: audit_view.search(db, actor, query),
            self._shown,
            self._failed,
        )

    def _shown(self, page: AuditPage) -> None:
        self.model.set_entries(page.entries)
        text = (
            translate(
                "AuditTab",
                "{count} events (the newest shown; narrow the filters to see older ones).",
            )
            if page.more
            else translate("AuditTab", "{count} events.")
        )
        self.status.setText(text.format(count=len(page.entries)))
        self.did_load.emit()

    def export(self) -> None:
        path = self.ask_path(self)
        if not path:
            return
        query = self.query()
        self.status.setText(translate("AuditTab", "Exporting…"))
        self.context.run(
            lambda db, actor: audit_view.export_csv(db, actor, query, path),
            self._exported,
            self._failed,
        )

    def _exported(self, count: int) -> None:
        self.status.setText(translate("AuditTab", "Exported {count} events.").format(count=count))
        self.did_export.emit(count)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Invalid):  # the filters: each problem next to its field
            self.fields.show(problems_of(error))
            self.status.setText("")
            return
        self.status.setText(failure_text(error))
