"""Booking's sentences in the staff's language (issue #20): what the booking, course, waitlist,
slot-search and schedule services say to a Spanish-speaking desk is Spanish, with dates and
times written the Spanish way; the log's English stays as it was."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt

from intake.domain.booking import (
    BookingConflict,
    BookingRefused,
    BookingRequest,
    SecondEvaluation,
    SlotRequest,
    WaitlistPreferences,
)
from intake.domain.enums import CancelledBy
from intake.domain.errors import Invalid, NotFound
from intake.domain.schedule import DaySchedule
from intake.domain.series import SeriesRequest
from intake.services import booking, schedule_view, series, slot_finder, waitlist
from intake.ui.context import UiContext
from intake.ui.patients.record_lists import visit_status
from intake.ui.schedule import SchedulePage
from intake.ui.words import error_text, problems_of
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, SmallPractice, at, build, desk, screened_intake

WAIT = 10_000
TUESDAY = MONDAY + dt.timedelta(days=1)


@pytest.fixture
def practice(database) -> SmallPractice:  # type: ignore[no-untyped-def]
    return build(database)


def _request(practice: SmallPractice, start: dt.datetime, **kw: object) -> BookingRequest:
    return BookingRequest(practice.patients[0], practice.ann, practice.east, start, **kw)  # type: ignore[arg-type]


def test_a_booking_refusal_reads_in_spanish_with_its_date_the_spanish_way(
    speak, database, practice
) -> None:  # type: ignore[no-untyped-def]
    actor = desk(database)
    intake = screened_intake(database, practice.patients[0])
    first = booking.book(
        database, actor, _request(practice, at(MONDAY, 9), intake_id=intake), now=NOW
    )
    speak("es")
    with pytest.raises(SecondEvaluation) as second:
        booking.book(database, actor, _request(practice, at(TUESDAY, 9), intake_id=intake), now=NOW)
    # The log's English is as it always was; the desk reads Spanish, the date as Spanish writes it.
    assert "Mon 01 Mar 2027 09:00 at Test Site East" in str(second.value)
    assert re.fullmatch(
        r"El paciente ya tiene una evaluación inicial programada: lun, 1 mar, 9:00\sa\.m\.( EST)? "
        r"en Test Site East\. Programe otra solo si de verdad hace falta\.",
        error_text(second.value),
    ), error_text(second.value)
    with pytest.raises(BookingConflict) as taken:
        booking.book(
            database,
            actor,
            BookingRequest(
                practice.patients[1], practice.ann, practice.east, at(MONDAY, 9), "FU45"
            ),
            now=NOW,
        )
    assert error_text(taken.value) == "Otra reserva acaba de ocupar esa hora."
    assert taken.value.alternatives  # the nearest free times still come with it
    with pytest.raises(BookingRefused) as early:
        booking.no_show(database, actor, first.id, first.version, now=NOW)
    assert re.fullmatch(
        r"Una cita solo puede marcarse como no presentada a partir de su hora de inicio "
        r"\(lun, 1 mar, 9:00\sa\.m\.( EST)?\)\.",
        error_text(early.value),
    ), error_text(early.value)
    assert visit_status(first) == "Reservada"  # the status word, as the patient's record shows it
    booking.cancel(
        database, actor, first.id, first.version, "Sick", by=CancelledBy.PATIENT, now=NOW
    )
    with pytest.raises(BookingRefused) as cancelled:
        booking.check_in(database, actor, first.id, first.version + 1)
    assert error_text(cancelled.value) == (
        "Una cita que está cancelada no puede registrarse como llegada."
    )
    assert str(cancelled.value) == "A visit that is cancelled cannot be checked in."
    with pytest.raises(NotFound) as gone:
        booking.get_visit(database, actor, 999_999)
    assert error_text(gone.value) == (
        "No existe ninguna cita con el id 999999; es posible que se haya eliminado."
    )
    with pytest.raises(BookingRefused) as outside:
        booking.book(database, actor, _request(practice, at(MONDAY, 14), type_code="FU45"), now=NOW)
    assert re.fullmatch(
        r"Ann Testwood no trabaja en Test Site East el lun, 1 mar, 2:00\sp\.m\.( EST)? para una "
        r"cita de 45 minutos \(fuera de su horario o del horario de apertura, un cierre o un "
        r"permiso\)\.",
        error_text(outside.value),
    ), error_text(outside.value)


def test_a_course_a_waitlist_entry_and_a_search_say_their_problems_in_spanish(
    speak, database, practice
) -> None:  # type: ignore[no-untyped-def]
    actor = desk(database)
    speak("es")
    too_long = SeriesRequest(
        practice.patients[0], "FU45", practice.east, practice.ann, ((0, dt.time(9)),), MONDAY,
        count=61,
    )  # fmt: skip
    with pytest.raises(Invalid) as course:
        series.propose(database, actor, too_long, now=NOW)
    assert problems_of(course.value) == {"course": "Una serie tiene de 1 a 60 citas, no 61."}
    entry = waitlist.add(
        database, actor, practice.patients[1], WaitlistPreferences(), type_code="FU45"
    )
    with pytest.raises(Invalid) as no_reason:
        waitlist.remove(database, actor, entry.id, entry.version, "  ")
    assert problems_of(no_reason.value) == {
        "reason": "Indique por qué el paciente sale de la lista de espera."
    }
    gone = waitlist.remove(database, actor, entry.id, entry.version, "Found another clinic")
    with pytest.raises(BookingRefused) as closed:
        waitlist.offer(database, actor, gone.id, gone.version)
    assert error_text(closed.value) == "Esa entrada de la lista de espera ya está retirada."
    with pytest.raises(Invalid) as search:
        slot_finder.find(
            database,
            actor,
            SlotRequest(first_day=dt.date(1999, 1, 4), location_codes=("NOWHERE",), earliest=NOW),
        )
    assert problems_of(search.value) == {
        "from": "4 ene 1999 está fuera de las fechas en que el programa puede programar citas.",
        "location": "Código de sede desconocido: NOWHERE.",
    }
    with pytest.raises(Invalid) as week:
        schedule_view.therapist_week(database, actor, practice.ann, MONDAY, days=40)
    assert problems_of(week.value) == {"days": "Muestre de 1 a 14 días, no 40."}


def test_the_schedule_says_why_not_a_no_show_yet_in_spanish(
    qtbot, show_active, speak, database, practice
) -> None:  # type: ignore[no-untyped-def]
    speak("es")
    context = UiContext(database, desk(database), Worker())
    visit = booking.book(
        database, desk(database), _request(practice, at(MONDAY, 9), type_code="FU45"), now=NOW
    )
    page = SchedulePage(context, clock=lambda: NOW, live=False)  # a week before the visit
    show_active(page)
    page.show_day(practice.east, MONDAY)
    qtbot.waitUntil(
        lambda: (
            isinstance(page.schedule, DaySchedule) and not page._loading and len(page.blocks()) == 1
        ),
        timeout=WAIT,
    )
    page.canvas.setFocus()
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    assert page.canvas.selected_block().appointment_id == visit.id
    with qtbot.waitSignal(page.action_did_fail, timeout=WAIT) as failed:
        qtbot.keyClick(
            page.canvas,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    shown = page.status_text()
    assert "Una cita solo puede marcarse como no presentada a partir de su hora de inicio" in shown
    assert re.search(r"lun, 1 mar, 9:00\sa\.m\.", shown) and failed.args[0] in shown
    page.shutdown()
    context.worker.wait_for_done()
