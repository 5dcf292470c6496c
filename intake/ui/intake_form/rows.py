"""A question on the form (label, help, input) and a page of them (one checklist section)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from intake.screening import Question, Section
from intake.ui.intake_form.inputs import AnswerInput, make_input


class QuestionRow(QFrame):
    def __init__(self, question: Question, number: int, today: dt.date) -> None:
        super().__init__()
        self.question = question
        self.setObjectName("questionRow")
        self.input: AnswerInput = make_input(question, today)
        mark = ' <span style="color:#c53030">*</span>' if question.required else ""
        self.label = QLabel(f"{number}. {_escape(question.text)}{mark}")
        self.label.setObjectName("questionText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setBuddy(self.input.focus_widget())
        if question.required:
            self.label.setToolTip("Required")
            described = self.input.accessibleDescription()
            self.input.setAccessibleDescription(f"Required. {described}".strip())
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

    def mark(self, flag: str) -> None:
        """Highlight the row ("jump" after a click in the missing list, "" to clear)."""
        self.setProperty("mark", flag)
        self.style().unpolish(self)
        self.style().polish(self)


class SectionPage(QScrollArea):
    """One step of the wizard: a checklist section's questions, top to bottom."""

    def __init__(self, section: Section, first_number: int, today: dt.date) -> None:
        super().__init__()
        self.section = section
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("sectionBody")
        layout = QVBoxLayout(body)
        layout.setSpacing(4)
        title = QLabel(section.title)
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.rows: list[QuestionRow] = []
        for offset, question in enumerate(section.questions):
            row = QuestionRow(question, first_number + offset, today)
            self.rows.append(row)
            layout.addWidget(row)
        layout.addStretch(1)
        self.setWidget(body)

    def visible_rows(self) -> list[QuestionRow]:
        return [row for row in self.rows if not row.isHidden()]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
