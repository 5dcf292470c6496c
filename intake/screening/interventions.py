"""The guideline's interventions for a screening's provisional category and stage.

Data in the checklist's family of files (`neck-headache-1.interventions.toml` beside
`neck-headache-1.toml`), checked against that checklist: an entry with a category or stage the
checklist does not have, or without a grade or a source, refuses the whole file, naming the
line, as the checklist loader does. `interventions_for(result)` picks the entries for one
result. Pure: no Qt, no database; it reads packaged files only.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, NoReturn

from intake.domain.words import QT_TRANSLATE_NOOP, Words, said
from intake.resources_path import resource
from intake.screening.checklist import Checklist
from intake.screening.errors import ChecklistError
from intake.screening.loader import load_checklist
from intake.screening.locate import Locator
from intake.screening.result import ScreeningResult, Stage
from intake.screening.triage import TriageLevel

GRADES = ("A", "B", "C", "D", "E", "F")  # the guideline's grades, strongest first
_ENTRIES = "[[entries]]"


class Kind(StrEnum):
    RECOMMENDED = "recommended"
    AGAINST = "against"  # the guideline advises against it
    NONE = "none"  # the guideline makes no recommendation here (see `reason`)


@dataclass(frozen=True)
class Intervention:
    id: str
    category: str
    stage: Stage
    kind: Kind
    grade: str | None  # A-F; None only for Kind.NONE
    text: str  # our own plain wording; for Kind.NONE the guideline's reason
    source: str
    verified: bool
    note: str = ""

    @property
    def rank(self) -> int:
        """Stronger grades first; "no recommendation" after every graded entry."""
        return GRADES.index(self.grade) if self.grade else len(GRADES)


@dataclass(frozen=True)
class SignOff:
    signed: bool
    clinical_lead: str
    signed_on: dt.date | None
    note: str


@dataclass(frozen=True)
class InterventionTable:
    checklist: str  # "neck-headache-1"
    version: str
    guideline: str
    sign_off: SignOff
    entries: tuple[Intervention, ...]

    def for_category(self, category: str, stage: Stage) -> tuple[Intervention, ...]:
        return tuple(e for e in self.entries if e.category == category and e.stage == stage)


@dataclass(frozen=True)
class InterventionAdvice:
    """What to show: the entries, most strongly graded first, or why there are none."""

    interventions: tuple[Intervention, ...]
    reason: Words | None = None  # set when `interventions` is empty
    sign_off: SignOff | None = None
    guideline: str = ""


# Why none are shown, as the review says it (marked: the staff's language, intake/ui/words.py).
MEDICAL_FIRST = {
    TriageLevel.EMERGENCY: QT_TRANSLATE_NOOP(
        "Interventions",
        "None shown: the triage is emergency. The patient needs medical care first; the "
        "guideline's physical therapy interventions apply only after medical clearance.",
    ),
    TriageLevel.REFER: QT_TRANSLATE_NOOP(
        "Interventions",
        "None shown: the triage is refer. The patient needs medical care first; the "
        "guideline's physical therapy interventions apply only after medical clearance.",
    ),
}
NO_STAGE = QT_TRANSLATE_NOOP(
    "Interventions",
    "None shown: the stage is unknown (how long the symptoms have lasted is not answered).",
)
NO_CATEGORY = QT_TRANSLATE_NOOP(
    "Interventions", "None shown: the screening gives no provisional category."
)
NO_FILE = QT_TRANSLATE_NOOP(
    "Interventions", "None shown: there is no interventions file for checklist {checklist}."
)


def interventions_for(
    result: ScreeningResult, table: InterventionTable | None = None
) -> InterventionAdvice:
    """The guideline's entries for the result's categories and stage, strongest grade first.

    Emergency or refer triage gives none, and says why: medical care comes first. `table`
    defaults to the packaged file of the result's checklist version.
    """
    if result.triage in (TriageLevel.EMERGENCY, TriageLevel.REFER):
        return InterventionAdvice((), said(MEDICAL_FIRST[result.triage]))
    if result.stage is None:
        return InterventionAdvice((), said(NO_STAGE))
    if not result.categories:
        return InterventionAdvice((), said(NO_CATEGORY))
    checklist = f"{result.checklist_id}-{result.checklist_version}"
    if table is None:
        if checklist not in available_tables():
            return InterventionAdvice((), said(NO_FILE, checklist=checklist))
        table = load_interventions(checklist)
    order = {c.id: n for n, c in enumerate(result.categories)}
    found = {e.id: e for c in result.categories for e in table.for_category(c.id, result.stage)}
    chosen = sorted(found.values(), key=lambda e: (e.rank, order[e.category]))
    return InterventionAdvice(tuple(chosen), None, table.sign_off, table.guideline)


# --- loading -----------------------------------------------------------------------------


def available_tables() -> dict[str, Traversable]:
    """The packaged interventions files: {"name-version": file}."""
    suffix = ".interventions.toml"
    folder = resource("screening")
    if not folder.is_dir():
        return {}
    return {e.name[: -len(suffix)]: e for e in folder.iterdir() if e.name.endswith(suffix)}


@functools.lru_cache(maxsize=8)  # immutable data; the review screen asks for every intake
def load_interventions(checklist: str) -> InterventionTable:
    """The packaged interventions file for checklist "name-version", checked against it."""
    entry = available_tables().get(checklist)
    if entry is None:
        raise ChecklistError(checklist, "no interventions file for this checklist")
    return parse_interventions(
        entry.read_text(encoding="utf-8"), entry.name, load_checklist(checklist)
    )


def load_interventions_file(path: str | Path, checklist: Checklist) -> InterventionTable:
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecklistError(str(source), f"cannot read the file: {exc}") from exc
    return parse_interventions(text, str(source), checklist)


def parse_interventions(text: str, label: str, checklist: Checklist) -> InterventionTable:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ChecklistError(label, f"not valid TOML: {exc}") from exc
    return _Parser(data, label, Locator(text), checklist).table()


class _Parser:
    def __init__(self, data: dict[str, Any], label: str, where: Locator, checklist: Checklist):
        self.data = data
        self.label = label
        self.where = where
        self.checklist = checklist
        self.categories = tuple(c.id for c in checklist.categories)

    def table(self) -> InterventionTable:
        head = self._table("interventions")
        name = f"{self.checklist.id}-{self.checklist.version}"
        if head.get("checklist") != name:
            self._fail(
                f"is for checklist {head.get('checklist')!r}, not {name!r}",
                self.where.key("[interventions]", "checklist"),
            )
        entries = tuple(self._entry(raw, n) for n, raw in enumerate(self._entries(), 1))
        self._complete(entries)
        return InterventionTable(
            checklist=name,
            version=self._text(head, "version", self.where.header("[interventions]")),
            guideline=self._text(head, "guideline", self.where.header("[interventions]")),
            sign_off=self._sign_off(),
            entries=entries,
        )

    def _entries(self) -> list[dict[str, Any]]:
        raw = self.data.get("entries")
        if not isinstance(raw, list) or not raw:
            self._fail("has no [[entries]]", None)
        return raw

    def _entry(self, raw: dict[str, Any], nth: int) -> Intervention:
        entry_id = raw.get("id")
        start = self.where.entry(_ENTRIES, str(entry_id)) if isinstance(entry_id, str) else None
        if not isinstance(entry_id, str) or not entry_id:
            self._fail(f"entry {nth} has no id", start)
        line = functools.partial(self.where.key_after, start)
        category = raw.get("category")
        if category not in self.categories:
            self._fail(
                f"category {category!r} is not one of the checklist's "
                f"({', '.join(self.categories)})",
                line("category"),
                entry_id,
            )
        try:
            stage = Stage(str(raw.get("stage")))
        except ValueError:
            self._fail(
                f"stage {raw.get('stage')!r} is not one of {', '.join(s.value for s in Stage)}",
                line("stage"),
                entry_id,
            )
        try:
            kind = Kind(raw.get("kind", Kind.RECOMMENDED.value))
        except ValueError:
            self._fail(f"kind {raw.get('kind')!r} is unknown", line("kind"), entry_id)
        grade = raw.get("grade")
        if kind == Kind.NONE:
            if grade is not None:
                self._fail("a 'none' entry has no grade", line("grade"), entry_id)
            wording = self._text(raw, "reason", start, entry_id)
        else:
            if grade not in GRADES:
                problem = "has no grade" if grade is None else f"grade {grade!r} is not A-F"
                self._fail(problem, line("grade"), entry_id)
            wording = self._text(raw, "text", start, entry_id)
        verified = raw.get("verified", False)
        if not isinstance(verified, bool):
            self._fail("verified must be true or false", line("verified"), entry_id)
        return Intervention(
            id=entry_id,
            category=str(category),
            stage=stage,
            kind=kind,
            grade=grade,
            text=wording,
            source=self._text(raw, "source", start, entry_id),
            verified=verified,
            note=str(raw.get("note", "")),
        )

    def _complete(self, entries: tuple[Intervention, ...]) -> None:
        seen: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                self._fail(
                    "the id is used twice", self.where.entry(_ENTRIES, entry.id, 2), entry.id
                )
            seen.add(entry.id)
        for category in self.categories:
            for stage in Stage:
                if not any(e.category == category and e.stage == stage for e in entries):
                    self._fail(
                        f"no entry for category {category!r}, stage {stage.value!r} (add the "
                        'recommendations, or kind = "none" with the guideline\'s reason)',
                        None,
                    )

    def _sign_off(self) -> SignOff:
        raw = self._table("sign_off")
        line = functools.partial(self.where.key, "[sign_off]")
        status = raw.get("status")
        if status not in ("signed", "unsigned"):
            self._fail(f"status {status!r} is not signed or unsigned", line("status") or None)
        lead = str(raw.get("clinical_lead", "")).strip()
        on = raw.get("signed_on", "")
        signed_on: dt.date | None = None
        if status == "signed":
            if not lead:
                self._fail("a signed file names the clinical lead", line("clinical_lead"))
            try:
                signed_on = on if isinstance(on, dt.date) else dt.date.fromisoformat(str(on))
            except ValueError:
                self._fail("signed_on must be a date (YYYY-MM-DD)", line("signed_on"))
        return SignOff(status == "signed", lead, signed_on, str(raw.get("note", "")))

    def _table(self, name: str) -> dict[str, Any]:
        found = self.data.get(name)
        if not isinstance(found, dict):
            self._fail(f"has no [{name}] table", None)
        return found

    def _text(
        self, raw: dict[str, Any], key: str, start: int | None, entry_id: str | None = None
    ) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            self._fail(f"has no {key}", self.where.key_after(start, key), entry_id)
        return value.strip()

    def _fail(self, problem: str, line: int | None, where: str | None = None) -> NoReturn:
        raise ChecklistError(self.label, problem, line=line, where=where)
