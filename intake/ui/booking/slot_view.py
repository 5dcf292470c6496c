"""The slot list: keyboard first. Arrows skip the day headers; Enter or a double click books."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from intake.domain.booking import SlotOffer
from intake.ui.booking.slot_model import SlotModel
from intake.ui.i18n import translate


class SlotView(QTreeView):
    """The slot list: arrows skip the day headers; Enter or a double click chooses."""

    slot_was_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slotList")
        self.setAccessibleName(translate("SlotView", "Free slots"))
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setStretchLastSection(True)

    def model(self) -> SlotModel:
        model = super().model()
        assert isinstance(model, SlotModel)  # the only model it is given
        return model

    def show_groups(self) -> None:
        """Every group open, its title across the whole row."""
        model = self.model()
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        self.expandAll()
        # Sized to this list once: a column sized to its contents on every layout asks the
        # model for every row each time, which stalled the screen whenever a list came in.
        for column in range(model.columnCount() - 1):  # the last one stretches
            self.resizeColumnToContents(column)
        self._fit()

    def give_way_when_narrow(self) -> None:
        """On a narrow screen the end time ("Until") gives way so the therapist's name stays
        in view; the tooltip and the screen reader still say the whole slot."""
        self._narrow_hides_end = True
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not getattr(self, "_narrow_hides_end", False) or super().model() is None:
            return
        metrics = self.fontMetrics()
        room = self.viewport().width() - self.columnWidth(0) - self.indentation()
        self.setColumnHidden(1, room < self.columnWidth(1) + metrics.averageCharWidth() * 16)

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
            if not event.isAutoRepeat():  # a held-down Enter books once
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
