"""tablet handovers per location, the patient's "finished" mark

- `intakes.location_id`: the location whose waiting-room tablet the desk handed the intake
  to (NULL: any tablet; desk intakes have none). A kiosk started with `--location CODE`
  greets only its own location's handovers and those with none.
- `intakes.finished_at`: when the patient touched Finish on the tablet (NULL: not finished
  there), so the desk can tell a finished self-intake from one still under way.
- `intakes.tablet_login` (PostgreSQL): the tablet login that took the draft, filled by a
  trigger with session_user on a tablet's first write (a desk's handover has none until a
  tablet takes it); nobody may set or change it. The tablet's row policy now shows a tablet
  login only its own drafts and the handovers no tablet has taken yet, so two tablets
  neither see, take nor change each other's patients.
- The tablet's two definer functions (0015) audit themselves: `intake_identify_patient`
  writes `self_identify` or `self_identify_failed` (the id found, never the name or date of
  birth typed), `intake_tablet_greeting` writes `tablet_greeting` (once per login and
  handover: the kiosk asks every few seconds and learns nothing new) or
  `tablet_greeting_refused` (every time). So a call over psql by the tablet's login is in
  the trail too; the program no longer writes its own row for them on PostgreSQL. Who and
  when come from the audit stamp (session_user, the database's clock); the workstation from
  the transaction's `intake.workstation` setting, which the program sets (as any client
  may name its workstation).

PostgreSQL: the tablet group may write `finished_at` on its rows (its other grants are as
0015 made them); the desk inserts the location with the row. SQLite cannot add a foreign
key in place: intakes is rebuilt, every trigger dropped first and written again after (as
0014 does).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCATION_FK = "fk_intakes_location_id_locations"
FINISHED_FORM = "ck_intakes_finished_at_stored_form"  # named as is (op.f): no second prefix
_D = "[0-9]"


def _stored_form(column: str) -> str:  # the stored-form rule of 0004 (SQLite only)
    return (
        f"{column} IS NULL OR (typeof({column}) = 'text' AND {column} GLOB "
        f"'{_D * 4}-{_D * 2}-{_D * 2} {_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}' AND "
        f"datetime(substr({column}, 1, 19), '+0 days') IS substr({column}, 1, 19) AND "
        f"substr({column}, 1, 4) <> '0000')"
    )


def _columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("tablet_login", sa.String(length=63), nullable=True),
    ]


def _sqlite_rebuilding(change: Any) -> None:
    bind = op.get_bind()
    query = sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    triggers = list(bind.execute(query))
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    with op.batch_alter_table("intakes", recreate="always") as batch_op:
        change(batch_op)
    for _name, sql in triggers:
        op.execute(sql)


IDENTIFY = "intake_identify_patient"
GREETING = "intake_tablet_greeting"
DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public"
WORKSTATION = "left(coalesce(current_setting('intake.workstation', true), ''), 120)"
AUDITED_IDENTIFY = f"""CREATE OR REPLACE FUNCTION {IDENTIFY}(given text, family text, born date)
RETURNS integer LANGUAGE plpgsql VOLATILE {DEFINER} AS $$
DECLARE
  matches integer;
  found integer;
BEGIN
  SELECT count(*), min(id) INTO matches, found FROM (
    SELECT id FROM patients WHERE given_norm = given AND family_norm = family
      AND date_of_birth = born AND merged_into_id IS NULL LIMIT 2) AS candidates;
  IF matches <> 1 THEN
    found := NULL;
  END IF;
  INSERT INTO audit_events (username, workstation, action, entity, entity_id, patient_id, fields)
    VALUES ('', {WORKSTATION},
            CASE WHEN found IS NULL THEN 'self_identify_failed' ELSE 'self_identify' END,
            'patient', found, found, '[]');
  RETURN found;
END $$"""
AUDITED_GREETING = f"""CREATE OR REPLACE FUNCTION {GREETING}(patient integer)
RETURNS text LANGUAGE plpgsql VOLATILE {DEFINER} AS $$
DECLARE
  handed timestamptz;
  label text;
BEGIN
  SELECT max(i.created_at) INTO handed FROM intakes i WHERE i.patient_id = patient
    AND i.source = 'tablet' AND i.status = 'draft'
    AND i.created_at >= now() - interval '15 minutes';
  IF handed IS NOT NULL THEN
    SELECT btrim(p.given_name) || CASE WHEN btrim(p.family_name) = '' THEN ''
      ELSE ' ' || left(btrim(p.family_name), 1) || '.' END
      INTO label FROM patients p WHERE p.id = patient;
  END IF;
  IF label IS NULL THEN
    INSERT INTO audit_events (username, workstation, action, entity, entity_id, fields)
      VALUES ('', {WORKSTATION}, 'tablet_greeting_refused', 'patient', patient, '[]');
  ELSIF NOT EXISTS (
    SELECT 1 FROM audit_events a WHERE a.patient_id = patient AND a.occurred_at >= handed
      AND a.action = 'tablet_greeting' AND a.db_login = session_user) THEN
    INSERT INTO audit_events (username, workstation, action, entity, entity_id, patient_id,
                              fields)
      VALUES ('', {WORKSTATION}, 'tablet_greeting', 'patient', patient, patient, '[]');
  END IF;
  RETURN label;
