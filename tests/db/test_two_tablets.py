"""Two waiting-room tablets, two tablet logins: the database records which login took each
draft (a trigger, from session_user; nobody may set or change it) and its row policy shows
a tablet only its own drafts and the handovers no tablet has taken yet. Tried as SQL typed
by each tablet login, as from psql. Synthetic people only."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from intake.domain.enums import Role
from intake.domain.patient import PatientDraft
from intake.services import accounts, intakes, patients, self_intake
from intake.services.actor import SYSTEM
from tests.db.test_database_logins import PASSWORDS, Practice, practice  # noqa: F401

pytestmark = pytest.mark.backend("postgresql")

BORN = dt.date(1986, 11, 12)
SECOND = "tab2-pass-1"


def _second_tablet(practice: Practice) -> psycopg.Connection:  # noqa: F811
    accounts.create_account(practice.owner, SYSTEM, "tab2", "Test tab2", Role.TABLET, SECOND)
    return practice.sql_as("tab2", SECOND)


def _ids(conn: psycopg.Connection) -> set[int]:
    return {row[0] for row in conn.execute("SELECT id FROM intakes").fetchall()}


def _taken_by(practice: Practice, intake_id: int) -> str | None:  # noqa: F811
    with practice.owner.engine.connect() as conn:
        return conn.exec_driver_sql(
            f"SELECT tablet_login FROM intakes WHERE id = {int(intake_id)}"
        ).scalar()


def test_two_tablets_neither_see_take_nor_change_each_others_drafts(practice):  # noqa: F811
    handed = patients.register(
        practice.owner, SYSTEM, PatientDraft("Twotabs", "Handy", BORN, "other")
    )
    walked_in = patients.register(
        practice.owner, SYSTEM, PatientDraft("Twotabs", "Walkin", BORN, "other")
    )
    handover = self_intake.start_on_tablet(practice.owner, SYSTEM, handed.id)
    at_desk = intakes.save_draft(practice.owner, SYSTEM, {}, patient_id=walked_in.id)
    assert _taken_by(practice, handover.id) is None  # no tablet has it yet
    with practice.sql_as("tab") as first, _second_tablet(practice) as second:
        assert _ids(first) == _ids(second) == {handover.id}  # the desk's draft: neither
        # The first tablet takes the handover with its first write.
        taken = first.execute(
            "UPDATE intakes SET answers = '{\"has_neck_pain\": true}' WHERE id = %s",
            [handover.id],
        )
        assert taken.rowcount == 1
        assert _taken_by(practice, handover.id) == practice.login("tab")
        assert _ids(second) == set()  # gone from the other tablet
        stolen = second.execute("UPDATE intakes SET answers = '{}' WHERE id = %s", [handover.id])
        assert stolen.rowcount == 0
        # The second tablet's own draft (an identified patient): the first cannot see it.
        [(own,)] = second.execute(
            "INSERT INTO intakes (checklist_id, checklist_version, answers, source, status,"
            " patient_id, tablet_login, created_at, updated_at, version, return_note)"
            " VALUES ('x', '1', '{}', 'tablet', 'draft', %s, %s, now(), now(), 1, '')"
            " RETURNING id",
            [walked_in.id, practice.login("tab")],  # claims the other's name: not taken
        ).fetchall()
        assert _taken_by(practice, own) == practice.login("tab2")
        assert _ids(second) == {own} and _ids(first) == {handover.id}
        changed = first.execute("UPDATE intakes SET answers = '{}' WHERE id = %s", [own])
        assert changed.rowcount == 0
        # Nobody writes the column itself: neither tablet nor the desk.
        for conn in (first, second):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("UPDATE intakes SET tablet_login = NULL WHERE true")
    with practice.sql_as("desk") as desk_conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            desk_conn.execute("UPDATE intakes SET tablet_login = NULL WHERE id = %s", [own])
        # The desk's own change to a tablet draft keeps who took it.
        desk_conn.execute("UPDATE intakes SET answers = '{}' WHERE id = %s", [handover.id])
    assert _taken_by(practice, handover.id) == practice.login("tab")
    assert _taken_by(practice, at_desk.id) is None


def test_the_program_on_two_tablets_keeps_each_patient_on_its_own_tablet(practice):  # noqa: F811
    handed = patients.register(
        practice.owner, SYSTEM, PatientDraft("Progtabs", "Handy", BORN, "other")
    )
    accounts.create_account(practice.owner, SYSTEM, "tab2", "Test tab2", Role.TABLET, SECOND)
    self_intake.start_on_tablet(practice.owner, SYSTEM, handed.id)
    one, two = practice.pc(), practice.pc()
    try:
        first = accounts.sign_in(one, "tab", PASSWORDS["tab"], workstation="tablet-1")
        second = accounts.sign_in(two, "tab2", SECOND, workstation="tablet-2")
        ready = self_intake.ready_for_tablet(one, first)
        assert ready is not None and ready.patient_id == handed.id
        assert self_intake.ready_for_tablet(two, second) is not None  # offered to both
        self_intake.save_draft(
            one, first, {"has_neck_pain": True}, intake_id=ready.intake_id, version=ready.version
        )
        assert self_intake.ready_for_tablet(two, second) is None  # taken by the first
        with pytest.raises(Exception) as refused:
            self_intake.save_draft(
                two, second, {}, intake_id=ready.intake_id, version=ready.version + 1
            )
        assert "no intake" in str(refused.value).lower()
    finally:
        one.close()
        two.close()
