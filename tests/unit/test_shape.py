"""The shape of the house reads in one look (issue 14, point 9): each room holds one kind of
thing, the services carry a map, one word means one thing, no helper is written twice, and
the README draws the rooms and arrows the layer test enforces."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.unit.test_layers import ALLOWED, ALLOWED_FILES, PACKAGE, imports_of

ROOT = PACKAGE.parent
SERVICES = PACKAGE / "services"
UI = PACKAGE / "ui"


def _modules(folder: Path) -> set[str]:
    return {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}


def _service_map() -> dict[str, list[str]]:
    """The map in services/__init__.py: heading -> the modules listed under it."""
    doc = ast.get_docstring(ast.parse((SERVICES / "__init__.py").read_text(encoding="utf-8")))
    groups: dict[str, list[str]] = {}
    heading = ""
    for line in (doc or "").splitlines():
        if line and not line.startswith(" ") and line.endswith(":"):
            heading = line
            groups[heading] = []
        elif heading and (found := re.match(r" {4}(\w+)\s", line)):
            groups[heading].append(found.group(1))
    return groups


def test_every_service_module_is_on_the_map_once():
    listed = [name for names in _service_map().values() for name in names]
    assert sorted(listed) == sorted(_modules(SERVICES))
    assert len(_service_map()) >= 3  # use cases, the calendar, plumbing


def test_the_demo_practice_has_its_own_room():
    assert not {m for m in _modules(SERVICES) if "demo" in m}
    assert {"data", "practice", "intakes"} <= _modules(PACKAGE / "demo")


def test_only_the_gui_start_up_reaches_the_demo():
    reaching = {
        path.relative_to(PACKAGE).as_posix()
        for path in UI.rglob("*.py")
        if any(i.name.startswith("intake.demo") for i in imports_of(path, PACKAGE))
    }
    assert reaching == {f for f, allowed in ALLOWED_FILES.items() if "intake.demo" in allowed}
    assert reaching == {"ui/startup.py"}


def test_calendar_means_the_scheduling_inputs_only():
    """`calendar_*` modules feed the scheduling rules; the iCalendar file is `ical_export`."""
    for name in _modules(SERVICES):
        text = (SERVICES / f"{name}.py").read_text(encoding="utf-8")
        if "calendar" in name:
            assert "icalendar" not in text, name
        if "from icalendar" in text:
            assert name == "ical_export", name


def test_the_gui_start_up_is_named_for_what_it_holds():
    assert not (UI / "session.py").exists()
    tree = ast.parse((UI / "startup.py").read_text(encoding="utf-8"))
    assert "Startup" in {n.name for n in tree.body if isinstance(n, ast.ClassDef)}


def test_optimistic_locking_lives_in_its_own_module():
    def functions(name: str) -> set[str]:
        tree = ast.parse((SERVICES / f"{name}.py").read_text(encoding="utf-8"))
        return {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}

    helpers = {"stale", "check_version", "flush", "claim"}
    assert helpers <= functions("locking")
    assert not helpers & functions("practice_admin")


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_schedule_page_is_split_into_parts_of_a_readable_size():
    parts = ("page", "toolbar", "visit_actions", "waitlist_actions", "exports")
    sizes = {name: _lines(UI / "schedule" / f"{name}.py") for name in parts}
    assert all(size <= 450 for size in sizes.values()), sizes
    tree = ast.parse((UI / "schedule" / "page.py").read_text(encoding="utf-8"))
    page = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "SchedulePage")
    methods = [n for n in page.body if isinstance(n, ast.FunctionDef)]
    assert len(methods) <= 30, len(methods)


# The helpers the booking panel and the schedule page each wrote for themselves.
SHARED_HELPERS = re.compile(r"^(_?TONE_MARK\s*=|def _?action_button\()", re.MULTILINE)


def test_status_line_helpers_are_written_once():
    defining = {
        path.relative_to(UI).as_posix()
        for path in UI.rglob("*.py")
        if SHARED_HELPERS.search(path.read_text(encoding="utf-8"))
    }
    assert defining == {"status_line.py"}
    for user in ("booking/booking_panel.py", "schedule/page.py"):
        names = {i.name for i in imports_of(UI / user, PACKAGE)}
        assert "intake.ui.status_line" in names, user


def _readme_rooms() -> dict[str, frozenset[str]]:
    """The rooms table of the README's Development section: room -> its arrows."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Development", 1)[1].split("\n## ", 1)[0]
    rooms: dict[str, frozenset[str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and (room := re.fullmatch(r"`(\w+)`", cells[0])):
            rooms[room.group(1)] = frozenset(re.findall(r"`(\w+)`", cells[2]))
    return rooms


def test_the_readme_draws_the_rooms_and_arrows_the_layer_test_keeps():
    assert _readme_rooms() == ALLOWED
