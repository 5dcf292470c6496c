"""The search results as a table model (name, date of birth, phone, record number)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from intake.services.patient_search import PatientHit
from intake.ui import when
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate

Index = QModelIndex | QPersistentModelIndex
# Who first (name, record number, date of birth, phone): on a narrow screen the rest scrolls.
COLUMNS = (
    QT_TRANSLATE_NOOP("PatientSearchModel", "Name"),
    QT_TRANSLATE_NOOP("PatientSearchModel", "Record no."),
    QT_TRANSLATE_NOOP("PatientSearchModel", "Date of birth"),
    QT_TRANSLATE_NOOP("PatientSearchModel", "Phone"),
    QT_TRANSLATE_NOOP("PatientSearchModel", "Sex"),
    QT_TRANSLATE_NOOP("PatientSearchModel", "Found by"),
)


def display_name(hit: PatientHit) -> str:
    preferred = f" ({hit.preferred_name})" if hit.preferred_name else ""
    return f"{hit.family_name}, {hit.given_name}{preferred}"


class PatientSearchModel(QAbstractTableModel):
    results_did_change = Signal(int)  # the number of rows now shown

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[PatientHit, ...] = ()

    def set_hits(self, hits: Sequence[PatientHit]) -> None:
        self.beginResetModel()
        self._hits = tuple(hits)
        self.endResetModel()
        self.results_did_change.emit(len(self._hits))

    def hit(self, row: int) -> PatientHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _cell(hit, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return hit.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if hit.merged_from:
                return translate(
                    "PatientSearchModel",
                    "Found by {how} (record {record}, merged into this one). Press Enter to open.",
                ).format(how=hit.matched, record=hit.merged_from)
            return translate("PatientSearchModel", "Found by {how}. Press Enter to open.").format(
                how=hit.matched
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return translate("PatientSearchModel", COLUMNS[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


def _cell(hit: PatientHit, column: int) -> str:
    values = (
        display_name(hit),
        hit.mrn,
        when.date(hit.date_of_birth, localized=True),
        hit.phone,
        hit.sex,
        translate("PatientSearchModel", "{how} of merged record {record}").format(
            how=hit.matched, record=hit.merged_from
        )
        if hit.merged_from
        else hit.matched,
    )
    return values[column] if 0 <= column < len(values) else ""
