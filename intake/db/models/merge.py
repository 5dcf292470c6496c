"""A merge of two patient records: what it changed and moved, so it can be undone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from intake.db.base import Base, JSONDocument, UTCDateTime, utcnow


class PatientMerge(Base):
    """One merge (intake.services.patient_merge): the merged record became a tombstone
    pointing to the surviving one. Field values are kept here, not in the audit trail, which
    holds field names only; only admins may read this table (PostgreSQL grants)."""

    __tablename__ = "patient_merges"
    __table_args__ = (
        CheckConstraint("surviving_id <> merged_id", name="two_records"),
        Index(None, "surviving_id"),
        Index(None, "merged_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    surviving_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"))
    merged_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"))
    merged_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    merged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Field → value before the merge, for each record (dates as ISO text).
    surviving_before: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    merged_before: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    # The fields the survivor took from the merged record.
    taken: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    # Table → ids of the rows moved to the survivor (what an undo moves back).
    moved: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    undone_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
