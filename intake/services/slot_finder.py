"""Finding free slots across every location: the front desk's "when can they come?"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import Any

from sqlalchemy import DateTime, Select, String, bindparam, select, type_coerce
from sqlalchemy.orm import Session

from intake.db.models import Appointment
from intake.domain.booking import MAX_SEARCH_DAYS, SlotOffer, SlotRequest
from intake.domain.enums import ACTIVE_APPOINTMENT_STATUSES
from intake.domain.errors import Invalid
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, Words, said
from intake.scheduling import AppointmentType as TypeInput
from intake.scheduling import (
    BusyRow,
    CalendarInputs,
    Slot,
    SlotQuery,
    find_slots,
    slots_by_nearness,
)
from intake.services.actor import Actor
from intake.services.calendar_loader import working_calendar
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
        # The search stops reading once it has enough: close the stream here, while its
        # connection is still this session's.
        close = getattr(inputs.busy, "close", None)
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
    working, therapists = _working(
        statics, query.first_day, query.last_day, location_ids, therapist_id
    )
    start = dt.datetime.combine(query.first_day, dt.time(), dt.UTC) - _MARGIN
    end = dt.datetime.combine(query.last_day, dt.time(), dt.UTC) + 2 * _MARGIN
    if query.earliest is not None:
        start = max(start, query.earliest)
    busy = _busy(session, therapists, start, end)
    return replace(working, busy=busy if stream else tuple(busy))


# The working calendar of a search, kept with the set-up it came from: searches come many a
# minute and the set-up changes a few times a week, so the same tuples (and the index the
# search keeps of them) serve search after search. Held with the set-up itself, so that a
# set-up's identity is never reused while it is a key here.
_WORKING: dict[tuple[object, ...], tuple[CalendarStatics, CalendarInputs, frozenset[int]]] = {}
_WORKING_KEPT = 32


def _working(
    statics: CalendarStatics,
    first_day: dt.date,
    last_day: dt.date,
    location_ids: set[int] | None,
    therapist_id: int | None,
) -> tuple[CalendarInputs, frozenset[int]]:
    """The working calendar and its therapists."""
    places = frozenset(location_ids) if location_ids is not None else None
    key = (id(statics), first_day, last_day, places, therapist_id)
    kept = _WORKING.get(key)
    if kept is not None and kept[0] is statics:
        return kept[1], kept[2]
    working = working_calendar(statics, first_day, last_day, location_ids, therapist_id)
    therapists = frozenset(t.therapist_id for t in working.templates)
    if len(_WORKING) >= _WORKING_KEPT:
        _WORKING.clear()
    _WORKING[key] = (statics, working, therapists)
    return working, therapists


# The busy time of a search: three columns, in start order, with no per-row type processing
# (a search at a chain reads thousands of rows; converting them is most of its cost).
_MARGIN = dt.timedelta(days=1)
_ACTIVE = [s.value for s in ACTIVE_APPOINTMENT_STATUSES]
_NARROW = 20  # up to this many therapists, the (therapist, start) index does the work
# Many therapists: read half a day of starts first. A first-20 search at a chain needs a few
# hours of all of them; one plain query a window costs fewer round trips than a
# server-side cursor (declare, fetch, close), and rows are converted only as needed.
_WINDOW = dt.timedelta(hours=12)
# A few therapists (one location's): their first days, then further as needed. Read all at
# once, 60 days of a location's visits took PostgreSQL's driver 5 ms to take in.
_NARROW_WINDOW = dt.timedelta(days=2)


def _busy_query(*, narrow: bool, raw: type[String] | type[DateTime]) -> Select[int, Any, Any]:
    a = Appointment
    query = (
        select(a.therapist_id, type_coerce(a.starts_at, raw()), type_coerce(a.blocks_until, raw()))
        .where(
            a.starts_at >= bindparam("scan_from"),
            a.starts_at < bindparam("end"),
            a.blocks_until > bindparam("start"),
            a.status.in_(_ACTIVE),
        )
        .order_by(a.starts_at)
    )
    if narrow:
        # Read at once, not through a cursor: PostgreSQL plans a cursor for its first rows
        # (the starts_at index, skipping every other therapist's), 20 ms at a chain.
        query = query.where(a.therapist_id.in_(bindparam("therapists", expanding=True)))
    return query


# Built once: building a statement costs more than running it. SQLite hands back the stored
# UTC text (parsed below, far quicker than the generic type); PostgreSQL aware datetimes.
_BUSY = {
    (narrow, sqlite): _busy_query(narrow=narrow, raw=String if sqlite else DateTime)
    for narrow in (False, True)
    for sqlite in (False, True)
}


def _busy(
    session: Session, therapist_ids: frozenset[int], start: dt.datetime, end: dt.datetime
) -> Iterator[BusyRow]:
    """(therapist, start, blocked until) of the therapists' active appointments that block
    time after `start`, in start order, read as far as the search gets. An appointment
    blocks at most a day (the database checks it), so the index on starts_at bounds the
    scan."""
    narrow = len(therapist_ids) <= _NARROW
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    statement = _BUSY[narrow, sqlite]
    params: dict[str, object] = {"scan_from": start - _MARGIN, "start": start}
    if narrow:
        params["therapists"] = sorted(therapist_ids)
    wanted, utc, parse = therapist_ids, dt.UTC, dt.datetime.fromisoformat
    step = _NARROW_WINDOW if narrow else _WINDOW
    window_end = min(end, start + step)
    while True:
        params["end"] = window_end
        result = connection.execute(statement, params)
        try:
            if sqlite:
                # Stored naive UTC text; naming the offset in the text parses far quicker
                # than setting tzinfo afterwards.
                for therapist_id, starts_at, blocks_until in result:
                    if therapist_id in wanted:
                        yield (
                            therapist_id,
                            parse(starts_at + "+00:00"),
                            parse(blocks_until + "+00:00"),
                        )
            else:
                for therapist_id, starts_at, blocks_until in result:
                    if therapist_id in wanted:
                        yield (
                            therapist_id,
                            starts_at.astimezone(utc),
                            blocks_until.astimezone(utc),
                        )
        finally:
            result.close()  # the search may stop part way
        if window_end >= end:
            return
        # A search that goes on past the first window may go far: each window twice the last.
        step *= 2
        params["scan_from"], window_end = window_end, min(end, window_end + step)


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
