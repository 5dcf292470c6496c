"""`pytest -m "not gui"` runs every test that needs no QApplication, and never aborts.

Today's guard is structural: the `gui` marker sits on pytest-qt's `qapp` fixture
(tests/conftest.py). This test runs the screen tests' folder with `-m "not gui"` in a child
process: a test that builds a widget without asking for `qapp` aborts the child.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .child_pytest import ROOT, run_planted, run_pytest


def test_not_gui_runs_the_screen_folder_without_aborting() -> None:
    done = run_pytest("-m", "not gui", "tests/ui")
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
    done = run_planted(tests, "--collect-only", "-m", "gui")
    listed = done.stdout
    assert "test_with_qapp" in listed and "test_with_qtbot" in listed, listed
    assert "test_pure" not in listed


def test_ci_runs_the_tests_without_a_qapplication_alone() -> None:
    steps = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert any('pytest -q -m "not gui"' in step and not step.startswith("#") for step in steps)
