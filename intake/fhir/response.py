"""An intake as a QuestionnaireResponse, and its screening as a RiskAssessment and Observations
(and the guideline's interventions for it as a CarePlan proposal, intake/fhir/care_plan.py).

Only the answers in force are written (an answer left behind by a changed earlier answer is
not asked, so FHIR must not see it either), grouped as the Questionnaire groups them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from intake.domain.enums import IntakeStatus
from intake.fhir.care_plan import DESCRIPTION as CARE_PLAN_DESCRIPTION
from intake.fhir.care_plan import TITLE as CARE_PLAN_TITLE
from intake.fhir.care_plan import care_plan, care_plan_id, plan_body
from intake.fhir.codes import LOINC, NDI_TOTAL, NDI_TOTAL_LINK, NPRS, FhirNames, section_link
from intake.fhir.values import answer_values, checklist_names
from intake.screening.answers import check_value
from intake.screening.checklist import Checklist
from intake.screening.conditions import AGE_QUESTION, Facts
from intake.screening.evaluate import answers_in_force
from intake.screening.interventions import interventions_for
from intake.screening.questions import Question, Section
from intake.screening.result import ScreeningResult, Status

JsonDict = dict[str, Any]
_OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_STATUS = {
    IntakeStatus.DRAFT: "in-progress",
    IntakeStatus.RETURNED: "in-progress",  # sent back to the front desk to finish
    IntakeStatus.SUBMITTED: "completed",
    IntakeStatus.REVIEWED: "completed",
    IntakeStatus.CLOSED: "stopped",  # ended unfinished: emergency care or a physician first
    IntakeStatus.DISCARDED: "stopped",
}
_PAIN_LABELS = {"now": "now", "best": "at best, last 24 hours", "worst": "at worst, last 24 hours"}


@dataclass(frozen=True)
class IntakeFacts:
    """What the mapping needs of one stored intake (services read it; nothing here does)."""

    intake_id: int
    status: IntakeStatus
    answers: Mapping[str, object]
    on: dt.date  # the intake date the screening used
    authored: dt.datetime  # when it was last written (UTC)
    patient_mrn: str | None  # None while no patient is chosen
    screening: ScreeningResult | None = None
    # The language the questions were put in, and the checklist in it when that is not the
    # Questionnaire's own (the response's texts are the questions as asked; ids, values and
    # the Questionnaire itself stay as they are).
    patient_language: str = "en"
    asked: Checklist | None = None


def patient_fhir_id(mrn: str) -> str:
    """The Patient's resource id, from the record number (stable; never the internal id)."""
    if re.fullmatch(r"[A-Za-z0-9.\-]{1,60}", mrn):
        return f"mrn-{mrn}"
    return "mrnx-" + mrn.encode("utf-8").hex()[:59]


def response_id(intake_id: int) -> str:
    return f"intake-{intake_id}"


def _patient(names: FhirNames, mrn: str | None) -> JsonDict | None:
    if mrn is None:
        return None
    return {
        "reference": f"Patient/{patient_fhir_id(mrn)}",
        "identifier": {"system": names.patient_mrn, "value": mrn},
    }


def questionnaire_response(checklist: Checklist, facts: IntakeFacts, base_url: str) -> JsonDict:
    names = checklist_names(base_url, checklist)
    in_force, _missing = answers_in_force(checklist, facts.answers, facts.on)
    groups = []
    worded = facts.asked or checklist
    for section in worded.sections:
        items = [
            {"linkId": q.id, "text": q.text, "answer": answer_values(names, q, in_force[q.id])}
            for q in section.questions
            if in_force.get(q.id) is not None
        ]
        if (
            facts.screening
            and facts.screening.ndi
            and section.questions[0].id in names.ndi_sections
        ):
            items.append(
                {"linkId": NDI_TOTAL_LINK, "answer": [{"valueInteger": facts.screening.ndi.raw}]}
            )
        if items:
            groups.append(
                {"linkId": section_link(section.id), "text": section.title, "item": items}
            )
    resource: JsonDict = {
        "resourceType": "QuestionnaireResponse",
        "id": response_id(facts.intake_id),
        "questionnaire": f"{names.questionnaire}|{checklist.version}",
        "status": _STATUS[facts.status],
        "authored": _instant(facts.authored),
        "item": groups,
    }
    resource["language"] = facts.patient_language
    subject = _patient(names, facts.patient_mrn)
    if subject is not None:
        resource["subject"] = subject
    return resource


