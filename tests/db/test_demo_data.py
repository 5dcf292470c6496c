"""The synthetic practice: the same for the same seed, shaped like a real one, and valid."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import text

from intake.demo import data as demo_data
from intake.demo.practice import DemoOptions, build, holidays

TODAY = dt.date(2026, 11, 24)
SMALL = DemoOptions(patients=300, seed=7, days_back=10, days_ahead=20, today=TODAY)


def _digest(database, table: str, order: str = "id") -> str:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        rows = session.execute(text(f"SELECT * FROM {table} ORDER BY {order}")).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_same_seed_same_practice(database, empty_database_url: str):  # type: ignore[no-untyped-def]
    from intake.services.database import open_database

    other = open_database(empty_database_url)
    try:
        demo_data.fill(database, SMALL)
        demo_data.fill(other, SMALL)
        for table in ("patients", "appointments", "availability_templates", "closures"):
            assert _digest(database, table) == _digest(other, table), table
    finally:
        other.close()


def test_a_different_seed_gives_a_different_practice():
    first = build(SMALL).tables["patients"]
    second = build(DemoOptions(patients=300, seed=8, today=TODAY)).tables["patients"]
    assert [p["family_name"] for p in first] != [p["family_name"] for p in second]


def test_practice_shape():
    practice = build(DemoOptions(patients=50, seed=1, days_back=5, days_ahead=60, today=TODAY))
    t = practice.tables
    assert len(t["locations"]) == 12
    assert {loc["timezone"] for loc in t["locations"]} == {"America/New_York", "America/Chicago"}
    assert len(t["therapists"]) == 80
    sites: dict[int, set[int]] = {}
    for link in t["therapist_locations"]:
        sites.setdefault(link["therapist_id"], set()).add(link["location_id"])
    assert all(1 <= len(s) <= 3 for s in sites.values())
    assert any(len(s) > 1 for s in sites.values())
    assert {a["code"] for a in t["appointment_types"]} >= {"EVAL60"}
    assert next(a for a in t["appointment_types"] if a["code"] == "EVAL60")["minutes"] == 60
    thanksgiving = dt.date(2026, 11, 26)
    assert {c["location_id"] for c in t["closures"] if c["first_day"] == thanksgiving} == set(
        range(1, 13)
    )
    assert t["time_off"]
    future = [a for a in t["appointments"] if a["starts_at"].date() > TODAY]
    assert future and all(a["status"] in {"booked", "cancelled"} for a in future)
    past = [a for a in t["appointments"] if a["ends_at"].date() < TODAY]
    assert past and {a["status"] for a in past} >= {"completed"}


def test_a_chain_has_the_locations_and_therapists_asked_for():
    chain = DemoOptions(
        patients=6000, seed=1, days_back=1, days_ahead=7, today=TODAY, locations=50, therapists=300
    )
    t = build(chain).tables
    assert len(t["locations"]) == 50 and len(t["therapists"]) == 300
    assert len({loc["name"] for loc in t["locations"]}) == 50
    assert len({loc["code"] for loc in t["locations"]}) == 50
    assert all("555-01" in loc["phone"] for loc in t["locations"])
    # Every location has therapists working there and patients who prefer it.
    assert {x["location_id"] for x in t["availability_templates"]} == set(range(1, 51))
    assert {a["location_id"] for a in t["appointments"]} == set(range(1, 51))
    assert {p["preferred_location_id"] for p in t["patients"]} <= set(range(1, 51))


def test_names_are_synthetic_and_contacts_fictional():
    for p in build(SMALL).tables["patients"]:
        assert "555-01" in p["phone"]
        assert p["email"].endswith("@example.org")


def test_about_85_percent_of_working_time_is_booked():
    t = build(DemoOptions(patients=5000, seed=3, days_back=0, days_ahead=28, today=TODAY)).tables
    booked = sum(
        (a["ends_at"] - a["starts_at"]).total_seconds()
        for a in t["appointments"]
        if a["status"] != "cancelled"
    )
    # Working time on the open days the generator filled (templates x days, roughly).
    weekly = sum(
        (
            dt.datetime.combine(TODAY, x["end_time"]) - dt.datetime.combine(TODAY, x["start_time"])
        ).total_seconds()
        for x in t["availability_templates"]
    )
    share = booked / (weekly * 4)
    assert 0.6 < share < 0.9


def test_holidays_fall_on_the_right_days():
    days = holidays(2026)
    assert dt.date(2026, 11, 26) in days  # fourth Thursday of November
    assert dt.date(2026, 9, 7) in days  # first Monday of September
    assert dt.date(2026, 5, 25) in days  # last Monday of May


def test_demo_data_is_valid_for_the_database_rules(database):  # type: ignore[no-untyped-def]
    summary = demo_data.fill(database, SMALL)
    assert summary.rows["patients"] == 300
    with database.reading() as session:
        overlaps = session.execute(
            text(
                "SELECT count(*) FROM appointments a JOIN appointments b ON a.id < b.id "
                "AND (a.therapist_id = b.therapist_id OR a.patient_id = b.patient_id) "
                "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at "
                "WHERE a.status IN ('booked','checked_in','completed') "
                "AND b.status IN ('booked','checked_in','completed')"
            )
        ).scalar()
    assert overlaps == 0


def test_new_rows_after_demo_data_get_fresh_ids(database):  # type: ignore[no-untyped-def]
    from intake.db.models import AppointmentType

    demo_data.fill(database, SMALL)
    with database.writing() as session:
        extra = AppointmentType(code="NEW30", name="New", minutes=30, buffer_minutes=0)
        session.add(extra)
        session.flush()
        assert extra.id > 3


def test_an_occupied_database_is_refused(database):  # type: ignore[no-untyped-def]
    demo_data.fill(database, SMALL)
    with pytest.raises(demo_data.DatabaseNotEmpty, match="empty database"):
        demo_data.fill(database, SMALL)


def test_upcoming_evaluations_come_with_screened_intakes():
    practice = build(DemoOptions(patients=500, seed=2, days_back=2, days_ahead=14, today=TODAY))
    intakes = {i["id"]: i for i in practice.tables["intakes"]}
    assert intakes
    assert {i["triage"] for i in intakes.values()} <= {"clear", "review"}
    assert {i["triage"] for i in intakes.values()} == {"clear", "review"}
    linked = [a for a in practice.tables["appointments"] if a["intake_id"] is not None]
    assert len(linked) == len(intakes)
    for visit in linked:
        intake = intakes[visit["intake_id"]]
        assert intake["patient_id"] == visit["patient_id"]
        assert intake["screening"]["status"] == "complete"
        assert visit["type_id"] == 1 and visit["needs_review"] == (intake["triage"] == "review")


def _catalog(database) -> dict[str, list[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    """Every index, constraint and trigger as the database itself reports them."""
    with database.reading() as session:
        run = session.connection().exec_driver_sql
        if database.backend == "sqlite":
            return {
                "schema": sorted(
                    run(
                        "SELECT type, name, tbl_name, sql FROM sqlite_master "
                        "WHERE name NOT LIKE 'sqlite_stat%'"  # ANALYZE made it, as ever
                    ).all()
                )
            }
        return {
            "indexes": sorted(
                run(
                    "SELECT c.relname, ic.relname, pg_get_indexdef(i.indexrelid), i.indisvalid, "
                    "i.indisready FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                    "JOIN pg_class c ON c.oid = i.indrelid "
                    "WHERE c.relnamespace = current_schema()::regnamespace"
                ).all()
            ),
            "constraints": sorted(
                run(
                    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), "
                    "convalidated, condeferrable FROM pg_constraint "
                    "WHERE connamespace = current_schema()::regnamespace"
                ).all()
            ),
            "triggers": sorted(
                run(
                    "SELECT tgrelid::regclass::text, tgname, tgenabled FROM pg_trigger "
                    "WHERE NOT tgisinternal"
                ).all()
            ),
        }


def test_every_index_and_constraint_is_back_after_the_fill(database):  # type: ignore[no-untyped-def]
    before = _catalog(database)
    demo_data.fill(database, SMALL)
    after = _catalog(database)
    for part, rows in before.items():
        assert set(after[part]) - set(rows) == set(), part
        assert set(rows) - set(after[part]) == set(), part
    with database.reading() as session:
        run = session.connection().exec_driver_sql
        if database.backend == "sqlite":
            assert run("PRAGMA integrity_check").all() == [("ok",)]
            assert run("PRAGMA foreign_key_check").all() == []
        else:
            # The re-added foreign keys were checked: a key for no patient is refused.
            with pytest.raises(Exception, match="foreign key"):
                run("INSERT INTO patient_search_keys VALUES (999999, 'x', 'x', ' x ')")


def test_the_search_tables_are_ready_for_index_only_scans_after_the_fill(database):  # type: ignore[no-untyped-def]
    # A bulk load leaves no page marked all-visible until a VACUUM: the type-ahead search's
    # index-only scans would read the table for every key (p95 140 ms at 2M patients).
    if database.backend != "postgresql":
        pytest.skip("SQLite has no visibility map")
    demo_data.fill(database, SMALL)
    with database.reading() as session:
        marked = dict(
            session.connection().exec_driver_sql(
                "SELECT relname, relallvisible FROM pg_class "
                "WHERE relname IN ('patients', 'patient_search_keys', 'appointments')"
            ).all()
        )
        analyzed = session.connection().exec_driver_sql(
            "SELECT reltuples > 0 FROM pg_class WHERE relname = 'appointments'"
        ).scalar()  # -1 until ANALYZE (pg_class, not the statistics views, which lag)
    assert marked["patients"] > 0 and marked["patient_search_keys"] > 0
    assert marked["appointments"] > 0 and analyzed  # the slot search's plans need statistics


def test_a_refused_fill_leaves_the_indexes_in_place(database):  # type: ignore[no-untyped-def]
    demo_data.fill(database, SMALL)
    before = _catalog(database)
    with pytest.raises(demo_data.DatabaseNotEmpty):
        demo_data.fill(database, SMALL)
    assert _catalog(database) == before


def test_stored_search_keys_are_those_the_service_keeps(database):  # type: ignore[no-untyped-def]
    from intake.db.models import Patient
    from intake.services import patient_index

    demo_data.fill(database, SMALL)
    with database.reading() as session:
        stored = set(
            session.execute(
                text("SELECT patient_id, key, sort_name, words FROM patient_search_keys")
            ).all()
        )
        expected = {
            (r["patient_id"], r["key"], r["sort_name"], r["words"])
            for patient in session.query(Patient)
            for r in patient_index.key_rows(patient)
        }
    assert stored == expected and len(stored) > 6 * SMALL.patients


def test_demo_sign_in_and_search_work_after_the_fill(database):  # type: ignore[no-untyped-def]
    from intake.domain.enums import Role
    from intake.services import accounts, patient_search

    demo_data.fill(database, SMALL)
    with database.reading() as session:
        family, given = session.execute(
            text("SELECT family_name, given_name FROM patients WHERE id = 42")
        ).one()
    desk = accounts.sign_in(database, "frontdesk", demo_data.DEMO_PASSWORD)
    assert desk.role == Role.FRONT_DESK
    hits = patient_search.search(database, desk, f"{family} {given}", today=TODAY).hits
    assert 42 in [h.id for h in hits]


def test_worker_processes_make_the_same_patients():
    from intake.demo.data import _prepared
    from intake.demo.patients import CHUNK

    now = dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC)
    jobs = [(5, i, 2 * CHUNK + 17, 50, now, text_form) for i in range(3) for text_form in (0, 1)]
    jobs = [(s, i, n, loc, when, bool(t)) for s, i, n, loc, when, t in jobs]
    inline = list(_prepared(jobs, parallel=False))
    assert list(_prepared(jobs, parallel=True)) == inline
    assert [len(c.born) for c in inline[::2]] == [CHUNK, CHUNK, 17]


def test_a_bulk_load_of_merged_records_is_refused(database):  # type: ignore[no-untyped-def]
    """The guards set aside during a load are made good after it: no merged records."""
    from intake.demo import bulk

    if database.backend != "postgresql":
        pytest.skip("SQLite keeps its guards during the load")
    practice = build(DemoOptions(patients=2, seed=1, days_back=2, days_ahead=2, today=TODAY))
    patients = practice.tables["patients"]
    patients[0]["merged_into_id"], patients[1]["merged_into_id"] = 2, None
    with pytest.raises(bulk.MergedPatientsLoaded), database.writing() as session:
        connection = session.connection()
        writer = bulk.Writer(connection)
        with bulk.without_indexes(connection):
            writer.write_dicts("locations", practice.tables["locations"])
            writer.write_dicts("patients", patients)
    with database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM patients")).scalar() == 0
