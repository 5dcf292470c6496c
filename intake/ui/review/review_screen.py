"""One intake on one screen: who and when, triage with every flag, category, scores, the pain
picture, every answer, and the sign-off.

Keyboard: Esc back to the queue, Ctrl+Shift+R mark reviewed, Ctrl+Shift+T return to the front
desk (with the note), Ctrl+S save the packet as PDF, Ctrl+P print it. The sign-off buttons exist
only for people allowed to sign off (therapists and admins); the service checks it again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from intake.domain.closing import CLOSED_WORDS
from intake.domain.enums import IntakeStatus
from intake.domain.permissions import Permission, allows
from intake.domain.review import NOTE_LIMIT, SignOff
from intake.screening import ScreeningResult
from intake.services import review
from intake.services.review import IntakeReview
from intake.ui import keys, saved_files
from intake.ui.context import UiContext
from intake.ui.fhir_export import PatientExportButton
from intake.ui.i18n import translate
from intake.ui.intake_form.pain_picture import PainCanvas
from intake.ui.languages import staff_language
from intake.ui.review import packet, wording
from intake.ui.review.interventions import GuidelineInterventions
from intake.ui.review.wording import escape
from intake.ui.words import said
from intake.ui.worker import failure_text, in_words


class ReviewScreen(QWidget):
    review_did_load = Signal(object)  # the IntakeReview
    review_did_fail = Signal(str)
    intake_was_signed = Signal(object)  # the SignOff
    sign_off_did_fail = Signal(str)
    back_was_requested = Signal()
    pdf_was_saved = Signal(str)
    packet_was_printed = Signal()
    status_did_change = Signal(str)
    pain: PainCanvas  # made in _build_clinical, replaced for every intake opened
    open_folder_button: QPushButton  # shown once a PDF is saved
    saved_folder: Path | None

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewScreen")
        self.context = context
        self.review: IntakeReview | None = None
        self.can_sign_off = allows(context.actor.role, Permission.REVIEW)
        self._busy = False
        self._build()

    # --- replaceable questions (tests and scripts answer them without a dialog) ---------

    @classmethod
    def ask_pdf_path(cls, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("ReviewScreen", "Save the review packet as PDF"),
            suggested,
            translate("ReviewScreen", "PDF files (*.pdf)"),
        )
        return path or None

    @classmethod
    def ask_printer(cls, parent: QWidget, printer: QPrinter) -> bool:
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def open_folder(cls, folder: Path) -> bool:
        return saved_files.open_folder(folder)

    # --- loading -------------------------------------------------------------------------

    def open(
        self, intake_id: int, appointment_id: int | None = None, *, quiet: bool = False
    ) -> None:
        """Read the intake (and that visit) off the GUI thread, then show it.

        `quiet` keeps the message line as it is (a reload after a sign-off or a refusal).
        """
        if not quiet:
            self.message.setText(translate("ReviewScreen", "Opening the intake…"))
        language = staff_language()  # the reviewer's words for the questions and answers
        self.context.run(
            lambda db, actor: review.open_review(
                db, actor, intake_id, appointment_id=appointment_id, language=language
            ),
            self.show_review,
            in_words(self.review_did_fail.emit) if quiet else self._open_failed,
        )

    def reload(self, *, quiet: bool = False) -> None:
        """Read the intake again as it is now; a typed note stays in its box."""
        if self.review is not None:
            key = self.review.key
            self.open(key.intake_id, key.appointment_id, quiet=quiet)

    def show_review(self, opened: IntakeReview) -> None:
        self.review = opened
        self._show_people(opened)
        self._show_triage(opened.screening)
        self._show_clinical(opened)
        self.interventions.show_advice(opened.interventions, opened.category_titles)
        self._show_answers(opened)
        self._show_sign_off(opened.sign_off, opened)
        patient = opened.patient
        self.fhir_button.show_patient(
            patient.id if patient else None, patient.mrn if patient else ""
        )
        if self.message.text() == translate("ReviewScreen", "Opening the intake…"):
            self.message.setText("")
        self.review_did_load.emit(opened)

    def _open_failed(self, error: BaseException) -> None:
        message = failure_text(error)
        self.message.setText(message)
        self.status_did_change.emit(message)
        self.review_did_fail.emit(message)

    # --- signing off ----------------------------------------------------------------------

    def mark_reviewed(self) -> None:
        if self.review is None or self._busy or not self.can_sign_off:
            return
        key = self.review.key
        self._sign(lambda db, actor: review.mark_reviewed(db, actor, key))

    def return_to_front_desk(self) -> None:
        if self.review is None or self._busy or not self.can_sign_off:
            return
        note = self.note.toPlainText()
        if not note.strip():
            self.message.setText(
                translate(
                    "ReviewScreen", "Write a note for the front desk first (what should they do?)."
                )
            )
            self.note.setFocus()
            return
        key = self.review.key
        self._sign(lambda db, actor: review.return_to_front_desk(db, actor, key, note))

    def _sign(self, work: Callable[..., SignOff]) -> None:
        self._set_busy(True)
        self.message.setText(translate("ReviewScreen", "Signing off…"))
        self.context.run(work, self._signed, self._sign_failed)

    def _signed(self, signed: SignOff) -> None:
        self._set_busy(False)
        self.note.clear()
        if signed.status == IntakeStatus.RETURNED:
            self.message.setText(translate("ReviewScreen", "Returned. Saved for everyone."))
            self.status_did_change.emit(translate("ReviewScreen", "Intake returned."))
        else:
            self.message.setText(translate("ReviewScreen", "Reviewed. Saved for everyone."))
            self.status_did_change.emit(translate("ReviewScreen", "Intake reviewed."))
        self.intake_was_signed.emit(signed)
        self.reload(quiet=True)  # the new versions, so a second action names them

    def _sign_failed(self, error: BaseException) -> None:
        message = failure_text(error)
        self._set_busy(False)
        self.message.setText(message)  # the note stays in its box
        self.status_did_change.emit(message)
        self.sign_off_did_fail.emit(message)
        self.reload(quiet=True)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.review_button, self.return_button):
            if button is not None:
                button.setEnabled(not busy)

    # --- the packet ---------------------------------------------------------------------

    def save_pdf(self) -> None:
        if self.review is None:
            return
        patient = self.review.patient
        name = f"intake-review-{patient.mrn if patient else self.review.key.intake_id}.pdf"
        path = self.ask_pdf_path(self, saved_files.suggested_path(name))
        if not path:
            return
        self.open_folder_button.hide()
        try:
            target = packet.save_pdf(self.review, saved_files.in_documents(path))
        except OSError as exc:
            self.message.setText(
                translate("ReviewScreen", "The PDF could not be written: {reason}.").format(
                    reason=exc.strerror
                )
            )
            return
        if target.exists() and target.stat().st_size > 0:
            self.message.setText(
                translate("ReviewScreen", "Saved the packet as {path}").format(
                    path=escape(str(target))
                )
            )
            self.saved_folder = target.parent
            self.open_folder_button.show()
            self.pdf_was_saved.emit(str(target))
        else:
            self.message.setText(
                translate("ReviewScreen", "The PDF could not be written to {path}.").format(
                    path=target
                )
            )

    def _fhir_saved(self, path: str) -> None:
        self.message.setText(
            escape(translate("ReviewScreen", "FHIR export saved: {path}").format(path=path))
        )
        self.saved_folder = Path(path).parent
        self.open_folder_button.show()

    def show_saved_folder(self) -> None:
        if self.saved_folder is not None and not self.open_folder(self.saved_folder):
            self.message.setText(
                translate("ReviewScreen", "No file manager could open {folder}.").format(
                    folder=self.saved_folder
                )
            )

    def print_packet(self) -> None:
        if self.review is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.ask_printer(self, printer):
            return
        packet.print_packet(self.review, printer)
        self.message.setText(translate("ReviewScreen", "Sent the packet to the printer."))
        self.packet_was_printed.emit()

    # --- showing ----------------------------------------------------------------------------

    def _show_people(self, opened: IntakeReview) -> None:
        patient, visit = opened.patient, opened.appointment
        if patient:
            preferred = f" (“{escape(patient.preferred_name)}”)" if patient.preferred_name else ""
            facts = translate("ReviewScreen", "{age} y · {sex} · born {date}").format(
                age=patient.age,
                sex=escape(wording.sex(patient.sex)),
                date=wording.date(patient.date_of_birth),
            )
            self.patient.setText(
                f"<b>{escape(patient.family_name)}, {escape(patient.given_name)}</b>{preferred}"
                f" · {facts} · {escape(patient.mrn)}"
                + (f" · ☎ {escape(patient.phone)}" if patient.phone else "")
            )
        else:
            none = escape(translate("ReviewScreen", "No patient chosen on this intake"))
            self.patient.setText(f"<b>{none}</b>")
        if visit:
            self.visit.setText(
                f"{escape(visit.type_name)} · <b>{wording.when(visit.start, visit.timezone)}–"
                f"{wording.time_of_day(visit.local_end)}</b> · {escape(visit.location_name)} · "
                f"{escape(visit.therapist_name)} · "
                + escape(wording.visit_state(visit.status.value))
            )
        else:
            self.visit.setText(
                translate(
                    "ReviewScreen",
                    "<b>No upcoming appointment</b>: it was cancelled or deleted, or none is "
                    "booked.",
                )
            )
        self.patient.setAccessibleName(
            translate("ReviewScreen", "Patient: {text}").format(text=self.patient.text())
        )
        self.visit.setAccessibleName(
            translate("ReviewScreen", "Appointment: {text}").format(text=self.visit.text())
        )

    def _show_triage(self, result: ScreeningResult | None) -> None:
        level = result.triage.value if result else None
        key = wording.key(level)
        size = self.triage_word.fontMetrics().height() * 2
        self.triage_icon.setPixmap(wording.icon(level).pixmap(size, size))
        self.triage_icon.setAccessibleName(wording.word(level))
        self.triage_word.setText(
            translate("ReviewScreen", "TRIAGE: {level}").format(level=wording.word(level))
        )
        self.triage_meaning.setText(wording.meaning(level))
        for widget in (self.banner, self.triage_word, self.triage_meaning):
            widget.setProperty("triage", key)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.banner.setAccessibleName(
            translate("ReviewScreen", "Triage {level}. {meaning}").format(
                level=wording.word(level), meaning=wording.meaning(level)
            )
        )
        _clear(self.flag_rows)
        flags = result.flags if result else ()
        self.flags_title.setText(
            translate("ReviewScreen", "Warning signs and notes ({count})").format(count=len(flags))
        )
        for flag in flags:
            self.flag_rows.addWidget(_flag_row(flag.level.value, flag.rationale, flag.source))
        if not flags:
            self.flag_rows.addWidget(
                QLabel(translate("ReviewScreen", "No warning signs or notes."))
            )
        self.flag_rows.addStretch(1)

    def _show_clinical(self, opened: IntakeReview) -> None:
        result = opened.screening
        if result is None:
            self.clinical.setText(
                translate("ReviewScreen", "No screening result is stored with this intake.")
            )
        else:
            self.clinical.setText(_clinical_html(opened, result))
        canvas = _pain_canvas(opened)
        self.pain_holder.replaceWidget(self.pain, canvas)
        self.pain.deleteLater()
        self.pain = canvas
        regions = ", ".join(opened.region_labels.get(r, r) for r in opened.pain_regions)
        regions = regions or translate("ReviewScreen", "none")
        self.pain_regions.setText(
            translate("ReviewScreen", "Marked: {regions}").format(regions=escape(regions))
        )
        self.pain.setAccessibleDescription(
            translate("ReviewScreen", "Marked regions: {regions}").format(regions=regions)
        )
        old = (
            translate(
                "ReviewScreen", " – <b>an older version</b>; version {version} is in force now"
            ).format(version=escape(opened.current_checklist_version))
            if opened.old_checklist
            else translate("ReviewScreen", " (the version in force)")
        )
        screened = translate("ReviewScreen", "Screened with {checklist}, version {version}")
        self.checklist.setText(
            screened.format(
                checklist=escape(opened.checklist_title),
                version=escape(opened.checklist_version),
            )
            + f"{old}.{wording.asked_in(opened.patient_language)}"
        )

    def _show_answers(self, opened: IntakeReview) -> None:
        parts = []
        for group in opened.answers:
            rows = "".join(
                f"<tr><td>{'● ' if line.positive else ''}{_b(escape(line.question), line.positive)}"
                f"</td><td>{_b(escape(said(line.answer)), line.positive)}</td></tr>"
                for line in group.lines
            )
            parts.append(
                _h(
                    translate("ReviewScreen", "{section} – positive: {count}").format(
                        section=said(group.title), count=group.positives
                    )
                )
                + f"<table cellspacing='0' cellpadding='2' width='100%'>{rows}</table>"
            )
        self.answers.setHtml("".join(parts) or translate("ReviewScreen", "No answers are stored."))

    def _show_sign_off(self, signed: SignOff, opened: IntakeReview) -> None:
        tz = opened.appointment.timezone if opened.appointment else None
        if signed.status == IntakeStatus.CLOSED and signed.closing_reason is not None:
            closed = translate("ReviewScreen", "⚠ {closed} by {who}, {when}").format(
                closed=translate("Closing", CLOSED_WORDS[signed.closing_reason]),
                who=escape(signed.closed_by),
                when=wording.when(signed.closed_at, tz),
            )
            seen = (
                translate("ReviewScreen", " · ✓ seen by {who}, {when}").format(
                    who=escape(signed.reviewed_by), when=wording.when(signed.reviewed_at, tz)
                )
                if signed.seen
                else translate("ReviewScreen", " · not seen by a clinician yet")
            )
            text = closed + seen
        elif signed.status == IntakeStatus.REVIEWED:
            when = wording.when(signed.reviewed_at, tz)
            text = translate("ReviewScreen", "✓ Reviewed by {who}, {when}").format(
                who=escape(signed.reviewed_by), when=when
            )
        elif signed.status == IntakeStatus.RETURNED:
            text = translate(
                "ReviewScreen", "↩ Returned to the front desk by {who}, {when}: “{note}”"
            ).format(
                who=escape(signed.returned_by),
                when=wording.when(signed.returned_at, tz),
                note=escape(signed.return_note),
            )
        else:
            text = translate("ReviewScreen", "○ Not reviewed yet")
        self.sign_off_state.setText(text)
        self.sign_off_state.setProperty("signed", signed.status.value)
        self.sign_off_state.style().unpolish(self.sign_off_state)
        self.sign_off_state.style().polish(self.sign_off_state)
        if self.review_button is not None and self.return_button is not None:
            self.review_button.setEnabled(not signed.seen)
            self.return_button.setEnabled(True)

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton(translate("ReviewScreen", "◀ Back to the queue (Esc)"))
        self.back_button.setAccessibleName(translate("ReviewScreen", "Back to the queue"))
        self.back_button.setToolTip(translate("ReviewScreen", "Back to the queue (Esc)"))
        self.back_button.clicked.connect(self.back_was_requested.emit)
        self.patient = _label(translate("ReviewScreen", "Patient"), "reviewPatient")
        self.visit = _label(translate("ReviewScreen", "Appointment"), "reviewVisit")
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(self.patient)
        who.addWidget(self.visit)
        top = QHBoxLayout()
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(who, 1)
        columns = QHBoxLayout()
        columns.addWidget(_scrolled(self._build_triage()), 5)
        columns.addWidget(_scrolled(self._build_clinical()), 4)
        columns.addWidget(self._build_answers(), 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        layout.addWidget(self._build_sign_off())
        for sequence, meaning, slot in (
            ("Esc", "", self.back_was_requested.emit),
            ("Ctrl+S", keys.SAVE, self.save_pdf),
            ("Ctrl+P", keys.PRINT, self.print_packet),
            ("Ctrl+Shift+R", "", self.mark_reviewed),
            ("Ctrl+Shift+T", "", self.return_to_front_desk),
        ):
            shortcut = keys.means(QShortcut(QKeySequence(sequence), self), meaning)
            # While the intake shows, from anywhere in the window; Esc only from inside it
            # (Esc in the sidebar going back would surprise).
            shortcut.setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
                if sequence == "Esc"
                else Qt.ShortcutContext.WindowShortcut
            )
            shortcut.activated.connect(slot)

    def _build_triage(self) -> QWidget:
        self.banner = QFrame()
        self.banner.setObjectName("reviewBanner")
        self.triage_icon = QLabel()
        self.triage_word = QLabel()
        self.triage_word.setObjectName("reviewTriageWord")
        self.triage_meaning = _label(
            translate("ReviewScreen", "Triage meaning"), "reviewTriageMeaning"
        )
        banner = QGridLayout(self.banner)
        banner.addWidget(self.triage_icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        banner.addWidget(self.triage_word, 0, 1)
        banner.addWidget(self.triage_meaning, 1, 1)
        banner.setColumnStretch(1, 1)
        self.flags_title = QLabel(translate("ReviewScreen", "Warning signs and notes"))
        self.flags_title.setObjectName("panelHeading")
        holder = QWidget()
        self.flag_rows = QVBoxLayout()
        self.flag_rows.setSpacing(4)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 4, 0)
        column.addWidget(self.banner)
        column.addWidget(self.flags_title)
        column.addLayout(self.flag_rows, 1)
        return holder

    def _build_clinical(self) -> QWidget:
        self.clinical = _label(
            translate("ReviewScreen", "Category, stage, cervicogenic criteria and scores"),
            "clinical",
        )
        heading = QLabel(translate("ReviewScreen", "Pain picture (as marked at the intake)"))
        heading.setObjectName("panelHeading")
        heading.setWordWrap(True)  # a longer language must not widen the column past its room
        self.pain = _pain_canvas(None)
        self.pain_holder = QVBoxLayout()
        self.pain_holder.setContentsMargins(0, 0, 0, 0)
        self.pain_holder.addWidget(self.pain)
        self.pain_regions = _label(translate("ReviewScreen", "Marked pain regions"), "fieldNote")
        self.checklist = _label(translate("ReviewScreen", "Checklist version"), "fieldNote")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 4, 0)
        column.addWidget(self.clinical)
        self.interventions = GuidelineInterventions()  # for clinicians only (hidden else)
        column.addWidget(self.interventions)
        column.addWidget(heading)
        column.addLayout(self.pain_holder)
        column.addWidget(self.pain_regions)
        column.addWidget(self.checklist)
        column.addStretch(1)
        return holder

    def _build_answers(self) -> QWidget:
        heading = QLabel(
            translate("ReviewScreen", "All answers (sections with positives first; ● = positive)")
        )
        heading.setObjectName("panelHeading")
        heading.setWordWrap(True)
        self.answers = QTextBrowser()
        self.answers.setObjectName("reviewAnswers")
        self.answers.setAccessibleName(translate("ReviewScreen", "All answers by section"))
        self.answers.setOpenLinks(False)
        self.answers.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(self.answers, 1)
        return holder

    def _build_sign_off(self) -> QWidget:
        bar = QFrame()
        bar.setObjectName("signOffBar")
        self.sign_off_state = _label(translate("ReviewScreen", "Sign-off state"), "signOffState")
        self.message = _label(translate("ReviewScreen", "Review messages"), "reviewMessage")
        self.saved_folder = None
        self.open_folder_button = _button(
            translate("ReviewScreen", "Open folder"),
            translate("ReviewScreen", "Show the saved PDF in its folder"),
        )
        self.open_folder_button.clicked.connect(self.show_saved_folder)
        self.open_folder_button.hide()
        self.pdf_button = _button(
            translate("ReviewScreen", "Save PDF…"),
            translate("ReviewScreen", "Save the review packet as PDF"),
            "Ctrl+S",
        )
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button = _button(
            translate("ReviewScreen", "Print…"),
            translate("ReviewScreen", "Print the review packet"),
            "Ctrl+P",
        )
        self.print_button.clicked.connect(self.print_packet)
        layout = QGridLayout(bar)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.sign_off_state, 0, 0, 1, 2)
        self.note: QPlainTextEdit = QPlainTextEdit()
        self.review_button: QPushButton | None = None
        self.return_button: QPushButton | None = None
        if self.can_sign_off:
            self.note.setObjectName("returnNote")
            self.note.setAccessibleName(translate("ReviewScreen", "Note for the front desk"))
            self.note.setPlaceholderText(
                translate(
                    "ReviewScreen",
                    "Note for the front desk when returning (e.g. call the patient, refer to the "
                    "physician, change the appointment type)",
                )
            )
            self.note.setTabChangesFocus(True)
            self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 12)
            self.note.textChanged.connect(self._limit_note)
            self.review_button = _button(
                translate("ReviewScreen", "✓ Mark reviewed"),
                translate("ReviewScreen", "Sign off as reviewed"),
                "Ctrl+Shift+R",
            )
            self.review_button.setObjectName("markReviewed")
            self.review_button.clicked.connect(self.mark_reviewed)
            self.return_button = _button(
                translate("ReviewScreen", "↩ Return to front desk"),
                translate("ReviewScreen", "Send back with the note"),
                "Ctrl+Shift+T",
            )
            self.return_button.clicked.connect(self.return_to_front_desk)
            layout.addWidget(self.note, 1, 0, 2, 1)
            layout.addWidget(self.review_button, 1, 1)
            layout.addWidget(self.return_button, 2, 1)
        else:
            self.note.hide()
        packet_buttons = QVBoxLayout()
        packet_buttons.addWidget(self.pdf_button)
        packet_buttons.addWidget(self.print_button)
        # The patient's data as a FHIR Bundle file (admins; disabled, saying why, else), on
        # the message line's row: the bar keeps its height.
        self.fhir_button = PatientExportButton(self.context)
        self.fhir_button.did_save.connect(self._fhir_saved)
        self.fhir_button.did_fail.connect(self.message.setText)
        layout.addLayout(packet_buttons, 1, 2, 2, 1)
        layout.addWidget(self.message, 3, 0, 1, 2)
        files = QHBoxLayout()
        files.addWidget(self.open_folder_button)
        files.addWidget(self.fhir_button)
        layout.addLayout(files, 3, 2)
        layout.setColumnStretch(0, 1)
        return bar

    def _limit_note(self) -> None:
        if len(self.note.toPlainText()) > NOTE_LIMIT:
            self.message.setText(
                translate("ReviewScreen", "A note holds at most {limit} characters.").format(
                    limit=NOTE_LIMIT
                )
            )


def _clinical_html(opened: IntakeReview, result: ScreeningResult) -> str:
    findings = translate("ReviewScreen", "findings: {questions}")
    categories = "".join(
        f"<li><b>{escape(opened.category_titles.get(c.id, c.id))}</b><br/>"
        + escape(
            findings.format(
                questions="; ".join(opened.question_texts.get(f, f) for f in c.findings)
            )
        )
        + "</li>"
        for c in result.categories
    )
    cgh = result.cervicogenic_headache
    criteria = "<br/>".join(escape(wording.criterion(c)) for c in cgh.criteria)
    ndi = result.ndi
    ndi_text = (
        translate(
            "ReviewScreen",
            "<b>{raw}/50</b> ({percent} %) · <b>{band}</b> · {answered}/10 sections answered",
        ).format(
            raw=ndi.raw,
            percent=ndi.percent,
            band=escape(wording.band(ndi.band.value)),
            answered=ndi.answered,
        )
        if ndi
        else escape(translate("ReviewScreen", "not scored (more than 2 sections skipped)"))
    )
    pain = result.pain
    stage = wording.stage(result.stage.value if result.stage else None)
    met = (
        translate("ReviewScreen", "Cervicogenic headache criteria: ✓ MET")
        if cgh.met
        else translate("ReviewScreen", "Cervicogenic headache criteria: ✗ NOT MET")
    )
    none = escape(translate("ReviewScreen", "None."))
    no_criterion = escape(translate("ReviewScreen", "No criterion present."))
    return (
        _h(translate("ReviewScreen", "Provisional category"))
        + (f"<ul style='margin-left:-20px'>{categories}</ul>" if categories else f"<p>{none}</p>")
        + "<p>"
        + translate("ReviewScreen", "Stage: <b>{stage}</b>").format(stage=escape(stage))
        + "</p>"
        + _h(met)
        + f"<p>{criteria or no_criterion}</p>"
        + _h(translate("ReviewScreen", "Scores"))
        + "<p>"
        + translate(
            "ReviewScreen",
            "NDI: {ndi}<br/>Pain 0–10: now <b>{now}</b> · best <b>{best}</b> · worst "
            "<b>{worst}</b>",
        ).format(ndi=ndi_text, now=_num(pain.now), best=_num(pain.best), worst=_num(pain.worst))
        + "</p>"
    )


def _pain_canvas(opened: IntakeReview | None) -> PainCanvas:
    """The intake form's pain picture, read only: nothing listens to its clicks."""
    labels = opened.region_labels if opened else {}
    canvas = PainCanvas(tuple(labels), labels)
    canvas.selected = set(opened.pain_regions) if opened else set()
    canvas.setAccessibleName(translate("ReviewScreen", "Pain picture, read only"))
    canvas.setToolTip(translate("ReviewScreen", "The regions the patient marked (read only)"))
    canvas.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    # Narrow enough for its column on a 1024-px screen (it scales; wider only clipped the
    # column's text beside it).
    canvas.setMinimumSize(160, 103)
    canvas.setMaximumHeight(200)
    return canvas


