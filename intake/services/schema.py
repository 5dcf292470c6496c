"""Schema administration for the IT person: `intake db upgrade|downgrade|current|check`."""

from __future__ import annotations

from dataclasses import dataclass, replace

from intake.db import migrate
from intake.domain.errors import KnownError, SchemaMismatch
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.services.database import Database, ensure_schema


@dataclass(frozen=True)
class SchemaReport:
    database: str
    current: str | None
    head: str
    known: bool
    differences: tuple[str, ...] = ()
    dropped: tuple[tuple[str, int], ...] = ()  # tables a downgrade dropped, with their rows

    @property
    def ok(self) -> bool:
        return self.known and self.current == self.head and not self.differences


def report(database: Database, *, compare_models: bool = False) -> SchemaReport:
    with database.translating():
        return _report(database, compare_models)


def _report(database: Database, compare_models: bool) -> SchemaReport:
    state = migrate.schema_state(database.engine)
    diffs: tuple[str, ...] = ()
    if compare_models and state.at_head:
        diffs = tuple(repr(d) for d in migrate.differences(database.engine))
    return SchemaReport(database.display_url, state.current, state.head, state.known, diffs)


def upgrade(database: Database) -> SchemaReport:
    ensure_schema(database, upgrade=True)
    return report(database)


class DataWouldBeLost(KnownError):
    """A downgrade would drop tables that hold rows; nothing was changed."""

    def __init__(self, database: str, tables: dict[str, int]) -> None:
        self.tables = dict(tables)
        listed = ", ".join(f"{name} ({rows} rows)" for name, rows in self.tables.items())
        # Said at the command line only (`intake db downgrade`): the list stays as written.
        super().__init__(
            said(
                QT_TRANSLATE_NOOP(
                    "Schema",
                    "Downgrading {database} would drop tables that hold data: {listed}. "
                    "Nothing was changed. Make a backup first; to drop them anyway, repeat the "
                    "command with --yes-destroy-all-data.",
                ),
                database=database,
                listed=listed,
            )
        )


def downgrade(database: Database, revision: str, *, destroy_data: bool = False) -> SchemaReport:
    """Migrate down to `revision`; DataWouldBeLost, and no change, when that would drop a
    table holding rows (other than ones an upgrade rebuilds) and `destroy_data` is False."""
    with database.translating():
        dropped = _downgrade(database, revision, destroy_data)
    return replace(report(database), dropped=dropped)


def _downgrade(
    database: Database, revision: str, destroy_data: bool
) -> tuple[tuple[str, int], ...]:
    state = migrate.schema_state(database.engine)
    if not state.known:
        raise SchemaMismatch(
            said(
                QT_TRANSLATE_NOOP(
                    "Schema",
                    "The database {database} is at revision {current}, which this program does "
                    "not know; it cannot downgrade it. Nothing was changed.",
                ),
                database=database.display_url,
                current=state.current,
            )
        )
    try:
        target = migrate.target_revision(state.current, revision)
    except ValueError:
        known = ", ".join(sorted(migrate.known_revisions() | {"base"}))
        raise SchemaMismatch(
            said(
                QT_TRANSLATE_NOOP(
                    "Schema",
                    "Unknown revision {revision}; known: {known} (or -N: N steps down). "
                    "Nothing was changed.",
                ),
                revision=repr(revision),
                known=known,
            )
        ) from None
    dropped = migrate.tables_dropped(database.engine, target)
    holding = {t: n for t, n in dropped.items() if n and t not in migrate.DERIVED_TABLES}
    if holding and not destroy_data:
        raise DataWouldBeLost(database.display_url, holding)
    migrate.downgrade(database.engine, target or "base")
    return tuple(dropped.items())
