from __future__ import annotations

from datetime import date, timedelta

from intake.scheduling import (
    Closure,
    Interval,
    TimeOff,
    day_availability,
    working_windows,
)

from .builders import MONDAY, NEW_YORK, booked, local, location, template, utc


def ny(hour: int, minute: int = 0, day: date = MONDAY) -> object:
    return local(NEW_YORK, day.year, day.month, day.day, hour, minute)


def test_template_becomes_utc_working_window() -> None:
    loc = location()
    found = working_windows(loc, 7, MONDAY, [template(7, 1, MONDAY, "08:00", "17:00")])
    assert found == [Interval(utc(2026, 3, 2, 13), utc(2026, 3, 2, 22))]


def test_effective_dates_are_inclusive() -> None:
    loc = location()
    old = template(7, 1, MONDAY, "08:00", "12:00", date(2026, 1, 1), MONDAY)
    new = template(7, 1, MONDAY, "13:00", "17:00", MONDAY + timedelta(days=1))
    assert working_windows(loc, 7, MONDAY, [old, new]) == [Interval(ny(8), ny(12))]
    next_monday = MONDAY + timedelta(days=7)
    assert working_windows(loc, 7, next_monday, [old, new]) == [
        Interval(ny(13, day=next_monday), ny(17, day=next_monday))
    ]
    before = MONDAY - timedelta(days=7)
    assert working_windows(loc, 7, before, [new]) == []


def test_only_the_therapists_templates_on_that_weekday_and_location_count() -> None:
    loc = location()
    others = [
        template(8, 1, MONDAY, "08:00", "17:00"),  # another therapist
        template(7, 2, MONDAY, "08:00", "17:00"),  # another location
        template(7, 1, MONDAY + timedelta(days=1), "08:00", "17:00"),  # Tuesday
    ]
    assert working_windows(loc, 7, MONDAY, others) == []


def test_opening_hours_clip_the_template() -> None:
    loc = location(hours=("09:00", "16:00"))
    found = working_windows(loc, 7, MONDAY, [template(7, 1, MONDAY, "08:00", "17:00")])
    assert found == [Interval(ny(9), ny(16))]


def test_closed_weekday_and_closure_days_give_nothing() -> None:
    weekend_closed = location(weekdays=range(5))
    sunday = MONDAY - timedelta(days=1)
    assert (
        working_windows(weekend_closed, 7, sunday, [template(7, 1, sunday, "08:00", "12:00")]) == []
    )
    loc = location()
    closures = [Closure(1, MONDAY - timedelta(days=3), MONDAY), Closure(2, MONDAY, MONDAY)]
    tpl = [template(7, 1, MONDAY, "08:00", "17:00")]
    assert working_windows(loc, 7, MONDAY, tpl, closures) == []
    tuesday = MONDAY + timedelta(days=1)
    tue_tpl = [template(7, 1, tuesday, "08:00", "17:00")]
    assert working_windows(loc, 7, tuesday, tue_tpl, closures) != []


def test_free_time_subtracts_time_off_appointments_and_buffers() -> None:
    loc = location()
    avail = day_availability(
        loc,
        7,
        MONDAY,
        templates=[template(7, 1, MONDAY, "08:00", "17:00")],
        time_off=[TimeOff(7, ny(12), ny(13)), TimeOff(8, ny(8), ny(17))],
        appointments=[
            booked(7, ny(9), 60, buffer=15),
            booked(7, ny(15), 30, location_id=2),  # at another location: still busy
            booked(8, ny(10), 60),  # someone else's
        ],
    )
    assert avail.working == (Interval(ny(8), ny(17)),)
    assert avail.free == (
        Interval(ny(8), ny(9)),
        Interval(ny(10, 15), ny(12)),
        Interval(ny(13), ny(15)),
        Interval(ny(15, 30), ny(17)),
    )


def test_an_appointment_from_the_day_before_can_still_block() -> None:
    loc = location(hours=("00:00", "23:00"))
    avail = day_availability(
        loc,
        7,
        MONDAY,
        templates=[template(7, 1, MONDAY, "00:00", "06:00")],
        appointments=[booked(7, ny(23, day=MONDAY - timedelta(days=1)), 60, buffer=30)],
    )
    assert avail.free == (Interval(ny(0, 30), ny(6)),)


def test_spring_forward_day_availability() -> None:
    spring = date(2026, 3, 8)
    loc = location(hours=("00:00", "20:00"))
    avail = day_availability(
        loc,
        7,
        spring,
        templates=[
            template(7, 1, spring, "00:30", "03:30"),
            template(7, 1, spring, "08:00", "17:00"),
        ],
    )
    assert avail.working == (
        Interval(utc(2026, 3, 8, 5, 30), utc(2026, 3, 8, 7, 30)),
        Interval(utc(2026, 3, 8, 12), utc(2026, 3, 8, 21)),
    )
