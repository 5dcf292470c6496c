"""The patient record (demographics, contact, payer) kept by the front desk."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from intake.db.base import Base, UTCDateTime, one_of, utcnow
from intake.domain.enums import Sex
from intake.domain.languages import Language


class Patient(Base):
    __tablename__ = "patients"
    __table_args__ = (
        one_of("sex", Sex, "known_sex"),
        one_of("preferred_language", Language, "known_preferred_language"),  # 0012
        CheckConstraint("length(desk_note) <= 2000", name="desk_note_length"),
        # A merged record (a tombstone) points to the record that took its place; that one
        # is never a tombstone itself (a trigger, migration 0010).
        CheckConstraint(
            "merged_into_id IS NULL OR merged_into_id <> id", name="not_merged_into_itself"
        ),
        # Type-ahead search: prefix matches on normalised names (text_pattern_ops lets
        # PostgreSQL use the index for LIKE 'abc%' whatever the database collation).
        Index(
            "ix_patients_family_norm_given_norm",
            "family_norm",
            "given_norm",
            postgresql_ops={"family_norm": "text_pattern_ops", "given_norm": "text_pattern_ops"},
        ),
        Index(
            "ix_patients_given_norm",
            "given_norm",
            postgresql_ops={"given_norm": "text_pattern_ops"},
        ),
        Index(
            "ix_patients_phone_digits",
            "phone_digits",
            postgresql_ops={"phone_digits": "text_pattern_ops"},
        ),
        Index("ix_patients_date_of_birth", "date_of_birth"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mrn: Mapped[str] = mapped_column(String(20), unique=True)
    family_name: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    preferred_name: Mapped[str] = mapped_column(String(100), default="")
    # Lower-case, accent-free copies kept by the service for search.
    family_norm: Mapped[str] = mapped_column(String(100))
    given_norm: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[dt.date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(10))
    phone: Mapped[str] = mapped_column(String(40), default="")
    phone_digits: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address_line: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    preferred_language: Mapped[str] = mapped_column(String(40), default="en")
    emergency_contact_name: Mapped[str] = mapped_column(String(200), default="")
    emergency_contact_phone: Mapped[str] = mapped_column(String(40), default="")
    payer: Mapped[str] = mapped_column(String(100), default="")
    member_id: Mapped[str] = mapped_column(String(60), default="")
    referral_source: Mapped[str] = mapped_column(String(100), default="")
    referring_provider: Mapped[str] = mapped_column(String(200), default="")
    # What the front desk should know before the patient arrives (access needs, a guardian...).
    desk_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    preferred_location_id: Mapped[int | None] = mapped_column(
        ForeignKey("locations.id", ondelete="SET NULL")
    )
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("patients.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


# Byte order on PostgreSQL (SQLite's default): a key prefix is then one index range, and
# ORDER BY key, sort_name reads the index in order with no sort step.
_Key = String(120).with_variant(String(120, collation="C"), "postgresql")


class PatientSearchKey(Base):
    """One way to find a patient: a name word, '#d' + birth date, '#p'/'#s' + phone digits...

    Kept by the service that writes the patient (see intake.services.patient_index). The index
    (key, sort_name, patient_id, words) answers every type-ahead lookup by one range scan in
    result order, filtering further words without touching the patients table.
    """

    __tablename__ = "patient_search_keys"
    __table_args__ = (
        Index("ix_patient_search_keys_lookup", "key", "sort_name", "patient_id", "words"),
    )

    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(_Key, primary_key=True)
    sort_name: Mapped[str] = mapped_column(_Key)
    words: Mapped[str] = mapped_column(String(400))
