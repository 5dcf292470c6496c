"""Staff accounts, sign-in rules, the audit trail as read back, and what each role may see.

Pure values and checks: the services use them, the screens show them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from intake.domain.enums import Role
from intake.domain.errors import KnownError
from intake.domain.permissions import Permission, allows
from intake.domain.words import QT_TRANSLATE_NOOP, Message, Words, said

MAX_FAILED_SIGN_INS = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")  # 40: it names a login

# One sentence for every refused sign-in: it never tells whether the user name exists,
# whether the account is locked or switched off, or which part was wrong.
LOCKOUT_RULE = said(
    QT_TRANSLATE_NOOP(
        "Accounts",
        "After five wrong tries an account is locked for 15 minutes; an admin can unlock it or "
        "reset the password.",
    )
)
SIGN_IN_REFUSED = said(
    QT_TRANSLATE_NOOP(
        "Accounts", "Sign-in failed. Check the user name and password and try again. {rule}"
    ),
    rule=LOCKOUT_RULE,
)
# A wrong current password when changing one's own: counted like a wrong sign-in, and the
# same sentence whether it was wrong or the account is locked (no oracle at an unlocked PC).
CURRENT_PASSWORD_REFUSED = said(
    QT_TRANSLATE_NOOP("Accounts", "That is not your current password. {rule}"), rule=LOCKOUT_RULE
)
# The lock screen has no user-name field and names the person already: it speaks of the
# password only, and says until when the account is locked (nothing new to a passer-by).
UNLOCK_REFUSED = said(
    QT_TRANSLATE_NOOP("Accounts", "That password was not accepted. Type it again. {rule}"),
    rule=LOCKOUT_RULE,
)
SWITCHED_OFF = said(
    QT_TRANSLATE_NOOP("Accounts", "Your account was switched off. Ask an admin for help.")
)


# The main window's areas and the permission each needs (admin: any of the three).
AREA_PERMISSIONS: dict[str, tuple[Permission, ...]] = {
    "intake": (Permission.INTAKE,),
    "schedule": (Permission.SCHEDULE,),
    "review": (Permission.REVIEW,),
    "patients": (Permission.PATIENTS,),
    "admin": (Permission.PRACTICE_ADMIN, Permission.ACCOUNTS, Permission.AUDIT),
}

Problems = dict[str, Words]


class SignInRefused(KnownError):
    """Wrong name or password, locked or switched-off account: always the same sentence."""

    def __init__(self) -> None:
        super().__init__(SIGN_IN_REFUSED)


class UnlockRefused(KnownError):
    """The lock screen's password was refused; `until` (local time) when the account is
    locked."""

    def __init__(self, until: dt.datetime | None = None) -> None:
        self.until = until
        super().__init__(UNLOCK_REFUSED if until is None else locked_until_sentence(until))


def locked_until_sentence(until: dt.datetime) -> Message:
    """ "This account is locked until 10:42 …" (`until` in the PC's local time; the lock
    lasts minutes, so its time of day says when)."""
    return said(
        QT_TRANSLATE_NOOP(
            "Accounts",
            "This account is locked until {until:%H:%M} after five wrong passwords. Try again "
            "then, or ask an admin to unlock it now.",
        ),
        until=until.time(),
    )


class SignInRequired(KnownError):
    """The signed-in account was changed or switched off meanwhile: sign in again."""


@dataclass(frozen=True)
class AccountInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: dt.datetime | None  # UTC; None when not locked
    version: int
    login: str | None = None  # PostgreSQL: the person's own database login

    def locked_at(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    password: str


@dataclass(frozen=True)
class AuditQuery:
    """Filters of the audit viewer; None means "any". Times are aware instants."""

    username: str | None = None
    patient_id: int | None = None
    start: dt.datetime | None = None  # inclusive
    end: dt.datetime | None = None  # exclusive
    action: str | None = None
    limit: int = 500
    patient_record: str | None = None  # the record number people know (never the id)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    occurred_at: dt.datetime  # UTC
    username: str
    workstation: str
    action: str
    entity: str
    entity_id: int | None
    patient_id: int | None
    fields: tuple[str, ...]
    patient_record: str | None = None  # the patient's record number, shown instead of the id
    db_login: str | None = None  # PostgreSQL: the database login that wrote it


@dataclass(frozen=True)
class AuditPage:
    entries: tuple[AuditEntry, ...]
    more: bool  # the limit cut the list: narrow the filters


@dataclass(frozen=True)
class AuditChoices:
    usernames: tuple[str, ...]
    actions: tuple[str, ...]


# --- what a role may do (for the screens) ---------------------------------------------------


def can(role: Role, permission: Permission) -> bool:
    return allows(role, permission)


def allowed_areas(role: Role) -> tuple[str, ...]:
    """The main window's areas this role may open, in the window's order."""
    return tuple(
        area
        for area, needs in AREA_PERMISSIONS.items()
        if any(allows(role, permission) for permission in needs)
    )


# Where a role's main work is, shown first after sign-in: a therapist reviews intakes.
LANDING_AREAS = {Role.THERAPIST: "review"}


def landing_area(role: Role) -> str:
    """The area shown after sign-in: the role's main work, else its first allowed area."""
    allowed = allowed_areas(role)
    wanted = LANDING_AREAS.get(role)
    return wanted if wanted in allowed else (allowed[0] if allowed else "")


