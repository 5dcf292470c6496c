"""A checklist condition ("asked when") as FHIR: `enableWhen` + `enableBehavior` where they can
say it exactly, else an SDC `enableWhenExpression` in FHIRPath. Never dropped.

Our conditions have three values (an unanswered question is "cannot tell", never "no") and a
question is asked only when its condition is true. FHIR's enableWhen is two-valued, with
an unanswered question failing `=`, `<`... but passing `!=`; so "not equal" becomes
`exists = true` and `!=` together. FHIRPath's own logic is three-valued with the empty
collection as "cannot tell", which is how the expression keeps ours.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from intake.fhir.codes import NONE_OF_THESE, FhirNames
from intake.fhir.values import coding
from intake.screening.checklist import Checklist
from intake.screening.conditions import (
    AGE_QUESTION,
    Age,
    AllOf,
    Answered,
    AnyOf,
    AtLeast,
    Compare,
    Condition,
    Not,
    Ref,
)
from intake.screening.questions import Question, QuestionType

JsonDict = dict[str, Any]
_FHIR_OPS = {"eq": "=", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


@dataclass(frozen=True)
class EnableSpec:
    """How an item's condition is written: enableWhen (+ behavior) or a FHIRPath expression."""

    enable_when: tuple[JsonDict, ...] = ()
    behavior: str | None = None  # "all" | "any", only with two or more enableWhen
    expression: str | None = None

    def apply(self, item: JsonDict, extension_url: str) -> None:
        if self.expression is not None:
            item.setdefault("extension", []).append(
                {
                    "url": extension_url,
                    "valueExpression": {"language": "text/fhirpath", "expression": self.expression},
                }
            )
            return
        item["enableWhen"] = list(self.enable_when)
        if self.behavior is not None:
            item["enableBehavior"] = self.behavior


class _Inexpressible(Exception):
    """enableWhen cannot say this condition exactly; the expression will."""


@dataclass(frozen=True)
class _Form:
    """A condition as enableWhen: every part true (`all`) or at least one (`any`)."""

    parts: tuple[JsonDict, ...]
    behavior: str  # "all" | "any"; a single part is both

    def fits(self, behavior: str) -> bool:
        return len(self.parts) == 1 or self.behavior == behavior


def enable_spec(condition: Condition, checklist: Checklist, names: FhirNames) -> EnableSpec:
    try:
        form = _EnableWhen(checklist, names).form(condition)
    except _Inexpressible:
        return EnableSpec(expression=FhirPath(checklist).truth(condition))
    behavior = form.behavior if len(form.parts) > 1 else None
    return EnableSpec(enable_when=form.parts, behavior=behavior)


class _EnableWhen:
    def __init__(self, checklist: Checklist, names: FhirNames) -> None:
        self._checklist = checklist
        self._names = names

    def form(self, condition: Condition) -> _Form:
        if isinstance(condition, Ref):
            return self.form(condition.child)
        if isinstance(condition, AllOf | AnyOf):
            return self._joined(
                condition.children, "all" if isinstance(condition, AllOf) else "any"
            )
        if isinstance(condition, AtLeast) and condition.count in (1, len(condition.children)):
            return self._joined(condition.children, "any" if condition.count == 1 else "all")
        if isinstance(condition, Not):
            return self._negated(condition.child)
        if isinstance(condition, Answered):
            return _Form((self._exists(condition.question),), "all")
        if isinstance(condition, Compare):
            return self._compare(condition)
        raise _Inexpressible  # age, at least n of m

    def _joined(self, children: tuple[Condition, ...], behavior: str) -> _Form:
        parts: list[JsonDict] = []
        for child in children:
            form = self.form(child)
            if not form.fits(behavior):
                raise _Inexpressible  # "any" inside "all" (or the reverse): no nesting in FHIR
            parts.extend(form.parts)
        return _Form(tuple(parts), behavior)

    def _negated(self, child: Condition) -> _Form:
        while isinstance(child, Ref):
            child = child.child
        if isinstance(child, Not):
            return self.form(child.child)
        if isinstance(child, Compare) and child.op in ("eq", "ne"):
            flipped = "ne" if child.op == "eq" else "eq"
            return self._compare(Compare(child.question, flipped, child.expected))
        raise _Inexpressible

    def _compare(self, condition: Compare) -> _Form:
        question = self._question(condition.question)
        op, expected = condition.op, condition.expected
        if op == "any_chosen":
            none = self._answer(question, NONE_OF_THESE)
            return _Form((self._exists(question.id), self._when(question.id, "!=", none)), "all")
        if op in ("in", "contains_any"):
            assert isinstance(expected, tuple)
            parts = tuple(self._when(question.id, "=", self._answer(question, v)) for v in expected)
            return _Form(parts, "any")
        if op == "ne" and question.type == QuestionType.YESNO:
            return _Form((self._when(question.id, "=", {"answerBoolean": not expected}),), "all")
        fraction = (
            question.integer
            and isinstance(expected, int | float)
            and not float(expected).is_integer()
        )
        if op == "ne" and fraction:
            return _Form((self._exists(question.id),), "all")  # a whole number never equals it
        if op == "ne":
            # Unanswered passes FHIR's != but is "cannot tell" for us: it must be answered.
            answer = self._operand(question, expected)
            return _Form((self._exists(question.id), self._when(question.id, "!=", answer)), "all")
        if not fraction:
            return _Form(
                (self._when(question.id, _FHIR_OPS[op], self._operand(question, expected)),), "all"
            )
        assert isinstance(expected, int | float)
        # A whole-number question against a fraction: the same test on whole numbers.
        if op in ("lt", "le"):
            return _Form(
                (self._when(question.id, "<=", {"answerInteger": math.floor(expected)}),), "all"
            )
        if op in ("gt", "ge"):
            return _Form(
                (self._when(question.id, ">=", {"answerInteger": math.ceil(expected)}),), "all"
            )
        raise _Inexpressible  # equal to a fraction: never true; FHIRPath says so

    def _operand(self, question: Question, expected: object) -> JsonDict:
        if question.type in (QuestionType.YESNO, QuestionType.CHOICE):
            return self._answer(question, expected)
        assert isinstance(expected, int | float)
        if question.integer:
            return {"answerInteger": int(expected)}
        return {"answerDecimal": expected}

    def _answer(self, question: Question, value: object) -> JsonDict:
        if question.type == QuestionType.YESNO:
            return {"answerBoolean": value}
        return {"answerCoding": coding(self._names, question, value)}

    def _exists(self, question_id: str) -> JsonDict:
        return {"question": question_id, "operator": "exists", "answerBoolean": True}

    @staticmethod
    def _when(question_id: str, op: str, answer: JsonDict) -> JsonDict:
        return {"question": question_id, "operator": op, **answer}

    def _question(self, question_id: str) -> Question:
        question = self._checklist.question(question_id)
        if question is None:  # the parser has checked every id; a bug if this happens
            raise ValueError(f"unknown question {question_id!r}")
        return question


