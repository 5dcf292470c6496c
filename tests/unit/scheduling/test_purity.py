"""The calendar logic stays pure: no Qt, no SQLAlchemy, no I/O libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import intake.scheduling

ALLOWED_ROOTS = {
    "__future__",
    "bisect",
    "collections",
    "dataclasses",
    "datetime",
    "functools",
    "heapq",
    "itertools",
    "operator",
    "zoneinfo",
    "intake",
}


def test_scheduling_imports_only_the_standard_calendar_tools() -> None:
    package = Path(intake.scheduling.__file__).parent
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                root = name.split(".")[0]
                assert root in ALLOWED_ROOTS, f"{module.name} imports {name}"
                if root == "intake":
                    assert name.startswith(("intake.scheduling", "intake.domain")), name
