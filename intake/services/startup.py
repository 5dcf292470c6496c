"""What the program does at start: open (and upgrade) the configured database, check the
screening checklist in force."""

from __future__ import annotations

import hashlib
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


def open_for_gui(*, demo: bool, demo_patients: int = 500) -> Started:
    """Open the database in force; the demo practice is filled on its first start."""
    database = open_database(load_settings(demo=demo).database_url)
    if demo:  # the demo generator is loaded only for the demo practice
        from intake.services import demo_data
        from intake.services.demo_practice import DemoOptions

        if demo_data.is_empty(database):
            demo_data.fill(database, DemoOptions(patients=demo_patients))
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
