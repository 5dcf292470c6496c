"""Running pytest in a child process, for tests about the test set-up itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The child must not write the parent's CI reports, nor clone PostgreSQL databases.
_PARENT_ONLY = {"PYTEST_ADDOPTS", "INTAKE_TEST_REPORT", "INTAKE_TEST_DATABASE_URL"}


def run_pytest(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in _PARENT_ONLY}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_planted(tests: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the test file `tests` (outside the repository) under the project's own
    configuration and conftest."""
    return run_pytest(
        "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"), "--confcutdir", str(ROOT),
        "-p", "tests.conftest", *args, str(tests),
    )  # fmt: skip
