"""the program version a schema needs: a PC too old for the database can name the one to install

One row: the schema revision the database is at and the oldest Clinic Intake version that
knows it. The program that migrates writes it after every upgrade and downgrade (the map
`intake.db.migrate.PROGRAM_VERSION_FOR`); an older program that finds an unknown revision
reads the row and tells the IT person which version to install. A program from before this
revision cannot read it and says only "the newer version".

PostgreSQL: every staff login may read it (the schema is checked after each sign-in); only
the schema's owner, who migrates, writes it.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "schema_requirement",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.String(length=32), nullable=False),
        sa.Column("program_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_schema_requirement_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schema_requirement")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        group = bind.execute(sa.text("SELECT quote_ident(intake_group_role('staff'))")).scalar_one()
        op.execute(f"GRANT SELECT ON schema_requirement TO {group}")


def downgrade() -> None:
    op.drop_table("schema_requirement")
