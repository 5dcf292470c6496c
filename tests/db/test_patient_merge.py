"""Merging duplicate patient records and undoing a merge, on both databases: everything
moves in one transaction, overlapping visits refuse it in words, the tombstone leads to the
survivor, the database itself refuses bookings for a tombstone, and a booking racing the
merge never ends up on the tombstone."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError

from intake.db.models import Appointment, Intake, Patient, WaitlistEntry
from intake.domain.accounts import AuditQuery
from intake.domain.booking import BookingRefused, BookingRequest, WaitlistPreferences
from intake.domain.errors import PermissionDenied, StaleRecord
from intake.domain.merge import MergeRefused, Side
from intake.domain.patient import PatientDraft
from intake.services import audit_view, booking, patient_merge, patient_search, patients, waitlist
from intake.services.database import Database, open_database
from tests.db.practice import MONDAY, NOW, SmallPractice, admin, at, build, desk, screened_intake

TUESDAY = MONDAY + dt.timedelta(days=1)


@dataclass(frozen=True)
class Pair:
    practice: SmallPractice
    surviving: int
    merged: int


def _pair(database: Database) -> Pair:
    """Two records of one (synthetic) person, each with an intake, a visit and a waitlist
    entry; the second with a phone number the first lacks."""
    p = build(database, patients_count=0)
    boss = admin(database)
    first = patients.register(
        database, boss, PatientDraft("Mergetest", "Alpha", dt.date(1975, 5, 6), "other")
    )
    second = patients.register(
        database,
        boss,
        PatientDraft("Mergetset", "Alpha", dt.date(1975, 5, 6), "other", phone="(212) 555-0199"),
    )
    for patient_id, hour in ((first.id, 8), (second.id, 10)):
        screened_intake(database, patient_id)
        _book(database, p, patient_id, at(MONDAY, hour))
        waitlist.add(database, desk(database), patient_id, WaitlistPreferences(), type_code="FU45")
    return Pair(p, first.id, second.id)


def _book(database: Database, p: SmallPractice, patient_id: int, start: dt.datetime) -> Any:
    request = BookingRequest(patient_id, p.ann, p.east, start, "FU45")
    return booking.book(database, desk(database), request, now=NOW)


def _owned(database: Database, patient_id: int) -> dict[str, list[int]]:
    with database.reading() as session:
        return {
            name: list(
                session.scalars(
                    select(model.id).where(model.patient_id == patient_id).order_by(model.id)
                )
            )
            for name, model in (
                ("intakes", Intake),
                ("appointments", Appointment),
                ("waitlist_entries", WaitlistEntry),
            )
        }


def _versions(database: Database, pair: Pair) -> tuple[int, int]:
    boss = admin(database)
    return (
        patients.get(database, boss, pair.surviving).version,
        patients.get(database, boss, pair.merged).version,
    )


def _merge(database: Database, pair: Pair, choices: dict[str, Side] | None = None) -> Any:
    return patient_merge.merge(
        database,
        admin(database),
        pair.surviving,
        pair.merged,
        choices or {"phone": Side.MERGED},
        _versions(database, pair),
    )


def test_a_merge_moves_every_row_and_keeps_a_tombstone(database):
    pair = _pair(database)
    boss = admin(database)
    before = {k: _owned(database, k) for k in (pair.surviving, pair.merged)}
    seen = patient_merge.preview(database, boss, pair.surviving, pair.merged)
    assert seen.differing == ("family_name", "phone")
    assert dict(seen.moving) == {"intakes": 1, "appointments": 1, "waitlist_entries": 1}
    assert not seen.blocked

    done = _merge(database, pair)

    assert done.surviving.phone == "(212) 555-0199"
    assert done.surviving.family_name == "Mergetest"  # the survivor's own, not chosen away
    owned = _owned(database, pair.surviving)
    for kind, ids in owned.items():
        assert ids == sorted(before[pair.surviving][kind] + before[pair.merged][kind])
    assert _owned(database, pair.merged) == {k: [] for k in owned}
    tombstone = patients.get(database, boss, pair.merged)
    assert tombstone.merged_into_id == pair.surviving
    with database.reading() as session:
        actions = session.execute(
            text("SELECT action FROM audit_events WHERE action IN ('merge', 'merged_into')")
        ).scalars()
        assert sorted(actions) == ["merge", "merged_into"]


def test_the_survivors_audit_trail_includes_the_merged_records_events(database):
    pair = _pair(database)
    _merge(database, pair)
    page = audit_view.search(database, admin(database), AuditQuery(patient_id=pair.surviving))
    assert {e.patient_id for e in page.entries} == {pair.surviving, pair.merged}


def test_overlapping_visits_refuse_the_merge_naming_them(database):
    pair = _pair(database)
    boss = admin(database)
    # The merged record's 10:00 visit at East, and one for the survivor at 10:00 in the
    # West (09:00 in Chicago is 10:00 in New York).
    chicago_nine = at(MONDAY, 9, zone="America/Chicago")
    request = BookingRequest(
        pair.surviving, pair.practice.ben, pair.practice.west, chicago_nine, "FU45"
    )
    booking.book(database, desk(database), request, now=NOW)
    before = {k: _owned(database, k) for k in (pair.surviving, pair.merged)}

    seen = patient_merge.preview(database, boss, pair.surviving, pair.merged)
    assert len(seen.overlaps) == 1
    with pytest.raises(MergeRefused) as refused:
        _merge(database, pair)

    words = str(refused.value)
    assert "Mon, Mar 1, 2027, 9:00 AM–9:45 AM CST at Test Site West" in words
    assert "10:00 AM–10:45 AM EST at Test Site East" in words
    assert {k: _owned(database, k) for k in before} == before
    assert patients.get(database, boss, pair.merged).merged_into_id is None


def test_a_record_changed_since_it_was_read_is_not_merged(database):
    pair = _pair(database)
    versions = _versions(database, pair)
    boss = admin(database)
    merged = patients.get(database, boss, pair.merged)
    patients.update(
        database, boss, merged.id, merged.version, replace(_draft(merged), city="Elsewhere")
    )
    with pytest.raises(StaleRecord):
        patient_merge.merge(database, boss, pair.surviving, pair.merged, {}, versions)
    assert patients.get(database, boss, pair.merged).merged_into_id is None


def test_only_an_admin_merges(database):
    pair = _pair(database)
    with pytest.raises(PermissionDenied):
        patient_merge.merge(database, desk(database), pair.surviving, pair.merged, {}, (1, 1))


def test_undo_restores_exactly(database):
    pair = _pair(database)
    boss = admin(database)
    before = {k: _owned(database, k) for k in (pair.surviving, pair.merged)}
    fields = {k: patients.get(database, boss, k) for k in (pair.surviving, pair.merged)}
    done = _merge(database, pair)
    # A visit booked on the survivor after the merge is the survivor's: it stays.
    later = _book(database, pair.practice, pair.surviving, at(TUESDAY, 9))

    undone = patient_merge.undo(database, boss, done.merge_id)

    assert undone.kept_fields == ()
    after = {k: _owned(database, k) for k in before}
    assert after[pair.merged] == before[pair.merged]
    expected = dict(before[pair.surviving])
    expected["appointments"] = sorted([*expected["appointments"], later.id])
    assert after[pair.surviving] == expected
    for key, was in fields.items():
        now = patients.get(database, boss, key)
        assert _draft(now) == _draft(was)
        assert now.merged_into_id is None
    listed = patient_merge.merges(database, boss)
    assert [(m.id, m.undone) for m in listed] == [(done.merge_id, True)]
    with pytest.raises(MergeRefused, match="undone already"):
        patient_merge.undo(database, boss, done.merge_id)


def test_undo_keeps_a_field_changed_since_the_merge(database):
    pair = _pair(database)
    boss = admin(database)
    done = _merge(database, pair)
    survivor = patients.get(database, boss, pair.surviving)
    patients.update(
        database,
        boss,
        survivor.id,
        survivor.version,
        replace(_draft(survivor), phone="(212) 555-0142"),
    )
    undone = patient_merge.undo(database, boss, done.merge_id)
    assert undone.kept_fields == ("phone",)
    assert undone.surviving.phone == "(212) 555-0142"


def test_undo_is_refused_when_a_visit_since_uses_a_moved_intake(database):
    pair = _pair(database)
    boss = admin(database)
    moved_intake = _owned(database, pair.merged)["intakes"][0]
    done = _merge(database, pair)
    request = BookingRequest(
        pair.surviving, pair.practice.ann, pair.practice.east, at(TUESDAY, 9), "EVAL60",
        moved_intake,
    )  # fmt: skip
    booking.book(database, desk(database), request, now=NOW, confirm_second_evaluation=True)
    with pytest.raises(MergeRefused) as refused:
        patient_merge.undo(database, boss, done.merge_id)
    assert f"a new appointment on {done.surviving.mrn} was made from an intake" in str(
        refused.value
    )
    assert patients.get(database, boss, pair.merged).merged_into_id == pair.surviving


def test_a_search_for_the_tombstone_leads_to_the_survivor(database):
    pair = _pair(database)
    boss = admin(database)
    merged_mrn = patients.get(database, boss, pair.merged).mrn
    _merge(database, pair)
    for query in ("mergetset alpha", merged_mrn):
        hits = patient_search.search(database, desk(database), query, today=NOW.date()).hits
        assert [(h.id, h.merged_from) for h in hits] == [(pair.surviving, merged_mrn)], query
    hits = patient_search.search(database, desk(database), "mergetest", today=NOW.date()).hits
    assert [(h.id, h.merged_from) for h in hits] == [(pair.surviving, "")]


def test_the_database_refuses_a_booking_for_a_tombstone(database):
    pair = _pair(database)
    _merge(database, pair)
    with pytest.raises(BookingRefused, match="merged into another record"):
        _book(database, pair.practice, pair.merged, at(TUESDAY, 8))
    row = _appointment_values(database, pair.merged, at(TUESDAY, 10))
    with pytest.raises(IntegrityError, match="merged into another"), database.engine.begin() as c:
        c.execute(insert(Appointment.__table__).values(**row))
    with pytest.raises(IntegrityError, match="merged into another"), database.engine.begin() as c:
        moved = update(Appointment.__table__).values(patient_id=pair.merged)
        c.execute(moved.where(Appointment.__table__.c.patient_id == pair.surviving))


def test_the_database_refuses_a_merge_into_a_tombstone_or_itself(database):
    pair = _pair(database)
    _merge(database, pair)
    third = patients.register(
        database, admin(database), PatientDraft("Mergethird", "Beta", dt.date(1970, 1, 2), "other")
    )
    table = Patient.__table__
    with pytest.raises(IntegrityError, match="merged record"), database.engine.begin() as c:
        c.execute(update(table).where(table.c.id == third.id).values(merged_into_id=pair.merged))
    with pytest.raises(IntegrityError), database.engine.begin() as c:
        c.execute(update(table).where(table.c.id == third.id).values(merged_into_id=third.id))
    with pytest.raises(IntegrityError, match="keep appointments"), database.engine.begin() as c:
        c.execute(update(table).where(table.c.id == pair.surviving).values(merged_into_id=third.id))
    with pytest.raises(MergeRefused, match="already merged"):
        patient_merge.preview(database, admin(database), third.id, pair.merged)


def test_a_booking_racing_the_merge_never_lands_on_the_tombstone(database_url):
    """Each round, one PC books the record being merged while another merges it: either the
    booking came first and moved with the rest, or it came after and was refused."""
    setup = open_database(database_url)
    pairs = [_pair(setup)] + [_more_pair(setup, n) for n in range(1, 4)]
    versions = [_versions(setup, pair) for pair in pairs]
    outcomes = [
        _race_round(database_url, pair, seen, at(TUESDAY + dt.timedelta(days=n), 11))
        for n, (pair, seen) in enumerate(zip(pairs, versions, strict=True))
    ]
    for pair, outcome in zip(pairs, outcomes, strict=True):
        if isinstance(outcome, int):  # booked first: moved with the rest
            assert outcome in _owned(setup, pair.surviving)["appointments"]
        else:
            assert "merged into another record" in outcome
    with setup.reading() as session:
        on_tombstones = session.execute(
            text(
                "SELECT count(*) FROM appointments a JOIN patients p ON p.id = a.patient_id "
                "WHERE p.merged_into_id IS NOT NULL"
            )
        ).scalar()
    setup.close()
    assert on_tombstones == 0, outcomes


@pytest.mark.backend("postgresql")
def test_a_booking_in_flight_is_waited_for_and_moved(database):
    """The booking's transaction holds the patient row (a key-share lock): the merge waits for
    its commit, then moves the new visit with the rest."""
    pair = _pair(database)
    versions = _versions(database, pair)
    row = _appointment_values(database, pair.merged, at(TUESDAY, 11))
    result: dict[str, Any] = {}
    with database.engine.connect() as booking_pc:
        booking_pc.begin()
        new_id = booking_pc.execute(
            insert(Appointment.__table__).values(**row).returning(Appointment.__table__.c.id)
        ).scalar_one()
        thread = threading.Thread(
            target=lambda: result.update(done=_merge_in(database, pair, versions))
        )
        thread.start()
        _wait_for_a_lock_wait(database)
        booking_pc.commit()
    thread.join(30)
    assert "done" in result
    assert new_id in _owned(database, pair.surviving)["appointments"]


@pytest.mark.backend("postgresql")
def test_a_booking_waiting_on_a_merge_is_refused_after_it(database):
    pair = _pair(database)
    lone = patients.register(
        database, admin(database), PatientDraft("Mergelone", "Gamma", dt.date(1971, 3, 4), "other")
    )
    result: dict[str, Any] = {}
    table = Patient.__table__
    with database.engine.connect() as merging_pc:
        merging_pc.begin()
        merging_pc.execute(
            update(table).where(table.c.id == lone.id).values(merged_into_id=pair.surviving)
        )

        def book() -> None:
            try:
                _book(database, pair.practice, lone.id, at(TUESDAY, 11))
            except BookingRefused as exc:
                result["refused"] = str(exc)

        thread = threading.Thread(target=book)
        thread.start()
        _wait_for_a_lock_wait(database)
        merging_pc.commit()
    thread.join(30)
    assert "merged into another record" in result["refused"]
    assert _owned(database, lone.id)["appointments"] == []


@pytest.mark.backend("postgresql")
def test_psql_as_front_desk_cannot_make_a_tombstone_nor_book_on_one(checked_postgres, request):
    import subprocess

    from sqlalchemy.engine import make_url

    from intake.services import accounts
    from intake.services.actor import SYSTEM
    from tests.conftest import _database_tests
    from tests.db.test_database_logins import PASSWORDS, ROLES

    url = checked_postgres.create()
    _database_tests.append(request.node.nodeid)
    owner = open_database(url)
    try:
        for name, role in ROLES.items():
            accounts.create_account(owner, SYSTEM, name, f"Test {name}", role, PASSWORDS[name])
        made = [
            patients.register(
                owner, SYSTEM, PatientDraft(f"Mergepsql{n}", "Delta", dt.date(1972, 1, n), "other")
            )
            for n in (1, 2, 3)
        ]
        ids = [p.id for p in made]
        versions = (made[0].version, made[1].version)
        done = patient_merge.merge(owner, SYSTEM, ids[0], ids[1], {}, versions)
        assert done.merge_id
    finally:
        owner.close()
    parsed = make_url(url)

    def psql(who: str, statement: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["psql", "-h", str(parsed.host), "-p", str(parsed.port),
             "-U", f"{who}@{parsed.database}", "-d", str(parsed.database),
             "-v", "ON_ERROR_STOP=1", "-tAc", statement],
            env={"PGPASSWORD": PASSWORDS[who], "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, check=False,
        )  # fmt: skip

    tombstone = psql("desk", f"UPDATE patients SET merged_into_id = {ids[0]} WHERE id = {ids[2]}")
    assert tombstone.returncode != 0 and "only an admin may merge" in tombstone.stderr
    entry = psql(
        "desk",
        "INSERT INTO waitlist_entries (patient_id, preferences, priority, status, note, "
        f"created_at, version) VALUES ({ids[1]}, '{{}}', 0, 'waiting', '', now(), 1)",
    )
    assert entry.returncode != 0 and "merged into another" in entry.stderr
    assert psql(
        "desk", f"SELECT merged_into_id FROM patients WHERE id = {ids[1]}"
    ).stdout.strip() == str(ids[0])
    hidden = psql("desk", "SELECT count(*) FROM patient_merges")
    assert hidden.returncode != 0 and "permission denied" in hidden.stderr
    assert psql("boss", "SELECT count(*) FROM patient_merges").stdout.strip() == "1"


def _race_round(url: str, pair: Pair, seen: tuple[int, int], start: dt.datetime) -> int | str:
    """One PC books `pair.merged` at `start` while another merges the pair, let go at once:
    the new visit's id, or the refusal's words."""
    barrier = threading.Barrier(2)
    result: dict[str, Any] = {}

    def book() -> None:
        pc = open_database(url)
        barrier.wait()
        request = BookingRequest(pair.merged, pair.practice.ann, pair.practice.east, start, "FU45")
        try:
            result["booked"] = booking.book(pc, desk(pc), request, now=NOW).id
        except BookingRefused as exc:
            result["booked"] = str(exc)
        finally:
            pc.close()

    def merge() -> None:
        pc = open_database(url)
        barrier.wait()
        try:
            result["merged"] = patient_merge.merge(
                pc, admin(pc), pair.surviving, pair.merged, {}, seen
            ).merge_id
        finally:
            pc.close()

    threads = [threading.Thread(target=book), threading.Thread(target=merge)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert "merged" in result
    return result["booked"]


def _merge_in(database: Database, pair: Pair, versions: tuple[int, int]) -> int:
    pc = open_database(database.engine.url.render_as_string(hide_password=False))
    try:
        return patient_merge.merge(
            pc, admin(database), pair.surviving, pair.merged, {}, versions
        ).merge_id
    finally:
        pc.close()


def _wait_for_a_lock_wait(database: Database) -> None:
    """Until another connection of this database waits for a lock (PostgreSQL)."""
    deadline = dt.datetime.now() + dt.timedelta(seconds=20)
    with database.engine.connect() as watcher:
        while dt.datetime.now() < deadline:
            waiting = watcher.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
            ).scalar()
            if waiting:
                return
            watcher.rollback()
            threading.Event().wait(0.02)
    raise AssertionError("nobody waited for the lock")


def _more_pair(database: Database, n: int) -> Pair:
    """Another pair in the practice already built (no visits: the race adds one)."""
    boss = admin(database)
    ids = [
        patients.register(
            database, boss, PatientDraft(f"Mergerace{n}", given, dt.date(1960, 1, n), "other")
        ).id
        for given in ("One", "Two")
    ]
    with database.reading() as session:
        practice_ids = session.execute(text("SELECT id FROM locations ORDER BY id")).scalars().all()
        therapists = session.execute(text("SELECT id FROM therapists ORDER BY id")).scalars().all()
    practice = SmallPractice(practice_ids[0], practice_ids[1], therapists[0], therapists[1], ())
    return Pair(practice, ids[0], ids[1])


def _appointment_values(database: Database, patient_id: int, start: dt.datetime) -> dict[str, Any]:
    with database.reading() as session:
        model = session.scalars(select(Appointment).limit(1)).one()
        return {
            "patient_id": patient_id,
            "therapist_id": model.therapist_id,
            "location_id": model.location_id,
            "type_id": model.type_id,
            "starts_at": start,
            "ends_at": start + dt.timedelta(minutes=45),
            "blocks_until": start + dt.timedelta(minutes=45),
            "status": "booked",
            "needs_review": False,
            "booked_at": NOW,
            "cancel_reason": "",
            "late_cancellation": False,
            "version": 1,
        }


def _draft(info: Any) -> PatientDraft:
    from intake.domain.patient import DRAFT_FIELDS

    return PatientDraft(**{name: getattr(info, name) for name in DRAFT_FIELDS})
