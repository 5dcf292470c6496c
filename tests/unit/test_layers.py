"""The layers of design.md hold: each part imports only the parts below it, and the UI never
opens a session.

Every module of `intake` belongs to a part (a sub-package or a top-level module); each part
lists the parts it may import (the arrows of design.md) and the libraries it must not.
Imports are read from the syntax tree: absolute, relative (resolved), inside functions and
TYPE_CHECKING blocks, and `importlib.import_module(...)` / `__import__(...)` calls.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "intake"

# The arrows: part -> the parts of ours it may import (its own part always).
ALLOWED: dict[str, frozenset[str]] = {
    "domain": frozenset(),
    "screening": frozenset({"domain", "resources_path"}),
    "scheduling": frozenset({"domain"}),
    # FHIR faces of the checklist, intakes and screening results: pure mapping to JSON.
    "fhir": frozenset({"domain", "screening"}),
    "db": frozenset({"domain", "resources_path", "private_files"}),
    # fhir is pure and below services (it needs only domain and screening): the FHIR export
    # maps each batch as it is read, so the mapping is called from the service that reads.
    "services": frozenset(
        {"db", "domain", "screening", "scheduling", "fhir", "settings", "resources_path"}
    ),
    # The UI may read the settings (the idle lock's minutes, the journal's folder); its
    # entry point (ui.app) configures the log before anything else.
    "ui": frozenset(
        {
            "services",
            "domain",
            "screening",
            "scheduling",
            "settings",
            "logs",
            "resources_path",
            "private_files",
        }
    ),
    # The made-up practice: built from the pure parts, bulk-loaded straight into the tables.
    "demo": frozenset({"services", "db", "domain", "screening", "scheduling"}),
    "cli": frozenset(
        {"services", "demo", "domain", "screening", "scheduling", "fhir", "settings", "logs"}
    ),
    "settings": frozenset({"domain"}),
    "logs": frozenset({"settings", "private_files"}),
    # Owner-only files and folders: made so, and those that are not found (no other part).
    "private_files": frozenset(),
    "resources_path": frozenset(),
    "__init__": frozenset(),
}
# Single modules beyond the arrows: `intake` with no command starts the GUI, and
# `intake kiosk` starts the waiting-room tablet's window the same way.
ALLOWED_MODULES: dict[str, frozenset[str]] = {
    "cli": frozenset({"intake.ui.app", "intake.ui.kiosk.app"})
}
# Single files beyond the arrows: the GUI's start-up fills and shows the demo practice (--demo).
ALLOWED_FILES: dict[str, frozenset[str]] = {"ui/startup.py": frozenset({"intake.demo"})}
# Modules that import by a name chosen at run time, each refusing any name outside intake.ui
# itself (start-up imports the next screens on the worker; tested below).
RUN_TIME_IMPORTS = frozenset({"ui/startup.py"})

_PURE_BANS = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "psycopg", "sqlite3")
BANNED_LIBRARIES: dict[str, tuple[str, ...]] = {
    "domain": _PURE_BANS,
    "screening": _PURE_BANS,
    "scheduling": _PURE_BANS,
    "fhir": _PURE_BANS,
    "db": ("PySide6", "shiboken6"),
    "services": ("PySide6", "shiboken6"),
    "demo": ("PySide6", "shiboken6"),
    "ui": ("sqlalchemy", "alembic", "psycopg", "sqlite3"),
    "cli": _PURE_BANS,  # a thin face: Qt only through intake.ui.app, SQL only via services
    "settings": _PURE_BANS,
    "logs": _PURE_BANS,
    "private_files": _PURE_BANS,
    "resources_path": _PURE_BANS,
    "__init__": _PURE_BANS,
}
# Inside ui/: no unit of work of its own (Database.reading/writing) and no engine.
UI_BANNED_CALLS = ("reading", "writing")


@dataclass(frozen=True)
class Imported:
    name: str  # the full dotted name, relative imports resolved
    line: int


def part_of(path: Path, root: Path) -> str:
    relative = path.relative_to(root)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _module_name(path: Path, root: Path) -> tuple[str, bool]:
    parts = (root.name, *path.relative_to(root).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


def imports_of(path: Path, root: Path) -> list[Imported]:
    """Every module `path` imports, with `from X import name` also as X.name."""
    module, is_package = _module_name(path, root)
    package = module if is_package else module.rpartition(".")[0]
    found: list[Imported] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [Imported(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module or "", node.level, package)
            if base == root.name:  # `from intake import screening`: the sub-package
                found += [Imported(f"{base}.{a.name}", node.lineno) for a in node.names]
            else:
                found.append(Imported(base, node.lineno))
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            found.append(Imported(_dynamic_target(node, package), node.lineno))
    return found


def _resolve(module: str, level: int, package: str) -> str:
    if level == 0:
        return module
    parts = package.split(".")
    parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, module] if module else parts)


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in {"__import__", "import_module"}
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def _dynamic_target(call: ast.Call, package: str) -> str:
    first = call.args[0] if call.args else None
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        return "<a module chosen at run time>"  # the checker cannot see it: not allowed
    name = first.value
    if name.startswith("."):
        level = len(name) - len(name.lstrip("."))
        return _resolve(name.lstrip("."), level, package)
    return name


def _intake_part(name: str, root: Path) -> str | None:
    """The part of ours `name` lies in, or None for another library."""
    head, _, rest = name.partition(".")
    if head != root.name:
        return None
    part = rest.partition(".")[0]
    if not part:
        return "__init__"
    return part if (root / part).is_dir() or (root / f"{part}.py").is_file() else None


def _is_library(name: str, banned: tuple[str, ...]) -> bool:
    return any(name == lib or name.startswith(lib + ".") for lib in banned)


def _receiver_text(node: ast.Attribute) -> str:
    return ast.unparse(node.value).lower()


def ui_offences(path: Path, root: Path) -> list[str]:
    """Sessions opened in the UI: `x.reading(...)`, `x.writing(...)`, a database's `.engine`."""
    where = path.relative_to(root.parent)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        func = node.func if isinstance(node, ast.Call) else None
        if isinstance(func, ast.Attribute) and func.attr in UI_BANNED_CALLS:
            found.append(f"{where}:{func.lineno} calls .{func.attr}(")
        # A database's engine; ScreeningResult.engine (the checklist engine's version) is fine.
        if isinstance(node, ast.Attribute) and node.attr == "engine":
            receiver = _receiver_text(node)
            if "database" in receiver or receiver.split(".")[-1] in {"db", "database"}:
                found.append(f"{where}:{node.lineno} uses {ast.unparse(node)}")
    return found


