"""The code paths a Windows PC takes, tested here with the platform patched: the log opens
without fchmod, sealed files are written in binary mode, no folder is opened to sync it, and
the data folder is the user's own local (not roaming) application data."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest

from intake import logs, private_files
from intake.services import backup_file
from intake.ui import journal

FAKE_O_BINARY = 0x8000  # Windows' value; on Linux the same bit is O_LARGEFILE (harmless)


class _OsAsOnWindows:
    """The `os` module as the code under test sees it on Windows (the real one elsewhere:
    pathlib must stay POSIX here): os.name 'nt', O_BINARY, no fchmod; os.open calls kept."""

    name = "nt"
    O_BINARY = FAKE_O_BINARY

    def __init__(self) -> None:
        self.opened: list[tuple[str, int]] = []

    def open(self, path: Any, flags: int, *args: Any) -> int:
        self.opened.append((str(path), flags))
        return os.open(path, flags, *args)

    def __getattr__(self, attribute: str) -> Any:
        if attribute == "fchmod":  # Windows has none before Python 3.13
            raise AttributeError(attribute)
        return getattr(os, attribute)


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Windows' os in the modules that choose by it; returns the os.open calls."""
    fake = _OsAsOnWindows()
    for module in (private_files, backup_file):
        monkeypatch.setattr(module, "os", fake)
    return fake.opened


def test_the_log_file_opens_where_there_is_no_fchmod(windows, tmp_path: Path):
    handler = logs._PrivateFileHandler(tmp_path / "intake.log", encoding="utf-8")
    try:
        handler.emit(logging.makeLogRecord({"msg": "started", "levelno": logging.INFO}))
    finally:
        handler.close()
    assert "started" in (tmp_path / "intake.log").read_text(encoding="utf-8")
    assert windows and windows[0][1] & FAKE_O_BINARY


def test_a_journal_file_is_written_in_binary_mode_and_no_folder_is_opened(windows, tmp_path):  # type: ignore[no-untyped-def]
    target = tmp_path / "journal" / "draft.sealed"
    data = b"line\nnext\r\n\x00end"
    journal._replace(target, data)
    assert target.read_bytes() == data
    files = [flags for path, flags in windows if path != str(target.parent)]
    assert files and all(flags & FAKE_O_BINARY for flags in files)
    assert str(target.parent) not in [path for path, _flags in windows]  # no folder fsync


def test_no_folder_is_opened_to_sync_it_on_windows(windows, tmp_path: Path):
    private_files.sync_folder(tmp_path)
    backup_file._fsync_folder(tmp_path)
    assert windows == []


def test_the_folder_is_synced_on_posix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    if os.name != "posix":
        pytest.skip("a POSIX behaviour")
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    private_files.sync_folder(tmp_path)
    assert len(synced) == 1


def test_the_data_folder_is_the_users_local_application_data(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    import platformdirs
    from platformdirs import windows as windows_dirs

    from intake.settings import data_dir

    local, roaming = r"C:\Users\desk\AppData\Local", r"C:\Users\desk\AppData\Roaming"
    folders = {"CSIDL_LOCAL_APPDATA": local, "CSIDL_APPDATA": roaming}
    monkeypatch.setattr(windows_dirs, "get_win_folder", folders.__getitem__)
    monkeypatch.setattr(os.path, "normpath", lambda path: path)  # keep the backslashes
    monkeypatch.setattr(platformdirs, "PlatformDirs", windows_dirs.Windows)
    monkeypatch.delenv("INTAKE_DATA_DIR", raising=False)
    found = str(data_dir())
    # Local, not roaming: patient data must not travel to a file server with the profile;
    # no publisher folder in between.
    assert found.startswith(local)
    assert found.replace("\\", "/").endswith("Local/clinic-intake")
