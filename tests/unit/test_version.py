"""`intake --version` names the program's version and the schema revision it needs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import intake
from intake.cli import main
from intake.db.migrate import head_revision
from intake.services import about
from intake.services.about import describe_program

ROOT = Path(__file__).resolve().parents[2]


def test_version_prints_program_and_schema_and_exits_0(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out == f"Clinic Intake {intake.__version__} (schema revision {head_revision()})"
    assert out == str(describe_program())  # the About box's words too


def test_version_comes_from_the_code_when_there_is_no_package_metadata(monkeypatch):
    def missing(_name: str) -> str:
        raise metadata.PackageNotFoundError("clinic-intake")

    monkeypatch.setattr(metadata, "version", missing)
    assert about.program_version() == intake.__version__


def test_the_package_version_is_written_in_one_place():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "intake.__version__"}


def test_version_runs_as_a_command_without_opening_a_database(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "intake.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "INTAKE_DATA_DIR": str(tmp_path / "data")},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Clinic Intake ")
    assert not (tmp_path / "data").exists()  # nothing made, nothing opened
