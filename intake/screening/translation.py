"""A checklist's texts in another language: a companion file per language, checked complete.

Design. The English checklist file (`neck-headache-1.toml`) stays as it is: the clinical
lead reads and edits one language, with the rules' logic beside their words. Each other
language is a companion file next to it (`neck-headache-1.es.toml`) holding only texts,
keyed by the stable ids the English file already has:

    [questions.sex]                 # a question's text and help
    text = "¿Qué sexo se le asignó al nacer?"
    [questions.sex.choices]         # its choice labels, by stored value
    female = "Femenino"
    [sections.ndi]                  # a section's title (and, for the NDI, `validated`)
    [rules.hd_thunderclap]          # a rule's message (front desk) and rationale (therapist)
    [categories.headache]           # a category's title
    [booking]  consent_missing      [checklist]  language, id, version, title

Inline pairs (`text = { en = …, es = … }`) would double every entry of the English file and
bury its conditions; a companion file keeps the English readable, lets a translator or
reviewer work on one short file (each entry carries the English it translates as a comment),
and is checkable: the loader refuses a companion file with a missing, extra, empty or
mistyped text (`ChecklistError` naming the key and the line: an extra or bad entry at its
line in the companion file, a missing one at the English text that lacks it). Conditions,
values, ids, citations (`source`) and numbers are never translated, so the screening result
cannot depend on the language: only texts differ.

A section whose English wording is a validated instrument (the Neck Disability Index) must say
in every translation whether the translated wording is the validated one: `validated = false`
marks our own working translation (`Section.working_translation`), to be replaced by the
licensed validated text.

The form (sections, questions, help, choices) follows the patient's language and the staff's
texts (rule messages and rationales, category titles, the checklist title, the consent
message) follow the staff's language: `apply` takes the two separately.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NoReturn

from intake.screening.checklist import Checklist, Rule
from intake.screening.errors import ChecklistError
from intake.screening.locate import Locator
from intake.screening.questions import Choice, Question
from intake.screening.result import Flag, ScreeningResult

ENGLISH = "en"
LANGUAGE = re.compile(r"^[a-z]{2}$")
NAMES = {"en": "English", "es": "Spanish"}  # for messages; other codes are shown as codes

Key = tuple[str, ...]  # ("questions", "sex", "choices", "female")
_TOP = ("checklist", "sections", "questions", "rules", "categories", "booking")
_META = ("language", "id", "version")
_VALIDATED = "validated"
_KINDS = {
    "sections": "section",
    "questions": "question",
    "rules": "rule",
    "categories": "category",
}


@dataclass(frozen=True)
class Translation:
    """Every text of one checklist in one language, keyed as in the companion file."""

    language: str
    texts: Mapping[Key, str]
    unvalidated: frozenset[str] = frozenset()  # sections marked `validated = false`

    def __getitem__(self, key: Key) -> str:
        return self.texts[key]


def english_texts(checklist: Checklist) -> dict[Key, str]:
    """The texts a translation must give, with their English, in checklist order."""
    texts: dict[Key, str] = {("checklist", "title"): checklist.title}
    for section in checklist.sections:
        texts["sections", section.id, "title"] = section.title
    for question in checklist.questions:
        texts["questions", question.id, "text"] = question.text
        if question.help:
            texts["questions", question.id, "help"] = question.help
        for choice in question.choices:
            texts["questions", question.id, "choices", choice.value] = choice.label
    for rule in checklist.rules:
        texts["rules", rule.id, "message"] = rule.message
        texts["rules", rule.id, "rationale"] = rule.rationale
    for category in checklist.categories:
        texts["categories", category.id, "title"] = category.title
    texts["booking", "consent_missing"] = checklist.consent_message
    return texts


def english(checklist: Checklist) -> Translation:
    return Translation(ENGLISH, MappingProxyType(english_texts(checklist)))


def dotted(key: Key) -> str:
    return ".".join(key)


def companion_name(file_name: str, language: str) -> str:
    """`neck-headache-1.toml` -> `neck-headache-1.es.toml`."""
    stem = file_name.removesuffix(".toml")
    return f"{stem}.{language}.toml"


def parse_translation(
    text: str,
    label: str,
    *,
    checklist: Checklist,
    language: str,
    english_text: str,
    english_label: str,
) -> Translation:
    """Read and check a companion file against the English checklist it translates."""
    return _TranslationParser(text, label, checklist, language, english_text, english_label).parse()


def apply(checklist: Checklist, form: Translation, staff: Translation) -> Checklist:
    """The same checklist with the form's texts from `form` and the staff's from `staff`.

    Only texts change: ids, types, values, conditions, settings and scores are shared, so
    the engine gives the same result for the same answers whatever the languages.
    """
    sections = tuple(
        dataclasses.replace(
            section,
            title=form["sections", section.id, "title"],
            questions=tuple(_question(q, form) for q in section.questions),
            working_translation=section.id in form.unvalidated,
        )
        for section in checklist.sections
    )
    return dataclasses.replace(
        checklist,
        title=staff["checklist", "title"],
        sections=sections,
        rules=tuple(
            dataclasses.replace(
                rule,
                message=staff["rules", rule.id, "message"],
                rationale=staff["rules", rule.id, "rationale"],
            )
            for rule in checklist.rules
        ),
        categories=tuple(
            dataclasses.replace(category, title=staff["categories", category.id, "title"])
            for category in checklist.categories
        ),
        consent_message=staff["booking", "consent_missing"],
        language=form.language,
        staff_language=staff.language,
        _index=MappingProxyType({q.id: q for s in sections for q in s.questions}),
    )


def in_language(result: ScreeningResult, checklist: Checklist) -> ScreeningResult:
    """A result with its flags' message and rationale in `checklist`'s staff language.

    A stored result keeps the texts it was screened with; shown to staff who read another
    language, each flag takes the text of the same rule (by id) from the same checklist
    version. A result from another checklist, or a rule it does not know, keeps its text.
    """
    if (result.checklist_id, result.checklist_version) != (checklist.id, checklist.version):
        return result
    rules = {rule.id: rule for rule in checklist.rules}
    return dataclasses.replace(
        result, flags=tuple(_flag(flag, rules.get(flag.id)) for flag in result.flags)
    )


def _flag(flag: Flag, rule: Rule | None) -> Flag:
    if rule is None:
        return flag
    return dataclasses.replace(flag, message=rule.message, rationale=rule.rationale)


def _question(question: Question, form: Translation) -> Question:
    key = ("questions", question.id)
    return dataclasses.replace(
        question,
        text=form[(*key, "text")],
        help=form[(*key, "help")] if question.help else "",
        choices=tuple(Choice(c.value, form[(*key, "choices", c.value)]) for c in question.choices),
    )


class _TranslationParser:
    def __init__(
        self,
        text: str,
        label: str,
        checklist: Checklist,
        language: str,
        english_text: str,
        english_label: str,
    ) -> None:
        self._text = text
        self._label = label
        self._loc = Locator(text)
        self._checklist = checklist
        self._language = language
        self._english_loc = Locator(english_text)
        self._english_label = english_label
        self._name = NAMES.get(language, language)

    def fail(self, problem: str, key: Key, *, line: int | None = None) -> NoReturn:
        where = f"[{dotted(key[:-1])}]" if len(key) > 1 else dotted(key)
        raise ChecklistError(self._label, problem, line=line or self._line(key), where=where)

    def parse(self) -> Translation:
        data = self._toml()
        for name in data:
            if name not in _TOP:
                self.fail(f"unknown table {name!r} (expected one of: {', '.join(_TOP)})", (name,))
        self._meta(data.get("checklist"))
        expected = english_texts(self._checklist)
        texts: dict[Key, str] = {}
        unvalidated: set[str] = set()
        for key, value in _leaves(data):
            if key[0] == "checklist" and len(key) == 2 and key[1] in _META:
                continue
            if len(key) == 3 and key[0] == "sections" and key[2] == _VALIDATED:
                self._validated(key, value, unvalidated)
                continue
            if key not in expected:
                self.fail(self._extra(key), key)
            if not isinstance(value, str) or not value.strip():
                self.fail(f"{dotted(key)!r} must be non-empty text, got {value!r}", key)
            texts[key] = value
        for key in expected:
            if key not in texts:
                self._missing(key)
        self._ndi_flag(data)
        ordered = {key: texts[key] for key in expected}
        return Translation(self._language, MappingProxyType(ordered), frozenset(unvalidated))

    def _toml(self) -> dict[str, object]:
        try:
            return tomllib.loads(self._text)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            match = re.search(r"at line (\d+)", message)
            raise ChecklistError(
                self._label,
                f"TOML syntax error: {message}",
                line=int(match[1]) if match else None,
            ) from exc

    def _meta(self, meta: object) -> None:
        if not isinstance(meta, dict):
            raise ChecklistError(
                self._label,
                f'a [checklist] table is required: language = "{self._language}", '
                f'id = "{self._checklist.id}", version = "{self._checklist.version}"',
                line=self._loc.header("[checklist]"),
            )
        wanted = {
            "language": self._language,
            "id": self._checklist.id,
            "version": self._checklist.version,
        }
        for name, value in wanted.items():
            found = meta.get(name)
            if str(found) != value or isinstance(found, bool):
                self.fail(
                    f"this file must say {name} = {value!r} (the checklist it translates), "
                    f"got {found!r}",
                    ("checklist", name),
                    line=self._loc.key("[checklist]", name) or self._loc.header("[checklist]"),
                )

    def _validated(self, key: Key, value: object, unvalidated: set[str]) -> None:
        if key[1] not in {s.id for s in self._checklist.sections}:
            self.fail(self._extra(key), key)
        if not isinstance(value, bool):
            self.fail(f"{_VALIDATED!r} must be true or false, got {value!r}", key)
        if not value:
            unvalidated.add(key[1])

    def _ndi_flag(self, data: Mapping[str, object]) -> None:
        """The NDI section must say whether its wording is the validated translation."""
        ndi = self._checklist.ndi_section
        sections = data.get("sections")
        table = sections.get(ndi.id) if ndi and isinstance(sections, dict) else None
        if ndi and (not isinstance(table, dict) or _VALIDATED not in table):
            self.fail(
                f"the {self._name} NDI must say whether it is the validated translation: "
                f"{_VALIDATED} = false for our own working translation, true only for the "
                "licensed validated text",
                ("sections", ndi.id, _VALIDATED),
                line=self._loc.header(f"[sections.{ndi.id}]"),
            )

    def _extra(self, key: Key) -> str:
        known = {
            "sections": {s.id for s in self._checklist.sections},
            "questions": {q.id for q in self._checklist.questions},
            "rules": {r.id for r in self._checklist.rules},
            "categories": {c.id for c in self._checklist.categories},
        }
        if key[0] in known and len(key) > 1 and key[1] not in known[key[0]]:
            why = f"the English checklist has no {_KINDS[key[0]]} {key[1]!r}"
        elif key[:3] == ("questions", key[1], "choices") and len(key) == 4:
            why = f"question {key[1]!r} has no choice {key[3]!r}"
        else:
            why = "the English checklist has no such text"
        return f"extra translation {dotted(key)!r}: {why}"

    def _missing(self, key: Key) -> NoReturn:
        raise ChecklistError(
            self._english_label,
            f"no {self._name} text: {self._label} lacks {dotted(key)!r}",
            line=self._english_line(key),
            where=_english_where(key),
        )

    def _line(self, key: Key) -> int | None:
        """The line of `key` in the companion file, however its tables are written."""
        for split in range(len(key) - 1, -1, -1):
            header = f"[{dotted(key[:split])}]" if split else ""
            line = self._loc.key(header, dotted(key[split:]))
            if line is not None:
                return line
        for split in range(len(key), 0, -1):  # else the table it is in, or is
            line = self._loc.header(f"[{dotted(key[:split])}]")
            if line is not None:
                return line
        return None

    def _english_line(self, key: Key) -> int | None:
        loc = self._english_loc
        kind, *rest = key
        if kind == "checklist":
            return loc.key("[checklist]", "title")
        if kind == "booking":
            return loc.key("[booking]", rest[0])
        header = {
            "sections": "[[sections]]",
            "questions": "[[sections.questions]]",
            "rules": "[[rules]]",
            "categories": "[[categories]]",
        }[kind]
        start = loc.entry(header, rest[0])
        if rest[1:2] == ["choices"]:
            return loc.token_after(
                loc.key_after(start, "choices"), f"[\"']{re.escape(rest[2])}[\"']"
            )
        return loc.key_after(start, rest[1])


def _english_where(key: Key) -> str:
    if key[0] in _KINDS:
        return f"{_KINDS[key[0]]} {key[1]!r}"
    return f"[{key[0]}]"


def _leaves(data: Mapping[str, object], prefix: Key = ()) -> Iterator[tuple[Key, object]]:
    for name, value in data.items():
        if isinstance(value, dict):
            yield from _leaves(value, (*prefix, name))
        else:
            yield (*prefix, name), value
