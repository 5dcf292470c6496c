"""A broken settings.toml stops the start with one sentence: the file, the line, the fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.cli import main
from intake.db.engine import parse_url
from intake.settings import (
    DEFAULT_FHIR_BASE_URL,
    SETTINGS_FILE,
    SettingsError,
    load_settings,
    read_settings_file,
)

from .settings_cases import CASES, BrokenSettings, assert_one_sentence, broken_settings


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_broken_file_is_one_sentence(
    case: BrokenSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = broken_settings(case, tmp_path / "data", monkeypatch)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert_one_sentence(str(caught.value), case, path)
    assert caught.value.line == case.line


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_command_line_names_the_file_and_line(
    case: BrokenSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = broken_settings(case, tmp_path / "data", monkeypatch)
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    assert main(["db", "current"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("intake db: The settings file ")
    assert_one_sentence(err, case, path)


def test_an_empty_file_means_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / SETTINGS_FILE).write_text("", encoding="utf-8")
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    settings = load_settings()
    assert settings.idle_lock_minutes == 5
    assert settings.database_url.endswith("intake.sqlite3")


def test_the_fhir_base_url_is_the_practice_choice_or_the_program_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    assert load_settings().fhir_base_url == DEFAULT_FHIR_BASE_URL
    (tmp_path / SETTINGS_FILE).write_text(
        'fhir_base_url = "https://fhir.example-practice.org/fhir/"\n', encoding="utf-8"
    )
    assert load_settings().fhir_base_url == "https://fhir.example-practice.org/fhir"


def test_good_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / SETTINGS_FILE
    path.write_text(
        '# the shared server\ndatabase_url = "postgresql+psycopg://db/intake"\n'
        "idle_lock_minutes = 10\n",
        encoding="utf-8",
    )
    assert read_settings_file(path) == {
        "database_url": "postgresql+psycopg://db/intake",
        "idle_lock_minutes": 10,
    }


def test_no_file_is_no_settings(tmp_path: Path) -> None:
    assert read_settings_file(tmp_path / SETTINGS_FILE) == {}


def _settings_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str) -> str:
    """The database address in force for a settings file with `content` (no environment)."""
    (tmp_path / SETTINGS_FILE).write_text(content, encoding="utf-8")
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    return load_settings().database_url


def test_the_transport_settings_reach_the_server_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca = tmp_path / "clinic ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    (tmp_path / SETTINGS_FILE).write_text(
        f"sslmode = 'verify-full'\nsslrootcert = '{ca}'\n", encoding="utf-8"
    )
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    # The IT person's own address (a password with @ and ? in it, as people type them).
    monkeypatch.setenv(
        "INTAKE_DATABASE_URL", "postgresql+psycopg://intake:p@ss?w0rd@db.clinic.lan:5432/intake"
    )
    url = load_settings().database_url
    parsed = parse_url(url)
    assert parsed.password == "p@ss?w0rd"
    assert (parsed.host, parsed.database) == ("db.clinic.lan", "intake")
    assert dict(parsed.query) == {"sslmode": "verify-full", "sslrootcert": str(ca)}


def test_the_address_own_transport_parameters_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The address names its CA file, so verify-full in the file needs no sslrootcert there.
    url = _settings_with(
        tmp_path,
        monkeypatch,
        'database_url = "postgresql+psycopg://db/intake?sslrootcert=/etc/ca.crt&sslmode=require"\n'
        "sslmode = 'verify-full'\n",
    )
    assert dict(parse_url(url).query) == {"sslrootcert": "/etc/ca.crt", "sslmode": "require"}
    url = _settings_with(
        tmp_path,
        monkeypatch,
        'database_url = "postgresql+psycopg://db/intake?sslrootcert=/etc/ca.crt"\n'
        "sslmode = 'verify-ca'\n",
    )
    assert dict(parse_url(url).query) == {"sslrootcert": "/etc/ca.crt", "sslmode": "verify-ca"}


def test_the_transport_settings_leave_sqlite_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _settings_with(tmp_path, monkeypatch, "sslmode = 'require'\n")
    assert url == f"sqlite+pysqlite:///{tmp_path / 'intake.sqlite3'}"
