"""Dates and times as people read them, one way everywhere.

A visit's time is its location's wall clock. When that location's zone differs from this
computer's at that moment, the time carries its zone's abbreviation ("07:30 CST"), so a list
that mixes locations in different zones never looks mis-sorted or misleads.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

DAY = "%a %d %b %Y"  # Wed 02 Dec 2026
SHORT_DAY = "%a %d %b"  # Wed 02 Dec
CLOCK = "%H:%M"


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


def clock(at: dt.datetime, *, pc_zone: dt.tzinfo | None = None) -> str:
    """07:30, or 07:30 CST when the location's clock is not this computer's."""
    text = at.strftime(CLOCK)
    if at.tzinfo is None:
        return text
    mine = at.astimezone(pc_zone or here())
    if mine.utcoffset() != at.utcoffset():
        text += f" {at.tzname()}"
    return text


def moment(
    instant: dt.datetime | None,
    zone: str | None = None,
    *,
    short: bool = False,
    pc_zone: dt.tzinfo | None = None,
) -> str:
    """Wed 02 Dec 2026, 07:30 (CST): a visit's start as a person reads it."""
    if instant is None:
        return ""
    at = local(instant, zone)
    day = at.strftime(SHORT_DAY if short else DAY)
    return f"{day}{' ' if short else ', '}{clock(at, pc_zone=pc_zone)}"
