"""A therapist's blocked time (appointments with buffers, time off) indexed for one search."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from heapq import merge
from operator import itemgetter

from intake.scheduling.model import BookedAppointment

# (therapist id, start, blocked until): an appointment as the search needs it, its turnover
# buffer folded into the end. Services read these straight from rows (no object per row).
BusyRow = tuple[int, datetime, datetime]
Span = tuple[datetime, datetime]


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

    def overlapping(self, window_start: datetime, window_end: datetime) -> list[Span]:
        # Nothing starting before (window start - longest) can still be running.
        i = bisect_left(self.starts, window_start - self.longest)
        found: list[Span] = []
        starts, ends = self.starts, self.ends
        for k in range(i, len(starts)):
            if starts[k] >= window_end:
                break
            if ends[k] > window_start:
                found.append((starts[k], ends[k]))
        return found


def busy_rows(appointments: Iterable[BookedAppointment]) -> Iterator[BusyRow]:
    for a in appointments:
        end = a.end + timedelta(minutes=a.buffer_minutes) if a.buffer_minutes else a.end
        yield (a.therapist_id, a.start, end)


class AppointmentFeed:
    """Reads appointments (sorted by start) only as far as the search has got."""

    def __init__(
        self,
        appointments: Iterable[BookedAppointment],
        busy: Iterable[BusyRow] = (),
        therapists: frozenset[int] | None = None,
    ) -> None:
        rows = busy_rows(appointments)
        # Either is usually empty; both are in start order, so merging keeps that order.
        self._source = merge(rows, busy, key=itemgetter(1)) if busy else rows
        self._next: BusyRow | None = next(self._source, None)
        self._last_start: datetime | None = None
        self._read_to: datetime | None = None
        self._by_therapist: dict[int, BlockedSpans] = defaultdict(BlockedSpans)
        self._therapists = therapists  # None: keep everyone's

    def blocks(self, therapist_id: int, window_start: datetime, window_end: datetime) -> list[Span]:
        if self._read_to is None or window_end > self._read_to:
            self._read_until(window_end)
        found = self._by_therapist.get(therapist_id)
        return found.overlapping(window_start, window_end) if found is not None else []

    def _read_until(self, instant: datetime) -> None:
        self._read_to = instant
        pending, last, source = self._next, self._last_start, self._source
        by_therapist, wanted = self._by_therapist, self._therapists
        while pending is not None and pending[1] < instant:
            therapist_id, start, end = pending
            if last is not None and start < last:
                raise ValueError("appointments must be given in order of start time")
            last = start
            if wanted is None or therapist_id in wanted:
                by_therapist[therapist_id].add(start, end)
            pending = next(source, None)
        self._next, self._last_start = pending, last
