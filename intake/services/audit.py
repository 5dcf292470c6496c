"""Writing the audit trail: who, when, where, what, and the names (never values) of fields."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from intake.db.models import AuditEvent
from intake.services.actor import Actor


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
    """Add an audit event to the unit of work: it commits or rolls back with the change."""
    session.add(
        AuditEvent(
            user_id=actor.user_id,
            username=actor.username,
            workstation=actor.workstation,
            action=action,
            entity=entity,
            entity_id=entity_id,
            patient_id=patient_id,
            fields=sorted(set(fields)),
        )
    )
