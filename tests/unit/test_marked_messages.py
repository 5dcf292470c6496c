"""Sentences the pure layers and the services say to people must be marked for translation
(`said(QT_TRANSLATE_NOOP(...))`, intake/domain/words.py), or a Spanish-speaking desk reads them
in English. This scan finds the ones still written as plain English: an error raised with a
string, a field problem set to a string. Each module's count may only go down (LEFT is lowered
as modules are converted); a new plain message fails."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import intake
from intake.domain.errors import KnownError

ROOT = Path(intake.__file__).parent
SCANNED = ("domain", "scheduling", "screening", "services")

# Plain-English messages still to convert, per module (docs/translating.md).
LEFT: dict[str, int] = {
}


def _error_names() -> set[str]:
    # Every module imported, so every error class is defined for the walk below.
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)
            importlib.import_module(module.removesuffix(".__init__"))
    names: set[str] = set()
    todo: list[type] = [KnownError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def _is_text(node: ast.expr | None) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_text(node.left) or _is_text(node.right)
    return False


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def plain_messages(tree: ast.AST, errors: set[str]) -> list[int]:
    """Line numbers of sentences written as plain English in a module."""
    found: list[int] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) in errors:
            first = node.args[0] if node.args else None
            if _is_text(first):
                found.append(node.lineno)
            if isinstance(first, ast.Dict):
                found += [v.lineno for v in first.values if _is_text(v)]
        elif isinstance(node, ast.Assign) and _is_text(node.value):
            for target in node.targets:
                if (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.value, ast.Name)
                    and "problem" in target.value.id
                ):
                    found.append(node.lineno)
    return sorted(found)


def scan() -> dict[str, list[int]]:
    errors = _error_names()
    counts: dict[str, list[int]] = {}
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = plain_messages(ast.parse(path.read_text(encoding="utf-8")), errors)
            if lines:
                counts[str(path.relative_to(ROOT.parent))] = lines
    return counts


def test_the_scan_finds_a_plain_message_and_passes_a_marked_one() -> None:
    errors = {"NotFound", "Invalid"}
    plain = ast.parse(
        'raise NotFound(f"No visit {n}.")\n'
        'problems["day"] = "Choose a day."\n'
        'raise Invalid({"day": "Choose a day."})\n'
    )
    marked = ast.parse(
        'raise NotFound(said(QT_TRANSLATE_NOOP("Booking", "No visit {n}."), n=n))\n'
        'problems["day"] = said(QT_TRANSLATE_NOOP("Booking", "Choose a day."))\n'
    )
    assert plain_messages(plain, errors) == [1, 2, 3]
    assert plain_messages(marked, errors) == []


def test_no_module_says_more_in_plain_english_than_it_did() -> None:
    found = {module: len(lines) for module, lines in scan().items()}
    grown = {m: (n, LEFT.get(m, 0)) for m, n in found.items() if n > LEFT.get(m, 0)}
    assert not grown, (
        "plain-English messages (mark them: said(QT_TRANSLATE_NOOP(...)), "
        f"module: (found, allowed)): {grown}"
    )
    # Converted modules come off the list, so it stays the true list of what is left.
    stale = {m: (found.get(m, 0), n) for m, n in LEFT.items() if found.get(m, 0) < n}
    assert not stale, f"lower LEFT in this test to what is left (found, listed): {stale}"
