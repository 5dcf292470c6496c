"""Never lose an intake: a process killed mid-intake leaves every typed answer behind.

A child process types part of an intake into the real wizard (SQLite or PostgreSQL, as the
run says), is killed with SIGKILL once the answers are saved, and this process, signed in as
another person, then finds them in the journal (sealed: nothing typed is readable in its
bytes) and the database and offers them back. All data is synthetic.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import stat
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from intake.domain.enums import Role
from intake.domain.patient import PatientDraft
from intake.services import accounts, intakes, patients
from intake.services.actor import SYSTEM, Actor
from intake.services.journal_key import journal_key
from intake.ui.intake_form import IntakeWizard, RecoveryOffer
from intake.ui.intake_form.recovery import merge_unfinished
from intake.ui.journal import Journal, JournalEntry, new_key
from tests.db.practice import desk

KEY = os.urandom(32)  # the journal key, where the test is not about where it comes from

TYPED = {
    "dob": "1980-05-31",
    "sex": "female",
    "pregnancy": "no",
    "has_neck_pain": True,
    "has_headache": True,
    "symptom_duration_weeks": 12,
    "pain_now": 6,
    "pain_regions": ["occiput_right", "neck_right"],
    "headache_side": "right",
    "rf_sudden_onset": False,
}

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from intake.services.database import open_database
from intake.services.journal_key import journal_key
from tests.db.practice import desk
from intake.ui.context import UiContext
from intake.ui.intake_form import IntakeWizard
from intake.ui.journal import Journal
from intake.ui.worker import Worker

config = json.loads(sys.argv[1])
app = QApplication([])
database = open_database(config["url"])
context = UiContext(database, desk(database), Worker())
key = journal_key(context.database, context.actor)  # as the program does after sign-in
form = IntakeWizard(
    context, patient_id=config["patient"], journal=Journal(Path(config["journal"]), key),
    autosave_ms=100,
)
form.show()
QTest.keyClicks(form.rows["dob"].input.focus_widget(), "5/31/1980")
QTest.keyClicks(form.rows["symptom_duration_weeks"].input.focus_widget(), "12")
QTest.keyClicks(form.rows["pain_now"].input, "6")
form.go_to_question("pain_regions")
picture = form.rows["pain_regions"].input
for region in ("occiput_right", "neck_right"):
    point = picture.canvas.point_for(region).toPoint()
    QTest.mouseClick(picture.canvas, Qt.MouseButton.LeftButton, pos=point)
for question, value in config["set"].items():
    form.set_answer(question, value)
print("typed", flush=True)
app.exec()
"""


@pytest.fixture
def patient_id(database) -> int:  # type: ignore[no-untyped-def]
    draft = PatientDraft("Testcase", "Killedprocess", dt.date(1980, 5, 31), "female")
    return patients.register(database, desk(database), draft).id


def _wait_for(check, what: str, seconds: float = 25.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _journal_has_everything(journal: Journal) -> bool:
    entries = journal.read_all()
    return bool(entries) and entries[0].answers == TYPED and entries[0].intake_id is not None


def _database_has_everything(database) -> bool:  # type: ignore[no-untyped-def]
    drafts = intakes.list_unfinished(database, desk(database))
    return bool(drafts) and drafts[0].answers == TYPED


def _another_person(database) -> Actor:  # type: ignore[no-untyped-def]
    """A therapist who signs in on the PC after the crash (not the one who typed)."""
    accounts.create_account(
        database, SYSTEM, "next-person", "Next Person", Role.THERAPIST, "next-person-pass-1"
    )
    return accounts.sign_in(database, "next-person", "next-person-pass-1", workstation="test-pc")


def test_a_killed_intake_is_offered_back_with_every_answer(
    qtbot, database, database_url, patient_id, tmp_path: Path
):  # type: ignore[no-untyped-def]
    next_person = _another_person(database)
    journal = Journal(tmp_path / "journal", journal_key(database, next_person))
    typed_by_hand = {"dob", "symptom_duration_weeks", "pain_now", "pain_regions"}
    config = {
        "url": database_url,
        "patient": patient_id,
        "journal": str(journal.folder),
        "set": {k: v for k, v in TYPED.items() if k not in typed_by_hand},
    }
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INTAKE_DATA_DIR": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, json.dumps(config)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(lambda: _journal_has_everything(journal), "the journal to hold the answers")
        _wait_for(lambda: _database_has_everything(database), "the database draft")
    except AssertionError:
        child.kill()
        raise AssertionError(child.communicate(timeout=10)[1][-2000:]) from None
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=10)  # reaps the child and closes its pipes (no ResourceWarning)
    assert child.returncode == -signal.SIGKILL

    (path,) = journal.folder.glob("draft-*")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "Killedprocess" not in path.name and not list(journal.folder.glob(".*.tmp"))
    sealed = path.read_bytes()
    for typed in ("1980-05-31", "occiput_right", "headache_side", "female"):
        assert typed.encode() not in sealed  # the date of birth and answers, as typed

    # The one who typed: the journal's copy and the database's row, as one intake.
    drafts = merge_unfinished(journal.read_all(), intakes.list_unfinished(database, desk(database)))
    (draft,) = drafts
    assert draft.answers == TYPED and "Testcase, Killedprocess" in draft.describe()
    # The next person to sign in on this PC: the journal's copy, every answer, offered back.
    drafts = merge_unfinished(journal.read_all(), intakes.list_unfinished(database, next_person))
    assert len(drafts) == 1
    (draft,) = drafts
    assert draft.answers == TYPED
    assert draft.patient_id == patient_id and draft.journal_key and draft.intake_id

    offer = RecoveryOffer()
    qtbot.addWidget(offer)
    offer.show_drafts(drafts)
    assert offer.list.count() == 1
    assert f"Record no. M{patient_id:07d}" in offer.list.item(0).text()  # never the bare id
    with qtbot.waitSignal(offer.draft_was_chosen) as chosen:
        offer.continue_button.click()

    form = IntakeWizard.for_draft(None, chosen.args[0], journal=journal)
    qtbot.addWidget(form)
    assert form.answers == TYPED
    assert form.intake_id == draft.intake_id and form.keeper.key == draft.journal_key


