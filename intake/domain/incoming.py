"""An intake sent to us from outside (a FHIR QuestionnaireResponse, read and checked), as
plain values: its answers for one checklist version and what it says of its patient."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PatientHint:
    """What a response tells of its patient: our record number, or a name and birth date."""

    mrn: str | None = None
    family_name: str = ""
    given_name: str = ""
    birth_date: dt.date | None = None

    @property
    def has_name_and_birth_date(self) -> bool:
        return bool(self.family_name.strip() and self.given_name.strip() and self.birth_date)


@dataclass(frozen=True)
class IncomingResponse:
    """One response read and checked: the answers are valid for its checklist version."""

    label: str  # 'response 2 (id "abc")': where it is in the file, for messages
    checklist_id: str
    checklist_version: str
    answers: dict[str, object]
    patient: PatientHint = field(default_factory=PatientHint)