END $$"""
# Who took a tablet draft, from the database: a tablet's write takes a handover nobody took;
# anyone else's write (the desk's) leaves it as it was.
TABLET_LOGIN = f"""CREATE FUNCTION intakes_tablet_login() RETURNS trigger LANGUAGE plpgsql
{DEFINER} AS $$
BEGIN
  -- A superuser "is a member" of every role: only a real tablet login takes a draft.
  IF pg_has_role(session_user, intake_group_role('tablet'), 'MEMBER') AND NOT coalesce(
      (SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
    NEW.tablet_login := CASE WHEN TG_OP = 'UPDATE' THEN coalesce(OLD.tablet_login, session_user)
                             ELSE session_user END;
  ELSE
    NEW.tablet_login := CASE WHEN TG_OP = 'UPDATE' THEN OLD.tablet_login END;
  END IF;
  RETURN NEW;
END $$"""
OLD_TABLET_ROW = "source = 'tablet' AND status = 'draft'"  # 0015
TABLET_SEES = f"{OLD_TABLET_ROW} AND (tablet_login = session_user OR tablet_login IS NULL)"
TABLET_WRITES = f"{OLD_TABLET_ROW} AND tablet_login = session_user"


def _tablet_policy(tablet: str, using: str, check: str) -> None:
    op.execute("DROP POLICY IF EXISTS intakes_tablet ON intakes")
    op.execute(
        f"CREATE POLICY intakes_tablet ON intakes TO {tablet} USING ({using}) WITH CHECK ({check})"
    )


# 0015's bodies, for the way down.
PLAIN_IDENTIFY = f"""CREATE OR REPLACE FUNCTION {IDENTIFY}(given text, family text, born date)
RETURNS integer LANGUAGE sql STABLE {DEFINER} AS $$
  SELECT CASE WHEN count(*) = 1 THEN min(id) END FROM (
    SELECT id FROM patients WHERE given_norm = given AND family_norm = family
      AND date_of_birth = born AND merged_into_id IS NULL LIMIT 2) AS found
$$"""
PLAIN_GREETING = f"""CREATE OR REPLACE FUNCTION {GREETING}(patient integer)
RETURNS text LANGUAGE sql STABLE {DEFINER} AS $$
  SELECT btrim(p.given_name) || CASE WHEN btrim(p.family_name) = '' THEN ''
    ELSE ' ' || left(btrim(p.family_name), 1) || '.' END
  FROM patients p WHERE p.id = patient AND EXISTS (
    SELECT 1 FROM intakes i WHERE i.patient_id = patient AND i.source = 'tablet'
      AND i.status = 'draft' AND i.created_at >= now() - interval '15 minutes')
$$"""


def _tablet_group(bind: sa.Connection) -> str | None:
    name = bind.execute(sa.text("SELECT intake_group_role('tablet')")).scalar()
    return (
        None
        if name is None
        else bind.execute(sa.text("SELECT quote_ident(:n)"), {"n": name}).scalar_one()
    )


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":

        def intakes(batch: Any) -> None:
            for column in _columns():
                batch.add_column(column)
            batch.create_foreign_key(
                LOCATION_FK, "locations", ["location_id"], ["id"], ondelete="RESTRICT"
            )
            batch.create_check_constraint(op.f(FINISHED_FORM), _stored_form("finished_at"))

        _sqlite_rebuilding(intakes)
        return
    for column in _columns():
        op.add_column("intakes", column)
    op.create_foreign_key(
        LOCATION_FK, "intakes", "locations", ["location_id"], ["id"], ondelete="RESTRICT"
    )
    if tablet := _tablet_group(bind):
        op.execute(f"GRANT UPDATE (finished_at) ON intakes TO {tablet}")
    op.execute(TABLET_LOGIN)
    op.execute(
        "CREATE TRIGGER intakes_tablet_login BEFORE INSERT OR UPDATE ON intakes "
        "FOR EACH ROW EXECUTE FUNCTION intakes_tablet_login()"
    )
    if tablet:
        _tablet_policy(tablet, TABLET_SEES, TABLET_WRITES)
    # Replaced in place: the grants of 0015 (staff and tablet may execute) stay.
    op.execute(AUDITED_IDENTIFY)
    op.execute(AUDITED_GREETING)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":

        def intakes(batch: Any) -> None:
            batch.drop_constraint(op.f(FINISHED_FORM), type_="check")
            batch.drop_constraint(LOCATION_FK, type_="foreignkey")
            for column in _columns():
                batch.drop_column(column.name)

        _sqlite_rebuilding(intakes)
        return
    op.execute(PLAIN_IDENTIFY)
    op.execute(PLAIN_GREETING)
    if tablet := _tablet_group(op.get_bind()):
        _tablet_policy(tablet, OLD_TABLET_ROW, OLD_TABLET_ROW)
    op.execute("DROP TRIGGER IF EXISTS intakes_tablet_login ON intakes")
    op.execute("DROP FUNCTION IF EXISTS intakes_tablet_login()")
    op.drop_constraint(LOCATION_FK, "intakes", type_="foreignkey")
    for column in _columns():
        op.drop_column("intakes", column.name)  # their grants go with them
