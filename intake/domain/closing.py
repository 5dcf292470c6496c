"""Ending an intake without finishing it: closed as a referral, or a draft discarded.

A caller with an emergency (or referral) triage must hang up and get medical care; the rest of
the questions are not asked. Which triage allows closing is decided in
`intake.screening.closing`; here are the words and the checks that need no checklist.
"""

from __future__ import annotations

from intake.domain.enums import ClosingReason

DISCARD_REASON_LIMIT = 500  # characters
REFERRALS = frozenset({ClosingReason.EMERGENCY_REFERRAL, ClosingReason.REFERRAL})

ACTION_WORDS = {
    ClosingReason.EMERGENCY_REFERRAL: "Close as emergency referral",
    ClosingReason.REFERRAL: "Close as referral",
}
CLOSED_WORDS = {
    ClosingReason.EMERGENCY_REFERRAL: "Closed as emergency referral",
    ClosingReason.REFERRAL: "Closed as referral",
    ClosingReason.DISCARDED: "Discarded",
}


def check_discard_reason(reason: str) -> dict[str, str]:
    """Problems with the reason a draft is discarded ({} when it is fine)."""
    text = reason.strip()
    if not text:
        return {"reason": "Say why this draft is discarded (for example: entered twice)."}
    if len(text) > DISCARD_REASON_LIMIT:
        return {"reason": f"The reason is too long (at most {DISCARD_REASON_LIMIT} characters)."}
    return {}
