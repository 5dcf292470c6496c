"""Every public service, on a database whose connection is killed or refused, raises
DatabaseUnavailable — never the driver's error, which the screen would show as a bug.

The services are found by introspection: a new public function of intake/services that
takes a Database fails this test until it has its call in CALLS below.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import shutil
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

import intake.demo
import intake.services
from intake.demo import data as demo_data
from intake.demo.practice import DemoOptions
from intake.domain.accounts import AuditQuery
from intake.domain.booking import BookingRequest, SlotRequest, WaitlistPreferences
from intake.domain.enums import CancelledBy, Role
from intake.domain.errors import DatabaseUnavailable, KnownError
from intake.domain.incoming import IncomingResponse, PatientHint
from intake.domain.patient import PatientDraft
from intake.domain.practice import DayHours
from intake.domain.review import QueueFilter, ReviewKey
from intake.domain.series import SeriesRequest
from intake.services import (
    accounts,
    audit_view,
    backup,
    booking,
    changes,
    database,
    desk_alerts,
    fhir_export,
    fhir_import,
    intakes,
    journal_key,
    logins,
    patient_merge,
    patient_record,
    patient_search,
    patients,
    practice_admin,
    review,
    schedule_view,
    schema,
    self_intake,
    series,
    slot_finder,
    staffing,
    startup,
    waitlist,
)
from intake.services.database import Database, open_database
from intake.settings import BackupSettings
from tests.conftest import BACKEND
from tests.db.practice import MONDAY, NOW, admin, build, desk, screened_intake

# Accepted by PostgreSQL's trust authentication in the test server, and full of the
# characters that once leaked: it must appear in no message.
PASSWORD = "p@ss:w/rd%41@x"
STRONG = "another-horse-battery-9"


@dataclass(frozen=True)
class World:
    """Real rows to name, read while the database was still alive."""

    practice: Any
    intake_id: int
    intake_version: int
    visit: Any
    outcome: Any
    account: Any
    account_actor: Any
    location: Any
    kind: Any
    template: Any
    closure_id: int
    time_off_id: int
    entry: Any
    therapist: Any
    patient: Any
    admin: Any  # signed in, as the screens' actors are
    desk: Any
    course: Any  # a booked plan-of-care series


def _backup_key_home(tmp: Path) -> Path:
    """A data folder holding a backup key (set up once per test)."""
    home = tmp / "backup-home"
    if backup.load_key(home) is None:
        home.mkdir(exist_ok=True)
        backup.set_up_key(home, STRONG)
    return home


def _backup_key(tmp: Path) -> Any:
    key = backup.load_key(_backup_key_home(tmp))
    assert key is not None
    return key


def _backup_folder(tmp: Path) -> Path:
    folder = tmp / "backups"
    folder.mkdir(exist_ok=True)
    return folder


def _calls(w: World, tmp: Path) -> dict[str, Callable[[Database], object]]:
    p = w.practice
    draft = PatientDraft("Testcase9", "Sample9", dt.date(1981, 2, 3), "other")
    visit, entry = w.visit, w.entry
    key = ReviewKey(w.intake_id, w.intake_version, visit.id, visit.version)
    request = BookingRequest(
        p.patients[1], p.ann, p.east, visit.start + dt.timedelta(hours=1), "FU45"
    )
    postgres_only: dict[str, Callable[[Database], object]] = {
        "logins.open_as": lambda db: logins.open_as(db, "desk9", STRONG, "pc"),
        "logins.check_password": lambda db: logins.check_password(db, "desk9", STRONG, "pc"),
        "logins.use_password": lambda db: (
            logins.use_password(db, "desk9@x", STRONG),
            accounts.verify_actor(db, w.account_actor),
        ),
    }
    return {
        **(postgres_only if BACKEND == "postgresql" else {}),
        "accounts.locked_until": lambda db: accounts.locked_until(db, w.account_actor),
        "accounts.must_change_password": lambda db: accounts.must_change_password(
            db, w.account_actor
        ),
        "accounts.sign_in": lambda db: accounts.sign_in(db, "desk9", STRONG),
        "accounts.verify_actor": lambda db: accounts.verify_actor(db, w.account_actor),
        "accounts.needs_first_admin": lambda db: accounts.needs_first_admin(db),
        "accounts.create_first_admin": lambda db: accounts.create_first_admin(
            db, "boss9", "Boss Nine", STRONG
        ),
        "accounts.change_password": lambda db: accounts.change_password(
            db, w.account_actor, STRONG, STRONG + "x"
        ),
        "accounts.list_accounts": lambda db: accounts.list_accounts(db, w.admin),
        "accounts.create_account": lambda db: accounts.create_account(
            db, w.admin, "desk10", "Desk Ten", Role.FRONT_DESK, STRONG
        ),
        "accounts.update_account": lambda db: accounts.update_account(
            db, w.admin, w.account.id, w.account.version, display_name="Desk Nine B"
        ),
        "accounts.deactivate_account": lambda db: accounts.deactivate_account(
            db, w.admin, w.account.id, w.account.version
        ),
        "accounts.reset_password": lambda db: accounts.reset_password(
            db, w.admin, w.account.id, w.account.version, STRONG + "y"
        ),
        "accounts.unlock_account": lambda db: accounts.unlock_account(
            db, w.admin, w.account.id, w.account.version
        ),
        "fhir_export.read_for_export": lambda db: fhir_export.read_for_export(db, w.admin),
        "fhir_import.import_responses": lambda db: fhir_import.import_responses(
            db,
            w.admin,
            [
                IncomingResponse(
                    "response 1", "neck-headache", "1", {"pain_now": 4}, PatientHint(w.patient.mrn)
                )
            ],
        ),
        "fhir_export.write_export": lambda db: fhir_export.write_export(
            db, w.admin, tmp / "fhir", base_url="https://fhir.test/r4", practice_name="P"
        ),
        "fhir_export.save_patient_bundle": lambda db: fhir_export.save_patient_bundle(
            db,
            w.admin,
            p.patients[0],
            tmp / "patient.json",
            base_url="https://fhir.test/r4",
            practice_name="P",
        ),
        "audit_view.search": lambda db: audit_view.search(db, w.admin, AuditQuery()),
        "audit_view.choices": lambda db: audit_view.choices(db, w.admin),
        "audit_view.export_csv": lambda db: audit_view.export_csv(
            db, w.admin, AuditQuery(), tmp / "audit.csv"
        ),
        "booking.book": lambda db: booking.book(db, w.desk, request, now=NOW),
        "booking.reschedule": lambda db: booking.reschedule(
            db,
            w.desk,
            visit.id,
            visit.version,
            therapist_id=p.ann,
            location_id=p.east,
            start=request.start,
            now=NOW,
        ),
        "booking.cancel": lambda db: booking.cancel(
            db, w.desk, visit.id, visit.version, "ill", by=CancelledBy.PATIENT, now=NOW
        ),
        "booking.check_in": lambda db: booking.check_in(db, w.desk, visit.id, visit.version),
        "booking.complete": lambda db: booking.complete(db, w.desk, visit.id, visit.version),
        "booking.no_show": lambda db: booking.no_show(
            db, w.desk, visit.id, visit.version, now=visit.start
        ),
        "booking.undo_no_show": lambda db: booking.undo_no_show(
            db, w.desk, visit.id, visit.version, now=visit.start
        ),
        "booking.get_visit": lambda db: booking.get_visit(db, w.desk, visit.id),
        "booking.patient_language": lambda db: booking.patient_language(
            db, w.desk, visit.patient_id
        ),
        "series.propose": lambda db: series.propose(db, w.desk, _course(p), now=NOW),
        "series.book": lambda db: series.book(
            db, w.desk, series.propose(db, w.desk, _course(p), now=NOW), now=NOW
        ),
        "series.visits": lambda db: series.visits(db, w.desk, w.course.series_id),
        "series.cancel_rest": lambda db: series.cancel_rest(
            db, w.desk, (v := w.course.visits[0]).id, v.version, "ill", by=CancelledBy.PATIENT
        ),
        "series.propose_move_rest": lambda db: series.propose_move_rest(
            db, w.desk, w.course.visits[0].id, ((3, dt.time(10)),), first_day=MONDAY, now=NOW
        ),
        "series.move_rest": lambda db: series.move_rest(
            db,
            w.desk,
            series.propose_move_rest(
                db, w.desk, w.course.visits[0].id, ((3, dt.time(10)),), first_day=MONDAY, now=NOW
            ),
            now=NOW,
        ),
        "changes.watch": _watch,
        "database.ensure_schema": lambda db: database.ensure_schema(db),
        "demo.data.is_empty": lambda db: demo_data.is_empty(db),
        "demo.data.fill": lambda db: demo_data.fill(
            db, DemoOptions(patients=20, days_back=1, days_ahead=2)
        ),
        "demo.data.fill_if_empty": lambda db: demo_data.fill_if_empty(db, 20),
        "intakes.save": lambda db: intakes.save(
            db, w.desk, {"pain_now": 4}, patient_id=p.patients[2]
        ),
        "intakes.save_draft": lambda db: intakes.save_draft(db, w.desk, {"pain_now": 4}),
        "intakes.submit": lambda db: intakes.submit(
            db, w.desk, w.intake_id, w.intake_version, {"pain_now": 4}
        ),
        "intakes.get": lambda db: intakes.get(db, w.desk, w.intake_id),
        "intakes.list_unfinished": lambda db: intakes.list_unfinished(db, w.desk),
        "intakes.for_booking": lambda db: intakes.for_booking(db, w.desk, p.patients[0]),
        "intakes.close_as_referral": lambda db: intakes.close_as_referral(
            db, w.desk, {"rf_neuro_deficit": True}, patient_id=p.patients[2]
        ),
        "intakes.discard": lambda db: intakes.discard(
            db, w.desk, w.intake_id, w.intake_version, "Entered twice"
        ),
        "self_intake.identify": lambda db: self_intake.identify(
            db, w.desk, "Testcase", "Sample", dt.date(1970, 1, 1)
        ),
        "self_intake.location_id": lambda db: self_intake.location_id(db, w.desk, "EAST"),
        "self_intake.save_draft": lambda db: self_intake.save_draft(
            db, w.desk, {"pain_now": 4}, patient_id=p.patients[2]
        ),
        "self_intake.alert_desk": lambda db: self_intake.alert_desk(
            db, w.desk, p.patients[2], {"rf_neuro_deficit": True}, location_id=p.east
        ),
        "self_intake.start_on_tablet": lambda db: self_intake.start_on_tablet(
            db, w.desk, p.patients[2]
        ),
        "self_intake.ready_for_tablet": lambda db: self_intake.ready_for_tablet(db, w.desk),
        "self_intake.tablet_locations": lambda db: self_intake.tablet_locations(db, w.desk),
        "desk_alerts.open_alerts": lambda db: desk_alerts.open_alerts(db, w.desk),
        "desk_alerts.acknowledge": lambda db: desk_alerts.acknowledge(db, w.desk, 1),
        "desk_alerts.watch": _watch_alerts,
        "patient_search.search": lambda db: patient_search.search(db, w.desk, "testcase"),
        "patient_merge.preview": lambda db: patient_merge.preview(
            db, w.admin, p.patients[2], p.patients[3]
        ),
        "patient_merge.merge": lambda db: patient_merge.merge(
            db, w.admin, p.patients[2], p.patients[3], {}, (2, 2)
        ),
        "patient_merge.undo": lambda db: patient_merge.undo(db, w.admin, 1),
        "patient_merge.merges": lambda db: patient_merge.merges(db, w.admin),
        "patients.register": lambda db: patients.register(db, w.desk, draft),
        "patients.update": lambda db: patients.update(
            db, w.desk, w.patient.id, w.patient.version, draft
        ),
        "patients.get": lambda db: patients.get(db, w.desk, w.patient.id),
        "patients.duplicates": lambda db: patients.duplicates(db, w.desk, draft),
        "patient_record.overview": lambda db: patient_record.overview(db, w.desk, w.patient.id),
        "practice_admin.list_locations": lambda db: practice_admin.list_locations(db, w.admin),
        "practice_admin.get_location": lambda db: practice_admin.get_location(db, w.admin, "EAST"),
        "practice_admin.create_location": lambda db: practice_admin.create_location(
            db, w.admin, "NORTH", "Test Site North", "America/New_York"
        ),
        "practice_admin.update_location": lambda db: practice_admin.update_location(
            db, w.admin, "EAST", w.location.version, name="Test Site East B"
        ),
        "practice_admin.deactivate_location": lambda db: practice_admin.deactivate_location(
            db, w.admin, "EAST", w.location.version
        ),
        "practice_admin.set_opening_hours": lambda db: practice_admin.set_opening_hours(
            db, w.admin, "EAST", w.location.version, {0: DayHours(dt.time(9), dt.time(17))}
        ),
        "practice_admin.add_closure": lambda db: practice_admin.add_closure(
            db, w.admin, "EAST", MONDAY, MONDAY, reason="test"
        ),
        "practice_admin.remove_closure": lambda db: practice_admin.remove_closure(
            db, w.admin, w.closure_id
        ),
        "practice_admin.list_closures": lambda db: practice_admin.list_closures(
            db, w.admin, MONDAY, MONDAY + dt.timedelta(days=30)
        ),
        "practice_admin.list_appointment_types": lambda db: practice_admin.list_appointment_types(
            db, w.admin
        ),
        "practice_admin.get_appointment_type": lambda db: practice_admin.get_appointment_type(
            db, w.admin, "FU45"
        ),
        "practice_admin.create_appointment_type": (
            lambda db: practice_admin.create_appointment_type(db, w.admin, "FU30", "Short", 30)
        ),
        "practice_admin.update_appointment_type": (
            lambda db: practice_admin.update_appointment_type(
                db, w.admin, w.kind, replace(w.kind, name="Follow-up B")
            )
        ),
        "practice_admin.deactivate_appointment_type": (
            lambda db: practice_admin.deactivate_appointment_type(db, w.admin, "FU45")
        ),
        "review.queue_options": lambda db: review.queue_options(db, w.desk),
        "review.review_queue": lambda db: review.review_queue(
            db, w.admin, QueueFilter(MONDAY, MONDAY + dt.timedelta(days=7))
        ),
        "review.open_review": lambda db: review.open_review(db, w.admin, w.intake_id),
        "review.mark_reviewed": lambda db: review.mark_reviewed(db, w.admin, key, now=NOW),
        "review.return_to_front_desk": lambda db: review.return_to_front_desk(
            db, w.admin, key, "Call them.", now=NOW
        ),
        "review.returned_intakes": lambda db: review.returned_intakes(db, w.desk, now=NOW),
        "review.open_referrals": lambda db: review.open_referrals(db, w.admin),
        "schedule_view.location_day": lambda db: schedule_view.location_day(
            db, w.desk, p.east, MONDAY
        ),
        "schedule_view.therapist_week": lambda db: schedule_view.therapist_week(
            db, w.desk, p.ann, MONDAY
        ),
        "schedule_view.waitlist_matches": lambda db: schedule_view.waitlist_matches(
            db, w.desk, replace(w.outcome, waitlist=(entry,)), now=NOW
        ),
        "backup.make_backup": lambda db: backup.make_backup(
            db, _backup_folder(tmp), _backup_key(tmp), "practice"
        ),
        "backup.automatic": lambda db: backup.automatic(
            db, _backup_key_home(tmp), BackupSettings(_backup_folder(tmp)), min_age_hours=0
        ),
        "schema.report": lambda db: schema.report(db, compare_models=True),
        "schema.upgrade": lambda db: schema.upgrade(db),
        "schema.downgrade": lambda db: schema.downgrade(db, "base"),
        "slot_finder.find": lambda db: slot_finder.find(
            db, w.desk, SlotRequest(first_day=MONDAY, earliest=NOW, limit=3)
        ),
        "staffing.list_therapists": lambda db: staffing.list_therapists(db, w.admin),
        "staffing.get_therapist": lambda db: staffing.get_therapist(db, w.admin, p.ann),
        "staffing.create_therapist": lambda db: staffing.create_therapist(
            db, w.admin, "Cid Testfield", location_codes=["EAST"]
        ),
        "staffing.update_therapist": lambda db: staffing.update_therapist(
            db, w.admin, p.ann, w.therapist.version, credentials="PT"
        ),
        "staffing.deactivate_therapist": lambda db: staffing.deactivate_therapist(
            db, w.admin, p.ann, w.therapist.version
        ),
        "staffing.assign_locations": lambda db: staffing.assign_locations(
            db, w.admin, p.ann, w.therapist.version, ["EAST", "WEST"]
        ),
        "staffing.list_templates": lambda db: staffing.list_templates(db, w.admin),
        "staffing.add_template": lambda db: staffing.add_template(
            db, w.admin, p.ann, "EAST", 5, dt.time(8), dt.time(12), MONDAY
        ),
        "staffing.update_template": lambda db: staffing.update_template(
            db, w.admin, w.template, replace(w.template, end=dt.time(11))
        ),
        "staffing.remove_template": lambda db: staffing.remove_template(db, w.admin, w.template.id),
        "staffing.add_time_off": lambda db: staffing.add_time_off(
            db, w.admin, p.ann, NOW + dt.timedelta(days=20), NOW + dt.timedelta(days=21)
        ),
        "staffing.remove_time_off": lambda db: staffing.remove_time_off(db, w.admin, w.time_off_id),
        "staffing.list_time_off": lambda db: staffing.list_time_off(
            db, w.admin, NOW, NOW + dt.timedelta(days=60)
        ),
        "startup.journal_folder": lambda db: startup.journal_folder(db),
        "journal_key.journal_key": lambda db: journal_key.journal_key(db, w.desk),
        "waitlist.add": lambda db: waitlist.add(
            db, w.desk, p.patients[3], WaitlistPreferences(), type_code="FU45"
        ),
        "waitlist.waiting": lambda db: waitlist.waiting(db, w.desk),
        "waitlist.offer": lambda db: waitlist.offer(db, w.desk, entry.id, entry.version),
        "waitlist.remove": lambda db: waitlist.remove(
            db, w.desk, entry.id, entry.version, "Found a slot elsewhere"
        ),
        "waitlist.update": lambda db: waitlist.update(
            db, w.desk, entry.id, entry.version, WaitlistPreferences(weekdays=(0,)), note="Mornings"
        ),
        "waitlist.listed": lambda db: waitlist.listed(db, w.desk),
        "waitlist.prospect": lambda db: waitlist.prospect(
            db, w.desk, p.patients[3], None, type_code="FU45"
        ),
    }


# Services that never touch the database's connection (or handle its loss themselves):
# they must simply not raise.
NO_QUERY = {
    "startup.journal_folder",  # a folder named from the masked address
    "changes.watch",  # its own connection, retried in its thread (tests/db/test_live_refresh)
    "desk_alerts.watch",  # the same feed as changes.watch, on its own channel
}
# On SQLite a backup reads the file with SQLite's own backup API, not through the pool, so a
# pooled connection closed under it changes nothing; a missing file is still tried ("refused").
OWN_CONNECTION_ON_SQLITE = {"backup.make_backup", "backup.automatic"}


def _watch_alerts(db: Database) -> object:
    feed = desk_alerts.watch(db, lambda: None)
    feed.stop()
    return feed


def _watch(db: Database) -> object:
    feed = changes.watch(db, lambda _change: None)
    feed.stop()
    return feed


# Sign-in plumbing that exists only where signing in is logging in to the server.
POSTGRES_ONLY = frozenset({"logins.open_as", "logins.check_password", "logins.use_password"})


def public_services() -> list[str]:
    """module.function for every public function of intake/services (and of the demo loader,
    demo.data) given a Database."""
    found = []
    for package, prefix in ((intake.services, ""), (intake.demo, "demo.")):
        found += [prefix + name for name in _taking_a_database(package)]
    return sorted(name for name in found if BACKEND == "postgresql" or name not in POSTGRES_ONLY)


def _taking_a_database(package: Any) -> list[str]:
    found = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value):
                continue
            if value.__module__ != module.__name__:
                continue
            parameters = inspect.signature(value).parameters.values()
            if any(str(p.annotation).startswith("Database") for p in parameters):
                found.append(f"{info.name}.{name}")
    return found


SERVICES = public_services()


def test_every_public_service_has_its_call(world, tmp_path):  # type: ignore[no-untyped-def]
    w = world
    assert sorted(_calls(w, tmp_path)) == SERVICES  # a new service needs its line in CALLS


@pytest.fixture(scope="module")
def world_url(postgres, tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    """One database for the whole module (the calls below never commit), filled once."""
    if postgres is None:
        url = f"sqlite+pysqlite:///{tmp_path_factory.mktemp('loss') / 'intake.sqlite3'}"
    else:
        plain = make_url(postgres.create(template=postgres.template))
        url = (
            f"postgresql+psycopg://{plain.username}:{PASSWORD}@{plain.host}:{plain.port}/"
            f"{plain.database}"
        )
    return url


@pytest.fixture(scope="module")
def world(world_url: str) -> World:
    from argon2 import PasswordHasher

    hasher, accounts.HASHER = (
        accounts.HASHER,
        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
    )
    db = open_database(world_url)
    try:
        ADMIN, DESK = admin(db), desk(db)
        p = build(db)
        intake_id = screened_intake(db, p.patients[0])
        slot = slot_finder.find(db, DESK, SlotRequest(first_day=MONDAY, earliest=NOW, limit=1))[0]
        visit = booking.book(
            db,
            DESK,
            BookingRequest(
                p.patients[0], slot.therapist_id, slot.location_id, slot.start, "EVAL60", intake_id
            ),
            now=NOW,
        )
        other = booking.book(
            db,
            DESK,
            BookingRequest(p.patients[1], p.ben, p.west, MONDAY_AT(9, "America/Chicago"), "FU45"),
            now=NOW,
        )
        outcome = booking.cancel(
            db, DESK, other.id, other.version, "test", by=CancelledBy.PATIENT, now=NOW
        )
        account = accounts.create_account(db, ADMIN, "desk9", "Desk Nine", Role.FRONT_DESK, STRONG)
        actor = accounts.sign_in(db, "desk9", STRONG)
        template = staffing.list_templates(db, ADMIN, therapist_id=p.ann)[0]
        closure = practice_admin.add_closure(db, ADMIN, "WEST", MONDAY, MONDAY)
        time_off = staffing.add_time_off(
            db, ADMIN, p.ben, NOW + dt.timedelta(days=30), NOW + dt.timedelta(days=31)
        )
        entry = waitlist.add(db, DESK, p.patients[2], WaitlistPreferences(), type_code="FU45")
        return World(
            practice=p,
            intake_id=intake_id,
            intake_version=intakes.get(db, DESK, intake_id).version,
            visit=visit,
            outcome=outcome,
            account=account,
            account_actor=actor,
            location=practice_admin.get_location(db, ADMIN, "EAST"),
            kind=practice_admin.get_appointment_type(db, ADMIN, "FU45"),
            template=template,
            closure_id=closure.id,
            time_off_id=time_off.id,
            entry=entry,
            therapist=staffing.get_therapist(db, ADMIN, p.ann),
            patient=patients.get(db, DESK, p.patients[1]),
            admin=ADMIN,
            desk=DESK,
            course=series.book(db, DESK, series.propose(db, DESK, _course(p), now=NOW), now=NOW),
        )
    finally:
        db.close()
        accounts.HASHER = hasher


def _course(p: Any) -> SeriesRequest:
    """Two Wednesday visits at Ben's, from the test week on."""
    return SeriesRequest(p.patients[3], "FU45", p.west, p.ben, ((2, dt.time(10)),), MONDAY, count=2)


