"""The checklist's condition language: compiled from TOML data, evaluated without `eval`.

The language itself is documented at the top of each checklist file. Evaluation uses three
values: True, False and None ("cannot tell yet"). An unanswered question is never read as
"no": a condition that needs it is None, and a rule only fires on True.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from intake.screening.questions import Question, QuestionType

AGE_QUESTION = "dob"

Truth = bool | None


@dataclass(frozen=True)
class Facts:
    """What a condition is evaluated against: the answers in force and the intake date."""

    answers: Mapping[str, object]
    on: dt.date

    def value(self, question_id: str) -> object | None:
        return self.answers.get(question_id)

    def age(self) -> int | None:
        """Whole years at the intake date, or None when the date of birth is unknown."""
        born = _as_date(self.answers.get(AGE_QUESTION))
        if born is None:
            return None
        before_birthday = (self.on.month, self.on.day) < (born.month, born.day)
        return self.on.year - born.year - int(before_birthday)


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Verdict:
    value: Truth
    findings: tuple[str, ...] = ()  # question ids that made it true (empty unless True)


_FALSE = Verdict(False)
_UNKNOWN = Verdict(None)


class Condition:
    """A node of a compiled condition."""

    def evaluate(self, facts: Facts) -> Verdict:
        raise NotImplementedError

    def questions(self) -> frozenset[str]:
        """Every question id this condition reads (through definitions too)."""
        raise NotImplementedError


def _join(verdicts: Sequence[Verdict]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for verdict in verdicts:
        if verdict.value is True:
            seen.update(dict.fromkeys(verdict.findings))
    return tuple(seen)


@dataclass(frozen=True)
class AllOf(Condition):
    children: tuple[Condition, ...]

    def evaluate(self, facts: Facts) -> Verdict:
        verdicts = [child.evaluate(facts) for child in self.children]
        values = [v.value for v in verdicts]
        if False in values:
            return _FALSE
        if None in values:
            return _UNKNOWN
        return Verdict(True, _join(verdicts))

    def questions(self) -> frozenset[str]:
        return frozenset().union(*(c.questions() for c in self.children))


@dataclass(frozen=True)
class AnyOf(Condition):
    children: tuple[Condition, ...]

    def evaluate(self, facts: Facts) -> Verdict:
        verdicts = [child.evaluate(facts) for child in self.children]
        values = [v.value for v in verdicts]
        if True in values:
            return Verdict(True, _join(verdicts))
        return _UNKNOWN if None in values else _FALSE

    def questions(self) -> frozenset[str]:
        return frozenset().union(*(c.questions() for c in self.children))


@dataclass(frozen=True)
class AtLeast(Condition):
    count: int
    children: tuple[Condition, ...]

    def evaluate(self, facts: Facts) -> Verdict:
        verdicts = [child.evaluate(facts) for child in self.children]
        true = sum(v.value is True for v in verdicts)
        unknown = sum(v.value is None for v in verdicts)
        if true >= self.count:
            return Verdict(True, _join(verdicts))
        # Still reachable if every unknown turned out true: cannot tell yet.
        return _UNKNOWN if true + unknown >= self.count else _FALSE

    def questions(self) -> frozenset[str]:
        return frozenset().union(*(c.questions() for c in self.children))


@dataclass(frozen=True)
class Not(Condition):
    child: Condition

    def evaluate(self, facts: Facts) -> Verdict:
        value = self.child.evaluate(facts).value
        # A negated fact is not a finding: "no trauma" does not point to a category.
        return _UNKNOWN if value is None else Verdict(not value)

    def questions(self) -> frozenset[str]:
        return self.child.questions()


@dataclass(frozen=True)
class Ref(Condition):
    name: str
    child: Condition

    def evaluate(self, facts: Facts) -> Verdict:
        return self.child.evaluate(facts)

    def questions(self) -> frozenset[str]:
        return self.child.questions()


@dataclass(frozen=True)
class Answered(Condition):
    question: str

    def evaluate(self, facts: Facts) -> Verdict:
        if facts.value(self.question) is None:
            return _FALSE
        return Verdict(True, (self.question,))

    def questions(self) -> frozenset[str]:
        return frozenset({self.question})


# Answers are whatever was given: a test of the wrong types raises TypeError (read as unknown).
_Test = Callable[[Any, Any], object]


def _contains_any(answer: object, wanted: object) -> bool:
    if not isinstance(answer, list | tuple) or not isinstance(wanted, tuple):
        return False
    return any(item in answer for item in wanted)


def _any_chosen(answer: object, _wanted: object) -> bool:
    return isinstance(answer, list | tuple) and len(answer) > 0


def _is_in(answer: object, wanted: object) -> bool:
    return isinstance(wanted, tuple) and answer in wanted


_TESTS: dict[str, _Test] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
    "in": _is_in,
    "contains_any": _contains_any,
    "any_chosen": _any_chosen,
}


@dataclass(frozen=True)
class Compare(Condition):
    """One question's answer tested against a value; unknown when unanswered."""

    question: str
    op: str
    expected: object = field(default=None)

    def evaluate(self, facts: Facts) -> Verdict:
        answer = facts.value(self.question)
        if answer is None:
            return _UNKNOWN
        try:
            result = _TESTS[self.op](answer, self.expected)
        except TypeError:
            return _UNKNOWN  # an answer of the wrong type: never guess
        return Verdict(True, (self.question,)) if result else _FALSE

    def questions(self) -> frozenset[str]:
        return frozenset({self.question})


