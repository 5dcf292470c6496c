"""PySide6 reads the source of every module imported after it, and keeps it.

PySide6's `__feature__` support (snake_case, true_property) asks of each newly imported
module whether its source mentions "PySide6", through `inspect.getsource`, which leaves every
file's lines in `linecache` for the life of the process: about 20 MiB for this program's
700 modules, and the reading and splitting slows each import. We answer the same question
by reading the file's bytes and keeping nothing. Nothing here uses `__feature__`; if
PySide6 changes these internals, the patch is skipped and only the memory is lost.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads shibokensupport.feature)


def stop_source_scan() -> bool:
    """Replace PySide6's source check with one that caches nothing; True if it was done."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]
    forget_read_sources()  # what it read before now (the modules imported with PySide6)
    return True


def forget_read_sources() -> None:
    """Drop the cached lines of files on disk (read again if a traceback needs them); keep
    the entries libraries register for code they generate, which have no file to reread."""
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:  # (size, mtime, lines, path) of a file
            linecache.cache.pop(name, None)


def mentions_pyside(module: ModuleType) -> bool:
    """PySide6's own answer (does the source say "PySide6"?) without keeping the source."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built in, an extension, or source-less: PySide6 says False too
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False
