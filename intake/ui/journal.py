"""The local journal of unfinished intakes: one JSON file per draft in the data folder.

A power cut, a crash or a lost connection must not lose what the front desk typed, so every
change lands here first (atomically: a temporary file, fsync, rename), readable only by the
person signed in to this computer (mode 0600). File names carry a random key, never a name.
The file is removed once the intake is submitted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import re
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from intake.settings import data_dir

log = logging.getLogger(__name__)

_NAME = re.compile(r"^draft-(?P<key>[0-9a-f]{32})\.json$")
FORMAT = 1


def new_key() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class JournalEntry:
    """One unfinished intake as last typed on this computer."""

    key: str  # the file's random key (stable for the life of the draft)
    answers: dict[str, Any]
    checklist_id: str
    checklist_version: str
    patient_id: int | None = None
    intake_id: int | None = None  # None until the database has a copy
    version: int | None = None  # the database row's version this copy builds on
    step: str = ""  # the section the person was on
    saved_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())

    @property
    def saved(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.saved_at)


class Journal:
    """The journal folder (default: <data folder>/journal)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else data_dir() / "journal"

    def path_for(self, key: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{32}", key):
            raise ValueError("a journal key is 32 hex digits")
        return self.folder / f"draft-{key}.json"

    def write(self, entry: JournalEntry) -> Path:
        """Replace the entry's file in one step: either the old or the new copy survives."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self.path_for(entry.key)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        data = json.dumps({"format": FORMAT, **asdict(entry)}, ensure_ascii=False).encode()
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
        _sync_folder(self.folder)
        return target

    def read_all(self) -> list[JournalEntry]:
        """Every readable entry, newest first; an unreadable file is skipped and logged."""
        if not self.folder.is_dir():
            return []
        entries = []
        for path in self.folder.iterdir():
            if _NAME.match(path.name) and (entry := self._read(path)) is not None:
                entries.append(entry)
        return sorted(entries, key=lambda e: e.saved_at, reverse=True)

    def read(self, key: str) -> JournalEntry | None:
        path = self.path_for(key)
        return self._read(path) if path.exists() else None

    def remove(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path_for(key).unlink()
        _sync_folder(self.folder)

    def _read(self, path: Path) -> JournalEntry | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data.pop("format", None)
            entry = JournalEntry(**data)
        except (OSError, ValueError, TypeError):
            log.warning("skipping an unreadable journal file: %s", path.name)
            return None
        if entry.key != _NAME.match(path.name)["key"]:  # type: ignore[index]
            log.warning("skipping a journal file whose key does not match: %s", path.name)
            return None
        return entry


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    if os.name != "posix" or not folder.is_dir():
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
