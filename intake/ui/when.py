"""Dates and times as people read them, one way everywhere (English, United States).

`localized=True` follows the interface's language instead (QLocale's default, set at start
by intake/ui/i18n.py: Spanish is es_US, "miércoles, 2 de diciembre de 2026", "7:30 a.m.");
in English it reads exactly as without. The screens converted to Qt's translation chain
pass it; the others keep the US English form until their turn (issue #20), so one screen
never mixes two ways of writing a date.

A visit's time is its location's wall clock. When that location's zone differs from this
computer's at that moment, the time carries its zone's abbreviation ("7:30 AM CST"), so a
list that mixes locations in different zones never looks mis-sorted or misleads.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, QTime


def _other_locale(localized: bool) -> QLocale | None:
    """The interface's locale when asked for and not English (None: the forms written here)."""
    if not localized:
        return None
    locale = QLocale()
    return None if locale.language() in (QLocale.Language.English, QLocale.Language.C) else locale


def _qdate(moment: dt.datetime | dt.date) -> QDate:
    return QDate(moment.year, moment.month, moment.day)


def here() -> dt.tzinfo:
    """This computer's zone."""
    zone = dt.datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def local(instant: dt.datetime, zone: str | None) -> dt.datetime:
    """The instant on the location's wall clock: `zone`'s, else the wall clock it already
    carries (a visit's local start), else this computer's (a stored UTC instant)."""
    if zone:
        return instant.astimezone(ZoneInfo(zone))
    if instant.tzinfo is not None and instant.tzname() not in ("UTC", None):
        return instant
    return instant.astimezone()


def time_of_day(moment: dt.datetime | dt.time, *, localized: bool = False) -> str:
    """9:00 AM, as a receptionist reads it out (9:00 a.m.)."""
    if (locale := _other_locale(localized)) is not None:
        time = QTime(moment.hour, moment.minute)
        return locale.toString(time, QLocale.FormatType.ShortFormat)
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def clock(at: dt.datetime, *, pc_zone: dt.tzinfo | None = None, localized: bool = False) -> str:
    """7:30 AM, or 7:30 AM CST when the location's clock is not this computer's."""
    text = time_of_day(at, localized=localized)
    if at.tzinfo is None:
        return text
    if at.astimezone(pc_zone or here()).utcoffset() != at.utcoffset():
        text += f" {at.tzname()}"
    return text


def day(moment: dt.datetime | dt.date, *, localized: bool = False) -> str:
    """Wednesday, December 2, 2026 (miércoles, 2 de diciembre de 2026)."""
    if (locale := _other_locale(localized)) is not None:
        return locale.toString(_qdate(moment), QLocale.FormatType.LongFormat)
    return f"{moment:%A}, {moment:%B} {moment.day}, {moment.year}"


def date(moment: dt.date, *, localized: bool = False) -> str:
    """Dec 2, 1979: a date of birth, a first or last day (2 dic 1979)."""
    if (locale := _other_locale(localized)) is not None:
        return locale.toString(_qdate(moment), "d MMM yyyy")
    return f"{moment:%b} {moment.day}, {moment.year}"


def typed_date(moment: dt.date) -> str:
    """1979-12-02: a stored date put back in a field to edit, read back the same way."""
    return moment.isoformat()


def short_day(moment: dt.datetime | dt.date, *, localized: bool = False) -> str:
    """Wed, Dec 2 (mié, 2 dic)."""
    if (locale := _other_locale(localized)) is not None:
        return locale.toString(_qdate(moment), "ddd, d MMM")
    return f"{moment:%a}, {moment:%b} {moment.day}"


def moment(
    instant: dt.datetime | None,
    zone: str | None = None,
    *,
    short: bool = False,
    pc_zone: dt.tzinfo | None = None,
    localized: bool = False,
) -> str:
    """Wednesday, December 2, 2026, 7:30 AM (CST); short: Wed, Dec 2, 7:30 AM (CST)."""
    if instant is None:
        return ""
    at = local(instant, zone)
    shown = short_day(at, localized=localized) if short else day(at, localized=localized)
    return f"{shown}, {clock(at, pc_zone=pc_zone, localized=localized)}"
