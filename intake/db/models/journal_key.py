"""The key that seals the journal of unfinished work kept on each clinic PC.

One row, 32 random bytes, made by migration 0005. A program reads it after a person signs
in (intake.services.journal_key) and holds it in memory only; the journal files on a PC are
AES-256-GCM under keys derived from it (intake.ui.journal_seal). Whoever can read this row
can read every PC's drafts of this database: on PostgreSQL that is a signed-in staff login.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from intake.db.base import Base

KEY_BYTES = 32


class JournalKey(Base):
    __tablename__ = "journal_key"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(f"length(key) = {KEY_BYTES}", name="key_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    key: Mapped[bytes] = mapped_column(LargeBinary(KEY_BYTES))
