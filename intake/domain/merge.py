"""Merging two records of one patient: which fields differ, what the survivor keeps, and
what stops a merge. Pure: the service (intake.services.patient_merge) does the moving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from intake.domain.errors import Invalid, KnownError
from intake.domain.patient import DRAFT_FIELDS, PatientDraft, PatientInfo

# What moves from the merged record to the survivor, in the words a person reads.
MOVED_KINDS = {
    "intakes": ("intake", "intakes"),
    "appointments": ("appointment", "appointments"),
    "waitlist_entries": ("waitlist entry", "waitlist entries"),
}


class Side(StrEnum):
    """Whose value the surviving record keeps for a field."""

    SURVIVING = "surviving"
    MERGED = "merged"


class MergeRefused(KnownError):
    """The two records cannot be merged (or a merge undone) as things stand; says why."""


@dataclass(frozen=True)
class VisitTime:
    """One active visit of either record, as the refusal names it (local time)."""

    mrn: str
    local_start: dt.datetime  # in the location's zone
    local_end: dt.datetime
    location_name: str

    def words(self) -> str:
        """'Mon, Mar 1, 2027, 9:00 AM–9:45 AM EST at Test Site East (M0000001)': the
        program's way of writing a day and a time (intake.ui.when), on the location's clock
        with its zone (two visits in different zones are then seen to be at the same time)."""
        start = self.local_start
        return (
            f"{start:%a}, {start:%b} {start.day}, {start.year}, {_clock(start)}–"
            f"{_clock(self.local_end)} {start.tzname()} at {self.location_name} ({self.mrn})"
        )


def _clock(at: dt.datetime) -> str:
    return f"{at.hour % 12 or 12}:{at.minute:02d} {'AM' if at.hour < 12 else 'PM'}"


@dataclass(frozen=True)
class Overlap:
    """A visit of the surviving record and one of the merged record at the same time."""

    surviving: VisitTime
    merged: VisitTime

    def words(self) -> str:
        return f"{self.surviving.words()} overlaps {self.merged.words()}"


@dataclass(frozen=True)
class MergePreview:
    surviving: PatientInfo
    merged: PatientInfo
    differing: tuple[str, ...]  # field names, in form order
    moving: Mapping[str, int]  # MOVED_KINDS key → how many rows move to the survivor
    overlaps: tuple[Overlap, ...]  # each blocks the merge

    @property
    def blocked(self) -> bool:
        return bool(self.overlaps)


@dataclass(frozen=True)
class MergeDone:
    merge_id: int
    surviving: PatientInfo
    moved: Mapping[str, int]


@dataclass(frozen=True)
class MergeRecord:
    """A merge as the admin's list shows it."""

    id: int
    surviving_id: int
    surviving_mrn: str
    merged_id: int
    merged_mrn: str
    merged_name: str  # 'Family, Given' of the merged record
    merged_by: str
    merged_at: dt.datetime
    undone_at: dt.datetime | None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


@dataclass(frozen=True)
class UndoDone:
    surviving: PatientInfo
    restored: PatientInfo  # the merged record, a record of its own again
    kept_fields: tuple[str, ...]  # changed on the survivor since the merge: left as they are


def differing_fields(surviving: PatientDraft, merged: PatientDraft) -> tuple[str, ...]:
    return tuple(f for f in DRAFT_FIELDS if getattr(surviving, f) != getattr(merged, f))


def check_choices(
    surviving: PatientDraft, merged: PatientDraft, choices: Mapping[str, Side]
) -> dict[str, Side]:
    """The choice for every differing field (the survivor's value unless chosen otherwise).

    Invalid if a choice names a field that is not a record field."""
    unknown = sorted(set(choices) - set(DRAFT_FIELDS))
    if unknown:
        raise Invalid({name: "This is not a field of a patient record." for name in unknown})
    return {f: Side(choices.get(f, Side.SURVIVING)) for f in differing_fields(surviving, merged)}


def merged_values(
    surviving: PatientDraft, merged: PatientDraft, choices: Mapping[str, Side]
) -> dict[str, object]:
    """Field → the value the survivor holds after the merge (only fields that change)."""
    chosen = check_choices(surviving, merged, choices)
    return {f: getattr(merged, f) for f, side in chosen.items() if side is Side.MERGED}


def check_pair(surviving: PatientInfo, merged: PatientInfo) -> None:
    """Refuse a merge the records themselves rule out, in words."""
    if surviving.id == merged.id:
        raise MergeRefused("A record cannot be merged into itself: choose the other record.")
    for info in (surviving, merged):
        if info.merged_into_id is not None:
            raise MergeRefused(
                f"Record {info.mrn} was already merged into another record; "
                "merge with the record it was merged into."
            )


def overlaps(
    surviving: Iterable[tuple[dt.datetime, dt.datetime, VisitTime]],
    merged: Iterable[tuple[dt.datetime, dt.datetime, VisitTime]],
) -> tuple[Overlap, ...]:
    """Pairs of active visits ([start, end) in UTC) of the two records that overlap,
    earliest first. Touching ends do not overlap (as in the database's rule)."""
    theirs = sorted(merged, key=lambda v: v[0])
    found = [
        Overlap(mine, other)
        for start, end, mine in sorted(surviving, key=lambda v: v[0])
        for other_start, other_end, other in theirs
        if start < other_end and other_start < end
    ]
    return tuple(found)


def refusal(found: tuple[Overlap, ...]) -> MergeRefused:
    """The refusal naming every overlapping pair of visits."""
    lines = "; ".join(o.words() for o in found)
    return MergeRefused(
        "The two records have visits at the same time, and one patient cannot be in two "
        f"visits at once: {lines}. Cancel or move one of each pair, then merge."
    )


def moving_words(moving: Mapping[str, int]) -> str:
    """'2 intakes, 1 appointment and no waitlist entries'."""
    parts = []
    for kind, (one, many) in MOVED_KINDS.items():
        count = moving.get(kind, 0)
        parts.append(f"{count} {one}" if count == 1 else f"{count or 'no'} {many}")
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def to_json(value: object) -> object:
    """A field value as JSON keeps it (dates as ISO text)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def from_json(field: str, value: object) -> object:
    if field == "date_of_birth" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value
