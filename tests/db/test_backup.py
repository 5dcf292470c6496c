"""Backups and restore on both databases: the same rows come back, audit trail included;
a backup taken while others write is consistent; a killed backup leaves nothing that looks
finished; a wrong passphrase, a cut file, a newer file or a stranger's file change nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from intake.cli import main
from intake.db import migrate
from intake.db.base import Base
from intake.demo import data as demo_data
from intake.demo.practice import DemoOptions
from intake.services import audit, backup, backup_file
from intake.services.actor import SYSTEM
from intake.services.database import connect, open_database
from tests.conftest import BACKEND

PASSPHRASE = "synthetic test passphrase"
SMALL = DemoOptions(patients=30, seed=5, days_back=2, days_ahead=3)


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_file, "SCRYPT_N", 1 << 10)


@pytest.fixture
def key(tmp_path: Path) -> backup_file.BackupKey:
    backup.set_up_key(tmp_path / "keys", PASSPHRASE)
    return backup.require_key(tmp_path / "keys")


@pytest.fixture
def other_url(postgres, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    """A second database with no schema: where a backup is restored."""
    if postgres is None:
        return f"sqlite+pysqlite:///{tmp_path / 'restored' / 'intake.sqlite3'}"
    return postgres.create()


def filled(url: str) -> None:
    database = open_database(url)
    try:
        demo_data.fill(database, SMALL)
        with database.writing() as session:
            for number in range(1, 6):
                audit.record(session, SYSTEM, "view", "patient", number, patient_id=number)
    finally:
        database.close()


def table_hashes(url: str) -> dict[str, str]:
    """One hash per table of every row, in primary-key order."""
    database = connect(url)
    hashes = {}
    try:
        with database.reading() as session:
            for table in Base.metadata.sorted_tables:
                order = ", ".join(c.name for c in table.primary_key.columns) or "1"
                rows = session.execute(text(f"SELECT * FROM {table.name} ORDER BY {order}"))
                digest = hashlib.sha256()
                for row in rows:
                    digest.update(repr(tuple(row)).encode())
                hashes[table.name] = digest.hexdigest()
            hashes["alembic_version"] = str(migrate.current_revision(database.engine))
    finally:
        database.close()
    return hashes


def make(url: str, folder: Path, key: backup_file.BackupKey) -> backup.BackupResult:
    folder.mkdir(parents=True, exist_ok=True)
    database = connect(url)
    try:
        return backup.make_backup(database, folder, key, "Synthetic Practice")
    finally:
        database.close()


def test_round_trip_gives_back_every_row(database_url, other_url, key, tmp_path: Path):
    filled(database_url)
    before = table_hashes(database_url)
    made = make(database_url, tmp_path / "backups", key)
    assert made.path.name.startswith("synthetic-practice_")
    assert made.path.name.endswith(f"_{migrate.head_revision()}.intake-backup")
    assert made.metadata["counts"]["patients"] == 30
    assert made.metadata["counts"]["audit_events"] >= 5
    assert made.metadata["backend"] == BACKEND

    result = backup.restore(other_url, made.path, PASSPHRASE)

    assert table_hashes(other_url) == before
    assert result.counts == made.metadata["counts"]
    assert result.replaced_kept_at is None and result.upgraded_from is None


def test_restore_refuses_a_database_with_data_then_replaces_it_keeping_it_aside(
    database_url, other_url, key, tmp_path: Path
):
    filled(database_url)
    made = make(database_url, tmp_path / "backups", key)
    open_database(other_url).close()
    database = open_database(other_url)
    with database.writing() as session:
        audit.record(session, SYSTEM, "view", "patient", 99)
    database.close()
    other_before = table_hashes(other_url)

    with pytest.raises(backup.RestoreRefused, match="--replace-data"):
        backup.restore(other_url, made.path, PASSPHRASE)
    assert table_hashes(other_url) == other_before

    result = backup.restore(
        other_url, made.path, PASSPHRASE, replace_data=True, aside_folder=tmp_path / "aside"
    )
    assert table_hashes(other_url) == table_hashes(database_url)
    assert result.replaced_kept_at is not None and result.replaced_kept_at.exists()


def test_an_older_schema_is_upgraded_after_restore(empty_database_url, other_url, key, tmp_path):
    old = connect(empty_database_url)
    migrate.upgrade(old.engine, "0002")
    old.close()
    made = make(empty_database_url, tmp_path / "backups", key)
    assert made.metadata["revision"] == "0002"
    result = backup.restore(other_url, made.path, PASSPHRASE)
    assert result.upgraded_from == "0002"
    assert result.revision == migrate.head_revision()


def test_problem_files_give_a_clear_message_and_change_nothing(
    app_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    filled(app_env)
    data = Path(os.environ["INTAKE_DATA_DIR"])
    monkeypatch.setenv("INTAKE_BACKUP_PASSPHRASE", PASSPHRASE)
    assert main(["db", "backup-passphrase"]) == 0
    assert main(["db", "backup"]) == 0
    (made,) = (data / "backups").glob("*.intake-backup")
    newer = newer_backup(app_env, data, tmp_path)
    cut = tmp_path / "cut.intake-backup"
    cut.write_bytes(made.read_bytes()[: made.stat().st_size * 2 // 3])
    stranger = tmp_path / "holiday.jpg"
    stranger.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(2000))
    before = table_hashes(app_env)
    capsys.readouterr()

    cases = [
        (made, "wrong passphrase here", "passphrase is wrong"),
        (cut, PASSPHRASE, "incomplete"),
        (newer, PASSPHRASE, "newer than this program"),
        (stranger, PASSPHRASE, "not a Clinic Intake backup"),
    ]
    for path, passphrase, message in cases:
        monkeypatch.setenv("INTAKE_BACKUP_PASSPHRASE", passphrase)
        assert main(["db", "restore", str(path), "--replace-data"]) == 1
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
        assert table_hashes(app_env) == before
    assert not list(data.glob("*.replaced-*")), "nothing was set aside: nothing was replaced"


def newer_backup(url: str, data: Path, tmp_path: Path) -> Path:
    """A backup of a database that a newer program has migrated (an unknown revision)."""
    copy = tmp_path / "newer"
    copy.mkdir()
    key = backup.require_key(data)
    database = connect(url)
    try:
        with database.writing() as session:
            session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        result = backup.make_backup(database, copy, key, "Synthetic Practice")
        with database.writing() as session:
            session.execute(
                text(f"UPDATE alembic_version SET version_num = '{migrate.head_revision()}'")
            )
    finally:
        database.close()
    return result.path


def test_cli_round_trip_prints_what_was_restored(
    app_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    filled(app_env)
    monkeypatch.setenv("INTAKE_BACKUP_PASSPHRASE", PASSPHRASE)
    assert main(["db", "backup"]) == 1
    assert "intake db backup-passphrase" in capsys.readouterr().err
    assert main(["db", "backup-passphrase"]) == 0
    assert main(["db", "backup-passphrase"]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["db", "backup", "--to", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "30 patients" in out
    (made,) = tmp_path.glob("*.intake-backup")
    assert main(["db", "restore", str(made)]) == 1
    assert "already holds data" in capsys.readouterr().err
    assert main(["db", "restore", str(made), "--replace-data"]) == 0
    out = capsys.readouterr().out
    assert "30 patients" in out and "made 20" in out and "kept at" in out
    key_text = (Path(os.environ["INTAKE_DATA_DIR"]) / "backup-key.json").read_text()
    assert PASSPHRASE not in key_text


@pytest.mark.backend("postgresql")  # pg_dump is the PostgreSQL path
def test_without_pg_dump_the_message_names_what_to_install(
    app_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    monkeypatch.setenv("INTAKE_BACKUP_PASSPHRASE", PASSPHRASE)
    assert main(["db", "backup-passphrase"]) == 0
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["db", "backup", "--to", str(tmp_path)]) == 1
    assert "postgresql-client" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.intake-backup"))


# --- SQLite: consistency under writes, and a killed backup ----------------------------------------

sqlite_only = pytest.mark.backend("sqlite")  # the embedded database's backup


@sqlite_only
def test_backup_while_another_connection_writes_is_consistent(
    database_url, other_url, key, tmp_path: Path
):
    """Every write transaction adds two audit rows: a consistent copy holds an even count."""
    filled(database_url)
    path = database_url.split("///", 1)[1]
    stop = threading.Event()
    written = [0]

    def write() -> None:
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        while not stop.is_set():
            connection.execute("BEGIN IMMEDIATE")
            for _ in range(2):
                connection.execute(
                    "INSERT INTO audit_events (occurred_at, username, workstation, action, "
                    "entity, fields) VALUES (strftime('%Y-%m-%d %H:%M:%f000', 'now'), 'w', 'pc', "
                    "'view', 'x', '[]')"
                )
            connection.execute("COMMIT")
            written[0] += 1
        connection.close()

    with sqlite3.connect(path) as connection:
        base = connection.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    writer = threading.Thread(target=write)
    writer.start()
    try:
        made = []
        for _ in range(3):
            done = written[0]
            while written[0] < done + 5:  # writes between and during the backups
                assert writer.is_alive(), "the writer stopped (its error is printed above)"
                time.sleep(0.001)
            made.append(make(database_url, tmp_path / "backups", key))
    finally:
        stop.set()
        writer.join(30)
    assert not writer.is_alive()
    counts = [result.metadata["counts"]["audit_events"] for result in made]
    assert counts == sorted(set(counts)), "each backup saw later writes"
    for result in made:
        copied = result.metadata["counts"]["audit_events"]
        assert (copied - base) % 2 == 0
        restored = backup.restore(other_url, result.path, PASSPHRASE, replace_data=True)
        assert restored.counts["audit_events"] == copied


SLOW_BACKUP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from intake.services import backup, backup_file
    from intake.services.database import connect

    write = backup_file.BackupWriter.write
    def slow(self, data):  # a slow USB stick
        write(self, data)
        time.sleep(0.05)
    backup_file.BackupWriter.write = slow
    backup_file.CHUNK_SIZE = 4096
    database = connect(sys.argv[1])
    backup.make_backup(database, Path(sys.argv[2]), backup.require_key(Path(sys.argv[3])), "P")
    print("finished", flush=True)
    """
)


@sqlite_only
def test_a_killed_backup_leaves_no_file_that_looks_complete(database_url, key, tmp_path):
    filled(database_url)
    folder = tmp_path / "backups"
    folder.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_BACKUP, database_url, str(folder), str(tmp_path / "keys")],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not any(p.stat().st_size > 20_000 for p in folder.glob(".*.partial")):
            assert child.poll() is None, "the backup ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(30)
    assert backup.listed_backups(folder) == {}
    assert [p.name.startswith(".") for p in folder.iterdir()] == [True]
    data_folder = Path(database_url.split("///", 1)[1]).parent
    snapshots = list(data_folder.glob(".backup-snapshot-*"))
    for leftover in [*folder.iterdir(), *snapshots]:
        os.utime(leftover, (1000, 1000))
    made = make(database_url, folder, key)
    assert [p.name for p in folder.iterdir()] == [made.path.name]
    assert not list(data_folder.glob(".backup-snapshot-*"))
