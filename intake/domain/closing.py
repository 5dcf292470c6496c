"""Ending an intake without finishing it: closed as a referral, or a draft discarded.

A caller with an emergency (or referral) triage must hang up and get medical care; the rest of
the questions are not asked. Which triage allows closing is decided in
`intake.screening.closing`; here are the words and the checks that need no checklist.
"""

from __future__ import annotations

from intake.domain.enums import ClosingReason
from intake.domain.words import QT_TRANSLATE_NOOP, Words, said

DISCARD_REASON_LIMIT = 500  # characters
REFERRALS = frozenset({ClosingReason.EMERGENCY_REFERRAL, ClosingReason.REFERRAL})

# Marked words (str): a screen shows them through translate(word.context, word).
ACTION_WORDS = {
    ClosingReason.EMERGENCY_REFERRAL: QT_TRANSLATE_NOOP("Closing", "Close as emergency referral"),
    ClosingReason.REFERRAL: QT_TRANSLATE_NOOP("Closing", "Close as referral"),
}
CLOSED_WORDS = {
    ClosingReason.EMERGENCY_REFERRAL: QT_TRANSLATE_NOOP("Closing", "Closed as emergency referral"),
    ClosingReason.REFERRAL: QT_TRANSLATE_NOOP("Closing", "Closed as referral"),
    ClosingReason.DISCARDED: QT_TRANSLATE_NOOP("Closing", "Discarded"),
}


def check_discard_reason(reason: str) -> dict[str, Words]:
    """Problems with the reason a draft is discarded ({} when it is fine)."""
    text = reason.strip()
    if not text:
        return {
            "reason": said(
                QT_TRANSLATE_NOOP(
                    "Closing", "Say why this draft is discarded (for example: entered twice)."
                )
            )
        }
    if len(text) > DISCARD_REASON_LIMIT:
        return {
            "reason": said(
                QT_TRANSLATE_NOOP(
                    "Closing", "The reason is too long (at most {limit} characters)."
                ),
                limit=DISCARD_REASON_LIMIT,
            )
        }
    return {}
