"""Finding free slots across every location: the front desk's "when can they come?"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.db.models import Location, Therapist
from intake.domain.booking import MAX_SEARCH_DAYS, SlotOffer, SlotRequest
from intake.domain.errors import Invalid
from intake.domain.permissions import Permission
from intake.scheduling import AppointmentType as TypeInput
from intake.scheduling import CalendarInputs, Slot, SlotQuery, find_slots, nearest_free_slots
from intake.services.actor import Actor
from intake.services.calendar_loader import load_calendar
from intake.services.database import Database
from intake.services.lookups import active_type

EARLIEST_DAY = dt.date(2000, 1, 1)
LATEST_DAY = dt.date(2100, 12, 31)


def find(database: Database, actor: Actor, request: SlotRequest) -> list[SlotOffer]:
    """The first free slots matching the request, soonest first across all locations."""
    actor.require(Permission.BOOKING)
    with database.reading() as session:
        return find_in(session, request)


def find_in(session: Session, request: SlotRequest) -> list[SlotOffer]:
    """`find` inside a unit of work that is already open."""
    query, location_ids = _query(session, request)
    inputs = _inputs(session, query, location_ids, request.therapist_id)
    return _offers(session, request.type_code, find_slots(inputs, query))


def nearest(
    session: Session, request: SlotRequest, target: dt.datetime, n: int = 3
) -> list[SlotOffer]:
    """The n free slots nearest the wanted start (after a lost race), within the request."""
    query, location_ids = _query(session, request)
    inputs = _inputs(session, query, location_ids, request.therapist_id)
    materialised = CalendarInputs(
        inputs.locations,
        inputs.templates,
        inputs.closures,
        inputs.time_off,
        tuple(inputs.appointments),
    )
    return _offers(session, request.type_code, nearest_free_slots(target, materialised, query, n))


def _inputs(
    session: Session, query: SlotQuery, location_ids: set[int] | None, therapist_id: int | None
) -> CalendarInputs:
    return load_calendar(
        session,
        query.first_day,
        query.last_day,
        location_ids=location_ids,
        therapist_id=therapist_id,
        earliest=query.earliest,
    )


def type_input(session: Session, code: str) -> TypeInput:
    row = active_type(session, code)
    return TypeInput(row.code, row.minutes, row.buffer_minutes)


def _query(session: Session, request: SlotRequest) -> tuple[SlotQuery, set[int] | None]:
    problems: dict[str, str] = {}
    if not 1 <= request.days <= MAX_SEARCH_DAYS:
        problems["days"] = f"Search between 1 and {MAX_SEARCH_DAYS} days, not {request.days}."
    if not EARLIEST_DAY <= request.first_day <= LATEST_DAY:
        problems["from"] = f"{request.first_day} is outside the dates the program books."
    if not 1 <= request.limit <= 500:
        problems["limit"] = f"Ask for 1 to 500 slots, not {request.limit}."
    if bad := [d for d in request.weekdays if not 0 <= d <= 6]:
        problems["weekdays"] = f"Weekdays are 0 (Monday) to 6 (Sunday), not {bad}."
    location_ids = _location_ids(session, request.location_codes, problems)
    if request.therapist_id is not None and session.get(Therapist, request.therapist_id) is None:
        problems["therapist"] = f"There is no therapist with id {request.therapist_id}."
    try:
        kind = type_input(session, request.type_code)
    except Invalid as exc:
        problems.update(exc.problems)
    if problems:
        raise Invalid(problems)
    earliest = request.earliest or dt.datetime.now(dt.UTC)
    query = SlotQuery(
        appointment_type=kind,
        first_day=request.first_day,
        last_day=request.last_day,
        location_ids=frozenset(location_ids) if location_ids is not None else None,
        therapist_id=request.therapist_id,
        weekdays=frozenset(request.weekdays) or None,
        parts_of_day=frozenset(request.parts_of_day) or None,
        earliest=earliest,
        limit=request.limit,
    )
    return query, location_ids


def _location_ids(
    session: Session, codes: Iterable[str], problems: dict[str, str]
) -> set[int] | None:
    wanted = {c.strip().upper() for c in codes if c.strip()}
    if not wanted:
        return None
    rows = session.execute(
        select(Location.code, Location.id).where(Location.code.in_(wanted), Location.active)
    ).all()
    found = {code: loc_id for code, loc_id in rows}
    if missing := sorted(wanted - set(found)):
        problems["location"] = f"Unknown location code: {', '.join(missing)}."
    return set(found.values())


def _offers(session: Session, type_code: str, slots: Iterable[Slot]) -> list[SlotOffer]:
    found = list(slots)
    if not found:
        return []
    locations = {
        row.id: row
        for row in session.scalars(
            select(Location).where(Location.id.in_({s.location_id for s in found}))
        )
    }
    names = dict(
        session.execute(
            select(Therapist.id, Therapist.display_name).where(
                Therapist.id.in_({s.therapist_id for s in found})
            )
        ).all()
    )
    code = type_code.strip().upper()
    return [
        SlotOffer(
            therapist_id=s.therapist_id,
            therapist_name=names[s.therapist_id],
            location_id=s.location_id,
            location_code=locations[s.location_id].code,
            location_name=locations[s.location_id].name,
            location_address=locations[s.location_id].address,
            timezone=locations[s.location_id].timezone,
            type_code=code,
            start=s.start,
            end=s.end,
            local_start=s.local_start,
        )
        for s in found
    ]
