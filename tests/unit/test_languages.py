"""The languages the program knows (intake.domain.languages): one list, each in its own words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intake.domain.languages import (
    OWN_NAMES,
    QUESTION_LANGUAGES,
    Language,
    language_tag,
    own_name,
    question_language_for,
)
from intake.screening import checklist_languages


def test_every_language_has_its_own_name() -> None:
    assert set(OWN_NAMES) == set(Language)
    assert (own_name("en"), own_name("es")) == ("English", "Español")


def test_the_questions_come_in_exactly_the_checklists_languages() -> None:
    assert tuple(QUESTION_LANGUAGES) == checklist_languages()


@given(st.sampled_from([*Language, "xx", ""]))
def test_an_intake_starts_in_the_preferred_language_when_it_can(code: str) -> None:
    start = question_language_for(code)
    assert start in QUESTION_LANGUAGES
    assert start == code or (code not in QUESTION_LANGUAGES and start is Language.ENGLISH)


def test_other_has_no_language_tag() -> None:
    assert language_tag("other") is None and language_tag("xx") is None
    assert language_tag("zh") == "zh"
