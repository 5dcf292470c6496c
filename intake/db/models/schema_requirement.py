"""Which program version the database's schema needs (one row, migration 0009).

Written by the migration runner (intake.db.migrate) after each upgrade or downgrade, read by
a program that finds the schema newer than it knows, to name the version to install.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from intake.db.base import Base


class SchemaRequirement(Base):
    __tablename__ = "schema_requirement"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    revision: Mapped[str] = mapped_column(String(32))
    program_version: Mapped[str] = mapped_column(String(32))
