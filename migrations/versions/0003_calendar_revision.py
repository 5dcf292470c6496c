"""calendar revision counter

A single-row counter that triggers bump on every write to what calendars are built from,
so services may cache those parts and know for certain when to reload them, whichever PC
(or tool) made the change.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WATCHED = (
    "locations",
    "opening_hours",
    "closures",
    "therapists",
    "therapist_locations",
    "availability_templates",
    "time_off",
    "appointment_types",
)
BUMP = "UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1"


def upgrade() -> None:
    op.create_table(
        "calendar_revision",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_calendar_revision_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_revision")),
    )
    op.execute("INSERT INTO calendar_revision (id, revision) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION calendar_revision_bump() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {BUMP}; RETURN NULL; END $$"
        )
        for table in WATCHED:
            # Once per statement: a bulk load moves the counter once, not per row.
            op.execute(
                f"CREATE TRIGGER {table}_calendar_revision AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION calendar_revision_bump()"
            )
        return
    for table in WATCHED:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_calendar_revision_{event.lower()} AFTER {event} "
                f"ON {table} BEGIN {BUMP}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_calendar_revision ON {table}")
        op.execute("DROP FUNCTION IF EXISTS calendar_revision_bump()")
    else:
        for table in WATCHED:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_calendar_revision_{event}")
    op.drop_table("calendar_revision")
