"""The compare that settles an edit two computers made at once (domain.patient_record)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from intake.domain.patient import PatientDraft
from intake.domain.patient_record import Side, differences, resolved

BASE = PatientDraft("Testcase", "Sample", dt.date(1980, 1, 1), "other", city="Oldtown")


def _with(**changes: object) -> PatientDraft:
    return dataclasses.replace(BASE, **changes)  # type: ignore[arg-type]


def test_what_would_be_stored_alike_is_no_difference():
    mine = _with(city="  Oldtown ", email="SAMPLE@example.org")
    theirs = _with(email="sample@example.org")
    assert differences(BASE, theirs, mine) == ()


def test_each_side_proposes_what_it_changed_and_a_field_both_changed_waits():
    theirs = _with(phone="(212) 555-0199", payer="Fund B")
    mine = _with(phone="(212) 555-0142", city="Newtown")
    found = {d.field: d for d in differences(BASE, theirs, mine)}
    assert set(found) == {"phone", "payer", "city"}
    assert found["phone"].both_changed and found["phone"].proposed is None
    assert (found["payer"].proposed, found["city"].proposed) == (Side.THEIRS, Side.MINE)
    with pytest.raises(ValueError):
        resolved(theirs, tuple(found.values()), {})
    chosen = resolved(theirs, tuple(found.values()), {"phone": Side.THEIRS, "city": Side.THEIRS})
    assert (chosen.phone, chosen.payer, chosen.city) == ("(212) 555-0199", "Fund B", "Oldtown")


def test_the_note_keeps_its_lines_when_compared():
    mine = _with(desk_note="Ramp entrance\nGuardian books")
    found = differences(BASE, BASE, mine)
    assert [(d.field, d.mine, d.proposed) for d in found] == [
        ("desk_note", "Ramp entrance\nGuardian books", Side.MINE)
    ]
