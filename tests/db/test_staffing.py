"""Staffing services on a real database: therapists, weekly templates and time off."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from intake.db.models import AuditEvent, AvailabilityTemplate, Therapist, TimeOff
from intake.domain.errors import Invalid, NotFound, PermissionDenied, StaleRecord
from intake.domain.practice import DayHours, TherapistInfo
from intake.services import practice_admin as admin
from intake.services import staffing
from intake.services.database import Database
from tests.db.practice import admin as boss
from tests.db.practice import desk

T = dt.time
D = dt.date
FROM = D(2026, 1, 5)
TUESDAY, SATURDAY = 1, 5
NORTH = "Test Site North (N01)"


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


@dataclass
class Practice:
    database: Database
    therapist: TherapistInfo

    def add(self, weekday: int, start: T, end: T, where: str = "N01", **kw: Any) -> Any:
        return staffing.add_template(
            self.database, boss(self.database), self.therapist.id, where, weekday, start, end,
            kw.pop("effective_from", FROM), **kw,
        )  # fmt: skip

    def invalid(self, *args: Any, **kw: Any) -> dict[str, str]:
        before = count(self.database, AvailabilityTemplate)
        with pytest.raises(Invalid) as exc:
            self.add(*args, **kw)
        assert count(self.database, AvailabilityTemplate) == before
        return {field: str(words) for field, words in exc.value.problems.items()}


@pytest.fixture
def practice(database: Database) -> Practice:
    """N01 open Mon-Fri 07:30-19:00 (closed weekends), S02 Mon-Fri 08:00-17:00, E03 unassigned."""
    for code, name, opens, closes in (
        ("N01", "Test Site North", T(7, 30), T(19)),
        ("S02", "Test Site South", T(8), T(17)),
        ("E03", "Test Site East", T(8), T(17)),
    ):
        loc = admin.create_location(database, boss(database), code, name, "America/New_York")
        week = {d: DayHours(opens, closes) for d in range(5)}
        admin.set_opening_hours(database, boss(database), code, loc.version, week)
    therapist = staffing.create_therapist(
        database,
        boss(database),
        "Test Therapist One",
        credentials="PT",
        location_codes=["n01", "S02"],
    )
    return Practice(database, therapist)


# --- therapists -----------------------------------------------------------------------------


def test_create_therapist_with_locations(database: Database, practice: Practice):
    info = practice.therapist
    assert (info.display_name, info.credentials, info.active, info.version) == (
        "Test Therapist One", "PT", True, 1,
    )  # fmt: skip
    assert info.location_codes == ("N01", "S02")
    assert staffing.get_therapist(database, desk(database), info.id) == info
    assert audit_trail(database)[-1] == (
        "create", "therapist", ["active", "credentials", "display_name", "locations"],
    )  # fmt: skip
    assert staffing.list_therapists(database, desk(database), location_code="S02") == [info]
    assert staffing.list_therapists(database, desk(database), location_code="E03") == []


def test_therapist_input_is_checked(database: Database, practice: Practice):
    with pytest.raises(Invalid) as exc:
        staffing.create_therapist(database, boss(database), " ")
    assert list(exc.value.problems) == ["display_name"]
    with pytest.raises(Invalid) as exc:
        staffing.create_therapist(
            database, boss(database), "Test Therapist Two", location_codes=["Q9"]
        )
    assert list(exc.value.problems) == ["locations"]
    assert "'Q9'" in str(exc.value.problems["locations"])
    with pytest.raises(PermissionDenied):
        staffing.create_therapist(database, desk(database), "Test Therapist Two")
    assert count(database, Therapist) == 1
    with pytest.raises(NotFound, match="999"):
        staffing.get_therapist(database, desk(database), 999)


def test_update_and_deactivate_therapist(database: Database, practice: Practice):
    t = practice.therapist
    t2 = staffing.update_therapist(database, boss(database), t.id, t.version, credentials="DPT")
    assert (t2.credentials, t2.version) == ("DPT", 2)
    assert audit_trail(database)[-1] == ("update", "therapist", ["credentials"])
    with pytest.raises(StaleRecord):
        staffing.update_therapist(
            database, boss(database), t.id, t.version, display_name="Lost update"
        )
    with pytest.raises(StaleRecord):
        staffing.deactivate_therapist(database, boss(database), t.id, t.version)
    assert staffing.get_therapist(database, desk(database), t.id) == t2
    gone = staffing.deactivate_therapist(database, boss(database), t.id, t2.version)
    assert staffing.list_therapists(database, desk(database)) == []
    assert staffing.list_therapists(database, desk(database), include_inactive=True) == [gone]


def test_assign_locations_replaces_the_set(database: Database, practice: Practice):
    t = practice.therapist
    t2 = staffing.assign_locations(database, boss(database), t.id, t.version, ["E03", "N01"])
    assert (t2.location_codes, t2.version) == (("E03", "N01"), t.version + 1)
    assert audit_trail(database)[-1] == ("update", "therapist", ["locations"])
    with pytest.raises(StaleRecord):
        staffing.assign_locations(database, boss(database), t.id, t.version, ["N01"])
    with pytest.raises(PermissionDenied):
        staffing.assign_locations(database, desk(database), t.id, t2.version, ["N01"])
    assert staffing.get_therapist(database, desk(database), t.id) == t2


def test_a_location_with_current_templates_cannot_be_unassigned(
    database: Database, practice: Practice
):
    t = practice.therapist
    practice.add(TUESDAY, T(8), T(12), "S02")
    events = len(audit_trail(database))
    with pytest.raises(Invalid) as exc:
        staffing.assign_locations(database, boss(database), t.id, t.version, ["N01"])
    assert list(exc.value.problems) == ["locations"]
    assert "Test Site South (S02)" in str(exc.value.problems["locations"])
    # The version bump and link change inside the failed call were rolled back together.
    assert staffing.get_therapist(database, desk(database), t.id) == t
    assert len(audit_trail(database)) == events


def test_a_location_with_only_ended_templates_can_be_unassigned(
    database: Database, practice: Practice
):
    t = practice.therapist
    practice.add(TUESDAY, T(8), T(12), "S02", effective_to=D(2026, 1, 31))
    assert staffing.assign_locations(
        database, boss(database), t.id, t.version, ["N01"]
    ).location_codes == ("N01",)


# --- weekly templates -----------------------------------------------------------------------


def test_add_template_returns_it_and_audits(database: Database, practice: Practice):
    info = practice.add(TUESDAY, T(7, 30), T(12), effective_to=D(2026, 6, 30))
    assert (info.location_code, info.weekday, info.start, info.end) == ("N01", 1, T(7, 30), T(12))
    assert (info.effective_from, info.effective_to) == (FROM, D(2026, 6, 30))
    assert staffing.list_templates(
        database, desk(database), therapist_id=practice.therapist.id
    ) == [info]
    assert audit_trail(database)[-1][:2] == ("create", "availability_template")
    assert "start" in audit_trail(database)[-1][2]


def test_end_must_follow_start(practice: Practice):
    assert practice.invalid(TUESDAY, T(12), T(12)) == {
        "end": "The end 12:00 must be after the start 12:00."
    }
    assert practice.add(TUESDAY, T(12), T(12, 15))


def test_weekday_must_be_0_to_6(practice: Practice):
    assert list(practice.invalid(-1, T(9), T(10))) == ["weekday"]
    assert list(practice.invalid(7, T(9), T(10))) == ["weekday"]


def test_effective_to_not_before_effective_from(practice: Practice):
    problems = practice.invalid(TUESDAY, T(9), T(10), effective_to=FROM - dt.timedelta(days=1))
    assert list(problems) == ["effective_to"]
    assert practice.add(TUESDAY, T(9), T(10), effective_to=FROM).effective_to == FROM


def test_therapist_must_be_assigned_to_the_location(practice: Practice):
    problems = practice.invalid(TUESDAY, T(9), T(10), "E03")
    assert problems == {
        "location": "Test Therapist One is not assigned to work at Test Site East (E03)."
    }
    assert "'Q9'" in practice.invalid(TUESDAY, T(9), T(10), "Q9")["location"]
    assert practice.add(TUESDAY, T(9), T(10), "S02")


def test_template_must_start_after_opening(practice: Practice):
    assert practice.invalid(TUESDAY, T(7), T(12)) == {
        "start": f"Tuesday: 07:00–12:00 starts before {NORTH} opens at 07:30."
    }
    assert practice.add(TUESDAY, T(7, 30), T(12))


def test_template_must_end_before_closing(practice: Practice):
    assert practice.invalid(TUESDAY, T(15), T(19, 15)) == {
        "end": f"Tuesday: 15:00–19:15 ends after {NORTH} closes at 19:00."
    }
    assert practice.add(TUESDAY, T(15), T(19))


def test_template_on_a_closed_day(practice: Practice):
    assert practice.invalid(SATURDAY, T(9), T(12)) == {
        "weekday": f"Saturday: {NORTH} is closed on Saturdays."
    }


def test_template_inside_hours_of_its_own_location(practice: Practice):
    # 07:30 is fine at North but South opens at 08:00.
    assert list(practice.invalid(TUESDAY, T(7, 30), T(9), "S02")) == ["start"]


def test_templates_of_one_therapist_may_not_overlap(practice: Practice):
    practice.add(TUESDAY, T(9), T(13))
    problems = practice.invalid(TUESDAY, T(12), T(16))
    assert problems == {
        "start": f"Tuesday: 12:00–16:00 overlaps this therapist's 09:00–13:00 at {NORTH} "
        "(from 2026-01-05)."
    }
    assert practice.add(TUESDAY, T(13), T(16))  # touching is fine
    assert practice.add(TUESDAY + 1, T(9), T(13))  # another weekday is fine


def test_overlap_at_another_location_is_refused(practice: Practice):
    practice.add(TUESDAY, T(9), T(13), "N01")
    problems = practice.invalid(TUESDAY, T(12), T(16), "S02")
    assert list(problems) == ["start"] and NORTH in problems["start"]
    assert practice.add(TUESDAY, T(13), T(16), "S02")


def test_overlap_only_counts_when_effective_dates_intersect(practice: Practice):
    practice.add(TUESDAY, T(9), T(13), effective_to=D(2026, 3, 31))
    assert list(practice.invalid(TUESDAY, T(10), T(12), effective_from=D(2026, 3, 31))) == ["start"]
    assert practice.add(TUESDAY, T(10), T(12), effective_from=D(2026, 4, 1))
    # An open-ended template clashes with everything after its start.
    assert list(practice.invalid(TUESDAY, T(11), T(14), effective_from=D(2030, 1, 1))) == ["start"]


def test_another_therapist_may_work_the_same_hours(database: Database, practice: Practice):
    practice.add(TUESDAY, T(9), T(13))
    other = staffing.create_therapist(
        database, boss(database), "Test Therapist Two", location_codes=["N01"]
    )
    assert staffing.add_template(
        database, boss(database), other.id, "N01", TUESDAY, T(9), T(13), FROM
    )


def test_templates_need_an_active_therapist_and_admin_rights(
    database: Database, practice: Practice
):
    t = practice.therapist
    with pytest.raises(PermissionDenied):
        staffing.add_template(database, desk(database), t.id, "N01", TUESDAY, T(9), T(10), FROM)
    with pytest.raises(NotFound):
        staffing.add_template(database, boss(database), 999, "N01", TUESDAY, T(9), T(10), FROM)
    staffing.deactivate_therapist(database, boss(database), t.id, t.version)
    assert list(practice.invalid(TUESDAY, T(9), T(10))) == ["therapist"]


def test_update_template(database: Database, practice: Practice):
    was = practice.add(TUESDAY, T(9), T(12))
    practice.add(TUESDAY, T(13), T(16), "S02")
    now = staffing.update_template(
        database, boss(database), was, replace(was, end=T(13))
    )  # own overlap
    assert now.end == T(13)
    assert audit_trail(database)[-1] == ("update", "availability_template", ["end"])
    with pytest.raises(StaleRecord):
        staffing.update_template(database, boss(database), was, replace(was, start=T(8)))
    with pytest.raises(Invalid) as exc:
        staffing.update_template(database, boss(database), now, replace(now, end=T(14)))
    assert list(exc.value.problems) == ["start"]
    with pytest.raises(Invalid) as exc:
        staffing.update_template(database, boss(database), now, replace(now, weekday=SATURDAY))
    assert list(exc.value.problems) == ["weekday"]
    with pytest.raises(Invalid) as exc:
        staffing.update_template(database, boss(database), now, replace(now, therapist_id=999))
    assert list(exc.value.problems) == ["therapist"]
    moved = staffing.update_template(
        database, boss(database), now, replace(now, location_code="s02", start=T(8), end=T(12))
    )
    assert moved.location_code == "S02"
    assert staffing.list_templates(database, desk(database), location_code="N01") == []


def test_remove_and_list_templates(database: Database, practice: Practice):
    first = practice.add(TUESDAY, T(9), T(12), effective_to=D(2026, 2, 28))
    second = practice.add(TUESDAY, T(9), T(12), "S02", effective_from=D(2026, 3, 1))
    assert staffing.list_templates(database, desk(database), on=D(2026, 2, 1)) == [first]
    assert staffing.list_templates(database, desk(database), on=D(2027, 2, 1)) == [second]
    assert staffing.list_templates(database, desk(database), on=D(2025, 2, 1)) == []
    staffing.remove_template(database, boss(database), first.id)
    assert staffing.list_templates(database, desk(database)) == [second]
    assert audit_trail(database)[-1] == ("delete", "availability_template", [])
    with pytest.raises(NotFound):
        staffing.remove_template(database, boss(database), first.id)
    with pytest.raises(PermissionDenied):
        staffing.remove_template(database, desk(database), second.id)


# --- time off -------------------------------------------------------------------------------

UTC = dt.UTC
NEW_YORK = ZoneInfo("America/New_York")


def test_time_off_add_list_remove(database: Database, practice: Practice):
    t = practice.therapist.id
    start = dt.datetime(2026, 3, 8, 9, tzinfo=NEW_YORK)  # the day the clocks go forward
    away = staffing.add_time_off(
        database, boss(database), t, start, start + dt.timedelta(hours=8), reason="Test course"
    )
    assert away.starts_at == dt.datetime(2026, 3, 8, 13, tzinfo=UTC)
    assert away.starts_at.tzinfo == UTC and away.ends_at.tzinfo == UTC
    day = dt.datetime(2026, 3, 8, tzinfo=UTC)
    assert staffing.list_time_off(database, desk(database), day, day + dt.timedelta(days=1)) == [
        away
    ]
    assert staffing.list_time_off(database, desk(database), day, away.starts_at) == []  # touching
    assert not staffing.list_time_off(database, desk(database), day, away.ends_at, therapist_id=99)
    staffing.remove_time_off(database, boss(database), away.id)
    assert count(database, TimeOff) == 0
    assert [a for a, e, _ in audit_trail(database) if e == "time_off"] == ["create", "delete"]
    with pytest.raises(NotFound):
        staffing.remove_time_off(database, boss(database), away.id)


def test_time_off_must_end_after_it_starts(database: Database, practice: Practice):
    t = practice.therapist.id
    start = dt.datetime(2026, 3, 9, 13, tzinfo=UTC)
    with pytest.raises(Invalid) as exc:
        staffing.add_time_off(database, boss(database), t, start, start)
    assert list(exc.value.problems) == ["ends_at"]
    assert count(database, TimeOff) == 0
    assert staffing.add_time_off(
        database, boss(database), t, start, start + dt.timedelta(minutes=1)
    )


def test_time_off_needs_aware_times(database: Database, practice: Practice):
    naive = dt.datetime(2026, 3, 9, 13)
    with pytest.raises(Invalid) as exc:
        staffing.add_time_off(
            database, boss(database), practice.therapist.id, naive, naive.replace(tzinfo=UTC)
        )
    assert list(exc.value.problems) == ["starts_at"]
    with pytest.raises(Invalid) as exc:
        staffing.list_time_off(database, desk(database), naive, naive + dt.timedelta(days=1))
    assert list(exc.value.problems) == ["start", "end"]
    assert count(database, TimeOff) == 0


def test_time_off_rights_and_unknown_therapist(database: Database, practice: Practice):
    start = dt.datetime(2026, 3, 9, 13, tzinfo=UTC)
    with pytest.raises(PermissionDenied):
        staffing.add_time_off(
            database, desk(database), practice.therapist.id, start, start + dt.timedelta(hours=1)
        )
    with pytest.raises(NotFound):
        staffing.add_time_off(database, boss(database), 999, start, start + dt.timedelta(hours=1))
    assert count(database, TimeOff) == 0