class ResponseLines:
    """The JSON text of `questionnaire_response` (byte for byte what `encode` makes of it),
    built fast for a bulk export: the pure steps are remembered from one intake to the next
    (whether a question is asked, by the answers its condition names; whether a value is
    valid; an answered item's text and a whole section's, by their answers), and the groups
    are joined as text rather than built as dicts and encoded again."""

    # Remembered values per question or section: most take few values (yes/no, choices,
    # scores); one that takes many (a birth date) fills its own share and no more.
    CACHE_LIMIT = 4096

    def __init__(
        self,
        checklist: Checklist,
        base_url: str,
        encode: Callable[[object], str],
        *,
        language: str = "en",
        asked: Checklist | None = None,
    ):
        """For the intakes of one checklist version asked in one `language`; `asked` is the
        checklist in that language when it is not the Questionnaire's own (its texts)."""
        self.checklist = checklist
        self.names = checklist_names(base_url, checklist)
        self.encode = encode
        worded = asked or checklist
        self._texts = {q.id: q.text for q in worded.questions}
        titles = {section.id: section.title for section in worded.sections}
        self._language = encode(language)
        self._questionnaire = encode(f"{self.names.questionnaire}|{checklist.version}")
        self._sections: list[tuple[Section, str, bool, tuple[str, ...], dict[object, str]]] = [
            (
                section,
                f'{{"linkId":{encode(section_link(section.id))},'
                f'"text":{encode(titles[section.id])},"item":[',
                section.questions[0].id in self.names.ndi_sections,
                tuple(q.id for q in section.questions),
                {},
            )
            for section in checklist.sections
        ]
        self._plan: list[
            tuple[Question, tuple[str, ...], bool, dict[object, bool], dict[object, bool]]
        ] = [
            (
                q,
                tuple(sorted(q.asked_when.questions())) if q.asked_when else (),
                q.asked_when is not None and AGE_QUESTION in q.asked_when.questions(),
                {},
                {},
            )
            for q in checklist.questions
        ]
        self._items: dict[str, dict[object, str]] = {q.id: {} for q in checklist.questions}

    def line(self, facts: IntakeFacts) -> str:
        in_force, keyed = self._in_force(facts.answers, facts.on)
        ndi = facts.screening.ndi if facts.screening else None
        groups = []
        limit = self.CACHE_LIMIT
        for section, opening, is_ndi, ids, cache in self._sections:
            total = ndi.raw if ndi and is_ndi else None
            key = (tuple(map(keyed.get, ids)), total)
            group = cache.get(key)
            if group is None:
                group = self._group(section, opening, total, in_force)
                if len(cache) < limit:
                    cache[key] = group
            if group:
                groups.append(group)
        encode = self.encode
        text = (
            f'{{"resourceType":"QuestionnaireResponse","id":{encode(response_id(facts.intake_id))},'
            f'"questionnaire":{self._questionnaire},"status":"{_STATUS[facts.status]}",'
            f'"authored":"{_instant(facts.authored)}","item":[{",".join(groups)}],'
            f'"language":{self._language}'
        )
        subject = _patient(self.names, facts.patient_mrn)
        if subject is not None:
            text += f',"subject":{encode(subject)}'
        return text + "}"

    def _in_force(
        self, answers: Mapping[str, object], on: dt.date
    ) -> tuple[dict[str, object], dict[str, object]]:
        """`answers_in_force`, and each value in force as a key: a list as a tuple, a
        fraction marked as one (5.0 is written apart from 5). In-force values are valid for
        their question, so each question's are of one kind (no True beside 1)."""
        in_force: dict[str, object] = {}
        keyed: dict[str, object] = {}
        source = answers if isinstance(answers, Mapping) else {}
        limit = self.CACHE_LIMIT
        for question, names, dated, asked_cache, valid_cache in self._plan:
            condition = question.asked_when
            if condition is not None:
                if len(names) == 1 and not dated:  # most conditions: one earlier answer
                    key: object = keyed.get(names[0])
                else:
                    key = (tuple(map(keyed.get, names)), on if dated else None)
                asked = asked_cache.get(key)
                if asked is None:
                    asked = condition.evaluate(Facts(in_force, on)).value is True
                    if len(asked_cache) < limit:
                        asked_cache[key] = asked
                if not asked:
                    continue
            value = source.get(question.id)
            if value is None:
                continue
            valid_key = (
                (value.__class__, value)
                if isinstance(value, str | int | float)  # bool is an int: its class apart
                else _hashable(value)
            )
            valid = valid_cache.get(valid_key)
            if valid is None:
                valid = check_value(question, value) is None
                if len(valid_cache) < limit:
                    valid_cache[valid_key] = valid
            if valid:
                in_force[question.id] = value
                if isinstance(value, list):
                    keyed[question.id] = tuple(value)
                else:
                    keyed[question.id] = (float, value) if value.__class__ is float else value
        return in_force, keyed

    def _group(
        self, section: Section, opening: str, ndi_total: int | None, in_force: dict[str, object]
    ) -> str:
        items = [
            self._item(q, value)
            for q in section.questions
            if (value := in_force.get(q.id)) is not None
        ]
        if ndi_total is not None:
            items.append(
                f'{{"linkId":"{NDI_TOTAL_LINK}","answer":[{{"valueInteger":{ndi_total}}}]}}'
            )
        return f"{opening}{','.join(items)}]}}" if items else ""

    def _item(self, question: Question, value: object) -> str:
        cache = self._items[question.id]
        key = _hashable(value)
        if (found := cache.get(key)) is not None:
            return found
        text = self.encode(
            {
                "linkId": question.id,
                "text": self._texts[question.id],
                "answer": answer_values(self.names, question, value),
            }
        )
        if len(cache) < self.CACHE_LIMIT:
            cache[key] = text
        return text


