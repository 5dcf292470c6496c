"""One meaning per key across the program (issue #16, point 3): every QShortcut and QAction
of an admin's session, with every area built, is collected; a key sequence that means two
things (Ctrl+N was "new patient" at the front desk and "no-show" on the schedule) fails."""

from __future__ import annotations

import os
from collections import defaultdict

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from intake.domain.enums import Role
from intake.services.database import open_database
from intake.ui import keys
from intake.ui.app import Startup
from intake.ui.booking.booking_panel import BookingPanel
from intake.ui.main_window import AREAS, MainWindow
from tests.db.practice import signed_in


def _sequences(thing: QShortcut | QAction) -> list[QKeySequence]:
    found = thing.shortcuts() if isinstance(thing, QAction) else thing.keys()
    return [s for s in found if not s.isEmpty()]


def _meaning(thing: QShortcut | QAction) -> str:
    parent = thing.parent()
    where = type(parent).__name__ if parent is not None else "nowhere"
    return keys.meaning_of(thing) or f"an unnamed shortcut of {where}"


def key_meanings(root: QWidget) -> dict[str, set[str]]:
    meanings: dict[str, set[str]] = defaultdict(set)
    for thing in [*root.findChildren(QShortcut), *root.findChildren(QAction)]:
        for sequence in _sequences(thing):
            meanings[sequence.toString(QKeySequence.SequenceFormat.PortableText)].add(
                _meaning(thing)
            )
    return meanings


@pytest.fixture
def admin_session(qtbot, app_env: str, monkeypatch):  # type: ignore[no-untyped-def]
    database = open_database(os.environ["INTAKE_DATABASE_URL"])
    try:
        actor = signed_in(database, Role.ADMIN)
    finally:
        database.close()
    monkeypatch.setattr(Startup, "ask_sign_in", lambda self, started: actor)
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, demo=False)
    with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        startup.begin()
    yield window, startup
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()


def test_no_key_means_two_things_in_an_admins_session(qtbot, admin_session) -> None:  # type: ignore[no-untyped-def]
    window, startup = admin_session
    for key, _title, _blurb in AREAS:  # every area an admin has, built
        window.page(key)
    desk = startup.desk
    assert desk is not None
    desk.prepare_next_intake()  # the intake form, with its booking panel and confirmation
    qtbot.waitUntil(
        lambda: desk._spare is not None and isinstance(desk._spare.booking_widget, BookingPanel),
        timeout=10_000,
    )
    panel = desk._spare.booking_widget
    assert isinstance(panel, BookingPanel)
    assert panel.confirmation is not None
    meanings = key_meanings(window)
    assert len(meanings) > 20  # the walk found the program's keys, not an empty window
    twice = {key: sorted(said) for key, said in meanings.items() if len(said) > 1}
    assert twice == {}, f"keys with two meanings: {twice}"
    assert meanings["Ctrl+N"] == {keys.NEW_PATIENT}
    assert meanings["Ctrl+Shift+N"] == {keys.NO_SHOW}
