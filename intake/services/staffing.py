"""Who works where and when: therapists, their weekly templates and their time off.

Each public function is one unit of work (see practice_admin). Changes to one therapist's
templates lock that therapist's row first, so two PCs cannot add clashing templates at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from intake.db.models import AvailabilityTemplate, Location, Therapist, TimeOff
from intake.domain import practice as p
from intake.domain.errors import Invalid, NotFound
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.services import audit
from intake.services.actor import Actor
from intake.services.database import Database
from intake.services.locking import check_version, claim, flush, stale
from intake.services.practice_admin import location_info, location_row

MAX_TIME_OFF_LIST_DAYS = 3 * 366


def _raise_if(problems: p.Problems) -> None:
    if problems:
        raise Invalid(problems)


def _therapist_info(row: Therapist) -> p.TherapistInfo:
    return p.TherapistInfo(
        id=row.id,
        display_name=row.display_name,
        credentials=row.credentials,
        active=row.active,
        version=row.version,
        location_codes=tuple(sorted(loc.code for loc in row.locations)),
        user_id=row.user_id,
    )


def _therapist_row(session: Session, therapist_id: int, *, lock: bool = False) -> Therapist:
    query = select(Therapist).where(Therapist.id == therapist_id)
    if lock:
        query = query.with_for_update()
    row = session.scalars(query).one_or_none()
    if row is None:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP("Staffing", "There is no therapist number {number}."),
                number=therapist_id,
            )
        )
    return row


def _locations(session: Session, codes: Iterable[str]) -> list[Location]:
    rows = []
    for code in sorted({p.normalise_code(c) for c in codes}):
        try:
            rows.append(location_row(session, code))
        except NotFound as exc:
            raise Invalid({"locations": str(exc)}) from None
    return rows


def _check_therapist_fields(display_name: str, credentials: str) -> p.Problems:
    return {
        **p.check_required(
            "display_name",
            display_name,
            QT_TRANSLATE_NOOP("PracticeRules", "therapist's name"),
            max_length=120,
        ),
        **p.check_length(
            "credentials",
            credentials,
            QT_TRANSLATE_NOOP("PracticeRules", "credentials"),
            max_length=60,
        ),
    }


# --- therapists -----------------------------------------------------------------------------


def list_therapists(
    database: Database,
    actor: Actor,
    *,
    include_inactive: bool = False,
    location_code: str | None = None,
) -> list[p.TherapistInfo]:
    actor.require(Permission.SCHEDULE)
    with database.reading() as session:
        query = (
            select(Therapist)
            .options(selectinload(Therapist.locations))
            .order_by(Therapist.display_name, Therapist.id)
        )
        if not include_inactive:
            query = query.where(Therapist.active.is_(True))
        if location_code is not None:
            location = location_row(session, location_code)
            query = query.where(Therapist.locations.any(Location.id == location.id))
        return [_therapist_info(row) for row in session.scalars(query)]


def get_therapist(database: Database, actor: Actor, therapist_id: int) -> p.TherapistInfo:
    actor.require(Permission.SCHEDULE)
    with database.reading() as session:
        return _therapist_info(_therapist_row(session, therapist_id))


def create_therapist(
    database: Database,
    actor: Actor,
    display_name: str,
    *,
    credentials: str = "",
    location_codes: Iterable[str] = (),
) -> p.TherapistInfo:
    actor.require(Permission.PRACTICE_ADMIN)
    _raise_if(_check_therapist_fields(display_name, credentials))
    with database.writing() as session:
        row = Therapist(
            display_name=display_name.strip(),
            credentials=credentials.strip(),
            active=True,
            locations=_locations(session, location_codes),
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "therapist",
            row.id,
            fields=["display_name", "credentials", "active", "locations"],
        )
        return _therapist_info(row)


def update_therapist(
    database: Database,
    actor: Actor,
    therapist_id: int,
    version: int,
    *,
    display_name: str | None = None,
    credentials: str | None = None,
    active: bool | None = None,
) -> p.TherapistInfo:
    """Change the given fields (None keeps a field) of the therapist read at `version`."""
    actor.require(Permission.PRACTICE_ADMIN)
    with database.writing() as session:
        row = _therapist_row(session, therapist_id)
        what = said(QT_TRANSLATE_NOOP("Locking", "Therapist {id}"), id=therapist_id)
        check_version(row.version, version, what)
        texts = {
            "display_name": row.display_name if display_name is None else display_name.strip(),
            "credentials": row.credentials if credentials is None else credentials.strip(),
        }
        _raise_if(_check_therapist_fields(texts["display_name"], texts["credentials"]))
        wanted: dict[str, object] = {**texts, "active": row.active if active is None else active}
        changed = [field for field, value in wanted.items() if getattr(row, field) != value]
        for field in changed:
            setattr(row, field, wanted[field])
        if changed:
            flush(session, what)
            audit.record(session, actor, "update", "therapist", row.id, fields=changed)
        return _therapist_info(row)


def deactivate_therapist(
    database: Database, actor: Actor, therapist_id: int, version: int
) -> p.TherapistInfo:
    """Take a therapist off the schedule (kept for history; update active=True undoes)."""
    return update_therapist(database, actor, therapist_id, version, active=False)


def assign_locations(
    database: Database,
    actor: Actor,
    therapist_id: int,
    version: int,
    location_codes: Iterable[str],
) -> p.TherapistInfo:
    """Set the locations the therapist works at (the whole set).

    A location cannot be taken away while the therapist still has a current or future
    weekly template there.
    """
    actor.require(Permission.PRACTICE_ADMIN)
    with database.writing() as session:
        row = _therapist_row(session, therapist_id)
        what = said(QT_TRANSLATE_NOOP("Locking", "Therapist {id}"), id=therapist_id)
        check_version(row.version, version, what)
        wanted = _locations(session, location_codes)
        if {loc.id for loc in wanted} == {loc.id for loc in row.locations}:
            return _therapist_info(row)
        claim(session, Therapist, row.id, version, what)
        kept = {loc.id for loc in wanted}
        today = dt.datetime.now(dt.UTC).date()
        for loc in row.locations:
            if loc.id in kept:
                continue
            in_use = session.scalar(
                select(AvailabilityTemplate.id).where(
                    AvailabilityTemplate.therapist_id == row.id,
                    AvailabilityTemplate.location_id == loc.id,
                    (AvailabilityTemplate.effective_to.is_(None))
                    | (AvailabilityTemplate.effective_to >= today),
                )
            )
            if in_use is not None:
                raise Invalid(
                    {
                        "locations": said(
                            QT_TRANSLATE_NOOP(
                                "Staffing",
                                "{location} ({code}) still has weekly templates of this "
                                "therapist; end or remove them first.",
                            ),
                            location=loc.name,
                            code=loc.code,
                        )
                    }
                )
        row.locations = wanted
        session.flush()
        audit.record(session, actor, "update", "therapist", row.id, fields=["locations"])
        session.refresh(row)
        return _therapist_info(row)


# --- weekly templates -----------------------------------------------------------------------


def _template_info(row: AvailabilityTemplate, code: str) -> p.TemplateInfo:
    return p.TemplateInfo(
        id=row.id,
        therapist_id=row.therapist_id,
        location_code=code,
        weekday=row.weekday,
        start=row.start_time,
        end=row.end_time,
        effective_from=row.effective_from,
        effective_to=row.effective_to,
    )


def _templates_of(session: Session, therapist_id: int, weekday: int) -> list[p.TemplateInfo]:
    query = (
        select(AvailabilityTemplate, Location.code)
        .join(Location, AvailabilityTemplate.location_id == Location.id)
        .where(
            AvailabilityTemplate.therapist_id == therapist_id,
            AvailabilityTemplate.weekday == weekday,
        )
        .order_by(AvailabilityTemplate.start_time, AvailabilityTemplate.id)
    )
    return [_template_info(row, code) for row, code in session.execute(query)]


def _validate_template(session: Session, therapist: Therapist, wanted: p.TemplateInfo) -> Location:
    """Every rule a template must meet; returns its location. Raises Invalid."""
    _raise_if(
        p.check_template_shape(
            wanted.weekday, wanted.start, wanted.end, wanted.effective_from, wanted.effective_to
        )
    )
    try:
        location = location_row(session, wanted.location_code)
    except NotFound as exc:
        raise Invalid({"location": exc.message}) from None
    label = f"{location.name} ({location.code})"
    if not therapist.active:
        raise Invalid(
            {
                "therapist": said(
                    QT_TRANSLATE_NOOP("Staffing", "{name} is no longer active."),
                    name=therapist.display_name,
                )
            }
        )
    if not location.active:
        raise Invalid(
            {
                "location": said(
                    QT_TRANSLATE_NOOP("Staffing", "{location} is no longer in use."), location=label
                )
            }
        )
    if location.id not in {loc.id for loc in therapist.locations}:
        raise Invalid(
            {
                "location": said(
                    QT_TRANSLATE_NOOP("Staffing", "{name} is not assigned to work at {location}."),
                    name=therapist.display_name,
                    location=label,
                )
            }
        )
    hours = location_info(location).hours_on(wanted.weekday)
    _raise_if(p.check_within_hours(wanted.weekday, wanted.start, wanted.end, hours, label))
    clash = p.first_overlap(wanted, _templates_of(session, therapist.id, wanted.weekday))
    if clash is not None:
        other = location_row(session, clash.location_code)
        raise Invalid(p.describe_overlap(wanted, clash, f"{other.name} ({other.code})"))
    return location


def list_templates(
    database: Database,
    actor: Actor,
    *,
    therapist_id: int | None = None,
    location_code: str | None = None,
    on: dt.date | None = None,
) -> list[p.TemplateInfo]:
    """Weekly templates, optionally of one therapist, at one location, or in force on a date."""
    actor.require(Permission.SCHEDULE)
    with database.reading() as session:
        query = (
            select(AvailabilityTemplate, Location.code)
            .join(Location, AvailabilityTemplate.location_id == Location.id)
            .order_by(
                AvailabilityTemplate.therapist_id,
                AvailabilityTemplate.weekday,
                AvailabilityTemplate.start_time,
                AvailabilityTemplate.id,
            )
        )
        if therapist_id is not None:
            query = query.where(AvailabilityTemplate.therapist_id == therapist_id)
        if location_code is not None:
            query = query.where(Location.id == location_row(session, location_code).id)
        if on is not None:
            query = query.where(
                AvailabilityTemplate.effective_from <= on,
                AvailabilityTemplate.effective_to.is_(None)
                | (AvailabilityTemplate.effective_to >= on),
            )
        return [_template_info(row, code) for row, code in session.execute(query)]


def add_template(
    database: Database,
    actor: Actor,
    therapist_id: int,
    location_code: str,
    weekday: int,
    start: dt.time,
    end: dt.time,
    effective_from: dt.date,
    effective_to: dt.date | None = None,
) -> p.TemplateInfo:
    """A weekly working window, in the location's local time; effective dates inclusive."""
    actor.require(Permission.PRACTICE_ADMIN)
    wanted = p.TemplateInfo(
        0,
        therapist_id,
        p.normalise_code(location_code),
        weekday,
        start,
        end,
        effective_from,
        effective_to,
    )
    with database.writing() as session:
        therapist = _therapist_row(session, therapist_id, lock=True)
        location = _validate_template(session, therapist, wanted)
        row = AvailabilityTemplate(
            therapist_id=therapist.id,
            location_id=location.id,
            weekday=weekday,
            start_time=start,
            end_time=end,
            effective_from=effective_from,
            effective_to=effective_to,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "availability_template",
            row.id,
            fields=[
                "therapist",
                "location",
                "weekday",
                "start",
                "end",
                "effective_from",
                "effective_to",
            ],
        )
        return _template_info(row, location.code)


