"""`intake fhir questionnaire [--checklist ID] [--out FILE]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.cli import main
from intake.settings import DEFAULT_FHIR_BASE_URL, SETTINGS_FILE

from .fhir_forms import validate


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    return tmp_path


def test_it_prints_a_valid_questionnaire_under_the_default_base(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["fhir", "questionnaire"]) == 0
    resource = json.loads(capsys.readouterr().out)
    validate(resource)
    assert resource["url"] == f"{DEFAULT_FHIR_BASE_URL}/Questionnaire/neck-headache"


def test_it_writes_the_file_under_the_practice_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / SETTINGS_FILE).write_text(
        'fhir_base_url = "https://fhir.example-practice.org/r4"\n', encoding="utf-8"
    )
    out = tmp_path / "q.json"
    assert main(["fhir", "questionnaire", "--checklist", "neck-headache-1", "--out", str(out)]) == 0
    resource = json.loads(out.read_text(encoding="utf-8"))
    assert resource["url"] == "https://fhir.example-practice.org/r4/Questionnaire/neck-headache"
    assert str(out) in capsys.readouterr().out


def test_an_unknown_checklist_or_folder_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fhir", "questionnaire", "--checklist", "nope-9"]) == 1
    err = capsys.readouterr().err
    assert "unknown checklist" in err and "Traceback" not in err
    assert main(["fhir", "questionnaire", "--out", str(tmp_path / "no" / "q.json")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err
