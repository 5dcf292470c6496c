"""The command line's own checks, before anything touches a database."""

from __future__ import annotations

import subprocess
import sys

import pytest

from intake.cli import build_parser, main


def test_help_lists_the_public_commands():
    text = build_parser().format_help()
    for command in ("db", "demo-data", "screen", "--demo"):
        assert command in text


@pytest.mark.parametrize(
    "argv",
    [
        ["demo-data", "--patients", "-3"],
        ["demo-data", "--patients", "many"],
        ["demo-data", "--locations", "0"],
        ["demo-data", "--locations", "101"],
        ["demo-data", "--therapists", "0"],
        ["db"],
        ["db", "sideways"],
    ],
)
def test_bad_arguments_exit_2_with_a_message(argv: list[str], capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "error" in capsys.readouterr().err


def test_the_installed_entry_point_runs():
    done = subprocess.run(
        [sys.executable, "-m", "intake.cli", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "demo-data" in done.stdout
