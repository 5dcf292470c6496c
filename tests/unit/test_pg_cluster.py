"""Without the PostgreSQL server programs, a test that needs its own cluster fails and says
what to install: a skip would let a PostgreSQL run pass without its password and TLS tests."""

from __future__ import annotations

from pathlib import Path

from .child_pytest import run_planted

PLANTED = """
import os

import tests.pg_cluster as pg_cluster

pg_cluster.INSTALL_ROOT = pg_cluster.Path({empty!r})
os.environ["PATH"] = {empty!r}


def test_needs_the_server(scram_server):
    raise AssertionError("reached without a server")
"""


def test_missing_server_programs_fail_the_test_with_what_to_install(tmp_path: Path) -> None:
    empty = tmp_path / "nothing-installed"
    empty.mkdir()
    planted = tmp_path / "test_planted_cluster.py"
    planted.write_text(PLANTED.format(empty=str(empty)), encoding="utf-8")
    run = run_planted(planted, "-rA")
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "1 error" in output and "skipped" not in output
    assert "install the PostgreSQL server package" in output
    assert "reached without a server" not in output
