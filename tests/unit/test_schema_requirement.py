"""Every schema revision names the first program version that ships it."""

from __future__ import annotations

from intake import __version__
from intake.db import migrate


def _parts(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _chain() -> list[str]:
    found: list[str] = []
    revision: str | None = migrate.head_revision()
    chain = migrate._revisions_on_disk()
    while revision is not None:
        found.append(revision)
        revision = chain[revision]
    return found[::-1]


def test_every_revision_names_a_program_version():
    assert set(migrate.PROGRAM_VERSION_FOR) == migrate.known_revisions()


def test_a_later_revision_never_needs_an_older_program():
    versions = [_parts(migrate.PROGRAM_VERSION_FOR[revision]) for revision in _chain()]
    assert versions == sorted(versions)


def test_this_program_is_new_enough_for_its_own_schema():
    needed = migrate.PROGRAM_VERSION_FOR[migrate.head_revision()]
    assert _parts(needed) <= _parts(__version__)
