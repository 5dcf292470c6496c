"""dates and times on SQLite only in the form the program writes

SQLite keeps dates and times as text in whatever form a writer chose. The no-overlap
triggers read them with julianday(), which takes an epoch number for a day number and
an unparseable text for NULL, so such a row slipped past them; and the program, reading it
back, failed for every slot search. Each date/time column now accepts only the exact form
SQLAlchemy writes ('YYYY-MM-DD HH:MM:SS.ffffff' in UTC, 'YYYY-MM-DD', 'HH:MM:SS.ffffff'),
and only real calendar values. PostgreSQL's own column types already refuse the rest.

SQLite cannot add a constraint to a table: each table is rebuilt (batch mode), and its
triggers, which a rebuild drops, are written again as they were. Rows written by other
tools without the fraction of a second are completed; any other unreadable value stops
the upgrade, naming table, column and count, with nothing changed.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from intake.domain.errors import SchemaMismatch

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every date/time column at this revision (frozen here: later models may differ).
COLUMNS = {
    "locations": {"created_at": "datetime"},
    "staff_users": {"locked_until": "datetime", "created_at": "datetime"},
    "audit_events": {"occurred_at": "datetime"},
    "closures": {"first_day": "date", "last_day": "date"},
    "opening_hours": {"opens": "time", "closes": "time"},
    "patients": {"date_of_birth": "date", "created_at": "datetime", "updated_at": "datetime"},
    "availability_templates": {
        "start_time": "time",
        "end_time": "time",
        "effective_from": "date",
        "effective_to": "date",
    },
    "intakes": {
        "created_at": "datetime",
        "updated_at": "datetime",
        "submitted_at": "datetime",
        "reviewed_at": "datetime",
        "returned_at": "datetime",
    },
    "time_off": {"starts_at": "datetime", "ends_at": "datetime"},
    "appointments": {
        "starts_at": "datetime",
        "ends_at": "datetime",
        "blocks_until": "datetime",
        "booked_at": "datetime",
        "cancelled_at": "datetime",
    },
    "waitlist_entries": {"earliest_date": "date", "created_at": "datetime"},
}

_D = "[0-9]"
_DATE = f"{_D * 4}-{_D * 2}-{_D * 2}"
_SECONDS = f"{_D * 2}:{_D * 2}:{_D * 2}"
_TIME = f"{_SECONDS}.{_D * 6}"
_FORMS = {
    "datetime": (
        f"{_DATE} {_TIME}",
        "datetime(substr({c}, 1, 19), '+0 days') IS substr({c}, 1, 19)",
    ),
    "date": (_DATE, "date({c}, '+0 days') IS {c}"),
    "time": (_TIME, "time(substr({c}, 1, 8), '+0 days') IS substr({c}, 1, 8)"),
}
# Forms other tools write that mean the same instant: completed with the fraction.
_SHORT = {"datetime": f"{_DATE} {_SECONDS}", "time": _SECONDS}


def _check(column: str, kind: str) -> str:
    glob, round_trip = _FORMS[kind]
    valid = f"typeof({column}) = 'text' AND {column} GLOB '{glob}' AND " + round_trip.format(
        c=column
    )
    if kind != "time":
        valid += f" AND substr({column}, 1, 4) <> '0000'"  # year 0 is no Python date
    return f"{column} IS NULL OR ({valid})"


def _name(table: str, column: str) -> str:
    return f"ck_{table}_{column}_stored_form"


def _triggers(table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of every trigger on `table`; a rebuild would drop them."""
    rows = op.get_bind().execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
        {"t": table},
    )
    return [(name, sql) for name, sql in rows]


def _rebuild(table: str, change: object) -> None:
    """Run `change(batch_op)` on `table` in batch mode, keeping its triggers."""
    triggers = _triggers(table)
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    change(table)  # type: ignore[operator]
    for _, sql in triggers:
        op.execute(sql)


def _complete_short_forms(table: str) -> None:
    for column, kind in COLUMNS[table].items():
        if short := _SHORT.get(kind):
            op.execute(
                f"UPDATE {table} SET {column} = {column} || '.000000' "
                f"WHERE typeof({column}) = 'text' AND {column} GLOB '{short}'"
            )


def _refuse_unreadable() -> None:
    bind = op.get_bind()
    found = []
    for table, columns in COLUMNS.items():
        for column, kind in columns.items():
            bad = bind.execute(
                text(f"SELECT count(*) FROM {table} WHERE NOT ({_check(column, kind)})")
            ).scalar()
            if bad:
                found.append(f"{table}.{column} ({bad} rows)")
    if found:
        raise SchemaMismatch(
            "The database holds dates or times this program cannot read, written by another "
            f"tool: {', '.join(found)}. Correct or remove those rows (the form is "
            "'YYYY-MM-DD HH:MM:SS.ffffff' in UTC), then upgrade again. Nothing was changed."
        )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return

    def add(table: str) -> None:
        with op.batch_alter_table(table, recreate="always") as batch_op:
            for column, kind in COLUMNS[table].items():
                batch_op.create_check_constraint(op.f(_name(table, column)), _check(column, kind))

    saved = {table: _triggers(table) for table in COLUMNS}
    for table, triggers in saved.items():  # the audit trail's forbid the completing UPDATE
        for name, _sql in triggers:
            op.execute(f'DROP TRIGGER "{name}"')
        _complete_short_forms(table)
    _refuse_unreadable()
    for table in COLUMNS:
        add(table)
    for triggers in saved.values():
        for _, sql in triggers:
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return

    def drop(table: str) -> None:
        with op.batch_alter_table(table, recreate="always") as batch_op:
            for column in COLUMNS[table]:
                batch_op.drop_constraint(op.f(_name(table, column)), type_="check")

    for table in COLUMNS:
        _rebuild(table, drop)
