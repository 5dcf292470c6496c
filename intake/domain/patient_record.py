"""One patient's record as the Patients area shows it, and the compare that settles an edit
two computers made at once.

The overview is read in one unit of work (services.patient_record) and never changes after:
the screen shows it, and a save reads it again. The compare is three-way: the record as this
computer opened it (base), as another computer saved it since (theirs), and as typed here
(mine). A field only one side changed takes that side's value; a field both changed to
different values is a conflict the person settles. Nothing is decided silently: every field
where theirs and mine differ is shown, with the three-way choice proposed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any

from intake.domain.accounts import AuditEntry
from intake.domain.booking import Visit, WaitlistEntryInfo
from intake.domain.closing import CLOSED_WORDS
from intake.domain.enums import AppointmentStatus, CancelledBy, ClosingReason, IntakeStatus
from intake.domain.patient import DRAFT_FIELDS, PatientDraft, PatientInfo, clean_draft
from intake.domain.words import QT_TRANSLATE_NOOP, Marked

HISTORY_LIMIT = 200  # audit events shown on the record, newest first

_INTAKE_STATE_WORDS = {
    IntakeStatus.DRAFT: QT_TRANSLATE_NOOP("IntakeState", "Draft, not finished"),
    IntakeStatus.SUBMITTED: QT_TRANSLATE_NOOP("IntakeState", "Waiting for a therapist's review"),
    IntakeStatus.REVIEWED: QT_TRANSLATE_NOOP("IntakeState", "Reviewed"),
    IntakeStatus.RETURNED: QT_TRANSLATE_NOOP("IntakeState", "Returned to the front desk"),
    IntakeStatus.CLOSED: QT_TRANSLATE_NOOP("IntakeState", "Closed"),
    IntakeStatus.DISCARDED: QT_TRANSLATE_NOOP("IntakeState", "Discarded"),
}


@dataclass(frozen=True)
class IntakeLine:
    """One intake of the patient: its state and triage, never its answers."""

    id: int
    status: IntakeStatus
    triage: str | None  # emergency, refer, review, clear; None before screening
    created_at: dt.datetime  # UTC
    submitted_at: dt.datetime | None = None
    reviewed_at: dt.datetime | None = None
    closing_reason: ClosingReason | None = None
    source: str = "desk"  # 'tablet': the patient filled it in on the waiting-room tablet
    answered: bool = True  # False: no answer yet (a tablet handover not started)

    @property
    def state_words(self) -> Marked:  # shown as translate(words.context, words)
        if self.closing_reason is not None:
            return CLOSED_WORDS[self.closing_reason]
        return _INTAKE_STATE_WORDS[self.status]

    @property
    def continues(self) -> bool:
        """A draft the front desk carries on with; the rest are shown, not edited."""
        return self.status is IntakeStatus.DRAFT


@dataclass(frozen=True)
class VisitCounts:
    """What the desk weighs before booking again: missed and late-cancelled visits."""

    upcoming: int
    completed: int
    no_shows: int
    late_cancellations: int
    cancelled_by_patient: int
    cancelled_by_clinic: int


def visit_counts(visits: tuple[Visit, ...], now: dt.datetime) -> VisitCounts:
    status = [v.status for v in visits]
    cancelled = [v for v in visits if v.status is AppointmentStatus.CANCELLED]
    return VisitCounts(
        upcoming=sum(1 for v in visits if is_upcoming(v, now)),
        completed=status.count(AppointmentStatus.COMPLETED),
        no_shows=status.count(AppointmentStatus.NO_SHOW),
        late_cancellations=sum(1 for v in cancelled if v.late_cancellation),
        cancelled_by_patient=sum(1 for v in cancelled if v.cancelled_by is CancelledBy.PATIENT),
        cancelled_by_clinic=sum(1 for v in cancelled if v.cancelled_by is CancelledBy.CLINIC),
    )


def is_upcoming(visit: Visit, now: dt.datetime) -> bool:
    """Still ahead and still holding its time (a cancelled future visit is history)."""
    return visit.end > now and visit.status.holds_time


@dataclass(frozen=True)
class PatientRecord:
    patient: PatientInfo
    intakes: tuple[IntakeLine, ...]  # newest first
    visits: tuple[Visit, ...]  # latest start first
    waitlist: tuple[WaitlistEntryInfo, ...]  # newest first
    history: tuple[AuditEntry, ...] | None  # newest first; None: the reader may not see it
    history_more: bool = False  # older events than those shown exist

    def upcoming(self, now: dt.datetime) -> tuple[Visit, ...]:
        """Future visits, soonest first."""
        return tuple(sorted((v for v in self.visits if is_upcoming(v, now)), key=_start))

    def past(self, now: dt.datetime) -> tuple[Visit, ...]:
        """Everything else, latest first (cancelled future visits included)."""
        return tuple(v for v in self.visits if not is_upcoming(v, now))

    def counts(self, now: dt.datetime) -> VisitCounts:
        return visit_counts(self.visits, now)


def _start(visit: Visit) -> dt.datetime:
    return visit.start


# --- two computers, one record --------------------------------------------------------------


class Side(StrEnum):
    THEIRS = "theirs"  # saved on another computer since this one opened the record
    MINE = "mine"  # typed here


@dataclass(frozen=True)
class FieldDifference:
    """One field where the saved record and the typed one differ."""

    field: str
    theirs: object
    mine: object
    proposed: Side | None  # None: both sides changed it, the person must choose

    @property
    def both_changed(self) -> bool:
        return self.proposed is None


def differences(
    base: PatientDraft, theirs: PatientDraft, mine: PatientDraft
) -> tuple[FieldDifference, ...]:
    """Every field where `theirs` and `mine` differ (as they would be stored), in form order,
    with the side a three-way merge proposes: the side that changed it from `base`."""
    base_c, theirs_c, mine_c = (_values(clean_draft(d)) for d in (base, theirs, mine))
    found = []
    for name in DRAFT_FIELDS:
        if theirs_c[name] == mine_c[name]:
            continue
        if mine_c[name] == base_c[name]:
            proposed: Side | None = Side.THEIRS
        elif theirs_c[name] == base_c[name]:
            proposed = Side.MINE
        else:
            proposed = None
        found.append(FieldDifference(name, theirs_c[name], mine_c[name], proposed))
    return tuple(found)


def resolved(
    theirs: PatientDraft, found: tuple[FieldDifference, ...], chosen: dict[str, Side]
) -> PatientDraft:
    """The record to save: `theirs`, with each differing field as chosen (else proposed).
    ValueError if a field both sides changed has no choice."""
    values: dict[str, Any] = {}
    for difference in found:
        side = chosen.get(difference.field, difference.proposed)
        if side is None:
            raise ValueError(f"no side chosen for {difference.field}")
        values[difference.field] = difference.mine if side is Side.MINE else difference.theirs
    return replace(as_draft(theirs), **values)


def as_draft(info: PatientDraft) -> PatientDraft:
    """The editable part of a record (a PatientInfo without its id, number and version)."""
    return PatientDraft(**_values(info))


def _values(draft: PatientDraft) -> dict[str, Any]:
    return {f.name: getattr(draft, f.name) for f in fields(PatientDraft)}
