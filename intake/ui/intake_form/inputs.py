"""One input per question type, built from the checklist's question (never hard-coded).

Every input starts unanswered (a yes/no has no default), says what it holds through
`value()`, announces changes with `answer_did_change`, and names itself for screen readers.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from intake.screening import Question, QuestionType
from intake.ui.flow_layout import FlowLayout, wrapping
from intake.ui.i18n import translate
from intake.ui.intake_form.dates import parse_date, readable


class _Unanswered:
    def __repr__(self) -> str:
        return "UNANSWERED"


UNANSWERED: object = _Unanswered()  # no answer given (a skipped NDI section is None instead)
RADIO_LIMIT = 5  # more choices than this become a drop-down list
_ARROWS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}


class AnswerInput(QWidget):
    """The common face of every question's input."""

    answer_did_change = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setAccessibleName(question.text)
        self.setAccessibleDescription(question.help)

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self

    def problem(self) -> str:
        """What is wrong with what was typed (shown next to the field), or ""."""
        return ""

    def _name(self, part: str) -> str:
        return f"{self.question.text} – {part}"


class _ButtonsInput(AnswerInput):
    """Radio buttons, none checked until the person chooses."""

    def __init__(self, question: Question, options: list[tuple[object, str]]) -> None:
        super().__init__(question)
        self.group = QButtonGroup(self)
        self.buttons: list[tuple[object, QRadioButton]] = []
        layout = FlowLayout(self)  # choices wrap onto the next line, never scroll sideways
        wrapping(self)
        for value, label in options:
            button = QRadioButton(label)
            button.setAccessibleName(self._name(label))
            button.setAccessibleDescription(question.help)
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons.append((value, button))
            layout.addWidget(button)
        self.group.buttonToggled.connect(self._toggled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys answer: ←/↑ the choice before, →/↓ the one after (Yes ← → No)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = _ARROWS.get(Qt.Key(event.key()))
            if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                buttons = [b for _v, b in self.buttons]
                if watched in buttons:
                    index = buttons.index(watched)
                    target = buttons[max(0, min(len(buttons) - 1, index + step))]
                    target.setChecked(True)
                    target.setFocus(Qt.FocusReason.TabFocusReason)
                    return True
        return super().eventFilter(watched, event)

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.answer_did_change.emit()

    def value(self) -> object:
        for value, button in self.buttons:
            if button.isChecked():
                return value
        return UNANSWERED

    def set_value(self, value: object) -> None:
        target = next((b for v, b in self.buttons if v == value), None)
        if target is None:
            self.group.setExclusive(False)
            for _v, button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
            self.answer_did_change.emit()
        else:
            target.setChecked(True)

    def focus_widget(self) -> QWidget:
        checked = [b for _v, b in self.buttons if b.isChecked()]
        return checked[0] if checked else self.buttons[0][1]


class YesNoInput(_ButtonsInput):
    """Two radio buttons, Yes and No; Y and N answer from the keyboard."""

    def __init__(self, question: Question) -> None:
        yes, no = translate("IntakeForm", "Yes"), translate("IntakeForm", "No")
        super().__init__(question, [(True, yes), (False, no)])
        # Y and N answer in any language; so do the staff's own words' first letters (S, N).
        self._yes_keys = {Qt.Key.Key_Y, Qt.Key(ord(yes[:1].upper() or "Y"))}
        self._no_keys = {Qt.Key.Key_N, Qt.Key(ord(no[:1].upper() or "N"))}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in self._yes_keys | self._no_keys and not event.modifiers():
                self.set_value(key in self._yes_keys)
                self.focus_widget().setFocus()
                return True
        return super().eventFilter(watched, event)


class ChoiceInput(AnswerInput):
    """One of a few choices as radio buttons, or of many as a drop-down list."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.radios: _ButtonsInput | None = None
        self.combo: QComboBox | None = None
        if len(question.choices) <= RADIO_LIMIT:
            self.radios = _ButtonsInput(question, [(c.value, c.label) for c in question.choices])
            self.radios.answer_did_change.connect(self.answer_did_change)
            layout.addWidget(self.radios)
        else:
            self.combo = QComboBox()
            self.combo.setAccessibleName(question.text)
            self.combo.setAccessibleDescription(question.help)
            self.combo.addItem(translate("IntakeForm", "– choose –"), None)
            for choice in question.choices:
                self.combo.addItem(choice.label, choice.value)
            self.combo.currentIndexChanged.connect(lambda _i: self.answer_did_change.emit())
            # As wide as its longest choice where there is room; narrower (the list still
            # shows each choice whole) in a narrow step, rather than widening the step past
            # its screen (a longer language's choices).
            whole = self.combo.sizeHint().width() + 40  # the style sheet's padding comes later
            self.combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.combo.setMinimumContentsLength(12)
            self.combo.setMaximumWidth(whole)
            self.combo.view().setMinimumWidth(whole)
            self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(self.combo)

    def value(self) -> object:
        if self.radios is not None:
            return self.radios.value()
        assert self.combo is not None
        data = self.combo.currentData()
        return UNANSWERED if data is None else data

    def set_value(self, value: object) -> None:
        if self.radios is not None:
            self.radios.set_value(value)
            return
        assert self.combo is not None
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))

    def focus_widget(self) -> QWidget:
        if self.radios is not None:
            return self.radios.focus_widget()
        assert self.combo is not None
        return self.combo


class MultiInput(AnswerInput):
    """Tick any; "None of these" is an answer too (an empty list), unlike ticking nothing."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        layout = FlowLayout(self)
        wrapping(self)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for choice in question.choices:
            box = QCheckBox(choice.label)
            box.setAccessibleName(self._name(choice.label))
            box.toggled.connect(self._ticked)
            self.boxes.append((choice.value, box))
            layout.addWidget(box)
        self.none = QCheckBox(translate("IntakeForm", "None of these"))
        self.none.setAccessibleName(self._name(translate("IntakeForm", "none of these")))
        self.none.toggled.connect(self._none_ticked)
        layout.addWidget(self.none)
        self._quiet = False

    def _ticked(self, checked: bool) -> None:
        if checked and self.none.isChecked():
            self._set_quietly(self.none, False)
        if not self._quiet:
            self.answer_did_change.emit()

    def _none_ticked(self, checked: bool) -> None:
        if checked:
            for _value, box in self.boxes:
                self._set_quietly(box, False)
        if not self._quiet:
            self.answer_did_change.emit()

    def _set_quietly(self, box: QCheckBox, checked: bool) -> None:
        self._quiet, was = True, self._quiet
        box.setChecked(checked)
        self._quiet = was

    def value(self) -> object:
        chosen = [value for value, box in self.boxes if box.isChecked()]
        if chosen:
            return chosen
        return [] if self.none.isChecked() else UNANSWERED

    def set_value(self, value: object) -> None:
        wanted = set(value) if isinstance(value, list | tuple) else set()
        for item, box in self.boxes:
            self._set_quietly(box, item in wanted)
        self._set_quietly(self.none, isinstance(value, list | tuple) and not value)
        self.answer_did_change.emit()

    def focus_widget(self) -> QWidget:
        return self.boxes[0][1] if self.boxes else self.none


class _TextInput(AnswerInput):
    """A line of text read into a value, with the reading (or the problem) shown beside it."""

    def __init__(self, question: Question, placeholder: str) -> None:
        super().__init__(question)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(question.text)
        self.edit.setAccessibleDescription(f"{question.help} {placeholder}".strip())
        self.edit.setMaximumWidth(220)
        self.note = QLabel()
        self.note.setObjectName("fieldNote")
        layout.addWidget(self.edit)
        layout.addWidget(self.note, 1)
        self._problem = ""
        self.edit.textChanged.connect(self._typed)

    def _typed(self, _text: str) -> None:
        self._refresh()
        self.answer_did_change.emit()

    def _refresh(self) -> None:
        text = self.edit.text().strip()
        value, self._problem = self.read(text) if text else (UNANSWERED, "")
        self.note.setText(self._problem or self.describe(value))
        self.note.setProperty("problem", bool(self._problem))
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)

    def read(self, text: str) -> tuple[object, str]:
        raise NotImplementedError

    def describe(self, _value: object) -> str:
        return ""

    def value(self) -> object:
        text = self.edit.text().strip()
        return self.read(text)[0] if text else UNANSWERED

    def problem(self) -> str:
        return self._problem

    def focus_widget(self) -> QWidget:
        return self.edit


