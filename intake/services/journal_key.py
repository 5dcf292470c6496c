"""The key that seals this PC's journal of unfinished work, for the person signed in.

Any signed-in staff member of the practice may read it: the drafts it unlocks hold nothing
that a front-desk sign-in cannot already read in the database (patients, intakes), and the
next person to sign in on a PC after a crash must be able to continue that work. The caller
keeps it in memory only, never on disk (see intake.ui.journal).
"""

from __future__ import annotations

from sqlalchemy import select

from intake.db.models import JournalKey, StaffUser
from intake.db.models.journal_key import KEY_BYTES
from intake.domain.accounts import SWITCHED_OFF, SignInRequired
from intake.domain.errors import SchemaMismatch
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.services.actor import Actor
from intake.services.database import Database


def journal_key(database: Database, actor: Actor) -> bytes:
    """The practice's journal key (32 bytes); SignInRequired for an account switched off."""
    actor.require_issued()
    with database.reading() as session:
        if actor.user_id is not None:
            row = session.get(StaffUser, actor.user_id)
            if row is None or not row.active:
                raise SignInRequired(SWITCHED_OFF)
        key = session.scalar(select(JournalKey.key).where(JournalKey.id == 1))
    if key is None or len(key) != KEY_BYTES:
        raise SchemaMismatch(
            said(
                QT_TRANSLATE_NOOP(
                    "Database",
                    "The database {database} has no journal key. Run `intake db upgrade`.",
                ),
                database=database.display_url,
            )
        )
    return bytes(key)
