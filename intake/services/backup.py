"""Backups and restore of the whole database, in the encrypted format of `backup_file`.

SQLite: SQLite's online backup API copies a consistent snapshot while the program runs (in
WAL mode writers go on meanwhile); the copy passes `PRAGMA integrity_check` and its schema
revision is read before it is encrypted. PostgreSQL: `pg_dump --format=custom` inside an
exported snapshot, so the counts in the metadata match the dump. Restore checks everything
it can before it touches the target, keeps the replaced data aside, then upgrades an older
schema. The plaintext scratch copies live next to the database (SQLite: the same folder,
owner-only) or in a private temporary folder, and are deleted when done.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from intake.db import migrate
from intake.domain.backups import BackupState, RetentionPolicy, backups_to_keep
from intake.domain.errors import DatabaseUnavailable
from intake.domain.words import QT_TRANSLATE_NOOP, Words, said
from intake.services.backup_file import (
    SUFFIX,
    BackupKey,
    BackupProblem,
    BackupReader,
    BackupWriter,
    NewerBackup,
    create_key,
    remove_stale_partials,
)
from intake.services.database import Database, connect, ensure_schema
from intake.settings import BackupSettings

KEY_FILE = "backup-key.json"
COUNTED = ("patients", "intakes", "appointments", "audit_events")
# Rows that make a database "hold data": restoring over it needs an explicit yes.
DATA_TABLES = (*COUNTED, "staff_users", "locations", "therapists")
TOOL_TIMEOUT_S = 3 * 3600
BACKGROUND_PACE = 1.0  # automatic backups work half the time: ~2x longer, half the CPU
_SNAPSHOT_PREFIX = ".backup-snapshot-"
NO_REVISION = said(
    QT_TRANSLATE_NOOP("Backups", "The database has no schema revision; nothing to back up.")
)
_NAME = re.compile(
    # A revision id may hold "_" (a named revision): it is the last part, so still one reading.
    r"^(?P<practice>[a-z0-9-]+)_(?P<time>\d{8}T\d{6}\.\d{3}Z)_(?P<revision>[A-Za-z0-9_]+)"
    r"(?P<label>-[a-z]+)?" + re.escape(SUFFIX) + "$"
)


class RestoreRefused(BackupProblem):
    """The target holds data and replacing it was not asked for."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    metadata: dict[str, Any]
    size: int
    seconds: float


@dataclass(frozen=True)
class RestoreResult:
    database: str
    metadata: dict[str, Any]
    counts: dict[str, int]
    revision: str
    upgraded_from: str | None
    replaced_kept_at: Path | None


# --- the backup key ------------------------------------------------------------------------------


def key_path(data_dir: Path) -> Path:
    return data_dir / KEY_FILE


def load_key(data_dir: Path) -> BackupKey | None:
    path = key_path(data_dir)
    try:
        return BackupKey.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackupProblem(
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "The backup key file {path} cannot be read ({problem}). Set the backup "
                    "passphrase again with `intake db backup-passphrase --replace`.",
                ),
                path=path,
                problem=exc,
            )
        ) from None


def set_up_key(data_dir: Path, passphrase: str, *, replace: bool = False) -> Path:
    """Store a new key pair, its private half encrypted with the passphrase."""
    path = key_path(data_dir)
    if path.exists() and not replace:
        raise BackupProblem(
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "A backup passphrase is already set ({path}). To set a new one, add "
                    "--replace: backups made before keep needing the passphrase they were made "
                    "with.",
                ),
                path=path,
            )
        )
    key = create_key(passphrase)
    data_dir.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.new")
    fd = os.open(scratch, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(key.to_json(), handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(scratch, path)
    return path


def require_key(data_dir: Path) -> BackupKey:
    key = load_key(data_dir)
    if key is None:
        raise BackupProblem(
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "No backup passphrase is set, so backups cannot be encrypted. An admin sets "
                    "it once with `intake db backup-passphrase`; it is needed to restore.",
                )
            )
        )
    return key


# --- names and rotation --------------------------------------------------------------------------