def test_a_long_line_in_a_narrow_list_wraps_instead_of_hiding_sideways(qtbot, tmp_path: Path):
    journal = Journal(tmp_path / "journal", KEY)
    journal.write(_entry({"pain_now": 4}))
    (draft,) = merge_unfinished(journal.read_all(), None)
    draft = replace(draft, patient_label="Testcase-Longfamilyname, Samplegiven")
    offer = RecoveryOffer()
    qtbot.addWidget(offer)
    offer.resize(300, 300)
    offer.show()
    qtbot.waitExposed(offer)
    offer.show_drafts([draft])
    text = offer.list.item(0).text()
    assert offer.list.fontMetrics().horizontalAdvance(text) > offer.list.viewport().width()
    assert not offer.list.horizontalScrollBar().isVisible()
    assert offer.list.visualItemRect(offer.list.item(0)).width() <= offer.list.viewport().width()
    assert offer.list.item(0).toolTip() == text


def _entry(answers: dict[str, object], **fields: object) -> JournalEntry:
    values: dict[str, object] = {
        "key": new_key(),
        "answers": answers,
        "checklist_id": "neck-headache",
        "checklist_version": "1",
    }
    return JournalEntry(**{**values, **fields})  # type: ignore[arg-type]


def test_a_draft_only_in_the_journal_is_offered_when_the_database_is_away(tmp_path: Path):
    journal = Journal(tmp_path / "journal", KEY)
    journal.write(_entry({"pain_now": 4}))
    (draft,) = merge_unfinished(journal.read_all(), None)
    assert draft.answers == {"pain_now": 4}
    assert draft.only_on_this_computer and "only on this computer" in draft.describe()


def test_the_newer_copy_wins(tmp_path: Path):
    older = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)
    newer = older + dt.timedelta(minutes=5)
    row = intakes.UnfinishedIntake(
        7, 3, None, "", {"pain_now": 2}, "neck-headache", "1", updated_at=older
    )
    ahead = _entry({"pain_now": 9}, intake_id=7, version=3, saved_at=newer.isoformat())
    (draft,) = merge_unfinished([ahead], [row])
    assert draft.answers == {"pain_now": 9} and draft.version == 3  # typed after the last save
    moved_on = intakes.UnfinishedIntake(
        7, 5, None, "", {"pain_now": 1}, "neck-headache", "1", updated_at=newer
    )
    behind = _entry({"pain_now": 9}, intake_id=7, version=3, saved_at=older.isoformat())
    (draft,) = merge_unfinished([behind], [moved_on])
    assert draft.answers == {"pain_now": 1} and draft.version == 5  # changed on another PC


def test_the_journal_writes_atomically_and_skips_damage(tmp_path: Path):
    journal = Journal(tmp_path / "journal", KEY)
    entry = _entry({"has_headache": True})
    path = journal.write(entry)
    journal.write(_entry({"has_headache": False}, key=entry.key))
    assert [e.answers for e in journal.read_all()] == [{"has_headache": False}]
    assert sorted(p.name for p in journal.folder.iterdir()) == [path.name]  # no temp files left
    (journal.folder / f"draft-{new_key()}.json").write_text("{not json")
    assert [e.key for e in journal.read_all()] == [entry.key]
    assert len(journal.take_set_aside()) == 1  # the damaged one: kept aside, and said
    journal.remove(entry.key)
    journal.remove(entry.key)  # twice is fine
    assert journal.read_all() == []
    with pytest.raises(ValueError):
        journal.path_for("../../etc/passwd")


def test_a_copy_typed_while_a_save_was_under_way_beats_that_save(tmp_path: Path):
    """Killed after the database took a save and before the journal heard of it: the journal's
    copy, typed after that save was sent, is the newer one (answers typed meanwhile kept)."""
    sent = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)
    typed = sent + dt.timedelta(milliseconds=300)
    landed = sent + dt.timedelta(milliseconds=600)
    row = intakes.UnfinishedIntake(
        7, 4, 3, "", {"pain_now": 2}, "neck-headache", "1", updated_at=landed
    )
    during = _entry(
        {"pain_now": 2, "pain_best": 1},
        intake_id=7,
        version=3,
        patient_id=3,
        saving=True,
        saved_at=typed.isoformat(),
    )
    (draft,) = merge_unfinished([during], [row])
    assert draft.answers == {"pain_now": 2, "pain_best": 1} and draft.version == 4
    # The first save of a draft: the journal did not know the row's id yet.
    first = intakes.UnfinishedIntake(
        9, 1, 3, "", {"pain_now": 2}, "neck-headache", "1", updated_at=landed
    )
    before_id = _entry(
        {"pain_now": 2, "pain_best": 1}, patient_id=3, saving=True, saved_at=typed.isoformat()
    )
    (draft,) = merge_unfinished([before_id], [first])  # one intake, not two
    assert draft.answers == {"pain_now": 2, "pain_best": 1}
    assert (draft.intake_id, draft.version, draft.journal_key) == (9, 1, before_id.key)
