"""The Intake area: find or register the caller, take the intake, book the evaluation.

Three views in one place: find (search, new patient, unfinished intakes), register, and the
intake wizard with the booking panel in its summary step. Keyboard: Ctrl+F find a patient,
Ctrl+N new patient, Ctrl+Shift+I start over with a new intake; the wizard and the booking
panel bring their own keys (Alt+arrows between steps, Ctrl+Enter finish, Ctrl+B book).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.domain.closing import CLOSED_WORDS
from intake.domain.languages import question_language_for
from intake.domain.patient import PatientInfo
from intake.domain.register_prefill import fields_from_search
from intake.services import intakes, patients
from intake.ui import keys, when
from intake.ui.booking.booking_panel import BookingPanel
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.idle import in_turns, when_idle
from intake.ui.intake_form.recovery import (
    RecoveryOffer,
    ResumeBar,
    Unfinished,
    UnfinishedDraft,
    UnfinishedRegistration,
    load_unfinished,
)
from intake.ui.intake_form.wizard import SUMMARY, IntakeWizard
from intake.ui.journal import Journal, refusal_message, writer
from intake.ui.main_window import INTAKE_WORK
from intake.ui.patients.register_form import PatientRegisterForm
from intake.ui.patients.search_widget import PatientSearchWidget
from intake.ui.review.returned_list import ReturnedList
from intake.ui.worker import failure_text, in_words

FIND, REGISTER, INTAKE = 0, 1, 2
PREPARE_AFTER_MS = 300


def patient_label(info: PatientInfo) -> str:
    born = when.date(info.date_of_birth, localized=True) if info.date_of_birth else "?"
    return translate("FrontDesk", "{family}, {given} · born {born} · {mrn}").format(
        family=info.family_name, given=info.given_name, born=born, mrn=info.mrn
    )


class FrontDeskPage(QWidget):
    intake_did_start = Signal(object)  # the IntakeWizard
    visit_was_booked = Signal(object)  # the Visit
    status_did_change = Signal(str)

    def __init__(
        self,
        context: UiContext,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ):
        super().__init__(parent)
        self._clock = clock  # tests fix "now"; the program uses the real time
        self.setObjectName("frontDesk")
        self.context = context
        self.journal = journal
        self.wizard: IntakeWizard | None = None
        self._offered = False  # the last session's unfinished work is offered once, at start
        self._spare: IntakeWizard | None = None  # the next intake's form, made ahead
        self._side_made = False  # the lists beside the search (see _make_side)
        self._panels: dict[IntakeWizard, BookingPanel] = {}  # made, not yet in place
        # Containers first, each part made inside its parent: with the program's style sheet
        # every move of a finished widget into another re-styles all of it (a third of the
        # page's cost when the views were made loose and put in place after).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.stack.addWidget(self._build_find())
        self.stack.addWidget(self._build_register())
        self.intake_holder = QWidget(self.stack)
        QVBoxLayout(self.intake_holder).setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.intake_holder)
        for sequence, meaning, slot in (
            ("Ctrl+F", keys.FIND_PATIENT, self.show_find),
            ("Ctrl+N", keys.NEW_PATIENT, self.show_register),
            ("Ctrl+Shift+I", keys.FIND_PATIENT, self.show_find),
        ):
            shortcut = keys.means(QShortcut(QKeySequence(sequence), self), meaning)
            # From anywhere while the Intake area shows (the sidebar, the status bar too).
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(slot)
        # The lists beside the search, then what goes in them: each on a later turn.
        in_turns(self, [self._make_side, self.refresh_unfinished])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once the Intake area has been on screen a moment, make the next intake's form;
        # a session spent elsewhere (the schedule, say) never pays for one.
        QTimer.singleShot(PREPARE_AFTER_MS, self, self._prepare_if_shown)

    def _prepare_if_shown(self) -> None:
        if self.isVisible():
            self.prepare_next_intake()

    @property
    def booking(self) -> BookingPanel | None:
        """The booking panel of the intake on screen (None until it is attached)."""
        widget = self.wizard.booking_widget if self.wizard is not None else None
        return widget if isinstance(widget, BookingPanel) else None

    # ---- views ------------------------------------------------------------------------------

    def _build_find(self) -> QWidget:
        page = QWidget(self.stack)
        self.search = PatientSearchWidget(self.context)
        self.search.patient_was_chosen.connect(self.open_patient)
        new_patient = QPushButton(translate("Keys", keys.NEW_PATIENT) + " (Ctrl+N)")
        new_patient.setObjectName("primaryButton")
        new_patient.setAccessibleName(translate("FrontDesk", "Register a new patient"))
        new_patient.clicked.connect(self.show_register)
        left = QVBoxLayout()
        left.addWidget(self.search, 1)
        left.addWidget(new_patient, 0, Qt.AlignmentFlag.AlignLeft)
        self._side = QVBoxLayout()  # filled by _make_side
        row = QHBoxLayout()
        row.addLayout(left, 3)  # the results table first: name to phone at 1024 px
        row.addLayout(self._side, 1)
        self._column = QVBoxLayout(page)
        self._column.addLayout(row, 1)
        self._find_page = page
        return page

    def _make_side(self) -> None:
        """The lists beside the search and the bar above it (unfinished work, intakes sent
        back): on the turn after the search, so signing in is two short pieces of work, not
        one long one (issue 25); made at once when something asks for them sooner."""
        if self._side_made:
            return
        self._side_made = True
        page = self._find_page
        self._recovery = RecoveryOffer(page)
        self._recovery.draft_was_chosen.connect(self.continue_draft)
        self._recovery.discard_was_requested.connect(self.discard_draft)
        self._resume_bar = ResumeBar(page)
        self._resume_bar.item_was_chosen.connect(self.continue_draft)
        # Intakes a therapist sent back (call the patient, refer, change the visit type).
        self._returned = ReturnedList(self.context, clock=self._clock, parent=page)
        self._returned.intake_was_chosen.connect(
            lambda item: self.open_patient(item.patient_id) if item.patient_id is not None else None
        )
        self._side.addWidget(self._recovery, 0, Qt.AlignmentFlag.AlignTop)
        self._side.addWidget(self._returned, 1)
        self._column.insertWidget(0, self._resume_bar)

    @property
    def recovery(self) -> RecoveryOffer:
        self._make_side()
        return self._recovery

    @property
    def resume_bar(self) -> ResumeBar:
        self._make_side()
        return self._resume_bar

    @property
    def returned(self) -> ReturnedList:
        self._make_side()
        return self._returned

    def _build_register(self) -> QWidget:
        # The form itself is made the first time it is asked for (see register_form).
        self._register_page = QWidget(self.stack)
        QVBoxLayout(self._register_page)
        self._register_form: PatientRegisterForm | None = None
        return self._register_page

    @property
    def register_form(self) -> PatientRegisterForm:
        """The new-patient form, built on first use: many sessions never register anyone."""
        if self._register_form is None:
            form = PatientRegisterForm(self.context, self._register_page, journal=self.journal)
            form.patient_was_registered.connect(self.open_patient)
            form.existing_patient_was_chosen.connect(self.open_patient)
            back = QPushButton(
                translate("FrontDesk", "Back to search") + " (Ctrl+F)", self._register_page
            )
            back.setAccessibleName(translate("FrontDesk", "Back to the patient search"))
            back.clicked.connect(self.show_find)
            layout = self._register_page.layout()
            assert isinstance(layout, QVBoxLayout)  # made in _build_register
            layout.addWidget(form, 1)
            layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
            self._register_form = form
        return self._register_form

    def show_find(self) -> None:
        self.stack.setCurrentIndex(FIND)
        self.refresh_unfinished()
        self.search.focus_search()
        when_idle(self, self.prepare_next_intake)

    def show_register(self) -> None:
        """The new-patient form: blank, with the search text in its fields; a registration
        typed and not finished stays as it was."""
        form = self.register_form
        self.stack.setCurrentIndex(REGISTER)
        if form.unsent:
            form.setFocus()
            form.focusNextChild()
        else:
            form.start_new(fields_from_search(self.search.box.text(), dt.date.today()))

    def refresh_unfinished(self) -> None:
        load_unfinished(self.context, self.journal, self._show_unfinished)
        self.returned.refresh()

    def _show_unfinished(self, items: list[Unfinished]) -> None:
        self.recovery.show_drafts(items)
        if refused := self.journal.take_set_aside():  # changed or cut short: never half-read
            self.status_did_change.emit(refusal_message(refused, self.journal.folder))
        if not self._offered:
            self._offered = True
            self.resume_bar.offer(items)

    def discard_draft(self, draft: UnfinishedDraft, reason: str) -> None:
        """Give up an unfinished intake: in the database (with the reason, audited) and its
        copy on this computer; then the list is read again."""
        intake_id, version = draft.intake_id, draft.version

        def work(database: Any, actor: Any) -> None:
            if intake_id is not None:
                intakes.discard(database, actor, intake_id, version or 0, reason)

        def done(_nothing: None) -> None:
            if draft.journal_key is not None:
                self.journal.drop(draft.journal_key)
                writer().wait_until_written()  # the list below reads the journal again
            self.recovery.message.setText(translate("FrontDesk", "Draft discarded."))
            self.status_did_change.emit(translate("FrontDesk", "Draft discarded."))
            self.refresh_unfinished()

        def failed(error: BaseException) -> None:
            self.recovery.message.setText(failure_text(error))

        self.context.run(work, done, failed)

    # ---- closing -----------------------------------------------------------------------------

    def unsent_work(self) -> list[str]:
        """What is typed here and not stored for good, one line each (for the close question)."""
        work = []
        if self.wizard is not None and self.wizard.keeper.unsent:
            who = self.wizard.patient_label.text() or translate(
                "FrontDesk", "a patient not chosen yet"
            )
            count = len(self.wizard.answers)
            work.append(translate("FrontDesk", INTAKE_WORK).format(who=who, count=count))
        if self._register_form is not None and self._register_form.unsent:
            work.append(translate("FrontDesk", "a new patient's registration"))
        return work

    def keep_for_later(self) -> None:
        """Closing: send what the database lacks and wait until the journal is on disk."""
        if self.wizard is not None and self.wizard.keeper.unsent:
            self.wizard.keeper.flush()
        writer().wait_until_written()

    # ---- starting an intake ----------------------------------------------------------------

    def open_patient(self, patient_id: int) -> None:
        """Open the record (audited) and start a new intake for this patient."""
        self.status_did_change.emit(translate("FrontDesk", "Opening the patient record…"))

        def work(database: Any, actor: Any) -> PatientInfo:
            return patients.get(database, actor, patient_id)

        self.context.run(work, self._start_intake, in_words(self.status_did_change.emit))

    def prepare_next_intake(self) -> None:
        """Make the next intake's form (and its booking panel) while nobody waits for it,
        so opening a record only shows it. It keeps nothing until it is used."""
        if self._spare is not None and self._spare.today == dt.date.today():
            return
        if self._spare is not None:
            self._spare.deleteLater()  # made yesterday: today's date matters to the answers
        spare = self._spare = self._new_wizard(made_ahead=True)
        # One piece per turn: the form's own, its booking panel made and then put in place,
        # then its layout.
        pieces = [spare.make_next_piece] * spare.pieces_left
        in_turns(
            spare,
            [
                *pieces,
                lambda: self._booking_panel_for(spare),
                lambda: self._attach_booking(spare),
                lambda: self._settle(spare),
            ],
        )

    def _settle(self, wizard: IntakeWizard) -> None:
        """Style and lay out a form made ahead while idle: showing it then only paints."""
        wizard.finish_making()
        wizard.ensurePolished()
        wizard.setGeometry(self.intake_holder.contentsRect())
        if layout := wizard.layout():
            layout.activate()

    def _new_wizard(self, *, made_ahead: bool = False) -> IntakeWizard:
        wizard = IntakeWizard(
            self.context,
            journal=self.journal,
            saving=False,
            parent=self.intake_holder,  # built in place: see IntakeWizard._build
            made_ahead=made_ahead,
        )
        wizard.hide()
        return wizard

    def _start_intake(self, info: PatientInfo) -> None:
        wizard, self._spare = self._spare, None
        if wizard is None or wizard.today != dt.date.today():
            if wizard is not None:
                wizard.deleteLater()
            wizard = self._new_wizard()
        # What the record already holds is not asked again (the caller can still correct it).
        known = {
            "dob": info.date_of_birth.isoformat() if info.date_of_birth else None,
            "sex": info.sex,
        }
        wizard.begin(
            info.id,
            patient_label(info),
            {k: v for k, v in known.items() if v is not None and k in wizard.rows},
            language=question_language_for(info.preferred_language),
        )
        self.status_did_change.emit("")  # the record is open: "Opening…" no longer applies
        self._show_wizard(wizard, info.id)

    def continue_draft(self, draft: Unfinished) -> None:
        """Continue an unfinished intake, or restore an unfinished registration."""
        if isinstance(draft, UnfinishedRegistration):
            self.resume_bar.hide()
            self.show_register()
            self.register_form.restore(draft.key, draft.fields)
            return
        self.resume_bar.hide()
        wizard = IntakeWizard.for_draft(
            self.context, draft, journal=self.journal, parent=self.intake_holder
        )
        self._show_wizard(wizard, draft.patient_id)

    def continue_intake(self, intake_id: int) -> None:
        """Continue one draft intake (chosen on a patient's record): this computer's newest
        copy of it when it holds one, else the database's."""

        def found(items: list[Unfinished]) -> None:
            kept = next(
                (i for i in items if isinstance(i, UnfinishedDraft) and i.intake_id == intake_id),
                None,
            )
            if kept is not None:
                self.continue_draft(kept)
                return
            self.context.run(
                lambda db, actor: intakes.get(db, actor, intake_id),
                self._continue_stored,
                in_words(self.status_did_change.emit),
            )

        load_unfinished(self.context, self.journal, found)

    def _continue_stored(self, info: intakes.IntakeInfo) -> None:
        self.continue_draft(
            UnfinishedDraft(
                answers=info.answers,
                checklist_id=info.checklist_id,
                checklist_version=info.checklist_version,
                saved_at=dt.datetime.now(dt.UTC),
                intake_id=info.id,
                version=info.version,
                patient_id=info.patient_id,
                language=info.patient_language,
                source=info.source,
                finished_at=info.finished_at,
            )
        )

    def _show_wizard(self, wizard: IntakeWizard, patient_id: int | None) -> None:
        layout = self.intake_holder.layout()
        assert isinstance(layout, QVBoxLayout)  # made in __init__
        if self.wizard is not None:
            self.wizard.keeper.flush()  # its journal file stays and is offered back later
            layout.removeWidget(self.wizard)
            self.wizard.deleteLater()
        self.wizard = wizard
        if self.booking is None:
            # The booking panel waits for the next turn of the event loop: the first
            # question is on screen sooner, and the panel long before the summary.
            when_idle(wizard, lambda: self._attach_booking(wizard))
        wizard.intake_did_submit.connect(lambda intake_id: self._submitted(intake_id))
        wizard.intake_did_close.connect(self._closed)
        layout.addWidget(wizard)
        wizard.show()
        self.stack.setCurrentIndex(INTAKE)
        # The caller is on the phone: the cursor waits in the first question.
        wizard.go_to_step(
            0 if not wizard.step or wizard.step == SUMMARY else wizard.pages.currentIndex()
        )
        self.intake_did_start.emit(wizard)

    def _booking_panel_for(self, wizard: IntakeWizard) -> BookingPanel:
        """The wizard's booking panel: the one made for it already, else a new one (hidden
        until `_attach_booking` puts it in place)."""
        made = self._panels.get(wizard)
        if made is not None:
            return made
        panel = BookingPanel(self.context, wizard.booking_area, clock=self._clock)
        panel.hide()
        panel.set_booking_allowed(
            False, translate("FrontDesk", "finish the intake first") + " (Ctrl+Enter)."
        )
        panel.visit_was_booked.connect(self._booked)
        panel.return_was_requested.connect(self.show_find)
        self._panels[wizard] = panel
        wizard.destroyed.connect(lambda: self._panels.pop(wizard, None))
        return panel

    def _attach_booking(self, wizard: IntakeWizard) -> None:
        if isinstance(wizard.booking_widget, BookingPanel):
            return
        panel = self._booking_panel_for(wizard)
        del self._panels[wizard]
        panel.show()  # shown with the wizard from now on, and counted in its layout
        wizard.set_booking_widget(panel)

    def _submitted(self, intake_id: int) -> None:
        wizard, booking = self.wizard, self.booking
        if wizard is None or booking is None or wizard.patient_id is None:
            return
        booking.set_patient(wizard.patient_id, intake_id)
        if wizard.booking_allowed:
            booking.set_booking_allowed(True, "")
        else:
            booking.set_booking_allowed(
                False, translate("FrontDesk", "the screening does not allow booking.")
            )
        booking.setEnabled(wizard.booking_allowed)
        self.status_did_change.emit(
            translate("FrontDesk", "Intake stored. Choose a slot and press Enter to book.")
        )

    def _closed(self, info: Any) -> None:
        """Closed as a referral: nothing of this caller stays open here; back to the search."""
        words = (
            translate("Closing", CLOSED_WORDS[info.closing_reason])
            if info.closing_reason
            else translate("FrontDesk", "Intake closed")
        )
        self.show_find()
        self.status_did_change.emit(
            translate(
                "FrontDesk", "{words}. The clinician on duty sees it in the review queue."
            ).format(words=words)
        )

    def _booked(self, visit: Any) -> None:
        self.visit_was_booked.emit(visit)
        self.status_did_change.emit(translate("FrontDesk", "Evaluation booked."))
