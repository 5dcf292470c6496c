"""Practice set-up services on a real database: locations, hours, closures, appointment types."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from intake.db.models import AppointmentType, AuditEvent, Closure, Location, OpeningHours
from intake.domain.errors import Invalid, NotFound, PermissionDenied, StaleRecord
from intake.domain.practice import DayHours
from intake.services import practice_admin as admin
from intake.services.database import Database
from tests.db.practice import admin as boss
from tests.db.practice import desk

NY = "America/New_York"
T = dt.time
WEEKDAY_HOURS = {d: DayHours(T(7, 30), T(19, 0)) for d in range(5)}


def count(database: Database, model: Any) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def audit_trail(database: Database) -> list[tuple[str, str, list[str]]]:
    """The trail of the practice set-up (the test's own sign-ins left out)."""
    with database.reading() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.entity != "account").order_by(AuditEvent.id)
        )
        return [(e.action, e.entity, e.fields) for e in rows]


def problems(exc: pytest.ExceptionInfo[Invalid]) -> dict[str, str]:
    return {field: str(words) for field, words in exc.value.problems.items()}


@pytest.fixture
def north(database: Database):  # type: ignore[no-untyped-def]
    return admin.create_location(database, boss(database), "N01", "Test Site North", NY)


# --- locations ------------------------------------------------------------------------------


def test_create_location_returns_plain_values_and_audits_field_names(database: Database):
    info = admin.create_location(
        database, boss(database), " n01 ", "Test Site North", NY, address="1 Sample Street"
    )
    assert (info.code, info.name, info.timezone, info.active, info.version) == (
        "N01", "Test Site North", NY, True, 1,
    )  # fmt: skip
    assert info.hours == (None,) * 7
    assert audit_trail(database) == [
        ("create", "location", ["active", "address", "code", "name", "phone", "timezone"])
    ]
    assert admin.get_location(database, desk(database), "n01") == info


def test_front_desk_cannot_create_a_location_but_can_list(database: Database, north):
    with pytest.raises(PermissionDenied):
        admin.create_location(database, desk(database), "S02", "Test Site South", NY)
    with pytest.raises(PermissionDenied):
        admin.update_location(database, desk(database), "N01", north.version, name="Renamed")
    assert [loc.code for loc in admin.list_locations(database, desk(database))] == ["N01"]
    assert count(database, Location) == 1


INVALID_LOCATIONS = [
    ("", "Test Site", NY, "code"),
    ("N 01", "Test Site", NY, "code"),
    ("N01", "  ", NY, "name"),
    ("N01", "Test Site", "Mars/Olympus_Mons", "timezone"),
    ("N01", "Test Site", "EST5EDT ", "timezone"),
]


def test_invalid_location_names_the_field_and_writes_nothing(database: Database):
    # Cases in a loop, not parametrized: each database costs a fresh clone on PostgreSQL.
    for code, name, zone, field in INVALID_LOCATIONS:
        with pytest.raises(Invalid) as exc:
            admin.create_location(database, boss(database), code, name, zone)
        assert list(problems(exc)) == [field], (code, name, zone)
    assert count(database, Location) == 0
    assert audit_trail(database) == []
    for i, zone in enumerate(["Europe/Amsterdam", "America/Chicago", "UTC"]):
        assert (
            admin.create_location(database, boss(database), f"Z{i}", "Test Site", zone).timezone
            == zone
        )


def test_duplicate_location_code_is_invalid_not_a_crash(database: Database, north):
    with pytest.raises(Invalid) as exc:
        admin.create_location(database, boss(database), "n01", "Test Site Other", NY)
    assert list(problems(exc)) == ["code"]
    assert "N01" in problems(exc)["code"]
    assert count(database, Location) == 1


