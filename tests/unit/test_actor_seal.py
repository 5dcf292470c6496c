"""Only the services issue an Actor: one built by hand, or issued and then altered, is refused.

Who calls `issue` and who may use `SYSTEM` is read from the syntax tree of the package and of
the tests, so a screen (or a test back door) cannot quietly start making its own actors.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from intake.domain.enums import Role
from intake.domain.errors import PermissionDenied
from intake.domain.permissions import Permission
from intake.services.actor import NOT_ISSUED, SYSTEM, Actor

ROOT = Path(__file__).resolve().parents[2]
ISSUERS = {"intake/services/actor.py", "intake/services/accounts.py"}
SYSTEM_USERS = {"intake/services/actor.py", "intake/cli.py"}  # in the package; tests may too


def _names_used(path: Path) -> set[str]:
    """Every name a module imports from intake.services.actor or reads as an attribute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("services.actor"):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Attribute) and ast.unparse(node.value).endswith("actor"):
            found.add(node.attr)  # `actor.issue` after `from intake.services import actor`
    return found


def _modules() -> list[Path]:
    return sorted([*(ROOT / "intake").rglob("*.py"), *(ROOT / "tests").rglob("*.py")])


def test_only_sign_in_issues_actors():
    callers = {
        str(path.relative_to(ROOT))
        for path in _modules()
        if _names_used(path) & {"issue", "_seal", "_SECRET"}
    }
    assert callers <= ISSUERS, callers - ISSUERS


def test_only_the_command_line_acts_as_the_system():
    users = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "intake").rglob("*.py")
        if "SYSTEM" in _names_used(path)
    }
    assert users <= SYSTEM_USERS, users - SYSTEM_USERS


@pytest.mark.parametrize(
    "forged",
    [
        Actor(None, "system", Role.ADMIN, SYSTEM.workstation),
        replace(SYSTEM, username="someone"),
        replace(SYSTEM, user_id=1),
        replace(SYSTEM, workstation="elsewhere"),
        replace(SYSTEM, role=Role.FRONT_DESK),
        Actor(None, "system", Role.ADMIN, SYSTEM.workstation, seal=b"\0" * 32),
    ],
    ids=["built", "renamed", "given-an-id", "moved", "demoted", "bad-seal"],
)
def test_a_made_up_or_altered_actor_is_refused(forged: Actor):
    with pytest.raises(PermissionDenied) as refused:
        forged.require(Permission.SCHEDULE)
    assert str(refused.value) == str(NOT_ISSUED)
    with pytest.raises(PermissionDenied):
        forged.require_issued()


def test_an_actor_changed_in_place_is_refused():
    actor = replace(SYSTEM)  # an issued actor copied as it is stays good
    actor.require(Permission.ACCOUNTS)
    object.__setattr__(actor, "role", Role.THERAPIST)
    with pytest.raises(PermissionDenied, match="not given by a sign-in"):
        actor.require(Permission.SCHEDULE)


def test_the_seal_stays_out_of_sight_and_out_of_comparisons():
    assert Actor(None, "system", Role.ADMIN, SYSTEM.workstation) == SYSTEM
    assert "seal" not in repr(SYSTEM) and SYSTEM.seal.hex() not in repr(SYSTEM)
