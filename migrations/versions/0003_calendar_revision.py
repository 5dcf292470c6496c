"""calendar revision counter; schedule changes announced by the database

A single-row counter that triggers bump on every write to what calendars are built from,
so services may cache those parts and know for certain when to reload them, whichever PC
(or tool) made the change.

PostgreSQL: every write to an appointment sends `pg_notify('intake_schedule', ...)` naming
the location and local day (nothing about the patient) from a trigger, so every writer is
heard and the booking transaction needs no extra round trip. The server delivers it only on
commit and folds repeats within one transaction.

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
# The counter takes a value never used before rather than counting up: a rolled-back change
# must not leave a number that a later, different change would take again (a cache built
# inside that transaction would then look current). A sequence on PostgreSQL (not rolled
# back); a 64-bit random number on SQLite, which has no sequences.
# The same holds across a downgrade and upgrade, while PCs keep their caches: the first value
# is random on SQLite, and on PostgreSQL the sequence starts at the server clock in
# microseconds, above every value a sequence created earlier could have reached (that would
# take a million changes a second), so there the revision only ever increases.
SEED_POSTGRES = (
    "SELECT setval('calendar_revision_seq', "
    "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint)"
)
BUMP_POSTGRES = (
    "UPDATE calendar_revision SET revision = nextval('calendar_revision_seq') WHERE id = 1"
)
BUMP_SQLITE = "UPDATE calendar_revision SET revision = random() WHERE id = 1"
CHANNEL = "intake_schedule"  # intake.services.changes.CHANNEL, frozen here


def _announce(row: str) -> str:
    return (
        f"PERFORM pg_notify('{CHANNEL}', json_build_object('location_id', {row}.location_id, "
        f"'day', to_char({row}.starts_at AT TIME ZONE l.timezone, 'YYYY-MM-DD'))::text) "
        f"FROM locations l WHERE l.id = {row}.location_id;"
    )


def upgrade() -> None:
    op.create_table(
        "calendar_revision",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_calendar_revision_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_revision")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE calendar_revision_seq")
        op.execute(SEED_POSTGRES)
        op.execute(
            "INSERT INTO calendar_revision (id, revision) "
            "VALUES (1, nextval('calendar_revision_seq'))"
        )
        op.execute(
            "CREATE FUNCTION calendar_revision_bump() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {BUMP_POSTGRES}; RETURN NULL; END $$"
        )
        for table in WATCHED:
            # Once per statement: a bulk load moves the counter once, not per row.
            op.execute(
                f"CREATE TRIGGER {table}_calendar_revision AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION calendar_revision_bump()"
            )
        op.execute(
            "CREATE FUNCTION appointments_announce() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN IF TG_OP <> 'INSERT' THEN {_announce('OLD')} END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_announce('NEW')} END IF; RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER appointments_announce AFTER INSERT OR UPDATE OR DELETE "
            "ON appointments FOR EACH ROW EXECUTE FUNCTION appointments_announce()"
        )
        return
    op.execute("INSERT INTO calendar_revision (id, revision) VALUES (1, random())")
    for table in WATCHED:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_calendar_revision_{event.lower()} AFTER {event} "
                f"ON {table} BEGIN {BUMP_SQLITE}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS appointments_announce ON appointments")
        op.execute("DROP FUNCTION IF EXISTS appointments_announce()")
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_calendar_revision ON {table}")
        op.execute("DROP FUNCTION IF EXISTS calendar_revision_bump()")
        op.execute("DROP SEQUENCE IF EXISTS calendar_revision_seq")
    else:
        for table in WATCHED:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_calendar_revision_{event}")
    op.drop_table("calendar_revision")