def _flag_row(level: str, rationale: str, source: str) -> QFrame:
    row = QFrame()
    row.setObjectName("flagRow")
    row.setProperty("triage", wording.key(level))
    icon = QLabel()
    icon.setPixmap(wording.icon(level).pixmap(20, 20))
    text = QLabel(
        f"<b>{wording.flag_word(level)}</b> – {escape(rationale)}"
        "<br/><span style='color:#52606d'>"
        + escape(translate("ReviewScreen", "Source: {source}").format(source=source))
        + "</span>"
    )
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text.setAccessibleName(
        translate("ReviewScreen", "{level}: {reason}. Source: {source}").format(
            level=wording.flag_word(level), reason=rationale, source=source
        )
    )
    layout = QHBoxLayout(row)
    layout.setContentsMargins(4, 3, 4, 3)
    layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(text, 1)
    return row


def _label(name: str, object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def _button(text: str, name: str, key: str = "") -> QPushButton:
    """A button that shows its key, where the key works ("Save PDF… (Ctrl+S)")."""
    shown = f" ({key})" if key else ""
    button = QPushButton(text + shown)
    button.setToolTip(name + shown)
    button.setAccessibleName(name)
    return button


def _scrolled(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is not None and (widget := item.widget()) is not None:
            widget.deleteLater()


def _h(text: str) -> str:
    return f"<p style='font-size:11pt; font-weight:600; margin:6px 0 2px 0'>{escape(text)}</p>"


def _b(text: str, bold: bool) -> str:
    return f"<b>{text}</b>" if bold else text


def _num(value: int | None) -> str:
    return "–" if value is None else str(value)
