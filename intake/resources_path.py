"""Where packaged resources live, the same for an editable install and a wheel."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file or folder under `resources/` (shipped as the `intake.resources` package)."""
    node = resources.files("intake.resources")
    for part in parts:
        node = node / part
    return node


def migrations_dir() -> str:
    """The Alembic script folder as a real path (Alembic needs a filesystem path)."""
    return str(resources.files("intake.migrations"))
