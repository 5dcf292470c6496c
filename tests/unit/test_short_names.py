"""Names on narrow visit cards: full, or short at word boundaries, never cut mid-word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intake.domain.short_names import fitting_name, name_forms, split_listed


def test_forms_go_from_full_to_initials_at_word_boundaries() -> None:
    assert name_forms("Willowwort", "Jane Ann") == (
        "Willowwort, Jane Ann",
        "Willowwort, Jane",
        "Willowwort, J. A.",
        "Willowwort, J.",
        "J. Willowwort",
        "Willowwort",
        "J. W.",
    )
    assert name_forms("Willowwort", "Jane")[:3] == (
        "Willowwort, Jane",
        "Willowwort, J.",
        "J. Willowwort",
    )
    assert "Smith-Jones, J.-L." in name_forms("Smith-Jones", "Jean-Luc")
    assert name_forms("Willowwort", "") == ("Willowwort",)


def test_the_longest_form_that_fits_is_chosen() -> None:
    def fits(width: int):  # type: ignore[no-untyped-def]
        return lambda text: len(text) <= width

    assert fitting_name("Willowwort, Jane", fits(40)) == "Willowwort, Jane"
    assert fitting_name("Willowwort, Jane", fits(14)) == "Willowwort, J."
    assert fitting_name("Willowwort, Jane", fits(13)) == "J. Willowwort"
    assert fitting_name("Willowwort, Jane", fits(2)) == "J. W."
    assert split_listed("Willowwort, Jane") == ("Willowwort", "Jane")


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=14)


@given(words, st.lists(words, min_size=1, max_size=3), st.integers(1, 40))
def test_no_form_ends_inside_a_word(family: str, given_names: list[str], width: int) -> None:
    given_name = " ".join(given_names)
    chosen = fitting_name(f"{family}, {given_name}", lambda text: len(text) <= width)
    assert "…" not in chosen
    for word in chosen.replace(",", " ").split():
        stem = word.rstrip(".")
        assert (word.endswith(".") and len(stem) == 1) or stem in (family, *given_names)