class _Unhashable:
    """Stands for a value that cannot be a key: never equal to another, so never reused."""


def _hashable(value: object) -> object:
    """A key for a stored answer: its type beside it (True is not 1), lists as tuples."""
    if isinstance(value, list):
        items = tuple(_hashable(v) for v in value)
        return (list, items)
    if value is None or isinstance(value, str | int | float | bool | dt.date):
        return (type(value), value)
    return _Unhashable()


def screening_resources(checklist: Checklist, facts: IntakeFacts, base_url: str) -> list[JsonDict]:
    """The screening result as a RiskAssessment (triage, fired rules) and Observations (NDI
    total, pain now/best/worst), each derived from the intake's QuestionnaireResponse."""
    result = facts.screening
    if result is None:
        return []
    names = checklist_names(base_url, checklist)
    basis = {"reference": f"QuestionnaireResponse/{response_id(facts.intake_id)}"}
    subject = _patient(names, facts.patient_mrn)
    resources = [_risk_assessment(names, facts, result, basis, subject)]
    if result.ndi is not None:
        resources.append(
            _observation(
                f"{response_id(facts.intake_id)}-ndi",
                [{"system": LOINC, "code": NDI_TOTAL, "display": "Total score [NDI]"}],
                result.ndi.raw,
                facts,
                basis,
                subject,
                interpretation=f"{result.ndi.band.value} ({result.ndi.percent}%)",
            )
        )
    for key, question_id in checklist.pain:
        value = getattr(result.pain, key)
        if value is None:
            continue
        code = [
            {"system": LOINC, "code": NPRS, "display": "Pain severity 0-10 [Score] - Reported"},
            {"system": names.questions, "code": question_id},
        ]
        resources.append(
            _observation(
                f"{response_id(facts.intake_id)}-pain-{key}",
                code,
                value,
                facts,
                basis,
                subject,
                text=f"Pain {_PAIN_LABELS.get(key, key)} (0-10)",
            )
        )
    plan = care_plan(names, result, response_id(facts.intake_id), facts.on.isoformat(), subject)
    if plan is not None:
        resources.append(plan)
    return resources


