"""Finding and registering patients, as a receptionist does it: by keyboard."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt

from intake.domain.patient import PatientDraft
from intake.services import patient_search, patients
from intake.ui.context import UiContext
from intake.ui.patients.register_form import PatientRegisterForm
from intake.ui.patients.search_model import PatientSearchModel
from intake.ui.patients.search_widget import PatientSearchWidget
from intake.ui.worker import Worker
from tests.db.practice import desk

TODAY = dt.date(2027, 2, 22)
WAIT = 10_000


@pytest.fixture
def context(database, qtbot):  # type: ignore[no-untyped-def]
    worker = Worker()
    yield UiContext(database, desk(database), worker)
    worker.wait_for_done()


@pytest.fixture
def on_file(database):  # type: ignore[no-untyped-def]
    people = (
        ("Testcase", "Zoë", dt.date(1980, 3, 7), "female", "(212) 555-0101"),
        ("Testcase", "Adam", dt.date(1979, 5, 1), "male", ""),
        ("Samplename", "Bram", dt.date(1990, 1, 2), "male", ""),
    )
    return [
        patients.register(
            database, desk(database), PatientDraft(f, g, b, s, phone=p), today=TODAY
        ).id
        for f, g, b, s, p in people
    ]


def test_the_model_passes_the_model_tester(qtmodeltester, database, on_file):
    model = PatientSearchModel()
    qtmodeltester.check(model)
    model.set_hits(patient_search.search(database, desk(database), "testcase", today=TODAY).hits)
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_typing_shows_results_and_arrow_enter_chooses(qtbot, show_active, context, on_file):
    widget = PatientSearchWidget(context)
    show_active(widget)
    widget.focus_search()
    with qtbot.waitSignal(widget.results_did_arrive, timeout=WAIT) as arrived:
        qtbot.keyClicks(widget.box, "zoe test")
    assert arrived.args == [1] or widget.model.rowCount() == 1
    qtbot.waitUntil(lambda: widget.box.text() == "zoe test" and widget.model.rowCount() == 1)
    widget.box.clear()
    with qtbot.waitSignal(widget.results_did_arrive, timeout=WAIT):
        qtbot.keyClicks(widget.box, "testcase")
    qtbot.waitUntil(lambda: widget.model.rowCount() == 2, timeout=WAIT)
    assert widget.model.hit(0).given_name == "Adam"
    qtbot.keyClick(widget.box, Qt.Key.Key_Down)
    with qtbot.waitSignal(widget.patient_was_chosen, timeout=WAIT) as chosen:
        qtbot.keyClick(widget.box, Qt.Key.Key_Return)
    assert chosen.args == [on_file[0]]  # Zoë, the second row


def test_an_older_answer_never_replaces_a_newer_one(qtbot, context, on_file, monkeypatch):
    """The first search's answer is held back until the second's is on screen, then let go:
    the late, stale answer must change nothing (deterministic, no sleeps)."""
    second_shown = threading.Event()
    real_search = patient_search.search

    def search(database, actor, text, **options):  # type: ignore[no-untyped-def]
        result = real_search(database, actor, text, **options)
        if text == "samplename":  # the first, slow answer
            assert second_shown.wait(timeout=WAIT / 1000), "the second search never arrived"
        return result

    monkeypatch.setattr(patient_search, "search", search)
    widget = PatientSearchWidget(context)
    qtbot.addWidget(widget)
    delivered: list[int] = []
    real_show = widget._show

    def show(generation, result):  # type: ignore[no-untyped-def]
        delivered.append(generation)
        real_show(generation, result)

    monkeypatch.setattr(widget, "_show", show)
    arrivals: list[int] = []
    widget.results_did_arrive.connect(arrivals.append)
    widget.search("samplename")
    with qtbot.waitSignal(widget.results_did_arrive, timeout=WAIT):
        widget.search("testcase")
    second_shown.set()
    qtbot.waitUntil(lambda: len(delivered) == 2, timeout=WAIT)  # the stale answer came in
    assert delivered == [2, 1]
    assert arrivals == [2]
    assert [widget.model.hit(r).family_name for r in range(widget.model.rowCount())] == [
        "Testcase",
        "Testcase",
    ]
    assert widget.box.text() == "testcase" and "2 patients" in widget.status.text()


def _form(qtbot, show_active, context):  # type: ignore[no-untyped-def]
    form = PatientRegisterForm(context, today=TODAY, duplicate_delay_ms=20)
    form.resize(1100, 800)
    show_active(form)
    context.worker.wait_for_done()  # locations loaded
    form.inputs["family_name"].setFocus()
    return form


def test_inline_errors_sit_beside_the_field_and_keep_the_text(qtbot, show_active, context):
    form = _form(qtbot, show_active, context)
    qtbot.keyClicks(form.inputs["family_name"], "Newcase")
    qtbot.keyClick(form.inputs["family_name"], Qt.Key.Key_Return)
    assert form.inputs["given_name"].hasFocus()  # Enter moves on
    qtbot.keyClicks(form.inputs["given_name"], "Quinn")
    form.inputs["date_of_birth"].setFocus()
    qtbot.keyClicks(form.inputs["date_of_birth"], "31.02.1980")
    qtbot.keyClick(form.inputs["date_of_birth"], Qt.Key.Key_Return)
    assert form.errors["date_of_birth"].isVisible()
    assert "1980-03-07" in form.errors["date_of_birth"].text()
    assert form.inputs["date_of_birth"].text() == "31.02.1980"
    form.inputs["phone"].setFocus()
    qtbot.keyClicks(form.inputs["phone"], "55-12")
    qtbot.keyClick(form.inputs["phone"], Qt.Key.Key_Return)
    assert "7 to 15 digits" in form.errors["phone"].text()
    assert form.inputs["phone"].text() == "55-12"
    assert not form.errors["family_name"].isVisible()
    form.save()
    assert "Choose female" in form.errors["sex"].text()
    assert form.inputs["date_of_birth"].hasFocus()  # the first field with a problem


def test_an_ambiguous_date_asks_which_one(qtbot, show_active, context):
    form = _form(qtbot, show_active, context)
    form.inputs["date_of_birth"].setFocus()
    qtbot.keyClicks(form.inputs["date_of_birth"], "07/03/1980")
    qtbot.keyClick(form.inputs["date_of_birth"], Qt.Key.Key_Tab)
    assert (
        "1980" in form.errors["date_of_birth"].text()
        and "or" in form.errors["date_of_birth"].text()
    )


def test_a_pasted_full_name_is_split(qtbot, show_active, context):
    form = _form(qtbot, show_active, context)
    form.inputs["given_name"].setFocus()
    form.inputs["given_name"].insert("Zoë Ann Newcase")  # as a paste does
    qtbot.keyClick(form.inputs["given_name"], Qt.Key.Key_Tab)
    assert form.inputs["family_name"].text() == "Newcase"
    assert form.inputs["given_name"].text() == "Zoë Ann"


def _type_patient(qtbot, form, family: str, given: str, born: str, phone: str) -> None:  # type: ignore[no-untyped-def]
    for name, text in (
        ("family_name", family),
        ("given_name", given),
        ("date_of_birth", born),
    ):
        form.inputs[name].setFocus()
        qtbot.keyClicks(form.inputs[name], text)
        qtbot.keyClick(form.inputs[name], Qt.Key.Key_Return)
    assert form.inputs["sex"].hasFocus()
    qtbot.keyClicks(form.inputs["sex"], "F")
    form.inputs["phone"].setFocus()
    qtbot.keyClicks(form.inputs["phone"], phone)


def test_a_near_identical_patient_is_shown_and_saving_needs_a_confirmation(
    qtbot, show_active, context, database, on_file
):
    form = _form(qtbot, show_active, context)
    with qtbot.waitSignal(
        form.duplicates_did_arrive, timeout=WAIT, check_params_cb=lambda n: n >= 1
    ):
        _type_patient(qtbot, form, "Testkase", "Zoe", "1980-03-07", "212.555.0101")
    assert form.duplicates.use_buttons
    assert form.errors["phone"].text() == ""
    form.save()
    qtbot.waitUntil(form.confirm_bar.isVisible, timeout=WAIT)
    assert "Testcase" in form.confirm_bar.text.text()
    with qtbot.waitSignal(form.patient_was_registered, timeout=WAIT) as registered:
        qtbot.mouseClick(form.confirm_bar.save_anyway, Qt.MouseButton.LeftButton)
    new = patients.get(database, desk(database), registered.args[0])
    assert (new.family_name, new.phone) == ("Testkase", "212.555.0101")


def test_use_this_patient_picks_the_one_on_file(qtbot, show_active, context, on_file):
    form = _form(qtbot, show_active, context)
    with qtbot.waitSignal(
        form.duplicates_did_arrive, timeout=WAIT, check_params_cb=lambda n: n >= 1
    ):
        _type_patient(qtbot, form, "Testcase", "Zoe", "7.3.1980", "")
    with qtbot.waitSignal(form.existing_patient_was_chosen, timeout=WAIT) as chosen:
        qtbot.mouseClick(form.duplicates.use_buttons[0], Qt.MouseButton.LeftButton)
    assert chosen.args == [on_file[0]]


def test_a_new_patient_registers_without_questions(qtbot, show_active, context, on_file):
    form = _form(qtbot, show_active, context)
    _type_patient(qtbot, form, "Uniquecase", "Quinn", "19660616", "+1 (646) 555-0199")
    with qtbot.waitSignal(form.patient_was_registered, timeout=WAIT):
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not form.confirm_bar.isVisible()
    assert "Registered" in form.status.text()


def test_a_phone_without_area_code_is_kept_with_a_warning_beside_it(
    qtbot, show_active, context, database, on_file
):
    form = _form(qtbot, show_active, context)
    _type_patient(qtbot, form, "Uniquecase", "Quinn", "19660616", "555-0199")
    qtbot.keyClick(form.inputs["phone"], Qt.Key.Key_Tab)
    note = form.errors["phone"]
    assert note.isVisible() and "area code" in note.text()
    assert note.property("tone") == "note"  # advice, not a problem that stops the form
    assert form.inputs["phone"].text() == "555-0199"
    form.inputs["phone"].setFocus()
    form.inputs["phone"].home(False)
    qtbot.keyClicks(form.inputs["phone"], "646-")  # the area code added: the warning goes
    qtbot.keyClick(form.inputs["phone"], Qt.Key.Key_Tab)
    assert not note.isVisible()
    form.inputs["phone"].setFocus()
    form.inputs["phone"].selectAll()
    qtbot.keyClicks(form.inputs["phone"], "555 0199")
    qtbot.keyClick(form.inputs["phone"], Qt.Key.Key_Tab)
    assert "area code" in note.text()
    with qtbot.waitSignal(form.patient_was_registered, timeout=WAIT) as registered:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = patients.get(database, desk(database), registered.args[0])
    assert saved.phone == "555 0199"  # nothing lost, nothing changed behind the desk's back


def test_every_input_has_an_accessible_name(qtbot, context):
    form = PatientRegisterForm(context, today=TODAY)
    search = PatientSearchWidget(context)
    qtbot.addWidget(form)
    qtbot.addWidget(search)
    widgets = [*form.inputs.values(), search.box, search.table, form.save_button]
    assert all(w.accessibleName() for w in widgets)
    context.worker.wait_for_done()
