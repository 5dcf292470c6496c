"""Reading QuestionnaireResponses sent to us (a portal's, or our own export's) back into our
answers: the checklist version they answer, the answers typed as its Questionnaire says, and
what they tell of the patient. Pure: no database; the import service does the matching.

Everything is checked before anything is returned: a file with one bad document raises
BadDocument listing every problem (each naming its document and item), so the caller writes
nothing. A file that is not JSON, or not FHIR at all, raises UnreadableFile.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterator
from typing import Any

from intake import screening
from intake.domain.errors import BadDocument, UnreadableFile
from intake.domain.incoming import IncomingResponse, PatientHint
from intake.fhir.codes import NDI_TOTAL_LINK, NONE_OF_THESE, FhirNames, section_link
from intake.fhir.values import checklist_names, is_ndi
from intake.screening.answers import check_value
from intake.screening.questions import Question, QuestionType, Section

JsonDict = dict[str, Any]
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# FHIR's QuestionnaireResponse.status values we take in; entered-in-error is withdrawn.
_STATUSES = ("in-progress", "completed", "amended", "stopped")
_VALUE_KEY = {
    QuestionType.YESNO: "valueBoolean",
    QuestionType.CHOICE: "valueCoding",
    QuestionType.MULTI: "valueCoding",
    QuestionType.DATE: "valueDate",
}
_TYPE_WORDS = {
    "valueBoolean": "yes or no (valueBoolean)",
    "valueCoding": "a coded choice (valueCoding)",
    "valueDate": "a date (valueDate)",
    "valueInteger": "a whole number (valueInteger)",
    "valueDecimal": "a number (valueDecimal)",
}


def parse_file(data: bytes, *, ndjson: bool = False) -> list[object]:
    """The file's documents: one JSON document, or one per line of an .ndjson file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(["The file is not text (UTF-8); it cannot be FHIR JSON."]) from None
    if not ndjson:
        return [_json(text, "The file")]
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        raise UnreadableFile(["The file holds no FHIR resources (every line is blank)."])
    return [_json(line, f"Line {n}") for n, line in lines]


def _json(text: str, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            [f"{where} is not valid JSON: {exc.msg} (line {exc.lineno})."]
        ) from None
    except (ValueError, RecursionError):  # a number too long to convert, absurd nesting
        raise UnreadableFile([f"{where} cannot be read as JSON."]) from None


def read_responses(
    documents: list[object], base_url: str, *, today: dt.date
) -> list[IncomingResponse]:
    """Every QuestionnaireResponse of the documents (each a response or a Bundle of them),
    checked whole; BadDocument lists every problem if any is found."""
    resources = list(_resources(documents))
    patients = {ref: res for ref, res in _patient_refs(resources)}
    reader = _Reader(_checklist_urls(base_url), base_url, today)
    responses = [
        reader.response(resource, f"response {n}", patients)
        for n, resource in enumerate(
            (r for r in resources if r.get("resourceType") == "QuestionnaireResponse"), 1
        )
    ]
    for n, resource in enumerate(resources, 1):
        kind = resource.get("resourceType")
        if kind not in ("QuestionnaireResponse", "Patient"):
            reader.problems.append(
                f"resource {n}: a {_short(kind)} is not taken in (only QuestionnaireResponses, "
                "and the Patients they name)"
            )
    if not responses and not reader.problems:
        reader.problems.append("The file holds no QuestionnaireResponse.")
    if reader.problems:
        raise BadDocument(reader.problems)
    return [r for r in responses if r is not None]


def _resources(documents: list[object]) -> Iterator[JsonDict]:
    for n, document in enumerate(documents, 1):
        where = "The file" if len(documents) == 1 else f"Document {n}"
        if not isinstance(document, dict) or not isinstance(document.get("resourceType"), str):
            raise UnreadableFile([f"{where} is not a FHIR resource (no resourceType)."])
        if document["resourceType"] != "Bundle":
            yield document
            continue
        entries = document.get("entry", [])
        if not isinstance(entries, list):
            raise BadDocument([f"{where}: the Bundle's entry is not a list."])
        for m, entry in enumerate(entries, 1):
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
                raise BadDocument([f"{where}: Bundle entry {m} holds no FHIR resource."])
            if isinstance(entry.get("fullUrl"), str):
                resource = {**resource, "_fullUrl": entry["fullUrl"]}
            yield resource


