"""A plan-of-care series: the rule a course of visits was booked from (its visits are the
appointments that name it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from intake.db.base import Base, JSONDocument, UTCDateTime, utcnow


class AppointmentSeries(Base):
    """One course as the front desk booked it. The patient is not stored here: it is the
    visits' (a merge moves them, and the series follows)."""

    __tablename__ = "appointment_series"
    __table_args__ = (CheckConstraint("planned > 0 AND planned <= 60", name="planned_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="RESTRICT"))
    therapist_id: Mapped[int] = mapped_column(ForeignKey("therapists.id", ondelete="RESTRICT"))
    type_id: Mapped[int] = mapped_column(ForeignKey("appointment_types.id", ondelete="RESTRICT"))
    planned: Mapped[int]  # visits the rule asked for (some may have gone to the waitlist)
    rule: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
