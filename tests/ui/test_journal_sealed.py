"""The journal of unfinished work is sealed: what the front desk types (dates of birth,
clinical answers, names) is not in the bytes on disk, a file changed or cut short is refused
whole and kept aside with a sentence for the person, the previous version's plain files are
sealed once someone signs in, and nothing is opened before a sign-in. Synthetic data only.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from intake.services import startup as startup_service
from intake.services.database import Database
from intake.services.journal_key import journal_key
from intake.ui.context import UiContext
from intake.ui.front_desk import FrontDeskPage
from intake.ui.intake_form import IntakeWizard
from intake.ui.journal import SET_ASIDE, Journal, JournalEntry, RegistrationEntry, new_key, writer
from intake.ui.journal_seal import SealBroken, unseal
from intake.ui.patients.register_form import PatientRegisterForm
from intake.ui.startup import Startup
from intake.ui.worker import Worker
from tests.db.practice import NOW, build, desk
from tests.unit.screening.builders import ON

# Typed by keyboard, and what must then appear nowhere in the journal's bytes.
REGISTRATION = {
    "family_name": "Sealcase",
    "given_name": "Hiddenname",
    "date_of_birth": "1979-11-23",
    "phone": "5550177",
}
SECRETS = (b"Sealcase", b"Hiddenname", b"1979-11-23", b"11/23/1979", b"1979", b"5550177")
FIELD_NAMES = (b"family_name", b"date_of_birth", b"dob", b"symptom_duration_weeks", b"pain_now")


def _bytes_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_what_is_typed_is_not_in_the_journal_files(qtbot, database: Database, tmp_path: Path):  # type: ignore[no-untyped-def]
    journal = Journal(tmp_path / "journal", journal_key(database, desk(database)))
    context = UiContext(database, desk(database), Worker())
    register = PatientRegisterForm(context, journal=journal)
    qtbot.addWidget(register)
    register.show()
    for name, typed in REGISTRATION.items():
        qtbot.keyClicks(register.inputs[name], typed)
    wizard = IntakeWizard(None, journal=journal, today=ON, autosave_ms=60_000)
    qtbot.addWidget(wizard)
    wizard.show()
    QTest.keyClicks(wizard.rows["dob"].input.focus_widget(), "11/23/1979")
    QTest.keyClicks(wizard.rows["symptom_duration_weeks"].input.focus_widget(), "12")
    QTest.keyClicks(wizard.rows["pain_now"].input, "6")
    assert writer().wait_until_written()

    files = _bytes_of(journal.folder)
    assert len(files) == 2  # one registration, one intake draft
    for name, data in files.items():
        for secret in SECRETS + FIELD_NAMES:
            assert secret not in data, (name, secret)
    # The same journal key reads them back, as typed.
    (draft,) = journal.read_all()
    assert draft.answers == {"dob": "1979-11-23", "symptom_duration_weeks": 12, "pain_now": 6}
    (form,) = journal.read_registrations()
    assert {k: form.fields[k] for k in REGISTRATION} == REGISTRATION
    context.worker.wait_for_done()


def _entry(answers: dict[str, object]) -> JournalEntry:
    return JournalEntry(new_key(), answers, "neck-headache", "1", patient_id=1)


def test_without_the_journal_key_nothing_is_decrypted(tmp_path: Path):
    journal = Journal(tmp_path / "journal", os.urandom(32))
    path = journal.write(_entry({"dob": "1979-11-23", "pain_now": 6}))
    sealed = path.read_bytes()
    assert b"1979-11-23" not in sealed and b"pain_now" not in sealed
    with pytest.raises(SealBroken):  # another key (another database, or a guess)
        unseal(os.urandom(32), path.name, sealed)
    copy = tmp_path / "copy"
    shutil.copytree(journal.folder, copy)
    assert Journal(copy, os.urandom(32)).read_all() == []  # offered: nothing
    assert journal.read_all()[0].answers["dob"] == "1979-11-23"  # the right key: all of it


@pytest.fixture
def desk_for(qtbot, database: Database):  # type: ignore[no-untyped-def]
    """A front desk page on a journal (as the program builds it after sign-in), and what
    its status line said."""
    build(database)
    context = UiContext(database, desk(database), Worker())

    def make(journal: Journal) -> tuple[FrontDeskPage, list[str]]:
        said: list[str] = []
        page = FrontDeskPage(context, journal, clock=lambda: NOW)
        page.status_did_change.connect(said.append)
        qtbot.addWidget(page)
        return page, said

    yield make, journal_key(database, desk(database))
    context.worker.wait_for_done()


def test_a_changed_or_cut_short_file_is_refused_kept_aside_and_said(  # type: ignore[no-untyped-def]
    qtbot, desk_for, tmp_path: Path
):
    make, key = desk_for
    journal = Journal(tmp_path / "journal", key)
    good = journal.write(_entry({"pain_now": 2}))
    flipped = journal.write(_entry({"pain_now": 3}))
    data = bytearray(flipped.read_bytes())
    data[-20] ^= 0x01  # one bit of the answers, changed on disk
    flipped.write_bytes(bytes(data))
    cut = journal.write(_entry({"pain_now": 4}))
    cut.write_bytes(cut.read_bytes()[:-5])  # a copy cut short
    renamed = journal.write(_entry({"pain_now": 5}))  # a file put in another's place
    other = journal.path_for(new_key())
    renamed.rename(other)
    before = {p: p.read_bytes() for p in (flipped, cut, other)}

    page, said = make(journal)
    qtbot.waitUntil(lambda: any("not offered back" in line for line in said), timeout=10_000)
    (message,) = [line for line in said if "not offered back" in line]
    assert message.startswith("3 unfinished drafts on this computer were not offered back")
    assert "changed or cut short outside the program" in message and "IT person" in message
    offered = [page.recovery.list.item(i).text() for i in range(page.recovery.list.count())]
    assert len(offered) == 1 and "1 answers" in offered[0]  # the good one, and only it
    # Nothing lost silently: every refused file is kept, byte for byte, beside its old name.
    for path, data in before.items():
        aside = path.with_name(path.name + SET_ASIDE)
        assert not path.exists() and aside.read_bytes() == data
        assert aside.name in message
    assert good.exists()
    page.refresh_unfinished()  # said once: a refused file is not refused again
    qtbot.waitUntil(lambda: page.recovery.list.count() == 1)
    assert sum("not offered back" in line for line in said) == 1


def _plain_files(folder: Path) -> tuple[Path, Path]:
    """Journal files as the previous version wrote them: plain JSON."""
    folder.mkdir(parents=True)
    draft_key, form_key = new_key(), new_key()
    draft = folder / f"draft-{draft_key}.json"
    draft.write_text(
        json.dumps(
            {"format": 1, "key": draft_key, "answers": {"dob": "1979-11-23", "pain_now": 6},
             "checklist_id": "neck-headache", "checklist_version": "1",
             "saved_at": "2026-12-01T09:00:00+00:00"}
        )
    )  # fmt: skip
    form = folder / f"registration-{form_key}.json"
    form.write_text(
        json.dumps(
            {"format": 1, "key": form_key, "fields": {"family_name": "Sealcase"},
             "saved_at": "2026-12-01T09:01:00+00:00"}
        )
    )  # fmt: skip
    return draft, form


def _start(qtbot, monkeypatch, actor) -> Startup:  # type: ignore[no-untyped-def]
    from intake.ui.main_window import MainWindow

    monkeypatch.setattr(Startup, "ask_sign_in", lambda self, started: actor)
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, demo=False)
    startup.quit_on_failure = False
    return startup


def _stop(startup: Startup) -> None:
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()


def test_plain_files_of_the_previous_version_are_sealed_once_someone_signs_in(  # type: ignore[no-untyped-def]
    qtbot, app_env: str, monkeypatch, database: Database
):
    folder = startup_service.journal_folder(database)  # where the program will look
    draft, form = _plain_files(folder)
    startup = _start(qtbot, monkeypatch, desk(database))
    with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        startup.begin()
    assert not draft.exists() and not form.exists()  # the plain copies are gone
    files = _bytes_of(folder)
    assert sorted(name.rsplit(".", 1)[1] for name in files) == ["sealed", "sealed"]
    for data in files.values():
        assert b"1979-11-23" not in data and b"Sealcase" not in data
    assert startup.journal is not None
    assert startup.journal.read_all()[0].answers == {"dob": "1979-11-23", "pain_now": 6}
    assert startup.journal.read_registrations()[0].fields == {"family_name": "Sealcase"}
    # The key is held in memory only: no file in the data folder holds it.
    key = journal_key(database, desk(database))
    data_folder = Path(os.environ["INTAKE_DATA_DIR"])
    for name, data in _bytes_of(data_folder).items():
        if not name.endswith((".sqlite3", ".sqlite3-wal")):  # the database holds it
            assert key not in data and key.hex().encode() not in data, name
    _stop(startup)


def test_before_a_sign_in_the_journal_is_not_opened(  # type: ignore[no-untyped-def]
    qtbot, app_env: str, monkeypatch, database: Database
):
    folder = startup_service.journal_folder(database)
    draft, form = _plain_files(folder)
    startup = _start(qtbot, monkeypatch, None)  # the person closes the sign-in
    with qtbot.waitSignal(startup.database_did_open, timeout=30_000):
        startup.begin()
    startup.worker.wait_for_done()
    assert startup.journal is None  # no key was read
    assert draft.exists() and form.exists()  # nothing touched without a sign-in
    _stop(startup)


def test_a_registration_sealed_and_read_back(tmp_path: Path):
    journal = Journal(tmp_path / "journal", os.urandom(32))
    entry = RegistrationEntry(new_key(), {"family_name": "Sealcase", "phone": "5550177"})
    path = journal.write(entry)
    assert b"Sealcase" not in path.read_bytes()
    assert journal.read_registrations() == [entry]
