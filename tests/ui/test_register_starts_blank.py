"""The new-patient form starts blank for every caller, with what the search box held.

Synthetic patients only. Typed and clicked as at the front desk.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from intake.domain.register_prefill import fields_from_search
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.front_desk import REGISTER, FrontDeskPage
from intake.ui.journal import Journal
from intake.ui.worker import Worker
from tests.db.practice import NOW, build
from tests.db.practice import desk as desk_of

WAIT = 15_000
TODAY = dt.date(2027, 2, 22)


@pytest.fixture
def page(qtbot, show_active, database: Database, tmp_path):  # type: ignore[no-untyped-def]
    build(database)
    context = UiContext(database, desk_of(database), Worker())
    desk = FrontDeskPage(context, Journal(tmp_path / "journal", os.urandom(32)), clock=lambda: NOW)
    desk.resize(1024, 560)
    show_active(desk)
    yield desk
    context.worker.wait_for_done()


def _text(page: FrontDeskPage, name: str) -> str:
    widget = page.register_form.inputs[name]
    return widget.text() if isinstance(widget, QLineEdit) else widget.currentText()


def _search_then_new(qtbot, page: FrontDeskPage, typed: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = page.search.box
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(page.search.results_did_arrive, timeout=WAIT):
        qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.stack.currentIndex() == REGISTER


def test_the_form_forgets_the_last_patient_and_takes_the_search_text(qtbot, page):
    _search_then_new(qtbot, page, "Firstcaller")
    form = page.register_form
    assert _text(page, "family_name") == "Firstcaller"
    assert form.inputs["given_name"].hasFocus()  # the first field still to fill
    qtbot.keyClicks(form.inputs["given_name"], "Ann")
    form.inputs["date_of_birth"].setFocus()
    qtbot.keyClicks(form.inputs["date_of_birth"], "1970-01-02")
    sex = form.inputs["sex"]
    assert isinstance(sex, QComboBox)
    sex.setFocus()
    qtbot.keyClicks(sex, "F")
    form.inputs["phone"].setFocus()
    qtbot.keyClicks(form.inputs["phone"], "(212) 555-0177")
    with qtbot.waitSignal(page.intake_did_start, timeout=WAIT):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Registered" in form.status.text()
    # The next caller: a name and a date of birth typed into the search.
    _search_then_new(qtbot, page, "Secondcaller, Bo 1985-06-07")
    assert _text(page, "family_name") == "Secondcaller"
    assert _text(page, "given_name") == "Bo"
    assert _text(page, "date_of_birth") == "1985-06-07"
    assert form.inputs["sex"].currentIndex() == 0  # "Choose…", not the last caller's
    assert _text(page, "phone") == "" and _text(page, "email") == ""
    assert form.status.text() == ""
    assert not form.unsent  # the search text alone is nothing to keep
    # A caller searched by phone: the number goes into the phone field.
    _search_then_new(qtbot, page, "(212) 555-0142")
    assert _text(page, "phone") == "(212) 555-0142"
    assert _text(page, "family_name") == "" and form.inputs["family_name"].hasFocus()


def test_a_registration_typed_and_not_finished_is_kept(qtbot, page):
    _search_then_new(qtbot, page, "Halfway")
    form = page.register_form
    qtbot.keyClicks(form.inputs["given_name"], "Kim")
    assert form.unsent
    _search_then_new(qtbot, page, "Someoneelse")
    assert _text(page, "family_name") == "Halfway" and _text(page, "given_name") == "Kim"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Testcase", {"family_name": "Testcase"}),
        ("Testcase, Zoë", {"family_name": "Testcase", "given_name": "Zoë"}),
        ("Zoë Ann Testcase", {"family_name": "Testcase", "given_name": "Zoë Ann"}),
        ("7.3.1980", {"date_of_birth": "7.3.1980"}),
        ("(212) 555-0101", {"phone": "(212) 555-0101"}),
        ("testcase 2125550101", {"family_name": "testcase", "phone": "2125550101"}),
        ("M0000123", {}),
        ("   ", {}),
    ],
)
def test_search_text_is_read_into_fields(typed, expected):
    assert fields_from_search(typed, TODAY) == expected
