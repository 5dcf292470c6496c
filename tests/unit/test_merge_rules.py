"""The pure rules of a merge: which fields differ, what the survivor keeps, what blocks it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.domain.errors import Invalid
from intake.domain.merge import (
    MergeRefused,
    Side,
    VisitTime,
    check_pair,
    differing_fields,
    from_json,
    merged_values,
    moving_words,
    overlaps,
    refusal,
    to_json,
)
from intake.domain.patient import DRAFT_FIELDS, PatientInfo

BASE = PatientInfo("Mergeunit", "Alpha", dt.date(1980, 2, 3), "other", id=1, mrn="M0000001")
OTHER = replace(BASE, id=2, mrn="M0000002", phone="(212) 555-0100", city="Sampletown")
UTC = dt.UTC
_texts = st.text(alphabet="abcxyz ", max_size=6)


def test_the_differing_fields_in_form_order():
    assert differing_fields(BASE, OTHER) == ("phone", "city")
    assert differing_fields(BASE, BASE) == ()


def test_the_survivor_keeps_its_own_value_unless_the_other_is_chosen():
    assert merged_values(BASE, OTHER, {}) == {}
    assert merged_values(BASE, OTHER, {"phone": Side.MERGED}) == {"phone": "(212) 555-0100"}
    # A choice for a field that does not differ changes nothing.
    assert merged_values(BASE, OTHER, {"family_name": Side.MERGED}) == {}


def test_a_choice_for_no_field_of_the_record_is_refused():
    with pytest.raises(Invalid) as refused:
        merged_values(BASE, OTHER, {"password": Side.MERGED})
    assert "password" in refused.value.problems


@given(
    phone=_texts,
    city=_texts,
    email=_texts,
    sides=st.dictionaries(st.sampled_from(DRAFT_FIELDS), st.sampled_from(Side)),
)
def test_the_result_is_always_one_records_value_per_field(phone, city, email, sides):
    other = replace(OTHER, phone=phone, city=city, email=email)
    result = {**{f: getattr(BASE, f) for f in DRAFT_FIELDS}, **merged_values(BASE, other, sides)}
    for field in DRAFT_FIELDS:
        chosen = other if sides.get(field) is Side.MERGED else BASE
        assert result[field] == getattr(chosen, field)
        assert result[field] in (getattr(BASE, field), getattr(other, field))


def test_a_record_is_not_merged_into_itself_nor_a_tombstone():
    with pytest.raises(MergeRefused, match="itself"):
        check_pair(BASE, BASE)
    with pytest.raises(MergeRefused, match="M0000002 was already merged"):
        check_pair(BASE, replace(OTHER, merged_into_id=7))
    check_pair(BASE, OTHER)


Timed = tuple[dt.datetime, dt.datetime, VisitTime]


def _visit(mrn: str, hour: int, minutes: int = 45) -> Timed:
    start = dt.datetime(2027, 3, 1, hour, tzinfo=UTC)
    end = start + dt.timedelta(minutes=minutes)
    return start, end, VisitTime(mrn, start, end, "Test Site East")


def test_overlapping_visits_are_paired_and_named():
    found = overlaps([_visit("M1", 9), _visit("M1", 14)], [_visit("M2", 9, 30), _visit("M2", 11)])
    assert len(found) == 1
    words = str(refusal(found))
    assert "Mon, Mar 1, 2027, 9:00 AM–9:45 AM UTC at Test Site East (M1)" in words
    assert "9:00 AM–9:30 AM UTC at Test Site East (M2)" in words


def test_touching_visits_do_not_overlap():
    assert overlaps([_visit("M1", 9, 60)], [_visit("M2", 10)]) == ()


@given(
    a=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=5),
    b=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=5),
)
def test_overlaps_are_exactly_the_pairs_sharing_time(a, b):
    def visits(spans: list[tuple[int, int]], mrn: str) -> list[Timed]:
        base = dt.datetime(2027, 3, 1, tzinfo=UTC)
        out = []
        for start, length in spans:
            s = base + dt.timedelta(minutes=15 * start)
            e = s + dt.timedelta(minutes=15 * length)
            out.append((s, e, VisitTime(mrn, s, e, "X")))
        return out

    found = overlaps(visits(a, "A"), visits(b, "B"))
    expected = sum(1 for s, la in a for t, lb in b if s < t + lb and t < s + la)
    assert len(found) == expected
    assert len(overlaps(visits(b, "B"), visits(a, "A"))) == expected  # symmetric


def test_what_moves_in_words():
    assert str(moving_words({"intakes": 2, "appointments": 1})) == (
        "2 intakes, 1 appointment and no waitlist entries"
    )


def test_dates_survive_the_json_copy():
    born = dt.date(1980, 2, 3)
    assert from_json("date_of_birth", to_json(born)) == born
    assert from_json("city", to_json("Sampletown")) == "Sampletown"
