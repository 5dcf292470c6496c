"""patient search keys

One row per way to find a patient (name word, birth date, phone start and end, sounds-alike
name, e-mail), in one index ordered like the results, so type-ahead search is a range scan.
Existing patients get their keys here.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from intake.domain.search_query import name_words, patient_keys, sort_name, words_text

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5_000


def _key() -> sa.types.TypeEngine[str]:
    return sa.String(length=120).with_variant(sa.String(length=120, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "patient_search_keys",
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("key", _key(), nullable=False),
        sa.Column("sort_name", _key(), nullable=False),
        sa.Column("words", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_patient_search_keys_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("patient_id", "key", name=op.f("pk_patient_search_keys")),
    )
    with op.batch_alter_table("patient_search_keys", schema=None) as batch_op:
        batch_op.create_index(
            "ix_patient_search_keys_lookup",
            ["key", "sort_name", "patient_id", "words"],
            unique=False,
        )
    _fill_existing()


def downgrade() -> None:
    with op.batch_alter_table("patient_search_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_patient_search_keys_lookup")
    op.drop_table("patient_search_keys")


def _fill_existing() -> None:
    """Keys for patients registered before this revision (self-contained: no models)."""
    patients = sa.table(
        "patients",
        sa.column("id"),
        sa.column("family_name"),
        sa.column("given_name"),
        sa.column("preferred_name"),
        sa.column("date_of_birth", sa.Date()),
        sa.column("phone"),
        sa.column("email"),
    )
    keys = sa.table(
        "patient_search_keys",
        sa.column("patient_id"),
        sa.column("key"),
        sa.column("sort_name"),
        sa.column("words"),
    )
    bind = op.get_bind()
    rows: list[dict[str, object]] = []
    for p in bind.execute(sa.select(patients).order_by(patients.c.id)).all():
        words = words_text(name_words(p.family_name, p.given_name, p.preferred_name))
        name = sort_name(p.family_name, p.given_name)
        keys_of = patient_keys(
            p.family_name, p.given_name, p.preferred_name, p.date_of_birth, p.phone, p.email
        )
        rows += [{"patient_id": p.id, "key": k, "sort_name": name, "words": words} for k in keys_of]
        if len(rows) >= BATCH:
            bind.execute(sa.insert(keys), rows)
            rows = []
    if rows:
        bind.execute(sa.insert(keys), rows)