class ScreeningLines:
    """The JSON texts of `screening_resources` (byte for byte what `encode` makes of them),
    fast for a bulk export: what repeats from one intake to the next (the method, the
    predictions of one triage with its fired rules, the Observations' codes) is encoded once
    and the rest is joined around it."""

    CACHE_LIMIT = 4096

    def __init__(self, checklist: Checklist, base_url: str, encode: Callable[[object], str]):
        self.checklist = checklist
        self.base_url = base_url
        self.names = checklist_names(base_url, checklist)
        self.encode = encode
        self._methods: dict[tuple[str, str, str], str] = {}
        self._predictions: dict[tuple[object, ...], str] = {}
        self._codes: dict[str, tuple[str, str]] = {}  # "ndi" or a pain key: category, code
        self._plans: dict[tuple[object, ...], str | None] = {}  # advice key: CarePlan body

    def lines(self, facts: IntakeFacts) -> list[tuple[str, str]]:
        """(resource type, JSON text) of each resource `screening_resources` would give."""
        result = facts.screening
        if result is None:
            return []
        encode = self.encode
        base = response_id(facts.intake_id)
        basis = encode({"reference": f"QuestionnaireResponse/{base}"})
        subject_of = _patient(self.names, facts.patient_mrn)
        subject = "" if subject_of is None else f',"subject":{encode(subject_of)}'
        on = facts.on.isoformat()
        method_key = (result.checklist_id, result.checklist_version, result.engine)
        prediction_key = (result.triage, result.flags)
        method = self._methods.get(method_key)
        prediction = self._predictions.get(prediction_key)
        if method is None or prediction is None:
            whole = screening_resources(self.checklist, facts, self.base_url)[0]
            method, prediction = encode(whole["method"]), encode(whole["prediction"])
            self._methods[method_key] = method
            if len(self._predictions) < self.CACHE_LIMIT:
                self._predictions[prediction_key] = prediction
        status = "final" if result.status == Status.COMPLETE else "preliminary"
        out = [
            (
                "RiskAssessment",
                f'{{"resourceType":"RiskAssessment","id":{encode(f"{base}-screening")},'
                f'"status":"{status}","method":{method},"occurrenceDateTime":"{on}",'
                f'"basis":[{basis}],"prediction":{prediction}{subject}}}',
            )
        ]
        observed = "final" if facts.status != IntakeStatus.DRAFT else "preliminary"
        values: list[tuple[str, str, int, str]] = []
        if result.ndi is not None:
            band = encode([{"text": f"{result.ndi.band.value} ({result.ndi.percent}%)"}])
            values.append(("ndi", f"{base}-ndi", result.ndi.raw, f',"interpretation":{band}'))
        for key, _question_id in self.checklist.pain:
            value = getattr(result.pain, key)
            if value is not None:
                values.append((key, f"{base}-pain-{key}", value, ""))
        for kind, resource_id, value, tail in values:
            category, code = self._code(kind, facts)
            out.append(
                (
                    "Observation",
                    f'{{"resourceType":"Observation","id":{encode(resource_id)},'
                    f'"status":"{observed}","category":{category},"code":{code},'
                    f'"effectiveDateTime":"{on}","valueInteger":{encode(value)},'
                    f'"derivedFrom":[{basis}]{subject}{tail}}}',
                )
            )
        if subject_of is not None and (plan := self._plan(result)) is not None:
            risk = encode({"reference": f"RiskAssessment/{base}-screening"})
            out.append(
                (
                    "CarePlan",
                    f'{{"resourceType":"CarePlan","id":{encode(care_plan_id(base))},'
                    f'"status":"draft","intent":"proposal","title":{encode(CARE_PLAN_TITLE)},'
                    f'"description":{encode(CARE_PLAN_DESCRIPTION)}{subject},"created":"{on}",'
                    f'"supportingInfo":[{basis},{risk}],'
                    f"{plan[1:]}",
                )
            )
        return out

    def _plan(self, result: ScreeningResult) -> str | None:
        """The CarePlan's activities and notes as text ('{...}'), made once per advice."""
        key = (
            result.checklist_id,
            result.checklist_version,
            result.triage,
            tuple(c.id for c in result.categories),
            result.stage,
        )
        if key not in self._plans:
            body = plan_body(self.names, interventions_for(result))
            self._plans[key] = None if body is None else self.encode(body)
        return self._plans[key]

    def _code(self, kind: str, facts: IntakeFacts) -> tuple[str, str]:
        """An Observation's category and code, as the mapping writes them (made once)."""
        found = self._codes.get(kind)
        if found is None:
            made = screening_resources(self.checklist, facts, self.base_url)
            suffix = "-ndi" if kind == "ndi" else f"-pain-{kind}"
            resource = next(r for r in made if r["id"].endswith(suffix))
            found = self._codes[kind] = (
                self.encode(resource["category"]),
                self.encode(resource["code"]),
            )
        return found


