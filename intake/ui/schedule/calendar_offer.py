"""After a visit is cancelled or moved: its calendar file for the patient, offered under the
status line. A cancellation is an iCalendar CANCEL that takes the visit out of the patient's
calendar; a move a new REQUEST that replaces the old entry (same UID, higher SEQUENCE).

The file choice goes through a replaceable classmethod (`ask_path`), as on the booking
confirmation, so tests answer it without a dialog. The file goes to the Documents folder
unless a full path is chosen, and the note under it says where ("… saved: path", Open folder).
The file is in the patient's language (issue #20 point 4), the offer in the staff's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import Visit
from intake.domain.enums import AppointmentStatus
from intake.services import booking, ical_export
from intake.ui import saved_files
from intake.ui.i18n import translate
from intake.ui.worker import failure_text

if TYPE_CHECKING:
    from intake.services.actor import Actor
    from intake.services.database import Database
    from intake.ui.schedule.page import SchedulePage


class CalendarOffer(QWidget):
    calendar_was_saved = Signal(str)  # the path written
    save_did_fail = Signal(str)

    def __init__(self, page: SchedulePage) -> None:
        super().__init__()
        self.setObjectName("calendarOffer")
        self.page = page
        self.visit: Visit | None = None
        self.text = QLabel()
        self.text.setObjectName("calendarOfferText")
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("calendarOfferButton")
        self.button.clicked.connect(self.save)
        self.saved = saved_files.SavedFileNote()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.saved)
        self.hide()

    @classmethod
    def ask_path(cls, parent: QWidget, title: str, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            title,
            suggested,
            translate("CalendarOffer", "Calendar files (*.ics)"),
        )
        return path or None

    def offer(self, visit: Visit) -> None:
        """Offer the visit's file as it now is (its cancellation, or its new time)."""
        self.visit = visit
        self.saved.clear()
        if self._cancelled(visit):
            self.text.setText(
                translate(
                    "CalendarOffer",
                    "For the patient's calendar: a cancellation file takes the visit out of it.",
                )
            )
            self.button.setText(translate("CalendarOffer", "Sa&ve the cancellation (.ics)…"))
            self.button.setAccessibleName(
                translate("CalendarOffer", "Save the cancellation for the patient")
            )
        else:
            self.text.setText(
                translate(
                    "CalendarOffer",
                    "For the patient's calendar: the new time replaces the old entry.",
                )
            )
            self.button.setText(translate("CalendarOffer", "Sa&ve the new time (.ics)…"))
            self.button.setAccessibleName(
                translate("CalendarOffer", "Save the new time for the patient")
            )
        self.button.setToolTip(
            translate(
                "CalendarOffer", "Save a calendar file to give or send to the patient (Alt+V)"
            )
        )
        self.text.show()
        self.button.show()
        self.show()

    def clear(self) -> None:
        self.visit = None
        self.saved.clear()
        self.hide()

    def save(self) -> None:
        visit = self.visit
        if visit is None:
            return
        cancelled = self._cancelled(visit)
        name = f"appointment-{visit.id}-{visit.local_start:%Y-%m-%d}"
        path = self.ask_path(
            self.page,
            translate("CalendarOffer", "Save the cancellation as a calendar file")
            if cancelled
            else translate("CalendarOffer", "Save the new time as a calendar file"),
            saved_files.suggested_path(f"{name}-cancelled.ics" if cancelled else f"{name}.ics"),
        )
        if not path:
            return
        target = saved_files.in_documents(path, ".ics")
        self.saved.clear()
        what = (
            translate("CalendarOffer", "Cancellation calendar file")
            if cancelled
            else translate("CalendarOffer", "Calendar file")
        )

        def written(where: str) -> None:
            if self.visit is not visit:
                return  # another visit's offer took its place meanwhile
            self.text.hide()  # the note below says it, in one line less on a small screen
            self.button.hide()
            self.saved.show_saved(what, Path(where))
            self.calendar_was_saved.emit(where)

        def failed(error: BaseException) -> None:
            message = failure_text(error)
            self.page._say(
                "error",
                translate("CalendarOffer", "The calendar file was not saved: {message}").format(
                    message=message
                ),
            )
            self.save_did_fail.emit(message)

        def work(db: Database, actor: Actor) -> str:
            # The file is the patient's: in their language, not the staff's (issue #20).
            language = booking.patient_language(db, actor, visit.patient_id)
            return str(ical_export.save(visit, target, language=language))

        self.page._run(work, written, failed)

    @staticmethod
    def _cancelled(visit: Visit) -> bool:
        return visit.status == AppointmentStatus.CANCELLED
