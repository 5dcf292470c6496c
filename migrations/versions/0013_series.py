"""plan-of-care series: a course of visits booked in one step

- `appointment_series`: the rule a course was booked from (weekdays, times, count or end
  date, therapist, location, type), who booked it and when. The patient is not stored here:
  it is the visits', so a merge that moves the visits moves the course too.
- `appointments.series_id` / `series_number`: a visit of a course names it and its place in
  it (1, 2, …); any other visit has neither (checked).

PostgreSQL: the front desk's group reads and adds series (the new appointment columns fall
under 0006's table-wide grants on appointments). SQLite cannot add a table constraint in
place: the table is rebuilt both ways and its triggers written again as they were.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NUMBERED = (
    "(series_id IS NULL AND series_number IS NULL) OR "
    "(series_id IS NOT NULL AND series_number >= 1)"
)
PLANNED = "planned > 0 AND planned <= 60"
_D = "[0-9]"


def _stored_form(column: str) -> str:  # the stored-form rule of 0004 (SQLite only)
    return (
        f"{column} IS NULL OR (typeof({column}) = 'text' AND {column} GLOB "
        f"'{_D * 4}-{_D * 2}-{_D * 2} {_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}' AND "
        f"datetime(substr({column}, 1, 19), '+0 days') IS substr({column}, 1, 19) AND "
        f"substr({column}, 1, 4) <> '0000')"
    )


def _json() -> Any:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _series_table(sqlite: bool) -> None:
    checks = [sa.CheckConstraint(PLANNED, name=op.f("ck_appointment_series_planned_range"))]
    if sqlite:
        checks.append(
            sa.CheckConstraint(
                _stored_form("created_at"),
                name=op.f("ck_appointment_series_created_at_stored_form"),
            )
        )
    op.create_table(
        "appointment_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("therapist_id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("planned", sa.Integer(), nullable=False),
        sa.Column("rule", _json(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *checks,
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"],
            name=op.f("fk_appointment_series_location_id_locations"), ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["therapist_id"], ["therapists.id"],
            name=op.f("fk_appointment_series_therapist_id_therapists"), ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["type_id"], ["appointment_types.id"],
            name=op.f("fk_appointment_series_type_id_appointment_types"), ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff_users.id"],
            name=op.f("fk_appointment_series_created_by_staff_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_series")),
    )  # fmt: skip


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    _series_table(sqlite)
    op.add_column("appointments", sa.Column("series_id", sa.Integer(), nullable=True))
    op.add_column("appointments", sa.Column("series_number", sa.Integer(), nullable=True))
    fk = op.f("fk_appointments_series_id_appointment_series")
    check = op.f("ck_appointments_series_numbered")
    if sqlite:  # a table constraint cannot be added in place: rebuilt, triggers kept

        def change(batch: Any) -> None:
            batch.create_foreign_key(
                fk, "appointment_series", ["series_id"], ["id"], ondelete="RESTRICT"
            )
            batch.create_check_constraint(check, NUMBERED)

        _sqlite_rebuild("appointments", change)
    else:
        op.create_foreign_key(
            fk, "appointments", "appointment_series", ["series_id"], ["id"], ondelete="RESTRICT"
        )
        op.create_check_constraint(check, "appointments", NUMBERED)
        staff = (
            op.get_bind()
            .execute(sa.text("SELECT quote_ident(intake_group_role('staff'))"))
            .scalar_one()
        )
        op.execute(f"GRANT SELECT, INSERT ON appointment_series TO {staff}")
        op.execute(f"GRANT USAGE ON SEQUENCE appointment_series_id_seq TO {staff}")
    op.create_index(op.f("ix_appointments_series_id"), "appointments", ["series_id"])


def _sqlite_rebuild(table: str, change: Callable[[Any], None]) -> None:
    bind = op.get_bind()
    triggers = list(
        bind.execute(
            # Its own triggers and those of other tables that read it (0010's merge guards on
            # patients): SQLite checks them when the rebuilt table is renamed into place.
            sa.text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                "AND (tbl_name = :t OR sql LIKE :mention)"
            ),
            {"t": table, "mention": f"% {table} %"},
        )
    )
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    with op.batch_alter_table(table, recreate="always") as batch_op:
        change(batch_op)
    for _name, sql in triggers:
        op.execute(sql)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_index(op.f("ix_appointments_series_id"), table_name="appointments")
    if sqlite:

        def change(batch: Any) -> None:
            batch.drop_constraint(op.f("ck_appointments_series_numbered"), type_="check")
            batch.drop_constraint(
                op.f("fk_appointments_series_id_appointment_series"), type_="foreignkey"
            )
            batch.drop_column("series_number")
            batch.drop_column("series_id")

        _sqlite_rebuild("appointments", change)
    else:
        op.drop_constraint(op.f("ck_appointments_series_numbered"), "appointments", type_="check")
        op.drop_constraint(
            op.f("fk_appointments_series_id_appointment_series"), "appointments",
            type_="foreignkey",
        )  # fmt: skip
        op.drop_column("appointments", "series_number")
        op.drop_column("appointments", "series_id")
    op.drop_table("appointment_series")  # its grants go with it
