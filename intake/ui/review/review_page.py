"""The Review area: the queue, and one intake at a time on the review screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from intake.domain.review import ClosedReferral, QueueRow
from intake.ui.context import UiContext
from intake.ui.review.queue_page import QueuePage
from intake.ui.review.review_screen import ReviewScreen

QUEUE, SCREEN = 0, 1


class ReviewPage(QWidget):
    status_did_change = Signal(str)

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.context = context
        self.queue = QueuePage(context, clock=clock)
        self.review_screen = ReviewScreen(context)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.queue)
        self.stack.addWidget(self.review_screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.queue.intake_was_chosen.connect(self.open_row)
        self.queue.referrals.referral_was_chosen.connect(self.open_referral)
        self.review_screen.back_was_requested.connect(self.show_queue)
        self.review_screen.intake_was_signed.connect(lambda _signed: self.queue.refresh())
        for source in (self.queue, self.review_screen):
            source.status_did_change.connect(self.status_did_change.emit)
        self._loaded = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.queue.load()

    def refresh(self) -> None:
        self.queue.refresh()

    def take_focus(self) -> None:
        """Entering the area: the queue's list (Enter opens), or the open intake's Back."""
        if self.stack.currentIndex() == QUEUE:
            self.queue.table.setFocus()
        else:
            self.review_screen.back_button.setFocus()

    def open_row(self, row: QueueRow) -> None:
        self.review_screen.open(row.intake_id, row.appointment_id)
        self.stack.setCurrentIndex(SCREEN)
        self.review_screen.back_button.setFocus()

    def open_intake(self, intake_id: int) -> None:
        """One intake on the review screen (opened from a patient's record)."""
        self.review_screen.open(intake_id)
        self.stack.setCurrentIndex(SCREEN)
        self.review_screen.back_button.setFocus()

    def open_referral(self, referral: ClosedReferral) -> None:
        self.open_intake(referral.intake_id)

    def show_queue(self) -> None:
        self.stack.setCurrentIndex(QUEUE)
        self.queue.table.setFocus()
        self.queue.refresh()
