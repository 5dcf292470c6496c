from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from intake.domain.enums import PartOfDay
from intake.scheduling import (
    AppointmentType,
    BookedAppointment,
    CalendarInputs,
    Closure,
    SlotQuery,
    find_slots,
    nearest_free_slots,
    slot_order,
)

from .builders import MONDAY, NEW_YORK, booked, local, location, template, utc

T30 = AppointmentType("T30", 30)
LONDON = "Europe/London"
WEEK = [MONDAY + timedelta(days=i) for i in range(7)]


def two_zone_inputs(appointments=()) -> CalendarInputs:
    """Therapist 1 in New York (weekdays 09-12), 2 in London (weekdays 09-12), 3 at both."""
    locations = (location(1, NEW_YORK), location(2, LONDON))
    templates = []
    for day in WEEK[:5]:
        templates.append(template(1, 1, day, "09:00", "12:00"))
        templates.append(template(2, 2, day, "09:00", "12:00"))
        templates.append(template(3, 1 if day.weekday() % 2 else 2, day, "13:00", "18:00"))
    return CalendarInputs(locations, tuple(templates), appointments=appointments)


def query(**kw) -> SlotQuery:
    kw.setdefault("limit", None)
    return SlotQuery(T30, MONDAY, WEEK[-1], **kw)


def test_slots_across_zones_come_soonest_first() -> None:
    found = list(find_slots(two_zone_inputs(), query()))
    assert found == sorted(found, key=slot_order)
    assert {s.location_id for s in found} == {1, 2}
    # London opens five hours before New York, so Monday's first slot is in London.
    assert found[0].location_id == 2 and found[0].start == utc(2026, 3, 2, 9)


def test_limit_and_laziness() -> None:
    consumed: list[BookedAppointment] = []

    def stream() -> Iterator[BookedAppointment]:
        for day in WEEK[:5]:
            appointment = booked(1, local(NEW_YORK, day.year, day.month, day.day, 9), 30)
            consumed.append(appointment)
            yield appointment

    found = list(find_slots(two_zone_inputs(stream()), query(limit=3)))
    assert len(found) == 3
    assert len(consumed) <= 2  # only Monday's rows were needed (plus one looked ahead)


def test_appointments_out_of_order_are_refused() -> None:
    late, early = booked(1, utc(2026, 3, 3, 15), 30), booked(1, utc(2026, 3, 2, 15), 30)
    with pytest.raises(ValueError, match="order of start"):
        list(find_slots(two_zone_inputs([late, early]), query()))


def test_filters_location_therapist_weekday_part_of_day() -> None:
    inputs = two_zone_inputs()
    only_ny = list(find_slots(inputs, query(location_ids=frozenset({1}))))
    assert {s.location_id for s in only_ny} == {1}
    only_3 = list(find_slots(inputs, query(therapist_id=3)))
    assert {s.therapist_id for s in only_3} == {3} and {s.location_id for s in only_3} == {1, 2}
    tuesdays = list(find_slots(inputs, query(weekdays=frozenset({1}))))
    assert tuesdays and {s.local_start.weekday() for s in tuesdays} == {1}
    evenings = list(find_slots(inputs, query(parts_of_day=frozenset({PartOfDay.EVENING}))))
    assert evenings and all(s.local_start.hour >= 17 for s in evenings)
    mornings = list(find_slots(inputs, query(parts_of_day=frozenset({PartOfDay.MORNING}))))
    assert {s.therapist_id for s in mornings} == {1, 2}


def test_earliest_and_date_range() -> None:
    now = utc(2026, 3, 4, 15, 2)
    found = list(find_slots(two_zone_inputs(), query(earliest=now)))
    assert found[0].start == utc(2026, 3, 4, 15, 15)  # 10:15 in New York
    single = SlotQuery(T30, WEEK[1], WEEK[1], limit=None)
    assert {s.local_start.date() for s in find_slots(two_zone_inputs(), single)} == {WEEK[1]}


def test_closure_removes_the_day_for_that_location_only() -> None:
    inputs = two_zone_inputs()
    closed = CalendarInputs(
        inputs.locations, inputs.templates, closures=(Closure(2, MONDAY, MONDAY),)
    )
    monday = SlotQuery(T30, MONDAY, MONDAY, limit=None)
    assert {s.location_id for s in find_slots(closed, monday)} == {1}


