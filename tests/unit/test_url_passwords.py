"""A password may hold any character — @ : / % ? # included, escaped or typed raw — and
never shows in the address people see nor in the error a refusing server causes."""

from __future__ import annotations

import socket
from urllib.parse import quote

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from intake.db.engine import mask_url, parse_url
from intake.domain.errors import DatabaseUnavailable
from intake.services.database import connect

SPECIAL = "@:/%?#&=+ "
passwords = st.text(
    alphabet=st.sampled_from("abcXYZ019-_." + SPECIAL), min_size=1, max_size=24
).filter(lambda p: any(c in SPECIAL for c in p))


def _raw(password: str, port: int = 5432) -> str:
    return f"postgresql+psycopg://clinic:{password}@db.example.invalid:{port}/intake"


@given(passwords)
def test_the_masked_address_shows_no_part_of_the_password(password: str):
    for url in (_raw(password), _raw(quote(password, safe=""))):
        assert mask_url(url) == "postgresql+psycopg://clinic:***@db.example.invalid:5432/intake"
        parsed = parse_url(url)
        assert (parsed.host, parsed.database, parsed.username) == (
            "db.example.invalid", "intake", "clinic",
        )  # fmt: skip


@given(passwords.filter(lambda p: "%" not in p))  # a raw % followed by hex reads as escaped
def test_a_raw_password_reaches_the_driver_whole(password: str):
    assert parse_url(_raw(password)).password == password
    assert parse_url(_raw(quote(password, safe=""))).password == password


def test_a_file_path_with_an_at_sign_stays_a_path():
    assert parse_url("sqlite+pysqlite:////tmp/a@b/intake.sqlite3").database == (
        "/tmp/a@b/intake.sqlite3"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@settings(max_examples=25, deadline=None)
@given(passwords)
def test_a_refusing_server_names_no_part_of_the_password(password: str):
    port = _free_port()

    def message(secret: str) -> str:
        with pytest.raises(DatabaseUnavailable) as caught:
            connect(f"postgresql+psycopg://clinic:{secret}@127.0.0.1:{port}/intake")
        return str(caught.value)

    baseline = message("plain")
    assume(password not in baseline)  # e.g. "0.0." is in 127.0.0.1 whatever we do
    # Word for word what a plain password gives: nothing of this one shows anywhere.
    assert message(password) == baseline
    assert "clinic:***@127.0.0.1" in message(password)
