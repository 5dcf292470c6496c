"""The program's own log file, configured as an entry point does, for one test."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake import logs


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh data folder; the log is configured by whatever the test starts (an entry
    point) and taken down afterwards. Yields the log folder (it may not exist yet)."""
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(logs, "_configured", False)
    root = logging.getLogger("intake")
    before, level = list(root.handlers), root.level
    yield logs.log_path().parent
    for handler in root.handlers[len(before) :]:
        handler.close()
        root.removeHandler(handler)
    root.setLevel(level)


def log_text(folder: Path) -> str:
    for handler in logging.getLogger("intake").handlers:
        handler.flush()
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob(logs.LOG_FILE + "*")))
