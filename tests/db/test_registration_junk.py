"""Registrations of any text the form can hold never crash the database, and get the same
answer on SQLite and PostgreSQL: stored as typed (spaces tidied), or Invalid naming fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.domain.errors import Invalid
from intake.domain.patient import DRAFT_FIELDS, MAX_LENGTHS, PatientDraft
from intake.services import patients
from intake.services.database import Database, open_database
from tests.db.practice import admin

TODAY = dt.date(2026, 12, 1)

# Characters that have crashed or may crash a backend: NUL and other control codes, letters
# whose folded form is longer (ß, ﬃ, ⅷ, ㎯), apostrophes that add search words, digits of
# other scripts, and plain letters. No lone surrogates: Qt never hands those over.
_AWKWARD = "\x00\x01\x08\x0b\x1b\x7f\x85\x9f\t\n ßẞﬃﬆⅷ㎯İǄ'’-.@+()0123456789٣²"
_CHARS = st.one_of(
    st.sampled_from(_AWKWARD),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(exclude_categories=("Cs",)),
)


def _text(limit: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(_CHARS, max_size=12),
        st.text(_CHARS, min_size=limit - 5, max_size=limit + 5),
        st.text(st.sampled_from("ßﬃⅷ"), min_size=limit // 3, max_size=limit),
    )


def drafts() -> st.SearchStrategy[PatientDraft]:
    texts = {field: _text(limit) for field, limit in MAX_LENGTHS.items()}
    texts["family_name"] = st.one_of(st.just("Testcase"), texts["family_name"])
    texts["given_name"] = st.one_of(st.just("Sample"), texts["given_name"])
    return st.builds(
        PatientDraft,
        date_of_birth=st.one_of(st.none(), st.dates(dt.date(1880, 1, 1), dt.date(2030, 1, 1))),
        sex=st.sampled_from(["female", "male", "other", "", "x\x00"]),
        preferred_location_id=st.none(),
        **texts,
    )


@pytest.fixture
def every_backend(database: Database, tmp_path: Path) -> Iterator[list[Database]]:
    """The test's database, and SQLite beside it when that is PostgreSQL."""
    if database.backend == "sqlite":
        yield [database]
        return
    sqlite = open_database(f"sqlite+pysqlite:///{tmp_path / 'beside.sqlite3'}")
    yield [database, sqlite]
    sqlite.close()


def _outcome(database: Database, draft: PatientDraft) -> tuple[str, object]:
    try:
        saved = patients.register(database, admin(database), draft, today=TODAY)
    except Invalid as refused:
        assert refused.problems and set(refused.problems) <= set(DRAFT_FIELDS)
        return "invalid", tuple(sorted(refused.problems.items()))
    stored = patients.get(database, admin(database), saved.id)  # read back from the database
    assert stored == saved
    return "stored", tuple(getattr(stored, f) for f in DRAFT_FIELDS)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(draft=drafts())
def test_any_registration_is_stored_or_refused_by_field_alike_on_both_backends(  # type: ignore[no-untyped-def]
    every_backend, draft: PatientDraft
):
    outcomes = {db.backend: _outcome(db, draft) for db in every_backend}
    assert len(set(outcomes.values())) == 1, outcomes


def test_names_folding_past_their_column_are_refused_not_crashed(database):  # type: ignore[no-untyped-def]
    for field, text in (("family_name", "ß" * 60), ("given_name", "\ufb03" * 40)):
        draft = dataclasses.replace(
            PatientDraft("Testcase", "Sample", dt.date(1980, 1, 1), "other"), **{field: text}
        )
        with pytest.raises(Invalid) as refused:
            patients.register(database, admin(database), draft, today=TODAY)
        assert set(refused.value.problems) == {field}


def test_a_nul_character_is_refused_naming_the_field(database):  # type: ignore[no-untyped-def]
    draft = PatientDraft("Test\x00case", "Sample", dt.date(1980, 1, 1), "other")
    with pytest.raises(Invalid) as refused:
        patients.register(database, admin(database), draft, today=TODAY)
    assert set(refused.value.problems) == {"family_name"}
