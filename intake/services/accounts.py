"""Signing in and looking after staff accounts.

Sign-in is the one door without an actor: it makes one. Every refused sign-in says the same
sentence (SignInRefused), takes about as long whether or not the name exists, and is audited.
Passwords are hashed with argon2id; `HASHER` may be replaced (tests use cheap parameters).
"""

from __future__ import annotations

import datetime as dt
import logging
import socket

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.db.models import StaffUser
from intake.domain import accounts as a
from intake.domain.enums import Role
from intake.domain.errors import Invalid, NotFound, PermissionDenied
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, Message, Words, said
from intake.services import audit, logins
from intake.services.actor import Actor, issue
from intake.services.database import Database
from intake.services.locking import check_version, flush
from intake.services.passwords import scram_verifier

log = logging.getLogger(__name__)

SAME_PASSWORD = said(
    QT_TRANSLATE_NOOP("Accounts", "Choose a password different from the current one.")
)
# The record a stale change names (intake.services.locking).
THIS_ACCOUNT = said(QT_TRANSLATE_NOOP("Accounts", "This account"))
YOUR_ACCOUNT = said(QT_TRANSLATE_NOOP("Accounts", "Your account"))
HASHER = PasswordHasher()  # argon2id, the library's recommended parameters
_dummy_hash: dict[int, str] = {}


def _hash(password: str, database: Database | None = None) -> str:
    """What the account row keeps: an argon2id hash (SQLite), or on PostgreSQL the SCRAM
    verifier the database turns into the login's password (and then forgets)."""
    if database is not None and database.backend == "postgresql":
        return scram_verifier(password)
    return HASHER.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _waste_time(password: str) -> None:
    """Verify against a throw-away hash so an unknown name costs as long as a known one."""
    key = id(HASHER)
    if key not in _dummy_hash:
        _dummy_hash[key] = HASHER.hash("not a password of anyone")
    _verify(_dummy_hash[key], password)


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def _info(row: StaffUser) -> a.AccountInfo:
    return a.AccountInfo(
        row.id,
        row.username,
        row.display_name,
        Role(row.role),
        row.active,
        row.locked_until,
        row.version,
        row.db_login,
    )


def _actor(row: StaffUser, workstation: str) -> Actor:
    return issue(row.id, row.username, Role(row.role), workstation)


def _account(username: str) -> Message:
    return said(QT_TRANSLATE_NOOP("Accounts", "Account {username}"), username=username)


def _raise_if(problems: a.Problems) -> None:
    if problems:
        raise Invalid(problems)


# --- signing in -----------------------------------------------------------------------------


def sign_in(
    database: Database,
    username: str,
    password: str,
    *,
    workstation: str | None = None,
    now: dt.datetime | None = None,
) -> Actor:
    """The actor for this person, or SignInRefused (the same sentence for every reason)."""
    now = _now(now)
    station = workstation or socket.gethostname()
    name = a.normalise_username(username)
    if database.backend == "postgresql":
        return _sign_in_login(database, name, password, station)
    with database.writing() as session:
        row = session.scalars(
            select(StaffUser).where(StaffUser.username == name).with_for_update()
        ).one_or_none()
        if row is None:
            _waste_time(password)
            audit.record(
                session, Actor(None, "(unknown)", Role.FRONT_DESK, station), "sign_in_failed",
                "account",
            )  # fmt: skip
            log.info("sign-in refused: unknown user name, workstation=%s", station)
            actor = None
        else:
            actor = _check_sign_in(session, row, password, station, now)
    if actor is None:
        raise a.SignInRefused()
    return actor


def _sign_in_login(database: Database, name: str, password: str, station: str) -> Actor:
    """PostgreSQL: the server checks the password of the person's own login; on a clinic
    PC (no login of its own) the work from now on runs on that connection."""
    person = logins.open_as(database, name, password, station)
    try:
        account_id = logins.signed_in(person.engine, station)
        with person.reading() as session:
            actor = _actor(session.get_one(StaffUser, account_id), station)
    except BaseException:
        person.close()
        raise
    if database.personal:
        database.use_login(person.engine)
    else:
        person.close()  # the IT person's own connection stays in use
    log.info("signed in: account %s, workstation=%s", actor.user_id, station)
    return actor