def update_template(
    database: Database, actor: Actor, was: p.TemplateInfo, now: p.TemplateInfo
) -> p.TemplateInfo:
    """Change a template from `was` (as the caller read it) to `now` (same id and therapist).

    Templates carry no version column: if the stored row no longer equals `was`, someone
    else changed it and StaleRecord is raised.
    """
    actor.require(Permission.PRACTICE_ADMIN)
    if (now.id, now.therapist_id) != (was.id, was.therapist_id):
        raise Invalid(
            {
                "therapist": said(
                    QT_TRANSLATE_NOOP(
                        "Staffing", "A template cannot move to another therapist; add a new one."
                    )
                )
            }
        )
    now = replace(now, location_code=p.normalise_code(now.location_code))
    with database.writing() as session:
        therapist = _therapist_row(session, was.therapist_id, lock=True)
        row = session.get(AvailabilityTemplate, was.id)
        what = said(QT_TRANSLATE_NOOP("Locking", "This weekly template"))
        if row is None:
            raise stale(what)
        code = session.scalar(select(Location.code).where(Location.id == row.location_id))
        if _template_info(row, code or "") != was:
            raise stale(what)
        location = _validate_template(session, therapist, now)
        wanted = {
            "location_id": location.id,
            "weekday": now.weekday,
            "start_time": now.start,
            "end_time": now.end,
            "effective_from": now.effective_from,
            "effective_to": now.effective_to,
        }
        changed = [field for field, value in wanted.items() if getattr(row, field) != value]
        for field in changed:
            setattr(row, field, wanted[field])
        if changed:
            session.flush()
            names = {"location_id": "location", "start_time": "start", "end_time": "end"}
            audit.record(
                session,
                actor,
                "update",
                "availability_template",
                row.id,
                fields=[names.get(field, field) for field in changed],
            )
        return _template_info(row, location.code)


