"""The intake form asks the same rule as the booking service: the declared consents count."""

from __future__ import annotations

from pathlib import Path

from intake import screening
from intake.ui.intake_form import IntakeWizard
from tests.unit.screening.builders import ON, answers_for
from tests.unit.screening.versions import second_version


def test_the_form_holds_booking_for_the_declared_consents_only(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    v2 = second_version(tmp_path)
    form = IntakeWizard(None, checklist=v2, today=ON)
    qtbot.addWidget(form)
    answers = answers_for(v2)  # the recall-call agreement (a declared consent) not answered
    form.load(answers)
    assert form.screening_result.complete
    assert not form.booking_allowed
    assert not form.booking_widget.isEnabled()
    assert v2.consent_message in form.booking_note.text()
    with qtbot.waitSignal(form.booking_allowed_did_change) as caught:
        form.load({**answers, "recall_calls_agreed": True, "consent_newsletter": False})
    assert caught.args == [True]
    assert form.booking_widget.isEnabled()
    # The booking service answers the same for the same answers.
    gate = screening.may_book(v2, form.answers, complete=True, triage=form.screening_result.triage)
    assert gate.allowed