def _practice_slug(practice: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", practice.lower()).strip("-")
    return slug[:40].strip("-") or "practice"


def backup_name(practice: str, made: dt.datetime, revision: str, label: str = "") -> str:
    stamp = _stamp(made)
    return f"{_practice_slug(practice)}_{stamp}_{revision}{'-' + label if label else ''}{SUFFIX}"


def _stamp(moment: dt.datetime) -> str:
    # Milliseconds: two backups in one second must not get one name (the second would win).
    moment = moment.astimezone(dt.UTC)
    return f"{moment:%Y%m%dT%H%M%S}.{moment.microsecond // 1000:03d}Z"


def listed_backups(folder: Path) -> dict[Path, dt.datetime]:
    """Finished backups in `folder` (by name), with their UTC times; replaced-data copies
    (a label) are left out of rotation."""
    found: dict[Path, dt.datetime] = {}
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match and not match["label"]:
                when = dt.datetime.strptime(match["time"], "%Y%m%dT%H%M%S.%fZ")
                found[path] = when.replace(tzinfo=dt.UTC)
    return found


def rotate(folder: Path, policy: RetentionPolicy) -> list[Path]:
    """Delete the backups the policy does not keep; returns what was deleted."""
    listed = listed_backups(folder)
    local = {path: when.astimezone() for path, when in listed.items()}
    keep = backups_to_keep(local.values(), policy)
    deleted = []
    for path, when in local.items():
        if when not in keep:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                deleted.append(path)
    return deleted


def state(folder: Path, data_dir: Path, failure: Words | None = None) -> BackupState:
    """What the status bar needs; reads the folder (may be a slow network share)."""
    configured = key_path(data_dir).exists()
    exists = folder.is_dir()
    listed = listed_backups(folder) if exists else {}
    last = max(listed.values()).astimezone().replace(tzinfo=None) if listed else None
    return BackupState(configured, str(folder), exists, last, failure)


# --- making a backup ------------------------------------------------------------------------------


def make_backup(
    database: Database,
    folder: Path,
    key: BackupKey,
    practice: str,
    *,
    label: str = "",
    pace: float = 0.0,
) -> BackupResult:
    """One encrypted, checked backup file in `folder`.

    `pace` > 0 rests that many times as long as each block took to compress and encrypt:
    a backup in the background leaves the CPU to the people working (2 cores are common)."""
    started = time.perf_counter()
    if not folder.is_dir():
        raise BackupProblem(
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "The backup folder {folder} does not exist or is not reachable (is the USB "
                    "stick or network share connected?). No backup was made.",
                ),
                folder=folder,
            )
        )
    remove_stale_partials(folder, 3600, time.time())
    made = dt.datetime.now(dt.UTC)
    with _plain_snapshot(database) as (payload, revision, counts):
        metadata = {
            "practice": practice,
            "backend": database.backend,
            "revision": revision,
            "created_at": made.isoformat(),
            "counts": counts,
            "payload": "sqlite-database" if database.backend == "sqlite" else "pg_dump-custom",
            "program_version": _program_version(),
        }
        path = folder / backup_name(practice, made, revision, label)
        try:
            with BackupWriter(path, key, metadata) as writer, payload.open("rb") as source:
                while block := source.read(1 << 20):
                    began = time.perf_counter()
                    writer.write(block)
                    if pace:
                        time.sleep((time.perf_counter() - began) * pace)
        except OSError as exc:
            raise BackupProblem(
                said(
                    QT_TRANSLATE_NOOP(
                        "Backups",
                        "The backup could not be written to {folder}: {problem}. No backup was "
                        "made.",
                    ),
                    folder=folder,
                    problem=exc.strerror,
                )
            ) from None
    return BackupResult(path, metadata, writer.size, time.perf_counter() - started)


@contextlib.contextmanager
def _plain_snapshot(database: Database) -> Iterator[tuple[Path, str, dict[str, int]]]:
    if database.backend == "sqlite":
        with _sqlite_snapshot(_sqlite_path(database)) as made:
            yield made
    else:
        with database.translating(), _pg_snapshot(database) as made:
            yield made


