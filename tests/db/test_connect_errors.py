"""An unreachable database, refused credentials, an invalid address: a clear sentence."""

from __future__ import annotations

import socket

import pytest

from intake.db.engine import mask_url
from intake.domain.errors import DatabaseUnavailable
from intake.services.database import connect


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_server_names_the_database_and_hides_the_password():
    url = f"postgresql+psycopg://clinic:s3cret-pw@127.0.0.1:{_free_port()}/intake"
    with pytest.raises(DatabaseUnavailable) as caught:
        connect(url)
    message = str(caught.value)
    assert "s3cret-pw" not in message
    assert "clinic:***@127.0.0.1" in message
    assert "does not answer" in message


def test_refused_credentials_say_so(database_url: str):
    from sqlalchemy.engine import make_url

    if not database_url.startswith("postgresql"):
        # SQLite has no credentials: the PostgreSQL run covers this case against its server.
        url = make_url("postgresql+psycopg://nobody-here:pw@127.0.0.1:5432/postgres")
    else:
        url = make_url(database_url).set(username="nobody-here", password="pw")
    try:
        connect(url.render_as_string(hide_password=False))
    except DatabaseUnavailable as exc:
        message = str(exc)
    else:  # pragma: no cover - a server that lets anyone in
        pytest.fail("a non-existent role was let in")
    assert "pw@" not in message
    assert "nobody-here:***@" in message
    if database_url.startswith("postgresql"):
        assert "password was refused" in message


def test_an_invalid_address_is_explained():
    with pytest.raises(DatabaseUnavailable, match="not valid"):
        connect("nosuchdb://x")


def test_an_unwritable_sqlite_folder_is_explained(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    with pytest.raises(DatabaseUnavailable):
        connect(f"sqlite+pysqlite:///{blocked}/intake.sqlite3")


def test_mask_url():
    assert mask_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:***@h/db"
    assert mask_url("sqlite+pysqlite:////tmp/x.sqlite3") == "sqlite+pysqlite:////tmp/x.sqlite3"
