"""Small look-ups several services share, with the errors a person understands."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.db.models import AppointmentType
from intake.domain.errors import Invalid


def active_type(session: Session, code: str) -> AppointmentType:
    """The bookable appointment type with this code (any case), or Invalid naming the code."""
    row = session.scalars(
        select(AppointmentType).where(AppointmentType.code == code.strip().upper())
    ).one_or_none()
    if row is None or not row.active:
        raise Invalid({"type": f"There is no appointment type with the code {code!r}."})
    return row
