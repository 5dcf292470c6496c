"""PostgreSQL is the trust boundary: each person signs in as their own login, and what each
role may do is decided by the database's grants, tried here over SQL as a staff login would
from `psql` (not through the program, whose checks a person at a PC can skip).

Runs on a server that checks passwords (SCRAM; tests/conftest.py `checked_postgres`).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, replace

import psycopg
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url

from intake.db.engine import without_login
from intake.db.models import AuditEvent, StaffUser
from intake.domain.accounts import SIGN_IN_REFUSED, SignInRefused
from intake.domain.enums import Role
from intake.domain.errors import Invalid, NotFound, PermissionDenied
from intake.domain.patient import PatientDraft
from intake.services import accounts, intakes, patients, self_intake
from intake.services.actor import SYSTEM
from intake.services.database import Database, open_database
from tests.conftest import _database_tests as database_tests

pytestmark = pytest.mark.backend("postgresql")

PASSWORDS = {
    "desk": "desk-pass-1",
    "ther": "ther-pass-1",
    "boss": "boss-pass-1",
    "tab": "tab-pass-1",
}
ROLES = {"desk": Role.FRONT_DESK, "ther": Role.THERAPIST, "boss": Role.ADMIN, "tab": Role.TABLET}


@dataclass
class Practice:
    url: str  # the IT person's (owner) address
    owner: Database
    name: str  # the database's name

    def pc(self) -> Database:
        """A clinic PC: the server and database, no login of its own."""
        return open_database(without_login(make_url(self.url)).render_as_string())

    def login(self, username: str) -> str:
        return f"{username}@{self.name}"

    def sql_as(self, username: str, password: str | None = None) -> psycopg.Connection:
        parsed = make_url(self.url)
        return psycopg.connect(
            host=parsed.host,
            port=parsed.port,
            dbname=self.name,
            user=self.login(username),
            password=password or PASSWORDS[username],
            autocommit=True,
        )


@pytest.fixture
def practice(checked_postgres, request) -> Iterator[Practice]:  # type: ignore[no-untyped-def]
    # Migrated here, not copied from a template: a copy does not inherit the database's
    # own grants (CONNECT, TEMPORARY), which the upgrade takes from PUBLIC.
    url = checked_postgres.create()
    database_tests.append(request.node.nodeid)
    owner = open_database(url)
    for name, role in ROLES.items():
        accounts.create_account(owner, SYSTEM, name, f"Test {name}", role, PASSWORDS[name])
    yield Practice(url, owner, make_url(url).database or "")
    owner.close()


def _audit(database: Database, action: str) -> list[AuditEvent]:
    with database.reading() as session:
        query = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        return list(session.scalars(query))


# --- signing in is logging in ----------------------------------------------------------------


def test_signing_in_connects_as_the_persons_own_login(practice):
    pc = practice.pc()
    try:
        assert pc.personal and "@" not in pc.display_url.split("//")[1].split("/")[0]
        actor = accounts.sign_in(pc, "desk", PASSWORDS["desk"], workstation="pc-1")
        assert (actor.username, actor.role) == ("desk", Role.FRONT_DESK)
        with pc.reading() as session:
            assert session.scalar(text("SELECT session_user")) == practice.login("desk")
    finally:
        pc.close()
    [event] = _audit(practice.owner, "sign_in")
    assert (event.db_login, event.username, event.workstation) == (
        practice.login("desk"),
        "desk",
        "pc-1",
    )


def test_a_wrong_password_and_an_unknown_name_get_the_same_sentence(practice):
    pc = practice.pc()
    try:
        with pytest.raises(SignInRefused) as wrong:
            accounts.sign_in(pc, "desk", "not-the-password")
        with pytest.raises(SignInRefused) as unknown:
            accounts.sign_in(pc, "nobody", "not-the-password")
    finally:
        pc.close()
    assert str(wrong.value) == str(unknown.value) == str(SIGN_IN_REFUSED)
    failed = _audit(practice.owner, "sign_in_failed")
    assert [(e.username, e.db_login) for e in failed] == [
        ("desk", "intake_gate"),
        ("(unknown)", "intake_gate"),
    ]


def test_five_wrong_passwords_lock_the_login_in_the_database(practice):
    pc = practice.pc()
    try:
        for _ in range(5):
            with pytest.raises(SignInRefused):
                accounts.sign_in(pc, "ther", "wrong-wrong")
        with pytest.raises(SignInRefused):  # the right password, while locked
            accounts.sign_in(pc, "ther", PASSWORDS["ther"])
        # Locked by the server, not the program: psql with the right password is refused.
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            practice.sql_as("ther").close()
        assert _audit(practice.owner, "sign_in_refused_locked")
        # Fifteen minutes on (the lock's end moved into the past): the gate lifts it.
        with practice.owner.writing() as session:
            session.execute(
                update(StaffUser)
                .where(StaffUser.username == "ther")
                .values(locked_until=text("now() - interval '1 second'"))
            )
        assert accounts.sign_in(pc, "ther", PASSWORDS["ther"]).username == "ther"
    finally:
        pc.close()


def test_four_wrong_then_the_right_one_starts_the_count_again(practice):
    pc = practice.pc()
    try:
        for _ in range(4):
            with pytest.raises(SignInRefused):
                accounts.sign_in(pc, "desk", "wrong-wrong")
        accounts.sign_in(pc, "desk", PASSWORDS["desk"])
        for _ in range(4):
            with pytest.raises(SignInRefused):
                accounts.sign_in(pc, "desk", "wrong-wrong")
        accounts.sign_in(pc, "desk", PASSWORDS["desk"])
    finally:
        pc.close()


def test_a_switched_off_account_cannot_log_in_at_all(practice):
    info = next(a for a in accounts.list_accounts(practice.owner, SYSTEM) if a.username == "desk")
    accounts.deactivate_account(practice.owner, SYSTEM, info.id, info.version)
    pc = practice.pc()
    try:
        with pytest.raises(SignInRefused):
            accounts.sign_in(pc, "desk", PASSWORDS["desk"])
    finally:
        pc.close()
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        practice.sql_as("desk").close()


def test_changing_ones_password_changes_the_login_and_keeps_working(practice):
    pc = practice.pc()
    try:
        actor = accounts.sign_in(pc, "desk", PASSWORDS["desk"])
        with pytest.raises(Invalid) as wrong:
            accounts.change_password(pc, actor, "not-mine-at-all", "brand-new-pass-2")
        assert "current_password" in wrong.value.problems
        accounts.change_password(pc, actor, PASSWORDS["desk"], "brand-new-pass-2")
        pc.engine.dispose()  # every new connection now needs the new password
        assert not accounts.must_change_password(pc, actor)
    finally:
        pc.close()
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        practice.sql_as("desk").close()
    practice.sql_as("desk", "brand-new-pass-2").close()


def test_an_admin_reset_forces_a_new_password_at_the_next_sign_in(practice):
    pc = practice.pc()
    try:
        boss = accounts.sign_in(pc, "boss", PASSWORDS["boss"])
        info = next(a for a in accounts.list_accounts(pc, boss) if a.username == "desk")
        accounts.reset_password(pc, boss, info.id, info.version, "one-time-pass-3")
    finally:
        pc.close()
    desk_pc = practice.pc()
    try:
        desk = accounts.sign_in(desk_pc, "desk", "one-time-pass-3")
        assert accounts.must_change_password(desk_pc, desk)
        # Clearing the flag without a new password is refused by the database itself.
        with (
            practice.sql_as("desk", "one-time-pass-3") as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute(
                "UPDATE staff_users SET must_change_password = false WHERE db_login = session_user"
            )
        accounts.change_password(desk_pc, desk, "one-time-pass-3", "my-own-pass-4")
        assert not accounts.must_change_password(desk_pc, desk)
    finally:
        desk_pc.close()


def test_who_acts_is_the_login_not_what_the_screen_says(practice):
    pc = practice.pc()
    try:
        desk = accounts.sign_in(pc, "desk", PASSWORDS["desk"])
        forged = replace(desk, role=Role.ADMIN)
        with pytest.raises(PermissionDenied):
            accounts.create_account(pc, forged, "evil", "Evil", Role.ADMIN, "evil-pass-99")
    finally:
        pc.close()
    assert "evil" not in {a.username for a in accounts.list_accounts(practice.owner, SYSTEM)}


def test_the_database_stamps_who_and_when_on_every_audit_row(practice):
    with practice.sql_as("desk") as conn:
        conn.execute(
            "INSERT INTO audit_events (occurred_at, user_id, username, workstation, action, "
            "entity, fields) VALUES ('2001-01-01', NULL, 'boss', 'pc-9', 'forged', 'x', '[]')"
        )
        server_now = conn.execute("SELECT now()").fetchone()[0]  # type: ignore[index]
    [row] = _audit(practice.owner, "forged")
    assert (row.username, row.db_login, row.workstation) == ("desk", practice.login("desk"), "pc-9")
    assert abs((row.occurred_at - server_now).total_seconds()) < 60


def test_a_login_name_with_quotes_or_sql_is_refused_with_a_sentence(practice):
    for name in ('ann"; DROP TABLE patients; --', "ann smith", "o'brien", "x" * 41):
        with pytest.raises(Invalid) as caught:
            accounts.create_account(
                practice.owner, SYSTEM, name, "Test", Role.FRONT_DESK, "pass-word-77"
            )
        assert "user name" in str(caught.value.problems["username"])


# --- the grants, over SQL, as each role's login ----------------------------------------------

ALLOWED = {"desk": "F", "ther": "T", "boss": "A", "tab": "K"}
# statement -> which logins may run it (F front desk, T therapist, A admin, K the waiting-room
# tablet); the others must be refused by the database.
MATRIX: list[tuple[str, str]] = [
    # The tablet: no patient, appointment or alert is readable; it identifies through the
    # definer function (an id or NULL), writes its drafts (rows: see the test below), raises
    # alerts and reads the few tables a sign-in needs.
    ("SELECT count(*) FROM appointments", "FTA"),
    ("SELECT count(*) FROM patient_search_keys", "FTA"),
    ("SELECT patient_id, message FROM desk_alerts", "FTA"),  # RETURNING id only
    ("SELECT intake_identify_patient('x', 'y', '2000-01-01')", "FTAK"),
    (
        "INSERT INTO desk_alerts (location_id, patient_id, triage, rule_ids, message, created_at)"
        " SELECT 1, 1, 'refer', 'x', 'x', now() WHERE false",
        "FTAK",
    ),
    ("UPDATE intakes SET submitted_at = submitted_at WHERE false", "FTA"),
    ("UPDATE intakes SET status = status WHERE false", "FTA"),
    ("UPDATE intakes SET answers = answers WHERE false", "FTAK"),
    ("SELECT count(*) FROM locations", "FTAK"),
    ("SELECT count(*) FROM therapists", "FTA"),
    ("SELECT count(*) FROM patients", "FTA"),
    ("INSERT INTO appointments SELECT * FROM appointments WHERE false", "FTA"),
    ("UPDATE patients SET given_name = given_name WHERE false", "FTA"),
    ("UPDATE intakes SET reviewed_at = reviewed_at WHERE false", "TA"),
    ("UPDATE intakes SET patient_language = patient_language WHERE false", "FTAK"),
    ("UPDATE locations SET name = name WHERE false", "A"),
    ("INSERT INTO therapists SELECT * FROM therapists WHERE false", "A"),
    ("SELECT count(*) FROM audit_events", "A"),
    ("SELECT merged_into_id FROM patients", "FTA"),
    ("SELECT count(*) FROM patient_merges", "A"),
    ("UPDATE patient_merges SET undone_at = undone_at WHERE false", "A"),
    ("UPDATE patient_merges SET taken = taken WHERE false", ""),
    ("DELETE FROM patient_merges WHERE false", ""),
    ("INSERT INTO appointment_series SELECT * FROM appointment_series WHERE false", "FTA"),
    ("UPDATE appointment_series SET rule = rule WHERE false", ""),
    ("DELETE FROM appointment_series WHERE false", ""),
    ("SELECT password_hash FROM staff_users", ""),
    ("SELECT count(*) FROM journal_key", "FTAK"),
    ("UPDATE journal_key SET key = key WHERE false", ""),
    ("SELECT program_version FROM schema_requirement", "FTAK"),  # read after each sign-in
    ("UPDATE schema_requirement SET program_version = '9.9' WHERE false", ""),
    ("UPDATE staff_users SET role = 'admin' WHERE db_login = session_user", "A"),
    ("UPDATE audit_events SET action = action WHERE false", ""),
    ("DELETE FROM audit_events WHERE false", ""),
    ("TRUNCATE audit_events", ""),
    ("DELETE FROM patients WHERE false", ""),
    ("ALTER TABLE patients ADD COLUMN note text", ""),
    ("ALTER TABLE appointments DISABLE TRIGGER ALL", ""),
    ("DROP TABLE appointments", ""),
    ("CREATE TABLE stolen (x int)", ""),
    ("CREATE TEMPORARY TABLE stolen (x int)", ""),
    ("SELECT intake_sign_in_failed('boss', 'pc')", ""),
    ("SET ROLE postgres", ""),
    ("ALTER ROLE CURRENT_USER CREATEROLE", ""),
]


@pytest.mark.parametrize("who", list(ALLOWED))
def test_each_role_may_run_exactly_its_statements(practice, who):
    groups = {
        kind: practice.owner.engine.connect()
        .execute(text("SELECT intake_group_role(:k)"), {"k": kind})
        .scalar_one()
        for kind in ("admin", "therapist")
    }
    statements = [
        *MATRIX,
        (f'GRANT "{groups["admin"]}" TO CURRENT_USER', ""),
        (f'SET ROLE "{groups["admin"]}"', "A"),
    ]
    outcome = {}
    with practice.sql_as(who) as conn:
        for statement, _ in statements:
            try:
                with conn.transaction():
                    conn.execute(statement)
                    raise _Undo()
            except _Undo:
                outcome[statement] = True
            except psycopg.errors.InsufficientPrivilege:
                outcome[statement] = False
    expected = {statement: ALLOWED[who] in allowed for statement, allowed in statements}
    assert outcome == expected


class _Undo(Exception):
    """Roll back a statement that was allowed: the matrix changes nothing."""


def test_the_tablet_login_sees_and_changes_only_its_own_drafts(practice):
    """Row-level security on intakes: a desk intake is invisible to the tablet's login, and
    nothing it writes can become a desk intake or a submitted one."""
    draft = PatientDraft("Rlstest", "Sample", dt.date(1981, 3, 4), "other")
    patient = patients.register(practice.owner, SYSTEM, draft)
    at_desk = intakes.save_draft(practice.owner, SYSTEM, {}, patient_id=patient.id)
    pc = practice.pc()
    try:
        tablet = accounts.sign_in(pc, "tab", PASSWORDS["tab"], workstation="tablet")
        found = self_intake.identify(pc, tablet, "SAMPLE", "rlstest", dt.date(1981, 3, 4))
        assert found == patient.id
        own = self_intake.save_draft(pc, tablet, {}, patient_id=found)
        with pytest.raises(NotFound):  # a desk intake is not reachable from the tablet
            self_intake.save_draft(pc, tablet, {}, intake_id=at_desk.id, version=1)
    finally:
        pc.close()
    with practice.sql_as("tab") as conn:
        rows = conn.execute("SELECT id, source FROM intakes ORDER BY id").fetchall()
        assert rows == [(own.id, "tablet")]
        changed = conn.execute("UPDATE intakes SET answers = '{}' WHERE id = %s", [at_desk.id])
        assert changed.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE intakes SET source = 'desk' WHERE id = %s", [own.id])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO intakes (checklist_id, checklist_version, answers, source) "
                "VALUES ('x', '1', '{}', 'desk')"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT given_name FROM patients")


def test_the_tablet_greets_only_the_patient_the_desk_handed_it_to(practice):
    """The welcome page's "Ready for: Sample H." comes from a definer function: the tablet's
    login reads no patient, and the function answers only for a fresh handover."""
    handed = patients.register(
        practice.owner, SYSTEM, PatientDraft("Handed", "Sample", dt.date(1982, 5, 6), "other")
    )
    other = patients.register(
        practice.owner, SYSTEM, PatientDraft("Nothanded", "Sample", dt.date(1983, 7, 8), "other")
    )
    pc = practice.pc()
    try:
        desk_pc = accounts.sign_in(pc, "desk", PASSWORDS["desk"], workstation="desk")
        self_intake.start_on_tablet(pc, desk_pc, handed.id)
    finally:
        pc.close()
    tablet_pc = practice.pc()
    try:
        tablet = accounts.sign_in(tablet_pc, "tab", PASSWORDS["tab"], workstation="tablet")
        ready = self_intake.ready_for_tablet(tablet_pc, tablet)
        assert ready is not None and ready.patient_id == handed.id
        assert ready.label == "Sample H."  # first name, family initial
    finally:
        tablet_pc.close()
    with practice.sql_as("tab") as conn:
        greeting = "SELECT intake_tablet_greeting(%s)"
        assert conn.execute(greeting, [handed.id]).fetchone() == ("Sample H.",)
        assert conn.execute(greeting, [other.id]).fetchone() == (None,)  # no handover: nothing


def test_a_front_desk_login_cannot_store_a_language_the_program_does_not_know(practice):
    """The database guards the codes (0012), whoever writes: here psql-style, as the desk."""
    pc = practice.pc()
    try:
        desk = accounts.sign_in(pc, "desk", PASSWORDS["desk"], workstation="pc")
        draft = PatientDraft("Langtest", "Sample", dt.date(1980, 2, 3), "other")
        patient = patients.register(pc, desk, draft)
        intakes.save_draft(pc, desk, {}, patient_id=patient.id, language="es")
    finally:
        pc.close()
    with practice.sql_as("desk") as conn:
        conn.execute("UPDATE patients SET preferred_language = 'es'")  # a known one: fine
        conn.execute("UPDATE intakes SET patient_language = 'es'")
        for statement in (
            "UPDATE patients SET preferred_language = 'xx'",
            "UPDATE intakes SET patient_language = 'xx'",
        ):
            with pytest.raises(psycopg.errors.CheckViolation):
                conn.execute(statement)


def test_the_gate_can_do_nothing_but_sign_in(practice):
    parsed = make_url(practice.url)
    with psycopg.connect(
        host=parsed.host,
        port=parsed.port,
        dbname=practice.name,
        user="intake_gate",
        password="intake_gate",
        autocommit=True,
    ) as conn:
        assert conn.execute("SELECT intake_sign_in_ready('desk')").fetchone() == (
            practice.login("desk"),
        )
        for statement in (
            "SELECT count(*) FROM patients",
            "SELECT count(*) FROM staff_users",
            "SELECT intake_signed_in('pc')",
            "CREATE TABLE stolen (x int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)


def test_psql_as_a_front_desk_login_cannot_read_the_audit_trail(practice):
    """The very tool the issue names: the command-line client, as a person at a PC."""
    parsed = make_url(practice.url)
    run = subprocess.run(
        ["psql", "-h", str(parsed.host), "-p", str(parsed.port), "-U", practice.login("desk"),
         "-d", practice.name, "-v", "ON_ERROR_STOP=1", "-tAc", "SELECT count(*) FROM audit_events"],
        env={"PGPASSWORD": PASSWORDS["desk"], "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert run.returncode != 0 and "permission denied" in run.stderr


# --- the upgrade from a shared login to a login per person -----------------------------------


def test_one_upgrade_turns_existing_accounts_into_logins_and_changes_nothing_else(
    checked_postgres, request, monkeypatch, capsys, tmp_path
):  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    from intake.cli import main
    from intake.db import migrate
    from intake.services.passwords import hash_password

    database_tests.append(request.node.nodeid)
    url = checked_postgres.create()
    engine = create_engine(make_url(url))
    migrate.upgrade(engine, "0004")  # the schema the released version made
    with engine.begin() as conn:  # its data: accounts with argon2 hashes, a location
        for name, role in (("desk", "front_desk"), ("boss", "admin")):
            conn.execute(
                text(
                    "INSERT INTO staff_users (username, display_name, role, password_hash, "
                    "active, failed_sign_ins, created_at, version) "
                    "VALUES (:n, :d, :r, :h, true, 0, now(), 1)"
                ),
                {"n": name, "d": f"Test {name}", "r": role, "h": hash_password("old-password")},
            )
        conn.execute(
            text(
                "INSERT INTO locations (code, name, address, phone, timezone, active, created_at, "
                "version) "
                "VALUES ('EAST', 'East', '', '', 'America/Chicago', true, now(), 1)"
            )
        )
    before = _table_counts(engine)
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INTAKE_DATABASE_URL", url)
    assert main(["db", "upgrade"]) == 0  # the IT person, once
    out = capsys.readouterr().out
    issued = dict(
        line.split()
        for line in out.splitlines()
        if line.startswith("  ") and len(line.split()) == 2
    )
    assert set(issued) == {"boss", "desk"} and "old-password" not in out
    after = _table_counts(engine)
    # Only what the upgrade adds: the sign-in audit rows, the journal key (0005), which
    # program the schema needs (0009) and the empty lists of merges (0010) and courses (0013).
    assert after == {
        **before,
        "audit_events": after["audit_events"],
        "journal_key": 1,
        "schema_requirement": 1,
        "patient_merges": 0,
        "appointment_series": 0,
        "desk_alerts": 0,
    }
    with engine.connect() as conn:
        hashes = conn.execute(text("SELECT DISTINCT password_hash FROM staff_users")).scalars()
        assert list(hashes) == [""]  # no hash is kept on the server any more
    engine.dispose()
    practice = Practice(url, open_database(url), make_url(url).database or "")
    pc = practice.pc()
    try:
        with pytest.raises(SignInRefused):  # the old password was never sent to the server
            accounts.sign_in(pc, "desk", "old-password")
        desk = accounts.sign_in(pc, "desk", issued["desk"])
        assert accounts.must_change_password(pc, desk)
        accounts.change_password(pc, desk, issued["desk"], "chosen-by-desk-1")
        assert not accounts.must_change_password(pc, desk)
    finally:
        pc.close()
        practice.owner.close()


def _table_counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        tables = (
            conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
            )
            .scalars()
            .all()
        )
        return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in tables}


def test_a_pc_on_a_database_not_yet_upgraded_says_what_to_do(checked_postgres, request):  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    from intake.db import migrate
    from intake.domain.errors import SchemaMismatch

    database_tests.append(request.node.nodeid)
    url = checked_postgres.create()
    engine = create_engine(make_url(url))
    migrate.upgrade(engine, "0005")  # the shared-login model: no gate function here
    engine.dispose()
    pc = open_database(without_login(make_url(url)).render_as_string())
    try:
        with pytest.raises(SchemaMismatch, match="intake db upgrade"):
            accounts.sign_in(pc, "desk", "whatever-password")
    finally:
        pc.close()


def test_a_front_desk_login_books_a_course_in_its_own_name(practice):
    """A course waits for other courses of the same calendars (an advisory lock): a staff
    login may take that lock, and the course is booked as that login."""
    from intake.services import series
    from tests.db.practice import NOW, build
    from tests.db.test_series import course

    small = build(practice.owner, patients_count=1)
    pc = practice.pc()
    try:
        desk = accounts.sign_in(pc, "desk", PASSWORDS["desk"])
        proposal = series.propose(pc, desk, course(small, small.patients[0], count=4), now=NOW)
        booked = series.book(pc, desk, proposal, now=NOW)
    finally:
        pc.close()
    assert len(booked.visits) == 4
    [event] = _audit(practice.owner, "book_series")
    assert event.db_login == practice.login("desk")
