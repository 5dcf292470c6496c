"""Where the program keeps its data and which database it talks to.

Order of precedence: environment (`INTAKE_DATABASE_URL`, `INTAKE_DATA_DIR`), then the
settings file `settings.toml` in the data folder, then the embedded SQLite default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "clinic-intake"
SETTINGS_FILE = "settings.toml"
DATABASE_FILE = "intake.sqlite3"
DEMO_DATABASE_FILE = "demo.sqlite3"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    idle_lock_minutes: int = 5
    backup: BackupSettings | None = None  # None: the defaults (see backup_settings)


@dataclass(frozen=True)
class BackupSettings:
    """settings.toml keys backup_folder, backup_interval_hours, backup_keep_daily,
    backup_keep_weekly and practice_name (the name that starts each backup file's name)."""

    folder: Path
    interval_hours: float = 4.0
    keep_daily: int = 14
    keep_weekly: int = 8
    practice_name: str = "practice"


def backup_settings(settings: Settings) -> BackupSettings:
    return settings.backup or BackupSettings(settings.data_dir / "backups")


def _backup_settings(folder: Path, values: dict[str, object]) -> BackupSettings:
    where = values.get("backup_folder")
    return BackupSettings(
        folder=Path(str(where)).expanduser() if where else folder / "backups",
        interval_hours=float(values.get("backup_interval_hours", 4.0)),  # type: ignore[arg-type]
        keep_daily=int(values.get("backup_keep_daily", 14)),  # type: ignore[call-overload]
        keep_weekly=int(values.get("backup_keep_weekly", 8)),  # type: ignore[call-overload]
        practice_name=str(values.get("practice_name", "practice")),
    )


def data_dir() -> Path:
    override = os.environ.get("INTAKE_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def load_settings(*, demo: bool = False) -> Settings:
    """The settings in force. The demo practice always uses its own SQLite file."""
    folder = data_dir()
    file_values = _read_settings_file(folder / SETTINGS_FILE)
    idle = int(file_values.get("idle_lock_minutes", 5))
    backup = _backup_settings(folder, file_values)
    if demo:
        return Settings(folder, sqlite_url(folder / DEMO_DATABASE_FILE), idle, backup)
    url = os.environ.get("INTAKE_DATABASE_URL") or file_values.get("database_url")
    return Settings(folder, str(url) if url else sqlite_url(folder / DATABASE_FILE), idle, backup)


def _read_settings_file(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
