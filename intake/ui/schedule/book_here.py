"""Booking from the calendar: free time double-clicked (or Enter on the keyboard's cell) opens
this dialog for that therapist, place and time. The person chooses the patient (the same
search as the Patients area), the visit type (the initial evaluation first) and, when the
type needs screening, the patient's intake.

Nothing is judged here: `booking.book` applies the screening gate and the database the
no-overlap rule, as for every booking; a refusal is shown in the service's words and the
dialog keeps what was chosen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import BookingConflict, BookingRequest, SecondEvaluation, Visit
from intake.domain.practice import AppointmentTypeInfo
from intake.services import booking, intakes, practice_admin
from intake.ui import keys, when
from intake.ui.booking import second_evaluation
from intake.ui.booking.booking_panel import BOOK_KEY
from intake.ui.context import UiContext
from intake.ui.guard import while_alive
from intake.ui.patients.search_widget import PatientSearchWidget
from intake.ui.status_line import say
from intake.ui.worker import failure_text

_TRIAGE_WORDS = {
    "emergency": "emergency",
    "refer": "refer to physician",
    "review": "needs review",
    "clear": "clear",
}


@dataclass(frozen=True)
class BookingPlace:
    """Where and when the free time was chosen."""

    therapist_id: int
    therapist_name: str
    location_id: int
    location_code: str
    start: dt.datetime  # UTC
    timezone: str

    def sentence(self) -> str:
        return (
            f"with {self.therapist_name} at {self.location_code}, "
            f"{when.moment(self.start, self.timezone, short=True)}"
        )


def intake_label(choice: intakes.IntakeChoice) -> str:
    triage = _TRIAGE_WORDS.get(choice.triage or "", "not screened")
    return f"{choice.status.value.title()} · {triage} · {when.date(choice.updated_at.date())}"


class BookHereDialog(QDialog):
    visit_was_booked = Signal(object)  # the Visit
    types_did_load = Signal()
    intakes_did_load = Signal(int)
    booking_did_fail = Signal(str)

    def __init__(
        self,
        context: UiContext,
        place: BookingPlace,
        parent: QWidget | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookHereDialog")
        self.setWindowTitle("Book this time")
        self.ctx, self.place, self._now = context, place, now
        self.patient_id: int | None = None
        self.patient_name = ""
        self._types: list[AppointmentTypeInfo] = []
        self._busy = False
        self._build()
        self.ctx.run(
            lambda db, actor: practice_admin.list_appointment_types(db, actor),
            while_alive(self, self._types_arrived),
            while_alive(self, lambda e: self._say("error", failure_text(e))),
        )

    # --- choices ---------------------------------------------------------------------------

    def _types_arrived(self, types: list[AppointmentTypeInfo]) -> None:
        self._types = types
        self.type_combo.clear()
        # The initial evaluation (the type that needs screening) is what is usually booked.
        ordered = sorted(types, key=lambda t: (not t.requires_screening, t.code))
        for info in ordered:
            self.type_combo.addItem(f"{info.name} ({info.code}, {info.minutes} min)", info)
        self._type_changed()
        self.types_did_load.emit()

    def chosen_type(self) -> AppointmentTypeInfo | None:
        data = self.type_combo.currentData()
        return data if isinstance(data, AppointmentTypeInfo) else None

    def _type_changed(self) -> None:
        kind = self.chosen_type()
        needs = kind is not None and kind.requires_screening
        self.intake_combo.setEnabled(needs)
        self.intake_hint.setText(
            "This visit is booked from the patient's screened intake."
            if needs
            else "No screening needed for this visit type."
        )
        self._update_book()

    def _patient_chosen(self, patient_id: int) -> None:
        hit = next(
            (
                self.search.model.hit(r)
                for r in range(self.search.model.rowCount())
                if self.search.model.hit(r).id == patient_id
            ),
            None,
        )
        self.patient_id = patient_id
        self.patient_name = f"{hit.family_name}, {hit.given_name}" if hit else ""
        record = f" (record {hit.mrn})" if hit else ""
        self.patient_label.setText(f"Patient: {self.patient_name}{record}")
        self.intake_combo.clear()
        self.intake_combo.addItem("Loading the patient's intakes…", None)
        self.ctx.run(
            lambda db, actor: intakes.for_booking(db, actor, patient_id),
            while_alive(self, lambda found: self._intakes_arrived(patient_id, found)),
            while_alive(self, lambda e: self._say("error", failure_text(e))),
        )
        self._update_book()
        self.type_combo.setFocus()

    def _intakes_arrived(self, patient_id: int, found: list[intakes.IntakeChoice]) -> None:
        if patient_id != self.patient_id:
            return  # another patient was chosen meanwhile
        self.intake_combo.clear()
        for choice in found:
            self.intake_combo.addItem(intake_label(choice), choice.id)
        if not found:
            self.intake_combo.addItem("No intake yet: take the screening first", None)
        self.intakes_did_load.emit(len(found))

    # --- booking ---------------------------------------------------------------------------

    def book(self, *, second_ok: bool = False) -> None:
        kind = self.chosen_type()
        if self.patient_id is None:
            self._say("warn", "Choose the patient first: type a name, then Enter.")
            self.search.focus_search()
            return
        if kind is None or self._busy:
            return
        intake_id = self.intake_combo.currentData() if kind.requires_screening else None
        request = BookingRequest(
            patient_id=self.patient_id,
            therapist_id=self.place.therapist_id,
            location_id=self.place.location_id,
            start=self.place.start,
            type_code=kind.code,
            intake_id=intake_id,
        )
        now = self._now
        self._busy = True
        self._update_book()
        self._say("info", "Booking…")
        self.ctx.run(
            lambda db, actor: booking.book(
                db, actor, request, now=now, confirm_second_evaluation=second_ok
            ),
            while_alive(self, self._booked),
            while_alive(self, self._refused),
        )

    def _booked(self, visit: Visit) -> None:
        self._busy = False
        self.visit_was_booked.emit(visit)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._busy = False
        self._update_book()
        if isinstance(error, SecondEvaluation):
            second_evaluation.ask(
                self, error.existing, lambda yes: self.book(second_ok=True) if yes else None
            )
            return
        if isinstance(error, BookingConflict):
            message = f"Not booked: {error} Close this and choose another free time."
        else:
            message = f"Not booked: {failure_text(error)}"
        self._say("error", message)
        self.booking_did_fail.emit(message)

    def _update_book(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(not self._busy and self.chosen_type() is not None)

    def status_text(self) -> str:
        return self.status.text()

    def _say(self, tone: str, text: str) -> None:
        say(self.status, tone, text)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel(f"Book {self.place.sentence()}")
        heading.setObjectName("bookHereHeading")
        heading.setWordWrap(True)
        bold = heading.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() + 1)
        heading.setFont(bold)
        self.search = PatientSearchWidget(self.ctx)
        self.search.setMinimumHeight(200)
        self.search.patient_was_chosen.connect(self._patient_chosen)
        self.patient_label = QLabel("Patient: none chosen yet")
        self.patient_label.setObjectName("bookHerePatient")
        self.patient_label.setAccessibleName("Chosen patient")
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName("Visit type")
        self.type_combo.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.intake_combo = QComboBox()
        self.intake_combo.setAccessibleName("Intake")
        self.intake_combo.addItem("Choose the patient first", None)
        self.intake_hint = QLabel()
        self.intake_hint.setObjectName("fieldHint")
        self.intake_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Visit &type", self.type_combo)
        form.addRow("&Intake", self.intake_combo)
        form.addRow("", self.intake_hint)
        self.status = QLabel()
        self.status.setObjectName("bookHereStatus")
        self.status.setAccessibleName("Booking status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Book (Ctrl+B)")
        ok.setAutoDefault(False)
        ok.setDefault(False)  # Enter picks a patient in the search; Ctrl+B books, as elsewhere
        self.buttons.accepted.connect(self.book)
        self.buttons.rejected.connect(self.reject)
        book = keys.means(QShortcut(BOOK_KEY, self), keys.BOOK)
        book.activated.connect(lambda: self.book())
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.patient_label)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        screen = self.screen().availableGeometry()  # fits 1024x600 too
        self.resize(min(820, screen.width() - 40), min(600, screen.height() - 60))
        self.search.focus_search()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
