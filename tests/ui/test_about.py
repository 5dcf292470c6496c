"""The About box names the program's version and schema revision (the status bar's About, F1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from intake.services.about import describe_program
from intake.ui.main_window import MainWindow


@pytest.fixture
def shown(qtbot, show_active, monkeypatch):  # type: ignore[no-untyped-def]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: said.append(text))
    window = show_active(MainWindow())
    window.show_database("postgresql://db.clinic.example:5432/intake")
    return window, said


def test_about_in_the_status_bar_names_version_schema_and_database(qtbot, shown):  # type: ignore[no-untyped-def]
    window, said = shown
    qtbot.mouseClick(window.about_button, Qt.MouseButton.LeftButton)
    assert len(said) == 1
    assert str(describe_program()) in said[0]
    assert "db.clinic.example" in said[0]


def test_f1_opens_the_about_box(qtbot, shown):  # type: ignore[no-untyped-def]
    window, said = shown
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len(said) == 1
    assert said[0].startswith("Clinic Intake ")
