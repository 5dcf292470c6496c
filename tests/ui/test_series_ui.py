"""Booking a course of visits as the front desk does it: the rule typed and clicked in, the
proposal read (moved and missing visits marked in words), booked, listed for the patient;
a time lost to another PC, the waitlist, and the course's rest cancelled or moved from the
schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from intake.db.models import WaitlistEntry
from intake.domain.booking import BookingRequest
from intake.domain.enums import AppointmentStatus
from intake.domain.schedule import DaySchedule
from intake.domain.series import SeriesRequest
from intake.services import booking, practice_admin, series, staffing
from intake.ui.context import UiContext
from intake.ui.patients.record_page import RecordPage
from intake.ui.schedule import SchedulePage
from intake.ui.series import CourseDialog, CourseStart
from intake.ui.series.proposal_model import NOTE, ProposalModel
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, admin, at, build, desk, screened_intake
from tests.ical_checks import check_calendar

WAIT = 10_000
THURSDAY = MONDAY + dt.timedelta(days=3)


@pytest.fixture
def ctx(database) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    context = UiContext(database, desk(database), Worker())
    yield context
    context.worker.wait_for_done()


@pytest.fixture
def open_dialog(qtbot, show_active, ctx):  # type: ignore[no-untyped-def]
    def open_(start: CourseStart) -> CourseDialog:
        dialog = CourseDialog(ctx, start, clock=lambda: NOW)
        show_active(dialog)
        qtbot.waitUntil(lambda: dialog.form.isEnabled(), timeout=WAIT)
        return dialog

    return open_


def _names(practice) -> CourseStart:  # type: ignore[no-untyped-def]
    return CourseStart(practice.patients[0], "Testcase0, Sample0")


def _tick_monday_and_thursday_at_nine(qtbot, dialog: CourseDialog) -> None:  # type: ignore[no-untyped-def]
    form = dialog.form
    for weekday in (0, 3):
        qtbot.mouseClick(form.days[weekday], Qt.MouseButton.LeftButton)
        assert form.days[weekday].isChecked()
        form.times[weekday].setFocus()
        qtbot.keyClicks(form.times[weekday], "9")  # typed: 9:00 AM
        assert form.times[weekday].currentText() == "9:00 AM"


def _wait_rows(qtbot, dialog: CourseDialog, rows: int) -> None:  # type: ignore[no-untyped-def]
    # The proposal for the rule as it now stands (an earlier one may have as many rows).
    qtbot.waitUntil(lambda: dialog.settled and dialog.model.rowCount() == rows, timeout=WAIT)


def _notes(dialog: CourseDialog) -> list[str]:
    model = dialog.model
    return [model.data(model.index(r, NOTE)) for r in range(model.rowCount())]


def test_a_course_typed_in_is_proposed_booked_and_listed_for_the_patient(
    qtbot, open_dialog, database, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    practice_admin.add_closure(
        database, admin(database), "EAST", THURSDAY, THURSDAY, reason="Town holiday"
    )
    dialog = open_dialog(_names(practice))
    assert dialog.form.type_box.count() == 1  # the evaluation needs a screening: not offered
    assert dialog.form.first_day.date().toPython() == MONDAY  # the week after today
    _tick_monday_and_thursday_at_nine(qtbot, dialog)
    _wait_rows(qtbot, dialog, 12)
    notes = _notes(dialog)
    assert notes[1] == "holiday: Wed 9:00 AM instead"  # the nearest day of that week
    assert [n for i, n in enumerate(notes) if i != 1] == [""] * 11
    assert dialog.book_button.text() == "Book 12 visits"
    with qtbot.waitSignal(dialog.course_was_booked, timeout=WAIT) as booked:
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    course = booked.args[0]
    assert len(course.visits) == 12
    assert dialog.summary_list.count() == 12
    assert dialog.summary_heading.text().startswith("✔  Booked 12 visits")
    target = tmp_path / "course-list"
    monkeypatch.setattr(CourseDialog, "ask_pdf_path", classmethod(lambda *_a: str(target)))
    with qtbot.waitSignal(dialog.list_was_saved, timeout=WAIT) as saved:
        qtbot.keyClick(dialog.print_button, Qt.Key.Key_Space)
    written = Path(saved.args[0])
    assert written == target.with_suffix(".pdf") and written.read_bytes().startswith(b"%PDF")
    assert str(written) in dialog.saved.text.text()
    visits = series.visits(database, desk(database), course.series_id)
    assert [v.local_start.time() for v in visits] == [dt.time(9)] * 12
    # One calendar file for the course: each visit its own event.
    monkeypatch.setattr(CourseDialog, "ask_ics_path", classmethod(lambda *_a: str(target)))
    with qtbot.waitSignal(dialog.calendar_was_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(dialog.calendar_button, Qt.MouseButton.LeftButton)
    ics = Path(saved.args[0])
    assert ics == target.with_suffix(".ics")
    calendar = check_calendar(ics.read_bytes(), method="PUBLISH")
    assert len(calendar.walk("VEVENT")) == 12
    assert str(ics) in dialog.saved.text.text()


def test_the_proposal_table_passes_the_model_tester(
    qtbot, open_dialog, database, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    dialog = open_dialog(_names(practice))
    _tick_monday_and_thursday_at_nine(qtbot, dialog)
    _wait_rows(qtbot, dialog, 12)
    qtmodeltester.check(dialog.model)
    empty = ProposalModel()
    qtmodeltester.check(empty)


def test_a_time_taken_meanwhile_shows_the_new_proposal_and_booking_again_succeeds(
    qtbot, open_dialog, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    dialog = open_dialog(_names(practice))
    _tick_monday_and_thursday_at_nine(qtbot, dialog)
    _wait_rows(qtbot, dialog, 12)
    # The last visit is left out, by keyboard: the table, Ctrl+End, Space.
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert _notes(dialog)[11] == "Left out of the course"
    assert dialog.book_button.text() == "Book 11 visits"
    # Another PC books someone else into the third visit's time.
    third = dialog.model.visit(2).offer
    assert third is not None
    booking.book(
        database,
        desk(database),
        BookingRequest(practice.patients[1], practice.ann, practice.east, third.start, "FU45"),
        now=NOW,
    )
    with qtbot.waitSignal(dialog.booking_did_fail, timeout=WAIT):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    assert "Visit 3 was just taken" in dialog.status.text()
    assert "book again" in dialog.status.text()
    notes = _notes(dialog)
    assert notes[2].startswith("New time — taken: ")
    assert dialog.model.data(dialog.model.index(2, NOTE), Qt.ItemDataRole.FontRole).bold()
    assert dialog.model.visit(2).offer != third
    assert notes[11] == "Left out of the course"  # still out after the new proposal
    assert dialog.book_button.text() == "Book 11 visits"
    with qtbot.waitSignal(dialog.course_was_booked, timeout=WAIT) as booked:
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    visits = booked.args[0].visits
    assert [v.series_number for v in visits] == list(range(1, 12))
    assert dialog.summary_list.count() == 11


def test_visits_with_no_time_go_on_the_waitlist_when_the_box_is_ticked(
    qtbot, open_dialog, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    staffing.add_time_off(
        database,
        admin(database),
        practice.ann,
        at(MONDAY + dt.timedelta(7), 0),
        at(MONDAY + dt.timedelta(14), 0),
    )
    dialog = open_dialog(_names(practice))
    _tick_monday_and_thursday_at_nine(qtbot, dialog)
    dialog.form.count.setFocus()
    dialog.form.count.selectAll()
    qtbot.keyClicks(dialog.form.count, "6")
    _wait_rows(qtbot, dialog, 6)
    notes = _notes(dialog)
    assert notes[2] == notes[3] == "therapist away: no free time that week"
    icon = dialog.model.data(dialog.model.index(2, NOTE), Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()  # a mark beside the words, not a colour
    assert dialog.model.data(dialog.model.index(2, 3)) == "—"
    assert dialog.book_button.text() == "Book 4 visits"
    assert dialog.waitlist.text().replace("&", "") == (
        "Put the 2 visits with no time on the waitlist"
    )
    qtbot.mouseClick(dialog.waitlist, Qt.MouseButton.LeftButton)
    assert dialog.waitlist.isChecked()
    with qtbot.waitSignal(dialog.course_was_booked, timeout=WAIT):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    assert dialog.summary_list.count() == 4
    assert "Visits 3, 4 have no time yet: they are on the waitlist" in dialog.summary_note.text()
    with database.reading() as session:
        entries = session.scalars(select(WaitlistEntry)).all()
        assert [e.patient_id for e in entries] == [practice.patients[0]] * 2


def test_an_unfinished_rule_says_what_is_missing_instead_of_proposing(
    qtbot, open_dialog, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    dialog = open_dialog(_names(practice))
    assert dialog.model.rowCount() == 0
    assert "Tick the weekdays" in dialog.status.text()
    assert not dialog.book_button.isEnabled()


# --- where a course starts, and its rest on the schedule -------------------------------------

EVAL_DAY = dt.date(2027, 2, 23)  # the day after NOW: the evaluation the course follows


@pytest.fixture
def open_schedule(qtbot, show_active, ctx) -> Iterator:  # type: ignore[no-untyped-def]
    pages: list[SchedulePage] = []

    def open_(location_id: int, day: dt.date) -> SchedulePage:
        page = SchedulePage(ctx, clock=lambda: NOW, live=False)
        pages.append(page)
        page.resize(1366, 740)
        show_active(page)
        page.show_day(location_id, day)
        qtbot.waitUntil(
            lambda: (
                isinstance(page.schedule, DaySchedule)
                and page.schedule.day == day
                and not page._loading
            ),
            timeout=WAIT,
        )
        page.canvas.setFocus()
        return page

    yield open_
    for page in pages:
        page.shutdown()


def _seen_evaluation(database, practice) -> int:  # type: ignore[no-untyped-def]
    patient = practice.patients[0]
    visit = booking.book(
        database,
        desk(database),
        BookingRequest(
            patient,
            practice.ann,
            practice.east,
            at(EVAL_DAY, 9),
            "EVAL60",
            intake_id=screened_intake(database, patient),
        ),
        now=NOW,
    )
    return booking.complete(database, desk(database), visit.id, visit.version).id


def _course(database, practice, count: int = 8):  # type: ignore[no-untyped-def]
    request = SeriesRequest(
        practice.patients[0],
        "FU45",
        practice.east,
        practice.ann,
        ((0, dt.time(9)), (3, dt.time(9))),
        MONDAY,
        count=count,
    )
    proposal = series.propose(database, desk(database), request, now=NOW)
    return series.book(database, desk(database), proposal, now=NOW)


# A popup menu asks the offscreen platform to raise it and grab the keyboard, which it cannot
# (harmless there: the menu still takes the keys it is sent).
POPUP = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def _menu_choose(qtbot, page: SchedulePage, ups: int = 1) -> None:  # type: ignore[no-untyped-def]
    """The Menu key on the chosen visit (the platform sends it to the canvas as a keyboard
    context-menu event), then Up `ups` times from the top (wrapping to the end) and Enter."""
    QApplication.sendEvent(
        page.canvas,
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0)),
    )
    qtbot.waitUntil(lambda: page.visits.menu is not None and page.visits.menu.isVisible())
    menu = page.visits.menu
    assert menu is not None
    for _ in range(ups):
        qtbot.keyClick(menu, Qt.Key.Key_Up)
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def test_the_record_opens_the_course_for_its_patient_where_they_were_seen(
    qtbot, show_active, ctx, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    _seen_evaluation(database, practice)
    page = RecordPage(ctx, clock=lambda: NOW)
    page.resize(1100, 700)
    show_active(page)
    with qtbot.waitSignal(page.record_did_open, timeout=WAIT):
        page.open_patient(practice.patients[0])
    qtbot.mouseClick(page.course_button, Qt.MouseButton.LeftButton)
    dialog = page.course_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.form.isEnabled(), timeout=WAIT)
    assert dialog.start.patient_id == practice.patients[0]
    title = dialog.findChild(QLabel, "courseTitle")
    assert title is not None and title.text() == "Course of visits for Testcase0, Sample0"
    assert dialog.form.location_box.currentData() == practice.east
    assert dialog.form.therapist_box.currentData() == practice.ann
    assert dialog.start.intake_id is not None  # the course follows that evaluation
    dialog.reject()


@POPUP
def test_a_seen_evaluation_on_the_schedule_offers_the_course_prefilled(
    qtbot, open_schedule, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    evaluation = _seen_evaluation(database, practice)
    page = open_schedule(practice.east, EVAL_DAY)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    assert page.canvas.selected_block().appointment_id == evaluation
    assert page.courses.offered(page.canvas.selected_block()) == [page.courses.book_action]
    _menu_choose(qtbot, page)
    dialog = page.courses.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.form.isEnabled(), timeout=WAIT)
    assert dialog.form.location_box.currentData() == practice.east
    assert dialog.form.therapist_box.currentData() == practice.ann
    assert dialog.form.first_day.date().toPython() == MONDAY  # the week after the evaluation
    _tick_monday_and_thursday_at_nine(qtbot, dialog)
    _wait_rows(qtbot, dialog, 12)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    assert "Course booked: 12 visits" in page.status_text()


def test_a_visit_that_is_not_a_seen_evaluation_offers_no_course(
    qtbot, open_schedule, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    booking.book(
        database,
        desk(database),
        BookingRequest(practice.patients[1], practice.ann, practice.east, at(EVAL_DAY, 9), "FU45"),
        now=NOW,
    )
    page = open_schedule(practice.east, EVAL_DAY)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    assert page.courses.offered(page.canvas.selected_block()) == []


@POPUP
def test_cancel_the_rest_of_a_course_from_the_schedule(  # type: ignore[no-untyped-def]
    qtbot, open_schedule, database, monkeypatch
) -> None:
    practice = build(database)
    course = _course(database, practice)
    sent: list[int] = []  # Enter once, one cancellation sent (not a second, refused as stale)
    real = series.cancel_rest
    monkeypatch.setattr(series, "cancel_rest", lambda *a, **k: sent.append(1) or real(*a, **k))
    page = open_schedule(practice.east, MONDAY + dt.timedelta(weeks=1))
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    block = page.canvas.selected_block()
    assert block.series_number == 3
    assert "Visit 3 of 8 of a course" in page.details.facts.text()
    assert "visit 3 of 8 of a course" in page.canvas.accessibleDescription()
    _menu_choose(qtbot, page)  # the menu's last item: "Cancel the rest of the course…"
    panel = page.courses.cancel_panel
    assert page.side.currentWidget() is panel
    line = panel.reason.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "Discharged early")
    qtbot.keyClick(line, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # "The &clinic"
    qtbot.waitUntil(panel.by_clinic.isChecked)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "Cancelled 6 visits" in page.status_text() and "3–8" in page.status_text()
    statuses = [v.status for v in series.visits(database, desk(database), course.series_id)]
    assert statuses == [AppointmentStatus.BOOKED] * 2 + [AppointmentStatus.CANCELLED] * 6
    qtbot.waitUntil(lambda: page.blocks() == (), timeout=WAIT)
    page.ctx.worker.wait_for_done()
    assert sent == [1]


@POPUP
def test_move_the_rest_of_a_course_from_the_schedule(qtbot, open_schedule, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    course = _course(database, practice)
    page = open_schedule(practice.east, MONDAY + dt.timedelta(weeks=2))
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    assert page.canvas.selected_block().series_number == 5
    _menu_choose(qtbot, page, ups=2)  # the menu ends "Move the rest…", "Cancel the rest…"
    dialog = page.courses.dialog
    assert dialog is not None and dialog.moving
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4, timeout=WAIT)
    form = dialog.form
    assert not form.type_box.isEnabled() and form.days[0].isChecked()
    qtbot.mouseClick(form.days[0], Qt.MouseButton.LeftButton)  # not Mondays any more
    for weekday in (1, 4):  # Tuesdays and Fridays at 10
        qtbot.mouseClick(form.days[weekday], Qt.MouseButton.LeftButton)
        form.times[weekday].setFocus()
        qtbot.keyClicks(form.times[weekday], "10")
    qtbot.waitUntil(
        lambda: (
            dialog.model.rowCount() == 4
            and dialog.settled
            and {dialog.model.visit(r).wanted_local.weekday() for r in range(4)} == {1, 4}
        ),
        timeout=WAIT,
    )
    assert [dialog.model.visit(r).number for r in range(4)] == [5, 6, 7, 8]
    assert dialog.book_button.text() == "Move 4 visits"
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    assert "Moved the rest of the course: 4 visits" in page.status_text()
    booked = [
        v
        for v in series.visits(database, desk(database), course.series_id)
        if v.status is AppointmentStatus.BOOKED
    ]
    assert sorted(v.series_number for v in booked) == list(range(1, 9))
    moved = [v for v in booked if (v.series_number or 0) >= 5]
    assert {(v.local_start.weekday(), v.local_start.hour) for v in moved} == {(1, 10), (4, 10)}


def test_the_form_starts_with_sensible_times_and_a_prefilled_course(
    qtbot, open_dialog, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    start = CourseStart(
        practice.patients[0],
        "Testcase0, Sample0",
        weekly=((1, dt.time(10, 15)),),
    )
    dialog = open_dialog(start)
    form = dialog.form
    assert form.times[0].currentText() == "9:00 AM"  # not the first time of the list
    assert form.days[1].isChecked() and form.times[1].currentText() == "10:15 AM"
    assert (form.window_from.currentText(), form.window_to.currentText()) == (
        "8:00 AM",
        "12:00 PM",
    )


@POPUP
def test_enter_on_a_visit_offers_its_nearest_free_times_and_never_books(
    qtbot, open_dialog, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    practice_admin.add_closure(database, admin(database), "EAST", THURSDAY, THURSDAY)
    dialog = open_dialog(_names(practice))
    _tick_monday_and_thursday_at_nine(qtbot, dialog)
    _wait_rows(qtbot, dialog, 12)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # visit 2, moved off the holiday
    shown = dialog.model.visit(1).offer
    with qtbot.waitSignal(dialog.other_times_did_show, timeout=WAIT) as offered:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert offered.args == [3]
    assert dialog.pages.currentIndex() == 0  # Enter did not book the course
    menu = dialog.other_times
    assert menu is not None and len(menu.actions()) == 3
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    chosen = dialog.model.visit(1).offer
    assert chosen is not None and chosen != shown
    assert chosen.local_start.date() != THURSDAY  # still not on the holiday
    assert _notes(dialog)[1].startswith("Changed here to ")
    with qtbot.waitSignal(dialog.course_was_booked, timeout=WAIT) as booked:
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    second = next(v for v in booked.args[0].visits if v.series_number == 2)
    assert second.start == chosen.start


def test_a_rule_changed_after_the_proposal_is_not_booked_unseen(
    qtbot, open_dialog, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    dialog = open_dialog(_names(practice))
    _tick_monday_and_thursday_at_nine(qtbot, dialog)
    _wait_rows(qtbot, dialog, 12)
    dialog.form.count.setFocus()
    dialog.form.count.selectAll()
    qtbot.keyClicks(dialog.form.count, "8")
    qtbot.keyClick(dialog.form.count, Qt.Key.Key_Return)  # Enter before the new proposal
    assert "The rule changed" in dialog.status.text()
    assert dialog.pages.currentIndex() == 0
    _wait_rows(qtbot, dialog, 8)
    assert dialog.book_button.text() == "Book 8 visits"


def test_a_spanish_speaking_patients_course_list_and_calendar_are_in_spanish(
    qtbot, open_dialog, database, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Issue #20 point 4: what the patient takes home follows their language, not the desk's."""
    from sqlalchemy import update

    from intake.db.models import Patient
    from intake.ui.series.course_list import course_html

    practice = build(database)
    with database.writing() as session:
        session.execute(
            update(Patient)
            .where(Patient.id == practice.patients[0])
            .values(preferred_language="es")
        )
    dialog = open_dialog(_names(practice))
    _tick_monday_and_thursday_at_nine(qtbot, dialog)
    _wait_rows(qtbot, dialog, 12)
    with qtbot.waitSignal(dialog.course_was_booked, timeout=WAIT) as booked:
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    assert dialog.patient_language == "es"
    page = course_html(booked.args[0], "Testcase0, Sample0", dialog.patient_language)
    assert "Su serie de citas" in page and "Fecha" in page and "lunes, 1 de marzo de 2027" in page
    assert "Your course" not in page and "Monday" not in page
    target = tmp_path / "course"
    monkeypatch.setattr(CourseDialog, "ask_ics_path", classmethod(lambda *_a: str(target)))
    with qtbot.waitSignal(dialog.calendar_was_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(dialog.calendar_button, Qt.MouseButton.LeftButton)
    calendar = check_calendar(Path(saved.args[0]).read_bytes(), method="PUBLISH")
    assert {str(e["summary"]) for e in calendar.walk("VEVENT")} == {"Cita en Test Site East"}
