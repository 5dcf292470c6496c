"""A role's name as the interface shows it (sign-in buttons, the status bar, the lock screen,
the accounts list), in the staff's language.

The domain knows roles only as the Role enum and stays free of Qt: their names, and their
translation, are here at the edge.
"""

from __future__ import annotations

from intake.domain.enums import Role
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate

ROLE_NAMES = {
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("Roles", "Front desk"),
    Role.THERAPIST: QT_TRANSLATE_NOOP("Roles", "Therapist"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Admin"),
    Role.TABLET: QT_TRANSLATE_NOOP("Roles", "Waiting-room tablet"),
}


def role_name(role: Role) -> str:
    """The role in the staff's language ("Recepción")."""
    return translate("Roles", ROLE_NAMES[role])
