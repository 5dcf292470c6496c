"""The intake wizard, built from the screening checklist, with live screening and drafts."""

from __future__ import annotations

from intake.ui.intake_form.pain_picture import PainPicture
from intake.ui.intake_form.recovery import RecoveryOffer, UnfinishedDraft, load_unfinished
from intake.ui.intake_form.screening_panel import ScreeningPanel
from intake.ui.intake_form.wizard import IntakeWizard

__all__ = [
    "IntakeWizard",
    "PainPicture",
    "RecoveryOffer",
    "ScreeningPanel",
    "UnfinishedDraft",
    "load_unfinished",
]
