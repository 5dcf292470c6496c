"""The checklist as an SDC (R4) Questionnaire: one group per section, one item per question."""

from __future__ import annotations

import re
from typing import Any

from intake.fhir.codes import (
    CALCULATED_EXPRESSION,
    ENABLE_WHEN_EXPRESSION,
    ITEM_CONTROL,
    ITEM_CONTROL_SYSTEM,
    LOINC,
    MAX_VALUE,
    MIN_VALUE,
    NDI_PANEL,
    NDI_TOTAL,
    NDI_TOTAL_LINK,
    NONE_OF_THESE,
    NPRS,
    OPTION_EXCLUSIVE,
    ORDINAL_VALUE,
    SDC_PROFILE,
    FhirNames,
    help_link,
    section_link,
)
from intake.fhir.enable_when import enable_spec
from intake.fhir.values import checklist_names, coding, is_ndi, ndi_loinc
from intake.screening.checklist import Checklist
from intake.screening.conditions import AllOf, Condition
from intake.screening.ndi import MAX_SKIPPED, SECTIONS
from intake.screening.questions import Question, QuestionType, Section

JsonDict = dict[str, Any]
NDI_SCORES = range(6)  # each NDI section scores 0-5

_TYPES = {
    QuestionType.YESNO: "boolean",
    QuestionType.CHOICE: "choice",
    QuestionType.MULTI: "choice",
    QuestionType.DATE: "date",
}


def questionnaire_id(checklist: Checklist) -> str:
    """The resource id: the checklist and its version (stable across exports)."""
    return f"{checklist.id}-{checklist.version}"


def questionnaire(checklist: Checklist, base_url: str) -> JsonDict:
    """The checklist as a FHIR R4 Questionnaire (JSON-ready), canonical under `base_url`."""
    names = checklist_names(base_url, checklist)
    return {
        "resourceType": "Questionnaire",
        "id": questionnaire_id(checklist),
        "meta": {"profile": [SDC_PROFILE]},
        "url": names.questionnaire,
        "version": checklist.version,
        "name": _computable_name(checklist.id),
        "title": checklist.title or checklist.id,
        "status": "active",
        "subjectType": ["Patient"],
        "item": [_group(checklist, names, section) for section in checklist.sections],
    }


def _computable_name(checklist_id: str) -> str:
    # FHIR's name: a letter first, then letters, digits and _ (inv-0).
    words = re.split(r"[^A-Za-z0-9]+", checklist_id)
    name = "".join(word[:1].upper() + word[1:] for word in words if word)
    return name if name[:1].isalpha() else f"Checklist{name}"


def _group(checklist: Checklist, names: FhirNames, section: Section) -> JsonDict:
    group: JsonDict = {
        "linkId": section_link(section.id),
        "text": section.title,
        "type": "group",
    }
    questions = list(section.questions)
    if questions and all(names.ndi_sections and is_ndi(names, q) for q in questions):
        group["code"] = [{"system": LOINC, "code": NDI_PANEL, "display": "Neck Disability Index"}]
    if section.asked_when is not None:
        enable_spec(section.asked_when, checklist, names).apply(group, ENABLE_WHEN_EXPRESSION)
    items = [_item(checklist, names, q, _own_condition(section, q)) for q in questions]
    if any(is_ndi(names, q) for q in questions):
        items.append(_ndi_total(names))
    group["item"] = items
    return group


def _own_condition(section: Section, question: Question) -> Condition | None:
    """The question's own condition: its `asked_when` less its section's (on the group)."""
    effective = question.asked_when
    if section.asked_when is None or effective is None:
        return effective
    if effective is section.asked_when:
        return None
    if (
        isinstance(effective, AllOf)
        and len(effective.children) == 2
        and effective.children[0] is section.asked_when
    ):
        return effective.children[1]
    # The parser builds exactly these two shapes; anything else is kept whole (never lost).
    return effective


def _item(
    checklist: Checklist, names: FhirNames, question: Question, condition: Condition | None
) -> JsonDict:
    item: JsonDict = {
        "linkId": question.id,
        "code": _codes(checklist, names, question),
        "text": question.text,
        "type": _type(names, question),
        "required": question.required,
    }
    if question.type == QuestionType.MULTI:
        item["repeats"] = True
    if condition is not None:
        enable_spec(condition, checklist, names).apply(item, ENABLE_WHEN_EXPRESSION)
    options = _options(names, question)
    if options:
        item["answerOption"] = options
    elif question.type in (QuestionType.NUMBER, QuestionType.SCALE):
        value_key = "valueInteger" if question.integer else "valueDecimal"
        item["extension"] = [
            *item.get("extension", []),
            *(
                {"url": url, value_key: _number(limit, question.integer)}
                for url, limit in ((MIN_VALUE, question.minimum), (MAX_VALUE, question.maximum))
                if limit is not None
            ),
        ]
    if question.help:
        item["item"] = [_help(question)]
    return item


def _codes(checklist: Checklist, names: FhirNames, question: Question) -> list[JsonDict]:
    ours = {"system": names.questions, "code": question.id, "display": question.text}
    loinc = ndi_loinc(names, question.id)
    if loinc is None and question.id in {qid for _, qid in checklist.pain}:
        loinc = NPRS
    return [{"system": LOINC, "code": loinc}, ours] if loinc else [ours]


def _type(names: FhirNames, question: Question) -> str:
    if is_ndi(names, question):
        return "choice"
    if question.type in _TYPES:
        return _TYPES[question.type]
    return "integer" if question.integer else "decimal"


def _options(names: FhirNames, question: Question) -> list[JsonDict]:
    if is_ndi(names, question):
        return [{"valueCoding": coding(names, question, score)} for score in NDI_SCORES]
    options: list[JsonDict] = [
        {"valueCoding": coding(names, question, c.value)} for c in question.choices
    ]
    if question.type == QuestionType.MULTI:
        options.append(
            {
                "extension": [{"url": OPTION_EXCLUSIVE, "valueBoolean": True}],
                "valueCoding": coding(names, question, NONE_OF_THESE),
            }
        )
    return options


def _help(question: Question) -> JsonDict:
    control = {"system": ITEM_CONTROL_SYSTEM, "code": "help", "display": "Help-Button"}
    return {
        "linkId": help_link(question.id),
        "text": question.help,
        "type": "display",
        "extension": [{"url": ITEM_CONTROL, "valueCodeableConcept": {"coding": [control]}}],
    }


def _ndi_total(names: FhirNames) -> JsonDict:
    """NDI raw total 0-50 as our engine scores it: skipped sections pro-rated, x.5 up."""
    ids = " | ".join(f"'{qid}'" for qid in names.ndi_sections)
    scores = (
        f"%resource.repeat(item).where(linkId in ({ids})).answer.value"
        f".extension.where(url = '{ORDINAL_VALUE}').value"
    )
    expression = (
        f"iif({scores}.count() >= {SECTIONS - MAX_SKIPPED}, "
        f"(({scores}.aggregate($this + $total, 0) * {SECTIONS} / {scores}.count()) + 0.5)"
        f".floor(), {{}})"
    )
    return {
        "extension": [
            {
                "url": CALCULATED_EXPRESSION,
                "valueExpression": {"language": "text/fhirpath", "expression": expression},
            }
        ],
        "linkId": NDI_TOTAL_LINK,
        "code": [{"system": LOINC, "code": NDI_TOTAL, "display": "Total score [NDI]"}],
        "text": "Neck Disability Index, total (0-50)",
        "type": "integer",
        "readOnly": True,
    }


def _number(value: float, integer: bool) -> int | float:
    return int(value) if integer else value
