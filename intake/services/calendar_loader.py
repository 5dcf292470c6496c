"""Reading the calendar inputs of one search window from the database, in two queries.

Locations with their hours, templates, closures and time off come from the cached set-up
(see calendar_statics: one query to learn it is current); appointments are streamed in start
order so the slot search reads only as far as it gets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from intake.db.models import Appointment
from intake.domain.enums import ACTIVE_APPOINTMENT_STATUSES
from intake.scheduling import BookedAppointment, CalendarInputs
from intake.services.calendar_statics import CalendarStatics, calendar_statics

_MARGIN = dt.timedelta(days=1)
_STREAM_BATCH = 1000
ACTIVE = [s.value for s in ACTIVE_APPOINTMENT_STATUSES]


def load_calendar(
    session: Session,
    first_day: dt.date,
    last_day: dt.date,
    *,
    location_ids: set[int] | None = None,
    therapist_id: int | None = None,
    include_appointments: bool = True,
    earliest: dt.datetime | None = None,
) -> CalendarInputs:
    """The inputs for local days first_day..last_day (a day's margin either side in UTC).

    With `earliest` (no slot before it is wanted), the appointments that ended before it
    are not read at all; `include_appointments=False` gives working time only.
    """
    working = working_calendar(
        calendar_statics(session), first_day, last_day, location_ids, therapist_id
    )
    if not include_appointments:
        return working
    return with_appointments(session, working, first_day, last_day, earliest)


def with_appointments(
    session: Session,
    working: CalendarInputs,
    first_day: dt.date,
    last_day: dt.date,
    earliest: dt.datetime | None = None,
    *,
    stream: bool = True,
) -> CalendarInputs:
    """The working calendar plus its therapists' appointments in start order: streamed (read
    only as far as the search gets), or with `stream=False` read at once into a tuple (one
    round trip; for a search that reads them all anyway)."""
    window_start = dt.datetime.combine(first_day, dt.time(), dt.UTC) - _MARGIN
    window_end = dt.datetime.combine(last_day, dt.time(), dt.UTC) + 2 * _MARGIN
    appointments = _appointments(
        session,
        {t.therapist_id for t in working.templates},
        max(window_start, earliest) if earliest else window_start,
        window_end,
        stream=stream,
    )
    return replace(working, appointments=appointments if stream else tuple(appointments))


def working_calendar(
    statics: CalendarStatics,
    first_day: dt.date,
    last_day: dt.date,
    location_ids: set[int] | None = None,
    therapist_id: int | None = None,
) -> CalendarInputs:
    """Working time only (no appointments) for local days first_day..last_day, from the
    cached set-up: no query."""
    locations = tuple(
        loc for loc in statics.locations if location_ids is None or loc.id in location_ids
    )
    ids = {loc.id for loc in locations}
    window_start = dt.datetime.combine(first_day, dt.time(), dt.UTC) - _MARGIN
    window_end = dt.datetime.combine(last_day, dt.time(), dt.UTC) + 2 * _MARGIN
    templates = tuple(
        t
        for t in statics.templates
        if t.location_id in ids
        and (therapist_id is None or t.therapist_id == therapist_id)
        and t.effective_from <= last_day
        and (t.effective_to is None or t.effective_to >= first_day)
    )
    return CalendarInputs(
        locations=locations,
        templates=templates,
        closures=statics.closures_between(ids, first_day - _MARGIN, last_day + _MARGIN),
        time_off=statics.time_off_between(
            {t.therapist_id for t in templates}, window_start, window_end
        ),
        appointments=(),
    )


def _appointments_query(
    *, narrow: bool, stream: bool
) -> Select[int, int, dt.datetime, dt.datetime]:
    a = Appointment
    query = (
        select(a.therapist_id, a.location_id, a.starts_at, a.blocks_until)
        .where(
            a.starts_at >= bindparam("scan_from"),
            a.starts_at < bindparam("end"),
            a.blocks_until > bindparam("start"),
            a.status.in_(ACTIVE),
        )
        .order_by(a.starts_at)
    )
    if narrow:  # a few therapists: let the (therapist, start) index work
        query = query.where(a.therapist_id.in_(bindparam("therapists", expanding=True)))
    return query.execution_options(yield_per=_STREAM_BATCH) if stream else query


# Built once: building a statement costs more Python than running it, and this one runs
# for every search and every lost race.
_APPOINTMENTS = {
    (narrow, stream): _appointments_query(narrow=narrow, stream=stream)
    for narrow in (False, True)
    for stream in (False, True)
}
_NARROW = 20


def _appointments(
    session: Session,
    therapist_ids: set[int],
    start: dt.datetime,
    end: dt.datetime,
    *,
    stream: bool = True,
) -> Iterator[BookedAppointment]:
    """Active appointments of the therapists that block time after `start`, in start order.

    Streamed: the search reads only as far as it gets (else read in one go). An appointment
    blocks at most a day (the database checks it), so the index on starts_at bounds the
    scan; rows that stopped blocking before `start` are dropped by the database.
    """
    narrow = len(therapist_ids) <= _NARROW
    params: dict[str, object] = {"scan_from": start - _MARGIN, "end": end, "start": start}
    if narrow:
        params["therapists"] = sorted(therapist_ids)
    # Core, not the ORM: plain rows.
    result = session.connection().execute(_APPOINTMENTS[narrow, stream], params)
    wanted = therapist_ids
    try:
        for therapist_id, location_id, starts_at, blocks_until in (
            result if stream else result.all()
        ):
            if therapist_id in wanted:
                # The buffer is folded into the end: only the blocked span matters here.
                yield BookedAppointment(therapist_id, location_id, starts_at, blocks_until)
    finally:
        result.close()  # on a stream read only part way, this closes the server cursor
