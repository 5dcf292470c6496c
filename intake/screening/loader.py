"""Finding and reading checklist files (packaged ones by name and version, or any path).

`language` picks the form's texts (what is read to the patient) and `staff_language` the
staff's texts (rule messages, rationales, categories); English is the checklist file itself,
another language its companion file (see `intake.screening.translation`).
"""

from __future__ import annotations

import functools
import re
from importlib.abc import Traversable
from pathlib import Path

from intake.resources_path import resource
from intake.screening.checklist import Checklist
from intake.screening.errors import ChecklistError
from intake.screening.parser import parse_checklist
from intake.screening.translation import (
    ENGLISH,
    LANGUAGE,
    NAMES,
    Translation,
    apply,
    companion_name,
    english,
    parse_translation,
)

DEFAULT_CHECKLIST = "neck-headache"
_FILE_NAME = re.compile(r"^(?P<name>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?P<version>\d+)\.toml$")
_COMPANION = re.compile(r"^(?P<checklist>.+-\d+)\.(?P<language>[a-z]{2})\.toml$")


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


def load_checklist(
    spec: str | None = None, *, language: str = ENGLISH, staff_language: str | None = None
) -> Checklist:
    """A packaged checklist: None or a name = its newest version; "name-version" = that one.

    `language` is the form's (questions, help, choices, section titles: the patient's
    language); `staff_language` the rule messages', rationales', categories' and title's
    (the staff's; by default the same as `language`). Same checklist, same results.
    """
    name, version = _resolve(spec or DEFAULT_CHECKLIST)
    return _load_packaged_in(name, version, language, staff_language or language)


def checklist_languages(spec: str | None = None) -> tuple[str, ...]:
    """The languages a packaged checklist can be shown in: English first, then the others."""
    name, version = _resolve(spec or DEFAULT_CHECKLIST)
    found = {
        match["language"]
        for entry in resource("screening").iterdir()
        if (match := _COMPANION.match(entry.name)) and match["checklist"] == f"{name}-{version}"
    }
    return (ENGLISH, *sorted(found - {ENGLISH}))


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


@functools.lru_cache(maxsize=16)
def _load_packaged_in(name: str, version: str, language: str, staff_language: str) -> Checklist:
    checklist = _load_packaged(name, version)
    if language == staff_language == ENGLISH:
        return checklist  # exactly the checklist of load_checklist() before translations
    entry = available_checklists()[name][version]
    return _translated(
        checklist, entry, entry.name, language, staff_language, folder=resource("screening")
    )


def load_checklist_file(
    path_or_traversable: str | Path | Traversable,
    *,
    name_for_errors: str | None = None,
    language: str = ENGLISH,
    staff_language: str | None = None,
) -> Checklist:
    """Read and validate one checklist file; any problem raises `ChecklistError`.

    Another language than English reads the companion file beside it
    (`name-1.toml` -> `name-1.es.toml`), checked complete against it.
    """
    source = _path(path_or_traversable)
    label = name_for_errors or str(source)
    checklist = parse_checklist(_read(source, label), label)
    staff_language = staff_language or language
    if language == staff_language == ENGLISH:
        return checklist
    return _translated(checklist, source, label, language, staff_language)


def _translated(
    checklist: Checklist,
    source: Traversable,
    label: str,
    language: str,
    staff_language: str,
    *,
    folder: Traversable | None = None,
) -> Checklist:
    texts: dict[str, Translation] = {ENGLISH: english(checklist)}
    for code in dict.fromkeys((language, staff_language)):
        if code not in texts:
            texts[code] = _translation(checklist, source, label, code, folder)
    return apply(checklist, texts[language], texts[staff_language])


def _translation(
    checklist: Checklist,
    source: Traversable,
    label: str,
    language: str,
    folder: Traversable | None,
) -> Translation:
    if not LANGUAGE.match(language):
        raise ChecklistError(label, f"unknown language {language!r} (a code such as 'es')")
    name = companion_name(source.name, language)
    folder = folder if folder is not None else getattr(source, "parent", None)
    companion = folder / name if folder is not None else None
    # Name the companion file as the checklist is named: a full path, or the file name only.
    companion_label = str(companion) if companion is not None and label == str(source) else name
    if companion is None or not companion.is_file():
        raise ChecklistError(
            label, f"no {NAMES.get(language, language)} texts: {name} is not beside it"
        )
    return parse_translation(
        _read(companion, companion_label),
        companion_label,
        checklist=checklist,
        language=language,
        english_text=_read(source, label),
        english_label=label,
    )


def _path(path_or_traversable: str | Path | Traversable) -> Path | Traversable:
    if isinstance(path_or_traversable, str):
        return Path(path_or_traversable)
    return path_or_traversable


def _read(source: Path | Traversable, label: str) -> str:
    try:
        return source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecklistError(label, f"cannot read the file: {exc}") from exc
