"""The front desk's list of intakes a therapist sent back, each with the therapist's note.

Place it anywhere on the front desk page; `refresh()` reads the list off the GUI thread and
`intake_was_chosen` hands over the ReturnedIntake picked (Enter or a double click).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from intake.domain.review import ReturnedIntake
from intake.services import review
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.review import wording
from intake.ui.worker import failure_text


class ReturnedList(QWidget):
    list_did_load = Signal(int)
    load_did_fail = Signal(str)
    intake_was_chosen = Signal(object)  # the ReturnedIntake

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("returnedList")
        self.context = context
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.entries: list[ReturnedIntake] = []
        self.title = QLabel(translate("ReturnedList", "Returned by a therapist"))
        self.title.setObjectName("panelHeading")
        self.list = QListWidget()
        self.list.setObjectName("returnedIntakes")
        self.list.setAccessibleName(
            translate("ReturnedList", "Intakes returned by a therapist (Enter opens one)")
        )
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemDoubleClicked.connect(self._chosen)
        self.refresh_button = QPushButton(translate("ReturnedList", "Reload"))
        self.refresh_button.setAccessibleName(
            translate("ReturnedList", "Reload the returned intakes")
        )
        self.refresh_button.clicked.connect(self.refresh)
        self.message = QLabel("")
        self.message.setObjectName("fieldNote")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("ReturnedList", "Returned intakes status"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)

    def refresh(self) -> None:
        now = self._clock()
        self.context.run(
            lambda db, actor: review.returned_intakes(db, actor, now=now),
            self._loaded,
            self._failed,
        )

    def _loaded(self, entries: list[ReturnedIntake]) -> None:
        self.entries = list(entries)
        self.list.clear()
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack)
        for entry in self.entries:
            item = QListWidgetItem(icon, describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.intake_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, describe(entry).replace("\n", ". "))
            self.list.addItem(item)
        self.title.setText(
            translate("ReturnedList", "Returned by a therapist ({count})").format(
                count=len(self.entries)
            )
        )
        self.message.setText(
            ""
            if self.entries
            else translate("ReturnedList", "No intakes are waiting for the front desk.")
        )
        self.list_did_load.emit(len(self.entries))

    def _failed(self, error: BaseException) -> None:
        message = failure_text(error)
        self.message.setText(message)
        self.load_did_fail.emit(message)

    def _chosen(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.entries):
            self.intake_was_chosen.emit(self.entries[row])


def describe(entry: ReturnedIntake) -> str:
    visit = entry.next_visit
    next_visit = (
        translate("ReturnedList", "Next visit: {when} at {location}").format(
            when=wording.when(visit.start, visit.timezone), location=visit.location_name
        )
        if visit
        else translate("ReturnedList", "No upcoming visit")
    )
    text = translate("ReturnedList", "RETURNED · {patient}\n“{note}”\nby {who}, {when} · {next}")
    return text.format(
        patient=entry.patient_label or translate("ReturnedList", "no patient"),
        note=entry.note,
        who=entry.returned_by,
        when=wording.when(entry.returned_at),
        next=next_visit,
    )
