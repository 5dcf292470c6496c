"""One answer of ours as FHIR answer values (the types the Questionnaire gives each item)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from intake.fhir.codes import NDI_ITEMS, NONE_OF_THESE, ORDINAL_VALUE, FhirNames
from intake.screening.checklist import Checklist
from intake.screening.questions import Question, QuestionType

JsonDict = dict[str, Any]
NONE_OF_THESE_LABEL = "None of these"


def coding(names: FhirNames, question: Question, value: object) -> JsonDict:
    """The Coding of one choice (or one NDI score) of `question`."""
    code = str(value)
    if is_ndi(names, question):
        return {
            "extension": [{"url": ORDINAL_VALUE, "valueDecimal": int(code)}],
            "system": names.answers(question.id),
            "code": code,
            "display": code,
        }
    if code == NONE_OF_THESE:
        label = NONE_OF_THESE_LABEL
    else:
        label = next(choice.label for choice in question.choices if choice.value == code)
    return {"system": names.answers(question.id), "code": code, "display": label}


def is_ndi(names: FhirNames, question: Question) -> bool:
    """NDI sections are coded answers with an ordinal value (as LOINC has them), not numbers."""
    return question.id in names.ndi_sections


def ndi_loinc(names: FhirNames, question_id: str) -> str | None:
    sections = names.ndi_sections
    return NDI_ITEMS[sections.index(question_id)] if question_id in sections else None


def answer_values(names: FhirNames, question: Question, value: object) -> list[JsonDict]:
    """Our stored answer as the `answer` list of a response item (empty: nothing to say)."""
    if value is None:
        return []
    kind = question.type
    if kind == QuestionType.YESNO:
        return [{"valueBoolean": bool(value)}]
    if kind == QuestionType.CHOICE or is_ndi(names, question):
        shown = int(value) if is_ndi(names, question) else value  # type: ignore[call-overload]
        return [{"valueCoding": coding(names, question, shown)}]
    if kind == QuestionType.MULTI:
        assert isinstance(value, list | tuple)
        chosen = list(value) or [NONE_OF_THESE]
        return [{"valueCoding": coding(names, question, v)} for v in chosen]
    if kind == QuestionType.DATE:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return [{"valueDate": day.isoformat()}]
    assert isinstance(value, int | float) and not isinstance(value, bool)
    if question.integer:
        return [{"valueInteger": int(value)}]
    return [{"valueDecimal": value}]


def checklist_names(base: str, checklist: Checklist) -> FhirNames:
    return FhirNames(base.rstrip("/"), checklist.id, checklist.ndi_sections)
