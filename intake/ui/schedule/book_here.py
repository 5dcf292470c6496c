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
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.patients.search_widget import PatientSearchWidget
from intake.ui.status_line import say
from intake.ui.worker import failure_text

# Marked here, translated where shown.
_TRIAGE_WORDS = {
    "emergency": QT_TRANSLATE_NOOP("BookHere", "emergency"),
    "refer": QT_TRANSLATE_NOOP("BookHere", "refer to physician"),
    "review": QT_TRANSLATE_NOOP("BookHere", "needs review"),
    "clear": QT_TRANSLATE_NOOP("BookHere", "clear"),
}
_INTAKE_STATUS_WORDS = {
    "draft": QT_TRANSLATE_NOOP("BookHere", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("BookHere", "Submitted"),
    "reviewed": QT_TRANSLATE_NOOP("BookHere", "Reviewed"),
    "returned": QT_TRANSLATE_NOOP("BookHere", "Returned"),
    "closed": QT_TRANSLATE_NOOP("BookHere", "Closed"),
    "discarded": QT_TRANSLATE_NOOP("BookHere", "Discarded"),
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
        at = when.local(self.start, self.timezone)
        return translate("BookHere", "with {therapist} at {location}, {day}, {time}").format(
            therapist=self.therapist_name,
            location=self.location_code,
            day=when.short_day(at, localized=True),
            time=when.time_of_day(at, localized=True),
        )


def intake_label(choice: intakes.IntakeChoice) -> str:
    triage = translate("BookHere", _TRIAGE_WORDS.get(choice.triage or "", _NOT_SCREENED))
    status = _INTAKE_STATUS_WORDS.get(choice.status.value)
    shown = translate("BookHere", status) if status else choice.status.value.title()
    return f"{shown} · {triage} · {when.date(choice.updated_at.date(), localized=True)}"


_NOT_SCREENED = QT_TRANSLATE_NOOP("BookHere", "not screened")


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
        self.setWindowTitle(translate("BookHere", "Book this time"))
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
            self.type_combo.addItem(
                translate("BookHere", "{name} ({code}, {minutes} min)").format(
                    name=info.name, code=info.code, minutes=info.minutes
                ),
                info,
            )
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
            translate("BookHere", "This visit is booked from the patient's screened intake.")
            if needs
            else translate("BookHere", "No screening needed for this visit type.")
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
        if hit:
            shown = translate("BookHere", "Patient: {name} (record {record})").format(
                name=self.patient_name, record=hit.mrn
            )
        else:
            shown = translate("BookHere", "Patient: {name}").format(name="")
        self.patient_label.setText(shown)
        self.intake_combo.clear()
        self.intake_combo.addItem(translate("BookHere", "Loading the patient's intakes…"), None)
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
            self.intake_combo.addItem(
                translate("BookHere", "No intake yet: take the screening first"), None
            )
        self.intakes_did_load.emit(len(found))

    # --- booking ---------------------------------------------------------------------------

    def book(self, *, second_ok: bool = False) -> None:
        kind = self.chosen_type()
        if self.patient_id is None:
            self._say(
                "warn", translate("BookHere", "Choose the patient first: type a name, then Enter.")
            )
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
        self._say("info", translate("BookHere", "Booking…"))
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
            message = translate(
                "BookHere", "Not booked: {message} Close this and choose another free time."
            ).format(message=error)
        else:
            message = translate("BookHere", "Not booked: {message}").format(
                message=failure_text(error)
            )
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
        heading = QLabel(translate("BookHere", "Book {place}").format(place=self.place.sentence()))
        heading.setObjectName("bookHereHeading")
        heading.setWordWrap(True)
        bold = heading.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() + 1)
        heading.setFont(bold)
        self.search = PatientSearchWidget(self.ctx)
        self.search.setMinimumHeight(200)
        self.search.patient_was_chosen.connect(self._patient_chosen)
        self.patient_label = QLabel(translate("BookHere", "Patient: none chosen yet"))
        self.patient_label.setObjectName("bookHerePatient")
        self.patient_label.setAccessibleName(translate("BookHere", "Chosen patient"))
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(translate("BookHere", "Visit type"))
        self.type_combo.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.intake_combo = QComboBox()
        self.intake_combo.setAccessibleName(translate("BookHere", "Intake"))
        self.intake_combo.addItem(translate("BookHere", "Choose the patient first"), None)
        self.intake_hint = QLabel()
        self.intake_hint.setObjectName("fieldHint")
        self.intake_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("BookHere", "Visit &type"), self.type_combo)
        form.addRow(translate("BookHere", "&Intake"), self.intake_combo)
        form.addRow("", self.intake_hint)
        self.status = QLabel()
        self.status.setObjectName("bookHereStatus")
        self.status.setAccessibleName(translate("BookHere", "Booking status"))
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("BookHere", "&Book (Ctrl+B)"))
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
