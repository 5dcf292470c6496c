"""the database is the trust boundary: a PostgreSQL login per person, group roles, grants

PostgreSQL: the login running this upgrade (the IT person's, with CREATEROLE) owns the
schema. It creates one group role per program role (front desk, therapist, admin; all
members of a `staff` group) holding exactly the grants their work needs, table by table and
column by column, and a login per staff account (`name@database`, a member of its group and
nothing else). Staff accounts are kept in step with their logins by a trigger on
`staff_users` that runs as the owner: creating an account creates its login, a role change
moves it between groups, switching it off or locking it makes it NOLOGIN, a new password
(given only as a SCRAM verifier, never in clear) becomes the login's. No hash is kept in
the table on PostgreSQL. One server-wide login, `intake_gate`, whose password is public by
design, can do nothing but call three functions: name the login for a user name, lift an
expired lock, and count a wrong password (the program's lockout, five tries, 15 minutes).
The audit trail is INSERT-only for staff; each row gets its time from the database's clock
and its writer from `session_user` (and, for a staff login, the account), whatever the
client sent.

Existing accounts become logins, each with a one-time password printed for the IT person
and a password change forced at the next sign-in. SQLite gains the two columns only.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from intake.domain.accounts import LOCKOUT, MAX_FAILED_SIGN_INS
from intake.services.passwords import scram_verifier

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GATE = "intake_gate"  # intake.services.logins.GATE_LOGIN, frozen here
GATE_PASSWORD = "intake_gate"  # public: the gate can read nothing
GROUPS = ("staff", "front_desk", "therapist", "admin")
MEMBER_OF = {"front_desk": "staff", "therapist": "staff", "admin": "therapist"}
SETUP_TABLES = (
    "locations",
    "opening_hours",
    "closures",
    "appointment_types",
    "therapists",
    "therapist_locations",
    "availability_templates",
    "time_off",
)
REVIEW_COLUMNS = ("reviewed_by", "reviewed_at", "returned_by", "returned_at", "return_note")
ACCOUNT_READ = (
    "id", "username", "display_name", "role", "active", "failed_sign_ins", "locked_until",
    "created_at", "version", "db_login", "must_change_password",
)  # fmt: skip
ACCOUNT_ADMIN_WRITE = (
    "username", "display_name", "role", "password_hash", "active", "failed_sign_ins",
    "locked_until", "created_at", "version", "must_change_password",
)  # fmt: skip
ACCOUNT_ADMIN_INSERT = (*ACCOUNT_ADMIN_WRITE, "db_login")  # the trigger sets it whatever is sent
ACCOUNT_OWN_WRITE = ("password_hash", "must_change_password", "version")
OUR_FUNCTIONS = (
    "intake_login_name(text)",
    "intake_group_role(text)",
    "intake_sign_in_ready(text)",
    "intake_sign_in_failed(text, text)",
    "intake_signed_in(text)",
    "staff_users_login()",
    "audit_events_stamp()",
)


def _intake_columns(bind: sa.Connection) -> list[str]:
    names = bind.execute(
        sa.text(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'intakes' ORDER BY 1"
        )
    ).scalars()
    return [name for name in names if name not in REVIEW_COLUMNS and name != "id"]


def _grants(bind: sa.Connection) -> dict[str, list[str]]:
    """Group kind → GRANT statements (table names and columns are ours, fixed here)."""
    read = ", ".join(ACCOUNT_READ)
    front = [
        "GRANT SELECT, INSERT, UPDATE ON patients, appointments, waitlist_entries TO {g}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON patient_search_keys TO {g}",
        "GRANT SELECT, INSERT ON intakes TO {g}",
        f"GRANT UPDATE ({', '.join(_intake_columns(bind))}) ON intakes TO {{g}}",
        f"GRANT SELECT ON {', '.join(SETUP_TABLES)}, calendar_revision, alembic_version, "
        "journal_key TO {g}",
        "GRANT INSERT ON audit_events TO {g}",
        f"GRANT SELECT ({read}) ON staff_users TO {{g}}",
        f"GRANT UPDATE ({', '.join(ACCOUNT_OWN_WRITE)}) ON staff_users TO {{g}}",
        "GRANT EXECUTE ON FUNCTION intake_signed_in(text), intake_login_name(text) TO {g}",
    ]
    for table in ("patients", "appointments", "waitlist_entries", "intakes", "audit_events"):
        front.append(f"GRANT USAGE ON SEQUENCE {table}_id_seq TO {{g}}")
    admin = [
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(SETUP_TABLES)} TO {{g}}",
        "GRANT SELECT ON audit_events TO {g}",
        f"GRANT INSERT ({', '.join(ACCOUNT_ADMIN_INSERT)}) ON staff_users TO {{g}}",
        f"GRANT UPDATE ({', '.join(ACCOUNT_ADMIN_WRITE)}) ON staff_users TO {{g}}",
        "GRANT USAGE ON SEQUENCE staff_users_id_seq TO {g}",
    ]
    admin += [
        f"GRANT USAGE ON SEQUENCE {table}_id_seq TO {{g}}"
        for table in SETUP_TABLES
        if _has_sequence(bind, table)
    ]
    return {
        "staff": front,
        "therapist": [f"GRANT UPDATE ({', '.join(REVIEW_COLUMNS)}) ON intakes TO {{g}}"],
        "admin": admin,
    }


def _has_sequence(bind: sa.Connection, table: str) -> bool:
    query = sa.text("SELECT 1 FROM pg_class WHERE relkind = 'S' AND relname = :n")
    return bind.execute(query, {"n": f"{table}_id_seq"}).scalar() is not None


def _group(bind: sa.Connection, kind: str) -> str:
    query = sa.text("SELECT intake_login_name(:n)")
    return bind.execute(query, {"n": f"intake+{kind}"}).scalar_one()


def _ident(bind: sa.Connection, name: str) -> str:
    return bind.execute(sa.text("SELECT quote_ident(:n)"), {"n": name}).scalar_one()


def upgrade() -> None:
    op.add_column("staff_users", sa.Column("db_login", sa.String(63), nullable=True))
    op.add_column(
        "staff_users",
        sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column("audit_events", sa.Column("db_login", sa.String(63), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    _require_createrole(bind)
    _functions_for_names(bind)
    groups = {kind: _group(bind, kind) for kind in GROUPS}
    _group_roles(bind, groups)
    _functions_for_accounts(bind, groups)
    _lock_down(bind, groups)
    _convert_accounts(bind)


def _require_createrole(bind: sa.Connection) -> None:
    allowed = bind.execute(
        sa.text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not allowed:
        raise RuntimeError(
            "This upgrade creates the staff's database logins: run it as a login with "
            "CREATEROLE that owns the database (see docs/security.md)."
        )


def _functions_for_names(bind: sa.Connection) -> None:
    # A login name is the user name, '@', and the database: unique on a server holding many
    # practices' databases. Over PostgreSQL's 63 bytes, the database part is shortened and
    # marked with its hash. User names are ASCII (intake.domain.accounts.USERNAME_PATTERN).
    op.execute(
        "CREATE FUNCTION intake_login_name(name text) RETURNS text LANGUAGE sql STABLE "
        "SET search_path = pg_catalog AS $$ SELECT CASE "
        "WHEN octet_length(name || '@' || current_database()) <= 63 "
        "THEN name || '@' || current_database() "
        "ELSE name || '@' || left(current_database(), greatest(0, 53 - length(name))) "
        "|| '~' || left(md5(current_database()), 8) END $$"
    )


def _group_roles(bind: sa.Connection, groups: dict[str, str]) -> None:
    for name in groups.values():
        exists = bind.execute(
            sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}
        ).scalar()
        if not exists:
            op.execute(f"CREATE ROLE {_ident(bind, name)} NOLOGIN")
    for kind, parent in MEMBER_OF.items():
        op.execute(f"GRANT {_ident(bind, groups[parent])} TO {_ident(bind, groups[kind])}")
    query = sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n")
    exists = bind.execute(query, {"n": GATE}).scalar()
    if not exists:
        verifier = scram_verifier(GATE_PASSWORD).replace(":", "\\:")  # not a bind parameter
        op.execute(f"CREATE ROLE {GATE} LOGIN PASSWORD '{verifier}'")
    cases = " ".join(f"WHEN '{kind}' THEN '{name}'" for kind, name in groups.items())
    op.execute(
        "CREATE FUNCTION intake_group_role(kind text) RETURNS text LANGUAGE sql IMMUTABLE "
        f"SET search_path = pg_catalog AS $$ SELECT CASE kind {cases} END $$"
    )


def _functions_for_accounts(bind: sa.Connection, groups: dict[str, str]) -> None:
    minutes = int(LOCKOUT.total_seconds() // 60)
    safe = "SECURITY DEFINER SET search_path = pg_catalog, public"
    # Keeps each account's login in step with its row; runs as the owner (who alone may
    # create and alter roles), after the table's grants decided who may change which column.
    op.execute(
        f"""CREATE FUNCTION staff_users_login() RETURNS trigger LANGUAGE plpgsql {safe} AS $$