def remove_template(database: Database, actor: Actor, template_id: int) -> None:
    """Delete a template outright (to stop it from a date, update its effective_to instead)."""
    actor.require(Permission.PRACTICE_ADMIN)
    with database.writing() as session:
        row = session.get(AvailabilityTemplate, template_id)
        if row is None:
            raise NotFound(
                said(
                    QT_TRANSLATE_NOOP("Staffing", "There is no weekly template number {number}."),
                    number=template_id,
                )
            )
        session.delete(row)
        audit.record(session, actor, "delete", "availability_template", template_id)


# --- time off -------------------------------------------------------------------------------


def _time_off_info(row: TimeOff) -> p.TimeOffInfo:
    return p.TimeOffInfo(row.id, row.therapist_id, row.starts_at, row.ends_at, row.reason)


def add_time_off(
    database: Database,
    actor: Actor,
    therapist_id: int,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    reason: str = "",
) -> p.TimeOffInfo:
    """Time the therapist is away, as time-zone-aware instants (stored in UTC)."""
    actor.require(Permission.PRACTICE_ADMIN)
    _raise_if(
        {
            **p.check_time_off(starts_at, ends_at),
            **p.check_length(
                "reason", reason, QT_TRANSLATE_NOOP("PracticeRules", "reason"), max_length=200
            ),
        }
    )
    with database.writing() as session:
        therapist = _therapist_row(session, therapist_id)
        row = TimeOff(
            therapist_id=therapist.id,
            starts_at=starts_at.astimezone(dt.UTC),
            ends_at=ends_at.astimezone(dt.UTC),
            reason=reason.strip(),
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "time_off",
            row.id,
            fields=["therapist", "starts_at", "ends_at", "reason"],
        )
        return _time_off_info(row)


