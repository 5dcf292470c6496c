"""Errors the environment or the user causes, shown to people as a sentence.

Anything else is a bug: logged and reported, never shown as a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping

from intake.domain.words import Words


class KnownError(Exception):
    """A problem a person can understand and act on. `message` is the sentence (a Message
    the screens translate, or plain English); `str()` is the English sentence (logs, CLI)."""

    def __init__(self, message: Words = "", *args: object) -> None:
        super().__init__(str(message), *args)
        self.message: Words = message


class DatabaseUnavailable(KnownError):
    """The database cannot be reached, refused the credentials, or is unusable."""


class SchemaMismatch(KnownError):
    """The database schema is not the one this program was built for."""


class StaleRecord(KnownError):
    """Someone else changed or deleted the record since it was read."""


class PermissionDenied(KnownError):
    """The signed-in person's role does not allow this."""


class NotFound(KnownError):
    """The record asked for does not exist (any more)."""


class Invalid(KnownError):
    """Input that cannot be accepted; `problems` says what is wrong with which field."""

    def __init__(self, problems: Mapping[str, Words]) -> None:
        self.problems: dict[str, Words] = dict(problems)
        super().__init__("; ".join(f"{field}: {text}" for field, text in self.problems.items()))


class Contention(KnownError):
    """Another computer changed the same rows at the same moment and the database undid
    this change (deadlock, serialization failure); trying again is the answer."""


class BadDocument(KnownError):
    """A document sent to the program (a FHIR import) that cannot be taken in as it is;
    `problems` lists each thing wrong, each naming where it is (the document, the item)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class UnreadableFile(BadDocument):
    """The file is not what the command reads at all (not JSON, not FHIR)."""
