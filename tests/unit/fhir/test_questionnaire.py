"""The checklist as a FHIR R4 Questionnaire: valid, canonical, every condition carried."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fhirpathpy import evaluate
from fhirpathpy.models import models
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.fhir import questionnaire
from intake.fhir.codes import (
    LOINC,
    NDI_TOTAL_LINK,
    NONE_OF_THESE,
    OPTION_EXCLUSIVE,
    ORDINAL_VALUE,
    section_link,
)
from intake.screening import QuestionType, load_checklist, score_ndi
from intake.settings import DEFAULT_FHIR_BASE_URL

from .fhir_forms import BASE, FormFiller, condition_of, questions, validate

CHECKLIST = load_checklist()
NDI_CODES = [
    "82227-0", "82228-8", "82229-6", "82230-4", "82231-2",
    "82232-0", "82233-8", "82234-6", "82235-3", "82236-1",
]  # fmt: skip


@pytest.fixture(scope="module")
def resource() -> dict[str, Any]:
    return questionnaire(CHECKLIST, BASE)


def _items(resource: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["linkId"]: item for item in questions(resource["item"])}


def _groups(resource: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {group["linkId"]: group for group in resource["item"]}


def test_it_is_a_valid_r4_questionnaire(resource: dict[str, Any]) -> None:
    validate(resource)


def test_its_canonical_url_is_the_practice_base_and_its_version_the_checklist_version(
    resource: dict[str, Any],
) -> None:
    assert resource["url"] == f"{BASE}/Questionnaire/neck-headache"
    assert resource["version"] == CHECKLIST.version
    # A trailing slash in the setting changes nothing; the default base works as well.
    assert questionnaire(CHECKLIST, BASE + "/")["url"] == resource["url"]
    assert questionnaire(CHECKLIST, DEFAULT_FHIR_BASE_URL)["url"].startswith(DEFAULT_FHIR_BASE_URL)


def test_each_section_is_a_group_holding_its_questions_in_order(resource: dict[str, Any]) -> None:
    groups = _groups(resource)
    assert list(groups) == [section_link(s.id) for s in CHECKLIST.sections]
    for section in CHECKLIST.sections:
        group = groups[section_link(section.id)]
        assert group["type"] == "group" and group["text"] == section.title
        asked = [i["linkId"] for i in group["item"] if i["linkId"] != NDI_TOTAL_LINK]
        assert asked == [q.id for q in section.questions]


EXPECTED_TYPES = {
    QuestionType.YESNO: "boolean",
    QuestionType.CHOICE: "choice",
    QuestionType.MULTI: "choice",
    QuestionType.DATE: "date",
}


def test_types_and_limits_are_mapped(resource: dict[str, Any]) -> None:
    items = _items(resource)
    for question in CHECKLIST.questions:
        item = items[question.id]
        assert item["required"] == question.required
        if question.id in CHECKLIST.ndi_sections:
            continue  # coded scores, below
        if question.type in EXPECTED_TYPES:
            assert item["type"] == EXPECTED_TYPES[question.type], question.id
        else:
            assert item["type"] == ("integer" if question.integer else "decimal"), question.id
            limits = {e["url"].rsplit("/", 1)[1]: e for e in item["extension"]}
            key = "valueInteger" if question.integer else "valueDecimal"
            assert limits["minValue"][key] == question.minimum
            assert limits["maxValue"][key] == question.maximum
        if question.type in (QuestionType.CHOICE, QuestionType.MULTI):
            codes = [o["valueCoding"]["code"] for o in item["answerOption"]]
            extra = [NONE_OF_THESE] if question.type == QuestionType.MULTI else []
            assert codes == [*question.choice_values, *extra]
            assert item.get("repeats", False) == (question.type == QuestionType.MULTI)


def test_nothing_ticked_is_an_exclusive_answer_of_its_own(resource: dict[str, Any]) -> None:
    option = _items(resource)["arm_symptoms"]["answerOption"][-1]
    assert option["valueCoding"]["code"] == NONE_OF_THESE
    assert option["extension"] == [{"url": OPTION_EXCLUSIVE, "valueBoolean": True}]


def test_every_asked_when_is_carried_never_dropped(resource: dict[str, Any]) -> None:
    """Walk every question's condition: it is on the question's item, or on its group."""
    items, groups = _items(resource), _groups(resource)
    for section in CHECKLIST.sections:
        group_when, _, group_expression = condition_of(groups[section_link(section.id)])
        assert bool(group_when or group_expression) == (section.asked_when is not None)
        for question in section.questions:
            when, behavior, expression = condition_of(items[question.id])
            own = bool(when or expression)
            carried = own or bool(group_when or group_expression)
            assert carried == (question.asked_when is not None), question.id
            if len(when) > 1:
                assert behavior in ("all", "any"), question.id
            # Where the section's condition is the whole of it, the item repeats nothing.
            if question.asked_when is section.asked_when and section.asked_when is not None:
                assert not own, question.id


def test_the_shipped_checklist_needs_no_fhirpath(resource: dict[str, Any]) -> None:
    """Plain enableWhen is what every form filler understands: ours says it all so."""
    for item in [*resource["item"], *questions(resource["item"])]:
        assert condition_of(item)[2] is None, item["linkId"]


def test_not_male_is_answered_and_not_male(resource: dict[str, Any]) -> None:
    # FHIR's != is true when unanswered; our "not male" cannot tell until sex is answered.
    item = _items(resource)["pregnancy"]
    assert item["enableBehavior"] == "all"
    assert [(w["operator"], w.get("answerBoolean")) for w in item["enableWhen"]] == [
        ("exists", True),
        ("!=", None),
    ]


def test_ndi_items_carry_their_loinc_codes_and_ordinal_answers(resource: dict[str, Any]) -> None:
    group = _groups(resource)[section_link("ndi")]
    assert group["code"][0]["system"] == LOINC and group["code"][0]["code"] == "82226-2"
    items = _items(resource)
    for qid, code in zip(CHECKLIST.ndi_sections, NDI_CODES, strict=True):
        item = items[qid]
        assert item["code"][0] == {"system": LOINC, "code": code}
        assert item["type"] == "choice"
        for score, option in enumerate(item["answerOption"]):
            coding = option["valueCoding"]
            assert coding["code"] == str(score)
            assert coding["extension"] == [{"url": ORDINAL_VALUE, "valueDecimal": score}]
    total = next(i for i in group["item"] if i["linkId"] == NDI_TOTAL_LINK)
    assert total["code"][0]["code"] == "82237-9" and total["readOnly"] is True


def test_the_pain_scales_carry_the_nprs_code(resource: dict[str, Any]) -> None:
    items = _items(resource)
    for _key, qid in CHECKLIST.pain:
        assert items[qid]["code"][0] == {"system": LOINC, "code": "72514-3"}
        assert items[qid]["type"] == "integer"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 5)), min_size=10, max_size=10))
def test_the_ndi_total_expression_scores_as_our_engine(scores: list[int | None]) -> None:
    """The calculatedExpression (FHIRPath) gives the same raw total as `score_ndi`."""
    resource = questionnaire(CHECKLIST, BASE)
    by_id = dict(zip(CHECKLIST.ndi_sections, scores, strict=True))
    items = _items(resource)

    def answer_of(link_id: str) -> list[dict[str, Any]]:
        score = by_id.get(link_id)
        if score is None:
            return []
        return [{"valueCoding": items[link_id]["answerOption"][score]["valueCoding"]}]

    filled = FormFiller(resource, answer_of, dt.date(2026, 11, 24)).fill()
    total = next(
        i for i in _groups(resource)[section_link("ndi")]["item"] if i["linkId"] == NDI_TOTAL_LINK
    )
    expression = total["extension"][0]["valueExpression"]["expression"]
    got = evaluate(filled, expression, {"resource": filled}, models["r4"])
    expected = score_ndi(scores)
    assert got == ([expected.raw] if expected else [])
