"""The tablet's answer controls: big touch targets (at least 44 px), the checklist's own
choices in the patient's language, and the chosen one marked by a tick and a thick border
as well as its colour (no colour-only meaning).

Each control holds one question's answer (`value()`, UNANSWERED until touched) and says
when it changes (`answer_did_change`), like the desk's inputs (intake_form/inputs.py).
The pain picture is the desk's drawing, larger, answered by touching regions; it stores
what the desk's would, so the review and the scoring never ask where it was answered.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIntValidator, QMouseEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from intake.screening import Question, QuestionType
from intake.ui.flow_layout import FlowLayout, wrapping
from intake.ui.i18n import translate
from intake.ui.intake_form.inputs import UNANSWERED
from intake.ui.intake_form.pain_picture import HEIGHT, WIDTH, PainCanvas, PainPicture

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
        # Tab reaches it; a touch does not focus it (a focus frame over the tick is noise).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
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

    def help_text(self) -> str:
        """The help shown under the question ("" for none): the checklist's, unless the
        control needs words of its own."""
        return self.question.help


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


PICTURE_WIDTH = 720  # px: beside its list at 1280x800, 1.7 times the drawing: arms 44 px wide
PICTURE_TEXT_PX = 14.0  # drawing units: at that scale the figure's words are 18 pt (24 px)


class RegionTarget(QAbstractButton):
    """One region of the picture for a screen reader: its name, ticked or not. It paints
    nothing and lets touches through to the picture, which decides by the shapes."""

    def __init__(self, value: str, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.value = value
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the picture's arrow keys move instead
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(name)

    def paintEvent(self, _event: QPaintEvent) -> None:
        pass  # the picture draws the region


class TouchCanvas(PainCanvas):
    """The desk's pain picture drawn large, with a finger's slack: a touch just outside a
    small region (the temple, behind the eye) still counts for the nearest one."""

    SLACK = 22.0  # px around a region: half the 44 px a finger needs

    def __init__(self, values: tuple[str, ...], labels: dict[str, str]) -> None:
        super().__init__(
            values, labels, max_width=PICTURE_WIDTH, text_px=PICTURE_TEXT_PX, hatched=True
        )
        self.setFixedSize(QSize(PICTURE_WIDTH, round(PICTURE_WIDTH * HEIGHT / WIDTH)))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip("")  # a finger held still would raise it
        self.setAccessibleDescription(
            translate("KioskAnswers", "Arrow keys move between the regions, Space marks one.")
        )
        views = {
            "front": translate("PainPicture", "front"),
            "back": translate("PainPicture", "back"),
        }
        self.targets = [
            RegionTarget(value, f"{labels.get(value, value)} ({views.get(view, view)})", self)
            for value, view, _rect in self.region_rects()
        ]

    def sizeHint(self) -> QSize:
        return self.size()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)  # the region under the finger is outlined
        self.setToolTip("")

    def region_at(self, point: QPointF) -> str | None:
        inside = super().region_at(point)
        if inside is not None:
            return inside
        best, nearest = None, self.SLACK
        for value, _view, rect in self.region_rects():
            distance = _distance(point, rect)
            if distance <= nearest:
                best, nearest = value, distance
        return best

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for target, (_value, _view, rect) in zip(self.targets, self.region_rects(), strict=True):
            target.setGeometry(rect.toAlignedRect())

    def show_selected(self) -> None:
        for target in self.targets:
            target.setChecked(target.value in self.selected)
        self.update()


def _distance(point: QPointF, rect: QRectF) -> float:
    dx = max(rect.left() - point.x(), 0.0, point.x() - rect.right())
    dy = max(rect.top() - point.y(), 0.0, point.y() - rect.bottom())
    return math.hypot(dx, dy)


class PainTouchAnswer(KioskAnswer):
    """The pain picture by touch: touch a region to mark it, again to unmark it. The marked
    ones are hatched and outlined on the picture and named in words beside it. The answer
    is what the desk's pain picture stores: the chosen values in the checklist's order, an
    empty list once touched and cleared."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        self.labels = {choice.value: choice.label for choice in question.choices}
        self.canvas = TouchCanvas(question.choice_values, self.labels)
        self.canvas.setAccessibleName(question.text)
        self.canvas.region_was_toggled.connect(self.toggle)
        self._touched = False
        chosen_title = QLabel(translate("KioskAnswers", "You marked:"))
        chosen_title.setObjectName("kioskQuestionText")
        self.chosen = QLabel()
        self.chosen.setObjectName("kioskChosen")
        self.chosen.setWordWrap(True)
        self.chosen.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # A long list scrolls inside the picture's height rather than growing the page.
        chosen_scroll = QScrollArea()
        chosen_scroll.setObjectName("kioskChosenList")
        chosen_scroll.setWidgetResizable(True)
        chosen_scroll.setFrameShape(QFrame.Shape.NoFrame)
        chosen_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chosen_scroll.setWidget(self.chosen)
        self.chosen.setAccessibleName(translate("KioskAnswers", "You marked"))
        chosen_title.setBuddy(self.canvas)
        self.clear_button = QPushButton(translate("KioskAnswers", "Clear"))
        self.clear_button.setObjectName("kioskButton")
        self.clear_button.setAccessibleName(translate("KioskAnswers", "Clear the pain picture"))
        self.clear_button.setMinimumSize(160, TARGET)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.clicked.connect(self.clear)
        side = QVBoxLayout()
        side.addWidget(chosen_title)
        side.addWidget(chosen_scroll, 1)
        side.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(side, 1)
        self._show()

    @staticmethod
    def can_show(question: Question) -> bool:
        return question.type == QuestionType.MULTI and PainPicture.can_show(question)

    def help_text(self) -> str:
        # The checklist's help speaks to the desk ("the patient points to"): the patient
        # reads words of their own.
        return translate(
            "KioskAnswers", "Touch each place where you feel it. Touch it again to take it off."
        )

    def toggle(self, value: str) -> None:
        self.canvas.selected ^= {value}
        self._touched = True
        self._show()
        self.answer_did_change.emit()

    def clear(self) -> None:
        self.canvas.selected.clear()
        self._touched = True
        self._show()
        self.answer_did_change.emit()

    def _show(self) -> None:
        self.canvas.show_selected()
        names = [self.labels[v] for v in self.question.choice_values if v in self.canvas.selected]
        self.chosen.setText(
            "\n".join(f"• {name}" for name in names)
            if names
            else translate("KioskAnswers", "Nothing yet")
        )
        self.clear_button.setEnabled(bool(names))

    def value(self) -> object:
        chosen = [v for v in self.question.choice_values if v in self.canvas.selected]
        return chosen if (chosen or self._touched) else UNANSWERED

    def set_value(self, value: object) -> None:
        if not isinstance(value, list | tuple):
            return
        self.canvas.selected = {v for v in value if v in self.labels}
        self._touched = True
        self._show()


def make_answer(question: Question) -> KioskAnswer:
    if PainTouchAnswer.can_show(question):
        return PainTouchAnswer(question)
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
        if self.answer.help_text():
            hint = QLabel(self.answer.help_text())
            hint.setObjectName("kioskHelp")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addWidget(self.answer)
