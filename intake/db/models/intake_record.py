"""An intake: the screening answers for one episode of care and the stored result."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from intake.db.base import Base, JSONDocument, UTCDateTime, one_of, utcnow
from intake.domain.enums import ClosingReason, IntakeStatus
from intake.domain.languages import QUESTION_LANGUAGES


class Intake(Base):
    __tablename__ = "intakes"
    __table_args__ = (
        one_of("status", IntakeStatus, "known_status"),
        one_of("triage", ["emergency", "refer", "review", "clear"], "known_triage"),
        one_of("closing_reason", ClosingReason, "known_closing_reason"),
        one_of("patient_language", QUESTION_LANGUAGES, "known_patient_language"),  # 0012
        one_of("source", ["desk", "tablet"], "known_source"),  # 0014
        Index(None, "patient_id", "created_at"),
        Index(None, "status", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int | None] = mapped_column(
        ForeignKey("patients.id", ondelete="RESTRICT")
    )  # None while a new patient's intake is still a draft
    status: Mapped[str] = mapped_column(String(12), default=IntakeStatus.DRAFT.value)
    answers: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    checklist_id: Mapped[str] = mapped_column(String(60))
    checklist_version: Mapped[str] = mapped_column(String(20))
    # The language the questions were put to the patient in (same answers in any language).
    patient_language: Mapped[str] = mapped_column(String(10), default="en", server_default="en")
    # Who typed the answers: the front desk, or the patient on the waiting-room tablet.
    source: Mapped[str] = mapped_column(String(10), default="desk", server_default="desk")
    # The whole ScreeningResult as JSON, including the engine version that produced it,
    # so an old intake shows what was decided then.
    screening: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)
    screening_status: Mapped[str | None] = mapped_column(String(12))
    triage: Mapped[str | None] = mapped_column(String(10))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    returned_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    returned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    return_note: Mapped[str] = mapped_column(Text, default="")
    # Ended without finishing (status closed or discarded): why, by whom, when, and for a
    # discarded draft the reason given.
    closing_reason: Mapped[str | None] = mapped_column(String(20))
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    closing_note: Mapped[str | None] = mapped_column(Text)
    # A handover to the tablet of one location (0016; None: any tablet, or typed at the desk).
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id", ondelete="RESTRICT"))
    # When the patient touched Finish on the tablet (None: not finished there).
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # PostgreSQL: the tablet login that took this draft (set by the database, 0016; None:
    # typed at the desk, or a handover no tablet has taken yet). Nobody may change it.
    tablet_login: Mapped[str | None] = mapped_column(String(63))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
