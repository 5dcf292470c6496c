"""After booking: what to tell the caller, and the visit as a calendar file, a print or a PDF.

The screen speaks the staff's language; what the patient takes home (the calendar file, the
printed slip and its PDF) speaks the patient's (issue #20 point 4): `show_visit` is told it,
the slip's words come from `i18n.patient_words` (its own translator, never installed) and its
dates from the patient's QLocale, the .ics from `ical_export`'s own table.

The file and printer choices go through replaceable classmethods (`ask_calendar_path`,
`ask_pdf_path`, `ask_printer`) so tests and scripts can answer them without a dialog.
"""

from __future__ import annotations

import html
import itertools
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPageSize, QPdfWriter, QShortcut, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import Visit
from intake.services import ical_export
from intake.ui import keys, saved_files
from intake.ui.booking import wording
from intake.ui.context import UiContext
from intake.ui.i18n import QT_TRANSLATE_NOOP, Words, patient_words, translate
from intake.ui.worker import in_words

# The rows of the screen and of the slip: (key, caption). The screen shows them in the
# staff's language ("BookingConfirmation"), the slip in the patient's ("ConfirmationSlip").
FIELDS = (
    ("date", QT_TRANSLATE_NOOP("BookingConfirmation", "Date")),
    ("time", QT_TRANSLATE_NOOP("BookingConfirmation", "Time")),
    ("location", QT_TRANSLATE_NOOP("BookingConfirmation", "Location")),
    ("address", QT_TRANSLATE_NOOP("BookingConfirmation", "Address")),
    ("therapist", QT_TRANSLATE_NOOP("BookingConfirmation", "Therapist")),
    ("type", QT_TRANSLATE_NOOP("BookingConfirmation", "Visit type")),
    ("reference", QT_TRANSLATE_NOOP("BookingConfirmation", "Reference")),
)
SLIP_FIELDS = (
    ("date", QT_TRANSLATE_NOOP("ConfirmationSlip", "Date")),
    ("time", QT_TRANSLATE_NOOP("ConfirmationSlip", "Time")),
    ("location", QT_TRANSLATE_NOOP("ConfirmationSlip", "Location")),
    ("address", QT_TRANSLATE_NOOP("ConfirmationSlip", "Address")),
    ("therapist", QT_TRANSLATE_NOOP("ConfirmationSlip", "Therapist")),
    ("type", QT_TRANSLATE_NOOP("ConfirmationSlip", "Visit type")),
    ("reference", QT_TRANSLATE_NOOP("ConfirmationSlip", "Reference")),
)
SLIP_TITLE = QT_TRANSLATE_NOOP("ConfirmationSlip", "Appointment confirmation")
SLIP_CLOSING = QT_TRANSLATE_NOOP(
    "ConfirmationSlip",
    "Please arrive ten minutes early. To change or cancel, call the practice; "
    "cancelling less than 24 hours ahead counts as a late cancellation.",
)
SLIP_LOCAL_TIME = QT_TRANSLATE_NOOP("ConfirmationSlip", "{span}  (local time at the location)")
SLIP_REFERENCE = QT_TRANSLATE_NOOP("ConfirmationSlip", "Appointment {number}")
# The patient's language named in the staff's (the note on the screen).
LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("BookingConfirmation", "English"),
    "es": QT_TRANSLATE_NOOP("BookingConfirmation", "Spanish"),
}


