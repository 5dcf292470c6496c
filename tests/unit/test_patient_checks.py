"""The registration checks a front desk form relies on."""

from __future__ import annotations

import datetime as dt

from intake.domain.patient import MAX_LENGTHS, PatientDraft, check_patient

TODAY = dt.date(2026, 11, 24)


def _draft(**changes: object) -> PatientDraft:
    values = {
        "family_name": "Testcase",
        "given_name": "Sample",
        "sex": "other",
        "date_of_birth": dt.date(1980, 1, 1),
        **changes,
    }
    return PatientDraft(**values)  # type: ignore[arg-type]


def test_a_plain_draft_passes():
    assert check_patient(_draft(), TODAY) == {}


def test_text_longer_than_the_database_holds_is_refused_on_every_backend():
    for field, limit in MAX_LENGTHS.items():
        assert field in check_patient(_draft(**{field: "x" * (limit + 1)}), TODAY), field
        assert field not in check_patient(_draft(**{field: "x" * limit}), TODAY) or field in (
            "phone",
            "emergency_contact_phone",
            "email",
            "postal_code",
        )


def test_dates_of_birth_in_the_future_or_absurdly_old():
    assert "date_of_birth" in check_patient(_draft(date_of_birth=TODAY.replace(year=2027)), TODAY)
    assert "date_of_birth" in check_patient(_draft(date_of_birth=dt.date(1890, 1, 1)), TODAY)
