"""Finding free slots across every location: the front desk's "when can they come?"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from sqlalchemy.orm import Session

from intake.domain.booking import MAX_SEARCH_DAYS, SlotOffer, SlotRequest
from intake.domain.errors import Invalid
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, Words, said
from intake.scheduling import AppointmentType as TypeInput
from intake.scheduling import CalendarInputs, Slot, SlotQuery, find_slots, slots_by_nearness
from intake.services.actor import Actor
from intake.services.calendar_loader import with_appointments, working_calendar
from intake.services.calendar_statics import CalendarStatics, calendar_statics
from intake.services.database import Database

EARLIEST_DAY = dt.date(2000, 1, 1)
LATEST_DAY = dt.date(2100, 12, 31)


def find(database: Database, actor: Actor, request: SlotRequest) -> list[SlotOffer]:
    """The first free slots matching the request, soonest first across all locations."""
    actor.require(Permission.BOOKING)
    with database.reading() as session:
        return find_in(session, request)


def find_in(session: Session, request: SlotRequest) -> list[SlotOffer]:
    """`find` inside a unit of work that is already open."""
    statics = calendar_statics(session)
    query, location_ids = _query(statics, request)
    inputs = _inputs(session, statics, query, location_ids, request.therapist_id)
    try:
        return list(_offers(statics, request.type_code, find_slots(inputs, query)))
    finally:
        # The search stops reading once it has enough: close the stream (a server-side
        # cursor on PostgreSQL) here, while its connection is still this session's.
        close = getattr(inputs.appointments, "close", None)
        if close is not None:
            close()


def nearest(
    session: Session,
    stages: Sequence[SlotRequest],
    target: dt.datetime,
    n: int = 3,
    *,
    keep: Callable[[SlotOffer], bool] = lambda _offer: True,
    statics: CalendarStatics | None = None,
) -> list[SlotOffer]:
    """The n free slots nearest the wanted start (after a lost race) that `keep` accepts.

    Stages widen the search (same therapist, same location, everywhere, further out): the
    first stage that yields n gives the answer, else the last one's. Appointments are read
    once per distinct window of days and locations, in one round trip, since nearest looks
    both ways and reads the whole window anyway.
    """
    statics = statics or calendar_statics(session)
    read: dict[tuple[dt.date, dt.date, frozenset[int] | None], CalendarInputs] = {}
    chosen: list[SlotOffer] = []
    searched: set[tuple[object, ...]] = set()
    for stage in stages:
        query, location_ids = _query(statics, stage)
        scope = (query.first_day, query.last_day, query.location_ids)
        if scope not in read:  # every therapist there: a later stage may drop the therapist
            read[scope] = _inputs(session, statics, query, location_ids, None, stream=False)
        inputs = read[scope]
        # A wider stage that covers the same therapists (a location where only the wanted
        # therapist works, say) can only give the same answer: not searched twice.
        covered = frozenset(
            t.therapist_id
            for t in inputs.templates
            if query.therapist_id is None or t.therapist_id == query.therapist_id
        )
        if (scope, covered) in searched:
            continue
        searched.add((scope, covered))
        nearness = slots_by_nearness(target, inputs, query)
        kept = (o for o in _offers(statics, stage.type_code, nearness) if keep(o))
        chosen = list(islice(kept, n))
        if len(chosen) == n:
            break
    return chosen


def _inputs(
    session: Session,
    statics: CalendarStatics,
    query: SlotQuery,
    location_ids: set[int] | None,
    therapist_id: int | None,
    *,
    stream: bool = True,
) -> CalendarInputs:
    working = working_calendar(statics, query.first_day, query.last_day, location_ids, therapist_id)
    return with_appointments(
        session, working, query.first_day, query.last_day, query.earliest, stream=stream
    )


def type_input(statics: CalendarStatics, code: str) -> TypeInput:
    kind = statics.active_kind(code)
    return TypeInput(kind.code, kind.minutes, kind.buffer_minutes)


def _query(statics: CalendarStatics, request: SlotRequest) -> tuple[SlotQuery, set[int] | None]:
    problems: dict[str, Words] = {}
    if not 1 <= request.days <= MAX_SEARCH_DAYS:
        problems["days"] = said(
            QT_TRANSLATE_NOOP("SlotSearch", "Search between 1 and {most} days, not {days}."),
            most=MAX_SEARCH_DAYS,
            days=request.days,
        )
    if not EARLIEST_DAY <= request.first_day <= LATEST_DAY:
        problems["from"] = said(
            QT_TRANSLATE_NOOP("SlotSearch", "{day} is outside the dates the program books."),
            day=request.first_day,
        )
    if not 1 <= request.limit <= 500:
        problems["limit"] = said(
            QT_TRANSLATE_NOOP("SlotSearch", "Ask for 1 to 500 slots, not {limit}."),
            limit=request.limit,
        )
    if bad := [d for d in request.weekdays if not 0 <= d <= 6]:
        problems["weekdays"] = said(
            QT_TRANSLATE_NOOP("SlotSearch", "Weekdays are 0 (Monday) to 6 (Sunday), not {bad}."),
            bad=bad,
        )
    location_ids = _location_ids(statics, request.location_codes, problems)
    if request.therapist_id is not None and request.therapist_id not in statics.staff:
        problems["therapist"] = said(
            QT_TRANSLATE_NOOP("SlotSearch", "There is no therapist with id {number}."),
            number=request.therapist_id,
        )
    try:
        kind = type_input(statics, request.type_code)
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
    statics: CalendarStatics, codes: Iterable[str], problems: dict[str, Words]
) -> set[int] | None:
    wanted = {c.strip().upper() for c in codes if c.strip()}
    if not wanted:
        return None
    found = {loc.code: loc.id for loc in statics.locations if loc.code in wanted}
    if missing := sorted(wanted - set(found)):
        problems["location"] = said(
            QT_TRANSLATE_NOOP("SlotSearch", "Unknown location code: {codes}."),
            codes=", ".join(missing),
        )
    return set(found.values())


def _offers(statics: CalendarStatics, type_code: str, slots: Iterable[Slot]) -> Iterator[SlotOffer]:
    """The slots as the front desk reads them out, lazily."""
    code = type_code.strip().upper()
    for s in slots:
        place = statics.places[s.location_id]
        yield SlotOffer(
            therapist_id=s.therapist_id,
            therapist_name=statics.staff[s.therapist_id].display_name,
            location_id=s.location_id,
            location_code=place.code,
            location_name=place.name,
            location_address=place.address,
            timezone=place.timezone,
            type_code=code,
            start=s.start,
            end=s.end,
            local_start=s.local_start,
        )
