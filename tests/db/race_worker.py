"""One client in the booking race: its own engine (thread) or its own process."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from intake.domain.booking import BookingConflict, BookingRequest
from intake.services import booking
from intake.services.database import connect
from tests.db.practice import NOW, desk


def race(
    url: str,
    patient_id: int,
    therapist_id: int,
    location_id: int,
    starts: Sequence[str],
    seed: int,
    barrier: object | None = None,
) -> tuple[list[str], list[str], list[str]]:
    """Try every start in a shuffled order: (won, lost with conflict, other errors)."""
    database = connect(url)
    order = list(starts)
    random.Random(seed).shuffle(order)
    won: list[str] = []
    lost: list[str] = []
    errors: list[str] = []
    if barrier is not None:
        barrier.wait()  # type: ignore[attr-defined]
    try:
        for start in order:
            request = BookingRequest(
                patient_id,
                therapist_id,
                location_id,
                dt.datetime.fromisoformat(start),
                type_code="FU45",
            )
            try:
                booking.book(database, desk(database), request, now=NOW)
            except BookingConflict as conflict:
                lost.append(start)
                if not conflict.alternatives:
                    errors.append(f"{start}: a conflict without alternatives")
            except Exception as exc:  # reported back: the test fails on any
                errors.append(f"{start}: {type(exc).__name__}: {exc}")
            else:
                won.append(start)
    finally:
        database.close()
    return won, lost, errors


def race_in_process(args: tuple[object, ...]) -> tuple[list[str], list[str], list[str]]:
    url, patient_id, therapist_id, location_id, starts, seed = args
    return race(url, patient_id, therapist_id, location_id, starts, seed)  # type: ignore[arg-type]
