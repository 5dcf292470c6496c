"""Work put off to later turns: one piece per turn, never all due at once (issue 25)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from shiboken6 import Shiboken

from intake.ui.idle import in_turns, when_idle


def test_pieces_run_in_order_each_on_its_own_later_turn(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    ran: list[str] = []
    in_turns(owner, [lambda: ran.append("a"), lambda: ran.append("b"), lambda: ran.append("c")])
    # Work set for the same moment as the first piece runs beside it; the second piece's
    # timer is set only after the first ran, so other work gets a turn in between.
    when_idle(owner, lambda: ran.append("other"))
    assert ran == []  # nothing at once: the caller's own turn stays short
    qtbot.waitUntil(lambda: "c" in ran)
    assert ran == ["a", "other", "b", "c"]


def test_pieces_stop_when_their_owner_is_gone(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner, witness = QObject(), QObject()
    ran: list[str] = []
    in_turns(owner, [lambda: ran.append("a"), lambda: ran.append("b")])
    Shiboken.delete(owner)  # gone before its turn (a closed page): its pieces never run
    done: list[bool] = []
    when_idle(witness, lambda: when_idle(witness, lambda: done.append(True)))
    qtbot.waitUntil(lambda: bool(done))
    assert ran == []
