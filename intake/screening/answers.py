"""Checking answers against a checklist: every problem as a (question, message) pair."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from intake.screening.checklist import Checklist
from intake.screening.questions import Question, QuestionType

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class AnswerError:
    question_id: str | None  # None = about the answers as a whole
    message: str

    def to_json(self) -> dict[str, str | None]:
        return {"question": self.question_id, "message": self.message}


def validate_answers(
    checklist: Checklist, answers: Mapping[str, object], *, on: dt.date | None = None
) -> list[AnswerError]:
    """Every problem with `answers`; empty when they can be evaluated. Never raises.

    A null (None) value means "not answered" for any question; it is never an error.
    With `on` (the intake date), a date after it (a birth date in the future) is an error.
    """
    if not isinstance(answers, Mapping):
        return [AnswerError(None, "answers must be an object of question ids and answers")]
    errors: list[AnswerError] = []
    for key, value in answers.items():
        if not isinstance(key, str):
            errors.append(AnswerError(None, f"question ids must be text, got {key!r}"))
            continue
        question = checklist.question(key)
        if question is None:
            errors.append(AnswerError(key, f"unknown question id {key!r}"))
            continue
        problem = check_value(question, value)
        # None is "not answered": there is no date to compare (it crashed `intake screen`).
        dated = value is not None and question.type == QuestionType.DATE
        if problem is None and on is not None and dated:
            problem = _not_after(value, on)
        if problem:
            errors.append(AnswerError(key, problem))
    return errors


def _not_after(value: object, on: dt.date) -> str | None:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day.isoformat()} is after the intake date {on.isoformat()}" if day > on else None


def check_value(question: Question, value: object) -> str | None:
    """What is wrong with `value` as an answer to `question`, or None when it is fine."""
    if value is None:
        return None
    return _CHECKS[question.type](question, value)


def _short(value: object) -> str:
    try:
        text = repr(value)
    except ValueError:  # an int too long to print (Python's digit limit)
        return "a number too large to show"
    return text if len(text) <= 60 else text[:57] + "..."


def _yesno(_question: Question, value: object) -> str | None:
    if isinstance(value, bool):
        return None
    return f"expected yes or no (true or false), got {_short(value)}"


def _choice(question: Question, value: object) -> str | None:
    if isinstance(value, str) and value in question.choice_values:
        return None
    return f"{_short(value)} is not one of: {', '.join(question.choice_values)}"


def _multi(question: Question, value: object) -> str | None:
    if not isinstance(value, list | tuple):
        return f"expected a list of choices (empty list = none), got {_short(value)}"
    for item in value:
        if not isinstance(item, str) or item not in question.choice_values:
            return f"{_short(item)} is not one of: {', '.join(question.choice_values)}"
    if len(set(value)) != len(value):
        return "a choice is listed twice"
    return None


def _number(question: Question, value: object) -> str | None:
    # bool is an int in Python, but `true` is not a number.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"expected a number, got {_short(value)}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"expected a number, got {_short(value)}"
    if question.integer and isinstance(value, float) and not value.is_integer():
        return f"expected a whole number, got {_short(value)}"
    low, high = question.minimum, question.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        return f"{_short(value)} is out of range ({_fmt(low)} to {_fmt(high)})"
    return None


def _fmt(number: float | None) -> str:
    if number is None:
        return "any"
    return str(int(number)) if float(number).is_integer() else str(number)


def _date(_question: Question, value: object) -> str | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return None
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return f"{_short(value)} is not a real date"
        return None
    return f"expected a date as YYYY-MM-DD, got {_short(value)}"


_CHECKS = {
    QuestionType.YESNO: _yesno,
    QuestionType.CHOICE: _choice,
    QuestionType.MULTI: _multi,
    QuestionType.NUMBER: _number,
    QuestionType.SCALE: _number,
    QuestionType.DATE: _date,
}
