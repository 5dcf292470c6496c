"""Which language the staff read the program in, asked in one place.

The interface's own translation (Qt's chain, issue #20 point 1) decides this; until it
lands the program speaks English to its staff. Everything that follows the staff's language
(the triage panel's rule messages, the review) asks `staff_language()`, so the translation
only has to change this function.
"""

from __future__ import annotations

from intake.domain.languages import DEFAULT_LANGUAGE


def staff_language() -> str:
    """The staff's language as a code ("en")."""
    return DEFAULT_LANGUAGE.value
