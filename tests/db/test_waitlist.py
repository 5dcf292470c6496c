"""The waitlist kept by the desk: edit what a patient waits for, take them off with a reason,
list who waits with their record number. Synthetic patients only."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from intake.domain.booking import WaitlistPreferences
from intake.domain.enums import PartOfDay, WaitlistStatus
from intake.domain.errors import Invalid, StaleRecord
from intake.services import waitlist
from tests.db.practice import build, desk, screened_intake


@pytest.fixture
def practice(database):  # type: ignore[no-untyped-def]
    return build(database)


def _audited(database, entry_id: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        rows = session.execute(
            text(
                "SELECT action, fields FROM audit_events WHERE entity = 'waitlist_entry' "
                "AND entity_id = :id ORDER BY id"
            ),
            {"id": entry_id},
        )
        return [(action, str(fields)) for action, fields in rows]


def test_an_edit_changes_what_the_patient_waits_for_and_keeps_the_urgency(database, practice):
    patient = practice.patients[1]
    intake = screened_intake(database, patient, cad_dizziness=True)
    entry = waitlist.add(database, desk(database), patient, WaitlistPreferences(), intake_id=intake)
    wanted = WaitlistPreferences(
        location_ids=(practice.west,), weekdays=(1, 3), parts_of_day=(PartOfDay.MORNING,)
    )
    changed = waitlist.update(
        database,
        desk(database),
        entry.id,
        entry.version,
        wanted,
        earliest_date=dt.date(2030, 1, 7),
        note="  Can come after school drop-off  ",
    )
    assert changed.preferences == wanted
    assert changed.note == "Can come after school drop-off"
    assert changed.earliest_date == dt.date(2030, 1, 7)
    assert (changed.triage, changed.priority) == (entry.triage, entry.priority) == ("review", 10)
    assert changed.version == entry.version + 1
    action, fields = _audited(database, entry.id)[-1]
    assert action == "update" and "preferences" in fields and "note" in fields


def test_an_edit_from_a_second_pc_on_an_old_copy_is_refused(database, practice):
    entry = waitlist.add(
        database, desk(database), practice.patients[2], WaitlistPreferences(), type_code="FU45"
    )
    waitlist.update(
        database, desk(database), entry.id, entry.version, WaitlistPreferences(), note="Any day"
    )
    with pytest.raises(StaleRecord):
        waitlist.update(
            database, desk(database), entry.id, entry.version, WaitlistPreferences(weekdays=(2,))
        )
    with pytest.raises(StaleRecord):
        waitlist.remove(database, desk(database), entry.id, entry.version, "No longer needed")


def test_removing_needs_a_reason_which_is_kept_and_audited(database, practice):
    entry = waitlist.add(
        database, desk(database), practice.patients[2], WaitlistPreferences(), type_code="FU45"
    )
    with pytest.raises(Invalid) as refused:
        waitlist.remove(database, desk(database), entry.id, entry.version, "   ")
    assert "reason" in refused.value.problems
    gone = waitlist.remove(database, desk(database), entry.id, entry.version, "Booked elsewhere")
    assert gone.status == WaitlistStatus.REMOVED
    assert gone.removed_reason == "Booked elsewhere"
    assert entry.id not in [line.entry.id for line in waitlist.listed(database, desk(database))]
    action, fields = _audited(database, entry.id)[-1]
    assert action == "update" and "removed_reason" in fields and "status" in fields
    # The patient record still shows it, with its reason.
    mine = waitlist.listed(database, desk(database), patient_id=practice.patients[2])
    assert [(line.entry.id, line.entry.removed_reason) for line in mine] == [
        (entry.id, "Booked elsewhere")
    ]


def test_the_list_names_who_waits_most_urgent_first(database, practice):
    p = practice.patients
    clear = waitlist.add(
        database,
        desk(database),
        p[1],
        WaitlistPreferences(),
        intake_id=screened_intake(database, p[1]),
    )
    review_intake = screened_intake(database, p[2], cad_dizziness=True)
    before = waitlist.prospect(database, desk(database), p[2], review_intake)
    assert (before.entry.triage, before.entry.id) == ("review", 0)
    assert before.patient_name and before.record_number
    review = waitlist.add(
        database, desk(database), p[2], WaitlistPreferences(), intake_id=review_intake
    )
    lines = waitlist.listed(database, desk(database))
    assert [line.entry.id for line in lines] == [review.id, clear.id]
    assert all(line.patient_name and line.record_number for line in lines)
    assert lines[0].record_number != lines[1].record_number


def test_a_long_note_is_refused_next_to_the_note(database, practice):
    with pytest.raises(Invalid) as refused:
        waitlist.add(
            database,
            desk(database),
            practice.patients[2],
            WaitlistPreferences(),
            type_code="FU45",
            note="x" * 1001,
        )
    assert set(refused.value.problems) == {"note"}
