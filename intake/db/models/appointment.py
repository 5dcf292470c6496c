"""Booked time: appointment types, appointments and the waitlist."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from intake.db.base import Base, JSONDocument, UTCDateTime, one_of, utcnow
from intake.domain.enums import AppointmentStatus, WaitlistStatus


class AppointmentType(Base):
    __tablename__ = "appointment_types"
    __table_args__ = (
        CheckConstraint("minutes > 0 AND minutes <= 480", name="minutes_range"),
        CheckConstraint("buffer_minutes >= 0 AND buffer_minutes <= 120", name="buffer_range"),
        # '#rrggbb' in lower case, or '' for the default palette (domain.type_colors).
        CheckConstraint(
            "color = '' OR (length(color) = 7 AND substr(color, 1, 1) = '#' "
            "AND ltrim(substr(color, 2), '0123456789abcdef') = '')",
            name="color_form",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    minutes: Mapped[int] = mapped_column(Integer)
    buffer_minutes: Mapped[int] = mapped_column(Integer, default=0)
    # Visits of this type (the initial evaluation) need a complete, bookable screening.
    requires_screening: Mapped[bool] = mapped_column(default=False, server_default=false())
    active: Mapped[bool] = mapped_column(default=True)
    color: Mapped[str] = mapped_column(String(7), default="", server_default="")


class Appointment(Base):
    """One booked visit. The no-overlap rules are enforced by the database itself (exclusion
    constraints on PostgreSQL, triggers on SQLite; see the first migration), so two PCs racing
    for one slot cannot both win: a therapist's [starts_at, blocks_until) and a patient's
    [starts_at, ends_at) never overlap among active appointments."""

    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="end_after_start"),
        CheckConstraint("blocks_until >= ends_at", name="blocks_after_end"),
        one_of("status", AppointmentStatus, "known_status"),
        CheckConstraint(
            "cancelled_by IS NULL OR cancelled_by IN ('patient', 'clinic')",
            name="known_cancelled_by",
        ),
        # Only a patient's cancellation can be a late one (domain.visit_rules).
        CheckConstraint(
            "late_cancellation = false OR cancelled_by = 'patient'", name="late_is_patients"
        ),
        Index(None, "starts_at"),  # the slot search streams all therapists by start
        Index(None, "therapist_id", "starts_at"),
        Index(None, "location_id", "starts_at"),
        Index(None, "patient_id", "starts_at"),
        # A visit of a course has its number in it; any other visit has neither.
        CheckConstraint(
            "(series_id IS NULL AND series_number IS NULL) OR "
            "(series_id IS NOT NULL AND series_number >= 1)",
            name="series_numbered",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"))
    therapist_id: Mapped[int] = mapped_column(ForeignKey("therapists.id", ondelete="RESTRICT"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="RESTRICT"))
    type_id: Mapped[int] = mapped_column(ForeignKey("appointment_types.id", ondelete="RESTRICT"))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # End of the type's turnover buffer: the therapist is not free again before it.
    blocks_until: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default=AppointmentStatus.BOOKED.value)
    intake_id: Mapped[int | None] = mapped_column(
        ForeignKey("intakes.id", ondelete="SET NULL"), index=True
    )
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    booked_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    booked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    late_cancellation: Mapped[bool] = mapped_column(Boolean, default=False)
    cancelled_by: Mapped[str | None] = mapped_column(String(10))
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment_series.id", ondelete="RESTRICT"), index=True
    )
    series_number: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class WaitlistEntry(Base):
    __tablename__ = "waitlist_entries"
    __table_args__ = (
        one_of("status", WaitlistStatus, "known_status"),
        Index(None, "status", "priority", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    intake_id: Mapped[int | None] = mapped_column(ForeignKey("intakes.id", ondelete="SET NULL"))
    type_id: Mapped[int | None] = mapped_column(ForeignKey("appointment_types.id"))
    # {"locations": [ids], "weekdays": [0-6], "parts_of_day": [...], "therapist_id": id|null}
    preferences: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    earliest_date: Mapped[dt.date | None] = mapped_column(Date)
    priority: Mapped[int] = mapped_column(Integer, default=0)  # lower = more urgent
    status: Mapped[str] = mapped_column(String(10), default=WaitlistStatus.WAITING.value)
    note: Mapped[str] = mapped_column(Text, default="")
    # Why the desk took the entry off the list (the audit trail names no reasons).
    removed_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
