"""The screening checklist engine: checklists as data, triage, categories and scores.

Pure Python (no Qt, no database, no I/O beyond reading packaged checklist files).
"""

from __future__ import annotations

from intake.screening.answers import AnswerError, validate_answers
from intake.screening.booking_gate import (
    BookingGate,
    Hold,
    ScreeningForbidsBooking,
    may_book,
    require_booking_allowed,
)
from intake.screening.checklist import CategoryRule, Checklist, Rule
from intake.screening.conditions import Condition
from intake.screening.errors import ChecklistError
from intake.screening.evaluate import ENGINE_VERSION, answers_in_force, evaluate
from intake.screening.loader import (
    available_checklists,
    checklist_languages,
    load_checklist,
    load_checklist_file,
)
from intake.screening.ndi import NdiBand, NdiScore, score_ndi
from intake.screening.questions import Choice, Question, QuestionType, Section
from intake.screening.result import (
    Category,
    CervicogenicHeadache,
    Flag,
    PainScores,
    ScreeningResult,
    Stage,
    Status,
)
from intake.screening.translation import in_language
from intake.screening.triage import TriageLevel

__all__ = [
    "ENGINE_VERSION",
    "AnswerError",
    "BookingGate",
    "Category",
    "CategoryRule",
    "CervicogenicHeadache",
    "Checklist",
    "ChecklistError",
    "Choice",
    "Condition",
    "Flag",
    "Hold",
    "NdiBand",
    "NdiScore",
    "PainScores",
    "Question",
    "QuestionType",
    "Rule",
    "ScreeningForbidsBooking",
    "ScreeningResult",
    "Section",
    "Stage",
    "Status",
    "TriageLevel",
    "answers_in_force",
    "available_checklists",
    "checklist_languages",
    "evaluate",
    "in_language",
    "load_checklist",
    "load_checklist_file",
    "may_book",
    "require_booking_allowed",
    "score_ndi",
    "validate_answers",
]
