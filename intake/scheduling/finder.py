"""Free slots across many therapists and locations, soonest first, computed lazily.

Local days of all locations are opened in order of their UTC start, and a slot is released as
soon as no unopened day can hold an earlier one, so a search for the first 20 slots builds only
the first few days. Appointments are read lazily too, in order of start, so ``services`` may
hand over a streaming query result and only the rows up to the last day examined are read.
"""

from __future__ import annotations

import heapq
from bisect import insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import islice

from intake.domain.enums import PartOfDay
from intake.scheduling.busy_time import AppointmentFeed, BlockedSpans, BusyRow
from intake.scheduling.free_time import Span, merged, opening_spans, slot_starts, working_spans
from intake.scheduling.model import (
    AppointmentType,
    AvailabilityTemplate,
    BookedAppointment,
    Closure,
    Location,
    TimeOff,
)
from intake.scheduling.slots import Slot
from intake.scheduling.wall_clock import local_day

_ONE_DAY = timedelta(days=1)
# A day is opened an hour first when a search wants only the first few slots, then twice as
# much each time it is come back to (a search that finds little goes through whole days).
_SLICE = timedelta(hours=1)
_TICK = timedelta(microseconds=1)  # the last instant before a slice ends
_WHOLE_DAY = timedelta(hours=25)  # the longest local day
_END_OF_TIME = datetime.max.replace(tzinfo=UTC)


_TherapistWork = tuple[int, list[Span]]  # a therapist and their working spans of a day


@dataclass(frozen=True, slots=True)
class CalendarInputs:
    """Everything the search reads, for the date range asked (plus a day either side).

    ``appointments`` must come in order of start (``ORDER BY start``); each search reads it
    lazily, only as far as the days it examines, so it may be a streaming query result. A
    one-shot iterator serves one search only: pass a tuple to search the same inputs twice.
    Pass only appointments that hold time (booked, checked in, completed). ``busy`` is the
    same in its cheap form, ``(therapist id, start, blocked until)`` rows in start order (the
    buffer folded into the end), as services read it without an object per row.
    """

    locations: tuple[Location, ...]
    templates: tuple[AvailabilityTemplate, ...]
    closures: tuple[Closure, ...] = ()
    time_off: tuple[TimeOff, ...] = ()
    appointments: Iterable[BookedAppointment] = ()
    busy: Iterable[BusyRow] = ()


@dataclass(frozen=True, slots=True)
class SlotQuery:
    """What is wanted. Days are local dates at each location, both ends inclusive.

    ``None`` in a filter means "any". ``earliest`` (usually now) drops slots that start
    before it; ``limit`` stops the search after that many slots.
    """

    appointment_type: AppointmentType
    first_day: date
    last_day: date
    location_ids: frozenset[int] | None = None
    therapist_id: int | None = None
    weekdays: frozenset[int] | None = None
    parts_of_day: frozenset[PartOfDay] | None = None
    earliest: datetime | None = None
    limit: int | None = 20

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValueError(f"date range is reversed: {self.first_day} .. {self.last_day}")
        if self.earliest is not None and self.earliest.tzinfo is None:
            raise ValueError("earliest must be a timezone-aware UTC datetime")
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit cannot be negative: {self.limit}")
        if self.weekdays is not None and not self.weekdays <= frozenset(range(7)):
            raise ValueError(f"weekdays must be 0 (Monday) to 6 (Sunday): {sorted(self.weekdays)}")


def find_slots(inputs: CalendarInputs, query: SlotQuery) -> Iterator[Slot]:
    """Free slots matching ``query``, soonest first across all locations, at most ``limit``."""
    calendar = _Calendar(inputs, query)
    days = {loc.id: _days(query.first_day, query.last_day) for loc in calendar.locations}
    found = calendar.ordered_slots(days, query.earliest, limit=query.limit)
    return islice(found, query.limit) if query.limit is not None else found


def nearest_free_slots(
    target_start: datetime, inputs: CalendarInputs, query: SlotQuery, n: int = 3
) -> list[Slot]:
    """The ``n`` slots nearest to ``target_start`` in either direction (for a lost race).

    Nearest by absolute distance, ties to the earlier slot; the query's filters, date range
    and ``earliest`` still apply (its ``limit`` does not).
    """
    return list(islice(slots_by_nearness(target_start, inputs, query), n))


