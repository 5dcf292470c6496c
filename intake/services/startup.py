"""What the program does at start: open (and upgrade) the configured database."""

from __future__ import annotations

from intake.services import demo_data
from intake.services.database import Database, open_database
from intake.services.demo_practice import DemoOptions
from intake.settings import load_settings


def open_for_gui(*, demo: bool, demo_patients: int = 500) -> Database:
    """Open the database in force; the demo practice is filled on its first start."""
    database = open_database(load_settings(demo=demo).database_url)
    if demo and demo_data.is_empty(database):
        demo_data.fill(database, DemoOptions(patients=demo_patients))
    return database
