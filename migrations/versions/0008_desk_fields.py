"""who cancelled a visit, a colour per appointment type, a note for the desk on the record

- `appointments.cancelled_by` ('patient' or 'clinic'): the late-cancellation rule depends on
  it and the record counts a patient's cancellations, so it is stored, not guessed from the
  reason text. Old cancelled rows: a late one was the patient's; the rest stay unknown (NULL).
  A late cancellation is always the patient's (checked).
- `appointment_types.color` ('#rrggbb', or '' for the default palette): the calendar tells
  types apart at a glance; the text or icon beside it says the same for colour-blind staff.
- `patients.desk_note`: what the front desk should know (at most 2,000 characters).

PostgreSQL: the new columns fall under the table-wide grants of 0006 (the front desk
updates patients and appointments; the admin writes appointment types). SQLite cannot add a
table constraint in place: the tables are rebuilt (batch mode) and their triggers written
again as they were.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CANCELLED_BY = "cancelled_by IS NULL OR cancelled_by IN ('patient', 'clinic')"
LATE_IS_PATIENTS = "late_cancellation = false OR cancelled_by = 'patient'"
COLOR = (
    "color = '' OR (length(color) = 7 AND substr(color, 1, 1) = '#' "
    "AND ltrim(substr(color, 2), '0123456789abcdef') = '')"
)
DESK_NOTE = "length(desk_note) <= 2000"

# table → (columns, {constraint name: condition})
CHANGES: dict[str, tuple[list[Callable[[], sa.Column[Any]]], dict[str, str]]] = {
    "appointments": (
        [lambda: sa.Column("cancelled_by", sa.String(length=10), nullable=True)],
        {"known_cancelled_by": CANCELLED_BY, "late_is_patients": LATE_IS_PATIENTS},
    ),
    "appointment_types": (
        [lambda: sa.Column("color", sa.String(length=7), nullable=False, server_default="")],
        {"color_form": COLOR},
    ),
    "patients": (
        [lambda: sa.Column("desk_note", sa.Text(), nullable=False, server_default="")],
        {"desk_note_length": DESK_NOTE},
    ),
}


def _sqlite_rebuild(table: str, change: Callable[[Any], None]) -> None:
    bind = op.get_bind()
    triggers = list(
        bind.execute(
            sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
            {"t": table},
        )
    )
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    with op.batch_alter_table(table, recreate="always") as batch_op:
        change(batch_op)
    for _name, sql in triggers:
        op.execute(sql)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, (columns, checks) in CHANGES.items():
        for column in columns:
            op.add_column(table, column())
        if table == "appointments":  # before the checks, so old rows meet them
            op.execute("UPDATE appointments SET cancelled_by = 'patient' WHERE late_cancellation")
        if sqlite:

            def change(batch: Any, table: str = table, checks: dict[str, str] = checks) -> None:
                for name, condition in checks.items():
                    batch.create_check_constraint(op.f(f"ck_{table}_{name}"), condition)

            _sqlite_rebuild(table, change)
            continue
        for name, condition in checks.items():
            op.create_check_constraint(op.f(f"ck_{table}_{name}"), table, condition)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, (columns, checks) in CHANGES.items():
        names = [column().name for column in columns]
        if sqlite:

            def change(
                batch: Any, table: str = table, names: list[str] = names, checks: Any = checks
            ) -> None:
                for name in checks:
                    batch.drop_constraint(op.f(f"ck_{table}_{name}"), type_="check")
                for name in names:
                    batch.drop_column(name)

            _sqlite_rebuild(table, change)
            continue
        for name in checks:
            op.drop_constraint(op.f(f"ck_{table}_{name}"), table, type_="check")
        for name in names:
            op.drop_column(table, name)
