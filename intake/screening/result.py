"""The outcome of a screening, and its JSON form (stored with the intake, printed by the CLI)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from intake.screening.ndi import NdiScore
from intake.screening.triage import TriageLevel


class Status(StrEnum):
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"  # required questions unanswered: booking waits


class Stage(StrEnum):
    ACUTE = "acute"
    SUBACUTE = "subacute"
    CHRONIC = "chronic"


@dataclass(frozen=True)
class Flag:
    id: str
    level: TriageLevel
    message: str  # for the front desk
    rationale: str  # for the therapist
    source: str

    def to_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "level": self.level.value,
            "message": self.message,
            "rationale": self.rationale,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Flag:
        return cls(
            id=str(data["id"]),
            level=TriageLevel(data["level"]),
            message=str(data["message"]),
            rationale=str(data["rationale"]),
            source=str(data["source"]),
        )


@dataclass(frozen=True)
class Category:
    """A provisional guideline category and the questions whose answers point to it."""

    id: str
    findings: tuple[str, ...]


@dataclass(frozen=True)
class CervicogenicHeadache:
    met: bool
    criteria: tuple[str, ...]  # those fulfilled, of Ia, Ib, Ic, III


@dataclass(frozen=True)
class PainScores:
    now: int | None
    best: int | None
    worst: int | None


@dataclass(frozen=True)
class ScreeningResult:
    status: Status
    triage: TriageLevel  # on an incomplete screen: the level so far
    missing: tuple[str, ...]
    flags: tuple[Flag, ...]  # most urgent first
    categories: tuple[Category, ...]
    stage: Stage | None
    cervicogenic_headache: CervicogenicHeadache
    ndi: NdiScore | None
    pain: PainScores
    checklist_id: str
    checklist_version: str
    engine: str

    @property
    def complete(self) -> bool:
        return self.status == Status.COMPLETE

    def to_json(self) -> dict[str, Any]:
        """The result shape of the screening spec, with plain JSON types only."""
        return {
            "status": self.status.value,
            "triage": self.triage.value,
            "missing": list(self.missing),
            "flags": [flag.to_json() for flag in self.flags],
            "categories": [{"id": c.id, "findings": list(c.findings)} for c in self.categories],
            "stage": self.stage.value if self.stage else None,
            "cervicogenic_headache": {
                "met": self.cervicogenic_headache.met,
                "criteria": list(self.cervicogenic_headache.criteria),
            },
            "scores": {
                "ndi": self.ndi.to_json() if self.ndi else None,
                "pain": {"now": self.pain.now, "best": self.pain.best, "worst": self.pain.worst},
            },
            "checklist": {"id": self.checklist_id, "version": self.checklist_version},
            "engine": self.engine,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ScreeningResult:
        """Read back a stored result; a malformed one raises ValueError."""
        try:
            return cls._from_json(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not a screening result: {exc!r}") from exc

    @classmethod
    def _from_json(cls, data: Mapping[str, Any]) -> ScreeningResult:
        cgh = data["cervicogenic_headache"]
        scores = data["scores"]
        pain = scores["pain"]
        return cls(
            status=Status(data["status"]),
            triage=TriageLevel(data["triage"]),
            missing=tuple(str(q) for q in data["missing"]),
            flags=tuple(Flag.from_json(flag) for flag in data["flags"]),
            categories=tuple(
                Category(str(c["id"]), tuple(str(f) for f in c["findings"]))
                for c in data["categories"]
            ),
            stage=Stage(data["stage"]) if data["stage"] is not None else None,
            cervicogenic_headache=CervicogenicHeadache(
                bool(cgh["met"]), tuple(str(c) for c in cgh["criteria"])
            ),
            ndi=NdiScore.from_json(scores["ndi"]) if scores["ndi"] is not None else None,
            pain=PainScores(pain["now"], pain["best"], pain["worst"]),
            checklist_id=str(data["checklist"]["id"]),
            checklist_version=str(data["checklist"]["version"]),
            engine=str(data["engine"]),
        )
