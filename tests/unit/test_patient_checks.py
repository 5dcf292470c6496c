"""The registration checks a front desk form relies on."""

from __future__ import annotations

import datetime as dt

import pytest

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


# --- what the database columns can hold, as stored ---------------------------------------


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("family_name", "Test\x00case"),
        ("given_name", "Sam\x07ple"),
        ("city", "Spring\x7ffield"),
        ("payer", "Fund\x9b"),
        ("email", "a\x00b@example.org"),
        ("phone", "555\x000100"),
        ("preferred_name", "Sam\ud800"),  # a lone surrogate: not text
    ],
)
def test_control_characters_are_refused_naming_the_field(field: str, text: str):
    problems = check_patient(_draft(**{field: text}), TODAY)
    assert str(problems[field]) == "Remove the invisible control character from this field."
    assert set(problems) == {field}


def test_tabs_and_line_breaks_are_not_control_characters_to_refuse():
    # The service turns whitespace into single spaces, so the form may hold it.
    assert (
        check_patient(_draft(address_line="1 Test Road\n\tFlat 2", city="Spring\r\nfield"), TODAY)
        == {}
    )


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("family_name", "ß" * 51),  # 51 characters, folded to 102
        ("given_name", "\ufb03" * 34),  # ﬃ: 34 characters, folded to 102
        ("family_name", "\u2177" * 26),  # ⅷ: folded to viii
    ],
)
def test_a_name_whose_folded_form_overflows_its_column_is_refused(field: str, text: str):
    assert len(text) <= MAX_LENGTHS[field]
    assert str(check_patient(_draft(**{field: text}), TODAY)[field]).startswith("This is too long")


def test_names_whose_search_words_overflow_are_refused_at_the_name_that_overflows():
    words = " ".join(f"a{i:02d}'b{i:02d}" for i in range(12))  # 95 characters, 36 words
    assert len(words) <= 100
    problems = check_patient(
        _draft(
            family_name=words,
            given_name=words.replace("a", "c"),
            preferred_name=words.replace("a", "d"),
        ),
        TODAY,
    )
    assert set(problems) == {"preferred_name"}


def test_the_limits_are_the_database_columns_sizes():
    from intake.db.models import Patient
    from intake.db.models.patient import PatientSearchKey
    from intake.domain.patient import STORED_FORMS
    from intake.domain.search_query import KEY_LENGTH, WORDS_LENGTH

    columns = Patient.__table__.c
    for field, limit in MAX_LENGTHS.items():
        assert columns[field].type.length == limit, field
    for column, _how, limit in STORED_FORMS.values():
        assert columns[column].type.length == limit, column
    keys = PatientSearchKey.__table__.c
    assert keys["words"].type.length == WORDS_LENGTH
    assert keys["key"].type.length == keys["sort_name"].type.length == KEY_LENGTH