def _patient_refs(resources: list[JsonDict]) -> Iterator[tuple[str, JsonDict]]:
    """Patients of the file by every way a response's subject may name them."""
    for resource in resources:
        if resource.get("resourceType") != "Patient":
            continue
        if isinstance(resource.get("_fullUrl"), str):
            yield resource["_fullUrl"], resource
        if isinstance(resource.get("id"), str):
            yield f"Patient/{resource['id']}", resource


def _checklist_urls(base_url: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """{Questionnaire url: (checklist id, its versions)} of the packaged checklists."""
    found = screening.available_checklists()
    return {
        FhirNames(base_url.rstrip("/"), name).questionnaire: (
            name,
            tuple(sorted(versions, key=int)),
        )
        for name, versions in found.items()
    }


class _Reader:
    def __init__(
        self, urls: dict[str, tuple[str, tuple[str, ...]]], base_url: str, today: dt.date
    ) -> None:
        self.urls = urls
        self.base_url = base_url
        self.today = today
        self.problems: list[str] = []

    def response(
        self, resource: JsonDict, where: str, patients: dict[str, JsonDict]
    ) -> IncomingResponse | None:
        if isinstance(resource.get("id"), str):
            where = f"{where} (id {_short(resource['id'])})"
        before = len(self.problems)
        checklist = self._checklist(resource.get("questionnaire"), where)
        self._status(resource.get("status"), where)
        hint = self._patient(resource, where, patients)
        if checklist is None:
            return None
        answers = _Answers(checklist, checklist_names(self.base_url, checklist), where, self)
        answers.top(resource.get("item"))
        if not answers.values and len(self.problems) == before:
            self.problems.append(f"{where}: it answers no question.")
        if len(self.problems) > before:
            return None
        return IncomingResponse(where, checklist.id, checklist.version, answers.values, hint)

    def _checklist(self, canonical: object, where: str) -> screening.Checklist | None:
        if not isinstance(canonical, str) or not canonical.strip():
            self.problems.append(f"{where}: it names no Questionnaire (questionnaire is missing).")
            return None
        url, _, version = canonical.partition("|")
        if url not in self.urls:
            ours = ", ".join(sorted(self.urls)) or "none"
            self.problems.append(
                f"{where}: the Questionnaire {_short(url)} is not one of this practice's "
                f"checklists ({ours})."
            )
            return None
        checklist_id, versions = self.urls[url]
        if version not in versions:
            said = f"version {_short(version)}" if version else "no version"
            self.problems.append(
                f"{where}: {said} of the Questionnaire {url} is unknown to this program "
                f"(it knows version {', '.join(versions)}); give it as {url}|VERSION."
            )
            return None
        return screening.load_checklist(f"{checklist_id}-{version}")

    def _status(self, status: object, where: str) -> None:
        if status not in _STATUSES:
            said = (
                "it has no status" if status is None else f"status {_short(status)} is not taken in"
            )
            self.problems.append(f"{where}: {said} (expected one of {', '.join(_STATUSES)}).")

    def _patient(
        self, resource: JsonDict, where: str, patients: dict[str, JsonDict]
    ) -> PatientHint:
        subject = resource.get("subject")
        if subject is None:
            return PatientHint()
        if not isinstance(subject, dict):
            self.problems.append(f"{where}: subject is not a FHIR Reference.")
            return PatientHint()
        mrn = self._mrn([subject.get("identifier")], f"{where}: subject")
        found: object = None
        reference = subject.get("reference")
        if isinstance(reference, str) and reference.startswith("#"):
            contained = resource.get("contained")
            found = next(
                (
                    c
                    for c in (contained if isinstance(contained, list) else [])
                    if isinstance(c, dict)
                    and c.get("resourceType") == "Patient"
                    and c.get("id") == reference[1:]
                ),
                None,
            )
        elif isinstance(reference, str):
            found = patients.get(reference)
        if not isinstance(found, dict):
            return PatientHint(mrn)
        identifiers = found.get("identifier")
        mrn = mrn or self._mrn(
            identifiers if isinstance(identifiers, list) else [], f"{where}: its Patient"
        )
        family, given = _name(found.get("name"))
        return PatientHint(mrn, family, given, _birth_date(found.get("birthDate")))

    def _mrn(self, identifiers: list[object], where: str) -> str | None:
        system = FhirNames(self.base_url.rstrip("/"), "").patient_mrn
        for identifier in identifiers:
            if not isinstance(identifier, dict) or identifier.get("system") != system:
                continue  # another system's number says nothing about our records
            value = identifier.get("value")
            if isinstance(value, str) and 0 < len(value.strip()) <= 40:
                return value.strip()
            self.problems.append(f"{where}: the record number {_short(value)} is not one.")
        return None


def _name(names: object) -> tuple[str, str]:
    """Family and first given name of the official name (else the first)."""
    if not isinstance(names, list):
        return "", ""
    usable = [n for n in names if isinstance(n, dict)]
    chosen = next((n for n in usable if n.get("use") == "official"), usable[0] if usable else {})
    family = chosen.get("family")
    given = chosen.get("given")
    first = given[0] if isinstance(given, list) and given and isinstance(given[0], str) else ""
    return (family if isinstance(family, str) else "")[:100], first[:100]


def _birth_date(value: object) -> dt.date | None:
    """A full birth date, or None (a year or year-month alone cannot match a record)."""
    if not isinstance(value, str) or not _FULL_DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


class _Answers:
    """The answers of one response, walked as the Questionnaire nests them: one group per
    section at the top, the section's questions inside it."""

    def __init__(
        self, checklist: screening.Checklist, names: FhirNames, where: str, reader: _Reader
    ) -> None:
        self.checklist = checklist
        self.names = names
        self.where = where
        self.reader = reader
        self.values: dict[str, object] = {}
        self.sections = {section_link(s.id): s for s in checklist.sections}
        self.seen: set[str] = set()

    def problem(self, text: str, question: Question | None = None, link: object = None) -> None:
        if question is not None:
            item = f"item {question.id} ({_short(question.text)})"
        elif link is not None:
            item = f"item {_short(link)}"
        else:
            item = ""
        self.reader.problems.append(f"{self.where}: {item}{': ' if item else ''}{text}")

    def top(self, items: object) -> None:
        for item in self._list(items, "item"):
            link = item["linkId"]
            section = self.sections.get(link)
            if section is None:
                self._misplaced(link, None)
                continue
            if self._twice(link):
                continue
            if "answer" in item:
                self.problem("a group holds no answers of its own.", link=link)
            self._section(section, item.get("item"))

    def _section(self, section: Section, items: object) -> None:
        own = {q.id: q for q in section.questions}
        for item in self._list(items, f"the items of {section_link(section.id)}"):
            link = item["linkId"]
            if link == NDI_TOTAL_LINK and any(is_ndi(self.names, q) for q in own.values()):
                continue  # calculated from the sections; the screening scores them itself
            question = own.get(link)
            if question is None:
                self._misplaced(link, section)
            elif not self._twice(link):
                self._question(question, item)

    def _list(self, items: object, what: str) -> Iterator[JsonDict]:
        if items is None:
            return
        if not isinstance(items, list):
            self.problem(f"{what} is not a list.")
            return
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("linkId"), str):
                self.problem(f"an entry of {what} has no linkId.")
                continue
            yield item

    def _misplaced(self, link: str, section: Section | None) -> None:
        question = self.checklist.question(link)
        if question is not None:
            self.problem(
                f"it belongs in the group {section_link(question.section)}, not "
                f"{section_link(section.id) if section else 'at the top'}.",
                question,
            )
        elif link in self.sections:
            self.problem("a group inside another group; the Questionnaire has none.", link=link)
        else:
            self.problem(
                f"the Questionnaire {self.names.questionnaire}|{self.checklist.version} has "
                "no such item.",
                link=link,
            )

    def _twice(self, link: str) -> bool:
        if link in self.seen:
            self.problem("it appears twice in the response.", self.checklist.question(link), link)
            return True
        self.seen.add(link)
        return False

    def _question(self, question: Question, item: JsonDict) -> None:
        if item.get("item") is not None:
            self.problem("it has nested items; the Questionnaire gives it none.", question)
            return
        answers = item.get("answer", [])
        if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
            self.problem("its answer is not a list of answers.", question)
            return
        if not answers:
            return  # FHIR: an item without answer is not answered
        if any(a.get("item") is not None for a in answers):
            self.problem("an answer has nested items; the Questionnaire gives it none.", question)
            return
        if len(answers) > 1 and question.type != QuestionType.MULTI:
            self.problem(f"{len(answers)} answers; it takes one (it does not repeat).", question)
            return
        try:
            value = self._value(question, answers)
        except _Wrong as exc:
            self.problem(str(exc), question)
            return
        problem = check_value(question, value)
        if problem is None and question.type == QuestionType.DATE:
            problem = _not_after(str(value), self.reader.today)
        if problem is not None:
            self.problem(problem + ".", question)
            return
        self.values[question.id] = value

    def _value(self, question: Question, answers: list[JsonDict]) -> object:
        ndi = is_ndi(self.names, question)
        wanted = "valueCoding" if ndi else _VALUE_KEY.get(question.type)
        if wanted is None:
            wanted = "valueInteger" if question.integer else "valueDecimal"
        values = [_only_value(answer, wanted) for answer in answers]
        if wanted == "valueCoding":
            codes = [self._code(question, v) for v in values]
            if ndi:
                return int(codes[0])
            if question.type == QuestionType.MULTI:
                return _chosen(codes)
            return codes[0]
        (value,) = values
        if wanted == "valueBoolean" and isinstance(value, bool):
            return value
        if wanted == "valueDate" and isinstance(value, str):
            if not _FULL_DATE.fullmatch(value):
                raise _Wrong(f"{_short(value)} is not a full date (YYYY-MM-DD).")
            return value
        if wanted == "valueInteger" and isinstance(value, int) and not isinstance(value, bool):
            return value
        if wanted == "valueDecimal" and _is_number(value):
            return value
        raise _Wrong(f"expected {_TYPE_WORDS[wanted]}, got {_short(value)}.")

    def _code(self, question: Question, coding: object) -> str:
        if not isinstance(coding, dict):
            raise _Wrong(f"expected a Coding, got {_short(coding)}.")
        system = self.names.answers(question.id)
        if coding.get("system") != system:
            raise _Wrong(f"the code system {_short(coding.get('system'))} is not {system}.")
        code = coding.get("code")
        allowed = _allowed_codes(question, is_ndi(self.names, question))
        if not isinstance(code, str) or code not in allowed:
            raise _Wrong(f"{_short(code)} is not one of: {', '.join(allowed)}.")
        return code