DECLARE
  acting_admin boolean := NOT pg_has_role(session_user, intake_group_role('staff'), 'MEMBER')
    OR pg_has_role(session_user, intake_group_role('admin'), 'MEMBER');
  verifier text := NEW.password_hash;
BEGIN
  IF NEW.role NOT IN ('front_desk', 'therapist', 'admin') THEN
    RAISE EXCEPTION 'unknown role' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.username <> OLD.username OR NEW.db_login IS DISTINCT FROM OLD.db_login THEN
      RAISE EXCEPTION 'a user name and its login cannot change'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT acting_admin THEN
      IF OLD.db_login IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'only an admin may change another person''s account'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF OLD.must_change_password AND NOT NEW.must_change_password
         AND verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION 'a forced password change needs a new password'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
    END IF;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.db_login IS NULL THEN
    IF octet_length(NEW.username) > 40 THEN
      RAISE EXCEPTION 'a user name is at most 40 characters' USING ERRCODE = 'check_violation';
    END IF;
    NEW.db_login := intake_login_name(NEW.username);
    EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', NEW.db_login, intake_group_role(NEW.role));
  ELSIF TG_OP = 'UPDATE' AND NEW.role <> OLD.role THEN
    EXECUTE format('REVOKE %I FROM %I', intake_group_role(OLD.role), NEW.db_login);
    EXECUTE format('GRANT %I TO %I', intake_group_role(NEW.role), NEW.db_login);
  END IF;
  IF verifier LIKE 'SCRAM-SHA-256$%' THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', NEW.db_login, verifier);
  END IF;
  NEW.password_hash := '';
  EXECUTE format('ALTER ROLE %I %s', NEW.db_login,
    CASE WHEN NEW.active AND (NEW.locked_until IS NULL OR NEW.locked_until <= now())
    THEN 'LOGIN' ELSE 'NOLOGIN' END);
  RETURN NEW;
