"""Migrations run both ways on both backends, and agree with the models."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from intake.db import migrate
from intake.db.engine import create_database_engine
from intake.domain.errors import SchemaMismatch
from intake.services.database import open_database
from tests.db.rows import insert_appointment, seed_practice


def test_upgrade_downgrade_upgrade_with_rows_present(empty_database_url: str):
    engine = create_database_engine(empty_database_url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        seed_practice(conn)
        insert_appointment(conn)
    assert migrate.current_revision(engine) == migrate.head_revision()
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    with engine.begin() as conn:
        seed_practice(conn)
        insert_appointment(conn)
        assert conn.scalar(text("SELECT count(*) FROM appointments")) == 1
    engine.dispose()


def test_every_migration_downgrades_one_step_at_a_time(empty_database_url: str):
    engine = create_database_engine(empty_database_url)
    migrate.upgrade(engine)
    steps = 0
    while migrate.current_revision(engine) is not None:
        migrate.downgrade(engine, "-1")
        steps += 1
    assert steps == len(migrate.known_revisions())
    engine.dispose()


def test_going_below_0015_is_refused_while_tablet_accounts_exist(database_url: str):
    """An older program has no tablet role (nor, on PostgreSQL, its group): the accounts
    must go first, and nothing is changed meanwhile."""
    from intake.domain.enums import Role
    from intake.services import accounts
    from intake.services.actor import SYSTEM

    database = open_database(database_url)
    try:
        accounts.create_account(
            database, SYSTEM, "tablet1", "Waiting room", Role.TABLET, "a-long-password-1"
        )
        with pytest.raises(RuntimeError, match="Tablet accounts exist"):
            migrate.downgrade(database.engine, "0014")
        assert migrate.current_revision(database.engine) == migrate.head_revision()
    finally:
        database.close()


def test_models_and_migrations_agree(database):  # type: ignore[no-untyped-def]
    assert migrate.differences(database.engine) == []


def test_a_first_start_creates_the_schema(empty_database_url: str):
    db = open_database(empty_database_url)
    try:
        assert migrate.schema_state(db.engine).at_head
        assert "appointments" in inspect(db.engine).get_table_names()
    finally:
        db.close()


def test_a_newer_schema_is_refused_and_left_untouched(empty_database_url: str):
    engine = create_database_engine(empty_database_url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed9999'"))
        conn.execute(text("DROP TABLE waitlist_entries"))
    with pytest.raises(SchemaMismatch) as caught:
        open_database(empty_database_url)
    assert "newer than this program" in str(caught.value)
    assert migrate.current_revision(engine) == "f00dfeed9999"
    assert "waitlist_entries" not in inspect(engine).get_table_names()  # nothing re-created
    engine.dispose()


def test_an_old_schema_is_not_upgraded_when_not_allowed(empty_database_url: str):
    with pytest.raises(SchemaMismatch, match="intake db upgrade"):
        open_database(empty_database_url, upgrade=False)
    engine = create_database_engine(empty_database_url)
    assert migrate.current_revision(engine) is None
    engine.dispose()


def test_revisions_read_from_the_files_match_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}


def test_an_ordinary_start_does_not_load_alembic(database_url: str):
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from intake.services.database import open_database\n"
        f"open_database({database_url!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