@dataclass(frozen=True)
class Age(Condition):
    op: str
    years: float

    def evaluate(self, facts: Facts) -> Verdict:
        age = facts.age()
        if age is None:
            return _UNKNOWN
        return Verdict(True, (AGE_QUESTION,)) if _TESTS[self.op](age, self.years) else _FALSE

    def questions(self) -> frozenset[str]:
        return frozenset({AGE_QUESTION})


class ConditionError(Exception):
    """A condition that does not compile; `pattern` finds the offending text in the file."""

    def __init__(self, problem: str, pattern: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.pattern = pattern
        self.definition: str | None = None  # the innermost definition it happened in


def _quoted(text: object) -> str:
    return r"[\"']" + re.escape(str(text)) + r"[\"']"


def _key(name: str) -> str:
    return r"\b" + re.escape(name) + r"\s*="


_COMPARISONS = ("eq", "ne", "in", "lt", "le", "gt", "ge", "contains", "contains_any")
_AGE_OPS = {"age_lt": "lt", "age_le": "le", "age_gt": "gt", "age_ge": "ge"}
_OPERATORS = (
    "all",
    "any",
    "not",
    "at_least",
    "yes",
    "no",
    "answered",
    "is",
    "any_chosen",
    "question",
    *_AGE_OPS,
)


class Compiler:
    """Turns condition data into `Condition` trees, checking every id and operator."""

    def __init__(
        self,
        questions: Mapping[str, Question],
        settings: Mapping[str, float],
        definitions: Mapping[str, object],
    ) -> None:
        self._questions = questions
        self._settings = settings
        self._raw_definitions = definitions
        self._definitions: dict[str, Condition] = {}
        self._in_progress: list[str] = []

    def definition(self, name: str) -> Condition:
        if name in self._definitions:
            return self._definitions[name]
        if name not in self._raw_definitions:
            raise ConditionError(f"unknown definition {name!r} in 'is'", _quoted(name))
        if name in self._in_progress:
            loop = " -> ".join([*self._in_progress, name])
            raise ConditionError(f"definition refers to itself ({loop})", _quoted(name))
        self._in_progress.append(name)
        try:
            compiled = self.compile(self._raw_definitions[name])
        except ConditionError as exc:
            exc.definition = exc.definition or name
            raise
        finally:
            self._in_progress.pop()
        self._definitions[name] = compiled
        return compiled

    def compile(self, raw: object) -> Condition:
        if not isinstance(raw, Mapping) or not raw:
            raise ConditionError(
                f"a condition must be a table such as {{ yes = ... }}, got {raw!r}"
            )
        unknown = [key for key in raw if key not in (*_OPERATORS, *_COMPARISONS, "of")]
        if unknown:
            raise ConditionError(f"unknown operator {unknown[0]!r}", _key(unknown[0]))
        if "question" in raw:
            return self._comparison(raw)
        if "at_least" in raw:
            return self._at_least(raw)
        if len(raw) != 1:
            raise ConditionError(
                f"one operator per table, got {', '.join(map(repr, raw))}", _key(next(iter(raw)))
            )
        ((op, arg),) = raw.items()
        return self._single(op, arg)

    def _single(self, op: str, arg: object) -> Condition:
        if op in ("all", "any"):
            children = tuple(self.compile(item) for item in self._list(op, arg))
            return AllOf(children) if op == "all" else AnyOf(children)
        if op == "not":
            return Not(self.compile(arg))
        if op == "is":
            return Ref(str(arg), self.definition(self._text(op, arg)))
        if op in _AGE_OPS:
            self._question(AGE_QUESTION, op, QuestionType.DATE)
            return Age(_AGE_OPS[op], self._number(op, arg))
        if op in ("yes", "no"):
            qid = self._question(arg, op, QuestionType.YESNO)
            return Compare(qid, "eq", op == "yes")
        if op == "answered":
            return Answered(self._question(arg, op))
        if op == "any_chosen":
            return Compare(self._question(arg, op, QuestionType.MULTI), "any_chosen")
        raise ConditionError(f"{op!r} needs more than itself", _key(op))

    def _at_least(self, raw: Mapping[str, object]) -> Condition:
        count = raw["at_least"]
        if set(raw) != {"at_least", "of"}:
            raise ConditionError(
                "'at_least' is written { at_least = N, of = [ ... ] }", _key("at_least")
            )
        children = tuple(self.compile(item) for item in self._list("of", raw["of"]))
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= len(children):
            raise ConditionError(
                f"'at_least' needs a whole number from 1 to {len(children)}, got {count!r}",
                _key("at_least"),
            )
        return AtLeast(count, children)

    def _comparison(self, raw: Mapping[str, object]) -> Condition:
        ops = [key for key in raw if key != "question"]
        if len(ops) != 1 or ops[0] not in _COMPARISONS:
            raise ConditionError(
                "a 'question' table needs exactly one of " + ", ".join(_COMPARISONS),
                _key(ops[0]) if ops else _key("question"),
            )
        op = ops[0]
        qid = self._question(raw["question"], "question")
        question = self._questions[qid]
        value = raw[op]
        if op in ("contains", "contains_any"):
            self._require_type(question, op, QuestionType.MULTI)
            values = [value] if op == "contains" else self._list(op, value)
            return Compare(qid, "contains_any", tuple(self._choice(question, v) for v in values))
        if op == "in":
            self._require_type(question, op, QuestionType.CHOICE)
            return Compare(
                qid, "in", tuple(self._choice(question, v) for v in self._list(op, value))
            )
        return Compare(qid, op, self._operand(question, op, value))

    def _operand(self, question: Question, op: str, value: object) -> object:
        kind = question.type
        if kind in (QuestionType.NUMBER, QuestionType.SCALE):
            return self._number(op, value)
        if op not in ("eq", "ne"):
            raise ConditionError(
                f"{op!r} compares numbers, but {question.id!r} is a {kind} question", _key(op)
            )
        if kind == QuestionType.CHOICE:
            return self._choice(question, value)
        if kind == QuestionType.YESNO and isinstance(value, bool):
            return value
        raise ConditionError(
            f"cannot compare {kind} question {question.id!r} with {value!r}", _key(op)
        )

    def _question(self, arg: object, op: str, kind: QuestionType | None = None) -> str:
        qid = self._text(op, arg)
        if qid not in self._questions:
            raise ConditionError(f"unknown question id {qid!r} in {op!r}", _quoted(qid))
        if kind is not None:
            self._require_type(self._questions[qid], op, kind)
        return qid

    @staticmethod
    def _require_type(question: Question, op: str, kind: QuestionType) -> None:
        if question.type != kind:
            raise ConditionError(
                f"{op!r} needs a {kind} question, but {question.id!r} is {question.type}",
                _quoted(question.id),
            )

    @staticmethod
    def _choice(question: Question, value: object) -> str:
        if value not in question.choice_values:
            raise ConditionError(
                f"{value!r} is not a choice of {question.id!r} "
                f"(choices: {', '.join(question.choice_values)})",
                _quoted(value),
            )
        return str(value)

    def _number(self, op: str, value: object) -> float:
        # A number may be written as the name of a setting, so thresholds live in one place.
        if isinstance(value, str):
            if value not in self._settings:
                raise ConditionError(f"unknown setting {value!r} in {op!r}", _quoted(value))
            return self._settings[value]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConditionError(
                f"{op!r} needs a number or a setting name, got {value!r}", _key(op)
            )
        return value

    @staticmethod
    def _text(op: str, arg: object) -> str:
        if not isinstance(arg, str):
            raise ConditionError(f"{op!r} needs a name in quotes, got {arg!r}", _key(op))
        return arg

    @staticmethod
    def _list(op: str, arg: object) -> list[object]:
        if not isinstance(arg, list) or not arg:
            raise ConditionError(f"{op!r} needs a non-empty list [ ... ], got {arg!r}", _key(op))
        return arg
