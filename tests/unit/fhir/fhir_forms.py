"""A small, independent reader of our FHIR Questionnaire for the tests: which items a form
filler would enable for given answers (R4 enableWhen rules, SDC enableWhenExpression through
the fhirpathpy engine), and the validation of resources by fhir.resources' R4B models."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhirpathpy import compile as fhirpath_compile
from fhirpathpy.models import models

from intake.fhir.codes import ENABLE_WHEN_EXPRESSION

JsonDict = dict[str, Any]
BASE = "https://fhir.example-practice.org/fhir"


def validate(resource: JsonDict) -> None:
    """Raise unless `resource` is a valid FHIR R4 (R4B models) resource of its type."""
    get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def questions(items: list[JsonDict]) -> Iterator[JsonDict]:
    """Every item that asks something (not groups, not help text), top to bottom."""
    for item in items:
        if item["type"] not in ("group", "display"):
            yield item
        yield from questions(item.get("item", []))


def condition_of(item: JsonDict) -> tuple[list[JsonDict], str | None, str | None]:
    expression = next(
        (
            e["valueExpression"]["expression"]
            for e in item.get("extension", [])
            if e["url"] == ENABLE_WHEN_EXPRESSION
        ),
        None,
    )
    return item.get("enableWhen", []), item.get("enableBehavior"), expression


class FormFiller:
    """Walks a Questionnaire top to bottom as a form filler would: an item is enabled when
    its group is and its own condition holds; a disabled item counts as unanswered."""

    def __init__(
        self,
        questionnaire: JsonDict,
        answer_of: Callable[[str], list[JsonDict]],
        authored: dt.date,
    ) -> None:
        self._questionnaire = questionnaire
        self._answer_of = answer_of  # linkId -> the answers the person would give
        self._given: dict[str, list[JsonDict]] = {}
        self._response: JsonDict = {
            "resourceType": "QuestionnaireResponse",
            "status": "in-progress",
            "authored": authored.isoformat(),
            "item": [],
        }
        self.enabled: list[str] = []

    def fill(self) -> JsonDict:
        for group in self._questionnaire["item"]:
            self._walk(group, True, self._response["item"])
        return self._response

    def _walk(self, item: JsonDict, parent_enabled: bool, into: list[JsonDict]) -> None:
        on = parent_enabled and self._holds(item)
        if item["type"] == "display":
            return
        if item["type"] == "group":
            group: JsonDict = {"linkId": item["linkId"], "item": []}
            into.append(group)
            for child in item.get("item", []):
                self._walk(child, on, group["item"])
            return
        if not on or item.get("readOnly"):
            return
        self.enabled.append(item["linkId"])
        answers = self._answer_of(item["linkId"])
        if answers:
            self._given[item["linkId"]] = answers
            into.append({"linkId": item["linkId"], "answer": answers})

    def _holds(self, item: JsonDict) -> bool:
        when, behavior, expression = condition_of(item)
        if expression is not None:
            result = _compiled(expression)(self._response, {"resource": self._response})
            return result == [True]
        if not when:
            return True
        verdicts = [self._one(rule) for rule in when]
        assert len(when) == 1 or behavior in ("all", "any"), "que-12: behavior needed"
        return all(verdicts) if behavior != "any" else any(verdicts)

    def _one(self, rule: JsonDict) -> bool:
        given = [_value(a) for a in self._given.get(rule["question"], [])]
        expected = next(v for k, v in rule.items() if k.startswith("answer"))
        op = rule["operator"]
        if op == "exists":
            return bool(given) == expected
        wanted = _plain(expected)
        tests: Mapping[str, Callable[[Any], bool]] = {
            "=": lambda v: v == wanted,
            "!=": lambda v: v != wanted,
            "<": lambda v: v < wanted,
            "<=": lambda v: v <= wanted,
            ">": lambda v: v > wanted,
            ">=": lambda v: v >= wanted,
        }
        if op == "!=":  # R4: true if no answer equals it (so also when unanswered)
            return not any(v == wanted for v in given)
        return any(tests[op](v) for v in given)


@functools.lru_cache(maxsize=256)  # parsing is what makes fhirpathpy slow
def _compiled(expression: str) -> Callable[..., list[object]]:
    return fhirpath_compile(expression, models["r4"])  # type: ignore[no-any-return]


def _value(answer: JsonDict) -> object:
    (value,) = (v for k, v in answer.items() if k.startswith("value"))
    return _plain(value)


def _plain(value: object) -> object:
    if isinstance(value, dict):  # a Coding: its system and code
        return (value.get("system"), value.get("code"))
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Decimal(str(value))
    return value
