"""The standalone program's recipe keeps every Qt module the program imports, and the
README's build command names the scripts that exist (packaging/)."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "clinic-intake.spec"
KEPT = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}  # what the spec's comment promises


def _qt_modules_imported() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "intake").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if name.startswith("PySide6."):
                    found.add(name.split(".")[1])
    return found


def _spec_excludes() -> set[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "excludes":
            assert isinstance(node.value, ast.List)
            return {ast.literal_eval(item) for item in node.value.elts}
    raise AssertionError("the spec has no excludes list")


def test_the_program_uses_only_the_qt_modules_the_bundle_keeps():
    assert _qt_modules_imported() <= KEPT


def test_no_module_the_program_imports_is_left_out():
    excluded = {name.removeprefix("PySide6.") for name in _spec_excludes()}
    assert not (_qt_modules_imported() & excluded)
    assert not ({"sqlalchemy", "alembic", "psycopg", "platformdirs", "tzdata"} & excluded)


def test_the_readme_build_command_runs_scripts_that_exist():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    command = text.split("<!-- build-command -->", 1)[1].split("```")[1].strip()
    scripts = re.findall(r"packaging/[\w.-]+", command)
    assert scripts == ["packaging/build.sh", "packaging/smoke.sh"]
    for script in scripts:
        assert os.access(ROOT / script, os.X_OK), script