def MONDAY_AT(hour: int, zone: str) -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(MONDAY, dt.time(hour), ZoneInfo(zone)).astimezone(dt.UTC)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def killed(url: str) -> Iterator[Database]:
    """The database as it was, but every connection dies as its next statement is sent:
    PostgreSQL ends the server process (pg_terminate_backend from another connection);
    SQLite's connection is closed under the pool's feet."""
    db = open_database(url)
    admin = None
    if db.backend == "postgresql":
        import psycopg

        parsed = make_url(url.replace(PASSWORD, ""))
        admin = psycopg.connect(
            host=parsed.host,
            port=parsed.port,
            user=parsed.username,
            dbname=parsed.database,
            autocommit=True,
        )

    def kill(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        raw = conn.connection.dbapi_connection
        if admin is None:
            raw.close()
        else:  # wait (up to 5 s) until the server process has really gone
            admin.execute("SELECT pg_terminate_backend(%s, 5000)", (raw.info.backend_pid,))

    # Every engine, not only this Database's: signing in on PostgreSQL connects anew (the
    # gate, the person's own login), and those connections die the same way.
    event.listen(Engine, "before_cursor_execute", kill)
    try:
        yield db
    finally:
        event.remove(Engine, "before_cursor_execute", kill)
        db.close()
        if admin is not None:
            admin.close()


@contextmanager
def refused(url: str, tmp_path: Path) -> Iterator[Database]:
    """A server that refuses connections (a closed port), or a database file that cannot
    be opened (its folder replaced by a file)."""
    from intake.db.engine import create_database_engine

    if url.startswith("postgresql"):
        target = f"postgresql+psycopg://clinic:{PASSWORD}@127.0.0.1:{_free_port()}/intake"
        engine = create_database_engine(target)
    else:
        folder = tmp_path / "gone"
        engine = create_database_engine(f"sqlite+pysqlite:///{folder / 'intake.sqlite3'}")
        shutil.rmtree(folder)
        folder.write_text("not a folder any more")
    db = Database(engine)
    try:
        yield db
    finally:
        db.close()


@pytest.mark.parametrize("how", ["killed", "refused"])
@pytest.mark.parametrize("service", SERVICES)
def test_a_lost_database_is_a_known_error(service, how, world, world_url, tmp_path):  # type: ignore[no-untyped-def]
    call = _calls(world, tmp_path)[service]
    lost = killed(world_url) if how == "killed" else refused(world_url, tmp_path)
    with lost as db:
        if service in NO_QUERY or (
            how == "killed" and db.backend == "sqlite" and service in OWN_CONNECTION_ON_SQLITE
        ):
            call(db)
            return
        with pytest.raises(KnownError) as caught:
            call(db)
    assert isinstance(caught.value, DatabaseUnavailable), repr(caught.value)
    message = str(caught.value)
    for secret in (PASSWORD, "ss:w", "rd%41", "w/rd", "Testcase", "Sample"):
        assert secret not in message, message


def _drop_pooled_connections(database: Database) -> None:
    """End every server process of this database but the caller's (a server restart, or a
    firewall forgetting idle connections, as the PCs see it)."""
    import psycopg

    url = make_url(database.engine.url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database, autocommit=True
    ) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def test_a_connection_dropped_while_idle_is_replaced_unnoticed(database, monkeypatch):  # type: ignore[no-untyped-def]
    """A PC left alone while the server restarted books on as if nothing happened: a pooled
    connection idle for a while is pinged before use and replaced if it is gone."""
    if database.backend != "postgresql":
        pytest.skip("SQLite has no server to lose")
    from intake.db import engine as engine_module

    practice = build(database, patients_count=1)
    actor = desk(database)
    wanted = SlotRequest(first_day=MONDAY, days=7, type_code="FU45", limit=1, earliest=NOW)
    slot_finder.find(database, actor, wanted)
    _drop_pooled_connections(database)
    monkeypatch.setattr(engine_module, "POSTGRES_PING_AFTER_IDLE_S", 0.0)  # "a while" passed
    offer = slot_finder.find(database, actor, wanted)[0]
    visit = booking.book(
        database,
        actor,
        BookingRequest(
            practice.patients[0], offer.therapist_id, offer.location_id, offer.start, "FU45"
        ),
        now=NOW,
    )
    assert visit.start == offer.start


def test_a_connection_dropped_between_quick_calls_fails_once_then_reconnects(database):  # type: ignore[no-untyped-def]
    """Used a moment ago, a connection is not pinged (a round trip on every call): if the
    server dropped it since, that one call says the database was lost, and the next one
    connects afresh."""
    if database.backend != "postgresql":
        pytest.skip("SQLite has no server to lose")
    build(database, patients_count=1)
    actor = desk(database)
    wanted = SlotRequest(first_day=MONDAY, days=7, type_code="FU45", limit=1, earliest=NOW)
    slot_finder.find(database, actor, wanted)
    _drop_pooled_connections(database)
    with pytest.raises(DatabaseUnavailable):
        slot_finder.find(database, actor, wanted)
    assert slot_finder.find(database, actor, wanted)
