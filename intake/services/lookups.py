"""Small look-ups several services share, with the errors a person understands."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.db.models import Appointment, AppointmentType, Location, Therapist
from intake.domain.errors import Invalid


def active_type(session: Session, code: str) -> AppointmentType:
    """The bookable appointment type with this code (any case), or Invalid naming the code."""
    row = session.scalars(
        select(AppointmentType).where(AppointmentType.code == code.strip().upper())
    ).one_or_none()
    if row is None or not row.active:
        raise Invalid({"type": f"There is no appointment type with the code {code!r}."})
    return row


def visit_parts(
    session: Session, appointment: Appointment
) -> tuple[Location, Therapist, AppointmentType]:
    """The location, therapist and type a visit's description needs (from the session's
    identity map when already loaded)."""
    location = session.get(Location, appointment.location_id)
    therapist = session.get(Therapist, appointment.therapist_id)
    kind = session.get(AppointmentType, appointment.type_id)
    assert location is not None and therapist is not None and kind is not None
    return location, therapist, kind
