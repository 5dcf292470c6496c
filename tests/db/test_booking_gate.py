"""Booking, the waitlist and the intake form give one answer to "may this patient be booked?".

The answer follows the consents the intake's checklist version declares, so a second version
that adds one (and an unrelated question named consent_…) changes all three at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intake import screening
from intake.domain.booking import BookingRequest, WaitlistPreferences
from intake.screening import Checklist, Hold, ScreeningForbidsBooking
from intake.services import booking, intakes, waitlist
from tests.db.practice import MONDAY, NOW, SCREENED_ON, at, build, desk
from tests.unit.screening.builders import answers_for
from tests.unit.screening.versions import second_version


@pytest.fixture
def v2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Checklist:
    """Version 2 is the checklist in force (and the one its intakes are read back with)."""
    checklist = second_version(tmp_path)
    monkeypatch.setattr(screening, "load_checklist", lambda _spec=None: checklist)
    return checklist


def _intake(database, patient: int, checklist: Checklist, **overrides: object) -> int:  # type: ignore[no-untyped-def]
    answers = answers_for(checklist, **overrides)
    return intakes.save(
        database, desk(database), answers, patient_id=patient, on=SCREENED_ON, submit=True
    ).id


def _book(database, practice, patient: int, intake_id: int):  # type: ignore[no-untyped-def]
    request = BookingRequest(
        patient, practice.ann, practice.east, at(MONDAY, 9), intake_id=intake_id
    )
    return booking.book(database, desk(database), request, now=NOW)


def _wait(database, patient: int, intake_id: int):  # type: ignore[no-untyped-def]
    return waitlist.add(
        database, desk(database), patient, WaitlistPreferences(), intake_id=intake_id
    )


def test_a_declared_consent_not_given_holds_booking_and_the_waitlist(database, v2):  # type: ignore[no-untyped-def]
    practice = build(database)
    patient = practice.patients[0]
    intake_id = _intake(database, patient, v2)  # recall_calls_agreed left unanswered
    with pytest.raises(ScreeningForbidsBooking) as booked:
        _book(database, practice, patient, intake_id)
    with pytest.raises(ScreeningForbidsBooking) as waited:
        _wait(database, patient, intake_id)
    for refused in (booked.value, waited.value):
        assert refused.hold is Hold.NO_CONSENT
        assert refused.gate.missing == ("recall_calls_agreed",)


def test_a_question_merely_named_consent_does_not_hold_booking(database, v2):  # type: ignore[no-untyped-def]
    practice = build(database)
    patient = practice.patients[0]
    intake_id = _intake(database, patient, v2, recall_calls_agreed=True, consent_newsletter=False)
    assert _wait(database, patient, intake_id).intake_id == intake_id
    assert _book(database, practice, patient, intake_id).intake_id == intake_id


@pytest.mark.parametrize(
    ("overrides", "hold"),
    [
        ({"has_headache": True, "rf_sudden_onset": True}, Hold.EMERGENCY),
        ({"rf_fever": True}, Hold.REFER),
        ({"consent_privacy_notice": False}, Hold.NO_CONSENT),
    ],
)
def test_booking_and_the_waitlist_refuse_for_the_same_reason(database, overrides, hold):  # type: ignore[no-untyped-def]
    practice = build(database)
    checklist = screening.load_checklist(None)
    patient = practice.patients[0]
    answers = answers_for(checklist, **overrides)
    intake_id = intakes.save(
        database, desk(database), answers, patient_id=patient, on=SCREENED_ON, submit=True
    ).id
    with pytest.raises(ScreeningForbidsBooking) as booked:
        _book(database, practice, patient, intake_id)
    with pytest.raises(ScreeningForbidsBooking) as waited:
        _wait(database, patient, intake_id)
    assert booked.value.hold is waited.value.hold is hold
    assert str(booked.value) == str(waited.value)