class BookingConfirmation(QWidget):
    calendar_was_saved = Signal(str)  # the path written
    pdf_was_saved = Signal(str)
    visit_was_printed = Signal()
    export_did_fail = Signal(str)
    return_was_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingConfirmation")
        self.ctx = ctx
        self.visit: Visit | None = None
        self.language = "en"  # the patient's: what they take home is written in it
        self.heading = QLabel(translate("BookingConfirmation", "✔  Booked"))
        self.heading.setObjectName("confirmationHeading")
        self.fields = {
            key: _value_label(translate("BookingConfirmation", name)) for key, name in FIELDS
        }
        self.review_note = QLabel()
        self.review_note.setObjectName("reviewNote")
        self.review_note.setWordWrap(True)
        self.language_note = QLabel()
        self.language_note.setObjectName("patientLanguageNote")
        self.language_note.setWordWrap(True)
        self.calendar_button = _button(
            translate("BookingConfirmation", "&Add to calendar…"),
            translate("BookingConfirmation", "Save the visit as a calendar file"),
        )
        self.print_button = _button(
            translate("BookingConfirmation", "&Print…"),
            translate("BookingConfirmation", "Print the confirmation (Ctrl+P)"),
        )
        self.pdf_button = _button(
            translate("BookingConfirmation", "Save as P&DF…"),
            translate("BookingConfirmation", "Save the confirmation as a PDF file"),
        )
        self.back_button = _button(
            translate("BookingConfirmation", "&Back to slots"),
            translate("BookingConfirmation", "Back to the slot list"),
        )
        self.saved = saved_files.SavedFileNote()
        self._build()
        self.calendar_button.clicked.connect(self.add_to_calendar)
        self.print_button.clicked.connect(self.print_visit)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.back_button.clicked.connect(self.return_was_requested.emit)
        printing = keys.means(QShortcut(QKeySequence.StandardKey.Print, self), keys.PRINT)
        printing.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        printing.activated.connect(self.print_visit)

    # --- replaceable questions (tests and scripts answer them without a dialog) --------

    @classmethod
    def ask_calendar_path(cls, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("BookingConfirmation", "Save the visit as a calendar file"),
            suggested,
            translate("BookingConfirmation", "Calendar files (*.ics)"),
        )
        return path or None

    @classmethod
    def ask_pdf_path(cls, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("BookingConfirmation", "Save the confirmation as PDF"),
            suggested,
            translate("BookingConfirmation", "PDF files (*.pdf)"),
        )
        return path or None

    @classmethod
    def ask_printer(cls, parent: QWidget, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    # --- showing -----------------------------------------------------------------------

    def show_visit(self, visit: Visit, language: str = "en") -> None:
        """The booked visit on the screen (the staff's language), and the patient's
        `language` for what they take home ("es" Spanish, anything else English)."""
        self.visit = visit
        self.language = "es" if language == "es" else "en"
        for key, text in visit_facts(visit).items():
            self.fields[key].setText(text)
        self.review_note.setText(
            translate(
                "BookingConfirmation", "Review: a therapist reviews the intake before this visit."
            )
            if visit.needs_review
            else ""
        )
        self.language_note.setText(
            translate(
                "BookingConfirmation",
                "The patient's calendar file, printout and PDF are in {language}.",
            ).format(language=translate("BookingConfirmation", LANGUAGE_NAMES[self.language]))
        )
        self.review_note.setVisible(visit.needs_review)
        self.calendar_button.setFocus()

    def document(self) -> QTextDocument:
        document = QTextDocument(self)
        if self.visit is not None:
            document.setHtml(confirmation_html(self.visit, self.language))
        return document

    # --- actions -----------------------------------------------------------------------

    def add_to_calendar(self) -> None:
        if self.visit is None:
            return
        visit, language = self.visit, self.language
        path = self.ask_calendar_path(self, _suggested(visit, "ics"))
        if not path:
            return
        target = saved_files.in_documents(path, ".ics")
        self.saved.clear()

        def saved(written: str) -> None:
            self.saved.show_saved(translate("BookingConfirmation", "Calendar file"), Path(written))
            self.calendar_was_saved.emit(written)

        self.ctx.run(
            lambda _db, _actor: str(ical_export.save(visit, target, language=language)),
            saved,
            in_words(self.export_did_fail.emit),
        )

    def print_visit(self) -> None:
        if self.visit is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(patient_words(self.language)("ConfirmationSlip", SLIP_TITLE))
        if not self.ask_printer(self, printer):
            return
        self.document().print_(printer)
        self.visit_was_printed.emit()

    def save_pdf(self) -> None:
        if self.visit is None:
            return
        path = self.ask_pdf_path(self, _suggested(self.visit, "pdf"))
        if not path:
            return
        target = saved_files.in_documents(path, ".pdf")
        self.saved.clear()
        writer = QPdfWriter(str(target))
        writer.setTitle(patient_words(self.language)("ConfirmationSlip", SLIP_TITLE))
        writer.setCreator("Clinic Intake")
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        self.document().print_(writer)
        del writer  # finishes the file
        if target.exists() and target.stat().st_size > 0:
            self.saved.show_saved(translate("BookingConfirmation", "PDF"), target)
            self.pdf_was_saved.emit(str(target))
        else:
            self.export_did_fail.emit(
                translate("BookingConfirmation", "The PDF could not be written to {path}.").format(
                    path=target
                )
            )

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for label in self.fields.values():
            caption = QLabel(label.accessibleName())
            caption.setObjectName("confirmationCaption")
            form.addRow(caption, label)
        buttons = QHBoxLayout()
        for button in (self.calendar_button, self.print_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.review_note)
        layout.addWidget(self.language_note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.saved)
        chain = [self.calendar_button, self.print_button, self.pdf_button, self.back_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


def visit_facts(visit: Visit, language: str | None = None) -> dict[str, str]:
    """The visit's facts in the staff's language (`language` None: the screen), or in a
    patient's ("en", "es": the slip)."""
    words: Words = patient_words(language) if language else translate
    context = "ConfirmationSlip" if language else "BookingConfirmation"
    local = visit.local_start
    end = visit.end.astimezone(local.tzinfo)
    return {
        "date": wording.day(local, language),
        "time": words(context, SLIP_LOCAL_TIME).format(span=wording.span(local, end, language)),
        "location": visit.location_name,
        "address": ", ".join(wording.address_lines(visit.location_address)) or "—",
        "therapist": visit.therapist_name,
        "type": visit.type_name,
        "reference": words(context, SLIP_REFERENCE).format(number=visit.id),
    }


# The screen's own copies of the slip's two phrases (lupdate files each under its context).
_SCREEN_WORDS = (
    QT_TRANSLATE_NOOP("BookingConfirmation", "{span}  (local time at the location)"),
    QT_TRANSLATE_NOOP("BookingConfirmation", "Appointment {number}"),
)


def confirmation_html(visit: Visit, language: str = "en") -> str:
    """The slip the patient takes home, in the patient's `language`."""
    words = patient_words(language)
    facts = visit_facts(visit, language)
    rows = "".join(
        "<tr><td style='padding:4px 16px 4px 0;color:#52606d'>"
        + html.escape(words("ConfirmationSlip", name))
        + f"</td><td style='padding:4px 0'>{html.escape(facts[key])}</td></tr>"
        for key, name in SLIP_FIELDS
    )
    return (
        f"<h2>{html.escape(words('ConfirmationSlip', SLIP_TITLE))}</h2>"
        f"<table>{rows}</table>"
        f"<p>{html.escape(words('ConfirmationSlip', SLIP_CLOSING))}</p>"
    )


def _suggested(visit: Visit, extension: str) -> str:
    """In the Documents folder, never the program's working folder or bare home."""
    return saved_files.suggested_path(
        f"appointment-{visit.id}-{visit.local_start:%Y-%m-%d}.{extension}"
    )


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setAccessibleName(name)
    label.setObjectName("confirmationValue")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    return button
