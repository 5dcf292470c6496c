"""Setting up the practice: locations, their opening hours and closures, appointment types.

Each public function is one unit of work: permission first, then one transaction that checks
the input, writes, audits (field names only) and returns plain values from domain.practice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from intake.db.models import AppointmentType, Closure, Location, OpeningHours
from intake.domain import practice as p
from intake.domain import type_colors
from intake.domain.errors import Invalid, NotFound
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.services import audit
from intake.services.actor import Actor
from intake.services.database import Database
from intake.services.locking import check_version, claim, flush, stale

# --- shared with staffing -------------------------------------------------------------------


def is_duplicate(exc: IntegrityError, column: str) -> bool:
    text = str(exc.orig).lower()
    return column in text and ("unique" in text or "duplicate" in text)


def code_taken(session: Session, model: Any, code: str) -> bool:
    return session.scalar(select(model.id).where(model.code == code)) is not None


def location_row(session: Session, code: str) -> Location:
    code = p.normalise_code(code)
    row = session.scalars(select(Location).where(Location.code == code)).one_or_none()
    if row is None:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP("PracticeAdmin", "There is no location with the code {code}."),
                code=repr(code),
            )
        )
    return row


def location_info(row: Location) -> p.LocationInfo:
    week: list[p.DayHours | None] = [None] * 7
    for day in row.opening_hours:
        week[day.weekday] = p.DayHours(day.opens, day.closes)
    return p.LocationInfo(
        id=row.id,
        code=row.code,
        name=row.name,
        address=row.address,
        phone=row.phone,
        timezone=row.timezone,
        active=row.active,
        version=row.version,
        hours=tuple(week),
    )


def _raise_if(problems: p.Problems) -> None:
    if problems:
        raise Invalid(problems)


# --- locations ------------------------------------------------------------------------------


def list_locations(
    database: Database, actor: Actor, *, include_inactive: bool = False
) -> list[p.LocationInfo]:
    actor.require(Permission.SCHEDULE)
    with database.reading() as session:
        query = select(Location).order_by(Location.code)
        if not include_inactive:
            query = query.where(Location.active.is_(True))
        return [location_info(row) for row in session.scalars(query)]


def get_location(database: Database, actor: Actor, code: str) -> p.LocationInfo:
    actor.require(Permission.SCHEDULE)
    with database.reading() as session:
        return location_info(location_row(session, code))


def _check_location_fields(name: str, address: str, phone: str, timezone: str) -> p.Problems:
    return {
        **p.check_required(
            "name", name, QT_TRANSLATE_NOOP("PracticeRules", "location's name"), max_length=120
        ),
        **p.check_length(
            "address", address, QT_TRANSLATE_NOOP("PracticeRules", "address"), max_length=250
        ),
        **p.check_length(
            "phone", phone, QT_TRANSLATE_NOOP("PracticeRules", "phone number"), max_length=40
        ),
        **p.check_timezone(timezone),
    }


def create_location(
    database: Database,
    actor: Actor,
    code: str,
    name: str,
    timezone: str,
    *,
    address: str = "",
    phone: str = "",
) -> p.LocationInfo:
    """A new location, closed every day until its opening hours are set."""
    actor.require(Permission.PRACTICE_ADMIN)
    code = p.normalise_code(code)
    _raise_if(
        {
            **p.check_code(code, QT_TRANSLATE_NOOP("PracticeRules", "location")),
            **_check_location_fields(name, address, phone, timezone),
        }
    )
    with database.writing() as session:
        if code_taken(session, Location, code):
            raise Invalid(
                {
                    "code": said(
                        QT_TRANSLATE_NOOP(
                            "PracticeAdmin", "The location code {code} is already in use."
                        ),
                        code=repr(code),
                    )
                }
            )
        row = Location(
            code=code,
            name=name.strip(),
            address=address.strip(),
            phone=phone.strip(),
            timezone=timezone,
            active=True,
        )
        session.add(row)
        try:
            session.flush()
        except IntegrityError as exc:  # another PC took the code a moment ago
            if is_duplicate(exc, "code"):
                raise Invalid(
                    {
                        "code": said(
                            QT_TRANSLATE_NOOP(
                                "PracticeAdmin", "The location code {code} is already in use."
                            ),
                            code=repr(code),
                        )
                    }
                ) from None
            raise
        audit.record(
            session,
            actor,
            "create",
            "location",
            row.id,
            fields=["code", "name", "address", "phone", "timezone", "active"],
        )
        return location_info(row)


def update_location(
    database: Database,
    actor: Actor,
    code: str,
    version: int,
    *,
    name: str | None = None,
    address: str | None = None,
    phone: str | None = None,
    timezone: str | None = None,
    active: bool | None = None,
) -> p.LocationInfo:
    """Change the given fields (None keeps a field) of the location read at `version`."""
    actor.require(Permission.PRACTICE_ADMIN)
    with database.writing() as session:
        row = location_row(session, code)
        what = said(QT_TRANSLATE_NOOP("Locking", "Location {code}"), code=row.code)
        check_version(row.version, version, what)
        texts = {
            "name": row.name if name is None else name.strip(),
            "address": row.address if address is None else address.strip(),
            "phone": row.phone if phone is None else phone.strip(),
            "timezone": row.timezone if timezone is None else timezone,
        }
        _raise_if(
            _check_location_fields(
                texts["name"], texts["address"], texts["phone"], texts["timezone"]
            )
        )
        wanted: dict[str, object] = {**texts, "active": row.active if active is None else active}
        changed = [field for field, value in wanted.items() if getattr(row, field) != value]
        for field in changed:
            setattr(row, field, wanted[field])
        if changed:
            flush(session, what)
            audit.record(session, actor, "update", "location", row.id, fields=changed)
        return location_info(row)


def deactivate_location(
    database: Database, actor: Actor, code: str, version: int
) -> p.LocationInfo:
    """Take a location out of use (kept for history; `update_location(active=True)` undoes)."""
    return update_location(database, actor, code, version, active=False)


def set_opening_hours(
    database: Database,
    actor: Actor,
    code: str,
    version: int,
    hours: Mapping[int, p.DayHours | None],
) -> p.LocationInfo:
    """Replace the whole week: weekdays (0 = Monday) missing from `hours` or None are closed."""
    actor.require(Permission.PRACTICE_ADMIN)
    _raise_if(p.check_week_hours(dict(hours)))
    week = {day: value for day, value in hours.items() if value is not None}
    with database.writing() as session:
        row = location_row(session, code)
        what = said(QT_TRANSLATE_NOOP("Locking", "Location {code}"), code=row.code)
        check_version(row.version, version, what)
        current = {h.weekday: p.DayHours(h.opens, h.closes) for h in row.opening_hours}
        if current == week:
            return location_info(row)
        claim(session, Location, row.id, version, what)
        existing = {h.weekday: h for h in row.opening_hours}
        for weekday, day in existing.items():
            if weekday not in week:
                row.opening_hours.remove(day)
        for weekday, value in week.items():
            if weekday in existing:
                existing[weekday].opens, existing[weekday].closes = value.opens, value.closes
            else:
                row.opening_hours.append(
                    OpeningHours(weekday=weekday, opens=value.opens, closes=value.closes)
                )
        session.flush()
        changed = sorted(
            {
                f"hours_{p.WEEKDAYS[d].lower()}"
                for d in set(current) | set(week)
                if current.get(d) != week.get(d)
            }
        )
        audit.record(session, actor, "update", "location", row.id, fields=changed)
        session.refresh(row)
        return location_info(row)


# --- closures -------------------------------------------------------------------------------


def _closure_info(row: Closure, code: str) -> p.ClosureInfo:
    return p.ClosureInfo(row.id, code, row.first_day, row.last_day, row.reason)


def add_closure(
    database: Database,
    actor: Actor,
    location_code: str,
    first_day: dt.date,
    last_day: dt.date,
    *,
    reason: str = "",
) -> p.ClosureInfo:
    """Close a location for whole local days, first_day to last_day inclusive."""
    actor.require(Permission.PRACTICE_ADMIN)
    _raise_if(
        {
            **p.check_closure(first_day, last_day),
            **p.check_length(
                "reason", reason, QT_TRANSLATE_NOOP("PracticeRules", "reason"), max_length=200
            ),
        }
    )
    with database.writing() as session:
        location = location_row(session, location_code)
        row = Closure(
            location_id=location.id, first_day=first_day, last_day=last_day, reason=reason.strip()
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "closure",
            row.id,
            fields=["location", "first_day", "last_day", "reason"],
        )
        return _closure_info(row, location.code)


def remove_closure(database: Database, actor: Actor, closure_id: int) -> None:
    actor.require(Permission.PRACTICE_ADMIN)
    with database.writing() as session:
        row = session.get(Closure, closure_id)
        if row is None:
            raise NotFound(
                said(
                    QT_TRANSLATE_NOOP(
                        "PracticeAdmin",
                        "There is no closure number {number} (it may have been removed).",
                    ),
                    number=closure_id,
                )
            )
        session.delete(row)
        audit.record(session, actor, "delete", "closure", closure_id)


def list_closures(
    database: Database,
    actor: Actor,
    start: dt.date,
    end: dt.date,
    *,
    location_code: str | None = None,
) -> list[p.ClosureInfo]:
    """Closures with at least one day in start..end (inclusive), soonest first."""
    actor.require(Permission.SCHEDULE)
    _raise_if(p.check_date_range(start, end))
    with database.reading() as session:
        query = (
            select(Closure, Location.code)
            .join(Location, Closure.location_id == Location.id)
            .where(Closure.first_day <= end, Closure.last_day >= start)
            .order_by(Closure.first_day, Location.code, Closure.id)
        )
        if location_code is not None:
            query = query.where(Location.id == location_row(session, location_code).id)
        return [_closure_info(row, code) for row, code in session.execute(query)]


# --- appointment types ----------------------------------------------------------------------


def _type_info(row: AppointmentType) -> p.AppointmentTypeInfo:
    return p.AppointmentTypeInfo(
        row.id,
        row.code,
        row.name,
        row.minutes,
        row.buffer_minutes,
        row.active,
        row.requires_screening,
        row.color,
    )


def _type_row(session: Session, code: str) -> AppointmentType:
    code = p.normalise_code(code)
    row = session.scalars(select(AppointmentType).where(AppointmentType.code == code)).one_or_none()
    if row is None:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP(
                    "PracticeAdmin", "There is no appointment type with the code {code}."
                ),
                code=repr(code),
            )
        )
    return row


def list_appointment_types(
    database: Database, actor: Actor, *, include_inactive: bool = False
) -> list[p.AppointmentTypeInfo]:
    actor.require(Permission.SCHEDULE)
    with database.reading() as session:
        query = select(AppointmentType).order_by(AppointmentType.code)
        if not include_inactive:
            query = query.where(AppointmentType.active.is_(True))
        return [_type_info(row) for row in session.scalars(query)]


def get_appointment_type(database: Database, actor: Actor, code: str) -> p.AppointmentTypeInfo:
    actor.require(Permission.SCHEDULE)
    with database.reading() as session:
        return _type_info(_type_row(session, code))


def create_appointment_type(
    database: Database,
    actor: Actor,
    code: str,
    name: str,
    minutes: int,
    *,
    buffer_minutes: int = 0,
    requires_screening: bool = False,
    color: str = type_colors.DEFAULT,
) -> p.AppointmentTypeInfo:
    actor.require(Permission.PRACTICE_ADMIN)
    code = p.normalise_code(code)
    _raise_if(
        {
            **p.check_code(code, QT_TRANSLATE_NOOP("PracticeRules", "appointment type")),
            **p.check_required(
                "name", name, QT_TRANSLATE_NOOP("PracticeRules", "name"), max_length=120
            ),
            **p.check_appointment_type(minutes, buffer_minutes),
            **type_colors.check_color(color),
        }
    )
    taken = Invalid(
        {
            "code": said(
                QT_TRANSLATE_NOOP(
                    "PracticeAdmin", "The appointment type code {code} is already in use."
                ),
                code=repr(code),
            )
        }
    )
    with database.writing() as session:
        if code_taken(session, AppointmentType, code):
            raise taken
        row = AppointmentType(
            code=code,
            name=name.strip(),
            minutes=minutes,
            buffer_minutes=buffer_minutes,
            requires_screening=requires_screening,
            color=type_colors.normalise(color),
        )
        session.add(row)
        try:
            session.flush()
        except IntegrityError as exc:  # another PC took the code a moment ago
            if is_duplicate(exc, "code"):
                raise taken from None
            raise
        audit.record(
            session,
            actor,
            "create",
            "appointment_type",
            row.id,
            fields=[
                "code",
                "name",
                "minutes",
                "buffer_minutes",
                "requires_screening",
                "active",
                "color",
            ],
        )
        return _type_info(row)


def update_appointment_type(
    database: Database,
    actor: Actor,
    was: p.AppointmentTypeInfo,
    now: p.AppointmentTypeInfo,
) -> p.AppointmentTypeInfo:
    """Change name, minutes, buffer, colour or active from `was` (as read) to `now`.

    Appointment types carry no version column, so the row must still equal `was`; otherwise
    someone else changed it and StaleRecord is raised. The code cannot change.
    """
    actor.require(Permission.PRACTICE_ADMIN)
    if (now.id, now.code) != (was.id, was.code):
        raise Invalid(
            {
                "code": said(
                    QT_TRANSLATE_NOOP(
                        "PracticeAdmin", "The code of an appointment type cannot be changed."
                    )
                )
            }
        )
    _raise_if(
        {
            **p.check_required(
                "name", now.name, QT_TRANSLATE_NOOP("PracticeRules", "name"), max_length=120
            ),
            **p.check_appointment_type(now.minutes, now.buffer_minutes),
            **type_colors.check_color(now.color),
        }
    )
    with database.writing() as session:
        row = session.scalars(
            select(AppointmentType).where(AppointmentType.id == was.id).with_for_update()
        ).one_or_none()
        if row is None or _type_info(row) != was:
            raise stale(
                said(QT_TRANSLATE_NOOP("Locking", "Appointment type {code}"), code=was.code)
            )
        wanted = {
            "name": now.name.strip(),
            "minutes": now.minutes,
            "buffer_minutes": now.buffer_minutes,
            "active": now.active,
            "color": type_colors.normalise(now.color),
        }
        changed = [field for field, value in wanted.items() if getattr(row, field) != value]
        for field in changed:
            setattr(row, field, wanted[field])
        if changed:
            session.flush()
            audit.record(session, actor, "update", "appointment_type", row.id, fields=changed)
        return _type_info(row)


def deactivate_appointment_type(
    database: Database, actor: Actor, code: str
) -> p.AppointmentTypeInfo:
    """Stop offering a type for new bookings; existing appointments keep it."""
    actor.require(Permission.PRACTICE_ADMIN)
    with database.writing() as session:
        row = _type_row(session, code)
        if row.active:
            row.active = False
            session.flush()
            audit.record(session, actor, "update", "appointment_type", row.id, fields=["active"])
        return _type_info(row)
