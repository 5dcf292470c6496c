"""The admin area: each tab through the admin services, problems shown next to their field."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from intake.db.models import Patient
from intake.domain.enums import Role
from intake.services import accounts, practice_admin
from intake.ui.admin.page import AdminPage
from intake.ui.context import UiContext
from intake.ui.worker import Worker
from tests.db.practice import admin, build, signed_in
from tests.db.test_accounts import PASSWORD, cheap_hasher  # noqa: F401


@pytest.fixture
def admin_page(qtbot, database, cheap_hasher):  # type: ignore[no-untyped-def]  # noqa: F811
    practice = build(database, patients_count=1)
    context = UiContext(database, admin(database), Worker())
    page = AdminPage(context)
    page.resize(1366, 768)
    qtbot.addWidget(page)  # not shown: each test loads the tab it uses
    yield page, practice
    context.worker.wait_for_done()


def _load(qtbot, page: AdminPage, key: str):  # type: ignore[no-untyped-def]
    tab = page.pages[key]
    with qtbot.waitSignal(tab.did_load, timeout=10_000):
        tab.load()
    return tab


def _errors(widget: QWidget) -> list[str]:
    return [e.text() for e in widget.findChildren(QLabel, "fieldError") if e.isVisibleTo(widget)
            and e.text()]  # fmt: skip


def _settle(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tab.busy == 0, timeout=10_000)


def test_only_admins_see_admin_tabs(qtbot, database):
    for role, count in ((Role.FRONT_DESK, 0), (Role.THERAPIST, 0), (Role.ADMIN, 7)):
        page = AdminPage(UiContext(database, signed_in(database, role), Worker()))
        qtbot.addWidget(page)
        assert page.tabs.count() == count


def test_every_input_has_an_accessible_name(admin_page):
    page, _ = admin_page
    for tab in page.pages.values():
        for field in tab.findChildren(QLineEdit):
            if field.parent() is not None and "qt_spinbox" in field.objectName():
                continue
            assert field.accessibleName() or field.parent().accessibleName(), field


def test_locations_show_problems_next_to_the_field_and_save(qtbot, admin_page, database):
    page, _ = admin_page
    tab = _load(qtbot, page, "locations")
    assert tab.items.count() == 2
    tab.start_new()
    tab.code.setText("bad code!")
    tab.name.setText("")
    tab.save()
    _settle(qtbot, tab)
    assert tab.code.property("invalid") and tab.name.property("invalid")
    assert any("only letters" in text for text in _errors(tab))
    tab.code.setText("NORTH")
    tab.name.setText("Test Site North")
    tab.timezone.setCurrentText("America/Denver")
    with qtbot.waitSignal(tab.did_load, timeout=10_000):
        tab.save()
    assert tab.editing is not None and tab.editing.code == "NORTH"
    assert (
        practice_admin.get_location(database, admin(database), "NORTH").timezone == "America/Denver"
    )


def test_opening_hours_and_closures(qtbot, admin_page, database):
    page, _ = admin_page
    tab = _load(qtbot, page, "locations")
    east = next(i for i in range(tab.items.count()) if "EAST" in tab.items.item(i).text())
    tab.items.setCurrentRow(east)
    _settle(qtbot, tab)
    tab.day_open[5].setChecked(True)
    tab.day_from[5].setTime(tab.day_to[5].time().addSecs(3600))
    tab.save_hours()
    _settle(qtbot, tab)
    assert any("Saturday" in text for text in _errors(tab))
    tab.day_open[5].setChecked(False)
    with qtbot.waitSignal(tab.did_save, timeout=10_000):
        tab.save_hours()
    _settle(qtbot, tab)
    tab.first_day.setDate(tab.first_day.date().addDays(10))
    tab.last_day.setDate(tab.first_day.date().addDays(-1))
    tab.add_closure()
    _settle(qtbot, tab)
    assert any("before the first day" in text for text in _errors(tab))
    tab.last_day.setDate(tab.first_day.date())
    tab.reason.setText("Inventory day")
    with qtbot.waitSignal(tab.did_save, timeout=10_000):
        tab.add_closure()
    _settle(qtbot, tab)
    assert tab.closures.count() == 1 and "Inventory day" in tab.closures.item(0).text()


def test_therapist_templates_are_validated_against_opening_hours(qtbot, admin_page, database):
    page, _ = admin_page
    tab = _load(qtbot, page, "therapists")
    _settle(qtbot, tab)
    assert tab.editing is not None and tab.templates.count() == 5
    tab.weekday.setCurrentIndex(6)  # Sunday: closed
    tab.add_template()
    _settle(qtbot, tab)
    assert any("closed on Sundays" in text for text in _errors(tab))
    tab.weekday.setCurrentIndex(0)
    tab.start.setTime(tab.start.time().fromString("13:00", "HH:mm"))
    tab.end.setTime(tab.end.time().fromString("15:00", "HH:mm"))
    tab.effective_from.setDate(tab.effective_from.date().fromString("2027-01-04", "yyyy-MM-dd"))
    tab.template_location.setCurrentIndex(tab.template_location.findData("EAST"))
    with qtbot.waitSignal(tab.did_save, timeout=10_000):
        tab.add_template()
    _settle(qtbot, tab)
    assert tab.templates.count() == 6
    tab.off_reason.setText("Course")
    with qtbot.waitSignal(tab.did_save, timeout=10_000):
        tab.add_time_off()
    _settle(qtbot, tab)
    assert tab.time_off.count() == 1


def test_appointment_types(qtbot, admin_page, database):
    page, _ = admin_page
    tab = _load(qtbot, page, "types")
    tab.start_new()
    tab.code.setText("FU30")
    tab.name.setText("Short follow-up")
    tab.minutes.setValue(7)
    tab.save()
    _settle(qtbot, tab)
    assert tab.minutes.property("invalid")
    tab.minutes.setValue(30)
    with qtbot.waitSignal(tab.did_save, timeout=10_000):
        tab.save()
    assert practice_admin.get_appointment_type(database, admin(database), "FU30").minutes == 30


def test_accounts_create_reset_and_unlock(qtbot, admin_page, database):
    page, _ = admin_page
    tab = _load(qtbot, page, "accounts")
    tab.start_new()
    tab.username.setText("desk7")
    tab.display_name.setText("Desk Seven")
    tab.role.setCurrentIndex(tab.role.findData(Role.FRONT_DESK))
    tab.password.setText("short")
    tab.save()
    _settle(qtbot, tab)
    assert any("at least 8" in text for text in _errors(tab))
    tab.password.setText(PASSWORD)
    with qtbot.waitSignal(tab.did_save, timeout=10_000):
        tab.save()
    assert accounts.sign_in(database, "desk7", PASSWORD).role == Role.FRONT_DESK
    _settle(qtbot, tab)
    tab.new_password.setText("a-new-pass-7")
    with qtbot.waitSignal(tab.did_save, timeout=10_000):
        tab.reset_password()
    assert accounts.sign_in(database, "desk7", "a-new-pass-7").username == "desk7"


def test_audit_viewer_filters_and_exports(qtbot, admin_page, database, tmp_path, qtmodeltester):
    page, practice = admin_page
    target = tmp_path / "trail.csv"
    tab = page.pages["audit"]
    tab.ask_path = lambda _parent: str(target)
    tab.start.setDate(tab.start.date().addDays(-3650))
    tab.end.setDate(tab.end.date().addDays(1))
    with qtbot.waitSignal(tab.did_load, timeout=10_000):
        page.show_tab("audit")
    assert tab.model.rowCount() > 10
    qtmodeltester.check(tab.model)
    # Codes in words: no cell and no action in the filter shows an internal code.
    for row in range(tab.model.rowCount()):
        for column in (3, 4):
            assert "_" not in tab.model.data(tab.model.index(row, column))
    assert "Signed in" in [tab.action.itemText(i) for i in range(tab.action.count())]
    # People know a patient by the record number, never the internal id.
    with database.reading() as session:  # read aside: opening the record is audited
        record = session.get(Patient, practice.patients[0]).mrn
    tab.patient.clear()
    qtbot.keyClicks(tab.patient, record.lower())
    with qtbot.waitSignal(tab.did_load, timeout=10_000):
        qtbot.mouseClick(tab.search_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    assert {e.patient_id for e in tab.model.entries} == {practice.patients[0]}
    shown = [
        tab.model.data(tab.model.index(row, column))
        for row in range(tab.model.rowCount())
        for column in range(tab.model.columnCount())
    ]
    assert record in shown and str(practice.patients[0]) not in shown
    with qtbot.waitSignal(tab.did_export, timeout=10_000) as exported:
        tab.export_button.click()
    assert exported.args == [1] and target.read_text(encoding="utf-8").count("\n") == 2
    _ = dt  # dates above are relative to today
