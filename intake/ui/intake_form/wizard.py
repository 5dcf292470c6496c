"""The intake wizard: one step per checklist section, a summary with booking, live screening.

Everything asked comes from the checklist: a new checklist version changes the form without
code. Answers are screened on every change (pure Python, microseconds) and kept as a draft
(journal file at once, database through the worker).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from intake import screening
from intake.domain.closing import ACTION_WORDS, CLOSED_WORDS
from intake.domain.errors import DatabaseUnavailable
from intake.domain.languages import QUESTION_LANGUAGES, own_name
from intake.domain.search_query import mrn_for
from intake.screening import Checklist, ScreeningResult
from intake.screening.closing import referral_closing
from intake.screening.conditions import Facts
from intake.screening.front_desk import front_desk_view
from intake.services import intakes
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui import keys
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.idle import when_idle
from intake.ui.intake_form.autosave import DraftKeeper, DraftState
from intake.ui.intake_form.inputs import UNANSWERED, AnswerInput
from intake.ui.intake_form.recovery import UnfinishedDraft
from intake.ui.intake_form.rows import QuestionRow, SectionPage
from intake.ui.intake_form.screening_panel import LEVELS, ScreeningPanel, level_key, level_word
from intake.ui.intake_form.summary import summary_html
from intake.ui.journal import Journal
from intake.ui.languages import staff_language
from intake.ui.worker import failure_text

SUMMARY = "summary"
_IDLE_BUDGET_S = 0.008  # building while idle: short turns, so typing is never held up
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class IntakeWizard(QWidget):
    """Take one intake. Place the booking panel with `set_booking_widget`."""

    answers_did_change = Signal()
    screening_did_change = Signal(object)  # ScreeningResult
    booking_allowed_did_change = Signal(bool)
    step_did_change = Signal(str)  # a section id, or "summary"
    draft_did_save = Signal(int)  # intake id, once the database holds the latest copy
    intake_did_submit = Signal(int)  # intake id
    intake_did_close = Signal(object)  # IntakeInfo: closed as an (emergency) referral
    submit_did_fail = Signal(str)
    booking_widget: QWidget | None  # the placeholder, then the panel (set_booking_widget)

    def __init__(
        self,
        context: UiContext | None,
        *,
        checklist: Checklist | None = None,
        patient_id: int | None = None,
        patient_label: str = "",
        journal: Journal | None = None,
        today: dt.date | None = None,
        autosave_ms: int | None = None,
        saving: bool = True,
        language: str | None = None,
        parent: QWidget | None = None,
        made_ahead: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeWizard")
        # False for a form made ahead of need: it keeps nothing until `begin` names the patient.
        self._saving = saving
        self.context = context
        # Two faces of one checklist (same ids, rules and results, other words): the form's
        # questions in the patient's language, and the staff's (the side panel, the summary).
        staff = staff_language()
        given = checklist or screening.load_checklist(None, language=staff, staff_language=staff)
        self._spec = f"{given.id}-{given.version}"
        self._languages = _languages_of(self._spec, given.language)
        self.staff_checklist = given
        self.checklist = given
        if language in self._languages and language != given.language:
            self.checklist = self._in_language(language)
        self.today = today or dt.date.today()
        self._patient_id = patient_id
        self._answers: dict[str, Any] = {}
        self._result = screening.evaluate(self.checklist, {}, self.today)
        self._booking_allowed = False
        self._loading = False
        keeper_args: dict[str, Any] = {} if autosave_ms is None else {"delay_ms": autosave_ms}
        self.keeper = DraftKeeper(context, journal, self, **keeper_args)
        self.keeper.draft_did_save.connect(self.draft_did_save)
        self.keeper.status_did_change.connect(self._show_save_status)
        self._build(patient_label)
        # An empty form is nothing to keep. A form `made_ahead` of need leaves its steps, its
        # screening and its first step as pieces its maker runs on later turns
        # (`make_next_piece`), so making it is several short pieces of work, not one long
        # one (issue 25: no GUI stall over 50 ms at start-up); `begin` makes what is left.
        self._unmade = [
            self._build_steps,
            lambda: self._refresh(save=False),
            lambda: self.go_to_step(0),
        ]
        if not made_ahead:
            self.finish_making()
        # The other steps are built a few rows per turn of the event loop, so opening a
        # record never freezes the screen; one that is needed sooner is built then. A form
        # made ahead of need waits for `begin`: until then it costs only its first step.
        if saving:
            when_idle(self, self._build_next_page)

    @property
    def pieces_left(self) -> int:
        return len(self._unmade)

    def make_next_piece(self) -> None:
        """One more piece of a form made ahead (nothing once it is whole)."""
        if self._unmade:
            self._unmade.pop(0)()

    def finish_making(self) -> None:
        """What is left of a form made in turns, now (it is about to be used)."""
        while self._unmade:
            self._unmade.pop(0)()

    # ---- public surface -------------------------------------------------------------------

    @classmethod
    def for_draft(
        cls,
        context: UiContext | None,
        draft: UnfinishedDraft,
        *,
        journal: Journal | None = None,
        **options: Any,
    ) -> IntakeWizard:
        """A wizard that continues an unfinished intake from the restart offer."""
        staff = staff_language()
        checklist = screening.load_checklist(
            f"{draft.checklist_id}-{draft.checklist_version}", language=staff, staff_language=staff
        )
        wizard = cls(
            context,
            checklist=checklist,
            language=draft.language,  # a recovered draft comes back in its language
            patient_id=draft.patient_id,
            patient_label=draft.patient_label,
            journal=journal,
            **options,
        )
        wizard.load(
            draft.answers,
            intake_id=draft.intake_id,
            version=draft.version,
            journal_key=draft.journal_key,
            step=draft.step,
        )
        if draft.source == "tablet":
            wizard.show_from_tablet(finished=draft.finished_at is not None)
        return wizard

    def show_from_tablet(self, *, finished: bool = True) -> None:
        """The patient answered on the tablet: say so (and whether they touched Finish), and
        mark each question they were asked and left unanswered, for the desk to go through
        with them."""
        self._from_tablet = True
        self.tablet_notice.setText(
            self._tablet_notice_text
            + " "
            + (
                translate("IntakeWizard", "They finished on the tablet.")
                if finished
                else translate(
                    "IntakeWizard", "They have not finished (still on the tablet?): ask them first."
                )
            )
        )
        self.tablet_notice.show()
        self._refresh(save=False)

    @property
    def from_tablet(self) -> bool:
        return self._from_tablet

    def skipped_on_tablet(self) -> list[str]:
        """The questions marked as skipped by the patient (asked, still unanswered)."""
        if not self._from_tablet:
            return []
        return [qid for qid in self._result.missing if self._asked.get(qid, True)]

    @property
    def intake_id(self) -> int | None:
        return self.keeper.intake_id

    @property
    def language(self) -> str:
        """The language the questions are shown in (stored with the intake)."""
        return self.checklist.language

    def set_language(self, language: str) -> None:
        """Show the questions, their help and choices and the step titles in `language`;
        the rest of the screen and the rule messages stay in the staff's. Every answer
        given is kept (answers are by question id, never by their words); the change is
        kept with the draft like an answer."""
        if language == self.language or language not in self._languages:
            self._show_language()
            return
        kept = self._typed_answers()
        index = self.pages.currentIndex()
        had_focus = self.language_choice.hasFocus()
        self.checklist = self._in_language(language)
        self._replace_steps(kept)
        self._show_language()
        self._refresh(save=not self._loading)
        self.go_to_step(index)
        if had_focus:  # a person choosing with the keyboard stays where they were
            self.language_choice.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def patient_id(self) -> int | None:
        return self._patient_id

    @property
    def screening_result(self) -> ScreeningResult:
        return self._result

    @property
    def booking_allowed(self) -> bool:
        return self._booking_allowed

    @property
    def rows(self) -> Mapping[str, QuestionRow]:
        """Every question's row by id, in checklist order (a step not built yet is built
        when one of its rows is asked for)."""
        return _Rows(self)

    @property
    def answers(self) -> dict[str, Any]:
        """The answers to the questions asked (a skipped NDI section is None)."""
        return dict(self._answers)

    @property
    def step(self) -> str:
        index = self.pages.currentIndex()
        return SUMMARY if index == len(self.section_pages) else self.section_pages[index].section.id

    def begin(
        self,
        patient_id: int | None,
        label: str = "",
        known: dict[str, Any] | None = None,
        *,
        language: str | None = None,
    ) -> None:
        """Start this (prepared) form for a patient, with the answers the record already
        holds (`known`, screened once) and the questions in `language` (the patient's
        preferred one, when the checklist has it): from now on every change is kept."""
        self.finish_making()
        if language is not None:
            self._loading = True
            self.set_language(language)
            self._loading = False
        if not self._saving:
            self._saving = True
            when_idle(self, self._build_next_page)
        self._patient_id = patient_id
        self.patient_label.setText(
            label or ("" if patient_id is None else _record_number(patient_id))
        )
        self._loading = True
        for question_id, value in (known or {}).items():
            self.set_answer(question_id, value)
        self._loading = False
        self._refresh()

    def set_patient(self, patient_id: int | None, label: str = "") -> None:
        self._patient_id = patient_id
        self.patient_label.setText(
            label or ("" if patient_id is None else _record_number(patient_id))
        )
        self._refresh()

    def set_booking_widget(self, widget: QWidget) -> None:
        """Put the booking panel in the summary step (it replaces the placeholder)."""
        layout = self.booking_area.layout()
        assert isinstance(layout, QVBoxLayout)  # made in _build
        while layout.count():
            item = layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None and old is not self.booking_note:
                old.deleteLater()
        layout.addWidget(self.booking_note)
        layout.addWidget(widget, 1)
        self.booking_widget = widget
        widget.setEnabled(self._booking_allowed)
        self._prepare(self.summary_page)

    def load(
        self,
        answers: dict[str, Any],
        *,
        intake_id: int | None = None,
        version: int | None = None,
        journal_key: str | None = None,
        step: str = "",
    ) -> None:
        """Fill the form with a draft's answers (restart offer) and carry on saving it.
        Nothing is written (journal, database, audit trail) until a person changes it."""
        self._loading = True
        for question in self.checklist.questions:
            if question.id not in answers:
                continue
            row = self._rows.get(question.id)
            if row is None:  # its step is not built yet: it takes the answer when it is
                self._waiting[question.id] = answers[question.id]
            else:
                row.input.set_value(answers[question.id])
        self._loading = False
        self._refresh(save=False)
        ids = [page.section.id for page in self.section_pages]
        self.go_to_step(ids.index(step) if step in ids else 0)
        self.keeper.resume(journal_key, intake_id, version, self._draft_state())

    def set_answer(self, question_id: str, value: object) -> None:
        """Set one answer as if typed (scripts, tests, a pre-filled date of birth)."""
        row = self._rows.get(question_id)
        if row is not None:
            row.input.set_value(value)
        elif question_id in self._section_of:
            self._waiting[question_id] = value
            self._answer_changed()
        else:
            raise KeyError(question_id)

    def go_to_step(self, index: int) -> None:
        index = max(0, min(index, self.pages.count() - 1))
        if index < len(self.section_pages):
            self._build_page(index)
        # The summary states the screening itself; the side panel gives its room to booking.
        self.panel.setVisible(index != len(self.section_pages))
        self.pages.setCurrentIndex(index)
        if self.steps.currentRow() != index:
            self.steps.setCurrentRow(index)
        self.previous_button.setEnabled(self._neighbour(index, -1) is not None)
        self.next_button.setEnabled(self._neighbour(index, 1) is not None)
        if index == len(self.section_pages):
            self.keeper.flush()  # the booking panel wants the latest copy in the database
            self.summary.setText(summary_html(self.staff_checklist, self._result, self._view))
            self.finish_button.setFocus()
        else:
            visible = self.section_pages[index].visible_rows()
            if visible and self._saving:  # a form made ahead must not take the focus
                self._focus_row(visible[0])
        self.step_did_change.emit(self.step)

    def next_step(self) -> None:
        target = self._neighbour(self.pages.currentIndex(), 1)
        if target is not None:
            self.go_to_step(target)

    def previous_step(self) -> None:
        target = self._neighbour(self.pages.currentIndex(), -1)
        if target is not None:
            self.go_to_step(target)

    def go_to_question(self, question_id: str) -> None:
        page = self._section_of.get(question_id)
        if page is None:
            return
        self._build_page(page)
        row = self._rows[question_id]
        if self.pages.currentIndex() != page:
            self.go_to_step(page)
        self._focus_row(row)
        row.mark("jump")
        QTimer.singleShot(1500, row, lambda: row.mark(""))

    def submit(self) -> None:
        """Finish: store the final answers as submitted, then drop the journal copy."""
        if self.context is None or not self._result.complete:
            self.submit_did_fail.emit(
                translate(
                    "IntakeWizard", "The screening is incomplete; answer the questions listed."
                )
            )
            return
        self.keeper.flush(force=self.keeper.intake_id is None)  # a copy only in the journal
        self.finish_button.setEnabled(False)
        self._submit_deadline = dt.datetime.now() + dt.timedelta(seconds=15)
        QTimer.singleShot(0, self, self._submit_when_saved)

    @classmethod
    def ask_close(cls, parent: QWidget, words: str, answered: int) -> bool:
        """One question before an intake ends for good (tests answer it without a dialog)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            words,
            translate(
                "IntakeWizard",
                "{action}? The intake is stored with the answers given ({count}) and no more "
                "questions; the clinician on duty sees it in the review queue. It cannot be "
                "continued afterwards.",
            ).format(action=words, count=answered),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(words)
        box.button(QMessageBox.StandardButton.No).setText(translate("IntakeWizard", "Keep asking"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)  # the caller must go: Enter
        return box.exec() == QMessageBox.StandardButton.Yes

    def close_as_referral(self) -> None:
        """End the intake here (emergency or referral triage), once asked: store it with what
        was asked, closed, then drop the journal copy; no draft is left behind."""
        if self.context is None or referral_closing(self._result) is None:
            self.submit_did_fail.emit(
                translate(
                    "IntakeWizard", "Only an emergency or referral screening closes an intake."
                )
            )
            return
        if not self.ask_close(self, self.close_button.text(), len(self._answers)):
            return
        self.keeper.flush(force=self.keeper.intake_id is None)
        self.close_button.setEnabled(False)
        self.finish_button.setEnabled(False)
        self._submit_deadline = dt.datetime.now() + dt.timedelta(seconds=15)
        QTimer.singleShot(0, self, lambda: self._submit_when_saved(close=True))

    # ---- building -------------------------------------------------------------------------

    def _build(self, patient_label: str) -> None:
        self._from_tablet = False
        self.booking_widget = None  # a placeholder once the summary is built
        self._tablet_notice_text = translate(
            "IntakeWizard",
            "Filled in by the patient on the tablet — check each answer with them. "
            "Questions they skipped are marked “Skipped on the tablet”.",
        )
        self.tablet_notice = QLabel(self._tablet_notice_text)
        self.tablet_notice.setObjectName("tabletNotice")
        self.tablet_notice.setWordWrap(True)
        self.tablet_notice.setAccessibleName(translate("IntakeWizard", "From the tablet"))
        self.tablet_notice.setStyleSheet(
            "QLabel#tabletNotice { background: #fff4ce; color: #1a1a1a; border: 1px solid "
            "#b7950b; border-radius: 4px; padding: 6px 10px; font-weight: bold; }"
        )
        self.tablet_notice.hide()
        self.title = QLabel(self.checklist.title)
        self.title.setObjectName("wizardTitle")
        self.patient_label = QLabel(patient_label)
        self.patient_label.setObjectName("wizardPatient")
        self.save_status = QLabel(translate("IntakeWizard", "Not saved yet"))
        self.save_status.setObjectName("saveStatus")
        self.save_status.setAccessibleName(translate("IntakeWizard", "Save status"))
        for label in (self.title, self.patient_label):
            label.setWordWrap(True)  # two lines on a narrow screen, not a wider window
        # The patient's language for the questions only; buttons and rule messages stay in
        # the staff's. Each language in its own words, so the patient can point at theirs.
        self.language_choice = QComboBox()
        self.language_choice.setObjectName("questionLanguage")
        self.language_choice.setAccessibleName(translate("IntakeWizard", "Questions in"))
        self.language_choice.setToolTip(
            translate(
                "IntakeWizard",
                "The language the questions are read to the patient in; answers are kept",
            )
        )
        for code in self._languages:
            self.language_choice.addItem(own_name(code), code)
        self.language_choice.setEnabled(len(self._languages) > 1)
        language_label = QLabel(translate("IntakeWizard", "Questions in:"))
        language_label.setBuddy(self.language_choice)
        self.language_choice.activated.connect(
            lambda index: self.set_language(str(self.language_choice.itemData(index)))
        )
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.patient_label, 1)
        header.addWidget(language_label)
        header.addWidget(self.language_choice)
        header.addWidget(self.save_status)
        self._show_language()

        self.steps = QListWidget()
        self.steps.setObjectName("stepList")
        self.steps.setAccessibleName(
            translate("IntakeWizard", "Steps (Alt+Left and Alt+Right move between them)")
        )
        self.pages = QStackedWidget()
        self.section_pages: list[SectionPage] = []
        self._rows: dict[str, QuestionRow] = {}  # of the steps built so far
        self._waiting: dict[str, Any] = {}  # answers for steps not built yet
        self._asked: dict[str, bool] = {}  # whether each question applies, as answered
        self._section_of = {
            q.id: index
            for index, section in enumerate(self.checklist.sections)
            for q in section.questions
        }
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.steps.setItemDelegate(_StepDelegate(self.steps))
        char = self.fontMetrics().averageCharWidth()
        self.steps.setMinimumWidth(char * 20)
        self.steps.setMaximumWidth(char * 32)

        self.previous_button = QPushButton(translate("IntakeWizard", "◀ Previous step"))
        self.previous_button.setToolTip(translate("IntakeWizard", "Alt+Left or Ctrl+Page Up"))
        self.previous_button.setAccessibleName(translate("IntakeWizard", "Previous step"))
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton(translate("IntakeWizard", "Next step ▶"))
        self.next_button.setObjectName("nextButton")
        self.next_button.setToolTip(translate("IntakeWizard", "Alt+Right or Ctrl+Page Down"))
        self.next_button.setAccessibleName(translate("IntakeWizard", "Next step"))
        self.next_button.clicked.connect(self.next_step)
        hint = QLabel(
            translate("IntakeWizard", "Enter: next question · Alt+→ / Alt+←: next / previous step")
        )
        hint.setObjectName("keyHint")
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Two lines where the buttons leave too little room (a longer language, 1024 px).
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(hint, 1, Qt.AlignmentFlag.AlignCenter)
        navigation.addWidget(self.next_button)

        self.panel = ScreeningPanel(self.staff_checklist)
        self.panel.setMinimumWidth(char * 26)
        self.panel.setMaximumWidth(char * 44)
        self.panel.question_was_chosen.connect(self.go_to_question)

        self.stop_bar = QFrame()
        self.stop_bar.setObjectName("stopBar")
        self.stop_icon = QLabel()
        self.stop_text = QLabel()
        self.stop_text.setObjectName("stopText")
        self.stop_text.setWordWrap(True)
        self.stop_text.setAccessibleName(translate("IntakeWizard", "Urgent screening result"))
        bar_layout = QVBoxLayout(self.stop_bar)
        bar = QHBoxLayout()
        bar_layout.addLayout(bar)
        bar.addWidget(self.stop_icon, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(self.stop_text, 1)
        # The caller must hang up and get care: the intake ends here, with what was asked.
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeReferralButton")
        self.close_button.setToolTip(
            translate(
                "IntakeWizard",
                "Stores the intake with its screening and the answers so far, no more "
                "questions; the clinician on duty sees it in the review queue",
            )
        )
        self.close_button.clicked.connect(self.close_as_referral)
        # Under the words, so the words keep the bar's width on a narrow screen.
        bar_layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.stop_bar.hide()
        middle = QVBoxLayout()
        middle.addWidget(self.stop_bar)
        middle.addWidget(self.pages, 1)
        middle.addLayout(navigation)
        body = QHBoxLayout()
        body.addWidget(self.steps, 2)
        body.addLayout(middle, 5)
        body.addWidget(self.panel, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tablet_notice)
        layout.addLayout(body, 1)

        for sequence, meaning, slot in (
            ("Alt+Right", keys.NEXT, self.next_step),
            ("Ctrl+PgDown", keys.NEXT, self.next_step),
            ("Alt+Left", keys.PREVIOUS, self.previous_step),
            ("Ctrl+PgUp", keys.PREVIOUS, self.previous_step),
        ):
            shortcut = keys.means(QShortcut(QKeySequence(sequence), self), meaning)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)  # while it shows
            shortcut.activated.connect(slot)

    def _build_steps(self) -> None:
        """The steps and the summary, into the frame `_build` made.

        They go in only now, into a frame already in place: with the program's style
        sheet, moving a built subtree under a new parent re-styles all of it, so building
        bottom-up and then attaching cost several times the building itself. Their
        questions are built later (see _build_page)."""
        number = 1
        for section in self.checklist.sections:
            page = SectionPage(section, number, self.today, parent=self.pages)
            number += len(section.questions)
            self.section_pages.append(page)
            self.pages.addWidget(page)
            self.steps.addItem(QListWidgetItem(section.title))
        self.steps.addItem(QListWidgetItem(translate("IntakeWizard", "Summary and booking")))
        self.pages.addWidget(self._build_summary())
        self.steps.currentRowChanged.connect(self._step_clicked)

    def _in_language(self, language: str) -> Checklist:
        return screening.load_checklist(
            self._spec, language=language, staff_language=self.staff_checklist.staff_language
        )

    def _show_language(self) -> None:
        index = self.language_choice.findData(self.language)
        if index >= 0 and index != self.language_choice.currentIndex():
            self.language_choice.setCurrentIndex(index)

    def _typed_answers(self) -> dict[str, Any]:
        """Every answer on the form, asked or not at the moment (a question hidden by an
        earlier answer keeps what was typed in it), and those waiting for their step."""
        found = dict(self._waiting)
        for question_id, row in self._rows.items():
            value = row.input.value()
            if value is not UNANSWERED:
                found[question_id] = value
        return found

    def _replace_steps(self, answers: dict[str, Any]) -> None:
        """New steps from `self.checklist` in place of the old ones, holding `answers`."""
        for page in self.section_pages:
            self.pages.removeWidget(page)
            page.deleteLater()
        self.section_pages = []
        self._rows = {}
        self._waiting = dict(answers)
        number = 1
        for index, section in enumerate(self.checklist.sections):
            page = SectionPage(section, number, self.today, parent=self.pages)
            number += len(section.questions)
            self.section_pages.append(page)
            self.pages.insertWidget(index, page)
            self.steps.item(index).setText(section.title)
        if self._saving:
            when_idle(self, self._build_next_page)

    def _build_page(self, index: int, budget_s: float | None = None) -> None:
        """Build a step's questions not built yet (within `budget_s` seconds if given),
        with any answers waiting for them."""
        rows = self.section_pages[index].build(budget_s)
        if not rows:
            return
        self._loading = True
        for row in rows:
            self._rows[row.question.id] = row
            row.set_asked(self._asked.get(row.question.id, True))
            if row.question.id in self._waiting:
                row.input.set_value(self._waiting.pop(row.question.id))
            row.input.answer_did_change.connect(self._answer_changed)
            self._watch_enter(row.input)
        self._loading = False
        if self._from_tablet:
            self._mark_skipped()

    def _mark_skipped(self) -> None:
        missing = set(self._result.missing)
        for question_id, row in self._rows.items():
            row.set_skipped(question_id in missing)

    def _build_next_page(self) -> None:
        """One small piece of the steps not built yet; again on the next turn until done."""
        waiting = [i for i, page in enumerate(self.section_pages) if not page.built]
        if not waiting:
            return
        index = waiting[0]
        self._build_page(index, _IDLE_BUDGET_S)
        page = self.section_pages[index]
        if page.built:
            self._prepare(page)
        if not page.built or len(waiting) > 1:
            when_idle(self, self._build_next_page)

    def _prepare(self, page: QScrollArea) -> None:
        """Style and lay out a step while idle, so moving to it later only paints."""
        page.setGeometry(self.pages.rect())
        if body := page.widget():
            body.ensurePolished()
            width = page.viewport().width()
            body.resize(width, max(body.heightForWidth(width), body.sizeHint().height()))

    def _build_summary(self) -> QWidget:
        self.summary = QLabel()
        self.summary.setObjectName("summaryText")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(translate("IntakeWizard", "Screening summary"))
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.booking_area = QGroupBox(translate("IntakeWizard", "Booking"))
        self.booking_area.setObjectName("bookingArea")
        self.booking_note = QLabel()
        self.booking_note.setObjectName("bookingNote")
        self.booking_note.setWordWrap(True)
        self.booking_widget = QLabel(translate("IntakeWizard", "The slot finder appears here."))
        self.booking_widget.setObjectName("bookingPlaceholder")
        area = QVBoxLayout(self.booking_area)
        area.addWidget(self.booking_note)
        area.addWidget(self.booking_widget, 1)
        self.finish_button = QPushButton(translate("IntakeWizard", "Finish intake"))
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setAccessibleName(translate("IntakeWizard", "Finish intake"))
        self.finish_button.setToolTip(
            translate("IntakeWizard", "Stores the intake as submitted (Ctrl+Enter)")
        )
        self.finish_button.clicked.connect(self.submit)
        finish = QShortcut(QKeySequence("Ctrl+Return"), self)
        finish.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        finish.activated.connect(lambda: self.submit() if self.step == SUMMARY else None)
        title = QLabel(translate("IntakeWizard", "Summary and booking"))
        title.setObjectName("sectionTitle")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.booking_area, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.summary_page = scroll
        return scroll

    # ---- answers and screening ------------------------------------------------------------

    def _answer_changed(self) -> None:
        if not self._loading:
            self._refresh()

    def _refresh(self, *, save: bool = True) -> None:
        asked: dict[str, Any] = {}
        in_force: dict[str, object] = {}
        for question in self.checklist.questions:
            condition = question.asked_when
            shown = (
                condition is None or condition.evaluate(Facts(in_force, self.today)).value is True
            )
            self._asked[question.id] = shown
            row = self._rows.get(question.id)
            if row is not None:
                row.set_asked(shown)
                value = row.input.value()
            else:
                value = self._waiting.get(question.id, UNANSWERED)
            if not shown or value is UNANSWERED:
                continue
            asked[question.id] = value
            if value is not None:
                in_force[question.id] = value
        self._answers = asked
        self._result = screening.evaluate(self.checklist, asked, self.today)
        if self._from_tablet:
            self._mark_skipped()
        self._view = front_desk_view(self.staff_checklist, asked, self._result, self.today)
        self.panel.show_result(self._result, self._view)
        self._show_stop_bar()
        self._show_steps()
        self._update_booking()
        if self.step == SUMMARY:
            self.summary.setText(summary_html(self.staff_checklist, self._result, self._view))
        self.screening_did_change.emit(self._result)
        self.answers_did_change.emit()
        if save and self._saving:
            self.keeper.changed(self._draft_state())

    def _draft_state(self) -> DraftState:
        return DraftState(
            answers=dict(self._answers),
            checklist_id=self.checklist.id,
            checklist_version=self.checklist.version,
            patient_id=self._patient_id,
            step=self.step,
            on=self.today,
            language=self.language,
        )

    def _show_steps(self) -> None:
        missing = set(self._result.missing)
        for index, page in enumerate(self.section_pages):
            item = self.steps.item(index)
            visible = self._asked_in(index)
            still = sum(1 for qid in visible if qid in missing)
            if not visible:
                text = translate("IntakeWizard", "{step} (not asked)").format(
                    step=page.section.title
                )
                enabled = False
            elif still:
                text = translate("IntakeWizard", "{step} · {count} to answer").format(
                    step=page.section.title, count=still
                )
                enabled = True
            else:
                answered = any(qid in self._answers for qid in visible)
                text, enabled = f"{page.section.title}{'  ✓' if answered else ''}", True
            item.setText(text)
            flags = item.flags()
            item.setFlags(
                flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled
            )
        summary = self.steps.item(len(self.section_pages))
        summary.setText(
            translate("IntakeWizard", "Summary and booking · {level}").format(
                level=level_word(level_key(self._result)).split(" – ")[0]
            )
        )

    def _show_stop_bar(self) -> None:
        """Emergency and refer also show across the form: the caller is still on the line."""
        key = level_key(self._result)
        if key not in ("emergency", "refer"):
            self.stop_bar.hide()
            return
        word, pixmap = level_word(key), LEVELS[key][2]
        size = self.stop_text.fontMetrics().height() * 2
        self.stop_icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self.stop_text.setText(
            translate("IntakeWizard", "{level}: {meaning}").format(
                level=word, meaning=self._view.meaning
            )
        )
        closing = referral_closing(self._result)
        if closing is not None:
            self.close_button.setText(translate("Closing", ACTION_WORDS[closing]))
            self.close_button.setAccessibleName(translate("Closing", ACTION_WORDS[closing]))
        self.close_button.setVisible(closing is not None and self.context is not None)
        for widget in (self.stop_bar, self.stop_text):
            widget.setProperty("triage", key)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.stop_bar.show()

    def _update_booking(self) -> None:
        result = self._result
        gate = screening.may_book(
            self.checklist,
            self._answers,
            complete=result.complete,
            triage=result.triage,
            missing=result.missing,
        )
        allowed = gate.allowed
        key = level_key(result)
        if allowed and gate.needs_review:
            note = translate(
                "IntakeWizard",
                "Booking allowed – marked for the therapist's review before the visit.",
            )
        elif allowed:
            note = translate("IntakeWizard", "Booking allowed.")
        elif gate.hold in (screening.Hold.EMERGENCY, screening.Hold.REFER):
            note = translate("IntakeWizard", "Booking disabled. {meaning}").format(
                meaning=self._view.meaning
            )
        elif gate.hold is screening.Hold.INCOMPLETE:
            note = translate(
                "IntakeWizard", "Booking waits: {count} required questions are unanswered."
            ).format(count=len(result.missing))
        else:
            note = translate("IntakeWizard", "Booking waits: {reason}").format(reason=gate.message)
        self.booking_note.setText(note)
        self.booking_note.setProperty("triage", key if not allowed else result.triage.value)
        self.booking_note.style().unpolish(self.booking_note)
        self.booking_note.style().polish(self.booking_note)
        if self.booking_widget is not None:
            self.booking_widget.setEnabled(allowed)
        self.finish_button.setEnabled(result.complete and self.context is not None)
        if allowed != self._booking_allowed:
            self._booking_allowed = allowed
            self.booking_allowed_did_change.emit(allowed)

    # ---- moving around --------------------------------------------------------------------

    def _neighbour(self, index: int, direction: int) -> int | None:
        target = index + direction
        while 0 <= target < self.pages.count():
            if target == len(self.section_pages) or self._asked_in(target):
                return target
            target += direction
        return None

    def _asked_in(self, index: int) -> list[str]:
        """The ids of the questions of a step that apply, as answered so far."""
        section = self.checklist.sections[index]
        return [q.id for q in section.questions if self._asked.get(q.id, True)]

    def _step_clicked(self, row: int) -> None:
        if row >= 0 and row != self.pages.currentIndex():
            self.go_to_step(row)

    def _focus_row(self, row: QuestionRow) -> None:
        page = next(p for p in self.section_pages if row in p.rows)
        widget = row.input.focus_widget()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        page.ensureWidgetVisible(row, 0, 40)

    def _watch_enter(self, answer_input: AnswerInput) -> None:
        for widget in [answer_input, *answer_input.findChildren(QWidget)]:
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            row = _owning_row(watched)
            if row is not None:
                self._move_on_from(row)
                return True
        return super().eventFilter(watched, event)

    def _move_on_from(self, row: QuestionRow) -> None:
        page_index = next(i for i, p in enumerate(self.section_pages) if row in p.rows)
        visible = self.section_pages[page_index].visible_rows()
        position = visible.index(row) if row in visible else -1
        if position + 1 < len(visible):
            self._focus_row(visible[position + 1])
        else:
            self.next_step()

    def _show_save_status(self, text: str) -> None:
        self.save_status.setText(text)

    # ---- submitting -----------------------------------------------------------------------

    def _submit_when_saved(self, *, close: bool = False) -> None:
        if self.keeper.stopped or dt.datetime.now() > self._submit_deadline:
            self._submit_failed(
                DatabaseUnavailable(
                    translate(
                        "IntakeWizard",
                        "Not finished: the database did not take the latest copy. The intake "
                        "is kept on this computer; try again in a moment.",
                    )
                )
            )
            return
        if self.keeper.intake_id is None or self.keeper.pending:
            QTimer.singleShot(50, self, lambda: self._submit_when_saved(close=close))
            return
        assert self.context is not None
        intake_id, version = self.keeper.intake_id, self.keeper.version or 0
        answers, patient_id, on = dict(self._answers), self._patient_id, self.today
        language = self.language

        def work(database: Database, actor: Actor) -> intakes.IntakeInfo:
            return intakes.submit(
                database, actor, intake_id, version, answers, patient_id=patient_id, on=on,
                language=language,
            )  # fmt: skip

        def closing(database: Database, actor: Actor) -> intakes.IntakeInfo:
            return intakes.close_as_referral(
                database,
                actor,
                answers,
                intake_id=intake_id,
                version=version,
                patient_id=patient_id,
                on=on,
                language=language,
            )

        if close:
            self.context.run(closing, self._closed, self._submit_failed)
        else:
            self.context.run(work, self._submitted, self._submit_failed)

    def _submitted(self, info: intakes.IntakeInfo) -> None:
        self.keeper.forget()
        self.keeper.stopped = True
        self.save_status.setText(translate("IntakeWizard", "Intake finished and stored"))
        self.finish_button.setEnabled(False)
        self.intake_did_submit.emit(info.id)

    def _closed(self, info: intakes.IntakeInfo) -> None:
        self.keeper.forget()
        self.keeper.stopped = True
        words = (
            translate("Closing", CLOSED_WORDS[info.closing_reason])
            if info.closing_reason
            else translate("IntakeWizard", "Closed")
        )
        self.save_status.setText(
            translate(
                "IntakeWizard", "{closed}: the clinician on duty sees it in the review queue"
            ).format(closed=words)
        )
        self.finish_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.intake_did_close.emit(info)

    def _submit_failed(self, error: BaseException) -> None:
        message = failure_text(error)
        self.finish_button.setEnabled(self._result.complete)
        self.close_button.setEnabled(True)
        self.save_status.setText(message)
        self.submit_did_fail.emit(message)


