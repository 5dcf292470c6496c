"""A course of visits expanded from its weekly rule: wanted times, alternatives and reasons."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.domain.series import Obstacle, Placement
from intake.scheduling import (
    AppointmentType,
    CalendarInputs,
    Closure,
    Interval,
    TimeOff,
)
from intake.scheduling.series import (
    Occurrence,
    SeriesInputs,
    SeriesRule,
    WeeklyVisit,
    missing,
    propose_series,
    wanted_visits,
)

from .builders import MONDAY, NEW_YORK, booked, hm, local, location, template

T45 = AppointmentType("FU45", 45, 15)
WEEKDAYS = range(5)


def weekday_templates(therapists=(1, 2), start="08:00", end="17:00", location_id=1):
    return tuple(
        template(t, location_id, MONDAY + timedelta(days=d), start, end)
        for t in therapists
        for d in WEEKDAYS
    )


def calendar(appointments=(), closures=(), time_off=(), tz=NEW_YORK, **kw) -> CalendarInputs:
    return CalendarInputs(
        (location(1, tz),),
        weekday_templates(**kw),
        closures=tuple(closures),
        time_off=tuple(time_off),
        appointments=tuple(sorted(appointments, key=lambda a: a.start)),
    )


def rule(**kw) -> SeriesRule:
    kw.setdefault("location_id", 1)
    kw.setdefault("therapist_id", 1)
    kw.setdefault("appointment_type", T45)
    kw.setdefault("visits", (WeeklyVisit(0, hm("10:00")), WeeklyVisit(3, hm("10:00"))))
    kw.setdefault("first_day", MONDAY)
    if "until" not in kw:
        kw.setdefault("count", 12)
    return SeriesRule(**kw)


def propose(series: SeriesRule, cal: CalendarInputs, **kw) -> tuple[Occurrence, ...]:
    kw.setdefault("therapist_ids", (1, 2))
    return propose_series(series, SeriesInputs(cal, **kw))


def test_twice_a_week_for_six_weeks_lands_as_wanted() -> None:
    made = propose(rule(), calendar())
    assert len(made) == 12
    assert all(o.placement is Placement.AS_WANTED for o in made)
    days = [o.slot.local_start.date() for o in made if o.slot]
    assert days[:4] == [
        MONDAY,
        MONDAY + timedelta(3),
        MONDAY + timedelta(7),
        MONDAY + timedelta(10),
    ]
    assert {o.slot.local_start.time() for o in made if o.slot} == {time(10)}


def test_until_a_date_ends_the_series_there() -> None:
    made = propose(rule(count=None, until=MONDAY + timedelta(days=13)), calendar())
    assert [o.wanted_day for o in made] == [MONDAY + timedelta(d) for d in (0, 3, 7, 10)]


def test_a_taken_time_moves_to_the_nearest_time_that_day_and_says_why() -> None:
    taken = booked(1, local(NEW_YORK, 2026, 3, 5, 10), 45, 15)  # Thursday 10:00
    made = propose(rule(count=2), calendar([taken]))
    moved = made[1]
    assert moved.placement is Placement.OTHER_TIME and moved.obstacle is Obstacle.TAKEN
    assert moved.slot is not None and moved.slot.local_start.date() == date(2026, 3, 5)
    # The taken visit holds 10:00-11:00 with its turnover. 09:00 (to 09:45, turnover to 10:00)
    # and 11:00 are both an hour away; the earlier wins.
    assert moved.slot.local_start.time() == time(9)


def test_a_holiday_moves_the_visit_to_another_day_that_week() -> None:
    holiday = Closure(1, MONDAY, MONDAY)
    made = propose(rule(count=2), calendar(closures=[holiday]))
    first = made[0]
    assert first.obstacle is Obstacle.HOLIDAY and first.placement is Placement.OTHER_DAY
    assert first.slot is not None
    # Tuesday is the nearest day that holds no other visit of the course.
    assert first.slot.local_start.date() == MONDAY + timedelta(days=1)
    assert first.slot.local_start.time() == time(10)


def test_the_therapist_away_all_week_goes_to_a_colleague_only_when_allowed() -> None:
    away = TimeOff(1, local(NEW_YORK, 2026, 3, 2, 0), local(NEW_YORK, 2026, 3, 9, 0))
    strict = propose(rule(count=2), calendar(time_off=[away]))
    assert [o.placement for o in strict] == [Placement.NOT_PLACED] * 2
    assert {o.obstacle for o in strict} == {Obstacle.THERAPIST_AWAY}
    assert missing(strict) == strict
    relaxed = propose(rule(count=2, any_therapist=True), calendar(time_off=[away]))
    assert [o.placement for o in relaxed] == [Placement.OTHER_THERAPIST] * 2
    assert all(o.slot and o.slot.therapist_id == 2 for o in relaxed)
    assert all(o.slot and o.slot.local_start.time() == time(10) for o in relaxed)


def test_alternatives_keep_to_the_patients_window() -> None:
    taken = booked(1, local(NEW_YORK, 2026, 3, 2, 9), 8 * 60)  # all Monday from 9 to 17
    made = propose(rule(count=1, window=(hm("09:00"), hm("12:00"))), calendar([taken]))
    only = made[0]
    # 08:00-09:00 is free on Monday but outside the window: Tuesday 10:00 is proposed.
    assert only.placement is Placement.OTHER_DAY
    assert only.slot is not None and only.slot.local_start.date() == MONDAY + timedelta(1)


def test_the_patients_own_visit_is_never_overlapped() -> None:
    own = Interval(local(NEW_YORK, 2026, 3, 2, 10), local(NEW_YORK, 2026, 3, 2, 11))
    made = propose(rule(count=1), calendar(), patient_busy=(own,))
    assert made[0].obstacle is Obstacle.PATIENT_BUSY
    assert made[0].slot is not None and not Interval(made[0].slot.start, made[0].slot.end).overlaps(
        own
    )


def test_the_past_is_never_proposed() -> None:
    now = local(NEW_YORK, 2026, 3, 2, 12)
    made = propose(rule(count=2), calendar(), earliest=now)
    assert made[0].obstacle is Obstacle.PAST
    assert all(o.slot is None or o.slot.start >= now for o in made)


def test_kept_visits_stay_and_the_others_are_proposed_around_them() -> None:
    first = propose(rule(count=4), calendar())
    keep = {o.number: o.slot for o in first if o.number != 3 and o.slot}
    # Someone else took visit 3's time meanwhile.
    assert first[2].slot is not None
    thief = booked(1, first[2].slot.start, 45, 15)
    again = propose_series(
        rule(count=4), SeriesInputs(calendar([thief]), therapist_ids=(1, 2)), keep=keep
    )
    assert [o.slot for o in again if o.number != 3] == [keep[n] for n in (1, 2, 4)]
    assert again[2].obstacle is Obstacle.TAKEN and again[2].slot != first[2].slot


def test_one_visit_of_the_course_a_day() -> None:
    taken = booked(1, local(NEW_YORK, 2026, 3, 2, 8), 9 * 60)  # Monday full
    made = propose(
        rule(count=2, visits=(WeeklyVisit(0, hm("10:00")), WeeklyVisit(1, hm("10:00")))),
        calendar([taken]),
    )
    days = [o.slot.local_start.date() for o in made if o.slot]
    assert len(days) == len(set(days)) == 2


@pytest.mark.parametrize(
    "bad",
    [
        {"visits": ()},
        {"visits": (WeeklyVisit(0, hm("10:00")), WeeklyVisit(0, hm("11:00")))},
        {"count": 0},
        {"count": 61},
        {"count": 3, "until": MONDAY},
        {"count": None, "until": MONDAY - timedelta(days=1)},
        {"window": (hm("12:00"), hm("09:00"))},
    ],
)
def test_a_rule_that_makes_no_sense_is_refused(bad) -> None:
    with pytest.raises(ValueError):
        rule(**bad)


def test_visits_start_on_the_quarter_hour() -> None:
    with pytest.raises(ValueError, match="quarter hour"):
        WeeklyVisit(0, time(10, 10))


# --- properties -----------------------------------------------------------------------------

ZONES = ["America/New_York", "Europe/London", "America/Chicago", "Australia/Sydney"]
# Weeks around the 2026 clock changes and an ordinary one.
FIRST_DAYS = [
    date(2026, 3, 2),
    date(2026, 3, 23),
    date(2026, 10, 19),
    date(2026, 10, 26),
    date(2026, 6, 1),
]


@st.composite
def scenarios(draw):
    tz = draw(st.sampled_from(ZONES))
    first = draw(st.sampled_from(FIRST_DAYS)) + timedelta(days=draw(st.integers(0, 6)))
    weekdays = draw(st.sets(st.integers(0, 4), min_size=1, max_size=3))
    visits = tuple(
        WeeklyVisit(d, time(draw(st.integers(8, 15)), draw(st.sampled_from([0, 15, 30, 45]))))
        for d in sorted(weekdays)
    )
    count = draw(st.integers(1, 14))
    zone = ZoneInfo(tz)
    closures = tuple(
        Closure(1, day, day)
        for day in draw(
            st.lists(st.integers(0, 40), max_size=4).map(
                lambda xs: [first + timedelta(x) for x in xs]
            )
        )
    )
    offs = []
    for start_day, hours in draw(
        st.lists(st.tuples(st.integers(0, 40), st.integers(1, 72)), max_size=3)
    ):
        start = datetime.combine(first + timedelta(start_day), time(9), zone)
        offs.append(TimeOff(draw(st.sampled_from([1, 2])), start, start + timedelta(hours=hours)))
    others = []
    for day, hour in draw(st.lists(st.tuples(st.integers(0, 40), st.integers(8, 16)), max_size=25)):
        start = datetime.combine(first + timedelta(day), time(hour), zone)
        others.append(booked(draw(st.sampled_from([1, 2])), start, 45, 15))
    series = rule(
        visits=visits,
        first_day=first,
        count=count,
        any_therapist=draw(st.booleans()),
    )
    cal = calendar(others, closures, offs, tz=tz)
    return series, cal, zone


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_property_count_closures_time_off_overlap_and_wall_clock(case) -> None:
    series, cal, zone = case
    made = propose(series, cal)
    # The count is the prescription: every wanted visit is in the proposal, placed or not.
    assert len(made) == series.count
    assert [o.number for o in made] == list(range(1, len(made) + 1))
    wanted = list(wanted_visits(series))
    assert [(o.wanted_day, o.wanted_at) for o in made] == wanted
    placed = [o for o in made if o.slot is not None]
    for o in placed:
        assert o.slot is not None
        day = o.slot.local_start.date()
        span = Interval(o.slot.start, o.slot.end + T45.buffer)
        assert not any(c.covers(day) for c in cal.closures), "never on a closure"
        assert not any(
            t.therapist_id == o.slot.therapist_id
            and t.interval.overlaps(Interval(o.slot.start, o.slot.end))
            for t in cal.time_off
        ), "never in the therapist's time off"
        assert not any(
            a.therapist_id == o.slot.therapist_id and a.blocked.overlaps(span)
            for a in cal.appointments
        ), "never over someone else's visit or its turnover"
        if o.placement is Placement.AS_WANTED:
            # The right wall-clock time, whatever the clock change.
            assert o.slot.local_start.replace(tzinfo=None) == datetime.combine(
                o.wanted_day, o.wanted_at
            )
            assert o.obstacle is None
        else:
            assert o.obstacle is not None
        if o.placement is not Placement.OTHER_THERAPIST:
            assert o.slot.therapist_id == series.therapist_id
    # The course's own visits never overlap one another, and fall on different days.
    spans = sorted((o.slot.start, o.slot.end) for o in placed if o.slot)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert len({o.slot.local_start.date() for o in placed if o.slot}) == len(placed)
    assert all(o.obstacle is not None for o in made if o.slot is None)
    assert zone is not None
