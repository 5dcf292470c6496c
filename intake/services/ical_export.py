"""iCalendar (.ics) files, to RFC 5545 and its scheduling rules, iTIP (RFC 5546): a booked
visit for the patient's own calendar, its cancellation, and a schedule's visits for the
practice's calendar (the Schedule area's export).

For the patient (`calendar_text`, `save`):
- A booked (or moved) visit is an iTIP REQUEST, a cancelled one a CANCEL with STATUS:CANCELLED.
  Both carry the appointment's stable UID, and SEQUENCE = the row's version - 1: it starts at 0
  and rises with every change (move, cancel, ...), which is how a calendar knows that a later
  file replaces the entry it holds, and a stale one does not.
- iTIP requires ORGANIZER and at least one ATTENDEE in a REQUEST (RFC 5546 §3.2.2) and ORGANIZER
  plus the attendees in a CANCEL of the whole event (§3.2.5). Both are cal-addresses (URIs), so
  a role without an address is impossible. The file goes to the patient but must not identify
  them, so neither is a real mailbox: the ORGANIZER is the practice's front desk
  (`mailto:front-desk@clinic-intake.invalid`, named by the location), the ATTENDEE
  `mailto:attendee@clinic-intake.invalid`, already ACCEPTED with RSVP=FALSE (the time was agreed
  at the desk; no reply is wanted). The .invalid domain (RFC 2606) never resolves: a reply a
  program sends anyway goes nowhere. This is the shape of an invitation and its cancellation
  that Outlook, Apple Calendar and Thunderbird expect: they match a later file to the entry by
  UID and take it only if its SEQUENCE is higher. A program that only imports files (Google
  Calendar's "Import") adds the event; it may not remove one for a CANCEL file, so the front
  desk still tells the patient.
- Times are local wall-clock times with TZID = the location's IANA zone, and a VTIMEZONE for
  each TZID made from the zoneinfo data, covering the years of the events.
- SUMMARY and DESCRIPTION are in the patient's language (`language`: "es" Spanish, anything
  else English; issue #20 point 4), from the small table `PHRASES` and a pure date formatter
  (this layer has no Qt), independent of the language the staff read the program in.
- SUMMARY and DESCRIPTION name only the practice's location, the place and the time: no visit
  type, therapist, patient or note (the file leaves the practice). CLASS:PRIVATE asks calendars
  that are shared to show the time as busy only.

For a plan-of-care course (`course_text`, `save_course`): one file the patient imports once,
METHOD:PUBLISH with one event per booked visit, each the same event as that visit's own file
(its UID and SEQUENCE). iTIP allows one UID per REQUEST, so a course cannot be one invitation;
a recurrence rule with exceptions would break the moment one visit moves alone. A later move
or cancellation of one visit is that visit's own REQUEST or CANCEL, matched by its UID.

For the practice (`schedule_text`): METHOD:PUBLISH (a calendar to subscribe to or import, not
an invitation), with the same UID, DTSTAMP, SEQUENCE and VTIMEZONEs; an event names the
appointment's reference and location code, never a patient, type or therapist (the CSV export
carries those for use inside the practice).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from intake.domain.booking import Visit
from intake.domain.enums import AppointmentStatus
from intake.domain.schedule import ScheduleBlock

if TYPE_CHECKING:
    from icalendar import Calendar, Event

PRODID = "-//Clinic Intake//Appointment confirmation//EN"
SCHEDULE_PRODID = "-//Clinic Intake//Schedule export//EN"
UID_DOMAIN = "clinic-intake.invalid"
# Never real mailboxes (see the module's docstring): iTIP needs cal-addresses, the patient's
# file must not carry their identity, and no reply should reach anyone.
ORGANIZER = f"mailto:front-desk@{UID_DOMAIN}"
ATTENDEE = f"mailto:attendee@{UID_DOMAIN}"


# The patient's words, per language (a new language: a new entry with every key).
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "summary": "Appointment at {location}",
        "cancelled_summary": "Cancelled: {summary}",
        "when": "{date}, {time} local time ({zone})",
        "booked": "{when}.",
        "cancelled": "Cancelled: the appointment on {when}.",
    },
    "es": {
        "summary": "Cita en {location}",
        "cancelled_summary": "Cancelada: {summary}",
        "when": "{date}, {time}, hora local ({zone})",
        "booked": "{when}.",
        "cancelled": "Cancelada: la cita del {when}.",
    },
}
_ES_DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_ES_MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
)  # fmt: skip


def patient_language(preferred: str) -> str:
    """The language a patient's papers are written in: Spanish for "es", else English."""
    return preferred if preferred in PHRASES else "en"


