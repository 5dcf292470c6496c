"""the patient's preferred language is a known code; an intake keeps the language it was asked in

- `patients.preferred_language` (there since 0001, free text up to 40 characters) may hold
  only the codes the program offers (intake.domain.languages.Language: BCP 47 primary
  subtags, or 'other'): FHIR's Patient.communication and the intake's starting language
  read it. A value the program never offered becomes 'other'.
- `intakes.patient_language` ('en' or 'es'): the language the questions were put to the
  patient in (the front desk may switch mid-intake; the answers do not depend on it). The
  review says so, and the FHIR QuestionnaireResponse carries it. Old intakes were English.

PostgreSQL: the front desk already updates patients table-wide (0006); intakes has column
grants, so the staff group gets UPDATE on the new column (as 0007 did). SQLite cannot add a
constraint in place: both tables are rebuilt (batch mode), with every trigger of the database
dropped first and written again after (triggers on other tables name these tables, and
SQLite checks them when the rebuilt copy is renamed).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Copied from intake.domain.languages as they are at this revision (a migration is frozen).
PREFERRED = ("en", "es", "fr", "nl", "pl", "de", "pt", "zh", "other")
ASKED_IN = ("en", "es")


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


PREFERRED_CHECK = ("ck_patients_known_preferred_language", _in("preferred_language", PREFERRED))
ASKED_CHECK = ("ck_intakes_known_patient_language", _in("patient_language", ASKED_IN))


def _column() -> sa.Column[Any]:
    return sa.Column("patient_language", sa.String(length=10), nullable=False, server_default="en")


def _sqlite_rebuilding(changes: dict[str, Any], *, first: str = "") -> None:
    bind = op.get_bind()
    query = sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    triggers = list(bind.execute(query))
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    if first:  # with the triggers out: a merged record's guard refuses any change to it
        op.execute(first)
    for table, change in changes.items():
        with op.batch_alter_table(table, recreate="always") as batch_op:
            change(batch_op)
    for _name, sql in triggers:
        op.execute(sql)


KNOWN_CODES_ONLY = (
    f"UPDATE patients SET preferred_language = 'other' WHERE NOT ({PREFERRED_CHECK[1]})"
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":

        def patients(batch: Any) -> None:
            batch.create_check_constraint(op.f(PREFERRED_CHECK[0]), PREFERRED_CHECK[1])

        def intakes(batch: Any) -> None:
            batch.add_column(_column())
            batch.create_check_constraint(op.f(ASKED_CHECK[0]), ASKED_CHECK[1])

        _sqlite_rebuilding({"patients": patients, "intakes": intakes}, first=KNOWN_CODES_ONLY)
        return
    # A merged record (a tombstone) is frozen by its guard; this is no person's change.
    op.execute("ALTER TABLE patients DISABLE TRIGGER patients_merge_guard")
    op.execute(KNOWN_CODES_ONLY)
    op.execute("ALTER TABLE patients ENABLE TRIGGER patients_merge_guard")
    op.create_check_constraint(op.f(PREFERRED_CHECK[0]), "patients", PREFERRED_CHECK[1])
    op.add_column("intakes", _column())
    op.create_check_constraint(op.f(ASKED_CHECK[0]), "intakes", ASKED_CHECK[1])
    group = bind.execute(sa.text("SELECT quote_ident(intake_group_role('staff'))")).scalar_one()
    op.execute(f"GRANT UPDATE (patient_language) ON intakes TO {group}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":

        def patients(batch: Any) -> None:
            batch.drop_constraint(op.f(PREFERRED_CHECK[0]), type_="check")

        def intakes(batch: Any) -> None:
            batch.drop_constraint(op.f(ASKED_CHECK[0]), type_="check")
            batch.drop_column("patient_language")

        _sqlite_rebuilding({"patients": patients, "intakes": intakes})
        return
    op.drop_constraint(op.f(ASKED_CHECK[0]), "intakes", type_="check")
    op.drop_column("intakes", "patient_language")  # its grant goes with it
    op.drop_constraint(op.f(PREFERRED_CHECK[0]), "patients", type_="check")
