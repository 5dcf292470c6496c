"""The Neck Disability Index: pro-rating, rounding, bands."""

from __future__ import annotations

import pytest

from intake.screening import Checklist, NdiBand, evaluate, score_ndi

from .builders import ON, answers_for, ndi_sections


def test_spec_worked_example() -> None:
    score = score_ndi([3, 2, 2, 1, 4, 2, 2, None, 3, 3])
    assert score is not None
    assert (score.raw, score.percent, score.band, score.answered) == (
        24,
        48,
        NdiBand.MODERATE,
        9,
    )


def test_all_answered_is_the_plain_sum() -> None:
    score = score_ndi([5, 5, 5, 5, 5, 4, 4, 4, 4, 4])
    assert score is not None
    assert (score.raw, score.percent, score.band, score.answered) == (
        45,
        90,
        NdiBand.COMPLETE,
        10,
    )


@pytest.mark.parametrize(
    ("sections", "raw", "answered"),
    [
        ([1, 1, 1, 1, 1, 1, 1, 1, 1, None], 10, 9),  # 9/9*10 = 10
        ([1, 1, 1, 1, 1, 1, 1, 1, 2, None], 11, 9),  # 10/9*10 = 11.1 -> 11
        ([1, 1, 1, 1, 1, 1, 1, 2, 2, None], 12, 9),  # 11/9*10 = 12.2 -> 12
        ([1, 1, 1, 1, 1, 1, 1, 1, None, None], 10, 8),  # 8/8*10 = 10
        ([1, 1, 1, 1, 1, 1, 1, 0, None, None], 9, 8),  # 7/8*10 = 8.75 -> 9
        ([1, 1, 1, 1, 0, 0, 0, 0, None, None], 5, 8),  # 4/8*10 = 5.0
        ([1, 1, 1, 0, 0, 0, 0, 0, None, None], 4, 8),  # 3/8*10 = 3.75 -> 4
        ([1, 1, 0, 0, 0, 0, 0, 0, None, None], 3, 8),  # 2/8*10 = 2.5 -> 3 (half up)
        ([2, 1, 1, 1, 1, 1, 1, 1, None, None], 11, 8),  # 9/8*10 = 11.25 -> 11
    ],
)
def test_skipped_sections_are_prorated_and_rounded_half_up(
    sections: list[int | None], raw: int, answered: int
) -> None:
    score = score_ndi(sections)
    assert score is not None
    assert (score.raw, score.percent, score.answered) == (raw, raw * 2, answered)


def test_three_skipped_gives_no_score() -> None:
    assert score_ndi([1, 2, 3, 4, 5, 1, 2, None, None, None]) is None
    assert score_ndi([None] * 10) is None


@pytest.mark.parametrize(
    ("raw", "band"),
    [
        (0, "none"), (4, "none"), (5, "mild"), (14, "mild"), (15, "moderate"),
        (24, "moderate"), (25, "severe"), (34, "severe"), (35, "complete"), (50, "complete"),
    ],
)  # fmt: skip
def test_band_edges(raw: int, band: str) -> None:
    sections = [raw // 10 + (i < raw % 10) for i in range(10)]
    score = score_ndi(sections)
    assert score is not None
    assert (score.raw, score.band.value) == (raw, band)


def test_wrong_number_of_sections_is_a_bug() -> None:
    with pytest.raises(ValueError):
        score_ndi([1, 2, 3])


def test_evaluate_scores_ndi_from_answers(checklist: Checklist) -> None:
    answers = answers_for(checklist, **ndi_sections(20, skipped=2))
    ndi = evaluate(checklist, answers, on=ON).ndi
    assert ndi is not None
    assert (ndi.raw, ndi.answered, ndi.band) == (25, 8, NdiBand.SEVERE)


def test_evaluate_without_ndi_has_null_score(checklist: Checklist) -> None:
    result = evaluate(checklist, answers_for(checklist), on=ON)
    assert result.to_json()["scores"]["ndi"] is None
    assert result.status.value == "complete"  # the NDI is not required for triage


def test_ndi_answers_given_as_floats_score_the_same(checklist: Checklist) -> None:
    answers = answers_for(checklist, **{k: float(v) for k, v in ndi_sections(12).items()})
    ndi = evaluate(checklist, answers, on=ON).ndi
    assert ndi is not None and ndi.raw == 12
