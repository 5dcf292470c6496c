"""A therapist's review of an intake, as plain values: the queue, the answers, the sign-off.

No Qt and no SQL here; the screening result itself travels beside these values (see
`intake.services.review.IntakeReview`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from intake.domain.enums import AppointmentStatus, ClosingReason, IntakeStatus

QUEUE_DAYS = 7  # the queue's default date range: today and the next six days
NOTE_LIMIT = 2000  # characters of a return note


@dataclass(frozen=True)
class QueueFilter:
    """Which upcoming evaluations to list; days are the locations' local dates, inclusive."""

    first_day: dt.date
    last_day: dt.date
    therapist_id: int | None = None  # None: every therapist
    location_id: int | None = None  # None: every location

    @classmethod
    def coming_days(
        cls, today: dt.date, days: int = QUEUE_DAYS, *, therapist_id: int | None = None
    ) -> QueueFilter:
        return cls(today, today + dt.timedelta(days=days - 1), therapist_id=therapist_id)


@dataclass(frozen=True)
class Option:
    """One entry of a filter list (a therapist or a location)."""

    id: int
    label: str


@dataclass(frozen=True)
class QueueOptions:
    """What the queue's filter bar offers, and its defaults for the signed-in person."""

    therapists: tuple[Option, ...]
    locations: tuple[Option, ...]
    my_therapist_id: int | None  # the signed-in person's therapist profile, if any
    can_sign_off: bool


@dataclass(frozen=True)
class QueueRow:
    appointment_id: int
    appointment_version: int
    intake_id: int
    intake_version: int
    patient_id: int
    patient_label: str  # "Family, Given · MRN"
    therapist_name: str
    location_code: str
    location_name: str
    timezone: str
    type_name: str
    start: dt.datetime  # UTC
    intake_status: IntakeStatus
    triage: str | None  # emergency/refer/review/clear; None when never screened
    flag_count: int

    @property
    def reviewed(self) -> bool:
        return self.intake_status == IntakeStatus.REVIEWED

    @property
    def local_start(self) -> dt.datetime:
        return self.start.astimezone(ZoneInfo(self.timezone))


def queue_order(rows: Iterable[QueueRow]) -> list[QueueRow]:
    """Unreviewed first, then by appointment time (ties by appointment id)."""
    return sorted(rows, key=lambda row: (row.reviewed, row.start, row.appointment_id))


@dataclass(frozen=True)
class PatientSummary:
    id: int
    mrn: str
    family_name: str
    given_name: str
    preferred_name: str
    date_of_birth: dt.date
    age: int  # on the day the review was opened
    sex: str
    phone: str

    @property
    def label(self) -> str:
        return f"{self.family_name}, {self.given_name} · {self.mrn}"


@dataclass(frozen=True)
class AppointmentSummary:
    id: int
    version: int
    start: dt.datetime  # UTC
    end: dt.datetime
    timezone: str
    location_code: str
    location_name: str
    therapist_name: str
    type_name: str
    status: AppointmentStatus

    @property
    def local_start(self) -> dt.datetime:
        return self.start.astimezone(ZoneInfo(self.timezone))

    @property
    def local_end(self) -> dt.datetime:
        return self.end.astimezone(ZoneInfo(self.timezone))


@dataclass(frozen=True)
class AnswerLine:
    question_id: str
    question: str  # the checklist's wording
    answer: str  # as a person reads it ("Yes", "Right", "Numbness, weakness", "Not applicable")
    positive: bool  # a "yes" or a non-empty list: what the therapist looks at first


@dataclass(frozen=True)
class AnswerGroup:
    section_id: str
    title: str
    lines: tuple[AnswerLine, ...]  # positives first, then the checklist's order

    @property
    def positives(self) -> int:
        return sum(line.positive for line in self.lines)


def group_positives_first(groups: Iterable[AnswerGroup]) -> tuple[AnswerGroup, ...]:
    """Sections holding a positive answer first (each keeps its checklist order otherwise)."""
    return tuple(sorted(groups, key=lambda group: group.positives == 0))


@dataclass(frozen=True)
class SignOff:
    """Who signed an intake off and how; what the review screen shows under its buttons."""

    intake_id: int
    version: int
    status: IntakeStatus
    reviewed_by: str  # a display name, "" when not reviewed
    reviewed_at: dt.datetime | None
    returned_by: str
    returned_at: dt.datetime | None
    return_note: str
    closing_reason: ClosingReason | None = None  # closed as a referral (or discarded)
    closed_by: str = ""
    closed_at: dt.datetime | None = None

    @property
    def seen(self) -> bool:
        """Signed off: reviewed, or, for a closed referral, seen by a clinician."""
        if self.status == IntakeStatus.CLOSED:
            return self.reviewed_at is not None
        return self.status == IntakeStatus.REVIEWED


@dataclass(frozen=True)
class ClosedReferral:
    """An intake the front desk closed as a referral, for the clinician on duty to see."""

    intake_id: int
    intake_version: int
    patient_id: int | None
    patient_label: str  # "Family, Given · MRN", "" when no patient was chosen
    reason: ClosingReason
    triage: str | None
    flag_count: int  # warning signs (notes not counted)
    closed_by: str
    closed_at: dt.datetime | None


@dataclass(frozen=True)
class ReviewKey:
    """What a sign-off names: the intake and appointment versions the reviewer saw."""

    intake_id: int
    intake_version: int
    appointment_id: int | None = None
    appointment_version: int | None = None


@dataclass(frozen=True)
class ReturnedIntake:
    """An intake a therapist sent back, for the front desk's own list."""

    intake_id: int
    version: int
    patient_id: int | None
    patient_label: str
    note: str
    returned_by: str
    returned_at: dt.datetime | None
    next_visit: AppointmentSummary | None


def check_note(note: str) -> dict[str, str]:
    """Problems with a return note ({} when it is fine)."""
    text = note.strip()
    if not text:
        return {"note": "Write what the front desk should do (for example: call the patient)."}
    if len(text) > NOTE_LIMIT:
        return {"note": f"The note is too long (at most {NOTE_LIMIT} characters)."}
    return {}
