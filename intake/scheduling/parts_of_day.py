"""Morning, afternoon and evening by the location's wall clock."""

from __future__ import annotations

from datetime import time

from intake.domain.enums import PartOfDay

AFTERNOON_STARTS = time(12)
EVENING_STARTS = time(17)


def part_of_day(at: time) -> PartOfDay:
    """Morning before 12:00, afternoon before 17:00, evening from 17:00 (local time)."""
    if at < AFTERNOON_STARTS:
        return PartOfDay.MORNING
    if at < EVENING_STARTS:
        return PartOfDay.AFTERNOON
    return PartOfDay.EVENING
