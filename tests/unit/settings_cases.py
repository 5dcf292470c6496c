"""Broken settings files as people make them, shared by the CLI and GUI start tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake.settings import SETTINGS_FILE


@dataclass(frozen=True)
class BrokenSettings:
    name: str
    make: Callable[[Path], None]  # writes the file (or folder) at the given path
    line: int | None  # the line the message must name, where there is one
    says: str  # a fragment of what is wrong


def _text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def _unreadable(path: Path) -> None:
    path.write_text("idle_lock_minutes = 5\n", encoding="utf-8")
    path.chmod(0)


CASES = [
    BrokenSettings(
        "a login in a PC's file",
        _text(
            'idle_lock_minutes = 5\ndatabase_url = "postgresql+psycopg://intake:s3cret@db/intake"\n'
        ),
        2,
        "names a user",
    ),
    BrokenSettings(
        "bad TOML", _text("idle_lock_minutes = 5\ndatabase_url postgresql\n"), 2, "not valid TOML"
    ),
    BrokenSettings(
        "unterminated string",
        _text('# shared server\n\ndatabase_url = "postgresql+psycopg://db/intake\n'),
        3,
        "not valid TOML",
    ),
    BrokenSettings(
        "minutes as text",
        _text('database_url = "sqlite+pysqlite:///x"\nidle_lock_minutes = "ten"\n'),
        2,
        "idle_lock_minutes must be a whole number of minutes from 1 to 1440, not 'ten'",
    ),
    BrokenSettings(
        "FHIR base without a scheme",
        _text('fhir_base_url = "fhir.example-practice.org"\n'),
        1,
        "fhir_base_url must be a web address",
    ),
    BrokenSettings("minutes as a fraction", _text("idle_lock_minutes = 2.5\n"), 1, "not 2.5"),
    BrokenSettings("minutes as yes/no", _text("idle_lock_minutes = true\n"), 1, "not true"),
    BrokenSettings("minutes zero", _text("\nidle_lock_minutes = 0\n"), 2, "from 1 to 1440, not 0"),
    BrokenSettings(
        "address as a number",
        _text("database_url = 5432\n"),
        1,
        "database_url must be a database address in quotes, not 5432",
    ),
    BrokenSettings("address as a table", _text("[database_url]\nhost = 'db'\n"), 1, "not a table"),
    BrokenSettings(
        "not UTF-8",
        lambda path: path.write_bytes(b"idle_lock_minutes = 5\n# caf\xe9 server\n"),
        2,
        "not UTF-8 text",
    ),
    BrokenSettings(
        "unknown key",
        _text("idle_lock_minutes = 5\n\ndatabase_ulr = 'postgresql+psycopg://db/intake'\n"),
        3,
        "unknown setting 'database_ulr'",
    ),
    BrokenSettings(
        "sslmode misspelt",
        _text('database_url = "postgresql+psycopg://db/intake"\nsslmode = "verify_full"\n'),
        2,
        "sslmode must be one of 'disable', 'allow', 'prefer', 'require', 'verify-ca', "
        "'verify-full', not 'verify_full'",
    ),
    BrokenSettings(
        "CA file missing",
        _text("sslmode = 'verify-full'\nsslrootcert = '/nonexistent/clinic-ca.crt'\n"),
        2,
        "sslrootcert must be the full path, in quotes, of a certificate file (PEM) that exists",
    ),
    BrokenSettings(
        "CA file as a relative path",
        _text("sslrootcert = 'clinic-ca.crt'\n"),
        1,
        "not 'clinic-ca.crt'",
    ),
    BrokenSettings(
        "verify-full without a CA file",
        _text('database_url = "postgresql+psycopg://db/intake"\n\nsslmode = "verify-full"\n'),
        3,
        "sslmode 'verify-full' checks the server's certificate, so it needs sslrootcert",
    ),
    BrokenSettings("a folder", lambda path: path.mkdir(), None, "a folder, not a file"),
    BrokenSettings("unreadable", _unreadable, None, "cannot be read: permission denied"),
]


def broken_settings(case: BrokenSettings, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Write the broken file into `folder`, the data folder in force; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SETTINGS_FILE
    case.make(path)
    if case.make is _unreadable:  # root reads a mode-0 file anyway: refuse as the OS would
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self == path:
                raise PermissionError(13, "Permission denied", str(path))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setenv("INTAKE_DATA_DIR", str(folder))
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)  # the file's address is the one
    return path


def assert_one_sentence(message: str, case: BrokenSettings, path: Path) -> None:
    assert str(path) in message
    assert case.says in message
    if case.line is not None:
        assert f", line {case.line}:" in message
    else:
        assert ", line" not in message
    assert "\n" not in message.strip()
    assert message.strip().endswith(".")
    assert "unexpected" not in message and "Traceback" not in message
