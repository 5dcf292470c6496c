"""the waiting-room tablet signs in as a login of its own that cannot read patients

- `staff_users.role` may be 'tablet': an account an admin makes for the kiosk.

PostgreSQL: a tablet group role, NOT a member of the staff group, holding only what a
self-intake needs: identify a patient through `intake_identify_patient` (SECURITY DEFINER;
exact folded name and date of birth, the id of the one match or NULL, nothing else), insert
and update intakes that are tablet drafts (row-level security on intakes: the staff see
every row as before, the tablet only `source = 'tablet' AND status = 'draft'`), insert desk
alerts, insert audit events, and read the few non-patient tables a sign-in and the
questionnaire need (its own account, the schema requirement, the journal key, locations).
The account trigger and the group-role function of 0006 learn the new kind; a tablet
login does not count as an admin there. SQLite only widens the role check (staff_users is
rebuilt, every trigger dropped first and written again after, as 0014 does).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ("staff", "front_desk", "therapist", "admin")  # 0006's group kinds
OLD_ROLES = "('front_desk', 'therapist', 'admin')"
NEW_ROLES = "('front_desk', 'therapist', 'admin', 'tablet')"
ROLE_CHECK = "ck_staff_users_known_role"
# 0006's trigger counted any login outside the staff group as the IT person (an admin).
OLD_ADMIN = "NOT pg_has_role(session_user, intake_group_role('staff'), 'MEMBER')"
NEW_ADMIN = (
    "NOT (pg_has_role(session_user, intake_group_role('staff'), 'MEMBER') "
    "OR pg_has_role(session_user, intake_group_role('tablet'), 'MEMBER'))"
)
ACCOUNT_READ = (
    "id", "username", "display_name", "role", "active", "failed_sign_ins", "locked_until",
    "created_at", "version", "db_login", "must_change_password",
)  # fmt: skip
ACCOUNT_OWN_WRITE = ("password_hash", "must_change_password", "version")
# What the tablet writes on an intake: never who reviewed or submitted it.
INTAKE_WRITE = (
    "patient_id", "checklist_id", "checklist_version", "answers", "screening",
    "screening_status", "triage", "created_by", "patient_language", "source", "version",
    "updated_at",
)  # fmt: skip
IDENTIFY = "intake_identify_patient(text, text, date)"
# The tablet's welcome page greets the patient the desk handed it to ("Ann T."): only a
# patient with a tablet handover of the last 15 minutes, and only the first name and initial.
GREETING = "intake_tablet_greeting(integer)"
TABLET_ROW = "source = 'tablet' AND status = 'draft'"


def _ident(bind: sa.Connection, name: str) -> str:
    return bind.execute(sa.text("SELECT quote_ident(:n)"), {"n": name}).scalar_one()


def _replace_in_function(bind: sa.Connection, signature: str, old: str, new: str) -> None:
    # Edited in place rather than copied: 0006 owns the body, this changes two phrases.
    body = bind.execute(
        sa.text("SELECT pg_get_functiondef(CAST(:s AS regprocedure))"), {"s": signature}
    ).scalar_one()
    if old not in body:
        raise RuntimeError(f"{signature} is not as 0006 wrote it")
    bind.execute(sa.text(body.replace(old, new)))


def _group_function(bind: sa.Connection, groups: dict[str, str]) -> None:
    cases = " ".join(f"WHEN '{kind}' THEN '{name}'" for kind, name in groups.items())
    op.execute(
        "CREATE OR REPLACE FUNCTION intake_group_role(kind text) RETURNS text LANGUAGE sql "
        f"IMMUTABLE SET search_path = pg_catalog AS $$ SELECT CASE kind {cases} END $$"
    )


def _existing_columns(bind: sa.Connection, table: str, wanted: Sequence[str]) -> list[str]:
    names = set(
        bind.execute(
            sa.text(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :t"
            ),
            {"t": table},
        ).scalars()
    )
    return [name for name in wanted if name in names]


def _sqlite_role_check(values: str) -> None:
    bind = op.get_bind()
    query = sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    triggers = list(bind.execute(query))
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')

    def change(batch: Any) -> None:
        batch.drop_constraint(op.f(ROLE_CHECK), type_="check")
        batch.create_check_constraint(op.f(ROLE_CHECK), f"role IN {values}")

    with op.batch_alter_table("staff_users", recreate="always") as batch_op:
        change(batch_op)
    for _name, sql in triggers:
        op.execute(sql)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _sqlite_role_check(NEW_ROLES)
        return
    op.drop_constraint(op.f(ROLE_CHECK), "staff_users", type_="check")
    op.create_check_constraint(op.f(ROLE_CHECK), "staff_users", f"role IN {NEW_ROLES}")
    query = sa.text("SELECT intake_group_role(:k)")
    groups = {kind: bind.execute(query, {"k": kind}).scalar_one() for kind in KINDS}
    groups["tablet"] = bind.execute(
        sa.text("SELECT intake_login_name('intake+tablet')")
    ).scalar_one()
    tablet = _ident(bind, groups["tablet"])
    exists = bind.execute(
        sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": groups["tablet"]}
    ).scalar()
    if not exists:
        op.execute(f"CREATE ROLE {tablet} NOLOGIN")
    _group_function(bind, groups)
    _replace_in_function(bind, "staff_users_login()", OLD_ROLES, NEW_ROLES)
    _replace_in_function(bind, "staff_users_login()", OLD_ADMIN, NEW_ADMIN)
    # Names are compared as the program stores them (intake.domain.text.fold_name, done by
    # the caller); merged records are not patients any more. One match or nothing.
    op.execute(
        f"""CREATE FUNCTION {IDENTIFY.replace("(text, text, date)", "")}(
  given text, family text, born date) RETURNS integer LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT CASE WHEN count(*) = 1 THEN min(id) END FROM (
    SELECT id FROM patients WHERE given_norm = given AND family_norm = family
      AND date_of_birth = born AND merged_into_id IS NULL LIMIT 2) AS found
