"""A PC whose program is older than the shared schema says which version to install."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from intake import __version__
from intake.db import migrate
from intake.db.engine import create_database_engine
from intake.domain.errors import SchemaMismatch
from intake.services.database import open_database


def _stored(url: str) -> tuple[str, str] | None:
    engine = create_database_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT revision, program_version FROM schema_requirement")
            ).one_or_none()
    finally:
        engine.dispose()
    return None if row is None else (row[0], row[1])


def test_an_upgrade_stores_the_version_its_schema_needs(empty_database_url: str):
    open_database(empty_database_url).close()
    head = migrate.head_revision()
    assert _stored(empty_database_url) == (head, migrate.PROGRAM_VERSION_FOR[head])


def test_the_row_follows_the_revision_the_runner_leaves(empty_database_url: str):
    engine = create_database_engine(empty_database_url)
    migrate.upgrade(engine, "0009")  # not necessarily the head
    engine.dispose()
    assert _stored(empty_database_url) == ("0009", migrate.PROGRAM_VERSION_FOR["0009"])


def test_a_pc_too_old_for_the_schema_names_the_version_to_install(empty_database_url: str):
    engine = create_database_engine(empty_database_url)
    migrate.upgrade(engine)
    with engine.begin() as conn:  # as a newer program's migration would leave it
        conn.execute(text("UPDATE alembic_version SET version_num = '0042'"))
        conn.execute(
            text("UPDATE schema_requirement SET revision = '0042', program_version = '7.3.1'")
        )
    with pytest.raises(SchemaMismatch) as caught:
        open_database(empty_database_url)
    message = str(caught.value)
    assert "Install Clinic Intake 7.3.1 or newer" in message
    assert f"has Clinic Intake {__version__} (schema revision {migrate.head_revision()})" in message
    assert "0042" in message
    assert migrate.current_revision(engine) == "0042"  # nothing changed
    engine.dispose()


def test_a_schema_that_does_not_say_still_asks_for_the_newer_version(empty_database_url: str):
    engine = create_database_engine(empty_database_url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0042'"))
        conn.execute(text("DROP TABLE schema_requirement"))
    with pytest.raises(SchemaMismatch, match="Install the newer version of Clinic Intake"):
        open_database(empty_database_url)
    engine.dispose()
