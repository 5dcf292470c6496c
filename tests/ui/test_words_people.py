"""A Spanish-speaking desk reads the people-side services' sentences in Spanish (issue #20):
an intake's refusals, its state and closing words, the review's answers and flags, a merge's
refusal (its visits' day and times written the Spanish way) and what it moves, the practice
set-up's field problems and the audit trail's words. Real services on the test database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from intake.domain.accounts import ENTITY_WORDS, in_words
from intake.domain.booking import BookingRequest
from intake.domain.closing import CLOSED_WORDS
from intake.domain.enums import ClosingReason
from intake.domain.errors import Invalid, StaleRecord
from intake.domain.merge import MergeRefused
from intake.domain.practice import DayHours
from intake.services import booking, intakes, practice_admin, review, staffing
from intake.ui import when
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.patients.merge_dialog import MergeDialog
from intake.ui.words import error_text, problems_of, said
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, admin, at, build, desk, screened_intake
from tests.db.test_patient_merge import _merge, _pair
from tests.db.test_review import RED_FLAGS

WAIT = 15_000


def test_an_intake_refusal_and_its_words_are_spanish(speak, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    submitted = intakes.get(
        database, desk(database), screened_intake(database, practice.patients[0])
    )
    speak("es")
    with pytest.raises(StaleRecord) as refused:
        intakes.discard(database, desk(database), submitted.id, submitted.version, "Twice")
    assert error_text(refused.value) == "Esta admisión ya no es un borrador; no se descartó."
    assert str(refused.value) == "This intake is not a draft any more; it was not discarded."
    with pytest.raises(Invalid) as empty:
        intakes.discard(database, desk(database), submitted.id, submitted.version, "  ")
    assert problems_of(empty.value)["reason"].startswith("Diga por qué se descarta")
    closed = CLOSED_WORDS[ClosingReason.EMERGENCY_REFERRAL]
    assert translate(closed.context, closed) == "Cerrada como derivación de emergencia"


def test_the_review_answers_and_flags_are_in_the_reviewers_spanish(speak, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    red = screened_intake(database, practice.patients[0], **RED_FLAGS)
    speak("es")
    opened = review.open_review(database, desk(database), red, language="es")
    answers = {line.question_id: said(line.answer) for g in opened.answers for line in g.lines}
    assert answers["has_neck_pain"] == "Sí"
    assert opened.screening and opened.screening.flags
    rationales = " ".join(flag.rationale for flag in opened.screening.flags)
    assert "analgésicos" in rationales  # the rule's own Spanish words, by its id
    english = review.open_review(database, desk(database), red, language="en")
    assert english.screening and english.screening.flags
    assert [f.id for f in opened.screening.flags] == [f.id for f in english.screening.flags]
    assert "painkiller" not in rationales.lower()
    nothing = review._interventions(None).reason or ""  # no stored result: none shown
    assert said(nothing).startswith("No se muestra ninguna")


def test_the_set_up_problems_are_spanish_with_times_the_spanish_way(speak, database) -> None:  # type: ignore[no-untyped-def]
    build(database)
    boss = admin(database)
    east = practice_admin.get_location(database, boss, "EAST")
    speak("es")
    with pytest.raises(Invalid) as hours:
        practice_admin.set_opening_hours(
            database, boss, "EAST", east.version, {1: DayHours(dt.time(17), dt.time(9))}
        )
    text = problems_of(hours.value)["hours.1"]
    closes, opens = (when.time_of_day(dt.time(h), localized=True) for h in (9, 17))
    assert text == (
        f"El martes, la hora de cierre {closes} debe ser posterior a la hora de apertura {opens}"
    )  # no full stop after "p.m."
    with pytest.raises(Invalid) as unnamed:
        staffing.create_therapist(database, boss, " ", location_codes=["EAST"])
    assert problems_of(unnamed.value)["display_name"] == "Escriba el nombre del terapeuta."
    assert said(in_words("sign_in")) == "Inició sesión"
    assert said(in_words("intake", ENTITY_WORDS)) == "Admisión"


def test_a_blocked_merge_says_which_visits_in_spanish(speak, database) -> None:  # type: ignore[no-untyped-def]
    pair = _pair(database)
    chicago_nine = at(MONDAY, 9, zone="America/Chicago")
    booking.book(
        database,
        desk(database),
        BookingRequest(pair.surviving, pair.practice.ben, pair.practice.west, chicago_nine, "FU45"),
        now=NOW,
    )
    speak("es")
    with pytest.raises(MergeRefused) as refused:
        _merge(database, pair)
    text = error_text(refused.value)
    day = when.date(MONDAY, localized=True)
    assert text.startswith("Los dos expedientes tienen citas a la misma hora")
    assert f"{day}, " in text and " coincide con " in text and "Mon, Mar 1" not in text
    assert "Mon, Mar 1, 2027, 9:00 AM–9:45 AM CST at Test Site West" in str(refused.value)


def test_the_merge_dialog_reads_in_spanish(qtbot, show_active, speak, database) -> None:  # type: ignore[no-untyped-def]
    pair = _pair(database)
    speak("es")
    assert QLocale().language() == QLocale.Language.Spanish
    worker = Worker()
    dialog = MergeDialog(UiContext(database, admin(database), worker), pair.surviving, pair.merged)
    with qtbot.waitSignal(dialog.preview_did_arrive, timeout=WAIT):
        show_active(dialog)
    assert "1 admisión, 1 cita y 1 entrada de la lista de espera" in dialog.moving.text()
    worker.wait_for_done()
