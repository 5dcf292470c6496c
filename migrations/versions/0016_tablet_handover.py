"""tablet handovers per location, the patient's "finished" mark

- `intakes.location_id`: the location whose waiting-room tablet the desk handed the intake
  to (NULL: any tablet; desk intakes have none). A kiosk started with `--location CODE`
  greets only its own location's handovers and those with none.
- `intakes.finished_at`: when the patient touched Finish on the tablet (NULL: not finished
  there), so the desk can tell a finished self-intake from one still under way.

PostgreSQL: the tablet group may write `finished_at` on its rows (its other grants are as
0015 made them); the desk inserts the location with the row. SQLite cannot add a foreign
key in place: intakes is rebuilt, every trigger dropped first and written again after (as
0014 does).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCATION_FK = "fk_intakes_location_id_locations"
FINISHED_FORM = "ck_intakes_finished_at_stored_form"
_D = "[0-9]"


def _stored_form(column: str) -> str:  # the stored-form rule of 0004 (SQLite only)
    return (
        f"{column} IS NULL OR (typeof({column}) = 'text' AND {column} GLOB "
        f"'{_D * 4}-{_D * 2}-{_D * 2} {_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}' AND "
        f"datetime(substr({column}, 1, 19), '+0 days') IS substr({column}, 1, 19) AND "
        f"substr({column}, 1, 4) <> '0000')"
    )


def _columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    ]


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


def _tablet_group(bind: sa.Connection) -> str | None:
    name = bind.execute(sa.text("SELECT intake_group_role('tablet')")).scalar()
    return (
        None
        if name is None
        else bind.execute(sa.text("SELECT quote_ident(:n)"), {"n": name}).scalar_one()
    )


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":

        def intakes(batch: Any) -> None:
            for column in _columns():
                batch.add_column(column)
            batch.create_foreign_key(
                LOCATION_FK, "locations", ["location_id"], ["id"], ondelete="RESTRICT"
            )
            batch.create_check_constraint(FINISHED_FORM, _stored_form("finished_at"))

        _sqlite_rebuilding(intakes)
        return
    for column in _columns():
        op.add_column("intakes", column)
    op.create_foreign_key(
        LOCATION_FK, "intakes", "locations", ["location_id"], ["id"], ondelete="RESTRICT"
    )
    if tablet := _tablet_group(bind):
        op.execute(f"GRANT UPDATE (finished_at) ON intakes TO {tablet}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":

        def intakes(batch: Any) -> None:
            batch.drop_constraint(FINISHED_FORM, type_="check")
            batch.drop_constraint(LOCATION_FK, type_="foreignkey")
            for column in _columns():
                batch.drop_column(column.name)

        _sqlite_rebuilding(intakes)
        return
    op.drop_constraint(LOCATION_FK, "intakes", type_="foreignkey")
    for column in _columns():
        op.drop_column("intakes", column.name)  # their grants go with them
