"""The Alembic runner: upgrade, downgrade, current revision and model/migration agreement."""

from __future__ import annotations

from dataclasses import dataclass

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from intake.db import models as _models  # noqa: F401  (registers every table)
from intake.db.base import Base
from intake.resources_path import migrations_dir


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", migrations_dir())
    if engine is not None:
        config.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


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


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    _run(engine, command.downgrade, revision)


def differences(engine: Engine) -> list[object]:
    """What autogenerate would change: empty when models and migrations agree."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


# Any constant: PCs that start the new version at the same moment upgrade one at a time.
_MIGRATION_LOCK = 0x1A7A_C0DE


def _run(engine: Engine, action: object, revision: str) -> None:
    config = alembic_config(engine)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # The second PC waits here, then finds the schema already at head (a no-op).
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        config.attributes["connection"] = connection
        action(config, revision)  # type: ignore[operator]
