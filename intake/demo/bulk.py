"""Writing millions of demo rows: the fastest path each backend offers, inside one transaction.

SQLite: prepared INSERTs through the driver's executemany (values converted the way the
SQLAlchemy column types would, each distinct value once). PostgreSQL: COPY. The indexes on
the big tables are dropped for the load and built once at the end from their saved
definitions: an index on random keys maintained row by row is what made the fill grow faster
than the data. PostgreSQL also re-adds the big tables' foreign keys after the load, checked in
one pass each instead of once per row, and sets aside a few row triggers (QUIET_TRIGGERS).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Connection

from intake.db.base import Base

BIG_TABLES = ("patients", "patient_search_keys")
# PostgreSQL: the tables whose foreign keys are re-added after the load; and the row triggers
# set aside meanwhile. Those only act on merged patient records (a demo practice has none,
# checked once after the load) or announce changes to listening PCs (none listen to a
# database being filled); at chain size they were most of the server's work.
CHECKED_AFTER = (*BIG_TABLES, "appointments", "intakes")
QUIET_TRIGGERS = (
    ("patients", "patients_merge_guard"),
    ("appointments", "appointments_not_for_merged"),
    ("appointments", "appointments_announce"),
    ("intakes", "intakes_not_for_merged"),
)
_ENABLE = {"O": "ENABLE", "A": "ENABLE ALWAYS", "R": "ENABLE REPLICA", "D": "DISABLE"}


class MergedPatientsLoaded(RuntimeError):
    """A bulk load wrote merged patient records: the guards set aside would have refused."""


class Writer:
    """Rows (tuples in `columns` order, Python values) into one table, on one connection."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._raw: Any = connection.connection.driver_connection
        self.postgres = connection.dialect.name == "postgresql"
        self._converters: dict[tuple[str, tuple[str, ...]], list[Callable[[Any], Any] | None]] = {}

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        if self.postgres:
            self._copy(table, columns, rows)
        else:
            self._insert(table, columns, rows)

    def write_dicts(self, table: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            columns = list(rows[0])
            self.write(table, columns, ([row[c] for c in columns] for row in rows))

    def copy_text(self, table: str, columns: Sequence[str], text: bytes) -> None:
        """PostgreSQL: rows already in COPY's text format, sent as one block."""
        with (
            self._raw.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            copy.write(text)

    def _copy(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        from psycopg.types.json import Jsonb  # PostgreSQL only: not loaded on SQLite PCs

        documents = [
            i
            for i, name in enumerate(columns)
            if isinstance(Base.metadata.tables[table].c[name].type, JSON)
        ]
        with (
            self._raw.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                if documents:  # JSON documents (intake answers, results) go to JSONB as Jsonb
                    row = list(row)
                    for i in documents:
                        row[i] = Jsonb(row[i])
                copy.write_row(row)

    def _insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        convert = self._converters_for(table, columns)
        marks = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        if any(convert):
            rows = _converted(rows, convert)
        self._raw.executemany(sql, rows)

    def _converters_for(
        self, table: str, columns: Sequence[str]
    ) -> list[Callable[[Any], Any] | None]:
        key = (table, tuple(columns))
        if key not in self._converters:
            dialect = self._connection.dialect
            found: list[Callable[[Any], Any] | None] = []
            for name in columns:
                kind = Base.metadata.tables[table].c[name].type.dialect_impl(dialect)
                process = kind.bind_processor(dialect)
                found.append(_remembering(process) if process is not None else None)
            self._converters[key] = found
        return self._converters[key]


def _remembering(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    # Dates and instants repeat (birth dates, the load's own timestamp): convert each once.
    seen: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = done = process(value)
            return done
        except TypeError:  # unhashable (a JSON document)
            return process(value)

    return convert


def _converted(
    rows: Iterable[Sequence[Any]], convert: list[Callable[[Any], Any] | None]
) -> Iterator[list[Any]]:
    which = [(i, f) for i, f in enumerate(convert) if f is not None]
    for row in rows:
        done = list(row)
        for i, f in which:
            done[i] = f(done[i])
        yield done


# --- indexes and foreign keys off for the load, back after -------------------------------------


@dataclass(frozen=True)
class SavedDefinition:
    table: str
    name: str
    sql: str  # what re-creates it, as the database itself reports it


def may_restructure(connection: Connection) -> bool:
    """Whether this login may drop and re-create the big tables' indexes (owns the tables)."""
    if connection.dialect.name != "postgresql":
        return True
    owned = connection.exec_driver_sql(
        "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = ANY(%(t)s) AND tableowner = current_user",
        {"t": list(CHECKED_AFTER)},
    ).scalar_one()
    return bool(owned == len(CHECKED_AFTER))


def plain_indexes(connection: Connection) -> list[SavedDefinition]:
    """The big tables' indexes that no constraint owns (primary and unique keys stay)."""
    if connection.dialect.name == "postgresql":
        rows = connection.exec_driver_sql(
            "SELECT c.relname, ic.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(%(t)s) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
            "ORDER BY 1, 2",
            {"t": list(BIG_TABLES)},
        ).all()
    else:
        marks = ", ".join("?" for _ in BIG_TABLES)
        rows = connection.exec_driver_sql(
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' "
            f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY 1, 2",
            BIG_TABLES,
        ).all()
    return [SavedDefinition(t, n, s) for t, n, s in rows]


def foreign_keys(connection: Connection) -> list[SavedDefinition]:
    """PostgreSQL: the foreign keys of CHECKED_AFTER (SQLite checks as it inserts).

    The appointments' exclusion constraints stay: rebuilding their GiST indexes after the
    load took longer than keeping them up to date during it."""
    if connection.dialect.name != "postgresql":
        return []
    rows = connection.exec_driver_sql(
        "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
        "JOIN pg_class c ON c.oid = k.conrelid WHERE k.contype = 'f' "
        "AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(%(t)s) "
        "ORDER BY 1, 2",
        {"t": list(CHECKED_AFTER)},
    ).all()
    return [SavedDefinition(t, n, s) for t, n, s in rows]


def quiet_triggers(connection: Connection) -> list[SavedDefinition]:
    """PostgreSQL: QUIET_TRIGGERS as they are (sql: their pg_trigger.tgenabled state)."""
    if connection.dialect.name != "postgresql":
        return []
    rows = connection.exec_driver_sql(
        "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal "
        "AND (c.relname, t.tgname) IN (SELECT * FROM unnest(%(t)s::text[], %(n)s::text[])) "
        "ORDER BY 1, 2",
        {"t": [t for t, _ in QUIET_TRIGGERS], "n": [n for _, n in QUIET_TRIGGERS]},
    ).all()
    return [SavedDefinition(t, n, str(s)) for t, n, s in rows]


@contextmanager
def without_indexes(connection: Connection) -> Iterator[None]:
    """Within the caller's transaction: the big tables' plain indexes (and, on PostgreSQL,
    their foreign keys) are gone inside the block and back, exactly as before, after it."""
    if not may_restructure(connection):
        yield
        return
    indexes = plain_indexes(connection)
    keys = foreign_keys(connection)
    triggers = quiet_triggers(connection)
    quote = connection.dialect.identifier_preparer.quote
    for saved in triggers:
        connection.exec_driver_sql(
            f"ALTER TABLE {quote(saved.table)} DISABLE TRIGGER {quote(saved.name)}"
        )
    for saved in indexes:
        connection.exec_driver_sql(f"DROP INDEX {quote(saved.name)}")
    for saved in keys:
        connection.exec_driver_sql(
            f"ALTER TABLE {quote(saved.table)} DROP CONSTRAINT {quote(saved.name)}"
        )
    yield
    if connection.dialect.name == "postgresql":
        # Room to sort in memory: each index build and foreign-key check is then one pass.
        connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '512MB'")
        connection.exec_driver_sql("SET LOCAL work_mem = '256MB'")
    for saved in indexes:
        connection.exec_driver_sql(saved.sql)
    for saved in keys:
        connection.exec_driver_sql(
            f"ALTER TABLE {quote(saved.table)} ADD CONSTRAINT {quote(saved.name)} {saved.sql}"
        )
    if triggers:
        merged = connection.exec_driver_sql(
            "SELECT EXISTS (SELECT 1 FROM patients WHERE merged_into_id IS NOT NULL)"
        ).scalar_one()
        if merged:
            raise MergedPatientsLoaded("a bulk load may not write merged patient records")
    for saved in triggers:
        connection.exec_driver_sql(
            f"ALTER TABLE {quote(saved.table)} {_ENABLE[saved.sql]} TRIGGER {quote(saved.name)}"
        )