def offences(root: Path) -> list[str]:
    """Every import against the arrows, every banned library, every session in the UI."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        part = part_of(path, root)
        where = path.relative_to(root.parent)
        if part not in ALLOWED:
            found.append(f"{where}: part {part!r} has no place in the layers (add it to ALLOWED)")
            continue
        for imported in imports_of(path, root):
            target = _intake_part(imported.name, root)
            if target is None:
                if imported.name.startswith("<") and path.relative_to(root).as_posix() in (
                    RUN_TIME_IMPORTS
                ):
                    continue  # guarded in the module itself (see RUN_TIME_IMPORTS)
                if imported.name.startswith("<") or _is_library(
                    imported.name, BANNED_LIBRARIES[part]
                ):
                    found.append(f"{where}:{imported.line} imports {imported.name}")
                continue
            if target in (part, "__init__") and imported.name != root.name + ".__init__":
                continue
            if target in ALLOWED[part]:
                continue
            beyond = ALLOWED_MODULES.get(part, frozenset()) | ALLOWED_FILES.get(
                path.relative_to(root).as_posix(), frozenset()
            )
            if any(imported.name == m or imported.name.startswith(m + ".") for m in beyond):
                continue
            found.append(f"{where}:{imported.line} imports {imported.name} ({part} -> {target})")
        if part == "ui":
            found += ui_offences(path, root)
    return sorted(set(found))


def test_every_part_imports_only_what_the_design_allows() -> None:
    assert offences(PACKAGE) == []


def test_every_part_has_arrows() -> None:
    parts = {part_of(path, PACKAGE) for path in PACKAGE.rglob("*.py")}
    assert parts == set(ALLOWED)


# ---- the checker itself can fail ----------------------------------------------------------


def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    """A throw-away copy of the package's shape with the given modules in it."""
    root = tmp_path / "intake"
    for part in ALLOWED:
        if part not in {"cli", "settings", "logs", "resources_path", "__init__"}:
            (root / part).mkdir(parents=True, exist_ok=True)
            (root / part / "__init__.py").write_text("")
    for name in ("cli", "settings", "logs", "resources_path", "__init__"):
        (root / f"{name}.py").write_text("")
    for relative, text in files.items():
        (root / relative).write_text(text, encoding="utf-8")
    return root


