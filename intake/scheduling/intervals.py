"""Half-open ``[start, end)`` intervals of UTC time and the set arithmetic availability needs.

Every function accepts any iterable of intervals and returns the *normal form*: a sorted list of
disjoint intervals that do not even touch (``[9, 10)`` and ``[10, 11)`` become ``[9, 11)``).
Each is a sort followed by one linear sweep; Timsort is linear on input that is already sorted,
so feeding one result into the next stays O(n).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain
from operator import attrgetter

_by_start = attrgetter("start")


@dataclass(frozen=True, slots=True)
class Interval:
    """The instants ``start <= t < end``; never empty, always timezone-aware."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        # Naive datetimes would compare as wall time and silently mix zones.
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError(f"interval bounds must be timezone-aware: {self.start}, {self.end}")
        if not self.start < self.end:
            raise ValueError(f"an interval must end after it starts: {self.start} .. {self.end}")

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def overlaps(self, other: Interval) -> bool:
        """Whether the two share an instant (touching edges do not)."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Interval) -> bool:
        return self.start <= other.start and other.end <= self.end


def normalise(intervals: Iterable[Interval]) -> list[Interval]:
    """Sort and merge overlapping and touching intervals."""
    merged: list[Interval] = []
    for interval in sorted(intervals, key=_by_start):
        if merged and interval.start <= merged[-1].end:
            if interval.end > merged[-1].end:
                merged[-1] = Interval(merged[-1].start, interval.end)
        else:
            merged.append(interval)
    return merged


def union(*groups: Iterable[Interval]) -> list[Interval]:
    return normalise(chain.from_iterable(groups))


def intersect(first: Iterable[Interval], second: Iterable[Interval]) -> list[Interval]:
    """The instants in both."""
    a, b = normalise(first), normalise(second)
    out: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start = max(a[i].start, b[j].start)
        end = min(a[i].end, b[j].end)
        if start < end:
            out.append(Interval(start, end))
        # Drop whichever ends first: it cannot meet anything later in the other list.
        if a[i].end < b[j].end:
            i += 1
        else:
            j += 1
    return out


def subtract(base: Iterable[Interval], removed: Iterable[Interval]) -> list[Interval]:
    """The instants in ``base`` and not in ``removed``."""
    kept = normalise(base)
    cuts = normalise(removed)
    if not cuts:
        return kept
    out: list[Interval] = []
    j = 0
    for interval in kept:
        start = interval.start
        # Cuts that end before this interval cannot touch any later one either.
        while j < len(cuts) and cuts[j].end <= start:
            j += 1
        k = j
        while k < len(cuts) and cuts[k].start < interval.end:
            if cuts[k].start > start:
                out.append(Interval(start, cuts[k].start))
            start = max(start, cuts[k].end)
            k += 1
        if start < interval.end:
            out.append(Interval(start, interval.end))
    return out


def clip(intervals: Iterable[Interval], window: Interval) -> list[Interval]:
    """The parts of ``intervals`` inside ``window``."""
    return intersect(intervals, (window,))


def total_duration(intervals: Iterable[Interval]) -> timedelta:
    """Length of the union (overlaps counted once)."""
    return sum((i.duration for i in normalise(intervals)), timedelta())