def remove_time_off(database: Database, actor: Actor, time_off_id: int) -> None:
    actor.require(Permission.PRACTICE_ADMIN)
    with database.writing() as session:
        row = session.get(TimeOff, time_off_id)
        if row is None:
            raise NotFound(
                said(
                    QT_TRANSLATE_NOOP(
                        "Staffing",
                        "There is no time off number {number} (it may have been removed).",
                    ),
                    number=time_off_id,
                )
            )
        session.delete(row)
        audit.record(session, actor, "delete", "time_off", time_off_id)


def list_time_off(
    database: Database,
    actor: Actor,
    start: dt.datetime,
    end: dt.datetime,
    *,
    therapist_id: int | None = None,
) -> list[p.TimeOffInfo]:
    """Time off that overlaps start..end (aware instants), earliest first."""
    actor.require(Permission.SCHEDULE)
    problems = p.check_time_off(start, end)
    _raise_if({{"starts_at": "start", "ends_at": "end"}[k]: v for k, v in problems.items()})
    if end - start > dt.timedelta(days=MAX_TIME_OFF_LIST_DAYS):
        raise Invalid(
            {
                "end": said(
                    QT_TRANSLATE_NOOP("PracticeRules", "Choose a range of at most {limit} days."),
                    limit=MAX_TIME_OFF_LIST_DAYS,
                )
            }
        )
    with database.reading() as session:
        query = (
            select(TimeOff)
            .where(TimeOff.starts_at < end, TimeOff.ends_at > start)
            .order_by(TimeOff.starts_at, TimeOff.id)
        )
        if therapist_id is not None:
            query = query.where(TimeOff.therapist_id == therapist_id)
        return [_time_off_info(row) for row in session.scalars(query)]
