"""Every function and method of `intake` is called (or named) somewhere: dead helpers go.

Read from the syntax trees of the package, the migrations and the tests. Left out, because
something outside our code calls them: Qt's virtual methods (camelCase, e.g. `paintEvent`),
dunder methods, functions under a decorator that registers them (event listeners), and the
hooks SQLAlchemy calls on a TypeDecorator.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CALLED_BY_LIBRARIES = {
    "process_bind_param", "process_result_value", "load_dialect_impl",
    "format_field",  # string.Formatter calls it for each value
}  # fmt: skip
PLAIN_DECORATORS = {"property", "staticmethod", "classmethod", "cached_property", "lru_cache"}
# Unused today, kept for a named reason (remove the entry together with the function).
KEPT: dict[str, str] = {
    "compile_into": "packaging/clinic-intake.spec compiles the translations into the bundle",
    "show_invalid": "the registration form is being reworked elsewhere (issue #14.8 note)",
}


def _trees(root: Path, *folders: str) -> list[tuple[Path, ast.AST]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for folder in folders
        for path in sorted((root / folder).rglob("*.py"))
    ]


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    return target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")


def _candidates(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        name = node.name
        if name.startswith("__") or name in CALLED_BY_LIBRARIES:
            continue
        if name != name.lower() and not name.isupper():  # Qt's camelCase virtuals
            continue
        if any(_decorator_name(d) not in PLAIN_DECORATORS for d in node.decorator_list):
            continue
        found.append(node)
    return found


def _names_used(tree: ast.AST) -> list[str]:
    used = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.append(node.id)
        elif isinstance(node, ast.Attribute):
            used.append(node.attr)
        elif isinstance(node, ast.alias):
            used.append(node.name.rpartition(".")[2])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            used += node.value.replace(":", ".").split(".")  # "intake.cli:main", role tables
    return used


def unused_functions(root: Path = ROOT) -> list[str]:
    trees = _trees(root, "intake", "migrations", "tests")
    used: dict[str, int] = {}
    for _path, tree in trees:
        for name in _names_used(tree):
            used[name] = used.get(name, 0) + 1
    dead = []
    for path, tree in trees:
        if not path.is_relative_to(root / "intake"):
            continue
        for node in _candidates(tree):
            if not used.get(node.name) and node.name not in KEPT:
                dead.append(f"{path.relative_to(root)}:{node.lineno} {node.name}")
    return dead


def test_every_function_is_used() -> None:
    assert unused_functions() == []


def test_the_finder_sees_a_dead_helper(tmp_path: Path) -> None:
    package = tmp_path / "intake"
    package.mkdir()
    (package / "a.py").write_text(
        "def used():\n    pass\n\n\ndef dead():\n    pass\n\n\n"
        "class W:\n    def paintEvent(self, e):\n        pass\n\n"
        "    @property\n    def gone(self):\n        return 1\n\n\nused()\n"
    )
    for folder in ("migrations", "tests"):
        (tmp_path / folder).mkdir()
    assert unused_functions(tmp_path) == ["intake/a.py:5 dead", "intake/a.py:14 gone"]
