"""After booking: what to tell the caller, and the visit as a calendar file, a print or a PDF.

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
from intake.ui.worker import in_words


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
        self.heading = QLabel("✔  Booked")
        self.heading.setObjectName("confirmationHeading")
        self.fields = {
            key: _value_label(name)
            for key, name in (
                ("date", "Date"),
                ("time", "Time"),
                ("location", "Location"),
                ("address", "Address"),
                ("therapist", "Therapist"),
                ("type", "Visit type"),
                ("reference", "Reference"),
            )
        }
        self.review_note = QLabel()
        self.review_note.setObjectName("reviewNote")
        self.review_note.setWordWrap(True)
        self.calendar_button = _button("&Add to calendar…", "Save the visit as a calendar file")
        self.print_button = _button("&Print…", "Print the confirmation (Ctrl+P)")
        self.pdf_button = _button("Save as P&DF…", "Save the confirmation as a PDF file")
        self.back_button = _button("&Back to slots", "Back to the slot list")
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
            parent, "Save the visit as a calendar file", suggested, "Calendar files (*.ics)"
        )
        return path or None

    @classmethod
    def ask_pdf_path(cls, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent, "Save the confirmation as PDF", suggested, "PDF files (*.pdf)"
        )
        return path or None

    @classmethod
    def ask_printer(cls, parent: QWidget, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    # --- showing -----------------------------------------------------------------------

    def show_visit(self, visit: Visit) -> None:
        self.visit = visit
        for key, text in visit_facts(visit).items():
            self.fields[key].setText(text)
        self.review_note.setText(
            "Review: a therapist reviews the intake before this visit."
            if visit.needs_review
            else ""
        )
        self.review_note.setVisible(visit.needs_review)
        self.calendar_button.setFocus()

    def document(self) -> QTextDocument:
        document = QTextDocument(self)
        if self.visit is not None:
            document.setHtml(confirmation_html(self.visit))
        return document

    # --- actions -----------------------------------------------------------------------

    def add_to_calendar(self) -> None:
        if self.visit is None:
            return
        visit = self.visit
        path = self.ask_calendar_path(self, _suggested(visit, "ics"))
        if not path:
            return
        target = saved_files.in_documents(path, ".ics")
        self.saved.clear()

        def saved(written: str) -> None:
            self.saved.show_saved("Calendar file", Path(written))
            self.calendar_was_saved.emit(written)

        self.ctx.run(
            lambda _db, _actor: str(ical_export.save(visit, target)),
            saved,
            in_words(self.export_did_fail.emit),
        )

    def print_visit(self) -> None:
        if self.visit is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("Appointment confirmation")
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
        writer.setTitle("Appointment confirmation")
        writer.setCreator("Clinic Intake")
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        self.document().print_(writer)
        del writer  # finishes the file
        if target.exists() and target.stat().st_size > 0:
            self.saved.show_saved("PDF", target)
            self.pdf_was_saved.emit(str(target))
        else:
            self.export_did_fail.emit(f"The PDF could not be written to {target}.")

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
        layout.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.saved)
        chain = [self.calendar_button, self.print_button, self.pdf_button, self.back_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


def visit_facts(visit: Visit) -> dict[str, str]:
    local = visit.local_start
    end = visit.end.astimezone(local.tzinfo)
    return {
        "date": wording.day(local),
        "time": f"{wording.span(local, end)}  (local time at the location)",
        "location": visit.location_name,
        "address": ", ".join(wording.address_lines(visit.location_address)) or "—",
        "therapist": visit.therapist_name,
        "type": visit.type_name,
        "reference": f"Appointment {visit.id}",
    }


def confirmation_html(visit: Visit) -> str:
    facts = visit_facts(visit)
    rows = "".join(
        f"<tr><td style='padding:4px 16px 4px 0;color:#52606d'>{html.escape(name)}</td>"
        f"<td style='padding:4px 0'>{html.escape(facts[key])}</td></tr>"
        for key, name in (
            ("date", "Date"),
            ("time", "Time"),
            ("location", "Location"),
            ("address", "Address"),
            ("therapist", "Therapist"),
            ("type", "Visit type"),
            ("reference", "Reference"),
        )
    )
    return (
        "<h2>Appointment confirmation</h2>"
        f"<table>{rows}</table>"
        "<p>Please arrive ten minutes early. To change or cancel, call the practice;"
        " cancelling less than 24 hours ahead counts as a late cancellation.</p>"
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
