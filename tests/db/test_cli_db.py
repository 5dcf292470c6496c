"""The `intake` command against a real database: db upgrade/current/check/downgrade, demo-data."""

from __future__ import annotations

import pytest

from intake.cli import main
from intake.db.migrate import head_revision


def test_db_commands_round_trip(app_env: str, capsys: pytest.CaptureFixture[str]):
    head = head_revision()
    assert main(["db", "current"]) == 0
    assert f"{head} (head)" in capsys.readouterr().out
    assert main(["db", "check"]) == 0
    assert main(["db", "downgrade", "base"]) == 0
    assert "base" in capsys.readouterr().out
    assert main(["db", "check"]) == 1
    assert "intake db upgrade" in capsys.readouterr().err
    assert main(["db", "upgrade"]) == 0
    assert f"-> {head} (head)" in capsys.readouterr().out
    assert main(["db", "check"]) == 0


def test_db_downgrade_to_an_unknown_revision_changes_nothing(
    app_env: str, capsys: pytest.CaptureFixture[str]
):
    assert main(["db", "downgrade", "nonsense"]) == 1
    assert "Unknown revision" in capsys.readouterr().err
    assert main(["db", "check"]) == 0


def test_demo_data_command(app_env: str, capsys: pytest.CaptureFixture[str]):
    args = ["demo-data", "--patients", "40", "--seed", "3", "--days-back", "2", "--days-ahead", "3"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "40 patients" in out and "12 locations" in out
    assert main(args) == 1
    assert "already holds a practice" in capsys.readouterr().err


def test_unreachable_database_exits_non_zero_without_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("INTAKE_DATABASE_URL", "postgresql+psycopg://u:hunter2@127.0.0.1:1/x")
    assert main(["db", "current"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "hunter2" not in err and "u:***@127.0.0.1:1/x" in err


def test_the_embedded_database_is_created_in_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "folder"))
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    assert main(["db", "upgrade"]) == 0
    created = tmp_path / "folder" / "intake.sqlite3"
    assert created.exists() and created.stat().st_mode & 0o777 == 0o600


def test_settings_file_names_the_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str]
):
    target = tmp_path / "from-settings.sqlite3"
    (tmp_path / "settings.toml").write_text(f'database_url = "sqlite+pysqlite:///{target}"\n')
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    assert main(["db", "upgrade"]) == 0
    assert target.exists()
