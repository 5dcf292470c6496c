"""The questions of a checklist, as the form and the engine see them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intake.screening.conditions import Condition


class QuestionType(StrEnum):
    YESNO = "yesno"  # true / false
    CHOICE = "choice"  # one value from `choices`
    MULTI = "multi"  # a list of values from `choices`; empty list = none of them
    NUMBER = "number"  # a number between `minimum` and `maximum`
    SCALE = "scale"  # a whole number between `minimum` and `maximum` (pain 0-10, NDI 0-5)
    DATE = "date"  # "YYYY-MM-DD"


@dataclass(frozen=True)
class Choice:
    value: str  # what is stored in the answers
    label: str  # what the form shows


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    text: str  # read out to the caller by the front desk
    help: str
    required: bool
    section: str
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False  # numbers must be whole (scales always are)
    skippable: bool = False  # the form offers "not applicable" (stored as null)
    # The effective condition (section's and question's together); None = always asked.
    asked_when: Condition | None = None

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    questions: tuple[Question, ...]
    # True when the texts are our own working translation of a validated instrument (the NDI
    # in Spanish), not its validated wording: the clinical lead must replace them.
    working_translation: bool = False
    # The section's own condition (already folded into each question's `asked_when`); kept
    # so that a form or a FHIR Questionnaire can show it once, on the group.
    asked_when: Condition | None = None
