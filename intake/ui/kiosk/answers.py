"""The tablet's answer controls: big touch targets (at least 44 px), the checklist's own
choices in the patient's language, and the chosen one marked by a tick and a thick border
as well as its colour (no colour-only meaning).

Each control holds one question's answer (`value()`, UNANSWERED until touched) and says
when it changes (`answer_did_change`), like the desk's inputs (intake_form/inputs.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.screening import Question, QuestionType
from intake.ui.flow_layout import FlowLayout, wrapping
from intake.ui.i18n import translate
from intake.ui.intake_form.inputs import UNANSWERED

TICK = "✓ "  # chosen
OPEN = "○ "  # not chosen: as wide as the tick, so the button need not grow when touched
TARGET = 56  # px: above the 44 px minimum for a finger


class ChoiceButton(QPushButton):
    """A checkable button whose text shows a tick when chosen (not colour alone)."""

    def __init__(self, label: str, question: str) -> None:
        super().__init__(OPEN + label)
        self.label = label
        self.setCheckable(True)
        self.setMinimumHeight(TARGET)
        self.setMinimumWidth(TARGET)
        self.setObjectName("kioskChoice")
        self.setAccessibleName(f"{question}: {label}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggled.connect(self._mark)

    def _mark(self, checked: bool) -> None:
        self.setText((TICK if checked else OPEN) + self.label)


class KioskAnswer(QWidget):
    answer_did_change = Signal()

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question
        self.setAccessibleName(question.text)

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError


class ButtonsAnswer(KioskAnswer):
    """One of several (yes/no, a choice, a scale), or several of several (multi)."""

    def __init__(self, question: Question, options: list[tuple[object, str]]) -> None:
        super().__init__(question)
        self.multi = question.type == QuestionType.MULTI
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multi)
        self.buttons: list[tuple[object, ChoiceButton]] = []
        self._touched = False
        layout = FlowLayout(self)
        wrapping(self)
        if self.multi:
            options = [*options, (None, translate("KioskAnswers", "None of these"))]
        if question.skippable:
            options = [*options, (None, translate("KioskAnswers", "Does not apply to me"))]
        for value, label in options:
            button = ChoiceButton(label, question.text)
            self.group.addButton(button)
            self.buttons.append((value, button))
            layout.addWidget(button)
        self.group.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        self._touched = True
        if self.multi:
            none = self.buttons[-1][1]
            if button is none and none.isChecked():
                for _v, other in self.buttons[:-1]:
                    other.setChecked(False)
            elif button is not none:
                none.setChecked(False)
        self.answer_did_change.emit()

    def value(self) -> object:
        if self.multi:
            chosen = [v for v, b in self.buttons if b.isChecked() and v is not None]
            return (
                chosen
                if self._touched and (chosen or self.buttons[-1][1].isChecked())
                else (UNANSWERED)
            )
        for value, button in self.buttons:
            if button.isChecked():
                return value
        return UNANSWERED

    def set_value(self, value: object) -> None:
        if value is UNANSWERED:
            return
        self._touched = True
        if self.multi and isinstance(value, list):
            for v, button in self.buttons:
                button.setChecked(v in value if v is not None else not value)
            return
        for v, button in self.buttons:
            if v == value:
                button.setChecked(True)


class NumberAnswer(KioskAnswer):
    """A whole number typed with the on-screen or real keyboard."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        self.field = QLineEdit()
        self.field.setMinimumHeight(TARGET)
        self.field.setMaximumWidth(240)
        self.field.setAccessibleName(question.text)
        self.field.setPlaceholderText(translate("KioskAnswers", "Type a number"))
        low = int(question.minimum) if question.minimum is not None else 0
        high = int(question.maximum) if question.maximum is not None else 100000
        self.field.setValidator(QIntValidator(low, high, self.field))
        self.field.textChanged.connect(lambda _text: self.answer_did_change.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addStretch(1)

    def value(self) -> object:
        text = self.field.text().strip()
        return int(text) if self.field.hasAcceptableInput() and text else UNANSWERED

    def set_value(self, value: object) -> None:
        if isinstance(value, int | float):
            self.field.setText(str(int(value)))


class DateAnswer(KioskAnswer):
    """Day, month and year in three fields (no format to learn)."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        self.day, self.month, self.year = (
            date_part(translate("KioskAnswers", "Day"), 1, 31, 80),
            date_part(translate("KioskAnswers", "Month"), 1, 12, 80),
            date_part(translate("KioskAnswers", "Year"), 1900, 2100, 120),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in (self.day, self.month, self.year):
            part.textChanged.connect(lambda _text: self.answer_did_change.emit())
            layout.addWidget(part)
        layout.addStretch(1)

    def value(self) -> object:
        import datetime as dt

        try:
            day = dt.date(int(self.year.text()), int(self.month.text()), int(self.day.text()))
        except ValueError:
            return UNANSWERED
        return day.isoformat()

    def set_value(self, value: object) -> None:
        if isinstance(value, str) and len(value) == 10:
            self.year.setText(value[:4])
            self.month.setText(str(int(value[5:7])))
            self.day.setText(str(int(value[8:10])))


def date_part(name: str, low: int, high: int, width: int) -> QLineEdit:
    part = QLineEdit()
    part.setPlaceholderText(name)
    part.setAccessibleName(name)
    part.setValidator(QIntValidator(low, high, part))
    part.setMinimumHeight(TARGET)
    part.setFixedWidth(width + 40)
    return part


def make_answer(question: Question) -> KioskAnswer:
    kind = question.type
    if kind == QuestionType.YESNO:
        yes_no: list[tuple[object, str]] = [
            (True, translate("KioskAnswers", "Yes")),
            (False, translate("KioskAnswers", "No")),
        ]
        return ButtonsAnswer(question, yes_no)
    if kind in (QuestionType.CHOICE, QuestionType.MULTI):
        return ButtonsAnswer(question, [(c.value, c.label) for c in question.choices])
    if kind == QuestionType.SCALE:
        low, high = int(question.minimum or 0), int(question.maximum or 10)
        return ButtonsAnswer(question, [(n, str(n)) for n in range(low, high + 1)])
    if kind == QuestionType.DATE:
        return DateAnswer(question)
    return NumberAnswer(question)


class QuestionCard(QFrame):
    """A question as the patient reads it: the text, its help, and the big answer buttons."""

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.setObjectName("kioskQuestion")
        self.question = question
        self.answer = make_answer(question)
        text = QLabel(question.text)
        text.setObjectName("kioskQuestionText")
        text.setWordWrap(True)
        text.setBuddy(self.answer)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(text)
        if question.help:
            hint = QLabel(question.help)
            hint.setObjectName("kioskHelp")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addWidget(self.answer)
