"""A broken settings.toml at the GUI start: the dialog says the same sentence as the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from intake.settings import SettingsError, load_settings
from intake.ui.app import Startup
from intake.ui.main_window import MainWindow
from tests.unit.settings_cases import CASES, BrokenSettings, assert_one_sentence, broken_settings


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_start_dialog_names_the_file_and_line(
    qtbot, case: BrokenSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = broken_settings(case, tmp_path / "data", monkeypatch)
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    with pytest.raises(SettingsError) as expected:
        load_settings()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, demo=False)
    startup.quit_on_failure = False
    with qtbot.waitSignal(startup.database_did_fail, timeout=30_000):
        startup.begin()
    startup.worker.wait_for_done()
    assert shown == [str(expected.value)]
    assert_one_sentence(shown[0], case, path)
