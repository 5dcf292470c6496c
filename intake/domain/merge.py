"""Merging two records of one patient: which fields differ, what the survivor keeps, and
what stops a merge. Pure: the service (intake.services.patient_merge) does the moving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from intake.domain.errors import Invalid, KnownError
from intake.domain.patient import DRAFT_FIELDS, PatientDraft, PatientInfo
from intake.domain.words import QT_TRANSLATE_NOOP, Marked, Message, said

# What moves from the merged record to the survivor, in the words a person reads (one, many).
MOVED_KINDS = {
    "intakes": (QT_TRANSLATE_NOOP("Merge", "intake"), QT_TRANSLATE_NOOP("Merge", "intakes")),
    "appointments": (
        QT_TRANSLATE_NOOP("Merge", "appointment"),
        QT_TRANSLATE_NOOP("Merge", "appointments"),
    ),
    "waitlist_entries": (
        QT_TRANSLATE_NOOP("Merge", "waitlist entry"),
        QT_TRANSLATE_NOOP("Merge", "waitlist entries"),
    ),
}
# How many move, per kind: one, several ({count}), none.
_COUNTED: dict[str, tuple[Marked, Marked, Marked]] = {
    "intakes": (
        QT_TRANSLATE_NOOP("Merge", "{count} intake"),
        QT_TRANSLATE_NOOP("Merge", "{count} intakes"),
        QT_TRANSLATE_NOOP("Merge", "no intakes"),
    ),
    "appointments": (
        QT_TRANSLATE_NOOP("Merge", "{count} appointment"),
        QT_TRANSLATE_NOOP("Merge", "{count} appointments"),
        QT_TRANSLATE_NOOP("Merge", "no appointments"),
    ),
    "waitlist_entries": (
        QT_TRANSLATE_NOOP("Merge", "{count} waitlist entry"),
        QT_TRANSLATE_NOOP("Merge", "{count} waitlist entries"),
        QT_TRANSLATE_NOOP("Merge", "no waitlist entries"),
    ),
}


class _Day(dt.date):
    """A visit's day: in English the program's 'Mon, Mar 1, 2027' (spec `words`; no padded
    day, on every system); in another language the screens write it their own way."""

    def __format__(self, spec: str) -> str:
        if spec == "words":
            return f"{self:%a}, {self:%b} {self.day}, {self.year}"
        return super().__format__(spec)


class _Clock(dt.time):
    """A visit's time of day: in English '9:00 AM' (spec `words`), else the screens' way."""

    def __format__(self, spec: str) -> str:
        if spec == "words":
            return f"{self.hour % 12 or 12}:{self.minute:02d} {'AM' if self.hour < 12 else 'PM'}"
        return super().__format__(spec)


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

    def words(self) -> Message:
        """'Mon, Mar 1, 2027, 9:00 AM–9:45 AM EST at Test Site East (M0000001)': the
        program's way of writing a day and a time (intake.ui.when), on the location's clock
        with its zone (two visits in different zones are then seen to be at the same time)."""
        start, end = self.local_start, self.local_end
        return said(
            QT_TRANSLATE_NOOP(
                "Merge", "{day:words}, {start:words}–{end:words} {zone} at {location} ({record})"
            ),
            day=_Day(start.year, start.month, start.day),
            start=_Clock(start.hour, start.minute),
            end=_Clock(end.hour, end.minute),
            zone=start.tzname(),
            location=self.location_name,
            record=self.mrn,
        )


@dataclass(frozen=True)
class Overlap:
    """A visit of the surviving record and one of the merged record at the same time."""

    surviving: VisitTime
    merged: VisitTime

    def words(self) -> Message:
        return said(
            QT_TRANSLATE_NOOP("Merge", "{surviving} overlaps {merged}"),
            surviving=self.surviving.words(),
            merged=self.merged.words(),
        )


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
        raise Invalid({name: _NOT_A_FIELD for name in unknown})
    return {f: Side(choices.get(f, Side.SURVIVING)) for f in differing_fields(surviving, merged)}


_NOT_A_FIELD = said(QT_TRANSLATE_NOOP("Merge", "This is not a field of a patient record."))


def merged_values(
    surviving: PatientDraft, merged: PatientDraft, choices: Mapping[str, Side]
) -> dict[str, object]:
    """Field → the value the survivor holds after the merge (only fields that change)."""
    chosen = check_choices(surviving, merged, choices)
    return {f: getattr(merged, f) for f, side in chosen.items() if side is Side.MERGED}


def check_pair(surviving: PatientInfo, merged: PatientInfo) -> None:
    """Refuse a merge the records themselves rule out, in words."""
    if surviving.id == merged.id:
        raise MergeRefused(
            said(
                QT_TRANSLATE_NOOP(
                    "Merge", "A record cannot be merged into itself: choose the other record."
                )
            )
        )
    for info in (surviving, merged):
        if info.merged_into_id is not None:
            raise MergeRefused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Merge",
                        "Record {record} was already merged into another record; "
                        "merge with the record it was merged into.",
                    ),
                    record=info.mrn,
                )
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
    return MergeRefused(
        said(
            QT_TRANSLATE_NOOP(
                "Merge",
                "The two records have visits at the same time, and one patient cannot be in "
                "two visits at once: {pairs}. Cancel or move one of each pair, then merge.",
            ),
            pairs=_listed([o.words() for o in found]),
        )
    )


def _listed(items: list[Message]) -> Message:
    """'a; b; c' as one Message (each item translated on its own)."""
    if len(items) == 1:
        return items[0]
    return said(
        QT_TRANSLATE_NOOP("Merge", "{first}; {rest}"), first=items[0], rest=_listed(items[1:])
    )


def moving_words(moving: Mapping[str, int]) -> Message:
    """'2 intakes, 1 appointment and no waitlist entries'."""
    parts = []
    for kind, (one, several, none) in _COUNTED.items():
        count = moving.get(kind, 0)
        parts.append(said(one if count == 1 else several if count else none, count=count))
    first, second, third = parts
    return said(
        QT_TRANSLATE_NOOP("Merge", "{first}, {second} and {third}"),
        first=first,
        second=second,
        third=third,
    )


def to_json(value: object) -> object:
    """A field value as JSON keeps it (dates as ISO text)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def from_json(field: str, value: object) -> object:
    if field == "date_of_birth" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value
