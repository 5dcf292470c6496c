"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 20:59:16.543722
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Appointments that occupy their therapist's and patient's time (AppointmentStatus.holds_time).
ACTIVE = "('booked', 'checked_in', 'completed')"


# (column, who, end column): a therapist is blocked until the end of the turnover buffer,
# a patient only until the visit ends.
OVERLAP_RULES = (
    ("therapist_id", "therapist", "blocks_until"),
    ("patient_id", "patient", "ends_at"),
)


def _create_guarantees() -> None:
    """Invariants the database enforces itself, whoever writes the rows.

    No two active appointments of one therapist (with the turnover buffer), nor of one
    patient, overlap (touching ends are fine: intervals are half-open); the audit trail is
    append-only.
    """
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        for column, _who, end in OVERLAP_RULES:
            op.execute(
                f"ALTER TABLE appointments ADD CONSTRAINT ex_appointments_{column}_overlap "
                f"EXCLUDE USING gist ({column} WITH =, "
                f"tstzrange(starts_at, {end}, '[)') WITH &&) WHERE (status IN {ACTIVE})"
            )
        op.execute(
            "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
        )
        return
    watched = "therapist_id, patient_id, starts_at, ends_at, blocks_until, status"
    for column, who, end in OVERLAP_RULES:
        for event, self_row in (("INSERT", ""), ("UPDATE", "AND a.id <> NEW.id ")):
            of = f" OF {watched}" if event == "UPDATE" else ""
            op.execute(
                f"CREATE TRIGGER appointments_{who}_overlap_{event.lower()} "
                f"BEFORE {event}{of} ON appointments WHEN NEW.status IN {ACTIVE} BEGIN "
                # The date window lets the (…, starts_at) index narrow the search; it is
                # sound because an appointment may not last longer than a day (checked here).
                "SELECT RAISE(ABORT, 'appointment longer than a day') "
                "WHERE julianday(NEW.blocks_until) - julianday(NEW.starts_at) > 1; "
                f"SELECT RAISE(ABORT, 'appointment overlaps another of the same {who}') "
                f"WHERE EXISTS (SELECT 1 FROM appointments a WHERE a.{column} = NEW.{column} "
                f"{self_row}AND a.status IN {ACTIVE} "
                "AND a.starts_at >= date(NEW.starts_at, '-2 days') "
                f"AND a.starts_at < date(NEW.{end}, '+1 day') "
                f"AND julianday(a.starts_at) < julianday(NEW.{end}) "
                f"AND julianday(NEW.starts_at) < julianday(a.{end})); END"
            )
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_events_no_{event.lower()} BEFORE {event} ON audit_events "
            "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
        )


def _drop_guarantees() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
        for column in ("therapist_id", "patient_id"):
            name = f"ex_appointments_{column}_overlap"
            op.execute(f"ALTER TABLE appointments DROP CONSTRAINT IF EXISTS {name}")
        return
    for who in ("therapist", "patient"):
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS appointments_{who}_overlap_{event}")
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_events_no_{event}")


