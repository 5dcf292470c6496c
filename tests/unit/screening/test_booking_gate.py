"""May this patient be booked? One pure rule, with the consents the checklist declares."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.domain.booking import BookingRefused
from intake.screening import (
    Checklist,
    Hold,
    ScreeningForbidsBooking,
    TriageLevel,
    evaluate,
    load_checklist,
    may_book,
    require_booking_allowed,
)
from tests.unit.screening.builders import ON, answers_for
from tests.unit.screening.versions import second_version

CHECKLIST = load_checklist("neck-headache-1")
ANSWER = st.sampled_from([True, False, None, "yes", 1, ""])


def test_version_1_declares_its_two_consent_questions() -> None:
    assert CHECKLIST.consents == ("consent_treatment", "consent_privacy_notice")
    assert "Consent" in CHECKLIST.consent_message


@given(
    consents=st.fixed_dictionaries({q: ANSWER for q in CHECKLIST.consents}),
    complete=st.booleans(),
    triage=st.sampled_from([*TriageLevel, None]),
)
def test_booking_is_allowed_exactly_when_complete_not_urgent_and_every_consent_is_yes(
    consents: dict[str, object], complete: bool, triage: TriageLevel | None
) -> None:
    gate = may_book(CHECKLIST, consents, complete=complete, triage=triage, missing=("x",))
    expected = (
        complete
        and triage in (TriageLevel.CLEAR, TriageLevel.REVIEW)
        and all(v is True for v in consents.values())
    )
    assert gate.allowed == expected
    assert gate.needs_review == (expected and triage == TriageLevel.REVIEW)
    if not expected:
        assert gate.message and gate.hold is not None
        with pytest.raises(ScreeningForbidsBooking) as caught:
            require_booking_allowed(CHECKLIST, consents, complete=complete, triage=triage)
        assert isinstance(caught.value, BookingRefused) and caught.value.hold == gate.hold


def test_an_emergency_found_so_far_outranks_an_unfinished_screen() -> None:
    answers = {"has_headache": True, "rf_sudden_onset": True}
    result = evaluate(CHECKLIST, answers, on=ON)
    assert not result.complete
    gate = may_book(
        CHECKLIST, answers, complete=False, triage=result.triage, missing=result.missing
    )
    assert gate.hold is Hold.EMERGENCY and "emergency" in gate.message.lower()


def test_the_consents_are_the_declared_ones_not_a_name_prefix(tmp_path: Path) -> None:
    v2: Checklist = second_version(tmp_path)
    assert v2.consents[-1] == "recall_calls_agreed"
    answers = answers_for(v2)
    result = evaluate(v2, answers, on=ON)
    assert result.complete  # the two new questions are optional

    def gate(**extra: object):  # type: ignore[no-untyped-def]
        given_answers = {**answers, **extra}
        return may_book(v2, given_answers, complete=True, triage=result.triage)

    unanswered = gate()
    assert unanswered.hold is Hold.NO_CONSENT and unanswered.missing == ("recall_calls_agreed",)
    # A question named consent_… that is not declared does not hold booking.
    assert gate(recall_calls_agreed=True, consent_newsletter=False).allowed
