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
    if demo:
        return Settings(folder, sqlite_url(folder / DEMO_DATABASE_FILE), idle)
    url = os.environ.get("INTAKE_DATABASE_URL") or file_values.get("database_url")
    return Settings(folder, str(url) if url else sqlite_url(folder / DATABASE_FILE), idle)


def _read_settings_file(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