def upgrade() -> None:

    op.create_table(
        "appointment_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("buffer_minutes", sa.Integer(), nullable=False),
        sa.Column("requires_screening", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "buffer_minutes >= 0 AND buffer_minutes <= 120",
            name=op.f("ck_appointment_types_buffer_range"),
        ),
        sa.CheckConstraint(
            "minutes > 0 AND minutes <= 480", name=op.f("ck_appointment_types_minutes_range")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_types")),
        sa.UniqueConstraint("code", name=op.f("uq_appointment_types_code")),
    )
    op.create_table(
        "locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("address", sa.String(length=250), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
        sa.UniqueConstraint("code", name=op.f("uq_locations_code")),
    )
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role IN ('front_desk', 'therapist', 'admin')", name=op.f("ck_staff_users_known_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_users")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_users_username")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column(
            "fields",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["staff_users.id"], name=op.f("fk_audit_events_user_id_staff_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_events_occurred_at"), ["occurred_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_audit_events_patient_id_occurred_at"),
            ["patient_id", "occurred_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_audit_events_user_id_occurred_at"),
            ["user_id", "occurred_at"],
            unique=False,
        )

    op.create_table(
        "closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_closures_last_after_first")),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_closures_location_id_locations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closures")),
    )
    with op.batch_alter_table("closures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_closures_location_id"), ["location_id"], unique=False)

    op.create_table(
        "opening_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("opens", sa.Time(), nullable=False),
        sa.Column("closes", sa.Time(), nullable=False),
        sa.CheckConstraint("closes > opens", name=op.f("ck_opening_hours_closes_after_opens")),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name=op.f("ck_opening_hours_weekday_range")),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_opening_hours_location_id_locations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opening_hours")),
        sa.UniqueConstraint(
            "location_id", "weekday", name=op.f("uq_opening_hours_location_id_weekday")
        ),
    )
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mrn", sa.String(length=20), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("preferred_name", sa.String(length=100), nullable=False),
        sa.Column("family_norm", sa.String(length=100), nullable=False),
        sa.Column("given_norm", sa.String(length=100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=10), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("phone_digits", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("address_line", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("postal_code", sa.String(length=20), nullable=False),
        sa.Column("preferred_language", sa.String(length=40), nullable=False),
        sa.Column("emergency_contact_name", sa.String(length=200), nullable=False),
        sa.Column("emergency_contact_phone", sa.String(length=40), nullable=False),
        sa.Column("payer", sa.String(length=100), nullable=False),
        sa.Column("member_id", sa.String(length=60), nullable=False),
        sa.Column("referral_source", sa.String(length=100), nullable=False),
        sa.Column("referring_provider", sa.String(length=200), nullable=False),
        sa.Column("preferred_location_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "sex IN ('female', 'male', 'other')", name=op.f("ck_patients_known_sex")
        ),
        sa.ForeignKeyConstraint(
            ["preferred_location_id"],
            ["locations.id"],
            name=op.f("fk_patients_preferred_location_id_locations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
        sa.UniqueConstraint("mrn", name=op.f("uq_patients_mrn")),
    )
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.create_index("ix_patients_date_of_birth", ["date_of_birth"], unique=False)
        batch_op.create_index(
            "ix_patients_family_norm_given_norm",
            ["family_norm", "given_norm"],
            unique=False,
            postgresql_ops={"family_norm": "text_pattern_ops", "given_norm": "text_pattern_ops"},
        )
        batch_op.create_index(
            "ix_patients_given_norm",
            ["given_norm"],
            unique=False,
            postgresql_ops={"given_norm": "text_pattern_ops"},
        )
        batch_op.create_index(
            "ix_patients_phone_digits",
            ["phone_digits"],
            unique=False,
            postgresql_ops={"phone_digits": "text_pattern_ops"},
        )

    op.create_table(
        "therapists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("credentials", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["staff_users.id"],
            name=op.f("fk_therapists_user_id_staff_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_therapists")),
        sa.UniqueConstraint("user_id", name=op.f("uq_therapists_user_id")),
    )
    op.create_table(
        "availability_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "effective_to IS NULL OR effective_to >= effective_from",
            name=op.f("ck_availability_templates_effective_range"),
        ),
        sa.CheckConstraint(
            "end_time > start_time", name=op.f("ck_availability_templates_end_after_start")
        ),
        sa.CheckConstraint(
            "weekday BETWEEN 0 AND 6", name=op.f("ck_availability_templates_weekday_range")
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_availability_templates_location_id_locations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["therapist_id"],
            ["therapists.id"],
            name=op.f("fk_availability_templates_therapist_id_therapists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_availability_templates")),
    )
    with op.batch_alter_table("availability_templates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_availability_templates_location_id"), ["location_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_availability_templates_therapist_id_weekday"),
            ["therapist_id", "weekday"],
            unique=False,
        )

    op.create_table(
        "intakes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column(
            "answers",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("checklist_id", sa.String(length=60), nullable=False),
        sa.Column("checklist_version", sa.String(length=20), nullable=False),
        sa.Column(
            "screening",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("screening_status", sa.String(length=12), nullable=True),
        sa.Column("triage", sa.String(length=10), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_by", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("returned_by", sa.Integer(), nullable=True),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("return_note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'reviewed', 'returned')",
            name=op.f("ck_intakes_known_status"),
        ),
        sa.CheckConstraint(
            "triage IN ('emergency', 'refer', 'review', 'clear')",
            name=op.f("ck_intakes_known_triage"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff_users.id"], name=op.f("fk_intakes_created_by_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_intakes_patient_id_patients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["returned_by"], ["staff_users.id"], name=op.f("fk_intakes_returned_by_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by"], ["staff_users.id"], name=op.f("fk_intakes_reviewed_by_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by"], ["staff_users.id"], name=op.f("fk_intakes_submitted_by_staff_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intakes")),
    )
    with op.batch_alter_table("intakes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_intakes_patient_id_created_at"),
            ["patient_id", "created_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_intakes_status_updated_at"), ["status", "updated_at"], unique=False
        )

    op.create_table(
        "therapist_locations",
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_therapist_locations_location_id_locations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["therapist_id"],
            ["therapists.id"],
            name=op.f("fk_therapist_locations_therapist_id_therapists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("therapist_id", "location_id", name=op.f("pk_therapist_locations")),
    )
    op.create_table(
        "time_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_time_off_end_after_start")),
        sa.ForeignKeyConstraint(
            ["therapist_id"],
            ["therapists.id"],
            name=op.f("fk_time_off_therapist_id_therapists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_off")),
    )
    with op.batch_alter_table("time_off", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_time_off_therapist_id_starts_at"),
            ["therapist_id", "starts_at"],
            unique=False,
        )

    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocks_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("intake_id", sa.Integer(), nullable=True),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("booked_by", sa.Integer(), nullable=True),
        sa.Column("booked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancel_reason", sa.Text(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("late_cancellation", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')",
            name=op.f("ck_appointments_known_status"),
        ),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_appointments_end_after_start")),
        sa.CheckConstraint(
            "blocks_until >= ends_at", name=op.f("ck_appointments_blocks_after_end")
        ),
        sa.ForeignKeyConstraint(
            ["booked_by"], ["staff_users.id"], name=op.f("fk_appointments_booked_by_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["intake_id"],
            ["intakes.id"],
            name=op.f("fk_appointments_intake_id_intakes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_appointments_location_id_locations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_appointments_patient_id_patients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["therapist_id"],
            ["therapists.id"],
            name=op.f("fk_appointments_therapist_id_therapists"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["type_id"],
            ["appointment_types.id"],
            name=op.f("fk_appointments_type_id_appointment_types"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_intake_id"), ["intake_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_appointments_location_id_starts_at"),
            ["location_id", "starts_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_appointments_patient_id_starts_at"),
            ["patient_id", "starts_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_appointments_therapist_id_starts_at"),
            ["therapist_id", "starts_at"],
            unique=False,
        )

    op.create_table(
        "waitlist_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("intake_id", sa.Integer(), nullable=True),
        sa.Column("type_id", sa.Integer(), nullable=True),
        sa.Column(
            "preferences",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("earliest_date", sa.Date(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('waiting', 'offered', 'booked', 'removed')",
            name=op.f("ck_waitlist_entries_known_status"),
        ),
        sa.ForeignKeyConstraint(
            ["intake_id"],
            ["intakes.id"],
            name=op.f("fk_waitlist_entries_intake_id_intakes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_waitlist_entries_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["type_id"],
            ["appointment_types.id"],
            name=op.f("fk_waitlist_entries_type_id_appointment_types"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waitlist_entries")),
    )
    with op.batch_alter_table("waitlist_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_waitlist_entries_status_priority_created_at"),
            ["status", "priority", "created_at"],
            unique=False,
        )

    _create_guarantees()


def downgrade() -> None:
    _drop_guarantees()

    with op.batch_alter_table("waitlist_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_waitlist_entries_status_priority_created_at"))

    op.drop_table("waitlist_entries")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointments_therapist_id_starts_at"))
        batch_op.drop_index(batch_op.f("ix_appointments_patient_id_starts_at"))
        batch_op.drop_index(batch_op.f("ix_appointments_location_id_starts_at"))
        batch_op.drop_index(batch_op.f("ix_appointments_starts_at"))
        batch_op.drop_index(batch_op.f("ix_appointments_intake_id"))

    op.drop_table("appointments")
    with op.batch_alter_table("time_off", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_time_off_therapist_id_starts_at"))

    op.drop_table("time_off")
    op.drop_table("therapist_locations")
    with op.batch_alter_table("intakes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intakes_status_updated_at"))
        batch_op.drop_index(batch_op.f("ix_intakes_patient_id_created_at"))

    op.drop_table("intakes")
    with op.batch_alter_table("availability_templates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_availability_templates_therapist_id_weekday"))
        batch_op.drop_index(batch_op.f("ix_availability_templates_location_id"))

    op.drop_table("availability_templates")
    op.drop_table("therapists")
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_patients_phone_digits", postgresql_ops={"phone_digits": "text_pattern_ops"}
        )
        batch_op.drop_index(
            "ix_patients_given_norm", postgresql_ops={"given_norm": "text_pattern_ops"}
        )
        batch_op.drop_index(
            "ix_patients_family_norm_given_norm",
            postgresql_ops={"family_norm": "text_pattern_ops", "given_norm": "text_pattern_ops"},
        )
        batch_op.drop_index("ix_patients_date_of_birth")

    op.drop_table("patients")
    op.drop_table("opening_hours")
    with op.batch_alter_table("closures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_closures_location_id"))

    op.drop_table("closures")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_user_id_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_audit_events_patient_id_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_audit_events_occurred_at"))

    op.drop_table("audit_events")
    op.drop_table("staff_users")
    op.drop_table("locations")
    op.drop_table("appointment_types")
