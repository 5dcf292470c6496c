"""A plan-of-care series: a weekly rule expanded into the visits to book, each placed on a free
slot or marked with why it could not be (pure; ``services`` books the result in one go).

The rule names weekdays and a wall-clock time for each, at one location with one therapist
(or any therapist there). Each wanted visit is the local reading ``day at time`` in the
location's zone, so a 10:00 visit stays at 10:00 across a daylight-saving change.

A wanted visit that is not free gets the nearest acceptable alternative, in the order a front
desk would try them: the same day at another time, another day of the same week, then (if the
rule allows) another therapist at the location on the same day or week. Alternatives keep to
the rule's preferred time window. A visit with no alternative stays in the proposal, unplaced,
with its reason: the count is the prescription, and what is missing can go on the waitlist.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from intake.domain.series import Obstacle, Placement
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said
from intake.scheduling.availability import is_closed, working_windows
from intake.scheduling.finder import CalendarInputs, SlotQuery, find_slots
from intake.scheduling.intervals import Interval
from intake.scheduling.model import AppointmentType, BookedAppointment, Location
from intake.scheduling.slots import Slot
from intake.scheduling.wall_clock import wall_to_utc

MAX_VISITS = 60  # a course longer than this is a data-entry slip, not a prescription
MAX_WEEKS = 52
_ONE_DAY = timedelta(days=1)


class RuleError(ValueError):
    """A rule that cannot be; `message` says why to the person who wrote it (the course
    form shows it, translated)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class WeeklyVisit:
    """One weekly visit of the rule: a weekday (0 Monday) and a local wall-clock time."""

    weekday: int
    at: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise RuleError(
                said(
                    QT_TRANSLATE_NOOP(
                        "CourseRule", "Weekday must be 0 (Monday) to 6 (Sunday), not {weekday}."
                    ),
                    weekday=self.weekday,
                )
            )
        if self.at.tzinfo is not None:
            raise RuleError(
                said(
                    QT_TRANSLATE_NOOP(
                        "CourseRule", "A visit time is a local wall-clock time and carries no zone."
                    )
                )
            )
        if self.at.minute % 15 or self.at.second or self.at.microsecond:
            raise RuleError(
                said(
                    QT_TRANSLATE_NOOP(
                        "CourseRule", "Visits start on the quarter hour, not at {time:%H:%M}."
                    ),
                    time=self.at,
                )
            )


