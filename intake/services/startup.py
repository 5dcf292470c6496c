"""What the program does at start: open (and upgrade) the configured database, check the
screening checklist in force."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from intake import screening
from intake.services import accounts
from intake.services.database import Database, open_database
from intake.settings import data_dir, load_settings


@dataclass(frozen=True)
class Started:
    database: Database
    checklist_problem: str | None  # screening is refused while the checklist is broken
    journal_folder: Path  # unfinished intakes of this database, kept on this computer
    needs_first_admin: bool = False  # a brand-new practice: create the first admin
    demo: bool = False

    @property
    def display_url(self) -> str:
        return self.database.display_url


def open_for_gui(*, demo: bool, prepare: Callable[[Database], None] | None = None) -> Started:
    """Open the database in force; `prepare` runs before anything is read (the demo practice
    fills itself there: services know nothing of the demo)."""
    database = open_database(load_settings(demo=demo).database_url)
    if prepare is not None:
        prepare(database)
    try:
        screening.load_checklist(None)
        problem = None
    except screening.ChecklistError as exc:
        problem = str(exc)
    first = accounts.needs_first_admin(database)
    return Started(database, problem, journal_folder(database), first, demo)


def journal_folder(database: Database) -> Path:
    # One folder per database, so a draft is never offered against another database.
    tag = hashlib.sha256(database.display_url.encode()).hexdigest()[:12]
    return data_dir() / "journal" / tag
