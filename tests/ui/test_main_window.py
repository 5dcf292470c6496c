"""The shell window: opens, navigates by keyboard, names the database, explains failures."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from intake.domain.enums import Role
from intake.services.database import open_database
from intake.ui.app import Startup
from intake.ui.main_window import AREAS, MainWindow
from tests.db.practice import signed_in


def test_keyboard_navigation_reaches_every_area(qtbot, show_active):
    window = show_active(MainWindow())
    window.set_allowed_areas({key for key, _title, _blurb in AREAS})  # an admin signed in
    assert window.current_area() == "intake"
    for number, (key, _title, _blurb) in reversed(list(enumerate(AREAS, start=1))):
        with qtbot.waitSignal(window.area_did_change) as caught:
            key_code = Qt.Key(Qt.Key.Key_0.value + number)
            qtbot.keyClick(window.navigation, key_code, Qt.KeyboardModifier.ControlModifier)
        assert caught.args == [key]
        assert window.current_area() == key
        assert window.pages.currentIndex() == number - 1


def _offered(window: MainWindow) -> list[str]:
    rows = range(window.navigation.count())
    return [AREAS[r][0] for r in rows if not window.navigation.item(r).isHidden()]


def _page_text(window: MainWindow) -> str:
    return " ".join(label.text() for label in window.pages.currentWidget().findChildren(QLabel))


def test_before_anyone_signs_in_no_area_is_offered(qtbot, show_active):
    window = show_active(MainWindow())
    assert _offered(window) == [] and not window.navigation.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Admin's key
    assert window.current_area() == ""
    assert "Sign in to start" in _page_text(window)
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert not [t for t in texts if "coming release" in t]


def test_behind_the_sign_in_dialog_the_window_shows_no_area(qtbot, app_env: str, monkeypatch):
    behind: dict[str, object] = {}

    def ask(self: Startup, _started: object) -> None:
        behind.update(areas=_offered(self.window), text=_page_text(self.window))
        return None  # the person closes the sign-in

    monkeypatch.setattr(Startup, "ask_sign_in", ask)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, demo=False)
    startup.quit_on_failure = False
    with qtbot.waitSignal(startup.database_did_open, timeout=30_000):
        startup.begin()
    qtbot.waitUntil(lambda: bool(behind))
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()
    assert behind["areas"] == []
    assert "Sign in to start" in str(behind["text"])
    assert "coming release" not in str(behind["text"])


def test_navigation_has_accessible_names(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.navigation.accessibleName() == "Areas"
    assert window.database_label.accessibleName()


def _signed_in_as(monkeypatch: pytest.MonkeyPatch, role: Role) -> None:
    """The sign-in dialog answered by a real sign-in of a test account of `role`."""
    database = open_database(os.environ["INTAKE_DATABASE_URL"])
    try:
        actor = signed_in(database, role)
    finally:
        database.close()
    monkeypatch.setattr(Startup, "ask_sign_in", lambda self, started: actor)


def test_start_opens_the_database_and_names_it_masked(qtbot, app_env: str, monkeypatch):
    _signed_in_as(monkeypatch, Role.FRONT_DESK)
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, demo=False)
    with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        startup.begin()
    label = window.database_label.text()
    assert label.startswith("Database: ")
    if "@" in app_env and ":" in app_env.split("@")[0].split("//")[1]:
        assert app_env.split("@")[0].rsplit(":", 1)[1] not in label
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()


@pytest.mark.parametrize(
    ("role", "areas"),
    [
        (Role.FRONT_DESK, {"intake", "schedule", "patients"}),
        (Role.THERAPIST, {"intake", "schedule", "review", "patients"}),
        (Role.ADMIN, {"intake", "schedule", "review", "patients", "admin"}),
    ],
)
def test_each_role_is_offered_only_its_areas(qtbot, app_env: str, monkeypatch, role, areas):
    _signed_in_as(monkeypatch, role)
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, demo=False)
    with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        startup.begin()
    shown = {
        AREAS[row][0]
        for row in range(window.navigation.count())
        if not window.navigation.item(row).isHidden()
    }
    assert shown == areas
    hidden_row = next((r for r, a in enumerate(AREAS) if a[0] not in areas), None)
    if hidden_row is not None:  # its shortcut does nothing either
        window._go(hidden_row)
        assert window.current_area() in areas
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()


def test_an_unreachable_database_shows_a_dialog_not_a_traceback(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path
):
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("INTAKE_DATABASE_URL", "postgresql+psycopg://u:topsecret@127.0.0.1:1/x")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, demo=False)
    startup.quit_on_failure = False
    with qtbot.waitSignal(startup.database_did_fail, timeout=30_000):
        startup.begin()
    assert shown and "does not answer" in shown[0]
    assert "topsecret" not in shown[0]
    assert window.database_label.text() == "No database"


def test_an_area_is_built_when_first_shown_and_rebuilt_for_a_new_person(qtbot, show_active):
    window = show_active(MainWindow())
    built: list[str] = []

    def builder(key: str):  # type: ignore[no-untyped-def]
        def build() -> QLabel:
            built.append(key)
            return QLabel(f"{key} screen {len(built)}")

        return build

    window.set_allowed_areas({"intake", "schedule"})
    window.set_page_builder("intake", builder("intake"))
    window.set_page_builder("schedule", builder("schedule"))
    assert built == ["intake"]  # the area on screen, and only it
    with qtbot.waitSignal(window.area_did_change):
        qtbot.keyClick(window.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert built == ["intake", "schedule"]
    assert window.page("schedule").text() == "schedule screen 2"
    window.set_page_builder("intake", builder("intake"))  # another person signs in
    window.set_page_builder("schedule", builder("schedule"))
    assert built == ["intake", "schedule", "schedule"]  # the one on screen at once
    assert window.page("intake").text() == "intake screen 4"  # asked for: built then


@pytest.mark.parametrize(
    ("role", "landing"),
    [(Role.FRONT_DESK, "intake"), (Role.THERAPIST, "review"), (Role.ADMIN, "intake")],
)
def test_after_sign_in_each_role_lands_on_its_main_work(
    qtbot, app_env: str, monkeypatch, role, landing
):
    _signed_in_as(monkeypatch, role)
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, demo=False)
    with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        startup.begin()
    assert window.current_area() == landing
    assert window.pages.currentIndex() == next(i for i, a in enumerate(AREAS) if a[0] == landing)
    if role == Role.THERAPIST:  # the review queue is what is built and shown, not the intake
        assert window.pages.currentWidget().objectName() != "areaPlaceholder"
        assert window.pages.widget(0).objectName() == "areaPlaceholder"
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()