@dataclass(frozen=True, slots=True)
class SeriesRule:
    """The prescription as the front desk enters it.

    Exactly one of ``count`` (visits) and ``until`` (last local date, inclusive) ends it.
    ``window`` is the patient's acceptable local time range for alternatives (None: any time
    the therapist works).
    """

    location_id: int
    therapist_id: int
    appointment_type: AppointmentType
    visits: tuple[WeeklyVisit, ...]
    first_day: date
    count: int | None = None
    until: date | None = None
    any_therapist: bool = False
    window: tuple[time, time] | None = None

    def __post_init__(self) -> None:
        if not self.visits:
            raise RuleError(
                said(QT_TRANSLATE_NOOP("CourseRule", "A series needs at least one weekday."))
            )
        weekdays = [v.weekday for v in self.visits]
        if len(set(weekdays)) != len(weekdays):
            raise RuleError(
                said(QT_TRANSLATE_NOOP("CourseRule", "A weekday appears twice in the series."))
            )
        if (self.count is None) == (self.until is None):
            raise RuleError(
                said(
                    QT_TRANSLATE_NOOP(
                        "CourseRule",
                        "A series ends after a number of visits or on a date, not both.",
                    )
                )
            )
        if self.count is not None and not 1 <= self.count <= MAX_VISITS:
            raise RuleError(
                said(
                    QT_TRANSLATE_NOOP(
                        "CourseRule", "A series has 1 to {most} visits, not {count}."
                    ),
                    most=MAX_VISITS,
                    count=self.count,
                )
            )
        if self.until is not None:
            if self.until < self.first_day:
                raise RuleError(
                    said(QT_TRANSLATE_NOOP("CourseRule", "The series ends before it starts."))
                )
            if self.until - self.first_day > timedelta(weeks=MAX_WEEKS):
                raise RuleError(
                    said(
                        QT_TRANSLATE_NOOP("CourseRule", "A series spans at most {weeks} weeks."),
                        weeks=MAX_WEEKS,
                    )
                )
        if self.window is not None and not self.window[0] < self.window[1]:
            raise RuleError(
                said(
                    QT_TRANSLATE_NOOP(
                        "CourseRule", "The preferred time window must end after it starts."
                    )
                )
            )

    @property
    def last_possible_day(self) -> date:
        """The last local day a visit of the series (or its alternative) may fall on."""
        if self.until is not None:
            return self.until
        assert self.count is not None
        weeks = -(-self.count // len(self.visits))
        return _week_start(self.first_day) + timedelta(weeks=weeks, days=6)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One visit of the series: what was wanted, and where it landed (or why not)."""

    number: int  # 1-based, in the order wanted
    wanted_day: date
    wanted_at: time
    wanted_start: datetime  # UTC instant of the wanted local reading
    slot: Slot | None
    placement: Placement
    obstacle: Obstacle | None = None  # set whenever the placement is not AS_WANTED


@dataclass(frozen=True, slots=True)
class SeriesInputs:
    """The calendar around the series. ``calendar.appointments`` are everyone's active visits
    (a tuple, in order of start); ``patient_busy`` is the patient's own visits, which the
    series must not overlap either; ``earliest`` (now) rules out the past."""

    calendar: CalendarInputs
    patient_busy: tuple[Interval, ...] = ()
    earliest: datetime | None = None
    therapist_ids: tuple[int, ...] = field(default=())  # who may stand in, when allowed


def wanted_visits(rule: SeriesRule) -> Iterator[tuple[date, time]]:
    """The local (day, time) readings the rule asks for, in order, ending as it says."""
    by_weekday = {v.weekday: v.at for v in rule.visits}
    day, made = rule.first_day, 0
    last = rule.last_possible_day
    while day <= last:
        at = by_weekday.get(day.weekday())
        if at is not None:
            yield day, at
            made += 1
            if rule.count is not None and made == rule.count:
                return
        day += _ONE_DAY


def propose_series(
    rule: SeriesRule,
    inputs: SeriesInputs,
    *,
    keep: Mapping[int, Slot] | None = None,
) -> tuple[Occurrence, ...]:
    """Every wanted visit with its slot or obstacle, in order.

    ``keep`` fixes some visits (by number) on slots already chosen: the rest are proposed
    around them. After a lost race the service keeps the visits that are still free and asks
    again for just the others.
    """
    location = _location(inputs.calendar, rule.location_id)
    planner = _Planner(rule, inputs, location)
    kept = dict(keep or {})
    for slot in kept.values():
        planner.hold(slot)
    made: list[Occurrence] = []
    wanted = list(wanted_visits(rule))
    planner.wanted_days = {day for day, _ in wanted}
    for number, (day, at) in enumerate(wanted, start=1):
        wanted_start = wall_to_utc(day, at, location.zone)
        if number in kept:
            made.append(_kept(number, day, at, wanted_start, kept[number]))
            continue
        occurrence = planner.place(number, day, at, wanted_start)
        if occurrence.slot is not None:
            planner.hold(occurrence.slot)
        made.append(occurrence)
    return tuple(made)


def _kept(number: int, day: date, at: time, wanted_start: datetime, slot: Slot) -> Occurrence:
    return Occurrence(number, day, at, wanted_start, slot, Placement.AS_WANTED)


def missing(occurrences: Iterable[Occurrence]) -> tuple[Occurrence, ...]:
    """The visits that could not be placed (for the waitlist)."""
    return tuple(o for o in occurrences if o.slot is None)


def _location(calendar: CalendarInputs, location_id: int) -> Location:
    for location in calendar.locations:
        if location.id == location_id:
            return location
    raise ValueError(f"location {location_id} is not among the calendar inputs")


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


class _Planner:
    """Free slots for the series, with the visits placed so far held as booked."""

    def __init__(self, rule: SeriesRule, inputs: SeriesInputs, location: Location) -> None:
        self.rule = rule
        self.inputs = inputs
        self.location = location
        # Everyone's visits plus the series' own, in order of start (what the finder reads).
        self.booked = sorted(_as_tuple(inputs.calendar.appointments), key=_start)
        self.held_days: set[date] = set()
        self.wanted_days: set[date] = set()  # another visit of the course wants these
        self.patient_busy = list(inputs.patient_busy)

    def hold(self, slot: Slot) -> None:
        kind = self.rule.appointment_type
        insort(
            self.booked,
            BookedAppointment(
                slot.therapist_id, slot.location_id, slot.start, slot.end, kind.buffer_minutes
            ),
            key=_start,
        )
        self.held_days.add(slot.local_start.date())
        self.patient_busy.append(Interval(slot.start, slot.end))

    # -- the order a front desk tries ------------------------------------------------------

    def place(self, number: int, day: date, at: time, wanted_start: datetime) -> Occurrence:
        rule = self.rule
        free_day = day not in self.held_days  # one visit of the course a day
        wanted = self._exact(rule.therapist_id, day, wanted_start) if free_day else None
        if wanted is not None:
            return Occurrence(number, day, at, wanted_start, wanted, Placement.AS_WANTED)
        obstacle = self._obstacle(rule.therapist_id, day, wanted_start)
        same_day = [day] if free_day else []
        other_days = self._other_days(day)
        tries: list[tuple[Placement, int, list[date]]] = [
            (Placement.OTHER_TIME, rule.therapist_id, same_day),
            (Placement.OTHER_DAY, rule.therapist_id, other_days),
        ]
        if rule.any_therapist:
            others = [t for t in self.inputs.therapist_ids if t != rule.therapist_id]
            tries.extend((Placement.OTHER_THERAPIST, t, same_day) for t in others)
            tries.extend((Placement.OTHER_THERAPIST, t, other_days) for t in others)
        for placement, therapist_id, days in tries:
            for candidate_day in days:
                slot = self._nearest(therapist_id, candidate_day, at)
                if slot is not None:
                    return Occurrence(number, day, at, wanted_start, slot, placement, obstacle)
        return Occurrence(number, day, at, wanted_start, None, Placement.NOT_PLACED, obstacle)

    def _other_days(self, day: date) -> list[date]:
        """The other days of the wanted day's week inside the series, nearest first, that no
        other visit of the course holds or wants."""
        monday = _week_start(day)
        week = [monday + timedelta(days=i) for i in range(7)]
        inside = [
            d
            for d in week
            if d != day
            and self.rule.first_day <= d <= self.rule.last_possible_day
            and d not in self.held_days
            and d not in self.wanted_days
        ]
        return sorted(inside, key=lambda d: (abs((d - day).days), d))

    # -- slots --------------------------------------------------------------------------

    def _slots(self, therapist_id: int, day: date) -> list[Slot]:
        calendar = self.inputs.calendar
        query = SlotQuery(
            appointment_type=self.rule.appointment_type,
            first_day=day,
            last_day=day,
            location_ids=frozenset({self.location.id}),
            therapist_id=therapist_id,
            earliest=self.inputs.earliest,
            limit=None,
        )
        found = find_slots(replace(calendar, appointments=tuple(self.booked)), query)
        return [s for s in found if not self._patient_busy(s)]

    def _patient_busy(self, slot: Slot) -> bool:
        span = Interval(slot.start, slot.end)
        return any(span.overlaps(busy) for busy in self.patient_busy)

    def _exact(self, therapist_id: int, day: date, wanted_start: datetime) -> Slot | None:
        for slot in self._slots(therapist_id, day):
            if slot.start == wanted_start:
                return slot
        return None

    def _nearest(self, therapist_id: int, day: date, at: time) -> Slot | None:
        """The slot that day nearest to the wanted wall-clock time, inside the window."""
        target = wall_to_utc(day, at, self.location.zone)
        window = self.rule.window
        fits = [
            s
            for s in self._slots(therapist_id, day)
            if window is None or (window[0] <= s.local_start.time() and _local_end(s) <= window[1])
        ]
        if not fits:
            return None
        return min(fits, key=lambda s: (abs(s.start - target), s.start))

    def _obstacle(self, therapist_id: int, day: date, wanted_start: datetime) -> Obstacle:
        calendar, kind = self.inputs.calendar, self.rule.appointment_type
        if is_closed(self.location, day, calendar.closures):
            return Obstacle.HOLIDAY
        earliest = self.inputs.earliest
        if earliest is not None and wanted_start < earliest:
            return Obstacle.PAST
        wanted = Interval(wanted_start, wanted_start + kind.duration)
        working = working_windows(
            self.location, therapist_id, day, calendar.templates, calendar.closures
        )
        if not working:
            return Obstacle.THERAPIST_AWAY
        if any(
            t.therapist_id == therapist_id and t.interval.overlaps(wanted)
            for t in calendar.time_off
        ):
            return Obstacle.THERAPIST_AWAY
        if not any(w.contains(wanted) for w in working):
            return Obstacle.OUTSIDE_HOURS
        if any(wanted.overlaps(busy) for busy in self.patient_busy):
            return Obstacle.PATIENT_BUSY
        return Obstacle.TAKEN


def _as_tuple(appointments: Iterable[BookedAppointment]) -> tuple[BookedAppointment, ...]:
    return appointments if isinstance(appointments, tuple) else tuple(appointments)


def _start(appointment: BookedAppointment) -> datetime:
    return appointment.start


def _local_end(slot: Slot) -> time:
    end = slot.end.astimezone(slot.local_start.tzinfo)
    # A visit ending at midnight ends "at 24:00" of its day, after every window's end but one.
    return time.max if end.date() != slot.local_start.date() else end.time()