def _sqlite_path(database: Database) -> Path:
    name = database.engine.url.database
    if not name or name == ":memory:":
        raise BackupProblem(
            said(QT_TRANSLATE_NOOP("Backups", "An in-memory database cannot be backed up."))
        )
    return Path(name)


@contextlib.contextmanager
def _scratch_sqlite(folder: Path) -> Iterator[Path]:
    """An owner-only scratch file beside the database, removed afterwards."""
    try:
        _remove_stale_snapshots(folder)
        fd, name = tempfile.mkstemp(prefix=_SNAPSHOT_PREFIX, suffix=".sqlite3", dir=folder)
    except OSError as exc:  # the database's folder is gone or read-only: the environment
        raise DatabaseUnavailable(
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "The database folder {folder} cannot be used ({problem}). No backup was made.",
                ),
                folder=folder,
                problem=exc.strerror,
            )
        ) from None
    os.close(fd)
    path = Path(name)
    try:
        yield path
    finally:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _remove_stale_snapshots(folder: Path, older_than_seconds: float = 3600) -> None:
    now = time.time()
    for path in folder.glob(f"{_SNAPSHOT_PREFIX}*"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > older_than_seconds:
                path.unlink()


@contextlib.contextmanager
def _sqlite_snapshot(source: Path) -> Iterator[tuple[Path, str, dict[str, int]]]:
    with _scratch_sqlite(source.parent) as copy:
        live = sqlite3.connect(source, timeout=30)
        try:
            target = sqlite3.connect(copy)
            try:
                # One step: one read transaction, so the copy is one consistent moment even
                # while other connections write (WAL lets them go on meanwhile).
                live.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # all pages in the one file
            finally:
                target.close()
        except sqlite3.Error as exc:
            raise BackupProblem(
                said(
                    QT_TRANSLATE_NOOP("Backups", "SQLite could not copy the database: {problem}."),
                    problem=exc,
                )
            ) from None
        finally:
            live.close()
        revision, counts = _check_sqlite_copy(copy)
        yield copy, revision, counts


def _check_sqlite_copy(path: Path) -> tuple[str, dict[str, int]]:
    """Integrity check, schema revision and counts of a SQLite database file."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchall()
            if verdict != [("ok",)]:
                problems = "; ".join(str(row[0]) for row in verdict[:3])
                raise BackupProblem(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Backups",
                            "The database copy fails SQLite's integrity check: {problems}",
                        ),
                        problems=problems,
                    )
                )
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = {
                table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in COUNTED
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise BackupProblem(
            said(
                QT_TRANSLATE_NOOP(
                    "Backups", "The database copy cannot be read by SQLite: {problem}."
                ),
                problem=exc,
            )
        ) from None
    if revision is None:
        raise BackupProblem(NO_REVISION)
    return str(revision[0]), counts


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupProblem(
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "`{name}` was not found. Install the PostgreSQL client tools of the server's "
                    "major version (Debian/Ubuntu: `apt install postgresql-client`; Windows: the "
                    "PostgreSQL installer's 'Command Line Tools') and put them on PATH.",
                ),
                name=name,
            )
        )
    return found


def _libpq(database_url: Any) -> tuple[str, dict[str, str]]:
    """A libpq connection URI without the password, and the environment carrying it."""
    url = make_url(database_url)
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    # A restore that waits for a lock another PC holds fails after a minute instead of hanging.
    env["PGOPTIONS"] = (env.get("PGOPTIONS", "") + " -c lock_timeout=60000").strip()
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run_tool(argv: list[str], env: dict[str, str], what: Words) -> None:
    try:
        done = subprocess.run(
            argv, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise BackupProblem(
            said(
                QT_TRANSLATE_NOOP("Backups", "{what} took longer than {hours} hours."),
                what=what,
                hours=TOOL_TIMEOUT_S // 3600,
            )
        ) from None
    if done.returncode != 0:
        detail = " ".join(done.stderr.strip().splitlines()[:3]) or f"exit {done.returncode}"
        raise BackupProblem(
            said(QT_TRANSLATE_NOOP("Backups", "{what} failed: {detail}"), what=what, detail=detail)
        )


@contextlib.contextmanager
def _private_folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="intake-backup-"))  # mkdtemp: owner-only
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _pg_snapshot(database: Database) -> Iterator[tuple[Path, str, dict[str, int]]]:
    pg_dump = _tool("pg_dump")
    uri, env = _libpq(database.engine.url)
    with _private_folder() as folder, database.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            counts = {
                table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in COUNTED
            }
            dump = folder / "database.dump"
            argv = [pg_dump, "--format=custom", "--no-password", f"--snapshot={snapshot}"]
            _run_tool([*argv, f"--file={dump}", f"--dbname={uri}"], env, "pg_dump")
        if revision is None:
            raise BackupProblem(NO_REVISION)
        yield dump, str(revision), counts


def _program_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("clinic-intake")
    except PackageNotFoundError:
        return "unknown"


# --- automatic backups (embedded SQLite) ----------------------------------------------------------


def automatic(
    database: Database,
    data_dir: Path,
    settings: BackupSettings,
    *,
    min_age_hours: float,
) -> BackupState:
    """The program's own backup (embedded SQLite): one is made when the newest in the folder
    is older than `min_age_hours`, then old ones are rotated away. Runs off the GUI thread;
    returns what the status bar should say."""
    folder = settings.folder
    if folder == data_dir / "backups":
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    current = state(folder, data_dir)
    if not current.configured or not current.folder_exists:
        return current
    if not _due(folder, min_age_hours):
        return current
    try:
        key = require_key(data_dir)
        make_backup(database, folder, key, settings.practice_name, pace=BACKGROUND_PACE)
        rotate(folder, RetentionPolicy(settings.keep_daily, settings.keep_weekly))
    except BackupProblem as exc:  # the status bar tells it; the next run tries again
        return state(folder, data_dir, failure=exc.message)
    return state(folder, data_dir)


def _due(folder: Path, hours: float, now: dt.datetime | None = None) -> bool:
    """Whether the newest backup in `folder` is older than `hours` (or there is none)."""
    listed = listed_backups(folder)
    if not listed:
        return True
    now = now or dt.datetime.now(dt.UTC)
    return now - max(listed.values()) >= dt.timedelta(hours=hours)


# --- restore --------------------------------------------------------------------------------------


def restore(
    url: str,
    path: Path,
    passphrase: str,
    *,
    replace_data: bool = False,
    aside_folder: Path | None = None,
    local_key: BackupKey | None = None,
) -> RestoreResult:
    """Restore the backup at `path` into the database at `url`; checks first, then changes."""
    reader = BackupReader(path, passphrase)
    metadata = reader.metadata
    revision = str(metadata.get("revision"))
    if revision not in migrate.known_revisions():
        raise NewerBackup(
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "{name} holds schema revision {revision}, newer than this program knows. "
                    "Install the version of Clinic Intake that made it. Nothing was changed.",
                ),
                name=path.name,
                revision=revision,
            )
        )
    database = connect(url)
    try:
        backend = metadata.get("backend")
        if backend != database.backend:
            raise BackupProblem(
                said(
                    QT_TRANSLATE_NOOP(
                        "Backups",
                        "{name} is a backup of a {backend} database; this program is set to use "
                        "{ours}. Point INTAKE_DATABASE_URL at a {backend} database. Nothing was "
                        "changed.",
                    ),
                    name=path.name,
                    backend=backend,
                    ours=database.backend,
                )
            )
        if database.backend == "sqlite":
            kept = _restore_sqlite(database, reader, replace_data)
        else:
            key = local_key or reader.header.key
            kept = _restore_postgres(database, reader, replace_data, aside_folder, key)
        upgraded_from = revision if revision != migrate.head_revision() else None
        ensure_schema(database, upgrade=True)
        return RestoreResult(
            database.display_url,
            metadata,
            _count_rows(database),
            migrate.current_revision(database.engine) or "",
            upgraded_from,
            kept,
        )
    finally:
        database.close()


def _count_rows(database: Database) -> dict[str, int]:
    with database.reading() as session:
        names = set(inspect(session.connection()).get_table_names())
        return {
            table: session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in COUNTED
            if table in names
        }


def _holds_data(database: Database) -> int:
    with database.reading() as session:
        names = set(inspect(session.connection()).get_table_names())
        return sum(
            session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in DATA_TABLES
            if table in names
        )


def _refuse_if_data(database: Database, replace_data: bool) -> bool:
    rows = _holds_data(database)
    if rows and not replace_data:
        raise RestoreRefused(
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "The database {database} already holds data ({rows} rows of patients, "
                    "intakes, appointments, staff and locations). To replace it with the backup, "
                    "run again with --replace-data; the data replaced is kept aside. Nothing was "
                    "changed.",
                ),
                database=database.display_url,
                rows=rows,
            )
        )
    return rows > 0


def _decrypt_to(reader: BackupReader, target: Path) -> None:
    """The whole payload to `target`; a damaged or cut file fails here, before any change."""
    with target.open("wb") as handle:
        for block in reader.payload():
            handle.write(block)


def _restore_sqlite(database: Database, reader: BackupReader, replace_data: bool) -> Path | None:
    live = _sqlite_path(database)
    with _scratch_sqlite(live.parent) as scratch:
        _decrypt_to(reader, scratch)
        revision, _counts = _check_sqlite_copy(scratch)
        if revision != reader.metadata.get("revision"):
            raise BackupProblem(
                said(
                    QT_TRANSLATE_NOOP(
                        "Backups", "The backup's database does not match its description."
                    )
                )
            )
        had_data = _refuse_if_data(database, replace_data)
        database.engine.dispose()  # our pooled connections must not hold the file meanwhile
        kept = _keep_sqlite_aside(live) if had_data else None
        source = sqlite3.connect(scratch)
        target = sqlite3.connect(live, timeout=30)
        try:
            source.backup(target)
        except sqlite3.Error as exc:
            failed = (
                said(
                    QT_TRANSLATE_NOOP(
                        "Backups",
                        "SQLite could not write the restored database: {problem}. The previous "
                        "data is kept at {kept}.",
                    ),
                    problem=exc,
                    kept=kept,
                )
                if kept
                else said(
                    QT_TRANSLATE_NOOP(
                        "Backups", "SQLite could not write the restored database: {problem}."
                    ),
                    problem=exc,
                )
            )
            raise BackupProblem(failed) from None
        finally:
            target.close()
            source.close()
    return kept


def _keep_sqlite_aside(live: Path) -> Path:
    aside = live.with_name(f"{live.name}.replaced-{_stamp(dt.datetime.now(dt.UTC))}")
    fd = os.open(aside, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    source = sqlite3.connect(live, timeout=30)
    target = sqlite3.connect(aside)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()
    return aside


def _restore_postgres(
    database: Database,
    reader: BackupReader,
    replace_data: bool,
    aside_folder: Path | None,
    key: BackupKey,
) -> Path | None:
    pg_restore = _tool("pg_restore")
    with _private_folder() as folder:
        dump = folder / "database.dump"
        _decrypt_to(reader, dump)
        _run_tool(
            [pg_restore, "--list", str(dump)],
            dict(os.environ),
            said(QT_TRANSLATE_NOOP("Backups", "Reading the dump")),
        )
        had_data = _refuse_if_data(database, replace_data)
        kept = None
        if had_data:
            target = aside_folder or Path(tempfile.gettempdir())
            target.mkdir(parents=True, exist_ok=True)
            kept = make_backup(database, target, key, "before-restore", label="replaced").path
        uri, env = _libpq(database.engine.url)
        database.engine.dispose()
        argv = [pg_restore, "--no-password", "--clean", "--if-exists", "--single-transaction"]
        _run_tool([*argv, "--exit-on-error", f"--dbname={uri}", str(dump)], env, "pg_restore")
    return kept
