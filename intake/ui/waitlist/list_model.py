"""The open waitlist as a list model: one row per entry, most urgent first (the service's
order), each row reading who waits, how urgent, for what, and since when."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from intake.domain.booking import WaitlistLine
from intake.domain.enums import WaitlistStatus
from intake.ui import when
from intake.ui.i18n import translate
from intake.ui.waitlist import wording

Index = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class WaitlistModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[WaitlistLine] = []
        self._locations: Mapping[int, str] = {}
        self._therapists: Mapping[int, str] = {}

    def set_names(self, locations: Mapping[int, str], therapists: Mapping[int, str]) -> None:
        self._locations, self._therapists = dict(locations), dict(therapists)
        if self._lines:
            last = self.index(len(self._lines) - 1)
            self.dataChanged.emit(self.index(0), last)

    def set_lines(self, lines: Sequence[WaitlistLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def lines(self) -> list[WaitlistLine]:
        return list(self._lines)

    def line(self, index: Index) -> WaitlistLine | None:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        return self._lines[index.row()]

    def row_of(self, entry_id: int) -> int:
        return next((n for n, li in enumerate(self._lines) if li.entry.id == entry_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line(index)
        if line is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row() + 1, line)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(index.row() + 1, line).replace("\n", ". ")
        if role == LINE_ROLE:
            return line
        return None

    def _text(self, number: int, line: WaitlistLine) -> str:
        entry = line.entry
        offered = (
            " · " + translate("Waitlist", "OFFERED a slot")
            if entry.status == WaitlistStatus.OFFERED
            else ""
        )
        wanted = wording.preferences(entry.preferences, self._locations, self._therapists)
        since = translate("Waitlist", "waiting since {day}").format(
            day=when.short_day(entry.created_at.astimezone(), localized=True)
        )
        first = (
            " · "
            + translate("Waitlist", "not before {day}").format(
                day=when.short_day(entry.earliest_date, localized=True)
            )
            if entry.earliest_date
            else ""
        )
        note = f"\n“{entry.note}”" if entry.note else ""
        head = translate("Waitlist", "{number}. {name} · no. {record} · {urgency}").format(
            number=number,
            name=line.patient_name,
            record=line.record_number,
            urgency=wording.urgency(entry.triage),
        )
        return f"{head}{offered}\n{wanted}\n{since}{first}{note}"
