"""duplicate patient records can be merged, and a merge undone

- `patients.merged_into_id`: a merged record stays as a tombstone pointing to the record
  that took its place (never to itself, never to another tombstone), so an old record number
  or a search for the old name leads to the survivor.
- `patient_merges`: one row per merge — who, when, both records' field values before it,
  the fields taken from the merged record, and the ids of every row moved per table (what an
  undo moves back); when and by whom it was undone.

Guarded by the database, whoever writes:
- no appointment, intake or waitlist entry is written for a tombstone (insert, or a change
  of patient). On PostgreSQL the check first takes a key-share lock on the patient row, so a
  booking racing a merge waits for it and then sees the tombstone (or, if it came first,
  is moved by the merge, which waits for it);
- a tombstone keeps nothing (no appointments, intakes or waitlist entries), points to a
  record that is not a tombstone, and is not changed further (only an undo clears it);
- PostgreSQL: only the admin group (and the owner) may set or clear `merged_into_id`.

PostgreSQL grants: the admin group reads and writes `patient_merges` (undone_at and
undone_by are the only columns it updates); the front desk reads `merged_into_id` through its
table-wide SELECT on patients and may not read `patient_merges` (field values). The rows a
merge moves are written with the grants the admin already has (0006: the staff group's
UPDATE on patients, appointments, waitlist_entries and intakes.patient_id).

The audit trail is append-only: its rows keep the merged record's id, and the trail read for
a survivor includes the ids merged into it (intake.services.audit_view).

SQLite cannot add a constraint in place: patients is rebuilt (batch mode) and its triggers
written again as they were.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOT_ITSELF = "merged_into_id IS NULL OR merged_into_id <> id"
HOLDING_TABLES = ("appointments", "intakes", "waitlist_entries")  # rows that name a patient
MERGED = "this patient record was merged into another"
TOMBSTONE_FROZEN = "a merged patient record cannot be changed"
INTO_TOMBSTONE = "a patient record cannot be merged into a merged record"
KEEPS_ROWS = "a merged patient record cannot keep appointments, intakes or waitlist entries"
ADMIN_ONLY = "only an admin may merge patient records"
SAFE = "SECURITY DEFINER SET search_path = pg_catalog, public"
# The stored-form rule of 0004 for the new instants (SQLite only).
_D = "[0-9]"


def _stored_form(column: str) -> str:
    return (
        f"{column} IS NULL OR (typeof({column}) = 'text' AND {column} GLOB "
        f"'{_D * 4}-{_D * 2}-{_D * 2} {_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}' AND "
        f"datetime(substr({column}, 1, 19), '+0 days') IS substr({column}, 1, 19) AND "
        f"substr({column}, 1, 4) <> '0000')"
    )


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


def _merges_table(sqlite: bool) -> None:
    checks = [
        sa.CheckConstraint("surviving_id <> merged_id", name=op.f("ck_patient_merges_two_records"))
    ]
    if sqlite:
        checks += [
            sa.CheckConstraint(_stored_form(c), name=op.f(f"ck_patient_merges_{c}_stored_form"))
            for c in ("merged_at", "undone_at")
        ]
    op.create_table(
        "patient_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("surviving_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column("merged_by", sa.Integer(), nullable=True),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("surviving_before", _json(), nullable=False),
        sa.Column("merged_before", _json(), nullable=False),
        sa.Column("taken", _json(), nullable=False),
        sa.Column("moved", _json(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        *checks,
        sa.ForeignKeyConstraint(
            ["surviving_id"], ["patients.id"], name=op.f("fk_patient_merges_surviving_id_patients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["merged_id"], ["patients.id"], name=op.f("fk_patient_merges_merged_id_patients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["merged_by"], ["staff_users.id"], name=op.f("fk_patient_merges_merged_by_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["undone_by"], ["staff_users.id"], name=op.f("fk_patient_merges_undone_by_staff_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_merges")),
    )  # fmt: skip
    op.create_index(op.f("ix_patient_merges_surviving_id"), "patient_merges", ["surviving_id"])
    op.create_index(op.f("ix_patient_merges_merged_id"), "patient_merges", ["merged_id"])


def _json() -> Any:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("patients", sa.Column("merged_into_id", sa.Integer(), nullable=True))
    fk = op.f("fk_patients_merged_into_id_patients")
    check = op.f("ck_patients_not_merged_into_itself")
    if sqlite:

        def change(batch: Any) -> None:
            batch.create_foreign_key(
                fk, "patients", ["merged_into_id"], ["id"], ondelete="RESTRICT"
            )
            batch.create_check_constraint(check, NOT_ITSELF)

        _sqlite_rebuild("patients", change)
    else:
        op.create_foreign_key(fk, "patients", "patients", ["merged_into_id"], ["id"],
                              ondelete="RESTRICT")  # fmt: skip
        op.create_check_constraint(check, "patients", NOT_ITSELF)
    op.create_index(op.f("ix_patients_merged_into_id"), "patients", ["merged_into_id"])
    _merges_table(sqlite)
    if sqlite:
        _sqlite_guards()
    else:
        _postgres_guards()
        _postgres_grants()


def _sqlite_guards() -> None:
    # One writer at a time on SQLite: a check inside the write is enough.
    for table in HOLDING_TABLES:
        for event in ("INSERT", "UPDATE OF patient_id"):
            name = f"{table}_not_for_merged_{event.split()[0].lower()}"
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {event} ON {table} "
                "WHEN NEW.patient_id IS NOT NULL BEGIN "
                f"SELECT RAISE(ABORT, '{MERGED}') WHERE EXISTS (SELECT 1 FROM patients p "
                "WHERE p.id = NEW.patient_id AND p.merged_into_id IS NOT NULL); END"
            )
    op.execute(
        "CREATE TRIGGER patients_merged_frozen BEFORE UPDATE ON patients "
        "WHEN OLD.merged_into_id IS NOT NULL AND NEW.merged_into_id IS NOT NULL BEGIN "
        f"SELECT RAISE(ABORT, '{TOMBSTONE_FROZEN}'); END"
    )
    keeps = " OR ".join(
        f"EXISTS (SELECT 1 FROM {t} WHERE patient_id = NEW.id)" for t in HOLDING_TABLES
    )
    for event in ("INSERT", "UPDATE OF merged_into_id"):
        op.execute(
            f"CREATE TRIGGER patients_merge_target_{event.split()[0].lower()} BEFORE {event} "
            "ON patients WHEN NEW.merged_into_id IS NOT NULL BEGIN "
            f"SELECT RAISE(ABORT, '{INTO_TOMBSTONE}') WHERE EXISTS (SELECT 1 FROM patients p "
            "WHERE p.id = NEW.merged_into_id AND p.merged_into_id IS NOT NULL); "
            f"SELECT RAISE(ABORT, '{KEEPS_ROWS}') WHERE {keeps}; END"
        )


def _postgres_guards() -> None:
    # The key-share lock (the one a foreign key takes; an edit of the record does not wait
    # for it) makes a booking wait for a merge holding the patient row FOR UPDATE, and a
    # merge wait for a booking in flight; the check after the lock reads what was committed
    # meanwhile (READ COMMITTED: a fresh snapshot per statement).
    op.execute(
        f"""CREATE FUNCTION patient_not_merged() RETURNS trigger LANGUAGE plpgsql {SAFE} AS $$
