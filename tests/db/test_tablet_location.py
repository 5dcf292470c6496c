"""Handovers to one location's tablet, and the patient's "finished" mark (issue #21).

A practice with two sites hands the tablet at East to one patient and the tablet at West to
another: each tablet greets only its own (and handovers to any tablet); a kiosk started
without --location greets every one. Synthetic people only."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from intake.db.models import AuditEvent, Intake
from intake.domain.enums import IntakeStatus
from intake.domain.errors import NotFound
from intake.domain.patient import PatientDraft
from intake.services import intakes, patients, self_intake
from tests.db.practice import build, desk


def _register(database, given: str, family: str) -> int:  # type: ignore[no-untyped-def]
    draft = PatientDraft(family, given, dt.date(1979, 4, 5), "other")
    return patients.register(database, desk(database), draft).id


def _greeted(database, location_id: int | None) -> int | None:  # type: ignore[no-untyped-def]
    ready = self_intake.ready_for_tablet(database, desk(database), location_id=location_id)
    return None if ready is None else ready.patient_id


def test_each_locations_tablet_greets_only_its_own_handovers(database):  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=0)
    actor = desk(database)
    at_east = _register(database, "Eastly", "Testcase-Hand")
    at_west = _register(database, "Westly", "Testcase-Hand")
    self_intake.start_on_tablet(database, actor, at_east, location_id=practice.east)
    assert _greeted(database, practice.east) == at_east
    assert _greeted(database, practice.west) is None  # not West's patient
    assert _greeted(database, None) == at_east  # a kiosk without --location: every handover
    west = self_intake.start_on_tablet(database, actor, at_west, location_id=practice.west)
    assert _greeted(database, practice.west) == at_west
    assert _greeted(database, practice.east) == at_east  # West's handover took nothing from East
    with database.reading() as session:
        row = session.get(Intake, west.id)
        assert row is not None and row.location_id == practice.west


def test_a_handover_to_any_tablet_is_greeted_everywhere(database):  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=0)
    anyone = _register(database, "Anyly", "Testcase-Hand")
    self_intake.start_on_tablet(database, desk(database), anyone)
    assert _greeted(database, practice.east) == anyone
    assert _greeted(database, practice.west) == anyone
    assert _greeted(database, None) == anyone


def test_a_new_handover_replaces_only_the_same_tablets_unstarted_one(database):  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=0)
    actor = desk(database)
    first = _register(database, "Firstly", "Testcase-Hand")
    second = _register(database, "Secondly", "Testcase-Hand")
    west_patient = _register(database, "Westly", "Testcase-Hand")
    old = self_intake.start_on_tablet(database, actor, first, location_id=practice.east)
    kept = self_intake.start_on_tablet(database, actor, west_patient, location_id=practice.west)
    self_intake.start_on_tablet(database, actor, second, location_id=practice.east)
    with database.reading() as session:
        assert session.get(Intake, old.id).status == IntakeStatus.DISCARDED.value  # type: ignore[union-attr]
        assert session.get(Intake, kept.id).status == IntakeStatus.DRAFT.value  # type: ignore[union-attr]
    assert _greeted(database, practice.east) == second
    assert _greeted(database, practice.west) == west_patient


def test_the_desk_chooses_among_the_active_locations_and_no_other(database):  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=0)
    found = self_intake.tablet_locations(database, desk(database))
    assert [(t.id, t.code) for t in found] == [(practice.east, "EAST"), (practice.west, "WEST")]
    patient = _register(database, "Nowhere", "Testcase-Hand")
    with pytest.raises(NotFound):
        self_intake.start_on_tablet(database, desk(database), patient, location_id=987654)


def test_finish_on_the_tablet_marks_the_draft_once_and_the_desk_sees_it(database):  # type: ignore[no-untyped-def]
    build(database, patients_count=0)
    actor = desk(database)
    done = _register(database, "Donely", "Testcase-Finish")
    under_way = _register(database, "Halfly", "Testcase-Finish")
    answers = {"has_neck_pain": True}
    first = self_intake.save_draft(database, actor, answers, patient_id=done)
    assert first.finished_at is None
    finished = self_intake.save_draft(
        database, actor, answers, intake_id=first.id, version=first.version, finished=True
    )
    assert finished.finished_at is not None
    again = self_intake.save_draft(
        database, actor, answers, intake_id=finished.id, version=finished.version, finished=True
    )
    assert again.finished_at == finished.finished_at  # the first Finish counts
    self_intake.save_draft(database, actor, answers, patient_id=under_way)
    marks = {u.patient_id: u.finished_at for u in intakes.list_unfinished(database, actor)}
    assert marks[done] == finished.finished_at and marks[under_way] is None
    with database.reading() as session:
        changes = [
            e.fields
            for e in session.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity == "intake", AuditEvent.entity_id == first.id)
                .order_by(AuditEvent.id)
            )
            if e.action == "update"
        ]
    assert changes == [["finished_at"]]  # audited by name, once
