"""The screening package stays pure: no Qt, no SQLAlchemy, no eval."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import intake.screening


def test_importing_screening_pulls_in_no_qt_and_no_database() -> None:
    code = (
        "import sys, intake.screening; "
        "bad = [m for m in sys.modules "
        "if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'alembic')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_eval_or_exec() -> None:
    package = Path(intake.screening.__file__).parent
    for source in package.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "eval(" not in text.replace("evaluate(", "").replace("_eval", ""), source
        assert "exec(" not in text, source
