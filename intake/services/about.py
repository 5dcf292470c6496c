"""Which program this is: its version and the schema revision it needs.

Said by `intake --version` and the About box, so an IT person can match a PC's program to the
shared database; a database newer than the program names the version to install
(intake.services.database). Reads the program's own files, never the database.
"""

from __future__ import annotations

from importlib import metadata

from intake import __version__
from intake.db import migrate
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said

DISTRIBUTION = "clinic-intake"


def program_version() -> str:
    """The installed package's version; the one written in intake/__init__.py when there is
    no package metadata (a frozen program built without it, a bare checkout)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return __version__


def program_revision() -> str:
    """The schema revision this program's migrations end at."""
    return migrate.head_revision()


def describe_program() -> Message:
    """`Clinic Intake 0.1.0 (schema revision 0009)` (the About box says it in the staff's
    language, `intake --version` in English)."""
    return said(
        QT_TRANSLATE_NOOP("About", "Clinic Intake {version} (schema revision {revision})"),
        version=program_version(),
        revision=program_revision(),
    )
