"""Validating a checklist file's text into a `Checklist`.

A checklist that fails any check is refused with a `ChecklistError` naming the file, the line,
the entry and the problem: a broken checklist must never screen anyone as "clear".
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Mapping
from types import MappingProxyType
from typing import NoReturn, TypeGuard

from intake.screening.checklist import CategoryRule, Checklist, Rule
from intake.screening.conditions import (
    AGE_QUESTION,
    AllOf,
    Compiler,
    Condition,
    ConditionError,
)
from intake.screening.errors import ChecklistError
from intake.screening.locate import Locator
from intake.screening.questions import Choice, Question, QuestionType, Section
from intake.screening.triage import TriageLevel

_ID = re.compile(r"^[a-z][a-z0-9_]*$")

_TOP_KEYS = (
    "checklist",
    "settings",
    "definitions",
    "sections",
    "categories",
    "rules",
    "cervicogenic_headache",
    "scores",
    "booking",
)
_BOOKING_KEYS = ("consents", "consent_missing")
_QUESTION_KEYS = (
    "id",
    "type",
    "text",
    "help",
    "required",
    "choices",
    "min",
    "max",
    "integer",
    "skippable",
    "asked_when",
)
_RULE_KEYS = ("id", "level", "when", "message", "rationale", "source")
_SETTINGS_USED_BY_ENGINE = ("acute_below_weeks", "chronic_above_weeks", "ndi_meaningful_change")
_CERVICOGENIC = ("Ia", "Ib", "Ic", "III", "met")
_NDI_SECTIONS = 10
_SECTION_HEADER = "[[sections]]"
# A question before its condition is compiled: the question, its line, its raw table.
_Draft = tuple[Question, int | None, dict[str, object]]
_QUESTION_HEADER = "[[sections.questions]]"


def parse_checklist(text: str, label: str) -> Checklist:
    return _Parser(text, label).parse()


class _Parser:
    def __init__(self, text: str, label: str) -> None:
        self._text = text
        self._label = label
        self._loc = Locator(text)

    def fail(self, problem: str, *, line: int | None = None, where: str | None = None) -> NoReturn:
        raise ChecklistError(self._label, problem, line=line, where=where)

    def parse(self) -> Checklist:
        data = self._toml()
        self._known_keys(data, _TOP_KEYS, "the file", None, header="")
        meta = self._table(data, "checklist")
        settings = self._settings(self._table(data, "settings"))
        raw_sections = self._list(data, "sections", None, "the file")
        drafts = self._questions(raw_sections)
        index = {question.id: question for question, _, _ in drafts}
        if AGE_QUESTION not in index:
            self.fail(f"the checklist needs a date question {AGE_QUESTION!r} (date of birth)")
        definitions = self._table(data, "definitions", required=False)
        self._compiler = Compiler(index, settings, definitions)
        for name in definitions:
            self._compile(
                {"is": name}, f"definition {name!r}", self._loc.key("[definitions]", name)
            )
        sections = self._sections(raw_sections, drafts)
        index = {q.id: q for section in sections for q in section.questions}
        criteria, met = self._cervicogenic(self._table(data, "cervicogenic_headache"))
        scores = self._table(data, "scores")
        booking = self._table(data, "booking")
        self._known_keys(booking, _BOOKING_KEYS, "[booking]", None, header="[booking]")
        return Checklist(
            id=self._text_value(meta, "id", "[checklist]", self._loc.header("[checklist]")),
            version=self._version(meta),
            title=str(meta.get("title", "")),
            sections=sections,
            rules=self._rules(data),
            categories=self._categories(data),
            settings=MappingProxyType(settings),
            cervicogenic_criteria=criteria,
            cervicogenic_met=met,
            ndi_sections=self._ndi(scores, index),
            pain=self._pain(scores, index),
            stage_question=self._stage_question(scores, index),
            consents=self._consents(booking, index),
            consent_message=self._text_value(
                booking, "consent_missing", "[booking]", self._loc.header("[booking]")
            ),
            source=self._label,
            _index=MappingProxyType(index),
        )

    # -- the file as a whole ------------------------------------------------------------

    def _toml(self) -> dict[str, object]:
        try:
            return tomllib.loads(self._text)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            match = re.search(r"at line (\d+)", message)
            self.fail(f"TOML syntax error: {message}", line=int(match[1]) if match else None)

    def _table(
        self, data: Mapping[str, object], name: str, *, required: bool = True
    ) -> dict[str, object]:
        value = data.get(name)
        if value is None and not required:
            return {}
        if not isinstance(value, dict):
            self.fail(f"a [{name}] table is required", line=self._loc.header(f"[{name}]"))
        return value

    def _version(self, meta: Mapping[str, object]) -> str:
        version = meta.get("version")
        if isinstance(version, bool) or not isinstance(version, int | str) or version == "":
            self.fail(
                '[checklist] needs a version, e.g. version = "1"',
                line=self._loc.key("[checklist]", "version"),
            )
        return str(version)

    def _settings(self, raw: Mapping[str, object]) -> dict[str, float]:
        settings: dict[str, float] = {}
        for name, value in raw.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.fail(
                    f"setting {name!r} must be a number, got {value!r}",
                    line=self._loc.key("[settings]", name),
                    where="[settings]",
                )
            settings[name] = value
        for name in _SETTINGS_USED_BY_ENGINE:
            if name not in raw:
                self.fail(
                    f"missing setting {name!r}",
                    line=self._loc.header("[settings]"),
                    where="[settings]",
                )
        return settings

    # -- sections and questions ---------------------------------------------------------

    def _questions(self, raw_sections: list[dict[str, object]]) -> list[_Draft]:
        """First pass: every question without its condition, so conditions can refer to any."""
        drafts: list[_Draft] = []
        section_ids: dict[str, int] = {}
        question_ids: dict[str, int] = {}
        for raw in raw_sections:
            section_id = self._entry_id(raw, _SECTION_HEADER, section_ids, "section")
            where = f"section {section_id!r}"
            line = self._loc.entry(_SECTION_HEADER, section_id, section_ids[section_id])
            self._known_keys(raw, ("id", "title", "asked_when", "questions"), where, line)
            for raw_question in self._list(raw, "questions", line, where):
                qid = self._entry_id(raw_question, _QUESTION_HEADER, question_ids, "question")
                qline = self._loc.entry(_QUESTION_HEADER, qid, question_ids[qid])
                question = self._question(raw_question, qid, section_id, qline)
                drafts.append((question, qline, raw_question))
        return drafts

    def _entry_id(
        self, raw: Mapping[str, object], header: str, seen: dict[str, int], kind: str
    ) -> str:
        entry_id = raw.get("id")
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            self.fail(
                f"a {kind} needs an id of lower-case letters, digits and _, got {entry_id!r}",
                line=self._loc.header(header),
                where=kind,
            )
        seen[entry_id] = seen.get(entry_id, 0) + 1
        if seen[entry_id] > 1:
            self.fail(
                f"duplicate {kind} id {entry_id!r}",
                line=self._loc.entry(header, entry_id, seen[entry_id]),
                where=f"{kind} {entry_id!r}",
            )
        return entry_id

    def _question(
        self, raw: Mapping[str, object], qid: str, section: str, line: int | None
    ) -> Question:
        where = f"question {qid!r}"
        self._known_keys(raw, _QUESTION_KEYS, where, line)
        kind_text = raw.get("type")
        try:
            if not isinstance(kind_text, str):
                raise ValueError(kind_text)  # a number or a table names no type
            kind = QuestionType(kind_text)
        except ValueError:
            self.fail(
                f"unknown question type {kind_text!r} (types: "
                f"{', '.join(t.value for t in QuestionType)})",
                line=self._loc.key_after(line, "type"),
                where=where,
            )
        choices = self._choices(raw, kind, where, line)
        minimum, maximum = self._range(raw, kind, where, line)
        return Question(
            id=qid,
            type=kind,
            text=self._text_value(raw, "text", where, line),
            help=str(raw.get("help", "")),
            required=self._flag(raw, "required", where, line),
            section=section,
            choices=choices,
            minimum=minimum,
            maximum=maximum,
            integer=kind == QuestionType.SCALE or self._flag(raw, "integer", where, line),
            skippable=self._flag(raw, "skippable", where, line),
        )

    def _choices(
        self, raw: Mapping[str, object], kind: QuestionType, where: str, line: int | None
    ) -> tuple[Choice, ...]:
        if kind not in (QuestionType.CHOICE, QuestionType.MULTI):
            if "choices" in raw:
                self.fail(
                    f"a {kind} question has no choices",
                    line=self._loc.key_after(line, "choices"),
                    where=where,
                )
            return ()
        choices: list[Choice] = []
        for item in self._list(raw, "choices", line, where):
            value, label = item.get("value"), item.get("label", item.get("value"))
            if not isinstance(value, str) or not _ID.match(value) or not isinstance(label, str):
                self.fail(
                    f'a choice needs value = "lower_case" and label = "...", got {item!r}',
                    line=self._loc.key_after(line, "choices"),
                    where=where,
                )
            if any(choice.value == value for choice in choices):
                self.fail(
                    f"duplicate choice {value!r}",
                    line=self._loc.token_after(
                        self._loc.key_after(line, "choices"), f"[\"']{re.escape(value)}[\"']"
                    ),
                    where=where,
                )
            choices.append(Choice(value, label))
        return tuple(choices)

    def _range(
        self, raw: Mapping[str, object], kind: QuestionType, where: str, line: int | None
    ) -> tuple[float | None, float | None]:
        if kind not in (QuestionType.NUMBER, QuestionType.SCALE):
            for key in ("min", "max", "integer"):
                if key in raw:
                    self.fail(
                        f"a {kind} question has no {key!r}",
                        line=self._loc.key_after(line, key),
                        where=where,
                    )
            return None, None
        low, high = raw.get("min"), raw.get("max")
        whole = all(isinstance(v, int) for v in (low, high)) or kind != QuestionType.SCALE
        if not _is_number(low) or not _is_number(high) or not whole or not low < high:
            self.fail(
                f"bad range: a {kind} question needs min < max"
                f"{' (whole numbers)' if kind == QuestionType.SCALE else ''}, "
                f"got min = {low!r}, max = {high!r}",
                line=self._loc.key_after(line, "min" if "min" in raw else "type"),
                where=where,
            )
        return low, high

    def _sections(
        self, raw_sections: list[dict[str, object]], drafts: list[_Draft]
    ) -> tuple[Section, ...]:
        """Second pass: attach each question's 'asked when' (its section's and its own)."""
        declared: set[str] = set()
        section_conditions: dict[str, Condition | None] = {}
        by_section: dict[str, list[Question]] = {str(s["id"]): [] for s in raw_sections}
        for question, line, raw in drafts:
            sid = question.section
            if sid not in section_conditions:
                raw_section = next(s for s in raw_sections if s["id"] == sid)
                section_conditions[sid] = self._asked_when(
                    raw_section, f"section {sid!r}", self._loc.entry(_SECTION_HEADER, sid), declared
                )
            own = self._asked_when(raw, f"question {question.id!r}", line, declared)
            parts = tuple(c for c in (section_conditions[sid], own) if c is not None)
            asked_when = AllOf(parts) if len(parts) == 2 else (parts[0] if parts else None)
            declared.add(question.id)
            by_section[sid].append(dataclasses.replace(question, asked_when=asked_when))
        return tuple(
            Section(
                str(s["id"]),
                str(s.get("title", s["id"])),
                tuple(by_section[str(s["id"])]),
                asked_when=section_conditions.get(str(s["id"])),
            )
            for s in raw_sections
        )

    def _asked_when(
        self, raw: Mapping[str, object], where: str, line: int | None, declared: set[str]
    ) -> Condition | None:
        if "asked_when" not in raw:
            return None
        key_line = self._loc.key_after(line, "asked_when")
        condition = self._compile(raw["asked_when"], where, key_line)
        later = sorted(condition.questions() - declared)
        if later:
            # The form is filled top to bottom: a question can only depend on earlier ones.
            self.fail(
                f"'asked_when' refers to {later[0]!r}, which is not asked before it",
                line=self._loc.token_after(key_line, f"[\"']{re.escape(later[0])}[\"']"),
                where=where,
            )
        return condition

    # -- rules, categories, cervicogenic headache, scores -------------------------------

    def _rules(self, data: Mapping[str, object]) -> tuple[Rule, ...]:
        rules: list[Rule] = []
        seen: dict[str, int] = {}
        for raw in self._list(data, "rules", None, "the file"):
            rid = self._entry_id(raw, "[[rules]]", seen, "rule")
            where = f"rule {rid!r}"
            line = self._loc.entry("[[rules]]", rid)
            self._known_keys(raw, _RULE_KEYS, where, line)
            level_text = raw.get("level")
            try:
                if not isinstance(level_text, str):
                    raise ValueError(level_text)  # a number or a table names no level
                level = TriageLevel(level_text)
            except ValueError:
                self.fail(
                    f"unknown triage level {level_text!r} (levels: "
                    f"{', '.join(t.value for t in TriageLevel)})",
                    line=self._loc.key_after(line, "level"),
                    where=where,
                )
            if "when" not in raw:
                self.fail("a rule needs a 'when' condition", line=line, where=where)
            rules.append(
                Rule(
                    id=rid,
                    level=level,
                    when=self._compile(raw["when"], where, self._loc.key_after(line, "when")),
                    message=self._text_value(raw, "message", where, line),
                    rationale=self._text_value(raw, "rationale", where, line),
                    source=self._text_value(raw, "source", where, line),
                )
            )
        return tuple(rules)

    def _categories(self, data: Mapping[str, object]) -> tuple[CategoryRule, ...]:
        categories: list[CategoryRule] = []
        seen: dict[str, int] = {}
        for raw in self._list(data, "categories", None, "the file"):
            cid = self._entry_id(raw, "[[categories]]", seen, "category")
            where = f"category {cid!r}"
            line = self._loc.entry("[[categories]]", cid)
            self._known_keys(raw, ("id", "title", "when"), where, line)
            if "when" not in raw:
                self.fail("a category needs a 'when' condition", line=line, where=where)
            when = self._compile(raw["when"], where, self._loc.key_after(line, "when"))
            categories.append(CategoryRule(cid, str(raw.get("title", cid)), when))
        return tuple(categories)

    def _cervicogenic(
        self, raw: Mapping[str, object]
    ) -> tuple[tuple[tuple[str, Condition], ...], Condition]:
        where = "[cervicogenic_headache]"
        self._known_keys(raw, _CERVICOGENIC, where, self._loc.header(where), header=where)
        compiled: dict[str, Condition] = {}
        for name in _CERVICOGENIC:
            if not isinstance(raw.get(name), str):
                self.fail(
                    f'{name!r} must name a definition, e.g. {name} = "cgh_{name}"',
                    line=self._loc.key(where, name) or self._loc.header(where),
                    where=where,
                )
            compiled[name] = self._compile({"is": raw[name]}, where, self._loc.key(where, name))
        criteria = tuple((name, compiled[name]) for name in _CERVICOGENIC if name != "met")
        return criteria, compiled["met"]

    def _ndi(self, scores: Mapping[str, object], index: Mapping[str, Question]) -> tuple[str, ...]:
        ids = scores.get("ndi")
        line = self._loc.key("[scores]", "ndi")
        if not isinstance(ids, list) or len(ids) != _NDI_SECTIONS:
            self.fail(
                f"'ndi' must list the {_NDI_SECTIONS} NDI section questions",
                line=line,
                where="[scores]",
            )
        for qid in ids:
            self._scale(index, qid, 0, 5, line)
        return tuple(ids)

    def _pain(
        self, scores: Mapping[str, object], index: Mapping[str, Question]
    ) -> tuple[tuple[str, str], ...]:
        pain = scores.get("pain")
        line = self._loc.key("[scores]", "pain")
        if not isinstance(pain, dict) or set(pain) != {"now", "best", "worst"}:
            self.fail(
                "'pain' must be { now = ..., best = ..., worst = ... }", line=line, where="[scores]"
            )
        for qid in pain.values():
            self._scale(index, qid, 0, 10, line)
        return tuple((key, str(pain[key])) for key in ("now", "best", "worst"))

    def _scale(
        self, index: Mapping[str, Question], qid: object, low: int, high: int, line: int | None
    ) -> None:
        question = index.get(str(qid))
        if (
            question is None
            or question.type != QuestionType.SCALE
            or ((question.minimum, question.maximum) != (low, high))
        ):
            self.fail(
                f"{qid!r} must be a {low}-{high} scale question",
                line=self._loc.token_after(line, f"[\"']{re.escape(str(qid))}[\"']"),
                where="[scores]",
            )

    def _stage_question(self, scores: Mapping[str, object], index: Mapping[str, Question]) -> str:
        qid = scores.get("stage_from")
        question = index.get(str(qid))
        if question is None or question.type != QuestionType.NUMBER:
            self.fail(
                f"'stage_from' must name a number question (weeks), got {qid!r}",
                line=self._loc.key("[scores]", "stage_from"),
                where="[scores]",
            )
        return question.id

    def _consents(
        self, booking: Mapping[str, object], index: Mapping[str, Question]
    ) -> tuple[str, ...]:
        """The consents booking waits for: yes/no questions asked of everyone, each once."""
        ids = booking.get("consents")
        line = self._loc.key("[booking]", "consents")
        if not isinstance(ids, list) or not all(isinstance(q, str) for q in ids):
            self.fail(
                "'consents' must list the ids of the yes/no questions booking needs answered "
                "yes (an empty list [] if none)",
                line=line or self._loc.header("[booking]"),
                where="[booking]",
            )
        for number, qid in enumerate(ids):
            if problem := _consent_problem(index.get(qid), qid in ids[:number]):
                self.fail(
                    f"consent {qid!r} {problem}",
                    line=self._loc.token_after(line, f"[\"']{re.escape(qid)}[\"']"),
                    where="[booking]",
                )
        return tuple(ids)

    # -- small helpers ------------------------------------------------------------------

    def _compile(self, raw: object, where: str, line: int | None) -> Condition:
        try:
            return self._compiler.compile(raw)
        except ConditionError as exc:
            if exc.definition and where != f"definition {exc.definition!r}":
                # The fault is inside a definition: point there, not at its user.
                where = f"definition {exc.definition!r}"
                line = self._loc.key("[definitions]", exc.definition)
            self.fail(exc.problem, line=self._loc.token_after(line, exc.pattern), where=where)

    def _known_keys(
        self,
        raw: Mapping[str, object],
        allowed: tuple[str, ...],
        where: str,
        line: int | None,
        *,
        header: str | None = None,
    ) -> None:
        for key in raw:
            if key not in allowed:
                found = (
                    self._loc.key(header, key)
                    if header is not None
                    else self._loc.key_after(line, key)
                )
                self.fail(
                    f"unknown key {key!r} (expected one of: {', '.join(allowed)})",
                    line=found,
                    where=where,
                )

    def _list(
        self, raw: Mapping[str, object], key: str, line: int | None, where: str
    ) -> list[dict[str, object]]:
        value = raw.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            self.fail(f"'{key}' must be a non-empty list of tables", line=line, where=where)
        return value

    def _text_value(self, raw: Mapping[str, object], key: str, where: str, line: int | None) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(
                f"{key!r} must be non-empty text",
                line=self._loc.key_after(line, key) if key in raw else line,
                where=where,
            )
        return value

    def _flag(self, raw: Mapping[str, object], key: str, where: str, line: int | None) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            self.fail(
                f"{key!r} must be true or false, got {value!r}",
                line=self._loc.key_after(line, key),
                where=where,
            )
        return value


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _consent_problem(question: Question | None, repeated: bool) -> str:
    if question is None:
        return "is not a question of this checklist"
    if question.type != QuestionType.YESNO:
        return "is not a yes/no question"
    if question.asked_when is not None:
        return "is asked only sometimes ('asked_when'); a consent is asked of everyone"
    return "is listed twice" if repeated else ""
