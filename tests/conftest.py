"""Test set-up shared by every suite.

The database backend comes from one variable: INTAKE_TEST_DATABASE_URL (a PostgreSQL URL);
without it the tests use SQLite files. On PostgreSQL each test gets a fresh database cloned
from a migrated template, so tests never see each other's rows.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_cluster import ClusterError, PgCluster

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The screens under test speak English whatever this machine's language (intake/ui/i18n.py);
# tests/ui/test_i18n.py builds them in Spanish and in a pseudo-language itself.
os.environ["INTAKE_LANGUAGE"] = "en"

POSTGRES_URL = os.environ.get("INTAKE_TEST_DATABASE_URL", "")
BACKEND = "postgresql" if POSTGRES_URL else "sqlite"
_counter = itertools.count(1)
_database_tests: list[str] = []


def pytest_report_header() -> str:
    return f"intake test database backend: {BACKEND}"


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """As the program does (intake.ui.gc_guard): no automatic collection in worker threads,
    where it could destroy Qt objects on the wrong thread; collect here between tests."""
    if "qapp" not in request.fixturenames:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture(autouse=True)
def _log_configured_per_test() -> Iterator[None]:
    """Entry points configure the log file; each test's configuration ends with the test,
    so no test writes into another's folder (or the real data folder)."""
    import logging

    from intake import logs

    root = logging.getLogger("intake")
    before, level, configured = list(root.handlers), root.level, logs._configured
    yield
    for handler in [h for h in root.handlers if h not in before]:
        handler.close()
        root.removeHandler(handler)
    root.setLevel(level)
    logs._configured = configured


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # As qutebrowser does: the marker sits on the QApplication (pytest-qt's `qapp`, which
    # `qtbot` and every widget fixture need), so no test that builds a widget escapes it and
    # `pytest -m "not gui"` runs the rest without a screen.
    for item in items:
        if "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
    # A test about one backend's own mechanism is deselected on the other, not skipped: CI
    # fails a PostgreSQL run with skipped tests, and a skip there must mean something broke.
    other = [
        item
        for item in items
        if (mark := item.get_closest_marker("backend")) is not None and mark.args[0] != BACKEND
    ]
    if other:
        config.hook.pytest_deselected(items=other)
        items[:] = [item for item in items if item not in other]


