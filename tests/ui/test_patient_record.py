"""The patient record in the Patients area, used as the front desk uses it: found by search or
opened from the schedule, edited and saved, an edit another PC saved first settled field by
field, a bad entry told beside its field, a visit on the record opened on the schedule."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from intake.domain.booking import BookingRequest
from intake.domain.enums import Role
from intake.domain.patient_record import as_draft
from intake.services import booking, intakes, patients
from intake.services.database import open_database
from intake.ui.app import Startup
from intake.ui.context import UiContext
from intake.ui.main_window import CloseQuestion, MainWindow, close_message
from intake.ui.patients.record_page import RECORD, RecordPage
from intake.ui.patients.record_view import DETAILS, INTAKES, VISITS, WAITLIST
from intake.ui.schedule import SchedulePage
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, at, build, desk, signed_in

WAIT = 15_000


@pytest.fixture
def practice(database):  # type: ignore[no-untyped-def]
    return build(database)


@pytest.fixture
def page(qtbot, show_active, database, practice) -> Iterator[RecordPage]:  # type: ignore[no-untyped-def]
    context = UiContext(database, desk(database), Worker())
    shown = RecordPage(context, clock=lambda: NOW)
    shown.resize(1100, 700)
    show_active(shown)
    yield shown
    context.worker.wait_for_done()


def _open_by_search(qtbot, page: RecordPage, text: str) -> None:  # type: ignore[no-untyped-def]
    page.search.focus_search()
    with qtbot.waitSignal(page.search.results_did_arrive, timeout=WAIT):
        qtbot.keyClicks(page.search.box, text)
    qtbot.waitUntil(lambda: page.search.model.rowCount() == 1, timeout=WAIT)
    with qtbot.waitSignal(page.record_did_open, timeout=WAIT):
        qtbot.keyClick(page.search.box, Qt.Key.Key_Return)


def _field(page: RecordPage, name: str) -> QLineEdit:
    widget = page.view.form.fields.inputs[name]
    assert isinstance(widget, QLineEdit)
    return widget


def _retype(qtbot, field: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_a_record_found_by_search_is_edited_and_saved(qtbot, page, database, practice):
    who = practice.patients[2]
    before = patients.get(database, desk(database), who)  # a field the form does not show
    patients.update(
        database, desk(database), who, before.version,
        dataclasses.replace(as_draft(before), referral_source="web search"),
    )  # fmt: skip
    _open_by_search(qtbot, page, "testcase2")
    assert page.stack.currentIndex() == RECORD
    assert "Testcase2, Sample2" in page.view.title.text()
    assert "Record no." in page.view.facts.text() and "0 no-shows" in page.view.facts.text()
    page.view.tabs.setCurrentIndex(DETAILS)
    _retype(qtbot, _field(page, "phone"), "(212) 555-0177")
    note = page.view.form.fields.note
    assert isinstance(note, QPlainTextEdit)
    note.setFocus()
    qtbot.keyClicks(note, "Comes with an interpreter")
    assert page.view.form.changed()
    with qtbot.waitSignal(page.view.form.record_was_saved, timeout=WAIT):
        qtbot.keyClick(note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = patients.get(database, desk(database), who)
    assert (stored.phone, stored.desk_note) == ("(212) 555-0177", "Comes with an interpreter")
    assert stored.referral_source == "web search"  # kept, not blanked by the form
    assert "Saved" in page.view.form.status.text()
    assert "Comes with an interpreter" in page.view.note.text()  # shown at the top now
    assert not page.view.form.changed()


def test_bad_input_is_told_beside_the_field_and_kept(qtbot, page, database, practice):
    _open_by_search(qtbot, page, "testcase1")
    email = _field(page, "email")
    _retype(qtbot, email, "not-an-address")
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    error = page.view.form.fields.errors["email"]
    qtbot.waitUntil(error.isVisible)
    assert "not an e-mail address" in error.text()
    qtbot.keyClick(page.view.form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Not saved" in page.view.form.status.text()
    assert email.text() == "not-an-address" and email.hasFocus()  # typing kept, cursor there
    qtbot.keyClicks(email, "@example.org")
    assert not error.isVisible()  # the message follows the typing
    with qtbot.waitSignal(page.view.form.record_was_saved, timeout=WAIT):
        page.view.form.save_button.click()
    assert patients.get(database, desk(database), practice.patients[1]).email == (
        "not-an-address@example.org"
    )


def test_a_save_after_another_pc_saved_shows_both_values_and_stores_the_choice(
    qtbot, page, database, practice
):
    who = practice.patients[0]
    _open_by_search(qtbot, page, "testcase0")
    _retype(qtbot, _field(page, "phone"), "(212) 555-0142")
    _retype(qtbot, _field(page, "city"), "Mytown")
    # Meanwhile another PC, on its own connection, saves the same record.
    other = open_database(database.engine.url.render_as_string(hide_password=False))
    try:
        other_desk = signed_in(other, Role.FRONT_DESK, username="desk-two", workstation="pc-2")
        base = patients.get(other, other_desk, who)
        patients.update(
            other, other_desk, who, base.version,
            dataclasses.replace(as_draft(base), phone="(212) 555-0199", payer="Fund B"),
        )  # fmt: skip
    finally:
        other.close()
    form = page.view.form
    with qtbot.waitSignal(form.conflict_did_show, timeout=WAIT) as shown:
        form.save_button.click()
    assert shown.args == [3]  # phone (both), city (mine), payer (theirs)
    buttons = form.conflict.buttons
    theirs_phone, mine_phone = buttons[("phone", "theirs")], buttons[("phone", "mine")]
    assert theirs_phone.text() == "(212) 555-0199" and mine_phone.text() == "(212) 555-0142"
    assert not theirs_phone.isChecked() and not mine_phone.isChecked()
    assert buttons[("city", "mine")].isChecked() and buttons[("payer", "theirs")].isChecked()
    assert not form.conflict.save_button.isEnabled()  # the phone is not chosen yet
    assert "Phone" in form.conflict.waiting.text()
    assert _field(page, "phone").text() == "(212) 555-0142"  # nothing typed is lost
    # A click on the value (the button is as wide as its column, its text is not).
    qtbot.mouseClick(mine_phone, Qt.MouseButton.LeftButton, pos=QPoint(8, mine_phone.height() // 2))
    assert form.conflict.save_button.isEnabled()
    with qtbot.waitSignal(form.record_was_saved, timeout=WAIT):
        qtbot.mouseClick(form.conflict.save_button, Qt.MouseButton.LeftButton)
    stored = patients.get(database, desk(database), who)
    assert (stored.phone, stored.city, stored.payer) == ("(212) 555-0142", "Mytown", "Fund B")
    assert _field(page, "payer").text() == "Fund B"  # the form shows what is stored


def test_back_to_typing_keeps_it_and_the_next_save_compares_again(qtbot, page, database, practice):
    who = practice.patients[3]
    _open_by_search(qtbot, page, "testcase3")
    _retype(qtbot, _field(page, "city"), "Mytown")
    base = patients.get(database, desk(database), who)
    other = signed_in(database, Role.FRONT_DESK, username="desk-two", workstation="pc-2")
    patients.update(
        database, other, who, base.version, dataclasses.replace(as_draft(base), city="Theirtown")
    )
    form = page.view.form
    with qtbot.waitSignal(form.conflict_did_show, timeout=WAIT):
        form.save_button.click()
    qtbot.mouseClick(form.conflict.back_button, Qt.MouseButton.LeftButton)
    assert _field(page, "city").text() == "Mytown"
    assert patients.get(database, desk(database), who).city == "Theirtown"  # not overwritten
    with qtbot.waitSignal(form.conflict_did_show, timeout=WAIT):
        form.save_button.click()


def test_a_visit_on_the_record_leads_to_it(qtbot, page, database, practice):
    who = practice.patients[1]
    request = BookingRequest(who, practice.ann, practice.east, at(MONDAY, 9), "FU45")
    visit = booking.book(database, desk(database), request, now=NOW)
    _open_by_search(qtbot, page, "testcase1")
    assert "1 upcoming" in page.view.facts.text()
    page.view.tabs.setCurrentIndex(VISITS)
    listed = page.view.visits
    listed.setFocus()
    assert listed.currentItem() is not None
    with qtbot.waitSignal(page.view.visit_was_chosen, timeout=WAIT) as chosen:
        qtbot.keyClick(listed, Qt.Key.Key_Return)
    assert chosen.args[0].id == visit.id


# --- in the program: the schedule's "Open patient" and back -------------------------------


@pytest.fixture
def session(qtbot, show_active, app_env, monkeypatch):  # type: ignore[no-untyped-def]
    database = open_database(os.environ["INTAKE_DATABASE_URL"])
    try:
        practice = build(database)
        request = BookingRequest(
            practice.patients[2], practice.ann, practice.east, at(MONDAY, 10), "FU45"
        )
        visit = booking.book(database, desk(database), request, now=NOW)
        actor = signed_in(database, Role.FRONT_DESK)
    finally:
        database.close()
    monkeypatch.setattr(Startup, "ask_sign_in", lambda self, started: actor)
    monkeypatch.setattr(CloseQuestion, "ask", classmethod(lambda cls, parent, work: True))
    window = show_active(MainWindow())
    startup = Startup(window, demo=False)
    with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        startup.begin()
    yield window, startup, practice, visit
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()


def test_open_patient_on_the_schedule_opens_the_record_and_its_visit_leads_back(qtbot, session):
    window, startup, practice, visit = session
    window.show_area("schedule")
    schedule = window.page("schedule")
    assert isinstance(schedule, SchedulePage)
    schedule.show_day(practice.east, MONDAY)
    qtbot.waitUntil(lambda: schedule.canvas.select_appointment(visit.id) or False, timeout=WAIT)
    schedule.canvas.setFocus()
    qtbot.keyClick(schedule.canvas, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_area() == "patients", timeout=WAIT)
    records = startup.patients
    assert isinstance(records, RecordPage)
    qtbot.waitUntil(lambda: records.view.patient_id() == practice.patients[2], timeout=WAIT)
    assert records.stack.currentIndex() == RECORD
    assert startup.desk is None or startup.desk.wizard is None  # no intake was started
    # Enter on the visit: the schedule, on that day, with the visit chosen.
    records.view.tabs.setCurrentIndex(VISITS)
    records.view.visits.setFocus()
    qtbot.keyClick(records.view.visits, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_area() == "schedule", timeout=WAIT)
    qtbot.waitUntil(
        lambda: (
            (chosen := schedule.canvas.selected_block()) is not None
            and chosen.appointment_id == visit.id
        ),
        timeout=WAIT,
    )
    # "Start intake" on the record is what starts a new intake now.
    window.show_area("patients")
    records.view.start_intake.click()
    qtbot.waitUntil(lambda: window.current_area() == "intake", timeout=WAIT)
    desk_page = startup.desk
    assert desk_page is not None
    qtbot.waitUntil(
        lambda: (
            desk_page.wizard is not None and desk_page.wizard.patient_id == practice.patients[2]
        ),
        timeout=WAIT,
    )


def test_ctrl_f_in_the_patients_area_goes_to_the_search(qtbot, session):
    window, startup, practice, _visit = session
    window.show_area("patients")
    records = startup.patients
    assert isinstance(records, RecordPage)
    with qtbot.waitSignal(records.record_did_open, timeout=WAIT):
        records.open_patient(practice.patients[0])
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert records.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is records.search.box)


def test_a_draft_intake_on_the_record_is_continued_at_the_front_desk(qtbot, session):
    window, startup, practice, _visit = session
    who = practice.patients[1]
    database = startup.database
    draft = intakes.save(database, desk(database), {"dob": "1980-01-02"}, patient_id=who)
    window.show_area("patients")
    records = startup.patients
    assert isinstance(records, RecordPage)
    with qtbot.waitSignal(records.record_did_open, timeout=WAIT):
        records.open_patient(who)
    records.view.tabs.setCurrentIndex(INTAKES)
    listed = records.view.intakes
    listed.setFocus()
    assert "Draft" in listed.currentItem().text(2)
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_area() == "intake", timeout=WAIT)
    desk_page = startup.desk
    assert desk_page is not None
    qtbot.waitUntil(
        lambda: desk_page.wizard is not None and desk_page.wizard.intake_id == draft.id,
        timeout=WAIT,
    )


def test_unsaved_typing_is_not_left_silently_for_another_record(qtbot, page, practice):
    _open_by_search(qtbot, page, "testcase1")
    _retype(qtbot, _field(page, "city"), "Mytown")
    page.open_patient(practice.patients[2])  # another record chosen (say, from the schedule)
    assert page.leave_bar.isVisible() and "not saved" in page.leave_bar.text.text()
    qtbot.mouseClick(page.leave_bar.stay, Qt.MouseButton.LeftButton)
    assert _field(page, "city").text() == "Mytown"
    assert page.view.patient_id() == practice.patients[1]
    page.open_patient(practice.patients[2])
    with qtbot.waitSignal(page.record_did_open, timeout=WAIT):
        qtbot.mouseClick(page.leave_bar.drop, Qt.MouseButton.LeftButton)
    assert page.view.patient_id() == practice.patients[2]


def test_closing_with_unsaved_record_typing_asks_first(qtbot, session, monkeypatch):
    window, startup, practice, _visit = session
    window.show_area("patients")
    records = startup.patients
    assert isinstance(records, RecordPage)
    with qtbot.waitSignal(records.record_did_open, timeout=WAIT):
        records.open_patient(practice.patients[0])
    _retype(qtbot, _field(records, "city"), "Mytown")
    asked: list[list[str]] = []

    def ask(cls: type, parent: object, work: list[str]) -> bool:
        asked.append(work)
        return False  # "Go back to it"

    monkeypatch.setattr(CloseQuestion, "ask", classmethod(ask))
    window.close()
    assert window.isVisible()
    assert asked and "Testcase0, Sample0" in asked[0][0]
    assert "Closing now drops them" in close_message(asked[0])
    assert "kept on this computer" not in close_message(asked[0])
    assert _field(records, "city").text() == "Mytown"


def test_the_record_puts_the_patient_on_the_waitlist_and_edits_the_entry(
    qtbot, page, database, practice
):
    """17.4 from the record: "Add to waitlist…" and Enter on an open entry to change it."""
    from intake.services import waitlist
    from intake.ui.waitlist.entry_form import WaitlistEntryForm
    from tests.db.practice import screened_intake

    screened_intake(database, practice.patients[3])  # its triage is the entry's urgency
    _open_by_search(qtbot, page, "testcase3")
    page.view.tabs.setCurrentIndex(WAITLIST)
    qtbot.mouseClick(page.view.add_waiting, Qt.MouseButton.LeftButton)
    form = page.view.findChild(WaitlistEntryForm)
    assert isinstance(form, WaitlistEntryForm)
    qtbot.waitUntil(lambda: form.locations.count() == 2, timeout=WAIT)
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Mornings only")
    with qtbot.waitSignal(page.record_did_open, timeout=WAIT):  # read again with the entry
        qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [line] = waitlist.listed(database, desk(database), patient_id=practice.patients[3])
    assert line.entry.note == "Mornings only"
    page.view.tabs.setCurrentIndex(WAITLIST)
    entries = page.view.waitlist
    assert len(entries.choosable()) == 1
    entries.setFocus()
    entries.setCurrentItem(entries.choosable()[0])
    qtbot.keyClick(entries, Qt.Key.Key_Return)
    edit = next(
        f for f in page.view.findChildren(WaitlistEntryForm) if f is not form and f.isVisible()
    )
    assert edit.note.toPlainText() == "Mornings only"
