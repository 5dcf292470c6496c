"""The one place a sentence from the pure layers or the services (a `Message`) becomes words
in the staff's language: the template through Qt's translators, dates, times and numbers as
the staff's locale writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QLocale

from intake.domain.errors import Invalid, KnownError
from intake.domain.words import Marked, Message, Words, english_value, render
from intake.ui import when
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate

# In English here (the log's), in the staff's language where shown.
BUG_SENTENCE = QT_TRANSLATE_NOOP(
    "Worker",
    "Something went wrong inside the program. Nothing was saved by this action; "
    "the details are in the log file for your IT person.",
)


def _template(message: Message) -> str:
    return translate(message.context, message.template)


def _value(value: object, spec: str) -> str:
    """A value in the staff's language: a date or time as the screens write it (intake/ui/
    when.py); in English a template's own format spec wins. Numbers stay as written (most
    are counts, record and visit numbers or years)."""
    english = QLocale().language() in (QLocale.Language.English, QLocale.Language.C)
    if spec and (english or not isinstance(value, dt.date | dt.time)):
        return english_value(value, spec)
    if isinstance(value, dt.datetime):
        return when.moment(value, short=True, localized=True)
    if isinstance(value, dt.date):
        return when.date(value, localized=True)
    if isinstance(value, dt.time):
        return when.time_of_day(value, localized=True)
    return english_value(value, spec)


def said(words: Words) -> str:
    """A sentence in the staff's language (plain text, not yet marked, stays as it is; a
    marked word, QT_TRANSLATE_NOOP's, is translated under its context)."""
    if isinstance(words, Message):
        return render(words, _template, _value)
    if isinstance(words, Marked):
        return translate(words.context, words)
    return words


def error_text(error: BaseException) -> str:
    """What a person reads about a failure: a known error's sentence in their language, else
    the bug sentence (the details go to the log, never to the screen)."""
    if isinstance(error, Invalid):  # the English joins "field: problem"; a person reads problems
        return " ".join(problems_of(error).values())
    if isinstance(error, KnownError):
        return said(error.message) if error.message != "" else str(error)
    return translate("Worker", BUG_SENTENCE)


def problems_of(error: Invalid | Mapping[str, Words]) -> dict[str, str]:
    """Field -> sentence in the staff's language."""
    problems = error.problems if isinstance(error, Invalid) else error
    return {name: said(text) for name, text in problems.items()}


__all__ = ["BUG_SENTENCE", "error_text", "problems_of", "said"]