END $$"""
    )
    op.execute(
        "CREATE TRIGGER staff_users_login BEFORE INSERT OR UPDATE ON staff_users "
        "FOR EACH ROW EXECUTE FUNCTION staff_users_login()"
    )
    # The gate, before a sign-in: the login for a user name (whether or not it exists), and
    # an expired lock lifted.
    op.execute(
        f"""CREATE FUNCTION intake_sign_in_ready(name text) RETURNS text
LANGUAGE plpgsql {safe} AS $$
BEGIN
  UPDATE staff_users SET locked_until = NULL, failed_sign_ins = 0, version = version + 1
    WHERE username = name AND locked_until <= now();
  RETURN intake_login_name(name);
END $$"""
    )
    # The gate, after the server refused a password: count it (the lockout), audit it.
    op.execute(
        f"""CREATE FUNCTION intake_sign_in_failed(name text, station text) RETURNS void
LANGUAGE plpgsql {safe} AS $$
DECLARE
  account staff_users%ROWTYPE;
  what text := 'sign_in_failed';
  changed jsonb := '[]';
BEGIN
  SELECT * INTO account FROM staff_users WHERE username = name FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_events (username, workstation, action, entity, fields)
      VALUES ('(unknown)', left(coalesce(station, ''), 120), what, 'account', changed);
    RETURN;
  END IF;
  IF account.locked_until > now() THEN
    what := 'sign_in_refused_locked';
  ELSIF NOT account.active THEN
    what := 'sign_in_refused_inactive';
  ELSIF account.failed_sign_ins + 1 >= {MAX_FAILED_SIGN_INS} THEN
    UPDATE staff_users SET failed_sign_ins = 0, version = version + 1,
      locked_until = now() + interval '{minutes} minutes' WHERE id = account.id;
    changed := '["failed_sign_ins", "locked_until"]';
  ELSE
    UPDATE staff_users SET failed_sign_ins = failed_sign_ins + 1, version = version + 1
      WHERE id = account.id;
    changed := '["failed_sign_ins"]';
  END IF;
  INSERT INTO audit_events (user_id, username, workstation, action, entity, entity_id, fields)
    VALUES (account.id, account.username, left(coalesce(station, ''), 120), what, 'account',
            account.id, changed);
