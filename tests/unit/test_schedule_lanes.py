"""What the schedule canvas draws (intake/ui/schedule/lanes.py): lanes, shades, placed visits,
and whether a visit may be dropped somewhere. Pure values; no QApplication needed.

Clinic times are wall-clock minutes after local midnight, so a 9:00 visit sits at the 9:00
line on ordinary days and on both daylight-saving days (America/New_York, 2027).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.domain.enums import AppointmentStatus
from intake.domain.schedule import (
    DaySchedule,
    PlaceDay,
    PlaceRef,
    ScheduleBlock,
    Span,
    TherapistDay,
    WeekSchedule,
)
from intake.ui import when
from intake.ui.schedule.lanes import (
    LOCATION_TINTS,
    Lane,
    Layout,
    day_layout,
    free_for,
    from_now,
    instant,
    minutes,
    week_layout,
)

NEW_YORK = "America/New_York"
ZONE = ZoneInfo(NEW_YORK)
ORDINARY = dt.date(2027, 3, 10)
SPRING_FORWARD = dt.date(2027, 3, 14)  # 02:00 -> 03:00, a 23-hour day
FALL_BACK = dt.date(2027, 11, 7)  # 02:00 -> 01:00, a 25-hour day
DAYS = [ORDINARY, SPRING_FORWARD, FALL_BACK]


def at(day: dt.date, hour: int, minute: int = 0, zone: ZoneInfo = ZONE) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).astimezone(dt.UTC)


def span(day: dt.date, start: float, end: float, zone: ZoneInfo = ZONE) -> Span:
    """A span given in local hours (9.5 = 9:30; 24 = the next midnight)."""

    def moment(hours: float) -> dt.datetime:
        days, hours = divmod(hours, 24)
        return at(day + dt.timedelta(days=int(days)), int(hours), round(hours % 1 * 60), zone)

    return Span(moment(start), moment(end))


def block(
    day: dt.date,
    start: float,
    end: float,
    *,
    therapist: int = 1,
    appointment: int = 100,
    location: int = 1,
    zone: str = NEW_YORK,
    status: AppointmentStatus = AppointmentStatus.BOOKED,
) -> ScheduleBlock:
    s = span(day, start, end, ZoneInfo(zone))
    return ScheduleBlock(
        appointment, 1, 500, "Testcase, Sample", therapist, f"Therapist {therapist}", location,
        f"L{location}", zone, "EVAL60", "Evaluation", s.start, s.end, s.end, status, False,
    )  # fmt: skip


def day_schedule(
    day: dt.date,
    *,
    columns: tuple[TherapistDay, ...] | None = None,
    blocks: tuple[ScheduleBlock, ...] = (),
    closure: str | None = None,
) -> DaySchedule:
    if columns is None:
        columns = (
            TherapistDay(1, "Therapist 1", (span(day, 8, 12), span(day, 13, 17)), ()),
            TherapistDay(2, "Therapist 2", (span(day, 9, 18),), (span(day, 14, 15),)),
        )
    return DaySchedule(
        1, "L1", "Testcase Clinic", NEW_YORK, day,
        Span(at(day, 0), at(day + dt.timedelta(days=1), 0)), (span(day, 8, 18),),
        closure, columns, blocks,
    )  # fmt: skip


# ---- minutes and instants ------------------------------------------------------------------


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_a_wall_clock_time_sits_at_its_line_on_every_day(day: dt.date) -> None:
    assert minutes(at(day, 9), ZONE, day) == 9 * 60
    assert minutes(at(day, 17, 45), ZONE, day) == 17 * 60 + 45
    assert minutes(at(day + dt.timedelta(days=1), 0), ZONE, day) == 1440
    assert minutes(at(day - dt.timedelta(days=1), 23), ZONE, day) == -60


def test_the_day_lengths_are_what_the_clock_says() -> None:
    # Elapsed time differs on the clock-change days; the lines do not.
    assert at(SPRING_FORWARD, 9) - at(SPRING_FORWARD, 0) == dt.timedelta(hours=8)
    assert at(FALL_BACK, 9) - at(FALL_BACK, 0) == dt.timedelta(hours=10)


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_instant_and_minutes_agree_on_the_grid(day: dt.date) -> None:
    for minute in range(0, 1440, 15):
        moment = instant(day, minute, NEW_YORK)
        if day == SPRING_FORWARD and 120 <= minute < 180:
            continue  # 02:00-02:59 never happens that night (below)
        assert minutes(moment, ZONE, day) == minute, minute


def test_instant_in_the_spring_gap_is_the_jump() -> None:
    jump = instant(SPRING_FORWARD, 150, NEW_YORK)  # 02:30 never happens
    assert jump == dt.datetime(2027, 3, 14, 7, 0, tzinfo=dt.UTC)  # 03:00 EDT
    assert minutes(jump, ZONE, SPRING_FORWARD) == 180


def test_instant_in_the_repeated_hour_is_the_first() -> None:
    first = instant(FALL_BACK, 90, NEW_YORK)  # 01:30 happens twice
    assert first == dt.datetime(2027, 11, 7, 5, 30, tzinfo=dt.UTC)  # 01:30 EDT
    assert minutes(first + dt.timedelta(hours=1), ZONE, FALL_BACK) == 90  # 01:30 EST


def test_instant_after_midnight_is_the_next_day() -> None:
    assert instant(ORDINARY, 1440 + 30, NEW_YORK) == at(ORDINARY + dt.timedelta(days=1), 0, 30)


@given(
    day=st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)),
    minute=st.integers(7 * 60, 19 * 60),  # clinic hours: never in a clock change
)
def test_clinic_minutes_round_trip_on_any_day(day: dt.date, minute: int) -> None:
    assert minutes(instant(day, minute, NEW_YORK), ZONE, day) == minute


# ---- a location's day ----------------------------------------------------------------------


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_day_lanes_show_hours_shades_and_visits_at_their_lines(day: dt.date) -> None:
    visits = (
        block(day, 9, 10, therapist=1, appointment=1),
        block(day, 15, 16.5, therapist=2, appointment=2),
        block(day, 10, 11, therapist=9, appointment=3),  # no column today: not drawn
    )
    layout = day_layout(day_schedule(day, blocks=visits))
    first, second = layout.lanes
    assert (first.title, first.subtitle) == ("Therapist 1", "8:00a–12:00p, 1:00p–5:00p")
    assert first.working == ((480, 720), (780, 1020))
    assert [(s.top, s.bottom) for s in first.shades if s.kind == "off"] == [
        (0, 480),
        (720, 780),
        (1020, 1440),
    ]
    assert [(s.top, s.bottom, s.label) for s in second.shades if s.kind == "time_off"] == [
        (840, 900, "Time off")
    ]
    assert [(p.block.appointment_id, p.lane, p.top, p.bottom) for p in layout.placed] == [
        (1, 0, 540, 600),
        (2, 1, 900, 990),
    ]
    assert (layout.first_minute, layout.last_minute) == (7 * 60, 19 * 60)
    assert layout.title == f"Testcase Clinic · {when.day(day)}"  # one way to say a day


def test_a_closed_day_is_one_closure_shade_per_lane() -> None:
    layout = day_layout(day_schedule(ORDINARY, closure="Holiday"))
    for lane in layout.lanes:
        assert [
            (s.kind, s.top, s.bottom, s.label) for s in lane.shades if s.kind != "time_off"
        ] == [("closure", 0, 1440, "Closed Holiday")]
    assert free_for(layout, 0, 540, 600) is not None


def test_early_and_late_visits_widen_the_view_to_whole_hours() -> None:
    layout = day_layout(
        day_schedule(ORDINARY, blocks=(block(ORDINARY, 6.75, 7.5), block(ORDINARY, 19, 19.25)))
    )
    assert (layout.first_minute, layout.last_minute) == (6 * 60, 20 * 60)


def test_a_therapist_not_working_says_so() -> None:
    layout = day_layout(day_schedule(ORDINARY, columns=(TherapistDay(3, "Therapist 3", (), ()),)))
    (lane,) = layout.lanes
    assert lane.subtitle == "Not working"
    assert [(s.top, s.bottom) for s in lane.shades] == [(0, 1440)]


def test_hours_around_noon_and_midnight_read_as_a_clock() -> None:
    columns = (
        TherapistDay(1, "Therapist 1", (span(ORDINARY, 0, 12), span(ORDINARY, 12.5, 24)), ()),
    )
    (lane,) = day_layout(day_schedule(ORDINARY, columns=columns)).lanes
    assert lane.subtitle == "12:00a–12:00p, 12:30p–12:00a"


# ---- where a visit may be dropped ----------------------------------------------------------


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_free_for_judges_hours_time_off_and_other_visits(day: dt.date) -> None:
    visits = (
        block(day, 9, 10, therapist=1, appointment=1),
        block(day, 10, 11, therapist=1, appointment=2, status=AppointmentStatus.NO_SHOW),
    )
    layout = day_layout(day_schedule(day, blocks=visits))
    assert free_for(layout, 0, 600, 660) is None  # a no-show frees its time
    assert free_for(layout, 0, 660, 720) is None  # ends exactly when the morning ends
    assert "outside" in (free_for(layout, 0, 690, 750) or "")  # runs into lunch
    assert "outside" in (free_for(layout, 0, 420, 480) or "")  # before work
    assert "taken" in (free_for(layout, 0, 570, 630) or "")
    assert free_for(layout, 0, 540, 600, ignore=1) is None  # moving a visit onto itself
    assert "away" in (free_for(layout, 1, 870, 930) or "")  # therapist 2's time off
    assert free_for(layout, 1, 900, 960) is None  # right after it


# ---- a therapist's week --------------------------------------------------------------------

EAST = PlaceRef(1, "EAST", "East Clinic", NEW_YORK)
WEST = PlaceRef(2, "WEST", "West Clinic", "America/Los_Angeles")


def week(first: dt.date, blocks: tuple[ScheduleBlock, ...] = ()) -> WeekSchedule:
    days = [first + dt.timedelta(days=i) for i in range(7)]
    west = ZoneInfo(WEST.timezone)
    places = (
        PlaceDay(days[0], 1, (span(days[0], 8, 12),)),
        PlaceDay(days[0], 2, (span(days[0], 13, 17, west),)),
        *(PlaceDay(d, 1, (span(d, 8, 16),)) for d in days[1:5]),
        PlaceDay(days[5], 1, (span(days[5], 8, 16),), closure_reason="Holiday"),
    )
    time_off = (span(days[2], 12, 13),)
    return WeekSchedule(7, "Therapist 7", first, 7, (EAST, WEST), places, time_off, blocks)


@pytest.mark.parametrize(
    "first", [dt.date(2027, 3, 8), dt.date(2027, 3, 11), dt.date(2027, 11, 4)], ids=str
)
def test_week_lanes_put_each_visit_at_its_local_time(first: dt.date) -> None:
    days = [first + dt.timedelta(days=i) for i in range(7)]
    visits = tuple(block(d, 9, 10, therapist=7, appointment=i) for i, d in enumerate(days[1:5]))
    layout = week_layout(week(first, visits))
    assert [lane.title for lane in layout.lanes] == [when.short_day(d) for d in days]
    assert [(p.lane, p.top, p.bottom, p.tag) for p in layout.placed] == [
        (lane, 540, 600, "EAST") for lane in range(1, 5)
    ]
    assert all(p.tint == LOCATION_TINTS[0] for p in layout.placed)
    assert layout.title == "Therapist 7 · week"


def test_week_lanes_name_places_tints_closures_and_time_off() -> None:
    first = dt.date(2027, 3, 8)
    monday, _, wednesday, _, _, saturday, sunday = week_layout(week(first)).lanes
    assert monday.subtitle == "EAST + WEST" and monday.tint is None
    assert wednesday.subtitle == "EAST" and wednesday.tint == LOCATION_TINTS[0]
    assert [(s.top, s.bottom) for s in wednesday.shades if s.kind == "time_off"] == [(720, 780)]
    assert [s.label for s in saturday.shades if s.kind == "closure"] == ["EAST closed"]
    assert (sunday.subtitle, sunday.working, sunday.zone) == ("Not working", (), NEW_YORK)


def test_a_visit_in_another_zone_sits_at_its_own_local_time() -> None:
    first = dt.date(2027, 3, 8)
    west_visit = block(first, 14, 15, therapist=7, location=2, zone=WEST.timezone)
    layout = week_layout(week(first, (west_visit,)))
    (placed,) = layout.placed
    assert (placed.lane, placed.top, placed.bottom, placed.tag) == (0, 840, 900, "WEST")
    assert placed.tint == LOCATION_TINTS[1]


def test_free_time_that_has_passed_is_not_offered() -> None:
    """Only what is still ahead can be booked: the calendar does not wash the past green."""
    lane = Lane("Ann", "", "America/New_York", dt.date(2027, 3, 1), 1, 1, ((480, 720),), (),
                free=((480, 720, 1),))  # fmt: skip
    layout = Layout((lane,), (), 420, 1140, "")
    now = dt.datetime(2027, 3, 1, 15, 30, tzinfo=dt.UTC)  # 10:30 in New York
    assert from_now(layout, now).lanes[0].free == ((630, 720, 1),)
    assert from_now(layout, now + dt.timedelta(hours=3)).lanes[0].free == ()
    assert from_now(layout, now - dt.timedelta(days=1)).lanes[0].free == ((480, 720, 1),)