def slots_by_nearness(
    target_start: datetime, inputs: CalendarInputs, query: SlotQuery
) -> Iterator[Slot]:
    """Every free slot of the query, nearest to ``target_start`` first, computed lazily
    (a caller that stops after a few opens only the days around the target)."""
    calendar = _Calendar(inputs, query)
    forward_from = target_start if query.earliest is None else max(target_start, query.earliest)
    local_dates = {loc.id: target_start.astimezone(loc.zone).date() for loc in calendar.locations}
    later_days = {
        loc_id: _days(max(query.first_day, local), query.last_day)
        for loc_id, local in local_dates.items()
    }
    earlier_days = {
        loc_id: _days_backwards(min(query.last_day, local), query.first_day)
        for loc_id, local in local_dates.items()
    }
    after = calendar.ordered_slots(later_days, forward_from)
    before = (
        s
        for s in calendar.ordered_slots(earlier_days, query.earliest, reverse=True)
        if s.start < target_start
    )

    def distance(slot: Slot) -> tuple[timedelta, datetime, int, int]:
        return (abs(slot.start - target_start), slot.start, slot.location_id, slot.therapist_id)

    return heapq.merge(after, before, key=distance)


def _forward_key(slot: Slot) -> tuple[datetime, int, int]:
    return (slot.start, slot.location_id, slot.therapist_id)


def _backward_key(slot: Slot) -> tuple[timedelta, int, int]:
    # Latest first; datetimes cannot be negated, so measure back from the end of time.
    return (_END_OF_TIME - slot.start, slot.location_id, slot.therapist_id)


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


def _days_backwards(last: date, first: date) -> Iterator[date]:
    day = last
    while day >= first:
        yield day
        day -= _ONE_DAY


@dataclass(frozen=True, slots=True)
class _Index:
    """The set-up of a search indexed: what does not change from one search to the next."""

    locations: list[Location]
    # (location, weekday) -> therapist -> templates; only the queried therapist is kept.
    templates: dict[tuple[int, int], dict[int, list[AvailabilityTemplate]]]
    closures: dict[int, list[Closure]]
    time_off: dict[int, BlockedSpans]
    therapists: frozenset[int]  # those working at the searched locations
    # (location, local day) -> each therapist's working spans there: filled as days are
    # opened, so the next search over the same days does not work them out again.
    work: dict[tuple[int, date], list[_TherapistWork]]


# Services hand the same set-up tuples to search after search (kept while the set-up is
# unchanged): their index is kept too, under the tuples' identity, and the tuples themselves
# are held so that an identity is never reused while it is a key here.
_INDEXES: dict[tuple[object, ...], tuple[tuple[object, ...], _Index]] = {}
_INDEXES_KEPT = 32


def _index(inputs: CalendarInputs, query: SlotQuery) -> _Index:
    parts = (inputs.locations, inputs.templates, inputs.closures, inputs.time_off)
    if not all(type(p) is tuple for p in parts):  # could change under us: not kept
        return _build_index(inputs, query)
    key = (*(id(p) for p in parts), query.location_ids, query.therapist_id)
    kept = _INDEXES.get(key)
    if kept is not None and all(a is b for a, b in zip(kept[0], parts, strict=True)):
        return kept[1]
    index = _build_index(inputs, query)
    if len(_INDEXES) >= _INDEXES_KEPT:
        _INDEXES.clear()
    _INDEXES[key] = (parts, index)
    return index


def _build_index(inputs: CalendarInputs, query: SlotQuery) -> _Index:
    wanted = query.location_ids
    locations = sorted(
        (loc for loc in inputs.locations if wanted is None or loc.id in wanted),
        key=lambda loc: loc.id,
    )
    templates: dict[tuple[int, int], dict[int, list[AvailabilityTemplate]]] = {}
    for t in inputs.templates:
        if query.therapist_id is None or t.therapist_id == query.therapist_id:
            by_therapist = templates.setdefault((t.location_id, t.weekday), {})
            by_therapist.setdefault(t.therapist_id, []).append(t)
    closures: dict[int, list[Closure]] = {}
    for c in inputs.closures:
        closures.setdefault(c.location_id, []).append(c)
    time_off: dict[int, BlockedSpans] = {}
    for off in sorted(inputs.time_off, key=lambda o: o.start):
        time_off.setdefault(off.therapist_id, BlockedSpans()).add(off.start, off.end)
    places = {loc.id for loc in locations}
    therapists = frozenset(
        therapist_id
        for (location_id, _), by_therapist in templates.items()
        if location_id in places
        for therapist_id in by_therapist
    )
    return _Index(locations, templates, closures, time_off, therapists, {})


