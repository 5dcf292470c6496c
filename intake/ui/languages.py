"""Which language the staff read the program in, asked in one place.

The interface's own translation (Qt's chain, `intake.ui.i18n`) decides it at start-up.
Everything that follows the staff's language (the triage panel's rule messages, the review)
asks `staff_language()`.
"""

from __future__ import annotations

from intake.ui.i18n import speaking


def staff_language() -> str:
    """The staff's language as a code ("en", "es")."""
    return speaking()
