"""The Alembic runner: upgrade, downgrade, current revision and model/migration agreement.

Alembic itself is imported only to change or compare the schema: an ordinary start reads the
revisions from the migration files and the database's alembic_version row, which keeps the
program's start-up quick and its memory small.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, func, inspect, select, table, text

from intake.db import models as _models  # noqa: F401  (registers every table)
from intake.db.base import Base
from intake.resources_path import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r'^revision: str = "([^"]+)"', re.MULTILINE)
_DOWN = re.compile(r'^down_revision: str \| None = (None|"([^"]+)")', re.MULTILINE)


# Each schema revision -> the first program version that ships it: the oldest program that
# can work with a database at that revision. The runner stores the entry for the revision it
# leaves the database at (table schema_requirement, from 0009 on), so a program that finds a
# revision it does not know can name the version to install. A new migration adds its line
# with the version that will ship it (tests/unit/test_schema_requirement.py checks).
PROGRAM_VERSION_FOR: dict[str, str] = {
    "0001": "0.1.0",
    "0002": "0.1.0",
    "0003": "0.1.0",
    "0004": "0.1.0",
    "0005": "0.1.0",
    "0006": "0.1.0",
    "0007": "0.1.0",
    "0008": "0.1.0",
    "0009": "0.1.0",
    "0010": "0.1.0",
    "0011": "0.1.0",
    "0012": "0.1.0",
    "0013": "0.1.0",
    "0014": "0.1.0",
    "0015": "0.1.0",
    "0016": "0.1.0",
}
REQUIREMENT_TABLE = "schema_requirement"


@cache
def _revisions_on_disk() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files (a straight chain)."""
    found: dict[str, str | None] = {}
    for path in sorted(Path(migrations_dir(), "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision and down:
            found[revision.group(1)] = down.group(2)
    return found


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", migrations_dir())
    if engine is not None:
        config.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return config


def head_revision() -> str:
    revisions = _revisions_on_disk()
    heads = set(revisions) - {down for down in revisions.values() if down}
    assert len(heads) == 1, f"the migrations must form one chain, found heads {heads}"
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revisions_on_disk())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    known: bool  # False: the database was migrated by a newer program

    @property
    def at_head(self) -> bool:
        return self.current == self.head


def schema_state(engine: Engine) -> SchemaState:
    current = current_revision(engine)
    return SchemaState(current, head_revision(), current is None or current in known_revisions())


def required_version(engine: Engine) -> str | None:
    """The program version the database says its schema needs; None when it does not say
    (a schema from before 0009, or a login that may not read it)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table(REQUIREMENT_TABLE):
                return None
            return connection.execute(
                text(f"SELECT program_version FROM {REQUIREMENT_TABLE} WHERE id = 1")
            ).scalar()
    except SQLAlchemyError:
        return None


def _write_requirement(connection: Connection) -> None:
    """Store which program the schema now needs (inside the migration's transaction)."""
    if not inspect(connection).has_table(REQUIREMENT_TABLE):
        return  # below 0009
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    connection.execute(text(f"DELETE FROM {REQUIREMENT_TABLE}"))
    if revision is not None:
        connection.execute(
            text(f"INSERT INTO {REQUIREMENT_TABLE} VALUES (1, :revision, :version)"),
            {"revision": revision, "version": PROGRAM_VERSION_FOR[revision]},
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    _run(engine, command.downgrade, revision)


# Tables an upgrade fills again from other tables: dropping them loses nothing. The journal
# key is made again too (a new one): drafts still sealed with the old one on PCs can then no
# longer be opened, but a program old enough for the lower revision cannot open them anyway.
DERIVED_TABLES = frozenset(
    {"patient_search_keys", "calendar_revision", "journal_key", REQUIREMENT_TABLE}
)


def target_revision(current: str | None, revision: str) -> str | None:
    """The revision a downgrade to `revision` ('base', an id, or '-N') ends at; None is base.

    ValueError when it is none of those or lies outside the chain below `current`.
    """
    if revision == "base":
        return None
    chain = _revisions_on_disk()
    if revision.startswith("-") and revision[1:].isdigit():
        found = current
        for _ in range(int(revision[1:])):
            if found is None:
                raise ValueError(f"cannot go {revision} from {current or 'base'}")
            found = chain[found]
        return found
    if revision not in chain:
        raise ValueError(f"unknown revision {revision!r}")
    return revision


@cache
def tables_at(revision: str | None) -> frozenset[str]:
    """The tables the schema has at `revision` (None: base), learnt by migrating an empty
    in-memory database that far: the live database is not touched."""
    if revision is None:
        return frozenset()
    engine = create_engine("sqlite://")
    try:
        upgrade(engine, revision)
        return frozenset(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def tables_dropped(engine: Engine, revision: str | None) -> dict[str, int]:
    """Table -> rows it holds, for every table a downgrade to `revision` would drop."""
    current = current_revision(engine)
    doomed = tables_at(current) - tables_at(revision)
    with engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        return {
            name: connection.scalar(select(func.count()).select_from(table(name))) or 0
            for name in sorted(doomed & present)
        }


def differences(engine: Engine) -> list[object]:
    """What autogenerate would change: empty when models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


# Any constant: PCs that start the new version at the same moment upgrade one at a time.
_MIGRATION_LOCK = 0x1A7A_C0DE


def _run(engine: Engine, action: Callable[[Config, str], None], revision: str) -> None:
    config = alembic_config(engine)
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A table rebuilt in batch mode is dropped and its copy renamed: with foreign
            # keys on, the drop would cascade to (or be refused by) the rows that refer to
            # it. Off for the migration only (outside a transaction, or it is ignored), and
            # the whole database is checked before the commit.
            _foreign_keys(connection, on=False)
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    # The second PC waits here, then finds the schema at head (a no-op).
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
                config.attributes["connection"] = connection
                action(config, revision)
                _write_requirement(connection)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("a migration left rows that break a foreign key")
        finally:
            if sqlite:
                _foreign_keys(connection, on=True)


def _foreign_keys(connection: Connection, *, on: bool) -> None:
    """Set SQLite's foreign_keys on the raw connection: no transaction is begun for it."""
    raw: Any = connection.connection.driver_connection
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
