"""How the booking screens say dates, times and places (the location's local time).

In the staff's language by default (the screens); given a patient's `language` ("en", "es"),
in theirs, whatever the staff's (the slip the patient takes home, issue #20 point 4).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime

from intake.domain.booking import SlotOffer, Visit
from intake.ui import when
from intake.ui.i18n import patient_locale, translate


def _patients(language: str | None) -> QLocale | None:
    """The patient's locale when it is not English (English reads as `when` writes it)."""
    return patient_locale(language) if language and language != "en" else None


def clock(moment: dt.datetime, language: str | None = None) -> str:
    """9:00 AM, as a receptionist reads it out (intake.ui.when, one way everywhere)."""
    if (locale := _patients(language)) is not None:
        return locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    return when.time_of_day(moment, localized=language is None)


def day(moment: dt.datetime | dt.date, language: str | None = None) -> str:
    """Monday, March 1, 2027."""
    if (locale := _patients(language)) is not None:
        qdate = QDate(moment.year, moment.month, moment.day)
        return locale.toString(qdate, QLocale.FormatType.LongFormat)
    return when.day(moment, localized=language is None)


def zone(moment: dt.datetime) -> str:
    return moment.tzname() or ""


def span(start: dt.datetime, end: dt.datetime, language: str | None = None) -> str:
    """9:00 AM – 10:00 AM EST."""
    return f"{clock(start, language)} – {clock(end, language)} {zone(start)}".rstrip()


def offer_sentence(offer: SlotOffer) -> str:
    """The whole slot in one line, for tool tips and screen readers."""
    local = offer.local_start
    return translate("BookingWording", "{day}, {span}, {therapist} at {location}").format(
        day=day(local),
        span=span(local, offer.local_end),
        therapist=offer.therapist_name,
        location=offer.location_name,
    )


def visit_sentence(visit: Visit) -> str:
    local = visit.local_start
    return translate("BookingWording", "{day} at {time} {zone}, {location}").format(
        day=day(local), time=clock(local), zone=zone(local), location=visit.location_name
    )


def address_lines(address: str) -> list[str]:
    parts = [p.strip() for line in address.splitlines() for p in line.split(",")]
    return [p for p in parts if p]
