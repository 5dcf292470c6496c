"""Free slots as a two-level tree: a header per day and location, the slots beneath.

Groups come in the order of their soonest slot, and slots keep the finder's soonest-first
order inside each group. Headers can be shown but not selected, so a chosen index is
always a slot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from intake.domain.booking import SlotOffer
from intake.ui.booking import wording
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate

Index = QModelIndex | QPersistentModelIndex
_GROUP = 0  # internal id of a header; a slot's id is its group's row + 1
OFFER_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    QT_TRANSLATE_NOOP("SlotModel", "Time"),
    QT_TRANSLATE_NOOP("SlotModel", "Until"),
    QT_TRANSLATE_NOOP("SlotModel", "Therapist"),
)


@dataclass
class SlotGroup:
    day: dt.date
    location_id: int
    location_name: str
    zone: str
    slots: list[SlotOffer] = field(default_factory=list)

    @property
    def title(self) -> str:
        count = len(self.slots)
        return translate("SlotModel", "{day}  ·  {location}  ·  free slots: {count}").format(
            day=wording.day(self.day), location=self.location_name, count=count
        )


def group_offers(offers: Sequence[SlotOffer]) -> list[SlotGroup]:
    """Group by (local day, location), soonest group first, soonest slot first."""
    groups: dict[tuple[dt.date, int], SlotGroup] = {}
    for offer in sorted(offers, key=lambda o: (o.start, o.location_code, o.therapist_name)):
        key = (offer.local_day, offer.location_id)
        if key not in groups:
            groups[key] = SlotGroup(
                offer.local_day,
                offer.location_id,
                offer.location_name,
                wording.zone(offer.local_start),
            )
        groups[key].slots.append(offer)
    return list(groups.values())


class SlotModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[SlotGroup] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._header_brush = QBrush(QColor("#e8eef6"))

    # --- filling -----------------------------------------------------------------------

    def set_offers(self, offers: Sequence[SlotOffer]) -> None:
        self.beginResetModel()
        self._groups = group_offers(offers)
        self.endResetModel()

    def offers(self) -> list[SlotOffer]:
        return [offer for group in self._groups for offer in group.slots]

    def offer(self, index: Index) -> SlotOffer | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1].slots[index.row()]

    def first_slot(self) -> QModelIndex:
        return self.index(0, 0, self.index(0, 0)) if self._groups else QModelIndex()

    def is_group(self, index: Index) -> bool:
        return index.isValid() and index.internalId() == _GROUP

    # --- the model interface -----------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    # Qt's model API: parent(index) overrides QObject.parent() too, which stubs cannot express.
    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].slots)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return translate("SlotModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(self._groups[index.row()], index.column(), role)
        offer = self._groups[index.internalId() - 1].slots[index.row()]
        return self._offer_data(offer, index.column(), role)

    def _group_data(self, group: SlotGroup, column: int, role: int) -> Any:
        if column != 0:
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return group.title
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._header_brush
        return None

    def _offer_data(self, offer: SlotOffer, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                local = offer.local_start
                return f"{wording.clock(local)} {wording.zone(local)}"
            if column == 1:
                return wording.clock(offer.local_end)
            return offer.therapist_name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return wording.offer_sentence(offer)
        if role == OFFER_ROLE:
            return offer
        return None
