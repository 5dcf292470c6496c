"""The audit trail: append-only (triggers in the first migration reject UPDATE and DELETE)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from intake.db.base import Base, JSONDocument, UTCDateTime, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index(None, "occurred_at"),
        Index(None, "patient_id", "occurred_at"),
        Index(None, "user_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    username: Mapped[str] = mapped_column(String(64), default="")
    workstation: Mapped[str] = mapped_column(String(120), default="")
    # PostgreSQL: the login that wrote the row (session_user), set by the database.
    db_login: Mapped[str | None] = mapped_column(String(63))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    patient_id: Mapped[int | None] = mapped_column(Integer)  # no FK: the trail outlives records
    # Names of the fields that changed, never their values (no patient data in the trail).
    fields: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