$$"""
    )
    op.execute(f"REVOKE ALL ON FUNCTION {IDENTIFY} FROM PUBLIC")
    op.execute(
        f"""CREATE FUNCTION {GREETING.replace("(integer)", "")}(patient integer)
RETURNS text LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT btrim(p.given_name) || CASE WHEN btrim(p.family_name) = '' THEN ''
    ELSE ' ' || left(btrim(p.family_name), 1) || '.' END
  FROM patients p WHERE p.id = patient AND EXISTS (
    SELECT 1 FROM intakes i WHERE i.patient_id = patient AND i.source = 'tablet'
      AND i.status = 'draft' AND i.created_at >= now() - interval '15 minutes')
$$"""
    )
    op.execute(f"REVOKE ALL ON FUNCTION {GREETING} FROM PUBLIC")
    database = _ident(bind, bind.execute(sa.text("SELECT current_database()")).scalar_one())
    staff = _ident(bind, groups["staff"])
    read = ", ".join(ACCOUNT_READ)
    write = ", ".join(_existing_columns(bind, "intakes", INTAKE_WRITE))
    for statement in (
        f"GRANT CONNECT ON DATABASE {database} TO {tablet}",
        f"GRANT USAGE ON SCHEMA public TO {tablet}",
        f"GRANT EXECUTE ON FUNCTION {IDENTIFY} TO {staff}",  # the desk may run a kiosk too
        f"GRANT EXECUTE ON FUNCTION {GREETING} TO {staff}",
        f"GRANT EXECUTE ON FUNCTION {IDENTIFY}, {GREETING}, intake_signed_in(text), "
        f"intake_login_name(text) TO {tablet}",
        f"GRANT SELECT ({read}) ON staff_users TO {tablet}",
        f"GRANT UPDATE ({', '.join(ACCOUNT_OWN_WRITE)}) ON staff_users TO {tablet}",
        f"GRANT SELECT ON locations, alembic_version, journal_key, schema_requirement TO {tablet}",
        f"GRANT SELECT, INSERT ON intakes TO {tablet}",
        f"GRANT UPDATE ({write}) ON intakes TO {tablet}",
        f"GRANT INSERT ON desk_alerts, audit_events TO {tablet}",
        f"GRANT SELECT (id) ON desk_alerts TO {tablet}",  # INSERT ... RETURNING id
        f"GRANT USAGE ON SEQUENCE intakes_id_seq, desk_alerts_id_seq, audit_events_id_seq "
        f"TO {tablet}",
        "ALTER TABLE intakes ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY intakes_staff ON intakes TO {staff} USING (true) WITH CHECK (true)",
        f"CREATE POLICY intakes_tablet ON intakes TO {tablet} USING ({TABLET_ROW}) "
        f"WITH CHECK ({TABLET_ROW})",
    ):
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    tablets = bind.execute(
        sa.text("SELECT count(*) FROM staff_users WHERE role = 'tablet'")
    ).scalar_one()
    if tablets:
        raise RuntimeError(
            "Tablet accounts exist: an older program cannot hold them. Remove them (or keep "
            "this version) before going back."
        )
    if bind.dialect.name == "sqlite":
        _sqlite_role_check(OLD_ROLES)
        return
    query = sa.text("SELECT intake_group_role(:k)")
    groups = {kind: bind.execute(query, {"k": kind}).scalar_one() for kind in KINDS}
    tablet_name = bind.execute(query, {"k": "tablet"}).scalar_one()
    op.execute("DROP POLICY IF EXISTS intakes_tablet ON intakes")
    op.execute("DROP POLICY IF EXISTS intakes_staff ON intakes")
    op.execute("ALTER TABLE intakes DISABLE ROW LEVEL SECURITY")
    op.execute(f"DROP FUNCTION IF EXISTS {IDENTIFY}")
    op.execute(f"DROP FUNCTION IF EXISTS {GREETING}")
    _replace_in_function(bind, "staff_users_login()", NEW_ADMIN, OLD_ADMIN)
    _replace_in_function(bind, "staff_users_login()", NEW_ROLES, OLD_ROLES)
    _group_function(bind, groups)
    op.drop_constraint(op.f(ROLE_CHECK), "staff_users", type_="check")
    op.create_check_constraint(op.f(ROLE_CHECK), "staff_users", f"role IN {OLD_ROLES}")
    if tablet_name is None:
        return
    who = _ident(bind, tablet_name)
    database = _ident(bind, bind.execute(sa.text("SELECT current_database()")).scalar_one())
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {who}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {who}")
    op.execute(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {who}")
    op.execute(f"REVOKE ALL ON SCHEMA public FROM {who}")
    op.execute(f"REVOKE ALL ON DATABASE {database} FROM {who}")
    # A copy of another database keeps its original's group: only ours goes.
    mine = bind.execute(
        sa.text("SELECT intake_login_name('intake+tablet') = :n"), {"n": tablet_name}
    ).scalar()
    if mine:
        op.execute(
            "DO $$ BEGIN EXECUTE format('DROP ROLE IF EXISTS %I', "
            f"'{tablet_name.replace(chr(39), chr(39) * 2)}'); "
            "EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $$"
        )
