"""A therapist's blocked time (appointments with buffers, time off) indexed for one search."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from intake.scheduling.intervals import Interval
from intake.scheduling.model import BookedAppointment


class BlockedSpans:
    """One therapist's blocked spans in order of start, for range look-ups by bisection."""

    __slots__ = ("ends", "longest", "starts")

    def __init__(self) -> None:
        self.starts: list[datetime] = []
        self.ends: list[datetime] = []
        self.longest = timedelta()

    def add(self, start: datetime, end: datetime) -> None:
        self.starts.append(start)
        self.ends.append(end)
        if end - start > self.longest:
            self.longest = end - start

    def overlapping(self, window: Interval) -> list[Interval]:
        # Nothing starting before (window start - longest) can still be running.
        i = bisect_left(self.starts, window.start - self.longest)
        found: list[Interval] = []
        starts, ends = self.starts, self.ends
        for k in range(i, len(starts)):
            if starts[k] >= window.end:
                break
            if ends[k] > window.start:
                found.append(Interval(starts[k], ends[k]))
        return found


class AppointmentFeed:
    """Reads appointments (sorted by start) only as far as the search has got."""

    def __init__(self, appointments: Iterable[BookedAppointment]) -> None:
        self._source = iter(appointments)
        self._next: BookedAppointment | None = next(self._source, None)
        self._last_start: datetime | None = None
        self._by_therapist: dict[int, BlockedSpans] = defaultdict(BlockedSpans)

    def blocks(self, therapist_id: int, window: Interval) -> list[Interval]:
        self._read_until(window.end)
        found = self._by_therapist.get(therapist_id)
        return found.overlapping(window) if found is not None else []

    def _read_until(self, instant: datetime) -> None:
        pending, last, source = self._next, self._last_start, self._source
        by_therapist = self._by_therapist
        while pending is not None and pending.start < instant:
            if last is not None and pending.start < last:
                raise ValueError("appointments must be given in order of start time")
            last = pending.start
            end = pending.end
            if pending.buffer_minutes:
                end += timedelta(minutes=pending.buffer_minutes)
            by_therapist[pending.therapist_id].add(last, end)
            pending = next(source, None)
        self._next, self._last_start = pending, last