class NumberInput(_TextInput):
    def __init__(self, question: Question) -> None:
        low, high = _fmt(question.minimum), _fmt(question.maximum)
        super().__init__(
            question, translate("IntakeForm", "{low} to {high}").format(low=low, high=high)
        )

    def read(self, text: str) -> tuple[object, str]:
        q = self.question
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return UNANSWERED, translate("IntakeForm", "Type a number, for example 4.")
        if not math.isfinite(number):
            return UNANSWERED, translate("IntakeForm", "Type a number, for example 4.")
        if (q.integer or q.type == QuestionType.SCALE) and not number.is_integer():
            return UNANSWERED, translate("IntakeForm", "Type a whole number.")
        if (q.minimum is not None and number < q.minimum) or (
            q.maximum is not None and number > q.maximum
        ):
            return UNANSWERED, translate("IntakeForm", "Between {low} and {high}, please.").format(
                low=_fmt(q.minimum), high=_fmt(q.maximum)
            )
        return (int(number) if number.is_integer() else number), ""

    def set_value(self, value: object) -> None:
        self.edit.setText("" if not isinstance(value, int | float) else _fmt(float(value)))


class DateInput(_TextInput):
    """A date in any common format; the reading is shown so a misread is seen at once."""

    def __init__(self, question: Question, today: dt.date) -> None:
        self.today = today
        super().__init__(
            question, translate("IntakeForm", "e.g. 1980-05-31, 5/31/1980, 31 May 1980")
        )

    def read(self, text: str) -> tuple[object, str]:
        day = parse_date(text, self.today)
        if day is None:
            return UNANSWERED, translate("IntakeForm", "Not a date I can read; try 1980-05-31.")
        if day > self.today:
            return UNANSWERED, translate("IntakeForm", "That date is in the future.")
        if day.year < self.today.year - 120:
            return UNANSWERED, translate("IntakeForm", "That is more than 120 years ago.")
        return day.isoformat(), ""

    def describe(self, value: object) -> str:
        if isinstance(value, str):
            day = dt.date.fromisoformat(value)
            years = (
                self.today.year
                - day.year
                - ((self.today.month, self.today.day) < (day.month, day.day))
            )
            return translate("IntakeForm", "= {date} (age {years})").format(
                date=readable(day), years=years
            )
        return ""

    def set_value(self, value: object) -> None:
        self.edit.setText(value if isinstance(value, str) else "")


