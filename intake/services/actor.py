"""The person acting: every service call names who does it, checked before any work.

Who is acting comes from the signed-in session, never from a value a screen builds. Only the
services issue an Actor (`accounts.sign_in`, `accounts.create_first_admin`, and `SYSTEM` for
the command line): `issue` seals the actor with an HMAC over its fields, keyed by a random
secret made when this process starts. Every service checks the seal before any work
(`Actor.require`, or `Actor.require_issued` where no permission applies), so an Actor built
by hand, or an issued one altered (`dataclasses.replace(actor, role=Role.ADMIN)`), is refused.

This guards the service layer against values made up by the screens or scripts of this
process; it is not a boundary against code running inside it (that is the database login's
job on PostgreSQL). Nothing outside intake/services/accounts.py calls `issue` (a test checks).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import socket
from dataclasses import dataclass, field

from intake.domain.enums import Role
from intake.domain.errors import PermissionDenied
from intake.domain.permissions import Permission, allows
from intake.domain.words import QT_TRANSLATE_NOOP, said

_SECRET = secrets.token_bytes(32)  # per process: a seal never outlives it or leaves it

NOT_ISSUED = said(
    QT_TRANSLATE_NOOP("Actor", "Who is acting was not given by a sign-in; sign in again to go on.")
)
# A role and a permission as the refusal names them (the screens translate them).
ROLE_WORDS = {
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("Actor", "front desk"),
    Role.THERAPIST: QT_TRANSLATE_NOOP("Actor", "therapist"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Actor", "admin"),
    Role.TABLET: QT_TRANSLATE_NOOP("Actor", "tablet"),
}
PERMISSION_WORDS = {
    Permission.PATIENTS: QT_TRANSLATE_NOOP("Actor", "patients"),
    Permission.INTAKE: QT_TRANSLATE_NOOP("Actor", "intake"),
    Permission.BOOKING: QT_TRANSLATE_NOOP("Actor", "booking"),
    Permission.SCHEDULE: QT_TRANSLATE_NOOP("Actor", "schedule"),
    Permission.REVIEW: QT_TRANSLATE_NOOP("Actor", "review"),
    Permission.PRACTICE_ADMIN: QT_TRANSLATE_NOOP("Actor", "practice admin"),
    Permission.ACCOUNTS: QT_TRANSLATE_NOOP("Actor", "accounts"),
    Permission.AUDIT: QT_TRANSLATE_NOOP("Actor", "audit"),
    Permission.MERGE_PATIENTS: QT_TRANSLATE_NOOP("Actor", "merge patients"),
    Permission.SELF_INTAKE: QT_TRANSLATE_NOOP("Actor", "self intake"),
}


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: Role
    workstation: str = field(default_factory=socket.gethostname)
    seal: bytes = field(default=b"", repr=False, compare=False)

    def require_issued(self) -> None:
        """Refuse an actor the services did not issue, or one changed since."""
        if not hmac.compare_digest(self.seal, _seal(self)):
            raise PermissionDenied(NOT_ISSUED)

    def require(self, permission: Permission) -> None:
        self.require_issued()
        if not allows(self.role, permission):
            raise PermissionDenied(
                said(
                    QT_TRANSLATE_NOOP(
                        "Actor", "Your role ({role}) may not do this ({permission})."
                    ),
                    role=said(ROLE_WORDS[self.role]),
                    permission=said(PERMISSION_WORDS[permission]),
                )
            )


def _seal(actor: Actor) -> bytes:
    who = [actor.user_id, actor.username, str(actor.role), actor.workstation]
    fields = json.dumps(who, default=repr)
    return hmac.new(_SECRET, fields.encode(), hashlib.sha256).digest()


def issue(user_id: int | None, username: str, role: Role, workstation: str) -> Actor:
    """A sealed actor. For the services that establish who is acting (sign-in), only."""
    unsealed = Actor(user_id, username, Role(role), workstation)
    return Actor(user_id, username, Role(role), workstation, _seal(unsealed))


# Scripts and the command line act as the system, with admin rights, and are audited as such.
SYSTEM = issue(None, "system", Role.ADMIN, socket.gethostname())
