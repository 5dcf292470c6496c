"""The log file is the owner's alone, written from the first moment of every entry point."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from intake import cli, logs
from tests.log_capture import log_folder, log_text  # noqa: F401


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_command_writes_its_log_with_private_modes(log_folder: Path, tmp_path):  # noqa: F811
    old = os.umask(0o022)  # a common desktop umask: files 0644 unless the program says so
    try:
        assert cli.main(["screen", str(tmp_path / "missing.json")]) == cli.EXIT_FAILURE
        logging.getLogger("intake.test").info("a line after the command")
    finally:
        os.umask(old)
    assert "a line after the command" in log_text(log_folder)
    assert _mode(log_folder) == 0o700
    assert _mode(log_folder / logs.LOG_FILE) == 0o600


def test_rolled_over_and_older_files_stay_private(log_folder: Path):  # noqa: F811
    log_folder.mkdir(parents=True, mode=0o755)
    log_folder.chmod(0o755)
    older = log_folder / (logs.LOG_FILE + ".3")
    older.write_text("from an older version\n")
    older.chmod(0o644)
    logs.configure()
    logging.getLogger("intake.test").warning("first")
    handler = logging.getLogger("intake").handlers[-1]  # the one configure() added
    assert isinstance(handler, logging.FileHandler)
    handler.doRollover()
    logging.getLogger("intake.test").warning("second")
    assert _mode(log_folder) == 0o700
    files = sorted(log_folder.iterdir())
    assert len(files) >= 3
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_a_database_error_is_logged_as_its_kind_only(log_folder: Path):  # noqa: F811
    import sqlite3

    logs.configure()
    name = "".join(["Quorvex", "log"])  # not in any source line a traceback quotes
    try:
        raise sqlite3.IntegrityError(f"UNIQUE failed: Key (family_name)=({name})")
    except sqlite3.IntegrityError as exc:
        logging.getLogger("intake.test").exception("background task failed")
        logging.getLogger("intake.test").warning("again: %s", exc)
    text = log_text(log_folder)
    assert name not in text
    assert "sqlite3.IntegrityError" in text and "background task failed" in text
    assert "test_a_database_error_is_logged_as_its_kind_only" in text  # the traceback stays


def test_other_exceptions_keep_their_message(log_folder: Path):  # noqa: F811
    logs.configure()
    try:
        try:
            raise KeyError("inner-detail")
        except KeyError as exc:
            raise RuntimeError("outer-detail") from exc
    except RuntimeError:
        logging.getLogger("intake.test").exception("bug")
    text = log_text(log_folder)
    assert "KeyError: 'inner-detail'" in text and "RuntimeError: outer-detail" in text
    assert "direct cause" in text
