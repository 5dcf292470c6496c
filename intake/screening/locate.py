"""Finding the line of an entry in a checklist's raw text, for error messages.

tomllib gives back plain data without positions, so a semantic error is located by
searching the text: the `id = "..."` line of the entry, then the offending token after it.
"""

from __future__ import annotations

import re

# A whole line such as `[settings]` or `[[sections.questions]]` (not an array value).
_HEADER = re.compile(r"^\s*(\[\[?\s*[A-Za-z0-9_.\"' -]+\s*\]\]?)\s*(#.*)?$")
_TOP_KEY = re.compile(r"^[A-Za-z_\"']\S*\s*=")


class Locator:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._headers: list[str] = []
        current = ""
        for line in self._lines:
            match = _HEADER.match(line)
            if match:
                current = re.sub(r"\s+", "", match.group(1))
            self._headers.append(current)

    def entry(self, header: str, entry_id: str, nth: int = 1) -> int | None:
        """Line of the `nth` `id = "entry_id"` under tables named `header`."""
        pattern = re.compile(r"^\s*id\s*=\s*[\"']" + re.escape(entry_id) + r"[\"']")
        seen = 0
        for index, line in enumerate(self._lines):
            if self._headers[index] == header and pattern.match(line):
                seen += 1
                if seen == nth:
                    return index + 1
        return None

    def key(self, header: str, name: str) -> int | None:
        """Line of `name = ...` directly in the table `header`."""
        pattern = re.compile(r"^\s*[\"']?" + re.escape(name) + r"[\"']?\s*=")
        for index, line in enumerate(self._lines):
            if self._headers[index] == header and pattern.match(line):
                return index + 1
        return None

    def header(self, header: str) -> int | None:
        for index, line in enumerate(self._lines):
            if self._headers[index] == header and _HEADER.match(line):
                return index + 1
        return None

    def key_after(self, start: int | None, name: str) -> int | None:
        """Line of `name = ...` in the entry that begins at `start`, else `start`."""
        pattern = re.compile(r"^\s*" + re.escape(name) + r"\s*=")
        for index in self._entry_range(start):
            if pattern.match(self._lines[index]):
                return index + 1
        return start

    def token_after(self, start: int | None, pattern: str | None) -> int | None:
        """First line of the value that begins at `start` matching `pattern`, else `start`."""
        if start is None or pattern is None:
            return start
        regex = re.compile(pattern)
        for index in range(start - 1, len(self._lines)):
            line = self._lines[index]
            if index >= start and (_HEADER.match(line) or _TOP_KEY.match(line)):
                break  # the next key or table: the value has ended
            if regex.search(line.split("#", 1)[0]):
                return index + 1
        return start

    def _entry_range(self, start: int | None) -> range:
        if start is None:
            return range(0)
        end = start
        while end < len(self._lines) and not _HEADER.match(self._lines[end]):
            end += 1
        return range(start - 1, end)
