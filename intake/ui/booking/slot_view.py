"""The slot list: keyboard first. Arrows skip the day headers; Enter or a double click books."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from intake.domain.booking import SlotOffer
from intake.ui.booking.slot_model import SlotModel

# The widest "Time" (with a zone abbreviation) and "Until" a slot can show.
_WIDEST = ("12:45 PM AKDT", "12:45 PM")


class SlotView(QTreeView):
    """The slot list: arrows skip the day headers; Enter or a double click chooses."""

    slot_was_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slotList")
        self.setAccessibleName("Free slots")
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setStretchLastSection(True)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # type: ignore[override]
        super().setModel(model)
        self._size_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_columns()

    def _size_columns(self) -> None:
        """Widths from the widest text each column can hold, in the font the style sheet
        gives: sizing columns to their contents instead asks the model for every row on
        every layout, which is what made a new list of slots slow to appear."""
        self.ensurePolished()
        header = self.header()
        metrics = self.fontMetrics()
        # Room for the item padding of the style sheet and the margins around the text;
        # the first column also holds the slots' indentation under their day.
        padding = metrics.averageCharWidth() * 5
        for column, widest in enumerate(_WIDEST[: header.count()]):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            text = metrics.horizontalAdvance(widest) + (self.indentation() if column == 0 else 0)
            header.resizeSection(column, max(text, header.sectionSizeHint(column)) + padding)

    def model(self) -> SlotModel:  # type: ignore[override]
        return super().model()  # type: ignore[return-value]

    def show_groups(self) -> None:
        """Every group open, its title across the whole row."""
        model = self.model()
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        self.expandAll()

    def current_offer(self) -> SlotOffer | None:
        return self.model().offer(self.currentIndex())

    def choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(action, modifiers)
        model = self.model()
        if not model.is_group(index):
            return index
        forward = action not in (
            QAbstractItemView.CursorAction.MoveUp,
            QAbstractItemView.CursorAction.MovePrevious,
            QAbstractItemView.CursorAction.MovePageUp,
            QAbstractItemView.CursorAction.MoveHome,
        )
        if action == QAbstractItemView.CursorAction.MoveHome:
            return model.first_slot()
        return self._slot_beside(index, forward) or self.currentIndex()

    def _slot_beside(self, header: QModelIndex, forward: bool) -> QModelIndex | None:
        model = self.model()
        if forward:
            return model.index(0, 0, header) if model.rowCount(header) else None
        previous = model.index(header.row() - 1, 0)
        if not previous.isValid():
            return None
        return model.index(model.rowCount(previous) - 1, 0, previous)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.slot_was_chosen.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and not self.model().is_group(index):
            self.setCurrentIndex(index)
            self.slot_was_chosen.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
