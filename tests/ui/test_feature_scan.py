"""The program does not keep the source of every module it imports (issue 25: memory).

PySide6's `__feature__` support reads each newly imported module's source through linecache,
where it stays: about 20 MiB. intake.ui replaces that check with one that keeps nothing and
gives the same answers.
"""

from __future__ import annotations

import linecache
import subprocess
import sys
from pathlib import Path

import intake.ui  # noqa: F401  (installs the check)
from intake.ui import feature_scan


def test_a_module_imported_after_the_gui_leaves_no_source_in_memory(tmp_path: Path) -> None:
    module = tmp_path / "freshly_imported_for_scan.py"
    module.write_text("from PySide6.QtCore import QObject\nVALUE = 1\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        __import__("freshly_imported_for_scan")  # an import statement: PySide6 hooks it
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("freshly_imported_for_scan", None)
    assert str(module) not in linecache.cache
    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict["freshly_imported_for_scan"] == 0  # uses PySide6


def test_the_check_answers_as_pyside6_does() -> None:
    import inspect

    import intake.ui.main_window
    import intake.ui.when

    for module in (intake.ui.main_window, intake.ui.when, inspect, sys):
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (OSError, TypeError):
            expected = False
        assert feature_scan.mentions_pyside(module) is expected, module.__name__


def test_the_program_keeps_no_module_source_after_importing_its_screens() -> None:
    code = (
        "import linecache, intake.ui.app, intake.ui.schedule, intake.ui.admin.page\n"
        "print(sum(len(e) == 4 and e[1] is not None for e in linecache.cache.values()))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(done.stdout.split()[-1]) == 0
