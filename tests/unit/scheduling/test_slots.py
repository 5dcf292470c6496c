from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from intake.domain.enums import PartOfDay
from intake.scheduling import (
    AppointmentType,
    TimeOff,
    day_availability,
    day_slots,
    part_of_day,
)

from .builders import MONDAY, NEW_YORK, booked, local, location, template, utc

EVAL = AppointmentType("EVAL", 60, 15)


def ny(hour: int, minute: int = 0) -> object:
    return local(NEW_YORK, 2026, 3, 2, hour, minute)


def slots_for(loc, day, templates, appointment_type=EVAL, **kw):
    avail = day_availability(loc, 7, day, templates=templates, **kw)
    return day_slots(avail, loc, appointment_type)


def local_times(slots) -> list[str]:
    return [f"{s.local_start:%H:%M}" for s in slots]


def test_quarter_hour_grid_in_local_time() -> None:
    # Kathmandu is UTC+05:45; a free interval from 09:05 local starts its slots at 09:15 local.
    loc = location(tz_name="Asia/Kathmandu")
    tpl = [template(7, 1, MONDAY, "08:00", "11:00")]
    first_busy = booked(7, local("Asia/Kathmandu", 2026, 3, 2, 8, 0), 65)
    found = slots_for(loc, MONDAY, tpl, AppointmentType("T", 30), appointments=[first_busy])
    assert local_times(found)[:3] == ["09:15", "09:30", "09:45"]
    assert all(s.local_start.minute % 15 == 0 and s.local_start.second == 0 for s in found)
    assert found[0].local_start.tzinfo == ZoneInfo("Asia/Kathmandu")


def test_buffer_must_fit_before_the_next_appointment_and_time_off() -> None:
    loc = location()
    found = slots_for(
        loc,
        MONDAY,
        [template(7, 1, MONDAY, "08:00", "17:00")],
        appointments=[booked(7, ny(11), 60)],
        time_off=[TimeOff(7, ny(14), ny(15))],
    )
    times = local_times(found)
    assert "09:45" in times and "10:00" not in times  # 10:45 + 15 min buffer reaches 11:00
    assert "12:45" in times and "13:00" not in times  # time off needs the buffer too
    assert times[-1] == "16:00"  # at the end of the working window the buffer may spill over


def test_buffer_may_pass_the_working_end_but_not_into_a_booking_there() -> None:
    loc = location()
    tpl = [template(7, 1, MONDAY, "08:00", "17:00")]
    assert local_times(slots_for(loc, MONDAY, tpl))[-1] == "16:00"
    elsewhere = booked(7, ny(17, 5), 60, location_id=2)  # five minutes after closing here
    assert local_times(slots_for(loc, MONDAY, tpl, appointments=[elsewhere]))[-1] == "15:45"


def test_the_earlier_appointments_buffer_delays_the_next_slot() -> None:
    loc = location()
    found = slots_for(
        loc,
        MONDAY,
        [template(7, 1, MONDAY, "08:00", "12:00")],
        appointments=[booked(7, ny(8), 60, buffer=20)],
    )
    assert local_times(found)[0] == "09:30"  # free from 09:20, next quarter hour


def test_slots_end_after_the_types_minutes_of_real_time() -> None:
    loc = location()
    found = slots_for(loc, MONDAY, [template(7, 1, MONDAY, "08:00", "10:00")])
    assert local_times(found) == ["08:00", "08:15", "08:30", "08:45", "09:00"]
    assert all(s.end - s.start == timedelta(minutes=60) for s in found)


def test_spring_forward_night_window() -> None:
    spring = date(2026, 3, 8)
    loc = location(hours=("00:00", "23:00"))
    found = slots_for(
        loc, spring, [template(7, 1, spring, "00:30", "03:30")], AppointmentType("T", 60)
    )
    assert [s.start for s in found] == [
        utc(2026, 3, 8, 5, 30),
        utc(2026, 3, 8, 5, 45),
        utc(2026, 3, 8, 6, 0),
        utc(2026, 3, 8, 6, 15),
        utc(2026, 3, 8, 6, 30),  # 01:30 EST, ends 03:30 EDT
    ]


def test_fall_back_night_window_offers_both_passes_of_the_repeated_hour() -> None:
    fall = date(2026, 11, 1)
    loc = location(hours=("00:00", "23:00"))
    found = slots_for(loc, fall, [template(7, 1, fall, "00:30", "03:30")], AppointmentType("T", 60))
    assert len(found) == 13  # 04:30 .. 07:30 UTC every 15 minutes
    one_oclock = [s for s in found if s.local_start.time() == time(1)]
    assert [s.local_start.utcoffset() for s in one_oclock] == [
        timedelta(hours=-4),
        timedelta(hours=-5),
    ]


@pytest.mark.parametrize(
    ("at", "part"),
    [
        (time(0), PartOfDay.MORNING),
        (time(11, 59), PartOfDay.MORNING),
        (time(12), PartOfDay.AFTERNOON),
        (time(16, 45), PartOfDay.AFTERNOON),
        (time(17), PartOfDay.EVENING),
    ],
)
def test_part_of_day_boundaries(at: time, part: PartOfDay) -> None:
    assert part_of_day(at) is part


def test_earliest_drops_past_starts_and_realigns() -> None:
    loc = location()
    avail = day_availability(loc, 7, MONDAY, templates=[template(7, 1, MONDAY, "08:00", "10:00")])
    found = day_slots(avail, loc, EVAL, earliest=ny(8, 7))
    assert local_times(found) == ["08:15", "08:30", "08:45", "09:00"]
