"""Merging duplicate records as an admin does it: choose values by keyboard and mouse,
confirm, see what moved, undo; blocked merges say which visits; the admin's list undoes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from shiboken6 import isValid

from intake.domain.merge import Side
from intake.services import patients
from intake.ui.admin.merges import MergesTab
from intake.ui.context import UiContext
from intake.ui.patients.merge_dialog import MergeDialog, open_merge
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, admin, at, desk
from tests.db.test_patient_merge import _owned, _pair

WAIT = 15_000


@pytest.fixture
def context(database, qtbot):  # type: ignore[no-untyped-def]
    worker = Worker()
    yield UiContext(database, admin(database), worker)
    worker.wait_for_done()


def _opened(qtbot, show_active, context, surviving, merged) -> MergeDialog:  # type: ignore[no-untyped-def]
    dialog = MergeDialog(context, surviving, merged)
    with qtbot.waitSignal(dialog.preview_did_arrive, timeout=WAIT):
        show_active(dialog)
    return dialog


def test_merge_by_keyboard_and_mouse_then_undo(qtbot, show_active, database, context):
    pair = _pair(database)
    before = {k: _owned(database, k) for k in (pair.surviving, pair.merged)}
    dialog = _opened(qtbot, show_active, context, pair.surviving, pair.merged)
    assert list(dialog.choices) == ["family_name", "phone"]
    assert "1 intake, 1 appointment and 1 waitlist entry" in dialog.moving.text()
    assert not dialog.blocked.isVisibleTo(dialog)

    # Keyboard: the first line has focus; Tab goes to the next line, → takes the other value.
    first = dialog.choices["family_name"].checkedButton()
    qtbot.waitUntil(first.hasFocus)
    QTest.keyClick(first, Qt.Key.Key_Tab)
    phone_kept = dialog.choices["phone"].checkedButton()
    assert phone_kept.hasFocus()
    QTest.keyClick(phone_kept, Qt.Key.Key_Right)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    # Mouse: take the other family name, then change one's mind back.
    family = dialog.choices["family_name"]
    qtbot.mouseClick(family.button(2), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(family.button(1), Qt.MouseButton.LeftButton)
    assert dialog.chosen() == {"family_name": Side.SURVIVING, "phone": Side.MERGED}

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm.isVisibleTo(dialog)
    assert dialog.confirm.merge_now.hasFocus()
    with qtbot.waitSignal(dialog.merge_did_finish, timeout=WAIT):
        QTest.keyClick(dialog.confirm.merge_now, Qt.Key.Key_Space)

    survivor = patients.get(database, admin(database), pair.surviving)
    assert survivor.phone == "(212) 555-0199"
    assert len(_owned(database, pair.surviving)["appointments"]) == 2
    assert "Merged" in dialog.status.text()
    assert dialog.undo_button.isVisibleTo(dialog) and dialog.undo_button.hasFocus()

    with qtbot.waitSignal(dialog.merge_was_undone, timeout=WAIT):
        QTest.keyClick(dialog.undo_button, Qt.Key.Key_Space)
    assert {k: _owned(database, k) for k in before} == before
    assert patients.get(database, admin(database), pair.surviving).phone == ""
    assert "Merge undone" in dialog.status.text()


def test_overlapping_visits_block_the_merge_in_words(qtbot, show_active, database, context):
    from intake.domain.booking import BookingRequest
    from intake.services import booking

    pair = _pair(database)
    chicago_nine = at(MONDAY, 9, zone="America/Chicago")
    request = BookingRequest(
        pair.surviving, pair.practice.ben, pair.practice.west, chicago_nine, "FU45"
    )
    booking.book(database, desk(database), request, now=NOW)
    dialog = _opened(qtbot, show_active, context, pair.surviving, pair.merged)
    assert dialog.blocked.isVisibleTo(dialog)
    assert "9:00 AM–9:45 AM CST at Test Site West" in dialog.blocked.text()
    assert not dialog.merge_button.isEnabled()


def test_the_other_record_is_found_inside_the_dialog(qtbot, show_active, database, context):
    pair = _pair(database)
    done: list[object] = []
    dialog = open_merge(None, context, None, pair.merged, done.append)
    qtbot.addWidget(dialog)
    assert dialog.picker.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.picker.results_did_arrive, timeout=WAIT):
        qtbot.keyClicks(dialog.picker.box, "mergetest alpha")
    with qtbot.waitSignal(dialog.preview_did_arrive, timeout=WAIT):
        QTest.keyClick(dialog.picker.box, Qt.Key.Key_Return)
    assert dialog.surviving_id == pair.surviving
    assert not dialog.picker.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.preview_did_arrive, timeout=WAIT):
        qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    assert (dialog.surviving_id, dialog.merged_id) == (pair.merged, pair.surviving)
    dialog.close()


def test_the_admins_merges_list_undoes_a_merge(qtbot, show_active, database, context):
    from intake.services import patient_merge

    pair = _pair(database)
    versions = tuple(
        patients.get(database, admin(database), k).version for k in (pair.surviving, pair.merged)
    )
    patient_merge.merge(database, admin(database), pair.surviving, pair.merged, {}, versions)
    tab = MergesTab(context)
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.did_load, timeout=WAIT):
        tab.load()
    assert tab.items.count() == 1 and "→" in tab.items.item(0).text()
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tab.did_load, timeout=WAIT):
        QTest.keyClick(tab.confirm_button, Qt.Key.Key_Space)
    assert "(undone)" in tab.items.item(0).text()
    assert not tab.undo_button.isEnabled()
    assert patients.get(database, admin(database), pair.merged).merged_into_id is None


def test_two_matching_records_in_registration_offer_a_merge(qtbot, show_active, database, context):
    from intake.ui.patients.register_form import PatientRegisterForm

    pair = _pair(database)
    form = PatientRegisterForm(context, today=NOW.date(), duplicate_delay_ms=20)
    form.resize(1100, 800)
    show_active(form)
    context.worker.wait_for_done()
    with qtbot.waitSignal(
        form.duplicates_did_arrive, timeout=WAIT, check_params_cb=lambda n: n >= 2
    ):
        for name, text in (("family_name", "Mergetest"), ("given_name", "Alpha")):
            qtbot.keyClicks(form.inputs[name], text)
        qtbot.keyClicks(form.inputs["date_of_birth"], "1975-05-06")
        qtbot.keyClick(form.inputs["date_of_birth"], Qt.Key.Key_Return)
    assert len(form.duplicates.merge_buttons) == 1  # on the second match: into the first
    qtbot.mouseClick(form.duplicates.merge_buttons[0], Qt.MouseButton.LeftButton)
    dialog = form.findChild(MergeDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    assert {dialog.surviving_id, dialog.merged_id} == {pair.surviving, pair.merged}
    dialog.close()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=WAIT)  # gone before the form goes


def test_the_front_desk_is_not_offered_a_merge(qtbot, show_active, database):
    from intake.ui.patients.register_form import PatientRegisterForm

    _pair(database)
    worker = Worker()
    clerk = UiContext(database, desk(database), worker)
    form = PatientRegisterForm(clerk, today=NOW.date(), duplicate_delay_ms=20)
    show_active(form)
    worker.wait_for_done()
    with qtbot.waitSignal(
        form.duplicates_did_arrive, timeout=WAIT, check_params_cb=lambda n: n >= 2
    ):
        qtbot.keyClicks(form.inputs["family_name"], "Mergetest")
        qtbot.keyClicks(form.inputs["given_name"], "Alpha")
        qtbot.keyClicks(form.inputs["date_of_birth"], "1975-05-06")
        qtbot.keyClick(form.inputs["date_of_birth"], Qt.Key.Key_Return)
    assert form.duplicates.merge_buttons == []
    worker.wait_for_done()


def test_a_search_hit_through_a_merged_record_says_so(qtmodeltester, database):
    from intake.services import patient_merge, patient_search
    from intake.ui.patients.search_model import PatientSearchModel

    pair = _pair(database)
    boss = admin(database)
    versions = tuple(patients.get(database, boss, k).version for k in (pair.surviving, pair.merged))
    patient_merge.merge(database, boss, pair.surviving, pair.merged, {}, versions)
    model = PatientSearchModel()
    hits = patient_search.search(database, desk(database), "mergetset", today=NOW.date()).hits
    model.set_hits(hits)
    qtmodeltester.check(model)
    merged_mrn = patients.get(database, boss, pair.merged).mrn
    columns = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(6)}
    found_by, record = columns["Found by"], columns["Record no."]
    assert model.index(0, found_by).data() == f"name of merged record {merged_mrn}"
    assert model.index(0, record).data() == patients.get(database, boss, pair.surviving).mrn


def test_merge_into_from_the_record_then_the_merged_record_leads_to_the_one_that_stays(
    qtbot, show_active, database, context, monkeypatch
):
    """The record's "Merge into…" (admins only) opens the dialog for this record; after the
    merge the record that stays is shown, and opening the merged one leads there."""
    from intake.ui.patients import merge_dialog
    from intake.ui.patients.record_page import RecordPage

    pair = _pair(database)
    page = RecordPage(context, clock=lambda: NOW)
    page.resize(1100, 700)
    show_active(page)
    opened: list[MergeDialog] = []
    real_open = merge_dialog.open_merge

    def spying(*args, **kwargs):  # type: ignore[no-untyped-def]
        dialog = real_open(*args, **kwargs)
        opened.append(dialog)
        return dialog

    monkeypatch.setattr("intake.ui.patients.record_page.open_merge", spying)
    with qtbot.waitSignal(page.record_did_open, timeout=WAIT):
        page.open_patient(pair.merged)
    assert page.merge_button.isVisibleTo(page)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    [dialog] = opened
    assert dialog.merged_id == pair.merged and dialog.picker.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.picker.results_did_arrive, timeout=WAIT):
        qtbot.keyClicks(dialog.picker.box, "mergetest alpha")
    with qtbot.waitSignal(dialog.preview_did_arrive, timeout=WAIT):
        QTest.keyClick(dialog.picker.box, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.record_did_open, timeout=WAIT) as shown:
        QTest.keyClick(dialog.confirm.merge_now, Qt.Key.Key_Space)
    assert shown.args == [pair.surviving]
    dialog.close()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=WAIT)
    with qtbot.waitSignal(page.record_did_open, timeout=WAIT) as shown:
        page.open_patient(pair.merged)  # an old link to the merged record
    assert shown.args == [pair.surviving]
    assert "was merged into this record" in page.status.text()


def test_the_front_desk_sees_no_merge_on_the_record(qtbot, show_active, database):
    from intake.ui.patients.record_page import RecordPage

    worker = Worker()
    page = RecordPage(UiContext(database, desk(database), worker), clock=lambda: NOW)
    show_active(page)
    assert not page.merge_button.isVisibleTo(page)
    worker.wait_for_done()


def test_a_differing_language_is_shown_in_its_own_words(qtbot, show_active, database, context):
    import datetime as dt

    from intake.domain.patient import PatientDraft

    boss = admin(database)
    draft = PatientDraft("Mergelang", "Alpha", dt.date(1975, 5, 6), "other")
    first = patients.register(database, boss, draft)
    second = patients.register(
        database, boss, PatientDraft("Mergelang", "Alpha", dt.date(1975, 5, 6), "other",
                                     preferred_language="es"),
    )  # fmt: skip
    dialog = _opened(qtbot, show_active, context, first.id, second.id)
    assert list(dialog.choices) == ["preferred_language"]
    shown = [b.text() for b in dialog.choices["preferred_language"].buttons()]
    assert shown == ["English", "Español"]
