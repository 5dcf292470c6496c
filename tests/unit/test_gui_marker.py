"""`pytest -m "not gui"` runs every test that needs no QApplication, and never aborts.

Today's guard is structural: the `gui` marker sits on pytest-qt's `qapp` fixture
(tests/conftest.py). This test runs the screen tests' folder with `-m "not gui"` in a child
process: a test that builds a widget without asking for `qapp` aborts the child.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _pytest(*args: str) -> subprocess.CompletedProcess[str]:
    # The child must not write the parent's CI reports, nor clone PostgreSQL databases.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTEST_ADDOPTS", "INTAKE_TEST_REPORT", "INTAKE_TEST_DATABASE_URL"}
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_not_gui_runs_the_screen_folder_without_aborting() -> None:
    done = _pytest("-m", "not gui", "tests/ui")
    assert "Fatal Python error" not in done.stderr + done.stdout
    assert done.returncode in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED), (
        done.stdout[-2000:] + done.stderr[-2000:]
    )


def test_every_test_that_asks_for_a_qapplication_is_marked(tmp_path: Path) -> None:
    tests = tmp_path / "test_planted.py"
    tests.write_text(
        "def test_with_qapp(qapp):\n    pass\n\n"
        "def test_with_qtbot(qtbot):\n    pass\n\n"
        "def test_pure():\n    pass\n",
        encoding="utf-8",
    )
    done = _pytest(
        "--collect-only", "-m", "gui", "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"),
        "--confcutdir", str(ROOT), "-p", "tests.conftest", str(tests),
    )  # fmt: skip
    listed = done.stdout
    assert "test_with_qapp" in listed and "test_with_qtbot" in listed, listed
    assert "test_pure" not in listed


def test_ci_runs_the_tests_without_a_qapplication_alone() -> None:
    steps = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert any('pytest -q -m "not gui"' in step and not step.startswith("#") for step in steps)
