from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.scheduling import (
    Interval,
    clip,
    intersect,
    normalise,
    subtract,
    total_duration,
    union,
)

BASE = datetime(2026, 3, 2, tzinfo=UTC)


def iv(a: int, b: int) -> Interval:
    """Minutes after a fixed base."""
    return Interval(BASE + timedelta(minutes=a), BASE + timedelta(minutes=b))


def test_interval_must_be_nonempty_and_aware() -> None:
    with pytest.raises(ValueError, match="end after"):
        iv(5, 5)
    with pytest.raises(ValueError, match="timezone-aware"):
        Interval(datetime(2026, 1, 1), datetime(2026, 1, 2))


def test_touching_intervals_merge_but_do_not_overlap() -> None:
    assert normalise([iv(60, 120), iv(0, 60)]) == [iv(0, 120)]
    assert not iv(0, 60).overlaps(iv(60, 120))
    assert iv(0, 61).overlaps(iv(60, 120))


def test_union_merges_overlaps_and_keeps_gaps() -> None:
    assert union([iv(0, 30), iv(100, 130)], [iv(20, 50), iv(125, 140)]) == [
        iv(0, 50),
        iv(100, 140),
    ]
    assert union([iv(0, 100)], [iv(10, 20)]) == [iv(0, 100)]


def test_empty_inputs() -> None:
    assert normalise([]) == []
    assert intersect([], [iv(0, 10)]) == []
    assert subtract([], [iv(0, 10)]) == []
    assert subtract([iv(0, 10)], []) == [iv(0, 10)]
    assert total_duration([]) == timedelta()


def test_subtract_touching_edges_leave_the_interval_whole() -> None:
    assert subtract([iv(60, 120)], [iv(0, 60), iv(120, 180)]) == [iv(60, 120)]


def test_subtract_punches_holes_and_spans_several_intervals() -> None:
    assert subtract([iv(0, 100)], [iv(10, 20), iv(30, 40)]) == [iv(0, 10), iv(20, 30), iv(40, 100)]
    assert subtract([iv(0, 10), iv(20, 30), iv(40, 50)], [iv(5, 45)]) == [iv(0, 5), iv(45, 50)]
    assert subtract([iv(0, 10)], [iv(-5, 15)]) == []


def test_intersect_and_clip() -> None:
    assert intersect([iv(0, 50), iv(60, 100)], [iv(40, 70)]) == [iv(40, 50), iv(60, 70)]
    assert intersect([iv(0, 10)], [iv(10, 20)]) == []
    assert clip([iv(0, 50), iv(60, 100)], iv(45, 65)) == [iv(45, 50), iv(60, 65)]


def test_total_duration_counts_overlap_once() -> None:
    assert total_duration([iv(0, 30), iv(15, 45)]) == timedelta(minutes=45)


# --- properties against a model made of minute sets -------------------------------------

intervals = st.lists(
    st.tuples(st.integers(0, 300), st.integers(1, 60)).map(lambda p: iv(p[0], p[0] + p[1])),
    max_size=12,
)


def minutes(items: list[Interval]) -> set[int]:
    found: set[int] = set()
    for i in items:
        a = int((i.start - BASE) / timedelta(minutes=1))
        b = int((i.end - BASE) / timedelta(minutes=1))
        found.update(range(a, b))
    return found


def assert_normal(items: list[Interval]) -> None:
    for earlier, later in pairwise(items):
        assert earlier.end < later.start  # sorted, disjoint and not even touching


@settings(max_examples=150, deadline=None)
@given(intervals, intervals)
def test_set_operations_match_the_minute_model(a: list[Interval], b: list[Interval]) -> None:
    for result, expected in (
        (union(a, b), minutes(a) | minutes(b)),
        (intersect(a, b), minutes(a) & minutes(b)),
        (subtract(a, b), minutes(a) - minutes(b)),
    ):
        assert_normal(result)
        assert minutes(result) == expected
    assert total_duration(a) == timedelta(minutes=len(minutes(a)))
