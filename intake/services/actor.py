"""The person acting: every service call names who does it, checked before any work."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

from intake.domain.enums import Role
from intake.domain.errors import PermissionDenied
from intake.domain.permissions import Permission, allows


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: Role
    workstation: str = field(default_factory=socket.gethostname)

    def require(self, permission: Permission) -> None:
        if not allows(self.role, permission):
            raise PermissionDenied(
                f"Your role ({self.role.value.replace('_', ' ')}) may not do this "
                f"({permission.value.replace('_', ' ')})."
            )


# Scripts and the command line act as the system, with admin rights, and are audited as such.
SYSTEM = Actor(None, "system", Role.ADMIN)
