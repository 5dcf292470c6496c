"""`intake accounts`: the IT person's accounts, on SQLite (the program's table) and on
PostgreSQL (each account's own login, made by the database)."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import text

from intake.cli import main
from intake.services import accounts
from intake.services.actor import SYSTEM
from intake.services.database import open_database


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_add_list_reset_and_disable(app_env, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    _stdin(monkeypatch, "a-long-password-1\n")
    args = ["accounts", "add", "Desk.One", "--role", "front_desk", "--full-name", "Test Desk"]
    assert main([*args, "--password-stdin"]) == 0
    out = capsys.readouterr().out
    assert "Account desk.one (front_desk" in out
    database = open_database(app_env)
    try:
        [info] = accounts.list_accounts(database, SYSTEM)
        if database.backend == "postgresql":
            assert info.login is not None and info.login.startswith("desk.one@")
            assert f"login {info.login}" in out
        else:
            assert info.login is None
        assert main(["accounts", "list"]) == 0
        assert "desk.one" in capsys.readouterr().out
        _stdin(monkeypatch, "one-time-pass-2\n")
        assert main(["accounts", "reset-password", "desk.one", "--password-stdin"]) == 0
        assert accounts.list_accounts(database, SYSTEM)[0].version > info.version
        assert main(["accounts", "disable", "desk.one"]) == 0
        assert not accounts.list_accounts(database, SYSTEM)[0].active
    finally:
        database.close()


def test_the_it_person_makes_a_tablet_account(app_env, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    """The waiting-room tablet's account is made like anyone's; on PostgreSQL its login is
    in the tablet group, not the staff group (it cannot read patients)."""
    _stdin(monkeypatch, "a-long-password-1\n")
    args = ["accounts", "add", "tablet1", "--role", "tablet", "--full-name", "Waiting room"]
    assert main([*args, "--password-stdin"]) == 0
    assert "Account tablet1 (tablet" in capsys.readouterr().out
    database = open_database(app_env)
    try:
        [info] = accounts.list_accounts(database, SYSTEM)
        assert info.role.value == "tablet"
        if database.backend == "postgresql":
            with database.reading() as session:
                member = session.scalar(
                    text(
                        "SELECT pg_has_role(:login, intake_group_role('tablet'), 'MEMBER') "
                        "AND NOT pg_has_role(:login, intake_group_role('staff'), 'MEMBER')"
                    ),
                    {"login": info.login},
                )
            assert member is True
    finally:
        database.close()


@pytest.mark.parametrize(
    "name", ['ann"; DROP TABLE patients; --', "ann smith", "o'brien", "x" * 41, ""]
)
def test_a_bad_login_name_is_one_sentence_and_nothing_is_made(app_env, monkeypatch, capsys, name):  # type: ignore[no-untyped-def]
    _stdin(monkeypatch, "a-long-password-1\n")
    args = ["accounts", "add", name, "--role", "admin", "--full-name", "Test", "--password-stdin"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "user name" in err and "a-long-password-1" not in err and len(err.splitlines()) == 1
    database = open_database(app_env)
    try:
        assert accounts.list_accounts(database, SYSTEM) == []
    finally:
        database.close()


def test_unknown_account_and_missing_password_say_so(app_env, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    assert main(["accounts", "disable", "nobody"]) == 1
    assert "There is no account 'nobody'" in capsys.readouterr().err
    _stdin(monkeypatch, "")
    args = ["accounts", "add", "desk", "--role", "admin", "--full-name", "Test"]
    assert main(args) == 1
    assert "No password" in capsys.readouterr().err
