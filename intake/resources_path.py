"""Where packaged resources live, the same for an editable install, a wheel and the
standalone program: there (PyInstaller, packaging/clinic-intake.spec) the files are copied
under sys._MEIPASS/intake/, where importlib.resources finds them as real files, so Alembic
gets a real folder too (packaging/smoke.sh runs the migrations from the bundle)."""

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