class _StepDelegate(QStyledItemDelegate):
    """A step's name measured at the width it is painted at. The style sheet's item padding
    (intake.qss: 8 px each side) is added around a size measured at the full width, so a
    name that needs one more line at the narrower width (a long Spanish title) was cut short
    with "…"."""

    PADDING = 16

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> Any:
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -self.PADDING, 0)
        return super().sizeHint(narrower, index)


def _record_number(patient_id: int) -> str:
    return translate("IntakeWizard", "Record no. {number}").format(number=mrn_for(patient_id))


def _languages_of(spec: str, language: str) -> tuple[str, ...]:
    """The languages a packaged checklist's questions can be shown in (a checklist read from
    elsewhere: its own only)."""
    try:
        return tuple(c for c in screening.checklist_languages(spec) if c in QUESTION_LANGUAGES)
    except screening.ChecklistError:
        return (language,)


class _Rows(Mapping[str, QuestionRow]):
    """The wizard's rows by question id; asking for one builds its step if need be."""

    def __init__(self, wizard: IntakeWizard) -> None:
        self._wizard = wizard

    def __getitem__(self, question_id: str) -> QuestionRow:
        index = self._wizard._section_of[question_id]  # KeyError for an unknown id
        self._wizard._build_page(index)
        return self._wizard._rows[question_id]

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._wizard._section_of

    def __iter__(self) -> Iterator[str]:
        return iter(self._wizard._section_of)

    def __len__(self) -> int:
        return len(self._wizard._section_of)


def _owning_row(widget: QObject | None) -> QuestionRow | None:
    while widget is not None and not isinstance(widget, QuestionRow):
        widget = widget.parent()
    return widget
