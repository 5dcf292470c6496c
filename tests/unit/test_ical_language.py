"""The patient's calendar file speaks the patient's language (issue #20 point 4), whatever
language the staff use: a small pure table and date formatter in the services layer."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from intake.services import ical_export
from tests.unit.test_ical_export import STAMP, _cancelled, _visit


def _event(data: bytes):  # type: ignore[no-untyped-def]
    return next(iter(Calendar.from_ical(data).walk("VEVENT")))


def test_a_spanish_speaking_patients_file_is_in_spanish() -> None:
    event = _event(ical_export.calendar_text(_visit(), language="es", stamp=STAMP))
    assert str(event["SUMMARY"]) == "Cita en Test Site East"
    # 14:00 UTC on Monday 1 March 2027 is 09:00 in New York.
    assert str(event["DESCRIPTION"]).startswith(
        "lunes 1 de marzo de 2027, 09:00, hora local (America/New_York)."
    )


def test_a_spanish_cancellation_is_in_spanish() -> None:
    event = _event(ical_export.calendar_text(_cancelled(_visit(), 2), language="es", stamp=STAMP))
    assert str(event["SUMMARY"]) == "Cancelada: Cita en Test Site East"
    assert str(event["DESCRIPTION"]).startswith("Cancelada: la cita del lunes 1 de marzo")


def test_english_and_any_other_language_read_as_before() -> None:
    english = ical_export.calendar_text(_visit(), stamp=STAMP)
    for code in ("en", "fr", "other"):
        assert ical_export.calendar_text(_visit(), language=code, stamp=STAMP) == english
    event = _event(english)
    assert str(event["SUMMARY"]) == "Appointment at Test Site East"
    assert str(event["DESCRIPTION"]).startswith("Monday 01 March 2027, 09:00 local time")


def test_a_course_file_is_in_the_patients_language() -> None:
    visits = [_visit(), _visit(id=4712, start=STAMP + dt.timedelta(days=30),
                               end=STAMP + dt.timedelta(days=30, hours=1))]  # fmt: skip
    calendar = Calendar.from_ical(ical_export.course_text(visits, language="es", stamp=STAMP))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Cita en Test Site East"] * 2


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)))
def test_the_spanish_date_has_no_english_word(moment: dt.datetime) -> None:
    text = ical_export.spoken_date(moment, "es")
    assert text.split()[0] in {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
                               "domingo"}  # fmt: skip
    assert f"{moment.day} de " in text and text.endswith(f"de {moment.year}")
    assert ical_export.spoken_date(moment, "en") == f"{moment:%A %d %B %Y}"
