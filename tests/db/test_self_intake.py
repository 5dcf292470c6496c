"""The tablet's self-intake: identification that reveals nothing, drafts marked 'tablet',
red flags raised for the desk, heard at once and acknowledged (audited)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from intake.db.models import AuditEvent, Intake
from intake.domain.errors import Invalid, NotFound
from intake.domain.patient import PatientDraft
from intake.services import desk_alerts, intakes, self_intake
from tests.db.practice import build, desk

DOB = dt.date(1981, 3, 4)


def _register(database, given: str, family: str, dob: dt.date = DOB) -> int:  # type: ignore[no-untyped-def]
    from intake.services import patients

    return patients.register(database, desk(database), PatientDraft(family, given, dob, "other")).id


def test_identification_needs_exactly_one_match_and_says_the_same_otherwise(database):  # type: ignore[no-untyped-def]
    actor = desk(database)
    one = _register(database, "Zoë", "Testcase-Kiosk")
    _register(database, "Twin", "Samename")
    _register(database, "Twin", "Samename")
    assert self_intake.identify(database, actor, "  zoe ", "TESTCASE KIOSK", DOB) == one
    refusals = []
    for given, family, dob in [
        ("Zoë", "Testcase-Kiosk", dt.date(1981, 3, 5)),  # wrong birthday
        ("Zo", "Testcase-Kiosk", DOB),  # part of a name is no match
        ("Twin", "Samename", DOB),  # two people: ambiguous
        ("", "", DOB),
    ]:
        with pytest.raises(NotFound) as refused:
            self_intake.identify(database, actor, given, family, dob)
        refusals.append(str(refused.value))
    assert set(refusals) == {self_intake.NOT_FOUND}  # nothing tells the cases apart
    with database.reading() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent))]
    assert actions.count("self_identify") == 1 and actions.count("self_identify_failed") == 4


def test_a_tablet_draft_is_marked_and_cannot_reach_a_desk_intake(database):  # type: ignore[no-untyped-def]
    actor = desk(database)
    pid = _register(database, "Tab", "Letpatient")
    info = self_intake.save_draft(database, actor, {"has_neck_pain": True}, patient_id=pid,
                                  language="es")  # fmt: skip
    with database.reading() as session:
        row = session.get(Intake, info.id)
        assert row is not None and (row.source, row.patient_language) == ("tablet", "es")
    desk_draft = intakes.save_draft(database, actor, {"has_neck_pain": True}, patient_id=pid)
    with pytest.raises(NotFound):
        self_intake.save_draft(database, actor, {}, intake_id=desk_draft.id, version=1)
    with pytest.raises(Invalid):
        self_intake.save_draft(database, actor, {"has_neck_pain": True})  # nobody identified
    # The desk takes the tablet's draft on as usual.
    again = intakes.save_draft(database, actor, {"has_neck_pain": False}, intake_id=info.id,
                               version=info.version)  # fmt: skip
    assert again.answers == {"has_neck_pain": False}


def test_a_red_flag_reaches_a_listening_desk_and_stays_until_acknowledged(database):  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=1)
    actor = desk(database)
    pid = practice.patients[0]
    with pytest.raises(Invalid):  # no red flag, no alert
        self_intake.alert_desk(database, actor, pid, {"has_neck_pain": True})
    heard = threading.Event()
    feed = desk_alerts.watch(database, heard.set)
    try:
        assert feed.ready.wait(5)
        heard.clear()
        alert = self_intake.alert_desk(
            database, actor, pid, {"rf_neuro_deficit": True}, location_id=practice.west
        )
        assert heard.wait(5)  # NOTIFY on PostgreSQL, the poll on SQLite
    finally:
        feed.stop()
    [shown] = desk_alerts.open_alerts(database, actor, location_id=practice.west)
    assert shown.id == alert and shown.triage in ("emergency", "refer") and shown.message
    assert desk_alerts.open_alerts(database, actor, location_id=practice.east) == []
    desk_alerts.acknowledge(database, actor, alert)
    assert desk_alerts.open_alerts(database, actor) == []
    with database.reading() as session:
        assert session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "desk_alert", AuditEvent.action == "acknowledge"
            )
        ).one()
