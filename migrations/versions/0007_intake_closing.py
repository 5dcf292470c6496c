"""an intake can end without being finished: closed as a referral, or a discarded draft

A caller with an emergency or referral triage hangs up and goes for medical care; the front
desk closes the intake with what was asked (status `closed`, reason `emergency_referral` or
`referral`) and the clinician on duty sees it in the review queue. A draft nobody will
finish is discarded with a reason (status `discarded`). Four columns say why, who, when and
the reason given; the status vocabulary gains the two words.

PostgreSQL: the front desk's group may write the four columns (the group's other column
grants are as 0006 made them). SQLite cannot change a constraint in place: the table is
rebuilt (batch mode) and its triggers written again as they were.

Downgrade: a closed intake becomes `submitted` and a discarded one `draft` (the old
vocabulary has no word for them); the four columns go.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = ("draft", "submitted", "reviewed", "returned")
NEW_STATUSES = (*OLD_STATUSES, "closed", "discarded")
REASONS = ("emergency_referral", "referral", "discarded")
COLUMNS = ("closing_reason", "closed_by", "closed_at", "closing_note")
# The stored-form rule of 0004 for the new instant (SQLite only).
_D = "[0-9]"
_CLOSED_AT_FORM = (
    "closed_at IS NULL OR (typeof(closed_at) = 'text' AND closed_at GLOB "
    f"'{_D * 4}-{_D * 2}-{_D * 2} {_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}' AND "
    "datetime(substr(closed_at, 1, 19), '+0 days') IS substr(closed_at, 1, 19) AND "
    "substr(closed_at, 1, 4) <> '0000')"
)


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _triggers() -> list[tuple[str, str]]:
    rows = op.get_bind().execute(
        sa.text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'intakes'"
        )
    )
    return [(name, sql) for name, sql in rows]


def _sqlite_rebuild(change: object) -> None:
    triggers = _triggers()
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    with op.batch_alter_table("intakes", recreate="always") as batch_op:
        change(batch_op)  # type: ignore[operator]
    for _, sql in triggers:
        op.execute(sql)


def _columns() -> list[sa.Column[object]]:
    return [
        sa.Column("closing_reason", sa.String(length=20), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":

        def change(batch_op: object) -> None:
            batch: Any = batch_op
            for column in _columns():
                batch.add_column(column)
            batch.drop_constraint(op.f("ck_intakes_known_status"), type_="check")
            batch.create_check_constraint(
                op.f("ck_intakes_known_status"), _in("status", NEW_STATUSES)
            )
            batch.create_check_constraint(
                op.f("ck_intakes_known_closing_reason"), _in("closing_reason", REASONS)
            )
            batch.create_check_constraint(op.f("ck_intakes_closed_at_stored_form"), _CLOSED_AT_FORM)
            batch.create_foreign_key(
                op.f("fk_intakes_closed_by_staff_users"), "staff_users", ["closed_by"], ["id"]
            )

        _sqlite_rebuild(change)
        return
    for column in _columns():
        op.add_column("intakes", column)
    op.drop_constraint(op.f("ck_intakes_known_status"), "intakes", type_="check")
    op.create_check_constraint(
        op.f("ck_intakes_known_status"), "intakes", _in("status", NEW_STATUSES)
    )
    op.create_check_constraint(
        op.f("ck_intakes_known_closing_reason"), "intakes", _in("closing_reason", REASONS)
    )
    op.create_foreign_key(
        op.f("fk_intakes_closed_by_staff_users"), "intakes", "staff_users", ["closed_by"], ["id"]
    )
    group = bind.execute(sa.text("SELECT quote_ident(intake_group_role('staff'))")).scalar_one()
    op.execute(f"GRANT UPDATE ({', '.join(COLUMNS)}) ON intakes TO {group}")


def downgrade() -> None:
    op.execute("UPDATE intakes SET status = 'submitted' WHERE status = 'closed'")
    op.execute("UPDATE intakes SET status = 'draft' WHERE status = 'discarded'")
    if op.get_bind().dialect.name == "sqlite":

        def change(batch_op: object) -> None:
            batch: Any = batch_op
            batch.drop_constraint(op.f("fk_intakes_closed_by_staff_users"), type_="foreignkey")
            batch.drop_constraint(op.f("ck_intakes_closed_at_stored_form"), type_="check")
            batch.drop_constraint(op.f("ck_intakes_known_closing_reason"), type_="check")
            batch.drop_constraint(op.f("ck_intakes_known_status"), type_="check")
            batch.create_check_constraint(
                op.f("ck_intakes_known_status"), _in("status", OLD_STATUSES)
            )
            for column in COLUMNS:
                batch.drop_column(column)

        _sqlite_rebuild(change)
        return
    op.drop_constraint(op.f("ck_intakes_known_status"), "intakes", type_="check")
    op.create_check_constraint(
        op.f("ck_intakes_known_status"), "intakes", _in("status", OLD_STATUSES)
    )
    op.drop_constraint(op.f("ck_intakes_known_closing_reason"), "intakes", type_="check")
    op.drop_constraint(op.f("fk_intakes_closed_by_staff_users"), "intakes", type_="foreignkey")
    for column in COLUMNS:  # its grants go with it
        op.drop_column("intakes", column)
