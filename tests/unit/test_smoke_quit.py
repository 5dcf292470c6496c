"""The packaging smoke check's way out: with INTAKE_SMOKE_QUIT_AFTER_SHOWN=1 the program quits
by itself once the main window is shown and the database is open (packaging/smoke.sh)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _start(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("INTAKE_", "PYTEST_"))
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        INTAKE_DATA_DIR=str(tmp_path / "data"),
        INTAKE_SMOKE_QUIT_AFTER_SHOWN="1",
        **extra,
    )
    return subprocess.run(
        [sys.executable, "-m", "intake.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
        timeout=240,
    )


@pytest.mark.slow
def test_the_demo_quits_with_0_once_its_window_is_shown(tmp_path: Path):
    done = _start(tmp_path, "--demo")
    assert done.returncode == 0, done.stderr
    assert "main window shown: True" in done.stderr


@pytest.mark.slow
def test_a_database_that_cannot_open_quits_with_1(tmp_path: Path):
    (tmp_path / "data").mkdir()
    done = _start(tmp_path, INTAKE_DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert done.returncode == 1
    assert "the database did not open" in done.stderr
