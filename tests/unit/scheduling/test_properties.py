"""Property tests: free and busy time partition working time; offered slots are bookable."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from intake.domain.enums import PartOfDay
from intake.scheduling import (
    AppointmentType,
    AvailabilityTemplate,
    BookedAppointment,
    CalendarInputs,
    Closure,
    Interval,
    Location,
    OpeningHours,
    Slot,
    SlotQuery,
    TimeOff,
    day_availability,
    day_slots,
    find_slots,
    intersect,
    normalise,
    slot_order,
    subtract,
    wall_window,
)

# Days around the 2026 clock changes, and one ordinary week.
STARTS = [
    date(2026, 3, 7),
    date(2026, 3, 28),
    date(2026, 10, 24),
    date(2026, 10, 31),
    date(2026, 6, 1),
]
ZONES = ["America/New_York", "Europe/London", "America/Chicago", "Asia/Kathmandu"]
DAYS = 3
THERAPISTS = (1, 2)
FIVE = timedelta(minutes=5)


@dataclass(frozen=True)
class Scenario:
    first_day: date
    inputs: CalendarInputs
    appointment_type: AppointmentType
    earliest: datetime | None

    @property
    def days(self) -> list[date]:
        return [self.first_day + timedelta(days=i) for i in range(DAYS)]

    @property
    def appointments(self) -> tuple[BookedAppointment, ...]:
        return tuple(self.inputs.appointments)


@st.composite
def wall_pair(draw: st.DrawFn) -> tuple[time, time]:
    a, b = sorted(draw(st.lists(st.integers(0, 287), min_size=2, max_size=2, unique=True)))
    return time(a * 5 // 60, a * 5 % 60), time(b * 5 // 60, b * 5 % 60)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    first_day = draw(st.sampled_from(STARTS))
    zones = draw(st.lists(st.sampled_from(ZONES), min_size=2, max_size=2))
    locations = []
    for loc_id, zone in enumerate(zones, start=1):
        hours = [
            OpeningHours(d, *draw(wall_pair()))
            for d in range(7)
            if draw(st.booleans()) or d == first_day.weekday()
        ]
        locations.append(Location(loc_id, f"L{loc_id}", zone, tuple(hours)))
    templates = [
        AvailabilityTemplate(
            draw(st.sampled_from(THERAPISTS)),
            draw(st.sampled_from((1, 2))),
            (first_day + timedelta(days=draw(st.integers(0, DAYS - 1)))).weekday(),
            *draw(wall_pair()),
            first_day + timedelta(days=draw(st.integers(-1, 1))),
            draw(st.one_of(st.none(), st.just(first_day + timedelta(days=DAYS - 2)))),
        )
        for _ in range(draw(st.integers(1, 5)))
    ]
    day_minutes = DAYS * 24 * 60
    origin = datetime.combine(first_day, time(0), tzinfo=UTC) - timedelta(hours=12)

    def instant() -> datetime:
        return origin + FIVE * draw(st.integers(0, (day_minutes + 24 * 60) // 5))

    closures = [
        Closure(draw(st.sampled_from((1, 2))), day, day)
        for day in draw(
            st.lists(
                st.sampled_from([first_day + timedelta(days=i) for i in range(DAYS)]), max_size=1
            )
        )
    ]
    time_off = []
    for _ in range(draw(st.integers(0, 2))):
        start = instant()
        time_off.append(
            TimeOff(
                draw(st.sampled_from(THERAPISTS)), start, start + FIVE * draw(st.integers(1, 120))
            )
        )
    appointments = []
    for _ in range(draw(st.integers(0, 10))):
        start = instant()
        appointments.append(
            BookedAppointment(
                draw(st.sampled_from(THERAPISTS)),
                draw(st.sampled_from((1, 2))),
                start,
                start + FIVE * draw(st.integers(3, 24)),
                draw(st.sampled_from((0, 10, 15))),
            )
        )
    appointments.sort(key=lambda a: a.start)
    kind = AppointmentType(
        "T", draw(st.sampled_from((15, 30, 45, 60))), draw(st.sampled_from((0, 10, 15)))
    )
    earliest = draw(st.one_of(st.none(), st.builds(instant)))
    inputs = CalendarInputs(
        tuple(locations), tuple(templates), tuple(closures), tuple(time_off), tuple(appointments)
    )
    return Scenario(first_day, inputs, kind, earliest)


def blocked_of(scenario: Scenario, therapist_id: int) -> list[Interval]:
    found = [t.interval for t in scenario.inputs.time_off if t.therapist_id == therapist_id]
    found += [a.blocked for a in scenario.appointments if a.therapist_id == therapist_id]
    return normalise(found)


def availability(scenario: Scenario, location: Location, therapist_id: int, day: date):
    i = scenario.inputs
    return day_availability(
        location,
        therapist_id,
        day,
        templates=i.templates,
        closures=i.closures,
        time_off=i.time_off,
        appointments=scenario.appointments,
    )


def search(scenario: Scenario):
    query = SlotQuery(
        scenario.appointment_type,
        scenario.first_day,
        scenario.days[-1],
        earliest=scenario.earliest,
        limit=None,
    )
    return list(find_slots(scenario.inputs, query))


PROPERTY = settings(max_examples=120, deadline=None)


@PROPERTY
@given(scenarios())
def test_free_and_busy_partition_working_time(scenario: Scenario) -> None:
    for location in scenario.inputs.locations:
        for therapist_id in THERAPISTS:
            busy = blocked_of(scenario, therapist_id)
            for day in scenario.days:
                avail = availability(scenario, location, therapist_id, day)
                working, free = list(avail.working), list(avail.free)
                assert intersect(free, busy) == []
                assert normalise(free + intersect(busy, working)) == working
                assert subtract(free, working) == []


@PROPERTY
@given(scenarios())
def test_offered_slots_are_bookable(scenario: Scenario) -> None:
    found = search(scenario)
    assert found == sorted(found, key=slot_order)
    assert len({slot_order(s) for s in found}) == len(found)
    assert found == search(scenario)  # deterministic
    kind = scenario.appointment_type
    locations = {loc.id: loc for loc in scenario.inputs.locations}
    for slot in found:
        location = locations[slot.location_id]
        day = slot.local_start.date()
        assert slot.local_start == slot.start.astimezone(location.zone)
        assert slot.local_start.minute % 15 == 0 and slot.local_start.second == 0
        assert slot.end - slot.start == kind.duration
        assert scenario.earliest is None or slot.start >= scenario.earliest
        booking = Interval(slot.start, slot.end)
        # Inside a template in force, inside opening hours, not on a closure day.
        templates = [
            wall_window(day, t.start, t.end, location.zone)
            for t in scenario.inputs.templates
            if t.therapist_id == slot.therapist_id
            and t.location_id == location.id
            and t.applies_on(day)
        ]
        # Touching templates (or opening rows) make one continuous window.
        assert any(w.contains(booking) for w in normalise(w for w in templates if w))
        opening = [
            wall_window(day, h.opens, h.closes, location.zone)
            for h in location.hours_on(day.weekday())
        ]
        assert any(w.contains(booking) for w in normalise(w for w in opening if w))
        assert not any(
            c.location_id == location.id and c.covers(day) for c in scenario.inputs.closures
        )
        # Never over a booking, its buffer or time off, and the slot's own buffer does not
        # run into any of them either (it may run past the end of the working window).
        busy = blocked_of(scenario, slot.therapist_id)
        with_buffer = Interval(slot.start, slot.end + kind.buffer)
        assert not any(b.overlaps(with_buffer) for b in busy)
        avail = availability(scenario, location, slot.therapist_id, day)
        assert any(f.contains(booking) for f in avail.free)


@PROPERTY
@given(scenarios())
def test_every_fitting_grid_start_is_offered(scenario: Scenario) -> None:
    """A brute-force scan over every five minutes finds no slot the search missed."""
    offered = {slot_order(s) for s in search(scenario)}
    kind = scenario.appointment_type
    for location in scenario.inputs.locations:
        zone = location.zone
        for therapist_id in THERAPISTS:
            for day in scenario.days:
                avail = availability(scenario, location, therapist_id, day)
                busy = blocked_of(scenario, therapist_id)
                for free in avail.free:
                    t = free.start.replace(second=0, microsecond=0)
                    t -= timedelta(minutes=t.minute % 5)
                    while t < free.end:
                        end = t + kind.duration
                        fits = (
                            free.start <= t
                            and end <= free.end
                            and not any(b.overlaps(Interval(t, end + kind.buffer)) for b in busy)
                        )
                        on_grid = t.astimezone(zone).minute % 15 == 0
                        late_enough = scenario.earliest is None or t >= scenario.earliest
                        if fits and on_grid and late_enough:
                            assert (t, location.id, therapist_id) in offered
                        t += FIVE


def simple_slots(scenario: Scenario, query: SlotQuery) -> list[Slot]:
    """The definition, one therapist-day at a time on Interval objects (no early stop)."""
    found = []
    for location in scenario.inputs.locations:
        if query.location_ids is not None and location.id not in query.location_ids:
            continue
        for therapist_id in THERAPISTS:
            if query.therapist_id is not None and therapist_id != query.therapist_id:
                continue
            for day in scenario.days:
                if query.weekdays is not None and day.weekday() not in query.weekdays:
                    continue
                avail = availability(scenario, location, therapist_id, day)
                found += [
                    s
                    for s in day_slots(
                        avail, location, scenario.appointment_type, earliest=query.earliest
                    )
                    if query.parts_of_day is None or s.part_of_day in query.parts_of_day
                ]
    found.sort(key=slot_order)
    return found if query.limit is None else found[: query.limit]


@PROPERTY
@given(
    scenarios(),
    st.one_of(st.none(), st.integers(0, 12)),
    st.one_of(st.none(), st.just(frozenset({1})), st.just(frozenset({2}))),
    st.one_of(st.none(), st.sampled_from(THERAPISTS)),
    st.one_of(st.none(), st.frozensets(st.sampled_from(list(PartOfDay)), min_size=1)),
    st.one_of(st.none(), st.frozensets(st.integers(0, 6), min_size=1)),
)
def test_the_fast_search_gives_exactly_the_slots_of_the_definition(
    scenario: Scenario,
    limit: int | None,
    location_ids: frozenset[int] | None,
    therapist_id: int | None,
    parts: frozenset[PartOfDay] | None,
    weekdays: frozenset[int] | None,
) -> None:
    """Tuples, early stops and the streamed busy rows change the cost, never the answer."""
    query = SlotQuery(
        scenario.appointment_type,
        scenario.first_day,
        scenario.days[-1],
        location_ids=location_ids,
        therapist_id=therapist_id,
        weekdays=weekdays,
        parts_of_day=parts,
        earliest=scenario.earliest,
        limit=limit,
    )
    assert list(find_slots(scenario.inputs, query)) == simple_slots(scenario, query)
    # The same busy time handed over as (therapist, start, blocked until) rows.
    rows = tuple((a.therapist_id, a.start, a.blocked.end) for a in scenario.appointments)
    as_rows = replace(scenario.inputs, appointments=(), busy=rows)
    assert list(find_slots(as_rows, query)) == simple_slots(scenario, query)
