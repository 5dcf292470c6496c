"""On PostgreSQL the tablet's two definer functions (identify, greeting) write their own
audit row, so even SQL typed into psql by the tablet's login is in the trail: who (the
login, from the database), the patient id found, never the name or date of birth typed.
The program then writes no second row. Synthetic people only."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from intake.db.models import AuditEvent
from intake.domain.errors import NotFound
from intake.domain.patient import PatientDraft
from intake.services import accounts, patients, self_intake
from intake.services.actor import SYSTEM
from tests.db.test_database_logins import PASSWORDS, Practice, practice  # noqa: F401

pytestmark = pytest.mark.backend("postgresql")

BORN = dt.date(1984, 9, 10)
TRAIL = ("self_identify", "self_identify_failed", "tablet_greeting", "tablet_greeting_refused")


def _psql(practice: Practice, who: str, sql: str) -> str:  # noqa: F811
    """Run SQL as `who` with the command-line client, the way a person at a PC could."""
    parsed = make_url(practice.url)
    run = subprocess.run(
        ["psql", "-h", str(parsed.host), "-p", str(parsed.port), "-U", practice.login(who),
         "-d", practice.name, "-v", "ON_ERROR_STOP=1", "-tAc", sql],
        env={"PGPASSWORD": PASSWORDS[who], "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return run.stdout.strip()


def _trail(practice: Practice) -> list[tuple[str, int | None, int | None, str | None, str]]:  # noqa: F811
    with practice.owner.reading() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action.in_(TRAIL)).order_by(AuditEvent.id)
        )
        return [(e.action, e.entity_id, e.patient_id, e.db_login, e.username) for e in rows]


def _everything_written(practice: Practice) -> str:  # noqa: F811
    with practice.owner.reading() as session:
        return " ".join(
            f"{e.username} {e.workstation} {e.entity} {e.fields}"
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action.in_(TRAIL)))
        )


def test_identify_over_psql_by_the_tablet_login_is_audited_matched_or_not(practice):  # noqa: F811
    found = patients.register(
        practice.owner, SYSTEM, PatientDraft("Auditfam", "Auditgiven", BORN, "other")
    )
    tablet = practice.login("tab")
    hit = _psql(practice, "tab", "SELECT intake_identify_patient('auditgiven', 'auditfam', "
                                 "'1984-09-10')")  # fmt: skip
    miss = _psql(practice, "tab", "SELECT intake_identify_patient('probe', 'someone', "
                                  "'1990-01-01')")  # fmt: skip
    assert (hit, miss) == (str(found.id), "")
    assert _trail(practice) == [
        ("self_identify", found.id, found.id, tablet, "tab"),
        ("self_identify_failed", None, None, tablet, "tab"),
    ]
    written = _everything_written(practice).lower()
    assert "probe" not in written and "someone" not in written and "1990" not in written


def test_the_greeting_over_psql_is_audited_once_per_handover_and_every_refusal(practice):  # noqa: F811
    handed = patients.register(
        practice.owner, SYSTEM, PatientDraft("Greetfam", "Greetgiven", BORN, "other")
    )
    other = patients.register(
        practice.owner, SYSTEM, PatientDraft("Nothanded", "Greetother", BORN, "other")
    )
    self_intake.start_on_tablet(practice.owner, SYSTEM, handed.id)
    tablet = practice.login("tab")
    greet = "SELECT intake_tablet_greeting({})"
    assert _psql(practice, "tab", greet.format(handed.id)) == "Greetgiven G."
    assert _psql(practice, "tab", greet.format(handed.id)) == "Greetgiven G."  # a poll again
    assert _psql(practice, "tab", greet.format(other.id)) == ""  # no handover: nothing
    assert _psql(practice, "tab", greet.format(other.id)) == ""
    assert _trail(practice) == [
        ("tablet_greeting", handed.id, handed.id, tablet, "tab"),
        ("tablet_greeting_refused", other.id, None, tablet, "tab"),
        ("tablet_greeting_refused", other.id, None, tablet, "tab"),
    ]


def test_the_program_writes_no_second_row_and_names_the_workstation(practice):  # noqa: F811
    found = patients.register(
        practice.owner, SYSTEM, PatientDraft("Onerow", "Onlyonce", BORN, "other")
    )
    self_intake.start_on_tablet(practice.owner, SYSTEM, found.id)
    pc = practice.pc()
    try:
        tablet = accounts.sign_in(pc, "tab", PASSWORDS["tab"], workstation="waiting-room-1")
        assert self_intake.identify(pc, tablet, "ONLYONCE", "onerow", BORN) == found.id
        with pytest.raises(NotFound):
            self_intake.identify(pc, tablet, "Nobody", "Here", BORN)
        with pytest.raises(NotFound):
            self_intake.identify(pc, tablet, "", "", BORN)  # not asked: the program's row
        ready = self_intake.ready_for_tablet(pc, tablet)
        assert ready is not None and ready.label == "Onlyonce O."
    finally:
        pc.close()
    assert [action for action, *_ in _trail(practice)] == [
        "self_identify",
        "self_identify_failed",
        "self_identify_failed",
        "tablet_greeting",
    ]
    with practice.owner.reading() as session:
        stations = set(
            session.scalars(select(AuditEvent.workstation).where(AuditEvent.action.in_(TRAIL)))
        )
    assert stations == {"waiting-room-1"}