BEGIN
  IF NEW.patient_id IS NULL THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM patients WHERE id = NEW.patient_id FOR KEY SHARE;
  IF EXISTS (SELECT 1 FROM patients WHERE id = NEW.patient_id AND merged_into_id IS NOT NULL)
  THEN
    RAISE EXCEPTION '{MERGED}' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$"""
    )
    for table in HOLDING_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_not_for_merged BEFORE INSERT OR UPDATE OF patient_id "
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION patient_not_merged()"
        )
    keeps = " OR ".join(
        f"EXISTS (SELECT 1 FROM {t} WHERE patient_id = NEW.id)" for t in HOLDING_TABLES
    )
    op.execute(
        f"""CREATE FUNCTION patients_merge_guard() RETURNS trigger LANGUAGE plpgsql {SAFE} AS $$
DECLARE
  was integer := CASE WHEN TG_OP = 'UPDATE' THEN OLD.merged_into_id END;
BEGIN
  IF was IS NOT NULL AND NEW.merged_into_id IS NOT NULL THEN
    RAISE EXCEPTION '{TOMBSTONE_FROZEN}' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.merged_into_id IS DISTINCT FROM was
     AND pg_has_role(session_user, intake_group_role('staff'), 'MEMBER')
     AND NOT pg_has_role(session_user, intake_group_role('admin'), 'MEMBER') THEN
    RAISE EXCEPTION '{ADMIN_ONLY}' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.merged_into_id IS NOT NULL AND was IS NULL THEN
    -- Wait for bookings in flight on either record (their share locks), then look.
    PERFORM 1 FROM patients WHERE id IN (NEW.id, NEW.merged_into_id) ORDER BY id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM patients WHERE id = NEW.merged_into_id
               AND merged_into_id IS NOT NULL) THEN
      RAISE EXCEPTION '{INTO_TOMBSTONE}' USING ERRCODE = 'check_violation';
    END IF;
    IF {keeps} THEN
      RAISE EXCEPTION '{KEEPS_ROWS}' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$"""
    )
    op.execute(
        "CREATE TRIGGER patients_merge_guard BEFORE INSERT OR UPDATE ON patients "
        "FOR EACH ROW EXECUTE FUNCTION patients_merge_guard()"
    )
    for function in ("patient_not_merged()", "patients_merge_guard()"):
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")


def _postgres_grants() -> None:
    bind = op.get_bind()
    admin = bind.execute(sa.text("SELECT quote_ident(intake_group_role('admin'))")).scalar_one()
    op.execute(f"GRANT SELECT, INSERT ON patient_merges TO {admin}")
    op.execute(f"GRANT UPDATE (undone_at, undone_by) ON patient_merges TO {admin}")
    op.execute(f"GRANT USAGE ON SEQUENCE patient_merges_id_seq TO {admin}")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for table in HOLDING_TABLES:
            for event in ("insert", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_not_for_merged_{event}")
        for name in ("merged_frozen", "merge_target_insert", "merge_target_update"):
            op.execute(f"DROP TRIGGER IF EXISTS patients_{name}")
    else:
        for table in HOLDING_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_not_for_merged ON {table}")
        op.execute("DROP TRIGGER IF EXISTS patients_merge_guard ON patients")
        op.execute("DROP FUNCTION IF EXISTS patient_not_merged()")
        op.execute("DROP FUNCTION IF EXISTS patients_merge_guard()")
    op.drop_table("patient_merges")  # its grants go with it
    # The old schema has no tombstones: they become ordinary (empty) records again.
    op.drop_index(op.f("ix_patients_merged_into_id"), table_name="patients")
    fk = op.f("fk_patients_merged_into_id_patients")
    check = op.f("ck_patients_not_merged_into_itself")
    if sqlite:

        def change(batch: Any) -> None:
            batch.drop_constraint(check, type_="check")
            batch.drop_constraint(fk, type_="foreignkey")
            batch.drop_column("merged_into_id")

        _sqlite_rebuild("patients", change)
        return
    op.drop_constraint(check, "patients", type_="check")
    op.drop_constraint(fk, "patients", type_="foreignkey")
    op.drop_column("patients", "merged_into_id")
