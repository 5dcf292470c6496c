"""Writing the audit trail: who, when, where, what, and the names (never values) of fields."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert
from sqlalchemy.orm import Session

from intake.db.models import AuditEvent
from intake.services.actor import Actor

# inline(): no RETURNING of the new id, which staff logins may not read (INSERT-only).
_INSERT = insert(AuditEvent.__table__).inline()


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None = None,
    *,
    patient_id: int | None = None,
    fields: Iterable[str] = (),
) -> None:
    """Write an audit event in the unit of work: it commits or rolls back with the change.

    A plain INSERT on the session's connection, not an ORM object: the trail is append-only
    and never read back here, and skipping the unit of work's bookkeeping keeps every audited
    change (a booking above all) cheap.
    """
    session.connection().execute(
        _INSERT,
        {
            "user_id": actor.user_id,
            "username": actor.username,
            "workstation": actor.workstation,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "patient_id": patient_id,
            "fields": sorted(set(fields)),
        },
    )
