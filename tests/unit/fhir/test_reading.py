"""Reading QuestionnaireResponses back (intake.fhir.reading): what the export writes comes
back as the same answers; what the checklist cannot take is refused, naming the item."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from intake import fhir, screening
from intake.domain.enums import IntakeStatus
from intake.domain.errors import BadDocument, UnreadableFile
from intake.domain.incoming import PatientHint
from intake.fhir.codes import FhirNames
from intake.fhir.reading import parse_file, read_responses
from tests.unit.screening.builders import answers_for, ndi_sections

from .fhir_forms import BASE
from .test_enable_when_agrees import _answers

CHECKLIST = screening.load_checklist()
ON = dt.date(2026, 11, 24)
TODAY = dt.date(2030, 1, 1)
NAMES = FhirNames(BASE, CHECKLIST.id)
JsonDict = dict[str, Any]


def _response(
    answers: dict[str, object], *, mrn: str | None = "A100", scored: bool = False
) -> JsonDict:
    result = screening.evaluate(CHECKLIST, answers, on=ON) if scored else None
    facts = fhir.IntakeFacts(
        5,
        IntakeStatus.SUBMITTED,
        answers,
        ON,
        dt.datetime(2026, 11, 24, tzinfo=dt.UTC),
        mrn,
        result,
    )
    return fhir.questionnaire_response(CHECKLIST, facts, BASE)


def _in_force(answers: dict[str, object]) -> dict[str, object]:
    in_force, _ = screening.answers_in_force(CHECKLIST, answers, ON)
    return {k: v for k, v in in_force.items() if v is not None}


def _read(*documents: object) -> list[Any]:
    return read_responses(list(documents), BASE, today=TODAY)


FULL = answers_for(
    CHECKLIST,
    has_headache=True,
    cad_dizziness=True,
    arm_symptoms=["pain", "numbness"],
    symptom_duration_weeks=2.5,
    pain_now=7,
    **ndi_sections(17, skipped=1),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=_answers(CHECKLIST))
def test_what_the_export_writes_reads_back_as_the_same_answers(answers: dict[str, object]) -> None:
    if screening.validate_answers(CHECKLIST, answers, on=ON) or not _in_force(answers):
        return
    (read,) = _read(_response(answers))
    assert read.answers == _in_force(answers)
    assert (read.checklist_id, read.checklist_version) == (CHECKLIST.id, CHECKLIST.version)
    assert read.patient == PatientHint("A100")


def test_every_answer_type_and_the_calculated_ndi_total_read_back() -> None:
    (read,) = _read(_response(FULL, scored=True))  # carries the ndi-total item too
    assert read.answers == _in_force(FULL)
    assert read.answers["arm_symptoms"] == ["pain", "numbness"]
    assert read.answers["symptom_duration_weeks"] == 2.5
    assert isinstance(read.answers["ndi_lifting"], int)
    none = _read(_response({**FULL, "arm_symptoms": []}))[0]
    assert none.answers["arm_symptoms"] == []  # "none of these" is an answer


def test_a_bundle_names_its_patients_by_reference_or_contained() -> None:
    first = _response(FULL, mrn=None)
    first["subject"] = {"reference": "urn:uuid:1"}
    second = _response(FULL, mrn=None)
    second["contained"] = [
        {"resourceType": "Patient", "id": "p", "name": [{"family": "Testcase", "given": ["Sam"]}]}
    ]
    second["subject"] = {"reference": "#p"}
    patient = {
        "resourceType": "Patient",
        "identifier": [{"system": "https://other.example/mrn", "value": "X1"}],
        "name": [{"use": "official", "family": "Testcase", "given": ["Ann", "B"]}],
        "birthDate": "1980-02-03",
    }
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": "urn:uuid:1", "resource": patient},
            {"resource": first},
            {"resource": second},
        ],
    }
    one, two = _read(bundle)
    assert one.patient == PatientHint(None, "Testcase", "Ann", dt.date(1980, 2, 3))
    assert two.patient == PatientHint(None, "Testcase", "Sam", None)
    assert not two.patient.has_name_and_birth_date


def test_ndjson_lines_are_documents() -> None:
    line = json.dumps(_response(FULL))
    documents = parse_file(f"{line}\n\n{line}\n".encode(), ndjson=True)
    assert len(_read(*documents)) == 2


def _answer_of(doc: JsonDict, link: str) -> JsonDict:
    for group in doc["item"]:
        for item in group["item"]:
            if item["linkId"] == link:
                return item
    raise KeyError(link)


def _set(link: str, answer: list[JsonDict]) -> Callable[[JsonDict], None]:
    def change(doc: JsonDict) -> None:
        _answer_of(doc, link)["answer"] = answer

    return change


def _question_text(link: str) -> str:
    question = CHECKLIST.question(link)
    assert question is not None
    return question.text


BAD: dict[str, tuple[Callable[[JsonDict], None], str]] = {
    "wrong type": (_set("has_neck_pain", [{"valueString": "yes"}]), "has_neck_pain"),
    "out of range": (_set("pain_now", [{"valueInteger": 11}]), "pain_now"),
    "a decimal for a whole number": (_set("pain_now", [{"valueInteger": 2.5}]), "pain_now"),
    "a date in the future": (_set("dob", [{"valueDate": "2031-01-01"}]), "dob"),
    "a partial date": (_set("dob", [{"valueDate": "1980-02"}]), "dob"),
    "no such date": (_set("dob", [{"valueDate": "1980-02-30"}]), "dob"),
    "an unknown choice": (
        _set("sex", [{"valueCoding": {"system": NAMES.answers("sex"), "code": "x"}}]),
        "sex",
    ),
    "another code system": (
        _set("sex", [{"valueCoding": {"system": "http://x", "code": "female"}}]),
        "sex",
    ),
    "two answers to a single choice": (
        _set("has_neck_pain", [{"valueBoolean": True}, {"valueBoolean": False}]),
        "has_neck_pain",
    ),
    "none of these with a choice": (
        _set(
            "arm_symptoms",
            [
                {"valueCoding": {"system": NAMES.answers("arm_symptoms"), "code": "pain"}},
                {"valueCoding": {"system": NAMES.answers("arm_symptoms"), "code": "none-of-these"}},
            ],
        ),
        "arm_symptoms",
    ),
    "an NDI score out of its codes": (
        _set(
            "ndi_lifting", [{"valueCoding": {"system": NAMES.answers("ndi_lifting"), "code": "6"}}]
        ),
        "ndi_lifting",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_answer_is_refused_naming_the_item_and_its_question(case: str) -> None:
    change, link = BAD[case]
    doc = copy.deepcopy(_response(FULL))
    change(doc)
    with pytest.raises(BadDocument) as refused:
        _read(doc)
    (problem,) = refused.value.problems
    assert f"item {link} (" in problem and _question_text(link)[:30] in problem


def test_unknown_items_versions_and_resources_are_each_listed() -> None:
    unknown_item = _response(FULL)
    unknown_item["item"][0]["item"].append({"linkId": "favourite_colour", "answer": []})
    wrong_version = _response(FULL)
    wrong_version["questionnaire"] = f"{NAMES.questionnaire}|99"
    other = {"resourceType": "Observation", "status": "final"}
    with pytest.raises(BadDocument) as refused:
        _read(
            {
                "resourceType": "Bundle",
                "entry": [{"resource": r} for r in (unknown_item, wrong_version, other)],
            }
        )
    text = "\n".join(refused.value.problems)
    assert '"favourite_colour"' in text
    assert 'version "99"' in text and "knows version 1" in text
    assert "Observation" in text


@pytest.mark.parametrize(
    "data", [b"not json", b"\xff\xfe\x00", b"[1, 2]", b'{"no": "resourceType"}', b"1" * 5000]
)
def test_what_is_not_fhir_json_is_unreadable(data: bytes) -> None:
    with pytest.raises(UnreadableFile):
        _read(*parse_file(data))
