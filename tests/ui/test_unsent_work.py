"""No typed answer lost: continuing a draft, a registration cut short, closing mid-intake.

Each test does what the front desk does (clicks, keys) and then looks where the work must be:
the audit trail and the draft row (SQLite and PostgreSQL), the journal files, and what the
next start offers back. Synthetic patients and answers only.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy import text

from intake.services import intakes
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.front_desk import REGISTER, FrontDeskPage
from intake.ui.intake_form.autosave import DELAY_MS
from intake.ui.journal import Journal, writer
from intake.ui.main_window import CloseQuestion, MainWindow, close_message
from intake.ui.worker import Worker
from tests.db.practice import NOW, build, desk

ANSWERS = {"has_neck_pain": True, "has_headache": False, "pain_now": 6, "rf_fever": False}


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal", os.urandom(32))


@pytest.fixture
def start(qtbot, database: Database, journal: Journal) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """Start the Intake area as the program does (call again for "the next start")."""
    contexts: list[UiContext] = []

    def started() -> FrontDeskPage:
        context = UiContext(database, desk(database), Worker())
        contexts.append(context)
        page = FrontDeskPage(context, journal, clock=lambda: NOW)
        qtbot.addWidget(page)
        page.resize(1366, 800)
        page.show()
        return page

    yield started
    for context in contexts:
        context.worker.wait_for_done()


def _intake_trail(database: Database) -> list[tuple[str, int, list[str]]]:
    with database.reading() as session:
        rows = session.execute(
            text(
                "SELECT action, entity_id, fields FROM audit_events "
                "WHERE entity = 'intake' ORDER BY id"
            )
        )
        return [(a, i, f if isinstance(f, list) else json.loads(f)) for a, i, f in rows]


def _settled(page: FrontDeskPage) -> None:
    page.context.worker.wait_for_done()
    assert writer().wait_until_written()


def test_continuing_a_draft_writes_nothing_until_an_answer_changes(  # type: ignore[no-untyped-def]
    qtbot, database, journal, start
):
    patient = build(database, patients_count=1).patients[0]
    saved = intakes.save_draft(database, desk(database), ANSWERS, patient_id=patient)
    before = _intake_trail(database)
    page = start()
    qtbot.waitUntil(lambda: page.recovery.list.count() == 1, timeout=10_000)
    with qtbot.waitSignal(page.intake_did_start, timeout=10_000) as started:
        qtbot.mouseClick(page.recovery.continue_button, Qt.MouseButton.LeftButton)
    wizard = started.args[0]
    assert wizard.answers == ANSWERS  # the saved answers on screen ...
    qtbot.wait(3 * DELAY_MS)  # ... and, well past the autosave pause, nothing written
    _settled(page)
    assert _intake_trail(database) == before
    (row,) = intakes.list_unfinished(database, desk(database))
    assert row.answers == ANSWERS and row.version == saved.version
    assert not journal.folder.exists() or not list(journal.folder.iterdir())

    page.show_find()  # left without touching anything: the draft is whole next time
    qtbot.waitUntil(lambda: page.recovery.list.count() == 1, timeout=10_000)
    assert page.recovery.drafts[0].answers == ANSWERS

    with qtbot.waitSignal(page.intake_did_start, timeout=10_000) as started:
        qtbot.mouseClick(page.recovery.continue_button, Qt.MouseButton.LeftButton)
    wizard = started.args[0]
    wizard.go_to_question("pain_now")
    with qtbot.waitSignal(wizard.draft_did_save, timeout=10_000):
        qtbot.keyClicks(wizard.rows["pain_now"].input.focus_widget(), "4")
    assert _intake_trail(database)[len(before) :] == [("update", saved.id, ["pain_now"])]
    (row,) = intakes.list_unfinished(database, desk(database))
    assert row.answers == {**ANSWERS, "pain_now": 4}


def test_a_registration_is_journaled_as_typed_and_restored_at_the_next_start(  # type: ignore[no-untyped-def]
    qtbot, database, journal, start
):
    build(database, patients_count=1)
    page = start()
    page.show_register()
    form = page.register_form
    for name, typed in (
        ("family_name", "Testcase"),
        ("given_name", "Jotted"),
        ("phone", "5550142"),
    ):
        qtbot.keyClicks(form.inputs[name], typed)
    assert writer().wait_until_written()
    (entry,) = journal.read_registrations()
    assert {k: entry.fields[k] for k in ("family_name", "given_name", "phone")} == {
        "family_name": "Testcase",
        "given_name": "Jotted",
        "phone": "5550142",
    }
    (path,) = journal.folder.glob("registration-*")
    assert re.fullmatch(r"registration-[0-9a-f]{32}\.sealed", path.name)  # no name in it
    assert b"Jotted" not in path.read_bytes() and b"5550142" not in path.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(journal.folder.stat().st_mode) == 0o700
    assert page.unsent_work() == ["a new patient's registration"]

    again = start()  # the next start offers it back
    qtbot.waitUntil(lambda: not again.resume_bar.isHidden(), timeout=10_000)
    offer = again.resume_bar.text.text()
    assert "Restore the unfinished registration?" in offer and "Testcase, Jotted" in offer
    qtbot.mouseClick(again.resume_bar.resume_button, Qt.MouseButton.LeftButton)
    assert again.stack.currentIndex() == REGISTER
    restored = again.register_form
    assert restored.fields() == entry.fields

    qtbot.keyClicks(restored.inputs["date_of_birth"], "1981-02-03")
    sex = restored.inputs["sex"]
    assert isinstance(sex, QComboBox)
    sex.setCurrentIndex(sex.findData("female"))
    with qtbot.waitSignal(restored.patient_was_registered, timeout=10_000):
        qtbot.mouseClick(restored.save_button, Qt.MouseButton.LeftButton)
    assert writer().wait_until_written()
    assert journal.read_registrations() == []  # registered: the journal's copy is gone
    assert "a new patient's registration" not in again.unsent_work()


def test_closing_mid_intake_says_what_happens_and_the_next_start_offers_it_back(  # type: ignore[no-untyped-def]
    qtbot, database, journal, start, monkeypatch
):
    patient = build(database, patients_count=1).patients[0]
    window = MainWindow()
    qtbot.addWidget(window)
    page = start()
    window.set_page("intake", page)
    window.watch_unsent_work(page)
    window.show()
    with qtbot.waitSignal(page.intake_did_start, timeout=10_000) as started:
        page.open_patient(patient)
    wizard = started.args[0]
    wizard.go_to_question("symptom_duration_weeks")
    qtbot.keyClicks(wizard.rows["symptom_duration_weeks"].input.focus_widget(), "12")
    typed = wizard.answers
    assert typed["symptom_duration_weeks"] == 12

    asked: list[list[str]] = []

    def answer(close: bool) -> None:
        def ask(cls: type, parent: QWidget, work: list[str]) -> bool:
            asked.append(work)
            return close

        monkeypatch.setattr(CloseQuestion, "ask", classmethod(ask))

    answer(False)  # "Go back to it"
    window.close()
    assert window.isVisible()
    (work,) = asked[0]
    assert work.startswith("the intake for ") and "testcase" in work.lower()
    assert "kept on this computer and offered back" in close_message(asked[0])
    answer(True)  # "Close and keep it for later"
    window.close()
    assert not window.isVisible()
    _settled(page)

    again = start()
    qtbot.waitUntil(lambda: not again.resume_bar.isHidden(), timeout=10_000)
    assert "Continue the unfinished intake?" in again.resume_bar.text.text()
    with qtbot.waitSignal(again.intake_did_start, timeout=10_000) as resumed:
        qtbot.mouseClick(again.resume_bar.resume_button, Qt.MouseButton.LeftButton)
    assert resumed.args[0].answers == typed


def test_closing_with_nothing_unsent_asks_nothing(qtbot, database, start, monkeypatch):  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    page = start()
    window.set_page("intake", page)
    window.watch_unsent_work(page)
    window.show()
    monkeypatch.setattr(CloseQuestion, "ask", classmethod(lambda *_a: pytest.fail("asked")))
    window.close()
    assert not window.isVisible()
