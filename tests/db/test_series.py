"""Booking a course of visits: whole or nothing, a lost race re-proposes just the lost visits,
the rest of a course cancelled or moved from any visit; 16 PCs racing for one week."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from intake.db.models import Appointment, AppointmentSeries, WaitlistEntry
from intake.domain.booking import BookingRequest
from intake.domain.enums import AppointmentStatus, CancelledBy
from intake.domain.errors import Invalid
from intake.domain.series import Obstacle, Placement, SeriesConflict, SeriesProposal, SeriesRequest
from intake.services import booking, series, staffing
from intake.services.database import open_database
from tests.db.practice import MONDAY, NOW, admin, at, build, desk
from tests.db.rows import THERAPIST_OVERLAPS

NINE, TEN = dt.time(9), dt.time(10)
MON_THU = ((0, NINE), (3, NINE))


def course(practice, patient: int, weekly=MON_THU, **kw) -> SeriesRequest:  # type: ignore[no-untyped-def]
    kw.setdefault("count", 12)
    return SeriesRequest(
        patient_id=patient,
        type_code="FU45",
        location_id=practice.east,
        therapist_id=practice.ann,
        weekly=weekly,
        first_day=MONDAY,
        **kw,
    )


def _count(database, model=Appointment) -> int:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_twice_a_week_for_six_weeks_is_booked_in_one_step(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    proposal = series.propose(
        database, desk(database), course(practice, practice.patients[0]), now=NOW
    )
    assert [v.placement for v in proposal.visits] == [Placement.AS_WANTED] * 12
    booked = series.book(database, desk(database), proposal, now=NOW)
    assert [v.series_number for v in booked.visits] == list(range(1, 13))
    assert {v.series_id for v in booked.visits} == {booked.series_id}
    assert {v.local_start.time() for v in booked.visits} == {NINE}
    assert [v.local_start.weekday() for v in booked.visits[:4]] == [0, 3, 0, 3]
    assert booked.missing == ()
    listed = series.visits(database, desk(database), booked.series_id)
    assert [v.id for v in listed] == [v.id for v in booked.visits]


def test_a_time_taken_between_showing_and_booking_books_nothing_and_reproposes_just_it(
    database,  # type: ignore[no-untyped-def]
) -> None:
    practice = build(database)
    patient, other = practice.patients[:2]
    proposal = series.propose(database, desk(database), course(practice, patient, count=6), now=NOW)
    third = proposal.visits[2].offer
    assert third is not None
    # Another PC books the third visit's time for someone else.
    booking.book(
        database,
        desk(database),
        BookingRequest(other, practice.ann, practice.east, third.start, "FU45"),
        now=NOW,
    )
    before = _count(database)
    with pytest.raises(SeriesConflict) as caught:
        series.book(database, desk(database), proposal, now=NOW)
    assert caught.value.lost == (3,)
    assert _count(database) == before and _count(database, AppointmentSeries) == 0
    again = caught.value.proposal
    assert [v.offer for v in again.visits if v.number != 3] == [
        v.offer for v in proposal.visits if v.number != 3
    ]
    assert again.visits[2].offer != third and again.visits[2].obstacle is Obstacle.TAKEN
    booked = series.book(database, desk(database), again, now=NOW)
    assert len(booked.visits) == 6


def test_visits_with_no_time_go_on_the_waitlist_when_asked(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    # Ann is away the whole second week.
    staffing.add_time_off(
        database,
        admin(database),
        practice.ann,
        at(MONDAY + dt.timedelta(7), 0),
        at(MONDAY + dt.timedelta(14), 0),
    )
    proposal = series.propose(
        database, desk(database), course(practice, practice.patients[0], count=6), now=NOW
    )
    missing = proposal.missing
    assert [v.number for v in missing] == [3, 4]
    assert {v.obstacle for v in missing} == {Obstacle.THERAPIST_AWAY}
    assert "therapist away" in missing[0].why()
    booked = series.book(database, desk(database), proposal, now=NOW, waitlist_missing=True)
    assert len(booked.visits) == 4
    with database.reading() as session:
        entries = session.scalars(select(WaitlistEntry)).all()
        assert len(entries) == 2
        assert {e.earliest_date for e in entries} == {MONDAY + dt.timedelta(7)}


def test_an_evaluation_cannot_be_a_course(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    with pytest.raises(Invalid) as caught:
        series.propose(
            database,
            desk(database),
            SeriesRequest(
                practice.patients[0],
                "EVAL60",
                practice.east,
                practice.ann,
                MON_THU,
                MONDAY,
                count=4,
            ),
            now=NOW,
        )
    assert "type" in caught.value.problems


def test_a_nonsense_rule_is_a_message_on_the_form(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    with pytest.raises(Invalid) as caught:
        series.propose(
            database, desk(database), course(practice, practice.patients[0], count=0), now=NOW
        )
    assert "visits" in str(caught.value.problems["course"])


def test_cancel_the_rest_from_any_visit(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    proposal = series.propose(
        database, desk(database), course(practice, practice.patients[0], count=8), now=NOW
    )
    booked = series.book(database, desk(database), proposal, now=NOW)
    fifth = booked.visits[4]
    cancelled = series.cancel_rest(
        database,
        desk(database),
        fifth.id,
        fifth.version,
        "Discharged early",
        by=CancelledBy.CLINIC,
        now=NOW,
    )
    assert [v.series_number for v in cancelled] == [5, 6, 7, 8]
    statuses = [v.status for v in series.visits(database, desk(database), booked.series_id)]
    assert statuses == [AppointmentStatus.BOOKED] * 4 + [AppointmentStatus.CANCELLED] * 4


def test_one_visit_moves_alone_and_stays_in_the_course(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    proposal = series.propose(
        database, desk(database), course(practice, practice.patients[0], count=4), now=NOW
    )
    booked = series.book(database, desk(database), proposal, now=NOW)
    second = booked.visits[1]
    moved = booking.reschedule(
        database,
        desk(database),
        second.id,
        second.version,
        therapist_id=second.therapist_id,
        location_id=second.location_id,
        start=second.start + dt.timedelta(hours=1),
        now=NOW,
    )
    assert moved.series_id == booked.series_id and moved.series_number == 2
    others = series.visits(database, desk(database), booked.series_id)
    assert [v.start for v in others if v.id != second.id] == [
        v.start for v in booked.visits if v.id != second.id
    ]


def test_move_the_rest_to_new_days(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    proposal = series.propose(
        database, desk(database), course(practice, practice.patients[0], count=8), now=NOW
    )
    booked = series.book(database, desk(database), proposal, now=NOW)
    fifth = booked.visits[4]
    new_week = MONDAY + dt.timedelta(weeks=2)
    moving = series.propose_move_rest(
        database, desk(database), fifth.id, ((1, TEN), (4, TEN)), first_day=new_week, now=NOW
    )
    assert isinstance(moving, SeriesProposal) and [v.number for v in moving.visits] == [5, 6, 7, 8]
    assert all(v.placement is Placement.AS_WANTED for v in moving.visits)
    moved = series.move_rest(database, desk(database), moving, now=NOW)
    assert [v.series_number for v in moved] == [5, 6, 7, 8]
    assert {v.local_start.weekday() for v in moved} == {1, 4}
    everything = series.visits(database, desk(database), booked.series_id)
    booked_now = [v for v in everything if v.status is AppointmentStatus.BOOKED]
    assert sorted(v.series_number for v in booked_now) == list(range(1, 9))


def test_the_database_refuses_a_numbered_visit_without_a_course(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    proposal = series.propose(
        database, desk(database), course(practice, practice.patients[0], count=1), now=NOW
    )
    visit = series.book(database, desk(database), proposal, now=NOW).visits[0]
    with pytest.raises(IntegrityError), database.writing() as session:
        session.execute(
            text("UPDATE appointments SET series_id = NULL WHERE id = :i"), {"i": visit.id}
        )


# --- 16 PCs, one therapist's week ------------------------------------------------------------


def _one_client(url: str, request: SeriesRequest, barrier: threading.Barrier) -> tuple[str, object]:
    database = open_database(url, upgrade=False)
    try:
        proposal = series.propose(database, desk(database), request, now=NOW)
        barrier.wait()
        try:
            booked = series.book(database, desk(database), proposal, now=NOW)
        except SeriesConflict as conflict:
            return "lost", conflict
        return "won", booked
    finally:
        database.close()


def _deadlocks(session) -> int:  # type: ignore[no-untyped-def]
    """Deadlocks PostgreSQL broke in this test's database (each test has its own); the
    clients' connections are closed by now, so their counts have reached the statistics."""
    if session.get_bind().dialect.name != "postgresql":
        return 0  # one writer at a time: nothing to deadlock
    session.execute(text("SELECT pg_stat_clear_snapshot()"))
    return session.execute(
        text("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
    ).scalar_one()


def _wants(practice, i: int) -> SeriesRequest:  # type: ignore[no-untyped-def]
    """Client i wants Monday and Thursday at 08:00 + i × 30 min (mod 3½ hours): 45-minute
    visits half an hour apart overlap, so neighbours collide on some visits and not others."""
    start = dt.datetime.combine(MONDAY, dt.time(8)) + dt.timedelta(minutes=30 * (i % 7))
    return course(practice, practice.patients[i], weekly=((0, start.time()), (3, start.time())))


@pytest.mark.slow
def test_sixteen_pcs_book_courses_into_one_therapists_week(database_url: str) -> None:
    clients = 16
    setup = open_database(database_url)
    try:
        practice = build(setup, patients_count=clients)
        desk(setup)
    finally:
        setup.close()
    barrier = threading.Barrier(clients)
    with ThreadPoolExecutor(clients) as pool:
        futures = [
            pool.submit(_one_client, database_url, _wants(practice, i), barrier)
            for i in range(clients)
        ]
        results = [f.result(timeout=300) for f in futures]
    winners = [r for kind, r in results if kind == "won"]
    losers = [r for kind, r in results if kind == "lost"]
    assert winners, "someone books the week"
    assert losers, "seven times for sixteen courses: some must collide"
    assert len(winners) + len(losers) == clients
    for conflict in losers:
        assert isinstance(conflict, SeriesConflict) and conflict.lost
        lost = set(conflict.lost)
        # Every loser gets a new proposal for just the lost visits.
        assert all(v.obstacle is not None for v in conflict.proposal.visits if v.number in lost)
    database = open_database(database_url, upgrade=False)
    try:
        with database.reading() as session:
            overlaps = session.execute(THERAPIST_OVERLAPS).scalar()
            per_series = dict(
                session.execute(
                    select(Appointment.series_id, func.count()).group_by(Appointment.series_id)
                ).all()
            )
            series_rows = session.scalar(select(func.count()).select_from(AppointmentSeries))
            deadlocks = _deadlocks(session)
    finally:
        database.close()
    assert overlaps == 0
    # Courses for one calendar queue (series._hold_calendars) instead of undoing each other:
    # without that, PostgreSQL broke a dozen or more deadlocks here and a PC could give up.
    assert deadlocks == 0
    # Every course is whole or absent: the winners' courses and nothing else.
    assert series_rows == len(winners)
    for won in winners:
        assert per_series[won.series_id] == len(won.visits) == 12


def test_the_course_is_one_calendar_file_with_each_visits_own_event(database) -> None:  # type: ignore[no-untyped-def]
    from intake.services import ical_export
    from tests.ical_checks import check_calendar

    practice = build(database)
    proposal = series.propose(
        database, desk(database), course(practice, practice.patients[0], count=12), now=NOW
    )
    booked = series.book(database, desk(database), proposal, now=NOW)
    calendar = check_calendar(ical_export.course_text(booked.visits), method="PUBLISH")
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [ical_export.event_uid(v) for v in booked.visits]
    # The course crosses the March clock change in New York: each event keeps 09:00 local.
    assert {e.decoded("dtstart").strftime("%H:%M") for e in events} == {"09:00"}
    assert [e.decoded("dtstart").astimezone(dt.UTC) for e in events] == [
        v.start for v in booked.visits
    ]
    # Cancelling the rest leaves the first visits in a newly saved file, nothing more.
    fifth = booked.visits[4]
    series.cancel_rest(
        database,
        desk(database),
        fifth.id,
        fifth.version,
        "Discharged",
        by=CancelledBy.CLINIC,
        now=NOW,
    )
    later = series.visits(database, desk(database), booked.series_id)
    again = check_calendar(ical_export.course_text(later), method="PUBLISH")
    assert len(again.walk("VEVENT")) == 4
