"""Which screening result lets the front desk close an intake as a referral.

An emergency sends the caller to emergency care now, a referral to their physician first:
either way the intake ends here, with what was asked, even when the screen is incomplete
(the remaining questions are for a caller who is not coming yet). A clear or review result
is finished or discarded, never closed as a referral.
"""

from __future__ import annotations

from intake.domain.enums import ClosingReason
from intake.screening.result import ScreeningResult
from intake.screening.triage import TriageLevel

_BY_TRIAGE = {
    TriageLevel.EMERGENCY: ClosingReason.EMERGENCY_REFERRAL,
    TriageLevel.REFER: ClosingReason.REFERRAL,
}


def referral_closing(result: ScreeningResult) -> ClosingReason | None:
    """How this result may close its intake (None: it may not be closed as a referral)."""
    return _BY_TRIAGE.get(result.triage)
