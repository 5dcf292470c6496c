"""The therapist's Review area: the queue, the one-screen review, sign-off and the PDF packet;
and the front desk's list of intakes sent back to it."""

from __future__ import annotations

from intake.ui.review.returned_list import ReturnedList
from intake.ui.review.review_page import ReviewPage
from intake.ui.review.review_screen import ReviewScreen

__all__ = ["ReturnedList", "ReviewPage", "ReviewScreen"]
