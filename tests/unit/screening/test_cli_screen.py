"""`intake screen ANSWERS.json`: JSON out; exit 0 when evaluated, 2 on invalid answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from intake.cli import main
from intake.screening import load_checklist

from .builders import answers_for


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], answers: Any, *extra: str):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers) if not isinstance(answers, str) else answers)
    code = main(["screen", str(path), "--on", "2026-11-24", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_answers_print_the_result(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = answers_for(load_checklist(), rf_sudden_onset=True)
    code, out, _ = _run(tmp_path, capsys, answers, "--checklist", "neck-headache-1")
    assert code == 0
    result = json.loads(out)
    assert result["status"] == "complete"
    assert result["triage"] == "emergency"
    assert result["checklist"] == {"id": "neck-headache", "version": "1"}


def test_incomplete_answers_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(tmp_path, capsys, {"has_headache": True})
    assert code == 0
    result = json.loads(out)
    assert result["status"] == "incomplete"
    assert "headache_side" in result["missing"] and "dob" in result["missing"]


def test_invalid_answers_exit_two_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(tmp_path, capsys, {"rf_fever": 1, "pain_now": 11, "nope": True})
    assert code == 2
    errors = json.loads(out)["errors"]
    assert [e["question"] for e in errors] == ["rf_fever", "pain_now", "nope"]
    assert all(e["message"] for e in errors)


def test_not_json_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(tmp_path, capsys, "{not json")
    assert code == 2
    assert json.loads(out)["errors"][0]["question"] is None


def test_unknown_checklist_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(tmp_path, capsys, {}, "--checklist", "neck-headache-7")
    assert code == 1
    assert "unknown checklist" in err
