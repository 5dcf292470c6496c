"""self-intake on the waiting-room tablet: intakes say who typed them; red flags for the desk

- `intakes.source` ('desk' or 'tablet'): a draft the patient filled in on the tablet is
  marked so; the front desk confirms it with the patient before submitting. Old intakes
  were typed at the desk.
- `desk_alerts`: a red flag (an emergency or refer rule) raised while a patient answered on
  the tablet, for every front-desk PC of that location until someone acknowledges it.

PostgreSQL: an insert sends `pg_notify('intake_desk_alert', ...)` (location and alert id,
nothing about the patient) from the writing transaction, so a desk PC hears it only once
it is committed. The staff group reads, raises and acknowledges alerts. SQLite cannot add a
constraint in place: intakes is rebuilt both ways, every trigger of the database dropped
first and written again after (as 0012 does); the desk polls there.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "intake_desk_alert"
SOURCE_CHECK = ("ck_intakes_known_source", "source IN ('desk', 'tablet')")
_D = "[0-9]"


def _stored_form(column: str) -> str:  # the stored-form rule of 0004 (SQLite only)
    return (
        f"{column} IS NULL OR (typeof({column}) = 'text' AND {column} GLOB "
        f"'{_D * 4}-{_D * 2}-{_D * 2} {_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}' AND "
        f"datetime(substr({column}, 1, 19), '+0 days') IS substr({column}, 1, 19) AND "
        f"substr({column}, 1, 4) <> '0000')"
    )


def _source() -> sa.Column[Any]:
    return sa.Column("source", sa.String(length=10), nullable=False, server_default="desk")


def _alerts_table(sqlite: bool) -> None:
    checks = []
    if sqlite:
        checks = [
            sa.CheckConstraint(
                _stored_form(column), name=op.f(f"ck_desk_alerts_{column}_stored_form")
            )
            for column in ("created_at", "acknowledged_at")
        ]
    op.create_table(
        "desk_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("intake_id", sa.Integer(), nullable=True),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("triage", sa.String(length=10), nullable=False),
        sa.Column("rule_ids", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        *checks,
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"],
            name=op.f("fk_desk_alerts_location_id_locations"), ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["intake_id"], ["intakes.id"],
            name=op.f("fk_desk_alerts_intake_id_intakes"), ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"],
            name=op.f("fk_desk_alerts_patient_id_patients"), ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff_users.id"], name=op.f("fk_desk_alerts_created_by_staff_users"),
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by"], ["staff_users.id"],
            name=op.f("fk_desk_alerts_acknowledged_by_staff_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_alerts")),
    )  # fmt: skip
    op.create_index(
        op.f("ix_desk_alerts_location_id_acknowledged_at"),
        "desk_alerts",
        ["location_id", "acknowledged_at"],
    )


def _sqlite_rebuilding(change: Any) -> None:
    bind = op.get_bind()
    query = sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    triggers = list(bind.execute(query))
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    with op.batch_alter_table("intakes", recreate="always") as batch_op:
        change(batch_op)
    for _name, sql in triggers:
        op.execute(sql)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:

        def intakes(batch: Any) -> None:
            batch.add_column(_source())
            batch.create_check_constraint(op.f(SOURCE_CHECK[0]), SOURCE_CHECK[1])

        _sqlite_rebuilding(intakes)
        _alerts_table(sqlite)
        return
    op.add_column("intakes", _source())
    op.create_check_constraint(op.f(SOURCE_CHECK[0]), "intakes", SOURCE_CHECK[1])
    _alerts_table(sqlite)
    op.execute(
        "CREATE FUNCTION desk_alerts_announce() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_notify('{CHANNEL}', json_build_object('location_id', NEW.location_id, "
        "'alert_id', NEW.id)::text); RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER desk_alerts_announce AFTER INSERT ON desk_alerts "
        "FOR EACH ROW EXECUTE FUNCTION desk_alerts_announce()"
    )
    staff = bind.execute(sa.text("SELECT quote_ident(intake_group_role('staff'))")).scalar_one()
    op.execute(f"GRANT SELECT, INSERT ON desk_alerts TO {staff}")
    op.execute(f"GRANT UPDATE (acknowledged_by, acknowledged_at) ON desk_alerts TO {staff}")
    op.execute(f"GRANT USAGE ON SEQUENCE desk_alerts_id_seq TO {staff}")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_index(op.f("ix_desk_alerts_location_id_acknowledged_at"), table_name="desk_alerts")
    op.drop_table("desk_alerts")  # its trigger and grants go with it
    if sqlite:

        def intakes(batch: Any) -> None:
            batch.drop_constraint(op.f(SOURCE_CHECK[0]), type_="check")
            batch.drop_column("source")

        _sqlite_rebuilding(intakes)
        return
    op.execute("DROP FUNCTION IF EXISTS desk_alerts_announce()")
    op.drop_constraint(op.f(SOURCE_CHECK[0]), "intakes", type_="check")
    op.drop_column("intakes", "source")