END $$"""
    )
    # The person, once the server let them in: the count of wrong tries starts again.
    op.execute(
        f"""CREATE FUNCTION intake_signed_in(station text) RETURNS integer
LANGUAGE plpgsql {safe} AS $$
DECLARE
  account staff_users%ROWTYPE;
  changed jsonb := '[]';
BEGIN
  SELECT * INTO account FROM staff_users WHERE db_login = session_user FOR UPDATE;
  IF NOT FOUND OR NOT account.active OR account.locked_until > now() THEN
    RAISE EXCEPTION 'not a usable staff login' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF account.failed_sign_ins <> 0 OR account.locked_until IS NOT NULL THEN
    UPDATE staff_users SET failed_sign_ins = 0, locked_until = NULL, version = version + 1
      WHERE id = account.id;
    changed := '["failed_sign_ins", "locked_until"]';
  END IF;
  INSERT INTO audit_events (workstation, action, entity, entity_id, fields)
    VALUES (left(coalesce(station, ''), 120), 'sign_in', 'account', account.id, changed);
  RETURN account.id;
END $$"""
    )
    # Who and when, from the database: the client may add only the workstation's name.
    op.execute(
        f"""CREATE FUNCTION audit_events_stamp() RETURNS trigger LANGUAGE plpgsql {safe} AS $$
DECLARE
  account staff_users%ROWTYPE;
BEGIN
  NEW.db_login := session_user;
  NEW.occurred_at := clock_timestamp();
  SELECT * INTO account FROM staff_users WHERE db_login = session_user;
  IF FOUND THEN
    NEW.user_id := account.id;
    NEW.username := account.username;
  END IF;
  RETURN NEW;
