"""Times as people read them: a location's clock names its zone when it is not the PC's."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from intake.ui import when

CHICAGO, NEW_YORK = ZoneInfo("America/Chicago"), ZoneInfo("America/New_York")
START = dt.datetime(2026, 12, 2, 13, 30, tzinfo=dt.UTC)


def test_a_visit_in_another_zone_names_its_zone():
    chicago = when.moment(START, "America/Chicago", pc_zone=NEW_YORK)
    assert chicago == "Wednesday, December 2, 2026, 7:30 AM CST"
    assert when.moment(START, "America/Chicago", pc_zone=CHICAGO).endswith("7:30 AM")
    short = when.moment(START.astimezone(CHICAGO), short=True, pc_zone=NEW_YORK)
    assert short == "Wed, Dec 2, 7:30 AM CST"  # a local start keeps its own wall clock


def test_nothing_to_show_for_no_time():
    assert when.moment(None) == ""


@given(
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(["America/Chicago", "America/New_York", "Europe/Madrid", "UTC"]),
    st.sampled_from([CHICAGO, NEW_YORK, ZoneInfo("Europe/Madrid")]),
)
def test_the_zone_is_named_exactly_when_the_clocks_differ(naive, zone, pc):
    instant = naive.replace(tzinfo=dt.UTC)
    text = when.moment(instant, zone, pc_zone=pc)
    location = instant.astimezone(ZoneInfo(zone))
    differs = location.utcoffset() != instant.astimezone(pc).utcoffset()
    assert text.endswith(f" {location.tzname()}") == differs or not differs
    assert when.time_of_day(location) in text
    assert text.endswith(("AM", "PM")) != differs


def test_a_typed_date_and_a_patients_birth_date_read_the_one_way():
    from intake.domain.patient import PatientInfo
    from intake.ui.front_desk import patient_label
    from intake.ui.intake_form.dates import readable

    assert readable(dt.date(1994, 6, 11)) == when.date(dt.date(1994, 6, 11)) == "Jun 11, 1994"
    info = PatientInfo.__new__(PatientInfo)
    for name, value in {"family_name": "Testcase", "given_name": "Zoe", "mrn": "M0000007",
                        "date_of_birth": dt.date(1994, 6, 11)}.items():  # fmt: skip
        object.__setattr__(info, name, value)
    assert patient_label(info) == "Testcase, Zoe · born Jun 11, 1994 · M0000007"
