"""Finding and reading checklist files (packaged ones by name and version, or any path)."""

from __future__ import annotations

import functools
import re
from importlib.abc import Traversable
from pathlib import Path

from intake.resources_path import resource
from intake.screening.checklist import Checklist
from intake.screening.errors import ChecklistError
from intake.screening.parser import parse_checklist

DEFAULT_CHECKLIST = "neck-headache"
_FILE_NAME = re.compile(r"^(?P<name>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?P<version>\d+)\.toml$")


def available_checklists() -> dict[str, dict[str, Traversable]]:
    """The packaged checklist files: {name: {version: file}}."""
    found: dict[str, dict[str, Traversable]] = {}
    folder = resource("screening")
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            found.setdefault(match["name"], {})[match["version"]] = entry
    return found


def load_checklist(spec: str | None = None) -> Checklist:
    """A packaged checklist: None or a name = its newest version; "name-version" = that one."""
    name, version = _resolve(spec or DEFAULT_CHECKLIST)
    return _load_packaged(name, version)


def _resolve(spec: str) -> tuple[str, str]:
    found = available_checklists()
    if spec in found:
        return spec, max(found[spec], key=int)
    match = re.fullmatch(r"(?P<name>.+)-(?P<version>\d+)", spec)
    if not match or match["version"] not in found.get(match["name"], {}):
        known = sorted(f"{n}-{v}" for n, versions in found.items() for v in versions)
        raise ChecklistError(spec, f"unknown checklist (available: {', '.join(known) or 'none'})")
    return match["name"], match["version"]


@functools.lru_cache(maxsize=16)  # checklists are immutable; the UI may ask often
def _load_packaged(name: str, version: str) -> Checklist:
    entry = available_checklists()[name][version]
    checklist = load_checklist_file(entry, name_for_errors=entry.name)
    if (checklist.id, checklist.version) != (name, version):
        raise ChecklistError(
            entry.name,
            f"the file says it is {checklist.id!r} version {checklist.version!r}, "
            f"but its name says {name!r} version {version!r}",
        )
    return checklist


def load_checklist_file(
    path_or_traversable: str | Path | Traversable, *, name_for_errors: str | None = None
) -> Checklist:
    """Read and validate one checklist file; any problem raises `ChecklistError`."""
    source = (
        Path(path_or_traversable) if isinstance(path_or_traversable, str) else path_or_traversable
    )
    label = name_for_errors or str(source)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecklistError(label, f"cannot read the file: {exc}") from exc
    return parse_checklist(text, label)