class _Calendar:
    """The inputs indexed for one search, and the per-location-day slot computation."""

    def __init__(self, inputs: CalendarInputs, query: SlotQuery) -> None:
        self.query = query
        index = _index(inputs, query)
        self.locations = index.locations
        self.templates = index.templates
        self.closures = index.closures
        self.time_off = index.time_off
        self.work = index.work
        # Only the searched locations' therapists are looked up: other rows are skipped.
        self.appointments = AppointmentFeed(inputs.appointments, inputs.busy, index.therapists)

    def ordered_slots(
        self,
        days_by_location: dict[int, Iterator[date]],
        earliest: datetime | None,
        *,
        reverse: bool = False,
        limit: int | None = None,
    ) -> Iterator[Slot]:
        """Slots of the given local days, soonest first (latest first if ``reverse``).

        Local days of different zones interleave in UTC, so days are opened in order of
        their UTC bound and a computed slot is released only once no unopened day can hold
        an earlier one. A location with nothing free therefore costs one day, not the range.

        With a ``limit`` (forward only), a day is opened a slice of hours at a time, each
        slice of every location in turn, so appointments are read only as far as the
        answer needs; and once ``limit`` slots are known no later one can be in it, so
        therapist-days stop at the latest of them, or are skipped.
        """
        if limit is not None and not reverse:
            yield from self._sliced_slots(days_by_location, earliest, limit)
            return
        key = _backward_key if reverse else _forward_key
        frontier: list[tuple[datetime | timedelta, int, date]] = []
        pending: list[tuple[tuple[datetime | timedelta, int, int], Slot]] = []
        by_id = {loc.id: loc for loc in self.locations}

        def open_next(location: Location) -> None:
            for day in days_by_location[location.id]:
                span = local_day(day, location.zone)
                if earliest is not None and span.end <= earliest:
                    if reverse:
                        return  # every earlier day is over too
                    continue
                bound = _END_OF_TIME - span.end if reverse else span.start
                heapq.heappush(frontier, (bound, location.id, day))
                return

        for location in self.locations:
            open_next(location)
        while frontier or pending:
            if pending and (not frontier or pending[0][0] < (frontier[0][0],)):
                yield heapq.heappop(pending)[1]
                continue
            _, location_id, day = heapq.heappop(frontier)
            location = by_id[location_id]
            work = self.day_work(location, day)
            for slot in self.slots_between(location, work, earliest):
                heapq.heappush(pending, (key(slot), slot))
            open_next(location)

    def _sliced_slots(
        self, days_by_location: dict[int, Iterator[date]], earliest: datetime | None, limit: int
    ) -> Iterator[Slot]:
        """``ordered_slots`` forward with a limit: the frontier holds slices of days, each
        with the first instant a slot of it may start (a day's start before it is opened)."""
        frontier: list[tuple[datetime, int, date, timedelta]] = []
        pending: list[tuple[tuple[datetime, int, int], Slot]] = []
        by_id = {loc.id: loc for loc in self.locations}
        work_of: dict[tuple[int, date], tuple[list[_TherapistWork], datetime]] = {}
        soonest: list[datetime] = []  # the `limit` soonest starts computed so far
        # Locations whose first worked day was opened in slices: a search still going on
        # the next day is one that finds little, and takes later days whole.
        sliced: set[int] = set()

        def open_next(location: Location) -> None:
            for day in days_by_location[location.id]:
                span = local_day(day, location.zone)
                if earliest is not None and span.end <= earliest:
                    continue
                size = _WHOLE_DAY if location.id in sliced else _SLICE
                heapq.heappush(frontier, (span.start, location.id, day, size))
                return

        for location in self.locations:
            open_next(location)
        while frontier or pending:
            if pending and (not frontier or pending[0][0] < (frontier[0][0],)):
                yield heapq.heappop(pending)[1]
                continue
            lo, location_id, day, size = heapq.heappop(frontier)
            location = by_id[location_id]
            if (location_id, day) not in work_of:  # the day's first turn: its working time
                work = self.day_work(location, day)
                if not work:
                    open_next(location)
                    continue
                first = min(w[1][0][0] for w in work)
                work_of[location_id, day] = (work, max(w[1][-1][1] for w in work))
                sliced.add(location_id)
                if first > lo:  # nothing starts before work does: come back then
                    heapq.heappush(frontier, (first, location_id, day, size))
                    continue
            work, last_end = work_of[location_id, day]
            if len(soonest) == limit and lo > soonest[-1]:
                # Nothing here can make the answer any more; the pending slots are released
                # before this day would be touched again.
                del work_of[location_id, day]
                continue
            hi = lo + size
            if len(soonest) == limit:  # nothing after the last of them is wanted: all now
                hi = max(hi, soonest[-1] + _TICK)
            for slot in self.slots_between(location, work, earliest, lo, hi, soonest, limit):
                heapq.heappush(pending, (_forward_key(slot), slot))
            if hi < last_end:
                heapq.heappush(frontier, (hi, location_id, day, size * 2))
            else:
                del work_of[location_id, day]
                open_next(location)

    def day_work(self, location: Location, day: date) -> list[_TherapistWork]:
        """Each therapist's working spans at ``location`` on local ``day`` (none if the
        query's weekdays, a closure or the opening hours leave nothing)."""
        weekdays = self.query.weekdays
        if weekdays is not None and day.weekday() not in weekdays:
            return []
        work = self.work.get((location.id, day))
        if work is None:
            work = self.work[location.id, day] = self._work_out(location, day)
        return work

    def _work_out(self, location: Location, day: date) -> list[_TherapistWork]:
        by_therapist = self.templates.get((location.id, day.weekday()))
        if not by_therapist or any(c.covers(day) for c in self.closures.get(location.id, ())):
            return []
        opening = opening_spans(location, day)
        if not opening:
            return []
        work = []
        for therapist_id, templates in by_therapist.items():
            working = working_spans(location, day, templates, opening)
            if working:
                work.append((therapist_id, working))
        return work

    def slots_between(
        self,
        location: Location,
        work: list[_TherapistWork],
        earliest: datetime | None,
        lo: datetime | None = None,
        hi: datetime | None = None,
        soonest: list[datetime] | None = None,
        limit: int | None = None,
    ) -> list[Slot]:
        """Slots starting in ``[lo, hi)`` of the day's ``work``, soonest first.

        ``soonest`` (with ``limit``) holds the soonest starts found so far, this day's
        included as they come: once full, nothing after its last can make the answer.
        """
        kind = self.query.appointment_type
        zone, location_id = location.zone, location.id
        duration, buffer = kind.duration, kind.buffer
        parts = self.query.parts_of_day
        # A part-of-day filter drops starts after they are made: no count per therapist then.
        per_therapist = limit if parts is None else None
        if lo is not None and (earliest is None or lo > earliest):
            earliest = lo
        found: list[Slot] = []
        for therapist_id, working in work:
            last_start = hi - _TICK if hi is not None else None
            if (
                soonest
                and len(soonest) == limit
                and (last_start is None or soonest[-1] < last_start)
            ):
                last_start = soonest[-1]
            if last_start is not None and (
                working[0][0] > last_start or (earliest is not None and earliest > last_start)
            ):
                continue
            # Look past the working end by the buffer: it must not run into what follows.
            reach_end = working[-1][1]
            if last_start is not None:
                reach_end = min(reach_end, last_start + duration)
            if earliest is not None and reach_end <= earliest:
                continue
            if earliest is not None and working[0][1] <= earliest:
                # Spans over before `earliest` hold no start: not worked through again.
                k = 1
                while working[k][1] <= earliest:  # reach_end > earliest: one is left
                    k += 1
                working = working[k:]
            blocked = self._blocked(therapist_id, working[0][0], reach_end + buffer)
            for start in slot_starts(
                working, blocked, duration, buffer, zone, earliest, last_start, per_therapist
            ):
                slot = Slot(
                    therapist_id, location_id, start, start + duration, start.astimezone(zone)
                )
                if parts is not None and slot.part_of_day not in parts:
                    continue
                found.append(slot)
                if soonest is not None and limit:
                    if len(soonest) < limit:
                        insort(soonest, start)
                    elif start < soonest[-1]:
                        soonest.pop()
                        insort(soonest, start)
        found.sort(key=_forward_key)
        return found

    def _blocked(self, therapist_id: int, start: datetime, end: datetime) -> list[Span]:
        blocked = self.appointments.blocks(therapist_id, start, end)
        off = self.time_off.get(therapist_id)
        if off is not None:
            blocked.extend(off.overlapping(start, end))
        return merged(blocked)