PLANTED = [
    ("ui/a.py", "from intake.db import models\n", "intake.db"),
    ("ui/b.py", "from ..db.models import Patient\n", "intake.db.models"),
    ("ui/c.py", "from .. import db\n", "intake.db"),
    ("ui/d.py", "import importlib\nm = importlib.import_module('intake.db.engine')\n", "intake.db"),
    ("ui/e.py", "m = __import__('sqlalchemy')\n", "sqlalchemy"),
    ("ui/f.py", "from importlib import import_module\nm = import_module(name)\n", "run time"),
    ("ui/g.py", "def f(database):\n    with database.writing() as s:\n        pass\n", ".writing("),
    ("ui/h.py", "def f(context):\n    return context.database.reading()\n", ".reading("),
    ("ui/i.py", "def f(context):\n    return context.database.engine\n", "database.engine"),
    ("domain/a.py", "from intake.services import accounts\n", "domain -> services"),
    ("domain/b.py", "from ..screening import evaluate\n", "domain -> screening"),
    ("screening/a.py", "from intake.scheduling import slots\n", "screening -> scheduling"),
    ("db/a.py", "from intake.services.database import Database\n", "db -> services"),
    ("services/a.py", "from intake.ui.worker import Worker\n", "services -> ui"),
    ("cli.py", "def main():\n    from intake.db.engine import make\n", "cli -> db"),
    ("cli.py", "import sqlalchemy\n", "sqlalchemy"),
    ("services/b.py", "from intake.demo import data\n", "services -> demo"),
    ("ui/j.py", "from intake.demo.data import demo_accounts\n", "ui -> demo"),
    ("demo/a.py", "from intake.ui.worker import Worker\n", "demo -> ui"),
    ("settings.py", "from intake.services import startup\n", "settings -> services"),
    ("logs.py", "from intake import ui\n", "logs -> ui"),
    (
        "scheduling/a.py",
        "import typing\nif typing.TYPE_CHECKING:\n    from PySide6.QtCore import QDate\n",
        "PySide6",
    ),
    ("newpart.py", "", "has no place"),
]


@pytest.mark.parametrize(
    ("where", "text", "said"), PLANTED, ids=[p[0] + " " + p[2] for p in PLANTED]
)
def test_a_planted_bad_import_is_caught(tmp_path: Path, where: str, text: str, said: str) -> None:
    root = _plant(tmp_path, {where: text})
    found = offences(root)
    assert len(found) == 1 and said in found[0], found


def test_allowed_arrows_pass(tmp_path: Path) -> None:
    root = _plant(
        tmp_path,
        {
            "ui/a.py": "from intake.services import accounts\nfrom ..screening import x\n"
            "from . import worker\nfrom intake.domain.errors import KnownError\n",
            "ui/b.py": "def f(result):\n    return result.engine\n",
            "services/a.py": "from ..db import models\nfrom intake import screening\n",
            "cli.py": "def main():\n    from intake.ui.app import run_gui\n"
            "    from intake.demo import data\n",
            "db/a.py": "from .. import domain\n",
            "ui/startup.py": "def f():\n    from intake.demo.data import fill_if_empty\n",
        },
    )
    assert offences(root) == []


def _sibling_imports(path: Path, package: str) -> set[str]:
    """The modules of its own sub-package one module imports, at the top or in a function."""
    prefix = f"intake.{package}"
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == prefix:
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(prefix + "."):
            names.add(str(node.module).split(".")[2])
    return names


def circles_in(folder: Path) -> set[frozenset[str]]:
    """Pairs of modules of one sub-package that each reach the other."""
    graph = {p.stem: _sibling_imports(p, folder.name) for p in folder.glob("*.py")}

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            for name in graph.get(todo.pop(), ()):
                if name == goal:
                    return True
                if name not in seen:
                    seen.add(name)
                    todo.append(name)
        return False

    return {frozenset({a, b}) for a, imported in graph.items() for b in imported if reaches(b, a)}


@pytest.mark.parametrize("package", ["services", "demo"])
def test_modules_of_a_part_import_each_other_without_a_circle(package: str):
    assert circles_in(PACKAGE / package) == set()


def test_a_planted_circle_is_caught(tmp_path: Path):
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "a.py").write_text("from intake.demo.b import x\n")
    (folder / "b.py").write_text("def f():\n    from intake.demo import a\n")
    assert circles_in(folder) == {frozenset({"a", "b"})}


def test_start_up_imports_ahead_only_the_interfaces_own_modules() -> None:
    import pytest

    from intake.ui import startup

    names = [*startup.SIGN_IN_MODULES, *startup.AREA_MODULES.values(), "intake.ui.auto_backup"]
    assert all(name.startswith("intake.ui.") for name in names)
    with pytest.raises(ValueError):
        startup._import(("intake.services.patients",))
