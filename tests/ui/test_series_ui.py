"""Booking a course of visits as the front desk does it: the rule typed and clicked in, the
proposal read (moved and missing visits marked in words), booked, listed for the patient;
a time lost to another PC, the waitlist, and the course's rest cancelled or moved from the
schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from intake.db.models import WaitlistEntry
from intake.domain.booking import BookingRequest
from intake.services import booking, practice_admin, series, staffing
from intake.ui.context import UiContext
from intake.ui.series import CourseDialog, CourseStart
from intake.ui.series.proposal_model import NOTE, ProposalModel
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, admin, at, build, desk

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
    return CourseStart(practice.patients[0], "Sample0, Testcase0")


def _tick_monday_and_thursday_at_nine(qtbot, dialog: CourseDialog) -> None:  # type: ignore[no-untyped-def]
    form = dialog.form
    for weekday in (0, 3):
        qtbot.mouseClick(form.days[weekday], Qt.MouseButton.LeftButton)
        assert form.days[weekday].isChecked()
        form.times[weekday].setFocus()
        qtbot.keyClicks(form.times[weekday], "9")  # the list jumps to 9:00 AM
        assert form.times[weekday].currentText() == "9:00 AM"


def _wait_rows(qtbot, dialog: CourseDialog, rows: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: dialog.model.rowCount() == rows and not dialog.timer.isActive(), timeout=WAIT
    )


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
    assert notes[1].startswith("⚠ Moved: holiday:") and "instead" in notes[1]
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
    assert _notes(dialog)[11].startswith("– Left out")
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
    assert notes[2].startswith("↻ New time (the old one was just taken): taken:")
    assert dialog.model.visit(2).offer != third
    assert notes[11].startswith("– Left out")  # still out after the new proposal
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
    assert notes[2] == notes[3] == "✖ No time: therapist away: no free time that week"
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
    assert "2 visits with no time are on the waitlist" in dialog.summary_note.text()
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
