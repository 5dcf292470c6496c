"""How the booking screens say dates, times and places (the location's local time)."""

from __future__ import annotations

import datetime as dt

from intake.domain.booking import SlotOffer, Visit
from intake.ui import when


def clock(moment: dt.datetime) -> str:
    """9:00 AM, as a receptionist reads it out (intake.ui.when, one way everywhere)."""
    return when.time_of_day(moment)


def day(moment: dt.datetime | dt.date) -> str:
    """Monday, March 1, 2027."""
    return when.day(moment)


def zone(moment: dt.datetime) -> str:
    return moment.tzname() or ""


def span(start: dt.datetime, end: dt.datetime) -> str:
    """9:00 AM – 10:00 AM EST."""
    return f"{clock(start)} – {clock(end)} {zone(start)}".rstrip()


def offer_sentence(offer: SlotOffer) -> str:
    """The whole slot in one line, for tool tips and screen readers."""
    local = offer.local_start
    return (
        f"{day(local)}, {span(local, offer.local_end)}, "
        f"{offer.therapist_name} at {offer.location_name}"
    )


def visit_sentence(visit: Visit) -> str:
    local = visit.local_start
    return f"{day(local)} at {clock(local)} {zone(local)}, {visit.location_name}"


def address_lines(address: str) -> list[str]:
    parts = [p.strip() for line in address.splitlines() for p in line.split(",")]
    return [p for p in parts if p]
