"""The error a checklist file raises when it cannot be used."""

from __future__ import annotations

from intake.domain.errors import KnownError


class ChecklistError(KnownError):
    """A checklist that cannot be loaded; the program must refuse to screen with it.

    The message names the file, the line (when it can be found), the rule or question
    concerned and the problem, so the clinical lead can fix the file without Python.
    """

    def __init__(
        self, file: str, problem: str, *, line: int | None = None, where: str | None = None
    ) -> None:
        self.file = file
        self.line = line
        self.where = where
        self.problem = problem
        place = f"{file}, line {line}" if line is not None else file
        subject = f"{where}: " if where else ""
        super().__init__(f"{place}: {subject}{problem}")
