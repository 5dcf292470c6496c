"""The test run is strict: a warning fails its test, an unexpected pass of an xfail fails,
a stuck test dumps its stacks. Checked by running planted tests under our configuration."""

from __future__ import annotations

import tomllib
from pathlib import Path

from .child_pytest import ROOT, run_planted

PLANTED = """
import warnings

import pytest


def test_warns():
    warnings.warn("this API is going away", DeprecationWarning)


@pytest.mark.xfail(reason="planted")
def test_xfail_that_passes():
    pass


def test_fine():
    pass
"""


def test_warnings_and_unexpected_passes_fail(tmp_path: Path) -> None:
    tests = tmp_path / "test_planted.py"
    tests.write_text(PLANTED, encoding="utf-8")
    done = run_planted(tests, "-rA")
    outcome = {
        line.split()[1].split("::")[-1]: line.split()[0]
        for line in done.stdout.splitlines()
        if line.startswith(("PASSED ", "FAILED ", "XPASS ", "XFAIL ", "ERROR "))
    }
    assert outcome["test_warns"] == "FAILED", done.stdout
    assert outcome["test_xfail_that_passes"] == "FAILED", done.stdout
    assert outcome["test_fine"] == "PASSED", done.stdout


def test_the_configuration_is_strict() -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    ini = options["ini_options"]
    assert ini["filterwarnings"][0] == "error"
    # Each exception is a named ignore (a message and a category), never a blanket one.
    for rule in ini["filterwarnings"][1:]:
        action, message, category, *_ = [*rule.split(":"), "", "", ""][:4]
        assert action == "ignore" and message and category, rule
    assert ini["xfail_strict"] is True
    assert 0 < int(ini["faulthandler_timeout"]) <= 300
    assert "--strict-markers" in ini["addopts"] and "--strict-config" in ini["addopts"]