# --- checks ---------------------------------------------------------------------------------


def normalise_username(username: str) -> str:
    return username.strip().lower()


def check_username(username: str) -> Problems:
    if not username:
        return {"username": said(QT_TRANSLATE_NOOP("Accounts", "Enter a user name."))}
    if not USERNAME_PATTERN.fullmatch(username):
        return {
            "username": said(
                QT_TRANSLATE_NOOP(
                    "Accounts",
                    "A user name is 2 to 40 lower-case letters, digits, '.', '-' or '_', "
                    "starting with a letter or digit.",
                )
            )
        }
    return {}


def check_display_name(display_name: str) -> Problems:
    if not display_name.strip():
        return {
            "display_name": said(
                QT_TRANSLATE_NOOP(
                    "Accounts", "Enter the person's name as colleagues should see it."
                )
            )
        }
    if len(display_name.strip()) > 120:
        return {
            "display_name": said(
                QT_TRANSLATE_NOOP("Accounts", "The name is too long (at most {count} characters)."),
                count=120,
            )
        }
    return {}


def check_new_password(password: str, field: str = "password") -> Problems:
    if len(password) < MIN_PASSWORD_LENGTH:
        return {
            field: said(
                QT_TRANSLATE_NOOP("Accounts", "A password needs at least {count} characters."),
                count=MIN_PASSWORD_LENGTH,
            )
        }
    if len(password) > 256:
        return {
            field: said(
                QT_TRANSLATE_NOOP(
                    "Accounts", "The password is too long (at most {count} characters)."
                ),
                count=256,
            )
        }
    if password.strip() != password:
        return {
            field: said(
                QT_TRANSLATE_NOOP("Accounts", "A password may not start or end with a space.")
            )
        }
    return {}


def lock_ends(failed: int, now: dt.datetime) -> dt.datetime | None:
    """When the account unlocks after `failed` wrong tries in a row (None: not locked)."""
    return now + LOCKOUT if failed >= MAX_FAILED_SIGN_INS else None


