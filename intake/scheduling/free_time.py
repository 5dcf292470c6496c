"""A therapist-day's working time and slot starts on plain ``(start, end)`` tuples.

The same rules as ``availability`` and ``slots`` (working = templates ∩ opening hours;
free = working − blocked; a slot fits free time and its buffer stays off blocked time), for the
slot search's hot path: a search at a chain examines hundreds of therapist-days, and an object
per interval (with its checks) cost more than the arithmetic. Spans here are in normal form
(sorted, disjoint, not touching) like ``intervals``' results; the property tests hold the two
definitions to the same answers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from intake.scheduling.model import AvailabilityTemplate, Location
from intake.scheduling.slots import GRID, align_to_grid
from intake.scheduling.wall_clock import wall_to_utc

Span = tuple[datetime, datetime]


def merged(spans: Iterable[Span]) -> list[Span]:
    """Sort and merge overlapping and touching spans (``intervals.normalise`` on tuples)."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def overlap(a: list[Span], b: list[Span]) -> list[Span]:
    """The instants in both of two normal forms."""
    out: list[Span] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def wall_spans(day: date, windows: Iterable[tuple[time, time]], zone: ZoneInfo) -> list[Span]:
    """Local wall-clock windows of ``day`` as UTC spans (empty ones, in a clock gap, dropped)."""
    spans = []
    for opens, closes in windows:
        start, end = wall_to_utc(day, opens, zone), wall_to_utc(day, closes, zone)
        if start < end:
            spans.append((start, end))
    return merged(spans)


def opening_spans(location: Location, day: date) -> list[Span]:
    return wall_spans(
        day, ((h.opens, h.closes) for h in location.hours_on(day.weekday())), location.zone
    )


def working_spans(
    location: Location, day: date, templates: Iterable[AvailabilityTemplate], opening: list[Span]
) -> list[Span]:
    """The templates in force on ``day`` (one therapist's, at ``location``) within opening."""
    own = ((t.start, t.end) for t in templates if t.applies_on(day))
    return overlap(wall_spans(day, own, location.zone), opening)


def slot_starts(
    working: list[Span],
    blocked: list[Span],
    duration: timedelta,
    buffer: timedelta,
    zone: ZoneInfo,
    earliest: datetime | None = None,
    last_start: datetime | None = None,
    limit: int | None = None,
) -> list[datetime]:
    """Grid starts of slots in ``working − blocked``, soonest first (``slots.slot_starts``).

    ``blocked`` must reach a buffer past the working end; it is in normal form. Starts after
    ``last_start`` are not wanted, nor more than ``limit``: the search passes what can still
    make its answer, so a therapist-day stops as soon as it has given all it usefully can.
    """
    found: list[datetime] = []
    blocked_starts = [b[0] for b in blocked]
    count = len(blocked)
    j = 0
    for work_start, work_end in working:
        # working − blocked, one free stretch at a time.
        while j < count and blocked[j][1] <= work_start:
            j += 1
        k = j
        start = work_start
        while True:
            if k < count and blocked[k][0] < work_end:
                free_start, free_end = start, max(start, blocked[k][0])
                next_start = max(start, blocked[k][1])
            else:
                free_start, free_end, next_start = start, work_end, work_end
            if free_start < free_end:
                # The buffer must not run into what follows, even past the working end.
                latest_end = free_end
                following = bisect_left(blocked_starts, free_end)
                if following < count:
                    latest_end = min(latest_end, blocked_starts[following] - buffer)
                at = free_start if earliest is None or earliest <= free_start else earliest
                if at + duration <= latest_end:
                    at = align_to_grid(at, zone)
                    while at + duration <= latest_end:
                        if last_start is not None and at > last_start:
                            return found
                        found.append(at)
                        if len(found) == limit:
                            return found
                        at += GRID
            if next_start >= work_end:
                break
            start = next_start
            k += 1
    return found