def spoken_date(moment: dt.datetime, language: str) -> str:
    """The date and the 24-hour time as the patient reads them, without the C library's
    locale (which a process shares and Qt may not be there to give): "Wednesday 02 December
    2026", "miércoles 2 de diciembre de 2026"."""
    if patient_language(language) == "es":
        return (
            f"{_ES_DAYS[moment.weekday()]} {moment.day} de {_ES_MONTHS[moment.month - 1]} "
            f"de {moment.year}"
        )
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    months = (
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    )  # fmt: skip
    return f"{days[moment.weekday()]} {moment.day:02d} {months[moment.month - 1]} {moment.year}"


def event_uid(visit: Visit) -> str:
    """Stable per appointment: a rescheduled visit updates the same calendar entry."""
    return _uid(visit.id)


def _uid(appointment_id: int) -> str:
    return f"appointment-{appointment_id}@{UID_DOMAIN}"


def _sequence(version: int) -> int:
    """SEQUENCE from the row's version (1 when booked, +1 on every change)."""
    return max(version - 1, 0)


def calendar_text(visit: Visit, *, language: str = "en", stamp: dt.datetime | None = None) -> bytes:
    """The .ics content for one visit: an iTIP REQUEST, or a CANCEL once the visit is
    cancelled, its words in the patient's `language`. `stamp` (DTSTAMP) defaults to now."""
    from icalendar import Calendar  # imported when used: a heavy module

    cancelled = visit.status == AppointmentStatus.CANCELLED
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    calendar.add_component(
        _event(visit, _utc(stamp or dt.datetime.now(dt.UTC)), cancelled, language)
    )
    _add_zones(calendar, [(visit.start, visit.end)])
    return calendar.to_ical()


def save(
    visit: Visit, path: str | Path, *, language: str = "en", stamp: dt.datetime | None = None
) -> Path:
    """Write the visit's .ics file (its booking, or its cancellation) in the patient's
    `language`; returns the path."""
    target = Path(path)
    if target.suffix.lower() != ".ics":
        target = target.with_name(target.name + ".ics")
    target.write_bytes(calendar_text(visit, language=language, stamp=stamp))
    return target


def course_text(
    visits: Sequence[Visit], *, language: str = "en", stamp: dt.datetime | None = None
) -> bytes:
    """The .ics content for a course: every visit still booked, one event each (PUBLISH),
    in the patient's `language`."""
    from icalendar import Calendar  # imported when used: a heavy module

    booked = [v for v in visits if v.status != AppointmentStatus.CANCELLED]
    if not booked:
        raise ValueError("a course's calendar file needs at least one booked visit")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    at = _utc(stamp or dt.datetime.now(dt.UTC))
    for visit in sorted(booked, key=lambda v: v.start):
        calendar.add_component(_event(visit, at, False, language))
    _add_zones(calendar, [(v.start, v.end) for v in booked])
    return calendar.to_ical()


def save_course(
    visits: Sequence[Visit],
    path: str | Path,
    *,
    language: str = "en",
    stamp: dt.datetime | None = None,
) -> Path:
    """Write a course's .ics file; returns the path written."""
    target = Path(path)
    if target.suffix.lower() != ".ics":
        target = target.with_name(target.name + ".ics")
    target.write_bytes(course_text(visits, language=language, stamp=stamp))
    return target


