"""A question on the form (label, help, input) and a page of them (one checklist section)."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from intake.screening import Question, Section
from intake.ui.i18n import translate
from intake.ui.intake_form.inputs import AnswerInput, make_input


class QuestionRow(QFrame):
    def __init__(
        self, question: Question, number: int, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self._asked = True
        self.setObjectName("questionRow")
        self.input: AnswerInput = make_input(question, today)
        mark = ' <span style="color:#c53030">*</span>' if question.required else ""
        self.label = QLabel(f"{number}. {_escape(question.text)}{mark}")
        self.label.setObjectName("questionText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setBuddy(self.input.focus_widget())
        if question.required:
            self.label.setToolTip(translate("IntakeForm", "Required"))
            described = self.input.accessibleDescription()
            required = translate("IntakeForm", "Required.")
            self.input.setAccessibleDescription(f"{required} {described}".strip())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(3)
        layout.addWidget(self.label)
        if question.help:
            hint = QLabel(question.help)
            hint.setObjectName("questionHelp")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addWidget(self.input)
        self.skipped_note: QLabel | None = None  # made when first needed (tablet drafts)

    @property
    def skipped(self) -> bool:
        return self.skipped_note is not None and not self.skipped_note.isHidden()

    def set_skipped(self, skipped: bool) -> None:
        """Mark a question the patient left unanswered on the tablet (in words, not colour
        alone); the mark goes once the desk answers it."""
        if self.skipped_note is None:
            if not skipped:
                return
            words = translate("IntakeForm", "Skipped on the tablet")
            self.skipped_note = QLabel(f"⚠ {words}")
            self.skipped_note.setObjectName("skippedOnTablet")
            self.skipped_note.setStyleSheet("color: #8a4b00; font-weight: bold;")
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.skipped_note)
            described = self.input.accessibleDescription()
            self.input.setAccessibleDescription(f"{words}. {described}".strip())
        self.skipped_note.setHidden(not skipped)

    @property
    def asked(self) -> bool:
        """Whether the question applies, as the answers so far say (whatever is on screen)."""
        return self._asked

    def set_asked(self, asked: bool) -> None:
        """Show or hide the question; touches the widget only on a change (every answer
        re-evaluates every question, and hiding or showing a widget is not free)."""
        if asked != self._asked:
            self._asked = asked
            self.setHidden(not asked)

    def mark(self, flag: str) -> None:
        """Highlight the row ("jump" after a click in the missing list, "" to clear)."""
        self.setProperty("mark", flag)
        self.style().unpolish(self)
        self.style().polish(self)


class SectionPage(QScrollArea):
    """One step of the wizard: a checklist section's questions, top to bottom.

    The frame is cheap; the questions are built by `build()` (the wizard builds the first
    step at once and the others a step per turn of the event loop, or when first needed).
    """

    def __init__(
        self, section: Section, first_number: int, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.section = section
        self._first_number = first_number
        self._today = today
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.rows: list[QuestionRow] = []
        self.built = False

    def build(self, budget_s: float | None = None) -> list[QuestionRow]:
        """Build the questions not built yet, in order, stopping once `budget_s` seconds
        are spent (None: all of them); the new rows."""
        if self.built:
            return []
        if self.widget() is None:
            body = QWidget()
            body.setObjectName("sectionBody")
            self.setWidget(body)  # in place before the rows: see IntakeWizard._build
            layout = QVBoxLayout(body)
            layout.setSpacing(4)
            title = QLabel(self.section.title)
            title.setObjectName("sectionTitle")
            title.setWordWrap(True)
            layout.addWidget(title)
            layout.addStretch(1)
        section_body = self.widget()
        assert section_body is not None  # set just above
        body_layout = section_body.layout()
        assert isinstance(body_layout, QVBoxLayout)
        started = time.perf_counter()
        new: list[QuestionRow] = []
        questions = self.section.questions
        while len(self.rows) < len(questions):
            offset = len(self.rows)
            row = QuestionRow(
                questions[offset], self._first_number + offset, self._today, section_body
            )
            self.rows.append(row)
            new.append(row)
            body_layout.insertWidget(body_layout.count() - 1, row)  # before the closing stretch
            if budget_s is not None and time.perf_counter() - started >= budget_s:
                break
        self.built = len(self.rows) == len(questions)
        return new

    def visible_rows(self) -> list[QuestionRow]:
        return [row for row in self.rows if row.asked]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
