"""Any JSON at all as answers: the validator never raises, and `intake screen` never crashes.

The world sends nulls, huge numbers, nested junk and unknown keys; each must come back as a
per-question error (or be evaluated), never as a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.screening import AnswerError, evaluate, load_checklist, validate_answers

CHECKLIST = load_checklist("neck-headache-1")
QUESTION_IDS = [q.id for q in CHECKLIST.questions]
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),  # beyond float and repr limits
    st.floats(),  # NaN and infinities included: Python's json reads and writes them
    st.text(),
    st.dates().map(dt.date.isoformat),
    st.sampled_from(["", "None", "null", "yes", "9999-99-99", "2026-02-30", "1e400"]),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
# Every known question id, plus keys the checklist has never heard of.
KEYS = st.one_of(st.sampled_from(QUESTION_IDS), st.text(max_size=12))
ANSWERS = st.dictionaries(KEYS, JSON_VALUES, max_size=len(QUESTION_IDS))
DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@FUZZ
@given(answers=ANSWERS, on=st.one_of(st.none(), DATES))
def test_any_json_answers_give_errors_or_evaluate(answers: dict[str, Any], on: Any) -> None:
    errors = validate_answers(CHECKLIST, answers, on=on)
    assert all(isinstance(e, AnswerError) and e.message for e in errors)
    flagged = {e.question_id for e in errors}
    assert flagged <= set(answers) | {None}
    unknown = set(answers) - set(QUESTION_IDS)
    assert unknown <= flagged, "every unknown key is named"
    if not errors:  # what passes the validator must evaluate
        evaluate(CHECKLIST, answers, on=on or dt.date(2026, 11, 24))


@FUZZ
@given(question=st.sampled_from(QUESTION_IDS), value=JSON_VALUES, on=DATES)
def test_one_answer_is_either_fine_or_named(question: str, value: Any, on: dt.date) -> None:
    errors = validate_answers(CHECKLIST, {question: value}, on=on)
    assert {e.question_id for e in errors} <= {question}


def test_null_for_every_question_is_not_answered() -> None:
    """`{"dob": null}` crashed `intake screen` (74 times in 5,000 generated files)."""
    answers = dict.fromkeys(QUESTION_IDS)
    assert validate_answers(CHECKLIST, answers, on=dt.date(2026, 11, 24)) == []
    result = evaluate(CHECKLIST, answers, on=dt.date(2026, 11, 24))
    assert "dob" in result.missing


def test_non_object_answers_are_one_error() -> None:
    for junk in ([], "x", 3, None, [{"dob": None}]):
        errors = validate_answers(CHECKLIST, junk, on=dt.date(2026, 11, 24))  # type: ignore[arg-type]
        assert [e.question_id for e in errors] == [None]


_CLI_FILES = [
    {"dob": None},
    {"dob": None, "pain_now": None, "rf_fever": None},
    {"dob": 10**400, "pain_now": 1e308 * 10, "sex": {"a": [None]}},
    {"dob": "2026-02-30", "arm_symptoms": [None, None], "": 1},
    [1, 2, 3],
    "plain text",
]


@pytest.mark.parametrize("answers", _CLI_FILES, ids=range(len(_CLI_FILES)))
def test_intake_screen_never_shows_a_traceback(tmp_path: Path, answers: Any) -> None:
    _screen_in_a_child(tmp_path, answers)


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(answers=ANSWERS)
def test_intake_screen_on_generated_files(tmp_path: Path, answers: dict[str, Any]) -> None:
    _screen_in_a_child(tmp_path, answers)


def _screen_in_a_child(folder: Path, answers: Any) -> None:
    """The real command in a child process: exit 0 (evaluated) or 2 (bad answers), no crash."""
    path = folder / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "intake.cli", "screen", str(path), "--on", "2026-11-24"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "INTAKE_DATA_DIR": str(folder / "data")},
    )
    assert done.returncode in (0, 2), (answers, done.stderr)
    assert "Traceback" not in done.stderr
    json.loads(done.stdout)