def _check_sign_in(
    session: Session, row: StaffUser, password: str, station: str, now: dt.datetime
) -> Actor | None:
    who = _actor(row, station)
    matches = _verify(row.password_hash, password)
    if row.locked_until is not None and row.locked_until > now:
        audit.record(session, who, "sign_in_refused_locked", "account", row.id)
        log.info("sign-in refused: account %s locked, workstation=%s", row.id, station)
        return None
    if not row.active:
        audit.record(session, who, "sign_in_refused_inactive", "account", row.id)
        log.info("sign-in refused: account %s inactive, workstation=%s", row.id, station)
        return None
    if not matches:
        changed, ends = _count_wrong_password(session, row, now, THIS_ACCOUNT)
        audit.record(session, who, "sign_in_failed", "account", row.id, fields=changed)
        log.info("sign-in refused: wrong password for account %s, locked=%s", row.id, bool(ends))
        return None
    changed = []
    if row.failed_sign_ins or row.locked_until is not None:
        row.failed_sign_ins, row.locked_until = 0, None
        changed = ["failed_sign_ins", "locked_until"]
    if HASHER.check_needs_rehash(row.password_hash):
        row.password_hash = _hash(password)
        changed.append("password")
    if changed:
        flush(session, THIS_ACCOUNT)
    audit.record(session, who, "sign_in", "account", row.id, fields=changed)
    log.info("signed in: account %s, workstation=%s", row.id, station)
    return who


def verify_actor(database: Database, actor: Actor) -> Actor:
    """Raise SignInRequired if the signed-in account was switched off or its role changed."""
    actor.require_issued()
    if actor.user_id is None:
        return actor
    with database.reading() as session:
        row = session.get(StaffUser, actor.user_id)
        if row is None or not row.active:
            raise a.SignInRequired(a.SWITCHED_OFF)
        if Role(row.role) != actor.role:
            raise a.SignInRequired(
                said(
                    QT_TRANSLATE_NOOP(
                        "Accounts",
                        "Your role was changed while you were signed in. Sign in again to go on.",
                    )
                )
            )
    return actor


def locked_until(database: Database, actor: Actor, *, now: dt.datetime | None = None) -> (
    dt.datetime | None
):  # fmt: skip
    """When the signed-in person's own account unlocks (UTC), None when it is not locked:
    for the lock screen, which already names the person. (On PostgreSQL a locked login may
    not be able to connect: the caller then says no time.)"""
    actor.require_issued()
    if actor.user_id is None:
        return None
    now = _now(now)
    with database.reading() as session:
        row = session.get(StaffUser, actor.user_id)
        until = None if row is None else row.locked_until
    if until is not None and until.tzinfo is None:
        until = until.replace(tzinfo=dt.UTC)
    return until if until is not None and until > now else None


# --- the first admin ------------------------------------------------------------------------


def needs_first_admin(database: Database) -> bool:
    """True while the database has no account at all (a brand-new practice). A clinic PC
    on PostgreSQL cannot ask before someone signs in: there the IT person makes the first
    admin (`intake accounts add NAME --role admin`)."""
    if database.personal:
        return False
    with database.reading() as session:
        return not session.scalar(select(func.count()).select_from(StaffUser))


def create_first_admin(
    database: Database,
    username: str,
    display_name: str,
    password: str,
    *,
    workstation: str | None = None,
) -> Actor:
    """Create the first admin of an empty database and sign them in."""
    name = a.normalise_username(username)
    _raise_if(
        {
            **a.check_username(name),
            **a.check_display_name(display_name),
            **a.check_new_password(password),
        }
    )
    digest = _hash(password, database)
    with database.writing() as session:
        if session.scalar(select(func.count()).select_from(StaffUser)):
            raise PermissionDenied(
                said(
                    QT_TRANSLATE_NOOP(
                        "Accounts", "This practice already has accounts; sign in instead."
                    )
                )
            )
        row = StaffUser(
            username=name,
            display_name=display_name.strip(),
            role=Role.ADMIN.value,
            password_hash=digest,
            active=True,
            failed_sign_ins=0,
        )
        session.add(row)
        session.flush()
        actor = _actor(row, workstation or socket.gethostname())
        audit.record(session, actor, "create", "account", row.id, fields=_NEW_ACCOUNT_FIELDS)
        audit.record(session, actor, "sign_in", "account", row.id)
    log.info("first admin created: account %s", actor.user_id)
    return actor


_NEW_ACCOUNT_FIELDS = ("username", "display_name", "role", "password", "active")


# --- one's own password ---------------------------------------------------------------------