# The audit trail's event and record codes, as people read them (marked: a screen shows them
# through intake.ui.words.said). A code not named here is shown with its underscores as
# spaces: a screen never shows `sign_in_failed`.
ACTION_WORDS = {
    "sign_in": QT_TRANSLATE_NOOP("AuditWords", "Signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP(
        "AuditWords", "Sign-in refused: wrong password or unknown name"
    ),
    "sign_in_refused_locked": QT_TRANSLATE_NOOP("AuditWords", "Sign-in refused: account locked"),
    "sign_in_refused_inactive": QT_TRANSLATE_NOOP(
        "AuditWords", "Sign-in refused: account switched off"
    ),
    "change_password_failed": QT_TRANSLATE_NOOP(
        "AuditWords", "Password change refused: wrong current password"
    ),
    "change_password_refused_locked": QT_TRANSLATE_NOOP(
        "AuditWords", "Password change refused: account locked"
    ),
    "reset_password": QT_TRANSLATE_NOOP("AuditWords", "Password reset by an admin"),
    "create": QT_TRANSLATE_NOOP("AuditWords", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditWords", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditWords", "Deleted"),
    "open": QT_TRANSLATE_NOOP("AuditWords", "Opened"),
    "search": QT_TRANSLATE_NOOP("AuditWords", "Searched"),
    "export": QT_TRANSLATE_NOOP("AuditWords", "Exported"),
    "import": QT_TRANSLATE_NOOP("AuditWords", "Imported"),
    "book": QT_TRANSLATE_NOOP("AuditWords", "Booked"),
    "reschedule": QT_TRANSLATE_NOOP("AuditWords", "Moved"),
    "cancel": QT_TRANSLATE_NOOP("AuditWords", "Cancelled"),
    "no_show": QT_TRANSLATE_NOOP("AuditWords", "Marked as no-show"),
    "unlock": QT_TRANSLATE_NOOP("AuditWords", "Unlocked"),
    "book_series": QT_TRANSLATE_NOOP("AuditWords", "Course booked"),
    "checked_in": QT_TRANSLATE_NOOP("AuditWords", "Checked in"),
    "completed": QT_TRANSLATE_NOOP("AuditWords", "Completed"),
    "undo_no_show": QT_TRANSLATE_NOOP("AuditWords", "No-show undone"),
    "submit": QT_TRANSLATE_NOOP("AuditWords", "Submitted"),
    "close": QT_TRANSLATE_NOOP("AuditWords", "Closed"),
    "discard": QT_TRANSLATE_NOOP("AuditWords", "Discarded"),
    "review": QT_TRANSLATE_NOOP("AuditWords", "Reviewed"),
    "return": QT_TRANSLATE_NOOP("AuditWords", "Returned to the front desk"),
    "acknowledge": QT_TRANSLATE_NOOP("AuditWords", "Acknowledged"),
    "merge": QT_TRANSLATE_NOOP("AuditWords", "Merged"),
    "merged_into": QT_TRANSLATE_NOOP("AuditWords", "Merged into another record"),
    "unmerge": QT_TRANSLATE_NOOP("AuditWords", "Merge undone"),
    "self_identify": QT_TRANSLATE_NOOP("AuditWords", "Identified at the tablet"),
    "self_identify_failed": QT_TRANSLATE_NOOP("AuditWords", "Not identified at the tablet"),
}
ENTITY_WORDS = {
    "account": QT_TRANSLATE_NOOP("AuditWords", "Account"),
    "patient": QT_TRANSLATE_NOOP("AuditWords", "Patient"),
    "intake": QT_TRANSLATE_NOOP("AuditWords", "Intake"),
    "appointment": QT_TRANSLATE_NOOP("AuditWords", "Visit"),
    "audit_events": QT_TRANSLATE_NOOP("AuditWords", "Audit trail"),
    "waitlist_entry": QT_TRANSLATE_NOOP("AuditWords", "Waiting list"),
    "appointment_series": QT_TRANSLATE_NOOP("AuditWords", "Course of visits"),
    "appointment_type": QT_TRANSLATE_NOOP("AuditWords", "Visit type"),
    "availability_template": QT_TRANSLATE_NOOP("AuditWords", "Weekly hours"),
    "closure": QT_TRANSLATE_NOOP("AuditWords", "Closure"),
    "desk_alert": QT_TRANSLATE_NOOP("AuditWords", "Desk alert"),
    "fhir": QT_TRANSLATE_NOOP("AuditWords", "FHIR data"),
    "location": QT_TRANSLATE_NOOP("AuditWords", "Location"),
    "therapist": QT_TRANSLATE_NOOP("AuditWords", "Therapist"),
    "time_off": QT_TRANSLATE_NOOP("AuditWords", "Time off"),
}


def in_words(code: str, words: Mapping[str, str] = ACTION_WORDS) -> str:
    """An audit code as people read it: the named words, or the code with spaces."""
    return words.get(code) or code.replace("_", " ").strip().capitalize()
