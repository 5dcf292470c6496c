"""A red flag raised by a patient on the waiting-room tablet, for the front desk (0014)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from intake.db.base import Base, UTCDateTime, utcnow


class DeskAlert(Base):
    """Stays open until someone at the desk acknowledges it (audited). The message is the
    checklist's staff text for the rules that fired: never shown on the tablet."""

    __tablename__ = "desk_alerts"
    __table_args__ = (Index(None, "location_id", "acknowledged_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="RESTRICT"))
    intake_id: Mapped[int | None] = mapped_column(ForeignKey("intakes.id", ondelete="RESTRICT"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"))
    triage: Mapped[str] = mapped_column(String(10))  # emergency or refer
    rule_ids: Mapped[str] = mapped_column(Text)  # comma-separated rule ids
    message: Mapped[str] = mapped_column(Text)  # for staff
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