def change_password(
    database: Database,
    actor: Actor,
    current: str,
    new: str,
    *,
    now: dt.datetime | None = None,
) -> None:
    """The signed-in person changes their own password (the current one is asked again).

    A wrong current password counts toward the lockout exactly as a wrong sign-in does, so
    someone at an unlocked PC cannot guess it here without limit.
    """
    actor.require_issued()
    if actor.user_id is None:
        raise PermissionDenied(
            said(
                QT_TRANSLATE_NOOP("Accounts", "Only a signed-in person can change their password.")
            )
        )
    _raise_if(a.check_new_password(new, "new_password"))
    if database.backend == "postgresql":
        _change_login_password(database, actor, current, new)
        return
    now = _now(now)
    with database.writing() as session:
        row = session.scalars(
            select(StaffUser).where(StaffUser.id == actor.user_id).with_for_update()
        ).one_or_none()
        if row is None or not row.active:
            raise a.SignInRequired(a.SWITCHED_OFF)
        refused = _refuse_current(session, row, actor, current, now)
        if not refused:
            if new == current:
                raise Invalid({"new_password": SAME_PASSWORD})
            row.password_hash, row.failed_sign_ins = _hash(new), 0
            row.must_change_password = False
            flush(session, YOUR_ACCOUNT)
            audit.record(session, actor, "update", "account", row.id, fields=["password"])
    if refused:  # raised after the commit: the count of wrong tries must stay
        raise Invalid({"current_password": a.CURRENT_PASSWORD_REFUSED})


def _change_login_password(database: Database, actor: Actor, current: str, new: str) -> None:
    """PostgreSQL: the server checks the current password (a wrong one is counted like a
    wrong sign-in); the new one becomes the login's, given to the database as a verifier."""
    try:
        logins.check_password(database, actor.username, current, actor.workstation)
    except a.SignInRefused:
        raise Invalid({"current_password": a.CURRENT_PASSWORD_REFUSED}) from None
    if new == current:
        raise Invalid({"new_password": SAME_PASSWORD})
    with database.writing() as session:
        row = session.get(StaffUser, actor.user_id, with_for_update=True)
        if row is None or not row.active:
            raise a.SignInRequired(a.SWITCHED_OFF)
        row.password_hash, row.must_change_password = _hash(new, database), False
        flush(session, YOUR_ACCOUNT)
        audit.record(session, actor, "update", "account", row.id, fields=["password"])
        login = row.db_login
    if database.personal and login:
        logins.use_password(database, login, new)


def must_change_password(database: Database, actor: Actor) -> bool:
    """True when the person signed in with a one-time password (an admin's reset, or the
    upgrade to database logins) and must choose their own before working."""
    actor.require_issued()
    if actor.user_id is None:
        return False
    with database.reading() as session:
        return bool(
            session.scalar(
                select(StaffUser.must_change_password).where(StaffUser.id == actor.user_id)
            )
        )


def _refuse_current(
    session: Session, row: StaffUser, actor: Actor, current: str, now: dt.datetime
) -> bool:
    """True (and counted, audited) when `current` may not stand for the account's password."""
    matches = _verify(row.password_hash, current)
    if row.locked_until is not None and row.locked_until > now:
        audit.record(session, actor, "change_password_refused_locked", "account", row.id)
        log.info("password change refused: account %s locked", row.id)
        return True
    if matches:
        return False
    changed, ends = _count_wrong_password(session, row, now, YOUR_ACCOUNT)
    audit.record(session, actor, "change_password_failed", "account", row.id, fields=changed)
    log.info("password change refused: wrong password for %s, locked=%s", row.id, bool(ends))
    return True


def _count_wrong_password(
    session: Session, row: StaffUser, now: dt.datetime, what: Words
) -> tuple[list[str], dt.datetime | None]:
    """One wrong password, at sign-in or in "change password": the same count and lockout."""
    row.failed_sign_ins += 1
    changed = ["failed_sign_ins"]
    ends = a.lock_ends(row.failed_sign_ins, now)
    if ends is not None:
        row.locked_until, row.failed_sign_ins = ends, 0
        changed.append("locked_until")
    flush(session, what)
    return changed, ends


# --- accounts, for admins -------------------------------------------------------------------


def _row(session: Session, account_id: int) -> StaffUser:
    row = session.get(StaffUser, account_id)
    if row is None:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP("Accounts", "There is no account number {number}."),
                number=account_id,
            )
        )
    return row


def list_accounts(
    database: Database, actor: Actor, *, include_inactive: bool = True
) -> list[a.AccountInfo]:
    actor.require(Permission.ACCOUNTS)
    with database.reading() as session:
        query = select(StaffUser).order_by(StaffUser.username)
        if not include_inactive:
            query = query.where(StaffUser.active.is_(True))
        return [_info(row) for row in session.scalars(query)]


