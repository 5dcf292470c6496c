"""What a person types into a course's time box."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.ui.series.rule_form import typed_time


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("9", dt.time(9)),
        ("930", dt.time(9, 30)),
        ("9:30", dt.time(9, 30)),
        ("10", dt.time(10)),
        ("1015", dt.time(10, 15)),
        ("2", dt.time(14)),  # clinic hours: 2 is the afternoon
        ("2a", dt.time(2)),
        ("8p", dt.time(20)),
        ("12", dt.time(12)),
        ("14", dt.time(14)),
        ("937", dt.time(9, 30)),  # to the quarter hour
    ],
)
def test_typed_times(typed: str, meant: dt.time) -> None:
    assert typed_time(typed) == meant


@pytest.mark.parametrize("typed", ["", "x", "25", "961", "12345"])
def test_no_time(typed: str) -> None:
    assert typed_time(typed) is None
