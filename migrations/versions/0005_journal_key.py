"""the journal key: seals each PC's journal of unfinished work

One row of 32 random bytes, made here once for the whole practice's database. The program
reads it after sign-in and keeps it in memory only; each PC's journal files (drafts of
intakes and registrations) are AES-256-GCM under keys derived from it, so a person who
shares a PC's operating-system account but has no sign-in reads only ciphertext.

A downgrade drops the key: journal files on PCs sealed with it can no longer be opened
(the program before this revision could not read them either).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_BYTES = 32  # intake.db.models.journal_key.KEY_BYTES, frozen here


def upgrade() -> None:
    table = op.create_table(
        "journal_key",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("key", sa.LargeBinary(KEY_BYTES), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_journal_key_single_row")),
        sa.CheckConstraint(f"length(key) = {KEY_BYTES}", name=op.f("ck_journal_key_key_length")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_key")),
    )
    op.bulk_insert(table, [{"id": 1, "key": os.urandom(KEY_BYTES)}])


def downgrade() -> None:
    op.drop_table("journal_key")