class FhirPath:
    """A condition as a FHIRPath expression over the QuestionnaireResponse being filled in.

    Three-valued like ours: FHIRPath's `and`, `or`, `not()` treat the empty collection as
    "cannot tell", and every test of an unanswered question is empty. Age is whole years
    from `dob` to the response's `authored` date, birthday rule as ours (string dates).
    """

    def __init__(self, checklist: Checklist) -> None:
        self._checklist = checklist
        self._kinds: Mapping[type, Callable[[Any], str]] = {
            Ref: lambda c: self.truth(c.child),
            AllOf: lambda c: self._join(c.children, "and"),
            AnyOf: lambda c: self._join(c.children, "or"),
            AtLeast: self._at_least,
            Not: lambda c: f"({self.truth(c.child)}).not()",
            Answered: lambda c: f"{self._value(c.question)}.exists()",
            Compare: self._compare,
            Age: self._age,
        }

    def truth(self, condition: Condition) -> str:
        return self._kinds[type(condition)](condition)

    def _join(self, children: tuple[Condition, ...], word: str) -> str:
        return "(" + f" {word} ".join(self.truth(child) for child in children) + ")"

    def _at_least(self, condition: AtLeast) -> str:
        true = " + ".join(f"iif({self.truth(c)}, 1, 0)" for c in condition.children)
        unknown = " + ".join(f"iif(({self.truth(c)}).empty(), 1, 0)" for c in condition.children)
        n = condition.count
        return f"iif(({true}) >= {n}, true, iif(({true}) + ({unknown}) >= {n}, {{}}, false))"

    def _compare(self, condition: Compare) -> str:
        question = self._checklist.question(condition.question)
        assert question is not None
        value = self._value(question.id)
        op, expected = condition.op, condition.expected
        if question.type == QuestionType.MULTI:
            values = expected if isinstance(expected, tuple) else ()
            wanted = (
                f"$this != '{NONE_OF_THESE}'"
                if op == "any_chosen"
                else " or ".join(f"$this = '{v}'" for v in values)
            )
            return f"iif({value}.exists(), {value}.code.where({wanted}).exists(), {{}})"
        if question.type == QuestionType.CHOICE:
            if op == "in":
                assert isinstance(expected, tuple)
                return "(" + " or ".join(f"{value}.code = '{v}'" for v in expected) + ")"
            return f"({value}.code {_FHIR_OPS[op]} '{expected}')"
        if question.type == QuestionType.YESNO:
            return f"({value} {_FHIR_OPS[op]} {str(expected).lower()})"
        return f"({value} {_FHIR_OPS[op]} {_number(expected)})"

    def _age(self, condition: Age) -> str:
        born = f"{self._value(AGE_QUESTION)}.toString()"
        on = "%resource.authored.toString().substring(0, 10)"
        years = f"({on}.substring(0, 4).toInteger() - {born}.substring(0, 4).toInteger())"
        before_birthday = f"iif({on}.substring(5, 5) < {born}.substring(5, 5), 1, 0)"
        return (
            f"(({years} - {before_birthday}) {_FHIR_OPS[condition.op]} {_number(condition.years)})"
        )

    @staticmethod
    def _value(question_id: str) -> str:
        return f"%resource.repeat(item).where(linkId = '{question_id}').answer.value"


def _number(value: object) -> str:
    assert isinstance(value, int | float) and not isinstance(value, bool)
    return str(int(value)) if float(value).is_integer() else repr(float(value))
