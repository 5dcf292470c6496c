"""Sentences the pure layers and the services say to people, marked for translation.

The pure layers cannot translate (no Qt here), so a sentence travels as a `Message`: the
English template, marked where it is written so lupdate collects it, and its values. `str()`
of a Message is the English sentence (the log's and the command line's words); the screens
turn it into the staff's language in one place (`intake/ui/words.py`).

Write one as

    raise NotFound(said(QT_TRANSLATE_NOOP("Booking", "There is no visit {number}."), number=n))

A template names its values (`{number}`); a date, time or number value is given as itself, not
as text, so each language writes it its own way (a format spec such as `{day:%d %b}` is the
English form only). A value may itself be a Message (translated too).
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


class Marked(str):
    """A template marked for translation under `context` (what `QT_TRANSLATE_NOOP` returns)."""

    context: str

    def __new__(cls, context: str, source: str) -> Marked:
        text = super().__new__(cls, source)
        text.context = context
        return text


def QT_TRANSLATE_NOOP(context: str, source: str) -> Marked:
    """Mark `source` for lupdate under `context` (returned unchanged, remembering its context)."""
    return Marked(context, source)


@dataclass(frozen=True)
class Message:
    """A sentence for a person: a marked English template and its values."""

    context: str
    template: str
    params: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def __str__(self) -> str:
        return render(self, lambda message: message.template, english_value)

    def __hash__(self) -> int:  # a field's problems are compared and collected in sets
        values = tuple(sorted((name, repr(value)) for name, value in self.params.items()))
        return hash((self.context, self.template, values))


def said(template: Marked, **params: object) -> Message:
    """The Message of a marked template with its values."""
    if not isinstance(template, Marked):  # a plain str would never be translated
        raise TypeError("said() takes a QT_TRANSLATE_NOOP(...) template")
    return Message(template.context, str(template), MappingProxyType(dict(params)))


Words = Message | str  # a sentence: translatable, or (not yet converted) plain English


def english_value(value: object, spec: str) -> str:
    """A value in the English sentence: as the template's format spec says, else plainly."""
    if spec:
        return format(value, spec)
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return str(value)


class _Formatter(string.Formatter):
    def __init__(
        self, translated: Callable[[Message], str], value_text: Callable[[object, str], str]
    ) -> None:
        self.translated = translated
        self.value_text = value_text

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            return render(value, self.translated, self.value_text)
        return self.value_text(value, format_spec)


def render(
    message: Message,
    translated: Callable[[Message], str],
    value_text: Callable[[object, str], str],
) -> str:
    """The sentence: `translated` gives the template in the wanted language, `value_text`
    writes each value (a nested Message is rendered the same way)."""
    template = translated(message)
    try:
        return _Formatter(translated, value_text).vformat(template, (), dict(message.params))
    except (KeyError, IndexError, ValueError):
        # A translation that names a value the template has not: the English is right.
        return _Formatter(translated, value_text).vformat(
            message.template, (), dict(message.params)
        )
