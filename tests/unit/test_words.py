"""A sentence from the pure layers (`Message`) reads as English in logs and on the command
line, exactly as the template and its values say."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.domain.errors import Invalid, NotFound
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said


def test_a_message_reads_as_its_english_sentence() -> None:
    message = said(QT_TRANSLATE_NOOP("Booking", "There is no visit {number}."), number=12)
    assert str(message) == "There is no visit 12."
    assert message.context == "Booking"
    assert message.template == "There is no visit {number}."


def test_a_date_uses_the_templates_english_form_or_iso() -> None:
    when = dt.datetime(2026, 3, 9, 14, 30)
    spec = said(QT_TRANSLATE_NOOP("Booking", "Booked for {when:%a %d %b %H:%M}."), when=when)
    plain = said(QT_TRANSLATE_NOOP("Booking", "Booked for {when}."), when=when)
    assert str(spec) == "Booked for Mon 09 Mar 14:30."
    assert str(plain) == "Booked for 2026-03-09 14:30."


def test_a_value_may_be_a_sentence_itself() -> None:
    inner = said(QT_TRANSLATE_NOOP("Visits", "cancelled"))
    outer = said(QT_TRANSLATE_NOOP("Visits", "The visit is {state}."), state=inner)
    assert str(outer) == "The visit is cancelled."


def test_an_unmarked_template_is_refused() -> None:
    with pytest.raises(TypeError):
        said("Not marked.")  # type: ignore[arg-type]


def test_errors_carry_the_message_and_read_as_english() -> None:
    message = said(QT_TRANSLATE_NOOP("Patients", "There is no patient {mrn}."), mrn="C-1")
    error = NotFound(message)
    assert error.message is message
    assert str(error) == "There is no patient C-1."
    problems = Invalid({"given_name": said(QT_TRANSLATE_NOOP("Patients", "Enter it."))})
    assert str(problems) == "given_name: Enter it."


@given(st.text())
def test_a_typed_value_is_never_read_as_a_template(value: str) -> None:
    # A name with braces in it must come out as typed, not formatted again.
    message = said(QT_TRANSLATE_NOOP("Patients", "No record named {name}."), name=value)
    assert str(message) == f"No record named {value}."


def test_equal_messages_are_equal() -> None:
    one = said(QT_TRANSLATE_NOOP("Patients", "No {x}."), x=1)
    assert one == Message("Patients", "No {x}.", {"x": 1})
    assert len({one, Message("Patients", "No {x}.", {"x": 1})}) == 1  # kept in sets as one
