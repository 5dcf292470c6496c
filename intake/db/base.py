"""The declarative base, constraint naming and column types shared by every model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    MetaData,
    Table,
    Time,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names, so migrations can refer to them on both backends.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every model here declares its columns, so its __table__ is a Table (SQLAlchemy types
    # it as the wider FromClause; this is its maintainers' advice, sqlalchemy#9130).
    __table__: ClassVar[Table]


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An instant: stored as UTC, always returned timezone-aware in UTC.

    SQLite has no time zones, so naive values there are UTC by contract; a naive value
    passed in from Python is refused, because its zone would be a guess.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


# JSON documents: JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
JSONDocument = JSON().with_variant(JSONB(), "postgresql")


def one_of(column: str, values: Iterable[StrEnum | str], name: str) -> CheckConstraint:
    """A check constraint that keeps a text column inside a fixed vocabulary."""
    allowed = ", ".join(f"'{v!s}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# SQLite keeps dates and times as text in whatever form a writer chose; its triggers and
# our queries compare them as text or via julianday(), which reads epoch numbers as day
# numbers and turns 30 February into 2 March. So each such column accepts only the exact
# form SQLAlchemy writes (naive UTC for instants), and a real calendar value: SQLite's
# date functions echo 30 February unless made to compute ('+0 days'), which then gives
# 2 March, not the same text. PostgreSQL's own types already refuse anything else.
_D = "[0-9]"
_DATE_GLOB = f"{_D * 4}-{_D * 2}-{_D * 2}"
_TIME_GLOB = f"{_D * 2}:{_D * 2}:{_D * 2}.{_D * 6}"
STORED_FORMS = {
    "datetime": (
        f"{_DATE_GLOB} {_TIME_GLOB}",
        "datetime(substr({c}, 1, 19), '+0 days') IS substr({c}, 1, 19)",
    ),
    "date": (_DATE_GLOB, "date({c}, '+0 days') IS {c}"),
    "time": (_TIME_GLOB, "time(substr({c}, 1, 8), '+0 days') IS substr({c}, 1, 8)"),
}


def stored_form_check(column: str, kind: str) -> str:
    """The SQLite CHECK expression keeping `column` (kind: datetime, date, time) readable."""
    glob, round_trip = STORED_FORMS[kind]
    valid = f"typeof({column}) = 'text' AND {column} GLOB '{glob}' AND " + round_trip.format(
        c=column
    )
    if kind != "time":
        valid += f" AND substr({column}, 1, 4) <> '0000'"  # year 0 is no Python date
    return f"{column} IS NULL OR ({valid})"


def temporal_kind(column_type: object) -> str | None:
    impl = getattr(column_type, "impl", column_type)
    if isinstance(impl, DateTime):
        return "datetime"
    if isinstance(impl, Date):
        return "date"
    if isinstance(impl, Time):
        return "time"
    return None


def add_stored_form_checks(table: Table) -> None:
    """Give every date/time column of `table` its stored-form CHECK, on SQLite only."""
    for column in table.columns:
        if kind := temporal_kind(column.type):
            check = CheckConstraint(
                stored_form_check(column.name, kind), name=f"{column.name}_stored_form"
            )
            table.append_constraint(check.ddl_if(dialect="sqlite"))
