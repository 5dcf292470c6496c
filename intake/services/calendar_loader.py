"""Reading the calendar inputs of one search window from the database, in a few queries.

Locations with their hours, templates, closures and time off are small; appointments are
streamed in start order so the slot search reads only as far as it gets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from intake.db.models import (
    Appointment,
    AvailabilityTemplate,
    Closure,
    Location,
    Therapist,
    TimeOff,
)
from intake.db.models import OpeningHours as OpeningHoursRow
from intake.domain.enums import ACTIVE_APPOINTMENT_STATUSES
from intake.scheduling import (
    AvailabilityTemplate as TemplateInput,
)
from intake.scheduling import (
    BookedAppointment,
    CalendarInputs,
    OpeningHours,
)
from intake.scheduling import (
    Closure as ClosureInput,
)
from intake.scheduling import (
    Location as LocationInput,
)
from intake.scheduling import (
    TimeOff as TimeOffInput,
)

_MARGIN = dt.timedelta(days=1)
_STREAM_BATCH = 1000
ACTIVE = [s.value for s in ACTIVE_APPOINTMENT_STATUSES]


def _location_inputs(
    session: Session, location_ids: set[int] | None = None
) -> tuple[LocationInput, ...]:
    """Active locations with their opening hours, as plain rows (two small queries)."""
    query = select(Location.id, Location.code, Location.timezone).where(Location.active.is_(True))
    hours_query = select(
        OpeningHoursRow.location_id,
        OpeningHoursRow.weekday,
        OpeningHoursRow.opens,
        OpeningHoursRow.closes,
    )
    if location_ids is not None:
        query = query.where(Location.id.in_(location_ids))
        hours_query = hours_query.where(OpeningHoursRow.location_id.in_(location_ids))
    hours: dict[int, list[OpeningHours]] = {}
    for location_id, weekday, opens, closes in session.execute(hours_query):
        hours.setdefault(location_id, []).append(OpeningHours(weekday, opens, closes))
    return tuple(
        LocationInput(loc_id, code, zone, tuple(hours.get(loc_id, ())))
        for loc_id, code, zone in session.execute(query.order_by(Location.id))
    )


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
    locations = _location_inputs(session, location_ids)
    ids = {loc.id for loc in locations}
    window_start = dt.datetime.combine(first_day, dt.time(), dt.UTC) - _MARGIN
    window_end = dt.datetime.combine(last_day, dt.time(), dt.UTC) + 2 * _MARGIN
    templates = tuple(_templates(session, ids, first_day, last_day, therapist_id))
    therapist_ids = {t.therapist_id for t in templates}
    return CalendarInputs(
        locations=locations,
        templates=templates,
        closures=tuple(_closures(session, ids, first_day - _MARGIN, last_day + _MARGIN)),
        time_off=tuple(_time_off(session, therapist_ids, window_start, window_end)),
        appointments=_appointments(
            session,
            therapist_ids,
            max(window_start, earliest) if earliest else window_start,
            window_end,
        )
        if include_appointments
        else (),
    )


def _templates(
    session: Session,
    location_ids: set[int],
    first_day: dt.date,
    last_day: dt.date,
    therapist_id: int | None,
) -> Iterator[TemplateInput]:
    # Plain columns, not ORM objects: a search reads every template of the practice.
    t = AvailabilityTemplate
    query = (
        select(
            t.therapist_id,
            t.location_id,
            t.weekday,
            t.start_time,
            t.end_time,
            t.effective_from,
            t.effective_to,
        )
        .join(Therapist, Therapist.id == t.therapist_id)
        .where(
            Therapist.active.is_(True),
            t.location_id.in_(location_ids),
            t.effective_from <= last_day,
            or_(t.effective_to.is_(None), t.effective_to >= first_day),
        )
    )
    if therapist_id is not None:
        query = query.where(t.therapist_id == therapist_id)
    for row in session.execute(query):
        yield TemplateInput(*row)


def _closures(
    session: Session, location_ids: set[int], first: dt.date, last: dt.date
) -> Iterator[ClosureInput]:
    query = select(Closure.location_id, Closure.first_day, Closure.last_day).where(
        Closure.location_id.in_(location_ids),
        Closure.first_day <= last,
        Closure.last_day >= first,
    )
    for location_id, first_day, last_day in session.execute(query):
        yield ClosureInput(location_id, first_day, last_day)


def _time_off(
    session: Session, therapist_ids: set[int], start: dt.datetime, end: dt.datetime
) -> Iterator[TimeOffInput]:
    query = select(TimeOff.therapist_id, TimeOff.starts_at, TimeOff.ends_at).where(
        TimeOff.therapist_id.in_(therapist_ids),
        TimeOff.starts_at < end,
        TimeOff.ends_at > start,
    )
    for therapist_id, starts_at, ends_at in session.execute(query):
        yield TimeOffInput(therapist_id, starts_at, ends_at)


def _appointments(
    session: Session,
    therapist_ids: set[int],
    start: dt.datetime,
    end: dt.datetime,
) -> Iterator[BookedAppointment]:
    """Active appointments of the therapists that block time after `start`, in start order.

    Streamed: the search reads only as far as it gets. An appointment blocks at most a day
    (the database checks it), so the index on starts_at bounds the scan; rows that stopped
    blocking before `start` are dropped by the database, not by Python.
    """
    a = Appointment
    query = (
        select(a.therapist_id, a.location_id, a.starts_at, a.blocks_until)
        .where(
            and_(
                a.starts_at >= start - _MARGIN,
                a.starts_at < end,
                a.blocks_until > start,
                a.status.in_(ACTIVE),
            )
        )
        .order_by(a.starts_at)
        .execution_options(yield_per=_STREAM_BATCH)
    )
    if len(therapist_ids) <= 20:  # a narrow search: let the (therapist, start) index work
        query = query.where(a.therapist_id.in_(therapist_ids))
    wanted = therapist_ids
    for therapist_id, location_id, starts_at, blocks_until in session.execute(query):
        if therapist_id in wanted:
            # The buffer is folded into the end: only the blocked span matters here.
            yield BookedAppointment(therapist_id, location_id, starts_at, blocks_until)