END $$"""
    )
    op.execute(
        "CREATE TRIGGER audit_events_stamp BEFORE INSERT ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION audit_events_stamp()"
    )
    # Admins change the practice set-up: the calendar's counter moves without them holding
    # any right on it.
    op.execute(
        "ALTER FUNCTION calendar_revision_bump() SECURITY DEFINER "
        "SET search_path = pg_catalog, public"
    )


def _lock_down(bind: sa.Connection, groups: dict[str, str]) -> None:
    database = _ident(bind, bind.execute(sa.text("SELECT current_database()")).scalar_one())
    staff = _ident(bind, groups["staff"])
    op.execute(f"REVOKE ALL ON DATABASE {database} FROM PUBLIC")
    op.execute(f"GRANT CONNECT ON DATABASE {database} TO {staff}, {GATE}")
    op.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {staff}, {GATE}")
    op.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    op.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC")
    for signature in (*OUR_FUNCTIONS, "calendar_revision_bump()"):
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    op.execute(
        f"GRANT EXECUTE ON FUNCTION intake_sign_in_ready(text), "
        f"intake_sign_in_failed(text, text) TO {GATE}"
    )
    for kind, statements in _grants(bind).items():
        for statement in statements:
            op.execute(statement.format(g=_ident(bind, groups[kind])))


def _convert_accounts(bind: sa.Connection) -> None:
    """Every existing account becomes a login with a one-time password (printed once, for
    the IT person to hand out) and must choose its own at the next sign-in."""
    rows = bind.execute(
        sa.text("SELECT id, username FROM staff_users WHERE db_login IS NULL ORDER BY username")
    ).all()
    issued = []
    for account_id, username in rows:
        one_time = "-".join(secrets.token_hex(3) for _ in range(3))
        bind.execute(
            sa.text(
                "UPDATE staff_users SET password_hash = :v, must_change_password = true, "
                "version = version + 1 WHERE id = :id"
            ),
            {"v": scram_verifier(one_time), "id": account_id},
        )
        issued.append((username, one_time))
    if issued:
        width = max(len(name) for name, _ in issued)
        print(
            "Staff accounts now sign in to the database with their own logins. Give each "
            "person their one-time password; the program asks for a new one at first sign-in:"
        )
        for name, one_time in issued:
            print(f"  {name.ljust(width)}  {one_time}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        _downgrade_postgres(bind)
    # Plain DROP COLUMN (SQLite 3.35+): a batch rebuild would drop the tables' triggers.
    op.execute("ALTER TABLE audit_events DROP COLUMN db_login")
    op.execute("ALTER TABLE staff_users DROP COLUMN must_change_password")
    op.execute("ALTER TABLE staff_users DROP COLUMN db_login")


def _downgrade_postgres(bind: sa.Connection) -> None:
    # The names the upgrade gave (a copy of the database keeps its original's roles).
    query = sa.text("SELECT intake_group_role(:kind)")
    groups = {kind: bind.execute(query, {"kind": kind}).scalar_one() for kind in GROUPS}
    logins = (
        bind.execute(sa.text("SELECT db_login FROM staff_users WHERE db_login IS NOT NULL"))
        .scalars()
        .all()
    )
    op.execute("DROP TRIGGER IF EXISTS audit_events_stamp ON audit_events")
    op.execute("DROP TRIGGER IF EXISTS staff_users_login ON staff_users")
    op.execute("ALTER FUNCTION calendar_revision_bump() SECURITY INVOKER RESET search_path")
    database = _ident(bind, bind.execute(sa.text("SELECT current_database()")).scalar_one())
    for name in (*groups.values(), GATE):
        who = _ident(bind, name)
        op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {who}")
        op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {who}")
        op.execute(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {who}")
        op.execute(f"REVOKE ALL ON SCHEMA public FROM {who}")
        op.execute(f"REVOKE ALL ON DATABASE {database} FROM {who}")
    op.execute(f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO PUBLIC")
    op.execute("GRANT USAGE ON SCHEMA public TO PUBLIC")
    # Roles are the server's, not the database's: only those named for this database go (a
    # copy made from another database, as tests make, keeps using its original's).
    mine = sa.text("SELECT intake_login_name(:name) = :login")
    named_here = [
        login
        for login, name in [*((x, x.rsplit("@", 1)[0]) for x in logins),
                            *((g, f"intake+{k}") for k, g in reversed(groups.items()))]
        if bind.execute(mine, {"name": name, "login": login}).scalar()
    ]  # fmt: skip
    for name in named_here:
        op.execute(
            "DO $$ BEGIN EXECUTE format('DROP ROLE IF EXISTS %I', "
            f"{_literal(name)}); EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $$"
        )
    for signature in OUR_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    # Passwords were never kept in the table on PostgreSQL: accounts need a reset after this.
    op.execute("UPDATE staff_users SET password_hash = '!'")


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