def _risk_assessment(
    names: FhirNames,
    facts: IntakeFacts,
    result: ScreeningResult,
    basis: JsonDict,
    subject: JsonDict | None,
) -> JsonDict:
    triage = {
        "outcome": {
            "coding": [{"system": names.triage, "code": result.triage.value}],
            "text": f"Triage: {result.triage.value}",
        }
    }
    fired = [
        {
            "outcome": {
                "coding": [{"system": names.rules, "code": flag.id}],
                "text": flag.message,
            },
            "qualitativeRisk": {"coding": [{"system": names.triage, "code": flag.level.value}]},
            "rationale": f"{flag.rationale} Source: {flag.source}",
        }
        for flag in result.flags
    ]
    resource: JsonDict = {
        "resourceType": "RiskAssessment",
        "id": f"{response_id(facts.intake_id)}-screening",
        "status": "final" if result.status == Status.COMPLETE else "preliminary",
        "method": {
            "coding": [
                {
                    "system": f"{names.base}/CodeSystem/checklist",
                    "code": questionnaire_id_for(result),
                }
            ],
            "text": f"Checklist {result.checklist_id} version {result.checklist_version}, "
            f"engine {result.engine}",
        },
        "occurrenceDateTime": facts.on.isoformat(),
        "basis": [basis],
        "prediction": [triage, *fired],
    }
    if subject is not None:
        resource["subject"] = subject
    return resource


def questionnaire_id_for(result: ScreeningResult) -> str:
    return f"{result.checklist_id}-{result.checklist_version}"


def _observation(
    resource_id: str,
    code: list[JsonDict],
    value: int,
    facts: IntakeFacts,
    basis: JsonDict,
    subject: JsonDict | None,
    *,
    text: str | None = None,
    interpretation: str | None = None,
) -> JsonDict:
    resource: JsonDict = {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final" if facts.status != IntakeStatus.DRAFT else "preliminary",
        "category": [{"coding": [{"system": _OBSERVATION_CATEGORY, "code": "survey"}]}],
        "code": {"coding": code, **({"text": text} if text else {})},
        "effectiveDateTime": facts.on.isoformat(),
        "valueInteger": value,
        "derivedFrom": [basis],
    }
    if subject is not None:
        resource["subject"] = subject
    if interpretation:
        resource["interpretation"] = [{"text": interpretation}]
    return resource


def _instant(moment: dt.datetime) -> str:
    if moment.tzinfo is None or moment.tzinfo is dt.UTC:  # how every stored time reads back
        return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"
    aware = moment
    return aware.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