def _event(visit: Visit, stamp: dt.datetime, cancelled: bool, language: str) -> Event:
    from icalendar import Event as NewEvent  # imported when used: a heavy module

    zone = ZoneInfo(visit.timezone)
    event = NewEvent()
    event.add("uid", event_uid(visit))
    event.add("dtstamp", stamp)
    event.add("sequence", _sequence(visit.version))
    event.add("dtstart", visit.start.astimezone(zone))
    event.add("dtend", visit.end.astimezone(zone))
    # A backslash is not an escape in a parameter value (RFC 5545 §3.2), but the icalendar
    # library writes and reads it as one, which breaks the line: a name shows it as "/".
    event.add("organizer", ORGANIZER, parameters={"CN": visit.location_name.replace("\\", "/")})
    event.add(
        "attendee",
        ATTENDEE,
        parameters={
            "CUTYPE": "INDIVIDUAL",
            "ROLE": "REQ-PARTICIPANT",
            "PARTSTAT": "ACCEPTED",
            "RSVP": "FALSE",
        },
    )
    language = patient_language(language)
    words = PHRASES[language]
    what = words["summary"].format(location=visit.location_name)
    event.add("summary", words["cancelled_summary"].format(summary=what) if cancelled else what)
    event.add("location", _place(visit))
    event.add("description", _description(visit, cancelled, language))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("class", "PRIVATE")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def _place(visit: Visit) -> str:
    lines = [line.strip() for line in visit.location_address.splitlines() if line.strip()]
    return ", ".join([visit.location_name, *lines])


def _description(visit: Visit, cancelled: bool, language: str) -> str:
    local = visit.local_start
    words = PHRASES[language]
    when = words["when"].format(
        date=spoken_date(local, language), time=f"{local:%H:%M}", zone=visit.timezone
    )
    line = words["cancelled" if cancelled else "booked"].format(when=when)
    return f"{line}\n{_place(visit)}"


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("calendar times must be timezone-aware")
    return moment.astimezone(dt.UTC)


def _add_zones(calendar: Calendar, spans: Sequence[tuple[dt.datetime, dt.datetime]]) -> None:
    """A VTIMEZONE for every TZID, from the zoneinfo data, covering the events' years (from
    1 January of the first to 1 January after the last, so every transition in between is
    in it)."""
    if not spans:
        return
    first = min(start for start, _ in spans).astimezone(dt.UTC).date()
    last = max(end for _, end in spans).astimezone(dt.UTC).date()
    # A day's margin either side: the local date can be a day off the UTC one.
    first_year = (first - dt.timedelta(days=1)).year
    last_year = (last + dt.timedelta(days=1)).year
    calendar.add_missing_timezones(dt.date(first_year, 1, 1), dt.date(last_year + 1, 1, 1))


def schedule_text(blocks: Sequence[ScheduleBlock], *, stamp: dt.datetime | None = None) -> bytes:
    """The visits as iCalendar events for the practice's own calendar (PUBLISH). Calendar
    files travel to phones and cloud services, so an event names the appointment's reference
    and the location, never the patient, the visit type or the therapist."""
    from icalendar import Calendar, Event  # imported when used: a heavy module

    calendar = Calendar()
    calendar.add("prodid", SCHEDULE_PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    stamp = _utc(stamp or dt.datetime.now(dt.UTC))
    for b in blocks:
        local_start, local_end = b.local_start, b.local_end
        event = Event()
        event.add("uid", _uid(b.appointment_id))
        event.add("dtstamp", stamp)
        event.add("sequence", _sequence(b.version))
        event.add("dtstart", local_start)
        event.add("dtend", local_end)
        event.add("summary", f"Appointment {b.appointment_id} at {b.location_code}")
        event.add("location", b.location_code)
        event.add(
            "description",
            f"{local_start:%A %d %B %Y}, {local_start:%H:%M}-{local_end:%H:%M} local time "
            f"({b.timezone}) at {b.location_code}. Status: {_status_word(b.status)}.",
        )
        event.add("status", "CANCELLED" if b.status == AppointmentStatus.CANCELLED else "CONFIRMED")
        event.add("class", "PRIVATE")
        calendar.add_component(event)
    _add_zones(calendar, [(b.start, b.end) for b in blocks])
    return calendar.to_ical()


def _status_word(status: AppointmentStatus) -> str:
    return status.value.replace("_", " ")