def test_a_therapist_booked_elsewhere_is_not_offered() -> None:
    # Therapist 3 works London on Mondays; a New York booking that afternoon still blocks her.
    busy = booked(3, utc(2026, 3, 2, 13), 300, location_id=1)
    found = list(find_slots(two_zone_inputs([busy]), query(therapist_id=3)))
    assert all(s.local_start.date() != MONDAY for s in found)


def test_query_validation() -> None:
    with pytest.raises(ValueError, match="reversed"):
        SlotQuery(T30, WEEK[1], MONDAY)
    with pytest.raises(ValueError, match="weekdays"):
        SlotQuery(T30, MONDAY, MONDAY, weekdays=frozenset({7}))
    with pytest.raises(ValueError, match="timezone-aware"):
        SlotQuery(T30, MONDAY, MONDAY, earliest=datetime(2026, 3, 2))


def test_nearest_free_slots_look_both_ways_and_across_locations() -> None:
    inputs = two_zone_inputs()
    target = utc(2026, 3, 3, 16, 7)  # Tuesday 11:07 in New York, 16:07 in London
    found = nearest_free_slots(target, inputs, query())
    assert [s.start for s in found] == [
        utc(2026, 3, 3, 16),  # 7 minutes before
        utc(2026, 3, 3, 16, 15),  # 8 minutes after
        utc(2026, 3, 3, 15, 45),  # 22 minutes before beats 16:30, 23 minutes after
    ]
    assert {s.location_id for s in found} == {1}  # London's Tuesday morning is long over
    assert found == nearest_free_slots(target, inputs, query())


def test_nearest_respects_earliest_and_filters() -> None:
    inputs = two_zone_inputs()
    target = utc(2026, 3, 3, 16, 7)
    found = nearest_free_slots(
        target, inputs, query(earliest=target, location_ids=frozenset({2})), n=2
    )
    # Nothing in London before Wednesday 09:00 (GMT), and nothing earlier than "now".
    assert [(s.start, s.location_id) for s in found] == [
        (utc(2026, 3, 4, 9), 2),
        (utc(2026, 3, 4, 9, 15), 2),
    ]


def test_search_is_deterministic_whatever_the_template_order() -> None:
    inputs = two_zone_inputs()
    shuffled = CalendarInputs(inputs.locations[::-1], inputs.templates[::-1])
    assert list(find_slots(inputs, query())) == list(find_slots(shuffled, query()))


def test_empty_inputs_find_nothing() -> None:
    assert list(find_slots(CalendarInputs((), ()), query())) == []
    assert nearest_free_slots(utc(2026, 3, 2, 12), CalendarInputs((), ()), query()) == []


def test_a_limited_search_breaks_ties_as_the_full_one_does() -> None:
    """Two therapists free at the same moments: the first slots, however few are asked for
    and in whatever order the set-up lists them, are the full search's first ones."""
    inputs = CalendarInputs(
        (location(1, NEW_YORK),),
        (template(2, 1, MONDAY, "09:00", "10:00"), template(1, 1, MONDAY, "09:00", "10:00")),
    )
    full = list(find_slots(inputs, query()))
    assert [(s.therapist_id, s.local_start.hour) for s in full[:2]] == [(1, 9), (2, 9)]
    for limit in range(len(full) + 1):
        assert list(find_slots(inputs, query(limit=limit))) == full[:limit]


def test_a_limited_search_still_sees_what_follows_its_last_slot() -> None:
    """Once enough slots are known the search reads less, but never too little to see a
    visit that starts right after a candidate."""
    inputs = CalendarInputs(
        (location(1, NEW_YORK),),
        (template(1, 1, MONDAY, "09:00", "10:00"), template(2, 1, MONDAY, "09:00", "10:00")),
        appointments=(booked(2, local(NEW_YORK, 2026, 3, 2, 9, 15), 45),),
    )
    found = list(find_slots(inputs, query(limit=2)))
    assert [(s.therapist_id, s.local_start.minute) for s in found] == [(1, 0), (1, 15)]
