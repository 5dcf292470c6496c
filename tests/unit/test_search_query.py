"""Reading what was typed into the patient search box."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.domain.search_query import (
    Reading,
    parse,
    patient_keys,
    prefix_range,
    read_date,
)

TODAY = dt.date(2027, 2, 22)
D = dt.date


def readings(text: str) -> set[Reading]:
    return set(parse(text, TODAY).readings)


def test_names_in_any_order_are_folded_words():
    assert readings("  Zoë   O'Testcase ") == {Reading(names=("zoe", "otestcase"))}
    assert readings("testcase-samplename") == {Reading(names=("testcase", "samplename"))}


def test_nothing_typed_means_nothing_to_search():
    assert parse("   ", TODAY).is_empty
    assert parse("", TODAY).is_empty


@pytest.mark.parametrize(
    ("typed", "dates"),
    [
        ("1980-03-07", {D(1980, 3, 7)}),
        ("1980/3/7", {D(1980, 3, 7)}),
        ("7.3.1980", {D(1980, 3, 7), D(1980, 7, 3)}),
        ("07/03/1980", {D(1980, 3, 7), D(1980, 7, 3)}),
        ("25/12/1990", {D(1990, 12, 25)}),
        ("12/25/1990", {D(1990, 12, 25)}),
        ("19800307", {D(1980, 3, 7)}),
        ("07031980", {D(1980, 3, 7), D(1980, 7, 3)}),
        ("3/7/80", {D(1980, 7, 3), D(1980, 3, 7)}),
        ("1/2/05", {D(2005, 2, 1), D(2005, 1, 2)}),
    ],
)
def test_dates_of_birth_in_common_formats(typed: str, dates: set[dt.date]):
    found = {r.birth_date for r in readings(typed) if r.birth_date}
    assert found == dates
    assert set(read_date(typed, TODAY)) == dates


def test_impossible_and_future_dates_are_no_dates():
    assert read_date("1980-02-30", TODAY) == ()
    assert read_date("2030-01-01", TODAY) == ()
    assert read_date("31/31/1980", TODAY) == ()


def test_a_phone_number_with_punctuation_is_its_digits():
    assert readings("+1 (212) 555-0123") == {Reading(phone="12125550123")}
    assert Reading(phone="5550123") in readings("555-0123")


@pytest.mark.parametrize("typed", ["(212) 555-0123", "Testcase 7.3.1980", "0042", ""])
def test_a_query_is_a_value_whatever_was_typed(typed: str):
    # Hashable and equal when typed again (a phone number's query once held a list).
    assert {parse(typed, TODAY): typed}[parse(typed, TODAY)] == typed


def test_eight_digits_may_be_a_date_or_the_start_of_a_phone_number():
    assert readings("19800307") == {Reading(birth_date=D(1980, 3, 7)), Reading(phone="19800307")}


@pytest.mark.parametrize("typed", ["M0000123", "m123", "123"])
def test_record_numbers(typed: str):
    assert Reading(mrn="M0000123") in readings(typed)


def test_a_name_with_a_date():
    assert readings("testcase 1980-03-07") == {
        Reading(names=("testcase",), birth_date=D(1980, 3, 7))
    }


def test_keys_cover_names_birth_date_phone_both_ways_and_email():
    keys = patient_keys(
        "O'Testcase", "Zoë Ann", "", D(1980, 3, 7), "+1 212-555-0123", "Zoe@Example.org"
    )
    assert {"otestcase", "testcase", "o", "zoe", "ann", "#d19800307"} <= set(keys)
    assert {"#p12125550123", "#p2125550123", "#s32105552121", "#ezoe@example.org"} <= set(keys)
    assert len(keys) == len(set(keys))


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789#", min_size=1, max_size=8))
def test_a_prefix_range_holds_exactly_the_keys_with_that_prefix(prefix: str):
    low, high = prefix_range(prefix)
    for suffix in ("", "a", "zz", "0", "#"):
        assert low <= prefix + suffix < high
    assert not low <= prefix[:-1] < high or prefix[:-1] == prefix


@given(st.text(max_size=40))
def test_parse_never_fails(text: str):
    query = parse(text, TODAY)
    assert all(not r.is_empty for r in query.readings)
