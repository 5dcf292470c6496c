"""The review queue as a table: triage (word, icon, colour), time, patient, flags, who, where."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from intake.domain.enums import IntakeStatus
from intake.domain.review import QueueRow
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.review import wording

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("ReviewQueue", "Triage"),
    QT_TRANSLATE_NOOP("ReviewQueue", "When"),
    QT_TRANSLATE_NOOP("ReviewQueue", "Patient"),
    QT_TRANSLATE_NOOP("ReviewQueue", "Warning signs"),
    QT_TRANSLATE_NOOP("ReviewQueue", "Therapist"),
    QT_TRANSLATE_NOOP("ReviewQueue", "Location"),
    QT_TRANSLATE_NOOP("ReviewQueue", "Visit"),
    QT_TRANSLATE_NOOP("ReviewQueue", "Review"),
)
TRIAGE, WHEN, PATIENT, FLAGS, THERAPIST, LOCATION, VISIT, REVIEW = range(len(COLUMNS))

REVIEW_WORDS = {
    IntakeStatus.DRAFT: QT_TRANSLATE_NOOP("ReviewQueue", "To review"),
    IntakeStatus.SUBMITTED: QT_TRANSLATE_NOOP("ReviewQueue", "To review"),
    IntakeStatus.RETURNED: QT_TRANSLATE_NOOP("ReviewQueue", "Returned to front desk"),
    IntakeStatus.REVIEWED: QT_TRANSLATE_NOOP("ReviewQueue", "Reviewed ✓"),
}

ROW_ROLE = Qt.ItemDataRole.UserRole


class QueueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return translate("ReviewQueue", COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == ROW_ROLE:
            return row
        if column == TRIAGE:
            return self._triage(row, role)
        if role == Qt.ItemDataRole.FontRole and not row.reviewed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == REVIEW:
            return translate("ReviewQueue", "Open with Enter or a double click")
        if role == Qt.ItemDataRole.ToolTipRole and column == LOCATION:
            return self._text(row, column)  # whole when elided
        return None

    @staticmethod
    def _triage(row: QueueRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole:
            return wording.icon(row.triage)
        if role == Qt.ItemDataRole.BackgroundRole:
            return wording.background(row.triage)
        if role == Qt.ItemDataRole.ForegroundRole:
            return wording.foreground(row.triage)
        if role == Qt.ItemDataRole.ToolTipRole:
            return wording.meaning(row.triage)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(row: QueueRow, column: int) -> str:
        local = row.local_start
        return (
            wording.word(row.triage),
            wording.when(local, short=True),
            row.patient_label,
            str(row.flag_count) if row.flag_count else translate("ReviewQueue", "none"),
            row.therapist_name,
            row.location_name,
            row.type_name,
            translate("ReviewQueue", REVIEW_WORDS[row.intake_status]),
        )[column]
