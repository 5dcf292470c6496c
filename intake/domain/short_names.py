"""A patient's name as it fits a narrow place (a visit card): the full name, or a readable
short form cut at word boundaries — never "Willowwort…".

Names are listed family first, as everywhere in the program ("Willowwort, Jane").
"""

from __future__ import annotations

from collections.abc import Callable


def split_listed(name: str) -> tuple[str, str]:
    """'Willowwort, Jane Ann' -> ('Willowwort', 'Jane Ann'); a name without a comma is all
    family name."""
    family, _, given = name.partition(", ")
    return family.strip(), given.strip()


def _initials(given: str) -> str:
    """'Jane Ann' -> 'J. A.'; 'Jean-Luc' -> 'J.-L.'"""
    words = []
    for word in given.split():
        parts = [p for p in word.split("-") if p]
        words.append("-".join(f"{p[0]}." for p in parts))
    return " ".join(words)


def name_forms(family: str, given: str) -> tuple[str, ...]:
    """Every form to try, longest first, none cut inside a word:
    'Willowwort, Jane Ann', 'Willowwort, Jane', 'Willowwort, J. A.', 'Willowwort, J.',
    'J. Willowwort', 'Willowwort', 'J. W.'."""
    family, given = family.strip(), given.strip()
    if not given:
        return (family,) if family else ()
    if not family:
        return (given, _initials(given))
    first = given.split()[0]
    initials = _initials(given)
    first_initial = _initials(first)
    forms = [
        f"{family}, {given}",
        f"{family}, {first}",
        f"{family}, {initials}",
        f"{family}, {first_initial}",
        f"{first_initial} {family}",
        family,
        f"{first_initial} {_initials(family)}",
    ]
    return tuple(dict.fromkeys(forms))  # without repeats, in order


def fitting_name(listed: str, fits: Callable[[str], bool]) -> str:
    """The longest form of `listed` for which `fits(text)` is true; the shortest otherwise.

    `fits` says whether a text fits (the screen measures it with its font).
    """
    forms = name_forms(*split_listed(listed))
    if not forms:
        return listed
    for form in forms:
        if fits(form):
            return form
    return forms[-1]
