"""Schema administration for the IT person: `intake db upgrade|downgrade|current|check`."""

from __future__ import annotations

from dataclasses import dataclass

from intake.db import migrate
from intake.domain.errors import SchemaMismatch
from intake.services.database import Database, ensure_schema


@dataclass(frozen=True)
class SchemaReport:
    database: str
    current: str | None
    head: str
    known: bool
    differences: tuple[str, ...] = ()

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


def downgrade(database: Database, revision: str) -> SchemaReport:
    with database.translating():
        _downgrade(database, revision)
    return report(database)


def _downgrade(database: Database, revision: str) -> None:
    state = migrate.schema_state(database.engine)
    if not state.known:
        raise SchemaMismatch(
            f"The database {database.display_url} is at revision {state.current}, which this "
            "program does not know; it cannot downgrade it. Nothing was changed."
        )
    known = migrate.known_revisions() | {"base"}
    if revision not in known and not revision.startswith(("-", "+")):
        raise SchemaMismatch(
            f"Unknown revision {revision!r}; known: {', '.join(sorted(known))}. "
            "Nothing was changed."
        )
    migrate.downgrade(database.engine, revision)
