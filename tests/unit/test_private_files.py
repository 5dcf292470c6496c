"""Owner-only folders and files: which modes are too open, folders made 0700 whatever the
umask, and every too-open folder or file found and named with the command that closes it."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake import logs, private_files
from intake.db.engine import create_database_engine
from intake.private_files import make_private_folder, open_to_others, too_open
from intake.settings import sqlite_url

MODES = st.integers(min_value=0, max_value=0o7777)
OWNER_AND_SPECIAL = 0o7700
OTHERS_READ_OR_WRITE = [0o040, 0o020, 0o004, 0o002]

posix_only = pytest.mark.skipif(os.name != "posix", reason="mode bits mean nothing on Windows")


@given(MODES)
def test_too_open_is_read_or_write_for_group_or_others(mode: int):
    assert too_open(mode) == bool(mode & 0o066)


@given(MODES, st.sampled_from(OTHERS_READ_OR_WRITE))
def test_any_read_or_write_bit_for_others_makes_any_mode_too_open(mode: int, bit: int):
    assert too_open(mode | bit)


@given(MODES)
def test_the_owner_and_search_bits_never_matter(mode: int):
    closed = mode & (OWNER_AND_SPECIAL | 0o011)  # the owner's bits, setuid..., execute
    assert not too_open(closed)
    assert too_open(mode) == too_open(mode & ~OWNER_AND_SPECIAL)


@pytest.mark.parametrize(("mode", "expected"), [(0o700, False), (0o600, False), (0o711, False),
                                                (0o755, True), (0o644, True), (0o620, True),
                                                (0o602, True)])  # fmt: skip
def test_the_usual_modes(mode: int, expected: bool):
    assert too_open(mode) is expected


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)  # the usual one: would make folders 0755 and files 0644
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_private_folder_and_its_missing_parents_are_made_0700(tmp_path: Path, umask_022):
    target = tmp_path / "a" / "b" / "c"
    make_private_folder(target)
    assert [_mode(p) for p in (tmp_path / "a", tmp_path / "a" / "b", target)] == [0o700] * 3
    (tmp_path / "shared").mkdir(mode=0o755)
    make_private_folder(tmp_path / "shared")  # one that exists is left as it is (and named)
    assert _mode(tmp_path / "shared") == 0o755


@pytest.fixture
def fresh_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    data = tmp_path / "home" / "data"
    monkeypatch.setenv("INTAKE_DATA_DIR", str(data))
    monkeypatch.setattr(logs, "_configured", False)
    root = logging.getLogger("intake")
    before, level = list(root.handlers), root.level
    yield data
    for handler in root.handlers[len(before) :]:
        handler.close()
        root.removeHandler(handler)
    root.setLevel(level)


@posix_only
def test_the_data_log_and_database_are_made_private_whatever_the_umask(fresh_log: Path, umask_022):
    logs.configure()  # the first thing every entry point does: it makes the data folder
    logging.getLogger("intake.test").warning("a line")
    create_database_engine(sqlite_url(fresh_log / "intake.sqlite3")).dispose()
    assert _mode(fresh_log.parent) == 0o700 and _mode(fresh_log) == 0o700
    assert _mode(logs.log_path().parent) == 0o700 and _mode(logs.log_path()) == 0o600
    assert _mode(fresh_log / "intake.sqlite3") == 0o600
    assert open_to_others([fresh_log, fresh_log / "intake.sqlite3"], [fresh_log]) == []


@posix_only
def test_every_too_open_folder_and_file_is_named_with_its_command(tmp_path: Path):
    data = tmp_path / "data folder"  # a space: the command quotes the path
    journal = data / "journal" / "0123456789ab"
    journal.mkdir(parents=True)
    for folder in (data, data / "journal", journal):
        folder.chmod(0o700)
    (journal / "draft-x.sealed").write_bytes(b"")
    (journal / "draft-x.sealed").chmod(0o600)
    database = data / "intake.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o600)
    assert open_to_others([data, database], [data / "journal"]) == []

    data.chmod(0o755)
    (journal / "draft-x.sealed").chmod(0o644)
    database.chmod(0o660)
    found = open_to_others([data, database, data / "gone.sqlite3-wal"], [data / "journal"])
    assert [(f.path, f.folder) for f in found] == [
        (data, True),
        (database, False),
        (journal / "draft-x.sealed", False),
    ]
    assert found[0].sentence() == (
        f"Other accounts on this computer can read the folder {data}; "
        f"run `chmod 700 '{data}'` to keep it private."
    )
    assert "can read and change the file" in found[1].sentence()
    assert f"`chmod 600 '{journal / 'draft-x.sealed'}'`" in found[2].sentence()


def test_nothing_is_checked_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Windows keeps access lists, not mode bits: the check would only be noise there."""
    monkeypatch.setattr(private_files.os, "name", "nt")
    assert open_to_others([tmp_path], [tmp_path]) == []
