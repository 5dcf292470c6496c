"""iCalendar (.ics) files: a booked visit for the patient's own calendar, and a schedule's
visits for the practice's (the Schedule area's export).

The event names the visit type, the place with its address and the therapist; never the
patient (the file leaves the practice). Times are written in UTC, so every calendar program
shows them in its own zone without needing the location's time-zone definition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from intake.domain.booking import Visit
from intake.domain.enums import AppointmentStatus
from intake.domain.schedule import ScheduleBlock

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//Clinic Intake//Appointment confirmation//EN"
SCHEDULE_PRODID = "-//Clinic Intake//Schedule export//EN"
UID_DOMAIN = "clinic-intake.invalid"


def event_uid(visit: Visit) -> str:
    """Stable per appointment: a rescheduled visit updates the same calendar entry."""
    return _uid(visit.id)


def _uid(appointment_id: int) -> str:
    return f"appointment-{appointment_id}@{UID_DOMAIN}"


def calendar_text(visit: Visit, *, stamp: dt.datetime | None = None) -> bytes:
    """The .ics content for one visit; `stamp` (DTSTAMP) defaults to now."""
    from icalendar import Calendar  # imported when used: a heavy module

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(_event(visit, stamp or dt.datetime.now(dt.UTC)))
    return calendar.to_ical()


def save(visit: Visit, path: str | Path, *, stamp: dt.datetime | None = None) -> Path:
    """Write the visit's .ics file; returns the path written."""
    target = Path(path)
    if target.suffix.lower() != ".ics":
        target = target.with_name(target.name + ".ics")
    target.write_bytes(calendar_text(visit, stamp=stamp))
    return target


def _event(visit: Visit, stamp: dt.datetime) -> Event:
    from icalendar import Event as NewEvent  # imported when used: a heavy module

    event = NewEvent()
    event.add("uid", event_uid(visit))
    event.add("dtstamp", _utc(stamp))
    event.add("dtstart", _utc(visit.start))
    event.add("dtend", _utc(visit.end))
    event.add("summary", f"{visit.type_name} at {visit.location_name}")
    event.add("location", _place(visit))
    event.add("description", _description(visit))
    event.add("sequence", max(visit.version - 1, 0))
    event.add("status", "CANCELLED" if visit.status.value == "cancelled" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def _place(visit: Visit) -> str:
    lines = [line.strip() for line in visit.location_address.splitlines() if line.strip()]
    return ", ".join([visit.location_name, *lines])


def _description(visit: Visit) -> str:
    local = visit.local_start
    return (
        f"{visit.type_name} with {visit.therapist_name}.\n"
        f"{local:%A %d %B %Y}, {local:%H:%M} local time ({visit.timezone}).\n"
        f"{_place(visit)}"
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("calendar times must be timezone-aware")
    return moment.astimezone(dt.UTC)


def schedule_text(blocks: Sequence[ScheduleBlock], *, stamp: dt.datetime | None = None) -> bytes:
    """The visits as iCalendar events. Calendar files travel to phones and cloud services, so
    an event names the patient by record number only, never by name."""
    from icalendar import Calendar, Event  # imported when used: a heavy module

    calendar = Calendar()
    calendar.add("prodid", SCHEDULE_PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    stamp = stamp or dt.datetime.now(dt.UTC)
    for b in blocks:
        event = Event()
        event.add("uid", _uid(b.appointment_id))
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        event.add("dtstart", b.start.astimezone(dt.UTC))
        event.add("dtend", b.end.astimezone(dt.UTC))
        event.add("summary", f"{b.type_name} - patient #{b.patient_id}")
        event.add("location", b.location_code)
        event.add("description", f"With {b.therapist_name}. Status: {_status_word(b.status)}.")
        event.add("sequence", max(b.version - 1, 0))
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()


def _status_word(status: AppointmentStatus) -> str:
    return status.value.replace("_", " ")
