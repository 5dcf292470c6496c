from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intake.domain.text import digits, fold_name


def test_fold_name_drops_case_accents_and_punctuation():
    assert fold_name("  Zoë  O'Brien-Łukasz ") == "zoe obrien lukasz"
    assert fold_name("RENÉE") == fold_name("renee")
    assert fold_name("Søren") == "soren"


def test_digits():
    assert digits("+1 (212) 555-0100") == "12125550100"


@given(st.text())
def test_fold_name_is_idempotent_and_plain(text: str):
    once = fold_name(text)
    assert fold_name(once) == once
    assert all(ch.isascii() for ch in once)
