"""Signing in, lockout (with an injected clock), the first admin, passwords and accounts."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from intake.db.models import AuditEvent
from intake.domain.accounts import (
    CURRENT_PASSWORD_REFUSED,
    LOCKOUT_RULE,
    SIGN_IN_REFUSED,
    SignInRefused,
    SignInRequired,
)
from intake.domain.enums import Role
from intake.domain.errors import Invalid, PermissionDenied, StaleRecord
from intake.services import accounts
from intake.services.actor import Actor

T0 = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
# The program checks passwords (argon2id) and counts wrong ones with an injected clock only
# in embedded mode; on PostgreSQL the server checks each person's own login and the
# database counts: tests/db/test_database_logins.py, on a server that checks passwords.
PROGRAM_CHECKS_PASSWORDS = pytest.mark.backend("sqlite")
PASSWORD = "correct-horse-1"


@pytest.fixture
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> PasswordHasher:
    """argon2id with tiny costs: the same code path, a thousandth of the time (tests only)."""
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(accounts, "HASHER", hasher)
    return hasher


@pytest.fixture
def admin(database, cheap_hasher) -> Actor:  # type: ignore[no-untyped-def]
    return accounts.create_first_admin(database, "boss", "Test Admin", PASSWORD, workstation="pc-1")


def _events(database, action: str | None = None) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(session.scalars(query))


def _sign_in(database, name: str, password: str, now: dt.datetime = T0) -> Actor:  # type: ignore[no-untyped-def]
    return accounts.sign_in(database, name, password, workstation="pc-2", now=now)


def test_the_first_admin_is_created_once_and_signed_in(database, cheap_hasher):
    assert accounts.needs_first_admin(database)
    actor = accounts.create_first_admin(database, " Boss ", "Test Admin", PASSWORD)
    assert (actor.username, actor.role) == ("boss", Role.ADMIN)
    assert not accounts.needs_first_admin(database)
    with pytest.raises(PermissionDenied):
        accounts.create_first_admin(database, "other", "Other Admin", PASSWORD)
    assert [e.action for e in _events(database)] == ["create", "sign_in"]


def test_the_first_admin_is_validated(database, cheap_hasher):
    with pytest.raises(Invalid) as caught:
        accounts.create_first_admin(database, "", " ", "short")
    assert set(caught.value.problems) == {"username", "display_name", "password"}


def test_sign_in_gives_the_account_as_actor(database, admin):
    actor = _sign_in(database, "BOSS", PASSWORD)
    assert actor == Actor(admin.user_id, "boss", Role.ADMIN, "pc-2")
    event = _events(database, "sign_in")[-1]
    assert (event.user_id, event.workstation, event.entity) == (admin.user_id, "pc-2", "account")


@PROGRAM_CHECKS_PASSWORDS
def test_wrong_password_and_unknown_name_get_the_same_sentence(database, admin):
    with pytest.raises(SignInRefused) as wrong:
        _sign_in(database, "boss", "not-it")
    with pytest.raises(SignInRefused) as unknown:
        _sign_in(database, "nobody", "not-it")
    assert str(wrong.value) == str(unknown.value) == str(SIGN_IN_REFUSED)
    assert "nobody" not in str(SIGN_IN_REFUSED)
    failed = _events(database, "sign_in_failed")
    assert [(e.user_id, e.username) for e in failed] == [
        (admin.user_id, "boss"),
        (None, "(unknown)"),
    ]
    assert failed[0].fields == ["failed_sign_ins"]


@PROGRAM_CHECKS_PASSWORDS
def test_five_wrong_tries_lock_the_account_for_fifteen_minutes(database, admin):
    for minute in range(5):
        with pytest.raises(SignInRefused):
            _sign_in(database, "boss", "wrong", T0 + dt.timedelta(minutes=minute))
    locked_at = T0 + dt.timedelta(minutes=4)
    # Even the right password is refused while locked, with the same sentence.
    with pytest.raises(SignInRefused) as refused:
        _sign_in(database, "boss", PASSWORD, locked_at + dt.timedelta(minutes=14, seconds=59))
    assert str(refused.value) == str(SIGN_IN_REFUSED)
    assert _events(database, "sign_in_refused_locked")
    actor = _sign_in(database, "boss", PASSWORD, locked_at + dt.timedelta(minutes=15))
    assert actor.user_id == admin.user_id
    (info,) = accounts.list_accounts(database, actor)
    assert info.locked_until is None


@PROGRAM_CHECKS_PASSWORDS
def test_four_wrong_tries_then_the_right_one_resets_the_count(database, admin):
    for _ in range(4):
        with pytest.raises(SignInRefused):
            _sign_in(database, "boss", "wrong")
    _sign_in(database, "boss", PASSWORD)
    for _ in range(4):
        with pytest.raises(SignInRefused):
            _sign_in(database, "boss", "wrong")
    assert _sign_in(database, "boss", PASSWORD).user_id == admin.user_id


@PROGRAM_CHECKS_PASSWORDS
def test_an_admin_reset_lifts_the_lock(database, admin):
    desk = accounts.create_account(database, admin, "desk1", "Desk One", Role.FRONT_DESK, PASSWORD)
    for _ in range(5):
        with pytest.raises(SignInRefused):
            _sign_in(database, "desk1", "wrong")
    locked = next(i for i in accounts.list_accounts(database, admin) if i.id == desk.id)
    assert locked.locked_at(T0)
    accounts.reset_password(database, admin, desk.id, locked.version, "fresh-pass-2")
    assert _sign_in(database, "desk1", "fresh-pass-2").role == Role.FRONT_DESK
    with pytest.raises(SignInRefused):
        _sign_in(database, "desk1", PASSWORD)
    reset = _events(database, "reset_password")[-1]
    assert reset.fields == ["failed_sign_ins", "locked_until", "must_change_password", "password"]


@PROGRAM_CHECKS_PASSWORDS
def test_unlock_keeps_the_password(database, admin):
    desk = accounts.create_account(database, admin, "desk1", "Desk One", Role.FRONT_DESK, PASSWORD)
    for _ in range(5):
        with pytest.raises(SignInRefused):
            _sign_in(database, "desk1", "wrong")
    locked = next(i for i in accounts.list_accounts(database, admin) if i.id == desk.id)
    accounts.unlock_account(database, admin, desk.id, locked.version)
    assert _sign_in(database, "desk1", PASSWORD).user_id == desk.id


def test_a_deactivated_account_cannot_sign_in(database, admin):
    desk = accounts.create_account(database, admin, "desk1", "Desk One", Role.FRONT_DESK, PASSWORD)
    accounts.deactivate_account(database, admin, desk.id, desk.version)
    with pytest.raises(SignInRefused) as refused:
        _sign_in(database, "desk1", PASSWORD)
    assert str(refused.value) == str(SIGN_IN_REFUSED)


def test_a_role_changed_while_signed_in_needs_a_new_sign_in(database, admin):
    info = accounts.create_account(database, admin, "ther", "Ther Apist", Role.THERAPIST, PASSWORD)
    signed_in = _sign_in(database, "ther", PASSWORD)
    assert accounts.verify_actor(database, signed_in) == signed_in
    changed = accounts.update_account(database, admin, info.id, info.version, role=Role.FRONT_DESK)
    with pytest.raises(SignInRequired, match="role was changed"):
        accounts.verify_actor(database, signed_in)
    assert _sign_in(database, "ther", PASSWORD).role == Role.FRONT_DESK
    accounts.deactivate_account(database, admin, info.id, changed.version)
    with pytest.raises(SignInRequired, match="switched off"):
        accounts.verify_actor(database, signed_in)


@PROGRAM_CHECKS_PASSWORDS
def test_change_own_password(database, admin):
    with pytest.raises(Invalid) as wrong:
        accounts.change_password(database, admin, "not-current", "new-secret-9")
    assert set(wrong.value.problems) == {"current_password"}
    with pytest.raises(Invalid) as short:
        accounts.change_password(database, admin, PASSWORD, "short")
    assert set(short.value.problems) == {"new_password"}
    accounts.change_password(database, admin, PASSWORD, "new-secret-9")
    assert _sign_in(database, "boss", "new-secret-9").user_id == admin.user_id
    assert _events(database, "update")[-1].fields == ["password"]


def _change(database, actor: Actor, current: str, new: str, now: dt.datetime = T0) -> str | None:  # type: ignore[no-untyped-def]
    """The message for a refused current password, or None when the change went through."""
    try:
        accounts.change_password(database, actor, current, new, now=now)
    except Invalid as exc:
        assert set(exc.problems) == {"current_password"}
        return str(exc.problems["current_password"])
    return None


@PROGRAM_CHECKS_PASSWORDS
def test_five_wrong_current_passwords_lock_like_sign_in(database, admin):
    messages = {_change(database, admin, "wrong", "new-secret-9", T0 + dt.timedelta(minutes=m))
                for m in range(5)}  # fmt: skip
    locked_at = T0 + dt.timedelta(minutes=4)
    (info,) = accounts.list_accounts(database, admin)
    assert info.locked_until == locked_at + dt.timedelta(minutes=15)
    # Locked: sign-in refuses even the right password, with its usual sentence ...
    with pytest.raises(SignInRefused) as refused:
        _sign_in(database, "boss", PASSWORD, locked_at + dt.timedelta(minutes=1))
    assert str(refused.value) == str(SIGN_IN_REFUSED)
    # ... and so does the change of password, with the same sentence as a wrong one.
    messages.add(_change(database, admin, PASSWORD, "new-secret-9", locked_at))
    assert messages == {str(CURRENT_PASSWORD_REFUSED)}
    rule = str(LOCKOUT_RULE)
    assert rule in str(CURRENT_PASSWORD_REFUSED) and rule in str(SIGN_IN_REFUSED)
    failed = _events(database, "change_password_failed")
    assert [e.fields for e in failed] == [["failed_sign_ins"]] * 4 + [
        ["failed_sign_ins", "locked_until"]
    ]
    assert _events(database, "change_password_refused_locked")
    # The lock ends as a sign-in lock does; the password was never changed.
    later = locked_at + dt.timedelta(minutes=15)
    assert _change(database, admin, PASSWORD, "new-secret-9", later) is None
    assert _sign_in(database, "boss", "new-secret-9", later).user_id == admin.user_id


@PROGRAM_CHECKS_PASSWORDS
def test_wrong_tries_at_sign_in_and_at_change_password_add_up(database, admin):
    for _ in range(3):
        with pytest.raises(SignInRefused):
            _sign_in(database, "boss", "wrong")
    for _ in range(2):
        assert _change(database, admin, "wrong", "new-secret-9") == str(CURRENT_PASSWORD_REFUSED)
    with pytest.raises(SignInRefused):
        _sign_in(database, "boss", PASSWORD, T0 + dt.timedelta(minutes=14))


@PROGRAM_CHECKS_PASSWORDS
def test_a_successful_change_resets_the_count(database, admin):
    for _ in range(4):
        _change(database, admin, "wrong", "new-secret-9")
    assert _change(database, admin, PASSWORD, "new-secret-9") is None
    for _ in range(4):
        with pytest.raises(SignInRefused):
            _sign_in(database, "boss", "wrong")
    assert _sign_in(database, "boss", "new-secret-9").user_id == admin.user_id


def test_accounts_are_validated_and_names_unique(database, admin):
    with pytest.raises(Invalid) as taken:
        accounts.create_account(database, admin, "BOSS", "Again", Role.ADMIN, PASSWORD)
    assert "username" in taken.value.problems
    with pytest.raises(Invalid) as bad:
        accounts.create_account(database, admin, "a b", "", Role.ADMIN, "x")
    assert set(bad.value.problems) == {"username", "display_name", "password"}


def test_the_last_active_admin_stays(database, admin):
    (me,) = accounts.list_accounts(database, admin)
    with pytest.raises(Invalid) as demote:
        accounts.update_account(database, admin, me.id, me.version, role=Role.THERAPIST)
    assert "role" in demote.value.problems
    with pytest.raises(Invalid):
        accounts.deactivate_account(database, admin, me.id, me.version)
    other = accounts.create_account(database, admin, "boss2", "Second", Role.ADMIN, PASSWORD)
    accounts.deactivate_account(database, admin, other.id, other.version)
    again = accounts.update_account(database, admin, other.id, other.version + 1, active=True)
    done = accounts.update_account(database, admin, me.id, me.version, role=Role.THERAPIST)
    assert done.role == Role.THERAPIST and again.active


def test_stale_versions_are_refused(database, admin):
    desk = accounts.create_account(database, admin, "desk1", "Desk One", Role.FRONT_DESK, PASSWORD)
    accounts.update_account(database, admin, desk.id, desk.version, display_name="Desk Uno")
    with pytest.raises(StaleRecord):
        accounts.update_account(database, admin, desk.id, desk.version, display_name="Other")


@PROGRAM_CHECKS_PASSWORDS
def test_audit_of_accounts_never_holds_a_password(database, admin):
    accounts.create_account(database, admin, "desk1", "Desk One", Role.FRONT_DESK, PASSWORD)
    with pytest.raises(SignInRefused):
        _sign_in(database, "desk1", "typed-wrong-secret")
    for event in _events(database):
        text = repr((event.username, event.workstation, event.fields, event.entity))
        assert PASSWORD not in text and "typed-wrong-secret" not in text


def test_demo_accounts_are_those_of_the_demo_practice():
    from intake.demo.data import DEMO_ACCOUNTS, demo_accounts

    shown = demo_accounts()
    assert [d.username for d in shown] == [name for name, _, _ in DEMO_ACCOUNTS]
    assert {d.role for d in shown} == set(Role)


def test_services_refuse_non_admins(database, admin):
    desk = accounts.create_account(database, admin, "desk1", "Desk One", Role.FRONT_DESK, PASSWORD)
    as_desk = _sign_in(database, "desk1", PASSWORD)
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(database, as_desk)
    with pytest.raises(PermissionDenied):
        accounts.update_account(database, as_desk, desk.id, desk.version, role=Role.ADMIN)
