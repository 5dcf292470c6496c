"""why a waitlist entry was removed

- `waitlist_entries.removed_reason`: the desk says why it takes a patient off the waitlist
  (found a slot elsewhere, no longer wanted…); the audit trail records who and when but never
  free text, so the reason is kept on the entry.

PostgreSQL: the column falls under the table-wide grants of 0006 (the front desk updates
waitlist entries). A new column with a default needs no table rebuild on SQLite.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "waitlist_entries",
        sa.Column("removed_reason", sa.Text(), server_default="", nullable=False),
    )


def downgrade() -> None:
    # In place on both (SQLite 3.35+): a batch rebuild would lose the table's triggers (0010).
    op.execute("ALTER TABLE waitlist_entries DROP COLUMN removed_reason")
