"""The calendar's cached parts are reloaded the moment another PC or tool changes them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Time, bindparam, text

from intake.db.engine import create_database_engine
from intake.db.models import TimeOff
from intake.domain.booking import BookingRefused, BookingRequest, SlotRequest
from intake.services import booking, slot_finder
from tests.db.practice import MONDAY, NOW, at, build, desk


def _starts(database, **kwargs):  # type: ignore[no-untyped-def]
    request = SlotRequest(first_day=MONDAY, days=1, earliest=NOW, limit=100, **kwargs)
    return [s.local_start.time() for s in slot_finder.find(database, desk(database), request)]


def test_a_change_made_elsewhere_reaches_the_next_search(database, database_url: str):  # type: ignore[no-untyped-def]
    practice = build(database)
    assert dt.time(8) in _starts(database, therapist_id=practice.ann)  # the cache is warm
    other_pc = create_database_engine(database_url)  # another PC, raw SQL, no services
    with other_pc.begin() as conn:
        conn.execute(
            text(
                "UPDATE availability_templates SET start_time = :t WHERE therapist_id = :id"
            ).bindparams(bindparam("t", type_=Time())),
            {"t": dt.time(10), "id": practice.ann},
        )
    other_pc.dispose()
    starts = _starts(database, therapist_id=practice.ann)
    assert starts and min(starts) == dt.time(10)


def test_the_revision_moves_on_every_kind_of_calendar_change(database):  # type: ignore[no-untyped-def]
    def revision() -> int:
        with database.reading() as session:
            return session.execute(text("SELECT revision FROM calendar_revision")).scalar_one()

    before = revision()
    practice = build(database)
    after_build = revision()
    assert after_build != before
    with database.writing() as session:
        session.add(
            TimeOff(therapist_id=practice.ann, starts_at=NOW, ends_at=NOW + dt.timedelta(hours=2))
        )
    after_time_off = revision()
    assert after_time_off != after_build
    with database.writing() as session:
        session.execute(
            text("UPDATE therapists SET credentials = 'PT' WHERE id = :id"), {"id": practice.ben}
        )
    assert revision() not in (before, after_build, after_time_off)


class _Undo(Exception):
    pass


def test_a_change_rolled_back_never_poisons_the_cache(database):  # type: ignore[no-untyped-def]
    """A search inside a transaction that is then rolled back caches what never happened;
    the next committed change must still be seen, not mistaken for that one."""
    practice = build(database)
    move_start = text(
        "UPDATE availability_templates SET start_time = :t WHERE therapist_id = :id"
    ).bindparams(bindparam("t", type_=Time()))
    request = SlotRequest(
        first_day=MONDAY, days=1, earliest=NOW, limit=100, therapist_id=practice.ann
    )
    try:
        with database.writing() as session:
            session.execute(move_start, {"t": dt.time(11), "id": practice.ann})
            inside = [s.local_start.time() for s in slot_finder.find_in(session, request)]
            assert min(inside) == dt.time(11)  # the search saw the uncommitted change
            raise _Undo
    except _Undo:
        pass
    assert min(_starts(database, therapist_id=practice.ann)) == dt.time(8)
    with database.writing() as session:
        session.execute(move_start, {"t": dt.time(10), "id": practice.ann})
    assert min(_starts(database, therapist_id=practice.ann)) == dt.time(10)


def _other_pc(database_url: str, sql: str, **params) -> None:  # type: ignore[no-untyped-def]
    """A change made with raw SQL on another connection: no service, no cache of ours."""
    engine = create_database_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text(sql).bindparams(bindparam("t", type_=Time())), params)
    engine.dispose()


def test_a_booking_on_a_set_up_changed_elsewhere_is_judged_on_the_new_one(  # type: ignore[no-untyped-def]
    database, database_url: str
):
    practice = build(database)
    assert dt.time(9) in _starts(database, therapist_id=practice.ann)  # this PC's cache: 8-12
    _other_pc(
        database_url,
        "UPDATE availability_templates SET end_time = :t WHERE therapist_id = :id",
        t=dt.time(9),
        id=practice.ann,
    )
    request = BookingRequest(
        practice.patients[0], practice.ann, practice.east, at(MONDAY, 10), "FU45"
    )
    with pytest.raises(BookingRefused, match="does not work"):  # not booked on the old hours
        booking.book(database, desk(database), request, now=NOW)
    with database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM appointments")).scalar() == 0


def test_a_booking_the_new_set_up_allows_is_booked_though_the_old_one_did_not(  # type: ignore[no-untyped-def]
    database, database_url: str
):
    practice = build(database)
    assert dt.time(13) not in _starts(database, therapist_id=practice.ann)  # cached: 8-12
    _other_pc(
        database_url,
        "UPDATE availability_templates SET end_time = :t WHERE therapist_id = :id",
        t=dt.time(16),
        id=practice.ann,
    )
    request = BookingRequest(
        practice.patients[0], practice.ann, practice.east, at(MONDAY, 13), "FU45"
    )
    visit = booking.book(database, desk(database), request, now=NOW)
    assert visit.start == at(MONDAY, 13)


def test_a_downgrade_and_upgrade_never_bring_back_a_revision_a_pc_has_cached(  # type: ignore[no-untyped-def]
    database, database_url: str
):
    """The counter is recreated when the schema goes below 0003 and up again; the PCs that
    stayed open must not mistake their old copy for current. On both backends no value comes
    back; on PostgreSQL the revision only ever increases."""
    from intake.db import migrate
    from intake.services.database import connect

    def revision() -> int:
        with database.reading() as session:
            return session.execute(text("SELECT revision FROM calendar_revision")).scalar_one()

    seen = [revision()]
    practice = build(database)
    running_pc = connect(database_url)  # stays open throughout, with its cache
    try:
        assert min(_starts(running_pc, therapist_id=practice.ann)) == dt.time(8)
        cached = revision()
        seen.append(cached)
        migrate.downgrade(database.engine, "0002")
        migrate.upgrade(database.engine)
        again = revision()
        assert again not in seen
        if database.backend == "postgresql":
            assert again > max(seen)
        for _ in range(1000):  # changes elsewhere, until the counter is back where it was
            _other_pc(
                database_url,
                "UPDATE availability_templates SET start_time = :t WHERE therapist_id = :id",
                t=dt.time(10),
                id=practice.ann,
            )
            if revision() >= cached:
                break
        assert min(_starts(running_pc, therapist_id=practice.ann)) == dt.time(10)
    finally:
        running_pc.close()