class _Postgres:
    """Creates and drops throw-away databases on the test server."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self.prefix = f"{self.url.database}_t{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self.created: list[str] = []

    def _admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(
            host=self.url.host or "127.0.0.1",
            port=self.url.port or 5432,
            user=self.url.username,
            password=self.url.password,
            dbname=self.url.database,
            autocommit=True,
        )

    def create(self, *, template: str | None = None) -> str:
        name = f"{self.prefix}_{next(_counter)}"
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            clause = f' TEMPLATE "{template}"' if template else ""
            conn.execute(f'CREATE DATABASE "{name}"{clause}')
        self.created.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def create_template(self) -> None:
        from intake.services.database import open_database

        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.template}"')
            conn.execute(f'CREATE DATABASE "{self.template}"')
        self.created.append(self.template)
        url = self.url.set(database=self.template).render_as_string(hide_password=False)
        open_database(url).close()  # migrated, then every connection closed for cloning

    def drop_all(self, *, wait: bool = True) -> None:
        """Drop this run's databases and logins; without `wait`, in a process of its own
        (tests/pg_drop.py: a minute for a whole run's databases)."""
        from tests import pg_drop

        if wait:
            with self._admin() as conn:
                pg_drop.drop(conn, self.created, self.prefix)
            return
        with self._admin() as conn:
            conninfo = conn.info.dsn  # the same server, login and database, no password
        pg_drop.drop_later(conninfo, self.url.password, self.created, self.prefix)


@pytest.fixture(scope="session")
def postgres() -> Iterator[_Postgres | None]:
    if not POSTGRES_URL:
        yield None
        return
    server = _Postgres(POSTGRES_URL)
    try:
        server.create_template()
    except Exception as exc:  # the run asked for PostgreSQL: failing beats skipping
        pytest.exit(f"INTAKE_TEST_DATABASE_URL is set but unusable: {exc}", returncode=3)
    yield server
    server.drop_all(wait=False)  # the run ends now; the server drops them meanwhile


def _own_cluster(tls: bool) -> Iterator[PgCluster]:
    try:
        cluster = PgCluster.start(tls=tls)
    except ClusterError as exc:
        problem = str(exc)
    else:
        yield cluster
        cluster.stop()
        return
    pytest.fail(problem, pytrace=False)  # a missing server program is a broken set-up, not a skip


@pytest.fixture(scope="session")
def scram_server() -> Iterator[PgCluster]:
    """A PostgreSQL cluster of our own that checks passwords (SCRAM) and speaks TLS, started
    the first time a test asks (under a second) and stopped at the end of the session.
    `.host`, `.port`, `.superuser`, `.password`, `.ca_file`, `.url(database, user, password,
    **query)`, `.create_database(name=None)`, `.admin()`: see tests/pg_cluster.py."""
    yield from _own_cluster(tls=True)


@pytest.fixture(scope="session")
def scram_server_without_tls() -> Iterator[PgCluster]:
    """Like scram_server, but the server refuses TLS (ssl = off) and has no ca_file."""
    yield from _own_cluster(tls=False)


@pytest.fixture
def empty_database_url(
    postgres: _Postgres | None, tmp_path: Path, request: pytest.FixtureRequest
) -> str:
    """A database with no schema at all (for migration tests)."""
    _database_tests.append(request.node.nodeid)
    if postgres is None:
        return f"sqlite+pysqlite:///{tmp_path / 'empty.sqlite3'}"
    return postgres.create()


@pytest.fixture
def database_url(postgres: _Postgres | None, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A database migrated to head with no rows."""
    _database_tests.append(request.node.nodeid)
    if postgres is None:
        return _migrated_sqlite(tmp_path, request)
    return postgres.create(template=postgres.template)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to head, once per run: each test gets a copy, as each
    PostgreSQL test gets a clone of its template (migrating per test cost seconds a test
    once the migrations rebuilt tables)."""
    from intake.services.database import open_database

    path = tmp_path_factory.mktemp("sqlite-template") / "intake.sqlite3"
    open_database(f"sqlite+pysqlite:///{path}").close()
    return path


def _migrated_sqlite(tmp_path: Path, request: pytest.FixtureRequest) -> str:
    import sqlite3

    template: Path = request.getfixturevalue("sqlite_template")
    target = tmp_path / "intake.sqlite3"
    # Made owner-only first, as the program makes its database file (intake.db.engine).
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
    with sqlite3.connect(template) as source, sqlite3.connect(target) as copy:
        source.backup(copy)  # a consistent copy, whatever the template's journal
    source.close()
    copy.close()
    return f"sqlite+pysqlite:///{target}"


@pytest.fixture(scope="session")
def checked_postgres(scram_server) -> Iterator[_Postgres]:  # type: ignore[no-untyped-def]
    """Throw-away databases on a server that really checks passwords (SCRAM): CI's own
    server trusts every connection from 127.0.0.1."""
    server = _Postgres(
        scram_server.url(user=scram_server.superuser, password=scram_server.password)
    )
    server.create_template()
    yield server
    server.drop_all()


@pytest.fixture
def checked_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database where a wrong password is refused: on PostgreSQL by a
    server that checks passwords, on SQLite (no logins) by the program, as ever. A test
    module about wrong passwords overrides `database_url` with this."""
    _database_tests.append(request.node.nodeid)
    if BACKEND == "sqlite":
        return _migrated_sqlite(tmp_path, request)
    server = request.getfixturevalue("checked_postgres")
    return str(server.create(template=server.template))


@pytest.fixture
def database(database_url: str) -> Iterator[object]:
    from intake.services.database import open_database

    db = open_database(database_url)
    yield db
    db.close()


@pytest.fixture
def app_env(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Environment pointing the program (CLI, GUI start) at the test database."""
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INTAKE_DATABASE_URL", database_url)
    return database_url


def pytest_sessionfinish(session: pytest.Session) -> None:
    # CI reads this to fail a PostgreSQL run whose database tests were skipped.
    report = os.environ.get("INTAKE_TEST_REPORT")
    if report and not hasattr(session.config, "workerinput"):
        Path(report).write_text(
            json.dumps({"backend": BACKEND, "database_tests": len(set(_database_tests))})
        )