def test_a_code_taken_by_another_pc_mid_call_is_invalid(
    database: Database, north, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(admin, "code_taken", lambda *args: False)  # the race: check passed
    with pytest.raises(Invalid) as exc:
        admin.create_location(database, boss(database), "N01", "Test Site Other", NY)
    assert list(problems(exc)) == ["code"]
    admin.create_appointment_type(database, boss(database), "X", "Test type", 30)
    with pytest.raises(Invalid) as exc:
        admin.create_appointment_type(database, boss(database), "X", "Test type", 30)
    assert list(problems(exc)) == ["code"]
    assert count(database, Location) == 1
    assert count(database, AppointmentType) == 1
    assert [entity for _, entity, _ in audit_trail(database)] == ["location", "appointment_type"]


def test_other_integrity_errors_are_not_hidden(database: Database):
    exc = IntegrityError("INSERT", {}, Exception("CHECK constraint failed: minutes_range"))
    assert not admin.is_duplicate(exc, "code")


def test_unknown_location_is_not_found_naming_the_code(database: Database):
    with pytest.raises(NotFound, match="'Q99'"):
        admin.get_location(database, desk(database), "q99")
    with pytest.raises(NotFound, match="'Q99'"):
        admin.update_location(database, boss(database), "Q99", 1, name="Test")


def test_update_location_changes_fields_and_version(database: Database, north):
    info = admin.update_location(
        database,
        boss(database),
        "N01",
        north.version,
        name="Test Site North II",
        timezone="America/Chicago",
    )
    assert (info.name, info.timezone, info.version) == ("Test Site North II", "America/Chicago", 2)
    assert audit_trail(database)[-1] == ("update", "location", ["name", "timezone"])


def test_update_location_with_a_stale_version_changes_nothing(database: Database, north):
    admin.update_location(database, boss(database), "N01", north.version, phone="555-0100")
    with pytest.raises(StaleRecord):
        admin.update_location(database, boss(database), "N01", north.version, name="Lost update")
    now = admin.get_location(database, desk(database), "N01")
    assert (now.name, now.phone, now.version) == ("Test Site North", "555-0100", 2)
    assert len(audit_trail(database)) == 2


def test_update_location_validates(database: Database, north):
    with pytest.raises(Invalid) as exc:
        admin.update_location(database, boss(database), "N01", north.version, timezone="New York")
    assert list(problems(exc)) == ["timezone"]
    assert admin.get_location(database, desk(database), "N01") == north


def test_deactivated_locations_leave_the_default_list(database: Database, north):
    gone = admin.deactivate_location(database, boss(database), "N01", north.version)
    assert not gone.active
    assert admin.list_locations(database, desk(database)) == []
    assert admin.list_locations(database, desk(database), include_inactive=True) == [gone]
    assert admin.update_location(database, boss(database), "N01", gone.version, active=True).active


# --- opening hours --------------------------------------------------------------------------


def test_set_a_week_of_opening_hours(database: Database, north):
    info = admin.set_opening_hours(database, boss(database), "N01", north.version, WEEKDAY_HOURS)
    assert info.hours[:5] == (DayHours(T(7, 30), T(19, 0)),) * 5
    assert info.hours[5:] == (None, None)
    assert info.version == north.version + 1
    week = {**WEEKDAY_HOURS, 2: None, 5: DayHours(T(8), T(13))}  # Wednesday closed now
    info = admin.set_opening_hours(database, boss(database), "N01", info.version, week)
    assert info.hours[2] is None and info.hours[5] == DayHours(T(8), T(13))
    assert count(database, OpeningHours) == 5
    assert audit_trail(database)[-1] == (
        "update", "location", ["hours_saturday", "hours_wednesday"],
    )  # fmt: skip
    assert admin.get_location(database, desk(database), "N01") == info


def test_opening_hours_with_a_stale_version_change_nothing(database: Database, north):
    admin.update_location(database, boss(database), "N01", north.version, name="Test Site N")
    with pytest.raises(StaleRecord):
        admin.set_opening_hours(database, boss(database), "N01", north.version, WEEKDAY_HOURS)
    assert count(database, OpeningHours) == 0


def test_closing_must_follow_opening(database: Database, north):
    with pytest.raises(Invalid) as exc:
        admin.set_opening_hours(
            database,
            boss(database),
            "N01",
            north.version,
            {**WEEKDAY_HOURS, 1: DayHours(T(9), T(9))},
        )
    assert problems(exc) == {
        "hours.1": "Tuesday: closing time 09:00 must be after opening time 09:00."
    }
    assert count(database, OpeningHours) == 0
    near = admin.set_opening_hours(
        database, boss(database), "N01", north.version, {1: DayHours(T(9), T(9, 1))}
    )
    assert near.hours[1] == DayHours(T(9), T(9, 1))


def test_weekday_must_be_0_to_6(database: Database, north):
    for weekday in (-1, 7):
        with pytest.raises(Invalid) as exc:
            admin.set_opening_hours(
                database, boss(database), "N01", north.version, {weekday: DayHours(T(8), T(12))}
            )
        assert list(problems(exc)) == ["weekday"], weekday
    assert admin.set_opening_hours(
        database, boss(database), "N01", north.version, {6: DayHours(T(8), T(12))}
    ).hours[6]


def test_front_desk_cannot_set_hours(database: Database, north):
    with pytest.raises(PermissionDenied):
        admin.set_opening_hours(database, desk(database), "N01", north.version, WEEKDAY_HOURS)


# --- closures -------------------------------------------------------------------------------


def test_closures_add_list_remove(database: Database, north):
    admin.create_location(database, boss(database), "S02", "Test Site South", NY)
    day = dt.date(2026, 12, 25)
    xmas = admin.add_closure(database, boss(database), "n01", day, day, reason="Test holiday")
    south = admin.add_closure(
        database, boss(database), "S02", dt.date(2026, 12, 20), dt.date(2026, 12, 26)
    )
    later = admin.add_closure(
        database, boss(database), "N01", dt.date(2027, 1, 5), dt.date(2027, 1, 6)
    )
    assert (xmas.location_code, xmas.first_day, xmas.reason) == ("N01", day, "Test holiday")
    assert admin.list_closures(database, desk(database), day, day) == [south, xmas]
    assert admin.list_closures(database, desk(database), day, day, location_code="N01") == [xmas]
    assert admin.list_closures(
        database, desk(database), dt.date(2027, 1, 6), dt.date(2027, 2, 1)
    ) == [later]
    assert (
        admin.list_closures(database, desk(database), dt.date(2026, 12, 27), dt.date(2027, 1, 4))
        == []
    )
    admin.remove_closure(database, boss(database), xmas.id)
    assert admin.list_closures(database, desk(database), day, day) == [south]
    with pytest.raises(NotFound):
        admin.remove_closure(database, boss(database), xmas.id)
    assert [a for a, e, _ in audit_trail(database) if e == "closure"] == ["create"] * 3 + ["delete"]


def test_closure_last_day_before_first_is_invalid(database: Database, north):
    with pytest.raises(Invalid) as exc:
        admin.add_closure(database, boss(database), "N01", dt.date(2026, 5, 2), dt.date(2026, 5, 1))
    assert list(problems(exc)) == ["last_day"]
    assert count(database, Closure) == 0


def test_closure_may_last_at_most_a_year(database: Database, north):
    first = dt.date(2026, 1, 1)
    with pytest.raises(Invalid) as exc:
        admin.add_closure(database, boss(database), "N01", first, first + dt.timedelta(days=366))
    assert list(problems(exc)) == ["last_day"]
    assert count(database, Closure) == 0
    assert admin.add_closure(database, boss(database), "N01", first, first + dt.timedelta(days=365))


def test_closure_at_unknown_location_or_by_front_desk(database: Database, north):
    day = dt.date(2026, 7, 4)
    with pytest.raises(NotFound, match="'X9'"):
        admin.add_closure(database, boss(database), "X9", day, day)
    with pytest.raises(PermissionDenied):
        admin.add_closure(database, desk(database), "N01", day, day)
    with pytest.raises(Invalid) as exc:
        admin.list_closures(database, desk(database), day, day - dt.timedelta(days=1))
    assert list(problems(exc)) == ["end"]
    assert count(database, Closure) == 0


# --- appointment types ----------------------------------------------------------------------


def test_appointment_types_create_get_list(database: Database):
    evaluation = admin.create_appointment_type(
        database, boss(database), "eval60", "Test evaluation", 60, buffer_minutes=15
    )
    assert (evaluation.code, evaluation.minutes, evaluation.buffer_minutes) == ("EVAL60", 60, 15)
    assert admin.get_appointment_type(database, desk(database), "EVAL60") == evaluation
    assert admin.list_appointment_types(database, desk(database)) == [evaluation]
    assert audit_trail(database) == [
        (
            "create",
            "appointment_type",
            ["active", "buffer_minutes", "code", "color", "minutes", "name", "requires_screening"],
        )
    ]
    with pytest.raises(NotFound, match="'NOPE'"):
        admin.get_appointment_type(database, desk(database), "nope")


def test_appointment_type_colour_is_saved_normalised_and_checked(database: Database):
    """Admin gives a type its colour ('' = the palette's); a malformed one is refused by the
    service next to the field, and by the database itself if it got past."""
    was = admin.create_appointment_type(
        database, boss(database), "FU45", "Test follow-up", 45, color=" #0072B2 "
    )
    assert was.color == "#0072b2"
    now = admin.update_appointment_type(database, boss(database), was, replace(was, color=""))
    assert now.color == "" and admin.get_appointment_type(database, desk(database), "FU45") == now
    for bad in ("blue", "#12345", "#00ff0g"):
        with pytest.raises(Invalid) as exc:
            admin.update_appointment_type(database, boss(database), now, replace(now, color=bad))
        assert list(problems(exc)) == ["color"]
        with pytest.raises(Invalid):
            admin.create_appointment_type(database, boss(database), "X1", "Test", 30, color=bad)
    assert admin.get_appointment_type(database, desk(database), "FU45").color == ""
    for bad in ("#ABCDEF", "#12345g", "0072b2x", "#00"):  # the database's own check
        with pytest.raises(IntegrityError), database.writing() as session:
            session.execute(
                text("UPDATE appointment_types SET color = :c WHERE code = 'FU45'"), {"c": bad}
            )


def test_invalid_appointment_type_names_the_field(database: Database):
    cases = [(0, 0, "minutes"), (4, 0, "minutes"), (62, 0, "minutes"), (485, 0, "minutes"),
             (30, -5, "buffer_minutes"), (30, 121, "buffer_minutes")]  # fmt: skip
    for minutes, buffer, field in cases:
        with pytest.raises(Invalid) as exc:
            admin.create_appointment_type(
                database, boss(database), "T1", "Test type", minutes, buffer_minutes=buffer
            )
        assert list(problems(exc)) == [field], (minutes, buffer)
    assert count(database, AppointmentType) == 0
    for i, (minutes, buffer) in enumerate([(5, 0), (480, 120), (45, 10)]):
        info = admin.create_appointment_type(
            database, boss(database), f"T{i}", "Test type", minutes, buffer_minutes=buffer
        )
        assert (info.minutes, info.buffer_minutes) == (minutes, buffer)


def test_duplicate_appointment_type_code_is_invalid(database: Database):
    admin.create_appointment_type(database, boss(database), "FU45", "Test follow-up", 45)
    with pytest.raises(Invalid) as exc:
        admin.create_appointment_type(database, boss(database), "fu45", "Test other", 30)
    assert list(problems(exc)) == ["code"]
    assert count(database, AppointmentType) == 1


def test_update_appointment_type_from_what_was_read(database: Database):
    was = admin.create_appointment_type(database, boss(database), "FU45", "Test follow-up", 45)
    now = admin.update_appointment_type(database, boss(database), was, replace(was, minutes=50))
    assert now.minutes == 50
    assert audit_trail(database)[-1] == ("update", "appointment_type", ["minutes"])
    with pytest.raises(StaleRecord):  # `was` is out of date now
        admin.update_appointment_type(
            database, boss(database), was, replace(was, name="Lost update")
        )
    with pytest.raises(Invalid) as exc:
        admin.update_appointment_type(database, boss(database), now, replace(now, minutes=52))
    assert list(problems(exc)) == ["minutes"]
    with pytest.raises(Invalid) as exc:
        admin.update_appointment_type(database, boss(database), now, replace(now, code="OTHER"))
    assert list(problems(exc)) == ["code"]
    with pytest.raises(PermissionDenied):
        admin.update_appointment_type(database, desk(database), now, replace(now, minutes=30))
    assert admin.get_appointment_type(database, desk(database), "FU45") == now


def test_deactivated_types_leave_the_default_list(database: Database):
    admin.create_appointment_type(database, boss(database), "OLD", "Test old type", 30)
    gone = admin.deactivate_appointment_type(database, boss(database), "old")
    assert not gone.active
    assert admin.list_appointment_types(database, desk(database)) == []
    assert admin.list_appointment_types(database, desk(database), include_inactive=True) == [gone]
    with pytest.raises(PermissionDenied):
        admin.deactivate_appointment_type(database, desk(database), "OLD")


def test_a_change_committed_by_another_pc_mid_call_is_stale(
    database: Database, north, monkeypatch: pytest.MonkeyPatch
):
    """The explicit version check passed, then another PC committed before our UPDATE."""
    if database.backend == "sqlite":
        pytest.skip("SQLite write transactions are serialised (BEGIN IMMEDIATE): no such race")

    def other_pc_commits(current: int, expected: int, what: str) -> None:
        with database.engine.begin() as conn:
            conn.execute(text("UPDATE locations SET phone = '555-0199', version = version + 1"))

    monkeypatch.setattr(admin, "check_version", other_pc_commits)
    with pytest.raises(StaleRecord):
        admin.update_location(database, boss(database), "N01", north.version, name="Lost update")
    now = admin.get_location(database, desk(database), "N01")
    assert (now.name, now.phone, now.version) == ("Test Site North", "555-0199", 2)
    assert [action for action, _, _ in audit_trail(database)] == ["create"]
