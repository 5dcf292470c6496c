"""Triage levels, most urgent first, and how to compare them."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class TriageLevel(StrEnum):
    """What the front desk may do next; the most urgent level raised wins."""

    EMERGENCY = "emergency"
    REFER = "refer"
    REVIEW = "review"
    CLEAR = "clear"

    @property
    def rank(self) -> int:
        """Higher is more urgent (clear = 0 ... emergency = 3)."""
        return _RANK[self]

    def is_more_urgent_than(self, other: TriageLevel) -> bool:
        return self.rank > other.rank

    @classmethod
    def most_urgent(cls, levels: Iterable[TriageLevel]) -> TriageLevel:
        """The most urgent of `levels`; `clear` when there are none."""
        return max(levels, key=lambda level: level.rank, default=cls.CLEAR)


# Kept outside the enum body so it does not become a member.
_RANK = {
    TriageLevel.CLEAR: 0,
    TriageLevel.REVIEW: 1,
    TriageLevel.REFER: 2,
    TriageLevel.EMERGENCY: 3,
}