class _Wrong(Exception):
    """One answer's problem, said of its item by the caller."""


def _only_value(answer: JsonDict, wanted: str) -> object:
    keys = [k for k in answer if k.startswith("value")]
    if keys != [wanted]:
        given = ", ".join(_short(k) for k in keys) or "no value"
        raise _Wrong(f"expected {_TYPE_WORDS[wanted]}, got {given}.")
    return answer[wanted]


def _allowed_codes(question: Question, ndi: bool) -> tuple[str, ...]:
    if ndi:
        return tuple(str(score) for score in range(6))
    if question.type == QuestionType.MULTI:
        return (*question.choice_values, NONE_OF_THESE)
    return question.choice_values


def _chosen(codes: list[str]) -> list[str]:
    if NONE_OF_THESE in codes:
        if len(codes) > 1:
            raise _Wrong(f"{NONE_OF_THESE} is chosen together with other choices.")
        return []
    if len(set(codes)) != len(codes):
        raise _Wrong("a choice is given twice.")
    return codes


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not isinstance(value, float) or math.isfinite(value)


def _not_after(value: str, today: dt.date) -> str | None:
    day = dt.date.fromisoformat(value)
    return f"{value} is after today ({today.isoformat()})" if day > today else None


def _short(value: object) -> str:
    """A value for a message: quoted, cut short, never a whole huge string."""
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 60 else value[:57] + "...", ensure_ascii=False)
    try:
        text = json.dumps(value, ensure_ascii=True)
    except (TypeError, ValueError):
        text = "a value"
    if len(text) > 60:
        text = text[:57] + "..."
    return text