def create_account(
    database: Database,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str,
) -> a.AccountInfo:
    actor.require(Permission.ACCOUNTS)
    name = a.normalise_username(username)
    _raise_if(
        {
            **a.check_username(name),
            **a.check_display_name(display_name),
            **a.check_new_password(password),
        }
    )
    digest = _hash(password, database)
    with database.writing() as session:
        if session.scalar(select(StaffUser.id).where(StaffUser.username == name)) is not None:
            raise Invalid(
                {
                    "username": said(
                        QT_TRANSLATE_NOOP("Accounts", "The user name '{name}' is already taken."),
                        name=name,
                    )
                }
            )
        row = StaffUser(
            username=name,
            display_name=display_name.strip(),
            role=Role(role).value,
            password_hash=digest,
            active=True,
            failed_sign_ins=0,
        )
        session.add(row)
        session.flush()
        if database.backend == "postgresql":  # the database named the login: read it back
            session.refresh(row, ["db_login"])
        audit.record(session, actor, "create", "account", row.id, fields=_NEW_ACCOUNT_FIELDS)
        return _info(row)


def update_account(
    database: Database,
    actor: Actor,
    account_id: int,
    version: int,
    *,
    display_name: str | None = None,
    role: Role | None = None,
    active: bool | None = None,
) -> a.AccountInfo:
    """Change the given fields of the account read at `version`; the last admin stays."""
    actor.require(Permission.ACCOUNTS)
    if display_name is not None:
        _raise_if(a.check_display_name(display_name))
    with database.writing() as session:
        row = _row(session, account_id)
        what = _account(row.username)
        check_version(row.version, version, what)
        wanted = {
            "display_name": row.display_name if display_name is None else display_name.strip(),
            "role": row.role if role is None else Role(role).value,
            "active": row.active if active is None else active,
        }
        changed = [field for field, value in wanted.items() if getattr(row, field) != value]
        stays_admin = wanted["role"] == Role.ADMIN.value and wanted["active"]
        if row.role == Role.ADMIN.value and row.active and not stays_admin:
            _keep_an_admin(session, row.id, "role" if "role" in changed else "active")
        for field in changed:
            setattr(row, field, wanted[field])
        if changed:
            flush(session, what)
            audit.record(session, actor, "update", "account", row.id, fields=changed)
        return _info(row)


def _keep_an_admin(session: Session, leaving: int, field: str) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(StaffUser)
        .where(
            StaffUser.role == Role.ADMIN.value,
            StaffUser.active.is_(True),
            StaffUser.id != leaving,
        )
    )
    if not others:
        raise Invalid(
            {
                field: said(
                    QT_TRANSLATE_NOOP(
                        "Accounts", "This is the last active admin; make another admin first."
                    )
                )
            }
        )


def deactivate_account(
    database: Database, actor: Actor, account_id: int, version: int
) -> a.AccountInfo:
    """Switch an account off (kept for the audit trail); update_account(active=True) undoes."""
    return update_account(database, actor, account_id, version, active=False)


def reset_password(
    database: Database, actor: Actor, account_id: int, version: int, new_password: str
) -> a.AccountInfo:
    """An admin sets a new password for someone (and lifts a lock); tell them in person."""
    actor.require(Permission.ACCOUNTS)
    _raise_if(a.check_new_password(new_password))
    digest = _hash(new_password, database)
    with database.writing() as session:
        row = _row(session, account_id)
        what = _account(row.username)
        check_version(row.version, version, what)
        row.password_hash, row.failed_sign_ins, row.locked_until = digest, 0, None
        row.must_change_password = True  # the admin knows it: the person chooses their own
        flush(session, what)
        audit.record(
            session,
            actor,
            "reset_password",
            "account",
            row.id,
            fields=["password", "failed_sign_ins", "locked_until", "must_change_password"],
        )
        return _info(row)


def unlock_account(
    database: Database, actor: Actor, account_id: int, version: int
) -> a.AccountInfo:
    """Lift a lock after wrong passwords, without changing the password."""
    actor.require(Permission.ACCOUNTS)
    with database.writing() as session:
        row = _row(session, account_id)
        what = _account(row.username)
        check_version(row.version, version, what)
        if row.locked_until is not None or row.failed_sign_ins:
            row.failed_sign_ins, row.locked_until = 0, None
            flush(session, what)
            audit.record(
                session, actor, "unlock", "account", row.id,
                fields=["failed_sign_ins", "locked_until"],
            )  # fmt: skip
        return _info(row)
