"""The weighted duplicate score and the keys that find its candidates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from intake.domain import duplicates as dup
from intake.domain.patient import PatientDraft
from intake.domain.phonetic import nysiis
from intake.domain.search_query import patient_keys

BASE = PatientDraft(
    "Testcase",
    "Samantha",
    dt.date(1980, 3, 7),
    "female",
    phone="212-555-0101",
    email="sam@example.org",
)


def test_sounds_alike_surnames_share_a_key():
    for a, b in [
        ("Smith", "Smyth"),
        ("Catherine", "Katherine"),
        ("Meyer", "Maier"),
        ("Brown", "Browne"),
        ("MacDonald", "McDonald"),
        ("Phillips", "Philips"),
    ]:
        assert nysiis(a) == nysiis(b), (a, b)
    assert nysiis("Testcase") != nysiis("Samplename")
    assert nysiis("") == nysiis("'-") == ""


def test_the_same_person_scores_the_maximum():
    result = dup.score(BASE, BASE)
    assert result.score == dup.MAX_SCORE and result.likeness is dup.Likeness.LIKELY


def test_near_identical_is_likely_and_says_why():
    typed = PatientDraft("Testkase", "Sam", dt.date(1980, 3, 7), "female")
    result = dup.score(typed, BASE)
    assert result.likeness is dup.Likeness.LIKELY
    assert result.fields == ("family_name", "given_name", "date_of_birth", "sex")
    assert "surname sounds alike" in result.reasons()
    assert "given name starts alike" in result.reasons()


def test_swapped_day_and_month_counts_for_part():
    typed = PatientDraft("Testcase", "Samantha", dt.date(1980, 7, 3), "female")
    result = dup.score(typed, BASE)
    assert "date of birth with day and month swapped" in result.reasons()


def test_a_stranger_is_unlikely():
    other = PatientDraft("Samplename", "Quinn", dt.date(1966, 1, 1), "male")
    assert dup.score(other, BASE).likeness is dup.Likeness.UNLIKELY


def test_a_country_code_does_not_hide_the_same_phone():
    a = PatientDraft("A", "B", None, "", phone="+1 (212) 555-0101")
    assert "phone" in dup.score(a, BASE).fields


names = st.sampled_from(["Testcase", "Testkase", "Samplename", "Sam", "Samantha", "Zoë", "Zoe"])
dates = st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2000, 12, 31)))
phones = st.sampled_from(["", "212-555-0101", "+1 212 555 0101", "312 555 0102"])
emails = st.sampled_from(["", "sam@example.org", "other@example.org"])
sexes = st.sampled_from(["female", "male", "other"])
drafts = st.builds(PatientDraft, names, names, dates, sexes, phone=phones, email=emails)


@given(drafts, drafts)
def test_the_score_is_symmetric_and_bounded(a: PatientDraft, b: PatientDraft):
    ab, ba = dup.score(a, b), dup.score(b, a)
    assert ab.score == ba.score
    assert 0 <= ab.score <= dup.MAX_SCORE


@given(drafts, drafts)
def test_every_possible_duplicate_is_found_by_a_candidate_key(a: PatientDraft, b: PatientDraft):
    if b.date_of_birth is None or dup.score(a, b).likeness is dup.Likeness.UNLIKELY:
        return
    stored = patient_keys(
        b.family_name, b.given_name, b.preferred_name, b.date_of_birth, b.phone, b.email
    )
    assert set(dup.candidate_keys(a)) & set(stored)
