"""The audit trail: who, when, where, what, and field names only; append-only in the database;
read back by admins with filters and exported as CSV. Synthetic patients only."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from intake.db.models import AuditEvent, Patient
from intake.domain.accounts import AuditQuery
from intake.domain.booking import BookingRequest, SlotRequest
from intake.domain.enums import Role
from intake.domain.errors import Invalid, PermissionDenied
from intake.domain.patient import PatientDraft
from intake.services import audit_view, booking, intakes, patients, slot_finder
from tests.conftest import BACKEND
from tests.db.practice import MONDAY, NOW, admin, build, desk, screened_intake, signed_in

SECRET_DRAFT = PatientDraft(
    "Zyxtestfamily", "Qwtestgiven", dt.date(1961, 7, 23), "other", phone="555-0199-4321"
)
SECRETS = ("Zyxtestfamily", "Qwtestgiven", "1961-07-23", "555-0199-4321", "01994321")


def _events(database) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


@pytest.fixture
def flow(database):  # type: ignore[no-untyped-def]
    """Register, open, change a patient; take, open an intake; book: as the front desk."""
    practice = build(database, patients_count=1)
    patient = patients.register(database, desk(database), SECRET_DRAFT)
    patients.get(database, desk(database), patient.id)
    patients.update(
        database, desk(database), patient.id, patient.version, PatientDraft(**{
            **SECRET_DRAFT.__dict__, "email": "synthetic@example.invalid"})
    )  # fmt: skip
    intake_id = screened_intake(database, patient.id)
    intakes.get(database, desk(database), intake_id)
    slot = slot_finder.find(
        database, desk(database), SlotRequest(first_day=MONDAY, earliest=NOW, limit=1)
    )[0]
    booking.book(
        database,
        desk(database),
        BookingRequest(
            patient.id, slot.therapist_id, slot.location_id, slot.start, "EVAL60", intake_id
        ),
        now=NOW,
    )
    return practice, patient.id, intake_id


def test_each_step_is_in_the_trail_with_who_and_where(database, flow):
    _, patient_id, intake_id = flow
    mine = [e for e in _events(database) if e.patient_id == patient_id]
    steps = [(e.action, e.entity) for e in mine]
    assert steps == [
        ("create", "patient"),
        ("open", "patient"),
        ("update", "patient"),
        ("create", "intake"),
        ("submit", "intake"),
        ("open", "intake"),
        ("book", "appointment"),
    ]
    assert {(e.username, e.workstation) for e in mine} == {("desk-test", "test-pc")}
    assert all(e.occurred_at.tzinfo is not None for e in mine)
    update = mine[2]
    assert update.fields == ["email"]
    assert next(e for e in mine if e.action == "open" and e.entity == "intake").entity_id == (
        intake_id
    )


def test_the_trail_holds_field_names_never_values(database, flow):
    for event in _events(database):
        stored = repr((event.username, event.workstation, event.action, event.entity,
                       event.fields))  # fmt: skip
        for secret in SECRETS:
            assert secret not in stored
        assert all(name.replace("_", "").isalnum() for name in event.fields)


def test_practice_set_up_is_audited_as_the_admin(database, flow):
    events = [e for e in _events(database) if e.username == admin(database).username]
    entities = {e.entity for e in events}
    assert {"location", "appointment_type", "therapist", "availability_template"} <= entities
    assert {e.action for e in events} >= {"create", "update"}


# --- append-only, enforced by the database --------------------------------------------------


def _one_event(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_events (occurred_at, username, workstation, action, entity, "
                "fields) VALUES ('2026-01-01 00:00:00.000000', 'tester', 'pc', 'create', "
                "'patient', '[]')"
            )
        )
    engine.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'changed'",
        "UPDATE audit_events SET fields = '[\"x\"]' WHERE username = 'tester'",
        "DELETE FROM audit_events",
        "DELETE FROM audit_events WHERE username = 'tester'",
    ],
)
def test_raw_sql_cannot_change_or_remove_events(database_url: str, statement: str):
    _one_event(database_url)
    engine = create_engine(database_url)  # a plain engine: none of the program's settings
    with engine.connect() as connection:
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text(statement))
        connection.rollback()
        assert connection.scalar(text("SELECT action FROM audit_events")) == "create"
    engine.dispose()


@pytest.mark.skipif(BACKEND != "postgresql", reason="SQLite has no TRUNCATE")
def test_truncate_is_refused_on_postgresql(database_url: str):
    _one_event(database_url)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text("TRUNCATE audit_events"))
        connection.rollback()
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text("TRUNCATE audit_events CASCADE"))
        connection.rollback()
        assert connection.scalar(text("SELECT count(*) FROM audit_events")) == 1
    engine.dispose()


# --- the viewer -----------------------------------------------------------------------------


def test_the_viewer_filters_by_user_patient_action_and_time(database, flow):
    _, patient_id, _ = flow
    everything = audit_view.search(database, admin(database), AuditQuery(limit=1000))
    assert not everything.more
    times = [e.occurred_at for e in everything.entries]
    assert times == sorted(times, reverse=True)
    by_patient = audit_view.search(database, admin(database), AuditQuery(patient_id=patient_id))
    assert len(by_patient.entries) == 7
    with database.reading() as session:  # read aside: opening the record is audited
        record = session.get(Patient, patient_id).mrn
    by_record = audit_view.search(
        database, admin(database), AuditQuery(patient_record=f" {record.lower()} ")
    )
    assert by_record.entries == tuple(
        replace(e, patient_record=record) for e in by_patient.entries
    )  # the same events, each naming the record number people know
    opens = audit_view.search(
        database, admin(database), AuditQuery(patient_id=patient_id, action="open")
    )
    assert {e.entity for e in opens.entries} == {"patient", "intake"}
    desk = audit_view.search(database, admin(database), AuditQuery(username="desk-test"))
    assert desk.entries and {e.username for e in desk.entries} == {"desk-test"}
    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert audit_view.search(database, admin(database), AuditQuery(start=future)).entries == ()
    recent = audit_view.search(
        database, admin(database), AuditQuery(start=future - dt.timedelta(days=2), end=future)
    )
    assert len(recent.entries) == len(everything.entries)
    assert audit_view.search(database, admin(database), AuditQuery(limit=3)).more
    choices = audit_view.choices(database, admin(database))
    assert {"admin-test", "desk-test"} <= set(choices.usernames)
    assert {"create", "open", "book"} <= set(choices.actions)


def test_the_viewer_refuses_a_backwards_range(database):
    now = dt.datetime.now(dt.UTC)
    with pytest.raises(Invalid):
        audit_view.search(
            database, admin(database), AuditQuery(start=now, end=now - dt.timedelta(hours=1))
        )


@pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.THERAPIST])
def test_only_admins_read_the_trail(database, role: Role, tmp_path):
    someone = signed_in(database, role, username="someone", workstation="pc")
    with pytest.raises(PermissionDenied):
        audit_view.search(database, someone, AuditQuery())
    with pytest.raises(PermissionDenied):
        audit_view.export_csv(database, someone, AuditQuery(), tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_csv_export_holds_the_filtered_events_and_is_audited(database, flow, tmp_path):
    _, patient_id, _ = flow
    target = tmp_path / "audit.csv"
    count = audit_view.export_csv(
        database, admin(database), AuditQuery(patient_id=patient_id), target
    )
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert count == len(rows) == 7
    assert {row["patient_id"] for row in rows} == {str(patient_id)}
    assert rows[-1]["action"] == "create" and "family_name" in rows[-1]["fields"]
    body = target.read_text(encoding="utf-8")
    assert not any(secret in body for secret in SECRETS)
    exported = _events(database)[-1]
    assert (exported.action, exported.entity, exported.fields) == (
        "export",
        "audit_events",
        ["patient_id"],
    )
