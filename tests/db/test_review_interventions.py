"""The guideline's interventions come with an opened review for clinicians only."""

from __future__ import annotations

from intake.screening.interventions import interventions_for
from intake.services import review
from tests.db.practice import MONDAY, desk
from tests.db.test_review import ReviewPractice, review_practice


def test_a_therapist_gets_the_interventions_of_the_category_and_stage(database) -> None:  # type: ignore[no-untyped-def]
    rp: ReviewPractice = review_practice(database)
    opened = review.open_review(database, rp.ann_actor, rp.red_intake, today=MONDAY)
    assert opened.screening is not None and opened.interventions is not None
    assert opened.interventions == interventions_for(opened.screening)
    assert opened.interventions.interventions  # a review-level intake with a category
    categories = {c.id for c in opened.screening.categories}
    assert {e.category for e in opened.interventions.interventions} == categories


def test_the_front_desk_never_gets_them(database) -> None:  # type: ignore[no-untyped-def]
    rp = review_practice(database)
    opened = review.open_review(database, desk(database), rp.red_intake, today=MONDAY)
    assert opened.screening is not None and opened.interventions is None
