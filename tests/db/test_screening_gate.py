"""Nothing books around the screening: a booked intake is frozen, drafts cannot be booked."""

from __future__ import annotations

import pytest

from intake import screening
from intake.domain.booking import BookingRefused, BookingRequest
from intake.domain.errors import Invalid, StaleRecord
from intake.services import booking, intakes
from tests.db.practice import MONDAY, NOW, SCREENED_ON, at, build, desk, screened_intake
from tests.unit.screening.builders import answers_for


@pytest.fixture
def practice(database):  # type: ignore[no-untyped-def]
    return build(database)


def _book(database, practice, intake_id):  # type: ignore[no-untyped-def]
    request = BookingRequest(
        practice.patients[0], practice.ann, practice.east, at(MONDAY, 9), intake_id=intake_id
    )
    return booking.book(database, desk(database), request, now=NOW)


def test_a_submitted_intake_cannot_be_changed_to_an_emergency(database, practice):
    intake_id = screened_intake(database, practice.patients[0])
    _book(database, practice, intake_id)
    emergency = answers_for(screening.load_checklist(None), has_headache=True, rf_sudden_onset=True)
    info = intakes.get(database, desk(database), intake_id)
    with pytest.raises(StaleRecord, match="already submitted"):
        intakes.save(
            database,
            desk(database),
            emergency,
            intake_id=intake_id,
            version=info.version,
            on=SCREENED_ON,
        )
    with pytest.raises(StaleRecord):  # and never without the version read
        intakes.save(database, desk(database), emergency, intake_id=intake_id, on=SCREENED_ON)
    assert intakes.get(database, desk(database), intake_id).triage == "clear"


def test_a_draft_is_not_booked_even_when_complete(database, practice):
    answers = answers_for(screening.load_checklist(None))
    draft = intakes.save(
        database, desk(database), answers, patient_id=practice.patients[0], on=SCREENED_ON
    )
    with pytest.raises(BookingRefused, match="submit it"):
        _book(database, practice, draft.id)


def test_an_intake_never_moves_to_another_patient(database, practice):
    answers = answers_for(screening.load_checklist(None))
    draft = intakes.save(
        database, desk(database), answers, patient_id=practice.patients[0], on=SCREENED_ON
    )
    with pytest.raises(Invalid):
        intakes.save(
            database,
            desk(database),
            answers,
            patient_id=practice.patients[1],
            intake_id=draft.id,
            version=draft.version,
            on=SCREENED_ON,
        )
