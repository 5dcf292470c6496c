"""Appointment type colours: the stored form, the colour-blind-safe default palette, and
text that stays readable on every colour."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intake.domain import type_colors as tc

colors = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


@given(colors)
def test_the_chosen_text_colour_reads_on_any_background(background: str) -> None:
    text = tc.text_color_for(background)
    assert tc.contrast_ratio(background, text) >= tc.MIN_CONTRAST


@given(colors, colors)
def test_contrast_is_symmetric_and_between_1_and_21(a: str, b: str) -> None:
    ratio = tc.contrast_ratio(a, b)
    assert ratio == tc.contrast_ratio(b, a)
    assert 1 <= ratio <= 21.0001


@given(colors)
def test_a_stored_colour_is_valid_and_shown_as_it_is(color: str) -> None:
    assert tc.check_color(color) == {}
    assert tc.shown_color("FU45", color) == color
    assert tc.check_color(color.upper()) == {}  # typed in capitals: normalised on save
    assert tc.normalise(f"  {color.upper()} ") == color


def test_extremes_and_known_ratios() -> None:
    assert round(tc.contrast_ratio("#000000", "#ffffff"), 2) == 21.0
    assert tc.text_color_for("#ffffff") == tc.DARK_TEXT
    assert tc.text_color_for("#0072b2") == tc.LIGHT_TEXT
    assert tc.text_color_for("#f0e442") == tc.DARK_TEXT


def test_malformed_colours_are_refused_with_words() -> None:
    for bad in ("red", "#fff", "#12345g", "0072b2", "#0072b2ff", "#"):
        problem = tc.check_color(bad)
        assert "six hex digits" in problem["color"]
    assert tc.check_color("") == {}  # the default


def test_default_palette_is_okabe_ito_and_stable_per_type() -> None:
    assert len(set(tc.OKABE_ITO)) == 7 and "#0072b2" in tc.OKABE_ITO
    assert tc.shown_color("EVAL60", "") == tc.default_for("EVAL60") in tc.OKABE_ITO
    assert tc.default_for("EVAL60") == tc.default_for("EVAL60")
    for color in tc.OKABE_ITO:  # each palette colour carries readable text
        assert tc.contrast_ratio(color, tc.text_color_for(color)) >= tc.MIN_CONTRAST


def test_blend_washes_towards_white() -> None:
    assert tc.blend("#000000", share=0.0) == "#ffffff"
    assert tc.blend("#0072b2", share=1.0) == "#0072b2"
    assert tc.relative_luminance(tc.blend("#0072b2")) > tc.relative_luminance("#0072b2")