class ScaleInput(AnswerInput):
    """Whole numbers as a row of buttons; one tab stop; digits and arrow keys choose."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("scale")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = FlowLayout(self, spacing=2)  # 0 to 10 wraps in a narrow step
        layout.setContentsMargins(2, 2, 2, 2)
        wrapping(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[object, QPushButton] = {}
        low, high = int(question.minimum or 0), int(question.maximum or 10)
        options: list[tuple[object, str]] = [(n, str(n)) for n in range(low, high + 1)]
        if question.skippable:
            options.append((None, translate("IntakeForm", "Not applicable")))
        for value, label in options:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(self._name(label))
            button.setObjectName("scaleButton")
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
        self.group.buttonToggled.connect(lambda _b, checked: self._changed() if checked else None)
        self._pending_one = False
        self._one_timer = QTimer(self)
        self._one_timer.setSingleShot(True)
        self._one_timer.setInterval(900)
        self._one_timer.timeout.connect(lambda: setattr(self, "_pending_one", False))

    def _changed(self) -> None:
        value = self.value()
        shown = {
            UNANSWERED: translate("IntakeForm", "not answered"),
            None: translate("IntakeForm", "not applicable"),
        }.get(value, str(value))
        current = translate("IntakeForm", "Current answer: {answer}").format(answer=shown)
        self.setAccessibleDescription(f"{self.question.help} {current}".strip())
        self.answer_did_change.emit()

    def value(self) -> object:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return UNANSWERED

    def set_value(self, value: object) -> None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        button = self.buttons.get(value)
        if button is None:
            self.group.setExclusive(False)
            for other in self.buttons.values():
                other.setChecked(False)
            self.group.setExclusive(True)
            self._changed()
        else:
            button.setChecked(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text, key = event.text(), event.key()
        if text.isdigit() and len(text) == 1:
            digit = int(text)
            if self._pending_one and digit == 0 and 10 in self.buttons:
                digit = 10
            self._pending_one = digit == 1 and 10 in self.buttons
            if self._pending_one:
                self._one_timer.start()
            self.set_value(digit)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Delete) and None in self.buttons:
            self.set_value(None)
        else:
            super().keyPressEvent(event)

    def _step(self, delta: int) -> None:
        numbers = [v for v in self.buttons if isinstance(v, int)]
        current = self.value()
        start = (
            current
            if isinstance(current, int)
            else (numbers[0] - delta if delta > 0 else numbers[-1] + 1)
        )
        wanted = min(max(start + delta, numbers[0]), numbers[-1])
        self.set_value(wanted)


def _fmt(number: float | None) -> str:
    if number is None:
        return translate("IntakeForm", "any")
    return str(int(number)) if float(number).is_integer() else str(number)


def make_input(question: Question, today: dt.date) -> AnswerInput:
    """The input for a question, chosen by its type (and for a body-region list, a picture)."""
    from intake.ui.intake_form.pain_picture import PainPicture

    if question.type == QuestionType.MULTI and PainPicture.can_show(question):
        return PainPicture(question)
    if question.type == QuestionType.YESNO:
        return YesNoInput(question)
    if question.type == QuestionType.CHOICE:
        return ChoiceInput(question)
    if question.type == QuestionType.MULTI:
        return MultiInput(question)
    if question.type == QuestionType.DATE:
        return DateInput(question, today)
    if question.type == QuestionType.SCALE:
        return ScaleInput(question)
    return NumberInput(question)
