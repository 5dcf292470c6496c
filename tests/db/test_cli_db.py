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


def test_demo_data_builds_a_chain_of_the_size_asked(
    app_env: str, capsys: pytest.CaptureFixture[str]
):
    args = ["demo-data", "--patients", "60", "--days-back", "1", "--days-ahead", "2"]
    assert main([*args, "--locations", "30", "--therapists", "45"]) == 0
    out = capsys.readouterr().out
    assert "30 locations" in out and "45 therapists" in out and "60 patients" in out


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


def _register_one(url: str) -> None:
    import datetime as dt

    from intake.domain.patient import PatientDraft
    from intake.services import patients
    from intake.services.actor import SYSTEM
    from intake.services.database import open_database

    db = open_database(url)
    try:  # as a script would (the command line's actor): one patient, one audit row
        patients.register(
            db, SYSTEM, PatientDraft("Testcase", "Sample", dt.date(1980, 1, 1), "other")
        )
    finally:
        db.close()


def test_downgrade_refuses_to_drop_tables_holding_data(
    app_env: str, capsys: pytest.CaptureFixture[str]
):
    _register_one(app_env)
    assert main(["db", "downgrade", "base"]) == 1
    err = capsys.readouterr().err
    assert "patients (1 rows)" in err and "audit_events (1 rows)" in err
    assert "--yes-destroy-all-data" in err and "Nothing was changed" in err
    assert main(["db", "check"]) == 0  # untouched, still at head
    capsys.readouterr()
    assert main(["db", "current"]) == 0
    assert f"{head_revision()} (head)" in capsys.readouterr().out


def test_downgrade_drops_data_only_when_told_and_says_what_went(
    app_env: str, capsys: pytest.CaptureFixture[str]
):
    _register_one(app_env)
    assert main(["db", "downgrade", "base", "--yes-destroy-all-data"]) == 0
    out = capsys.readouterr().out
    assert "dropped table patients (1 rows)" in out and "dropped table audit_events (1 rows)" in out
    assert "base (empty)" in out


def test_a_downgrade_that_drops_only_rebuilt_tables_needs_no_confirmation(
    app_env: str, capsys: pytest.CaptureFixture[str]
):
    _register_one(app_env)
    assert main(["db", "downgrade", "0001"]) == 0  # search keys and the calendar counter go
    out = capsys.readouterr().out
    assert "dropped table patient_search_keys" in out and "schema now at 0001" in out
    assert main(["db", "upgrade"]) == 0  # and come back, filled from the patients
    assert main(["db", "downgrade", "0001"]) == 0
    assert main(["db", "downgrade", "-1"]) == 1  # 0001 -> base drops the patients
    assert "patients (1 rows)" in capsys.readouterr().err
