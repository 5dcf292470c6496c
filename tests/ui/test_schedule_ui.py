"""The schedule screens used as the front desk uses them: keys, menus, drags, two PCs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy import text

from intake.demo import data as demo_data
from intake.demo.practice import DemoOptions
from intake.domain.booking import BookingRequest, WaitlistPreferences
from intake.domain.enums import AppointmentStatus
from intake.domain.practice import DayHours
from intake.domain.schedule import DaySchedule
from intake.services import booking, practice_admin, staffing, waitlist
from intake.services.database import open_database
from intake.ui import saved_files
from intake.ui.context import UiContext
from intake.ui.schedule import SchedulePage
from intake.ui.schedule.calendar_offer import CalendarOffer
from intake.ui.schedule.exports import Exports
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, admin, at, build, desk, screened_intake
from tests.ical_checks import check_calendar

WAIT = 10_000
DST_SUNDAY = dt.date(2027, 3, 14)


@pytest.fixture
def ctx(database) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    context = UiContext(database, desk(database), Worker())
    yield context
    context.worker.wait_for_done()


@pytest.fixture
def open_page(qtbot, show_active, ctx) -> Iterator:  # type: ignore[no-untyped-def]
    pages: list[SchedulePage] = []

    def open_(location_id: int, day: dt.date, *, live: bool = False, context=None) -> SchedulePage:  # type: ignore[no-untyped-def]
        page = SchedulePage(context or ctx, clock=lambda: NOW, live=live)
        pages.append(page)
        show_active(page)
        page.show_day(location_id, day)
        # Wait for this day's schedule, not for whichever load finishes first (the page may
        # already be loading its default day when it is asked for this one).
        qtbot.waitUntil(
            lambda: (
                isinstance(page.schedule, DaySchedule)
                and (page.schedule.location_id, page.schedule.day) == (location_id, day)
                and not page._loading
                and page.toolbar.location_combo.count() > 0
            ),
            timeout=WAIT,
        )
        page.canvas.setFocus()
        return page

    yield open_
    for page in pages:
        page.shutdown()


def _book(database, practice, patient: int, start: dt.datetime, therapist=None, location=None):  # type: ignore[no-untyped-def]
    request = BookingRequest(
        patient, therapist or practice.ann, location or practice.east, start, "FU45"
    )
    return booking.book(database, desk(database), request, now=NOW)


def _lane_of(page: SchedulePage, appointment_id: int) -> str:
    layout = page.canvas.layout_
    placed = next(p for p in layout.placed if p.block.appointment_id == appointment_id)
    return layout.lanes[placed.lane].title


DEMO_DAY = dt.date(2027, 3, 2)


@pytest.fixture
def demo_practice(database) -> None:  # type: ignore[no-untyped-def]
    """The demo practice, loaded before anyone signs in (the loader fills an empty database)."""
    demo_data.fill(
        database,
        DemoOptions(
            patients=400, locations=12, therapists=24, days_back=1, days_ahead=3, today=DEMO_DAY
        ),
    )


def test_demo_day_shows_each_visit_in_its_therapists_column(
    demo_practice, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    day = DEMO_DAY
    with database.reading() as session:
        expected = session.execute(
            text(
                "SELECT a.id, t.display_name FROM appointments a "
                "JOIN therapists t ON t.id = a.therapist_id "
                "WHERE a.location_id = 1 AND a.status != 'cancelled' "
                "AND a.starts_at >= :start AND a.starts_at < :end"
            ),
            {"start": at(day, 0), "end": at(day + dt.timedelta(days=1), 0)},
        ).all()
    assert len(expected) > 10
    page = open_page(1, day)
    shown = {
        p.block.appointment_id: _lane_of(page, p.block.appointment_id)
        for p in page.canvas.layout_.placed
    }
    assert shown == dict(expected)
    for placed in page.canvas.layout_.placed:  # the block sits at its local wall time
        local = placed.block.local_start
        assert placed.top == local.hour * 60 + local.minute


def test_clock_change_day_puts_the_visit_at_its_local_time(open_page, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    east = practice_admin.get_location(database, admin(database), "EAST")
    week = {d: DayHours(dt.time(8), dt.time(18)) for d in range(7)}
    practice_admin.set_opening_hours(database, admin(database), "EAST", east.version, week)
    staffing.add_template(
        database,
        admin(database),
        practice.ann,
        "EAST",
        6,
        dt.time(8),
        dt.time(12),
        dt.date(2027, 1, 1),
    )
    visit = _book(database, practice, practice.patients[0], at(DST_SUNDAY, 9))
    page = open_page(practice.east, DST_SUNDAY)
    [placed] = page.canvas.layout_.placed
    assert placed.block.appointment_id == visit.id
    assert (placed.top, placed.bottom) == (9 * 60, 9 * 60 + 45)
    assert page.canvas.layout_.lanes[0].working == ((8 * 60, 12 * 60),)
    assert page.canvas.zone_label == "EDT"


def test_cancel_frees_the_slot_and_books_the_waiting_patient_in_two_keys(
    qtbot, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    entry = waitlist.add(
        database,
        desk(database),
        practice.patients[1],
        WaitlistPreferences(location_ids=(practice.east,)),
        type_code="FU45",
    )
    page = open_page(practice.east, MONDAY)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    assert page.canvas.selected_block().appointment_id == visit.id
    qtbot.keyClick(page.canvas, Qt.Key.Key_Delete)
    assert page.side.currentWidget() is page.cancel_panel
    with qtbot.waitSignal(page.waitlist_did_load, timeout=WAIT) as found:
        qtbot.keyClick(page.cancel_panel.reason.lineEdit(), Qt.Key.Key_Return)
    assert found.args == [1]
    assert page.waitlist_panel.current().entry.id == entry.id
    qtbot.waitUntil(lambda: page.blocks() == (), timeout=WAIT)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.keyClick(page.waitlist_panel.list, Qt.Key.Key_Return)  # offer
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.keyClick(page.waitlist_panel.list, Qt.Key.Key_Return)  # book
    qtbot.waitUntil(
        lambda: [b.patient_id for b in page.blocks()] == [practice.patients[1]], timeout=WAIT
    )
    assert page.blocks()[0].start == at(MONDAY, 9)


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of the test's own: saved files go to its Documents folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    return home / "Documents"


def test_a_cancellation_offers_the_patients_calendar_file(
    qtbot, open_page, database, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Cancel with the mouse; the page offers the CANCEL for the patient's calendar: same
    UID as the booking's file, a higher SEQUENCE, saved to Documents with its path shown."""
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    assert not page.exports.calendar.isVisible()
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    assert page.canvas.selected_block().appointment_id == visit.id
    cancel_button = next(
        b for b in page.details.findChildren(QPushButton) if b.text().startswith("Cancel")
    )
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert page.side.currentWidget() is page.cancel_panel
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.mouseClick(page.cancel_panel.confirm_button, Qt.MouseButton.LeftButton)
    offer = page.exports.calendar
    assert offer.isVisible() and offer.button.isVisible()
    assert offer.button.text() == "Sa&ve the cancellation (.ics)…"
    suggested: list[str] = []
    monkeypatch.setattr(  # the person types a bare name in the save dialog
        CalendarOffer,
        "ask_path",
        classmethod(lambda _cls, _parent, _title, offered: suggested.append(offered) or "visit"),
    )
    opened: list[Path] = []
    monkeypatch.setattr(saved_files, "open_folder", lambda folder: opened.append(folder) or True)
    with qtbot.waitSignal(offer.calendar_was_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(offer.button, Qt.MouseButton.LeftButton)
    written = Path(saved.args[0])
    assert written == documents / "visit.ics"
    assert suggested == [str(documents / f"appointment-{visit.id}-2027-03-01-cancelled.ics")]
    assert offer.saved.text.text() == f"Cancellation calendar file saved: {written}"
    assert offer.saved.open_button.isVisible() and not offer.button.isVisible()
    qtbot.mouseClick(offer.saved.open_button, Qt.MouseButton.LeftButton)
    assert opened == [documents]
    raw = written.read_bytes()
    [event] = check_calendar(raw, method="CANCEL").walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert str(event["uid"]) == f"appointment-{visit.id}@clinic-intake.invalid"
    assert int(event["sequence"]) == visit.version  # one above the booking's file (version - 1)
    assert b"Testcase0" not in raw and b"Patient called" not in raw


def test_a_moved_visit_offers_its_new_time_and_the_next_action_drops_the_offer(
    qtbot, open_page, database, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.offers_did_load, timeout=WAIT):
        qtbot.keyClick(page.canvas, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.mouseClick(page.reschedule_panel.move_button, Qt.MouseButton.LeftButton)
    offer = page.exports.calendar
    assert offer.isVisible() and offer.button.text() == "Sa&ve the new time (.ics)…"
    monkeypatch.setattr(CalendarOffer, "ask_path", classmethod(lambda *_a: "moved"))
    with qtbot.waitSignal(offer.calendar_was_saved, timeout=WAIT) as saved:  # keyboard only
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    moved = booking.get_visit(database, desk(database), visit.id)
    [event] = check_calendar(Path(saved.args[0]).read_bytes(), method="REQUEST").walk("VEVENT")
    assert str(event["uid"]) == f"appointment-{visit.id}@clinic-intake.invalid"
    assert int(event["sequence"]) == 1 and event.decoded("dtstart") == moved.start
    assert offer.saved.text.text().startswith("Calendar file saved: ")
    monkeypatch.setattr(Exports, "ask_path", classmethod(lambda *_a: "day"))
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        page.exports.export("csv")
    assert not offer.isVisible()  # the offer was for the move, the action before


def test_reschedule_by_keyboard(qtbot, open_page, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.offers_did_load, timeout=WAIT):
        qtbot.keyClick(page.canvas, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    offer = page.reschedule_panel.view.current_offer()
    assert offer is not None
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.keyClick(page.reschedule_panel.view, Qt.Key.Key_Return)
    moved = booking.get_visit(database, desk(database), visit.id)
    assert moved.start == offer.start and moved.start != visit.start
    assert "Moved" in page.status_text()


def test_drop_on_an_occupied_or_closed_time_changes_nothing(qtbot, open_page, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    first = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    _book(database, practice, practice.patients[1], at(MONDAY, 10))
    page = open_page(practice.east, MONDAY)
    page.canvas.select_appointment(first.id)
    for minute, words in ((10 * 60, "already taken"), (13 * 60, "closed")):
        with qtbot.waitSignal(page.action_did_fail, timeout=WAIT):
            page.canvas.drop_at(0, minute)
        assert words in page.status_text() and "stays where it was" in page.status_text()
    assert booking.get_visit(database, desk(database), first.id).start == at(MONDAY, 9)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):  # a free place moves it
        page.canvas.drop_at(0, 11 * 60)
    assert booking.get_visit(database, desk(database), first.id).start == at(MONDAY, 11)


def test_a_lost_race_or_a_deleted_visit_is_said_and_nothing_changes(
    qtbot, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    page.canvas.select_appointment(visit.id)
    booking.check_in(database, desk(database), visit.id, visit.version)  # another PC, meanwhile
    with qtbot.waitSignal(page.action_did_fail, timeout=WAIT):
        page.canvas.drop_at(0, 11 * 60)
    assert "Someone else changed" in page.status_text()
    assert booking.get_visit(database, desk(database), visit.id).start == at(MONDAY, 9)
    qtbot.waitUntil(lambda: page.blocks()[0].status == AppointmentStatus.CHECKED_IN, timeout=WAIT)
    page.canvas.select_appointment(visit.id)
    with database.writing() as session:
        session.execute(text("DELETE FROM appointments WHERE id = :id"), {"id": visit.id})
    with qtbot.waitSignal(page.action_did_fail, timeout=WAIT):
        qtbot.keyClick(page.canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "may be deleted" in page.status_text()
    qtbot.waitUntil(lambda: page.blocks() == (), timeout=WAIT)


def test_live_refresh_between_two_sessions(qtbot, open_page, database_url, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    other_pc = open_database(database_url)  # a second program: its own engine
    try:
        other_ctx = UiContext(other_pc, desk(database), Worker())
        page = open_page(practice.east, MONDAY, live=True, context=other_ctx)
        qtbot.waitUntil(page.live.is_ready, timeout=WAIT)
        assert page.blocks() == ()
        _book(database, practice, practice.patients[0], at(MONDAY, 9))
        qtbot.waitUntil(lambda: len(page.blocks()) == 1, timeout=2_000)
        page.shutdown()
        other_ctx.worker.wait_for_done()
    finally:
        other_pc.close()


def test_daily_list_pdf_and_exports(qtbot, open_page, database, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    assert [b.appointment_id for b in page.blocks()], (page.day, page.location_id, page.schedule)
    answers = iter([str(tmp_path / "day"), str(tmp_path / "day"), str(tmp_path / "day")])
    monkeypatch.setattr(Exports, "ask_path", classmethod(lambda *a: next(answers)))
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        page.exports.save_daily_pdf()
    assert (tmp_path / "day.pdf").read_bytes().startswith(b"%PDF")
    for kind in ("csv", "ics"):
        with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
            page.exports.export(kind)
    assert "Testcase0, Sample0" in (tmp_path / "day.csv").read_text()
    exported = check_calendar((tmp_path / "day.ics").read_bytes(), method="PUBLISH")
    assert [e["dtstart"].params["TZID"] for e in exported.walk("VEVENT")] == ["America/New_York"]
    # The chosen visit names the patient's record number, never the internal id.
    [block] = page.blocks()
    page.details.show_block(block)
    facts = page.details.facts.text()
    assert f"Record no. {block.patient_record}" in facts and f"#{block.patient_id}" not in facts


def test_day_and_location_change_by_keyboard_and_inputs_are_named(
    qtbot, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    page = open_page(practice.east, MONDAY)
    with qtbot.waitSignal(page.schedule_did_load, timeout=WAIT):
        qtbot.keyClick(page.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.day == MONDAY + dt.timedelta(days=1)
    with qtbot.waitSignal(page.schedule_did_load, timeout=WAIT):
        qtbot.keyClick(page.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert page.location_id == practice.west
    for widget in page.findChildren(QWidget):
        if (
            (
                isinstance(widget, QComboBox | QDateEdit)
                or widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            )
            and widget.isVisibleTo(page)
            and widget.metaObject().className()
            in (
                "QComboBox",
                "QDateEdit",
                "QPushButton",
                "QToolButton",
                "QCheckBox",
                "QListWidget",
            )
        ):
            assert widget.accessibleName(), widget


def test_a_waiting_patient_with_an_evaluation_booked_later_is_asked_about(
    qtbot, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    waiting = practice.patients[1]
    intake_id = screened_intake(database, waiting)
    later = booking.book(  # booked for next week; waits for an earlier slot
        database,
        desk(database),
        BookingRequest(waiting, practice.ann, practice.east, at(MONDAY, 10) + dt.timedelta(days=7),
                       intake_id=intake_id),
        now=NOW,
    )  # fmt: skip
    first = practice.patients[0]
    freed = booking.book(
        database,
        desk(database),
        BookingRequest(first, practice.ann, practice.east, at(MONDAY, 9),
                       intake_id=screened_intake(database, first)),
        now=NOW,
    )  # fmt: skip
    waitlist.add(
        database,
        desk(database),
        waiting,
        WaitlistPreferences(location_ids=(practice.east,)),
        intake_id=intake_id,
    )
    page = open_page(practice.east, MONDAY)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    assert page.canvas.selected_block().appointment_id == freed.id
    qtbot.keyClick(page.canvas, Qt.Key.Key_Delete)
    with qtbot.waitSignal(page.waitlist_did_load, timeout=WAIT):
        qtbot.keyClick(page.cancel_panel.reason.lineEdit(), Qt.Key.Key_Return)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.keyClick(page.waitlist_panel.list, Qt.Key.Key_Return)  # offer
    qtbot.keyClick(page.waitlist_panel.list, Qt.Key.Key_Return)  # book: asked first
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert "Monday, March 8, 2027 at 10:00 AM EST, Test Site East" in box.text()
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.keyClick(box, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: [b.patient_id for b in page.blocks()] == [waiting], timeout=WAIT)
    assert booking.get_visit(database, desk(database), later.id).status == "booked"


def test_exports_go_to_documents_with_their_path_and_folder(
    qtbot, open_page, database, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)  # the working folder: nothing may land here
    practice = build(database)
    _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    offered: list[str] = []
    monkeypatch.setattr(
        Exports,
        "ask_path",
        classmethod(lambda _c, _p, _t, suggested, _f: offered.append(suggested) or suggested),
    )
    opened: list[Path] = []
    monkeypatch.setattr(saved_files, "open_folder", lambda folder: opened.append(folder) or True)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        page.exports.export("csv")
    [csv] = (home / "Documents").glob("*.csv")
    assert offered == [str(csv)] and list(tmp_path.glob("*.csv")) == []
    assert str(csv) in page.exports.saved.text.text()
    assert page.exports.saved.isVisible()
    qtbot.mouseClick(page.exports.saved.open_button, Qt.MouseButton.LeftButton)
    assert opened == [home / "Documents"]


def _prefers_spanish(database, patient_id: int) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from intake.db.models import Patient

    with database.writing() as session:
        session.execute(
            update(Patient).where(Patient.id == patient_id).values(preferred_language="es")
        )


def test_a_spanish_speaking_patients_cancellation_file_is_in_spanish(
    qtbot, open_page, database, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue #20 point 4: the file is the patient's (Spanish), the offer the desk's (English)."""
    practice = build(database)
    _prefers_spanish(database, practice.patients[0])
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    assert page.canvas.selected_block().appointment_id == visit.id
    qtbot.keyClick(page.canvas, Qt.Key.Key_Delete)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.mouseClick(page.cancel_panel.confirm_button, Qt.MouseButton.LeftButton)
    offer = page.exports.calendar
    assert offer.button.text() == "Sa&ve the cancellation (.ics)…"
    monkeypatch.setattr(CalendarOffer, "ask_path", classmethod(lambda *_a: "cancelled"))
    with qtbot.waitSignal(offer.calendar_was_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(offer.button, Qt.MouseButton.LeftButton)
    [event] = check_calendar(Path(saved.args[0]).read_bytes(), method="CANCEL").walk("VEVENT")
    assert str(event["summary"]) == "Cancelada: Cita en Test Site East"
    assert str(event["description"]).startswith("Cancelada: la cita del lunes 1 de marzo de 2027")


def test_the_schedule_csv_speaks_the_staffs_language(
    qapp, qtbot, open_page, database, documents: Path, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from intake.ui import i18n

    practice = build(database)
    _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    installed = i18n.install(qapp, "es", cache=tmp_path)
    try:
        monkeypatch.setattr(Exports, "ask_path", classmethod(lambda *_a: "day"))
        with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
            page.exports.export("csv")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
        i18n._SPEAKING[:] = [i18n.SOURCE_LANGUAGE]
    header, row = (documents / "day.csv").read_text(encoding="utf-8").splitlines()[:2]
    assert header.startswith("fecha,inicio,fin,zona_horaria,sede,fisioterapeuta")
    assert row.startswith("2027-03-01,09:00,")  # values stay as machines read them
    assert row.endswith(",no")
