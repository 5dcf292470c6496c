"""Files and folders only their owner may read: making them so, and finding those that are not.

The data folder, the embedded database, the log and the journal of unfinished work hold
patient data or point at it. The program makes their folders 0700 and their files 0600
whatever the umask; a folder or file made otherwise (by hand, a copy, an older version)
is not changed behind anyone's back: at start (SQLite mode) each one open to other accounts
is named, with the command that closes it, in the log and on the status line.

POSIX only: on Windows the mode bits say nothing about who may read a file (access lists
do, inherited from the user's profile folder), so nothing is checked there. What protects
the data there (docs/install.md): the data folder is the user's own
%LOCALAPPDATA%\\clinic-intake, whose access list Windows gives to that user, SYSTEM and the
administrators only. The helpers below are where the two systems part: file descriptors
opened in binary mode (Windows would otherwise turn each newline byte into two), mode bits
set on a descriptor only where there are any, and a folder synced only where a folder can
be opened.
"""

from __future__ import annotations

import os
import shlex
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_GROUP_OR_OTHERS_READ = 0o044
_GROUP_OR_OTHERS_WRITE = 0o022
OPEN_BITS = _GROUP_OR_OTHERS_READ | _GROUP_OR_OTHERS_WRITE


def open_private_file(path: Path, flags: int) -> int:
    """os.open for a file only its owner may read (0600 where modes mean anything), in binary
    mode on Windows: a sealed journal or backup must reach the disk byte for byte."""
    return os.open(path, flags | getattr(os, "O_BINARY", 0), FILE_MODE)


def restrict_descriptor(descriptor: int) -> None:
    """Make an open file 0600 whatever the umask (POSIX); on Windows its access list, from
    the folder, decides, and there is no fchmod before Python 3.13."""
    if os.name == "posix":
        os.fchmod(descriptor, FILE_MODE)


def sync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable: fsync of the folder (POSIX). Windows cannot open
    a folder as a file; its NTFS journal keeps a completed rename."""
    if os.name != "posix" or not folder.is_dir():
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the data itself was synced
    finally:
        os.close(descriptor)


def too_open(mode: int) -> bool:
    """Whether a file or folder with these mode bits may be read or written by other
    accounts (its group or everyone). Execute/search bits alone do not count: they let
    nobody read a name or a byte of what is inside."""
    return bool(mode & OPEN_BITS)


def make_private_folder(folder: Path) -> None:
    """Make `folder` and any missing parents 0700 (Python's parents=True would use the
    umask's mode for the parents). A folder that exists is left as it is."""
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(mode=FOLDER_MODE, exist_ok=True)


@dataclass(frozen=True)
class OpenToOthers:
    """A folder or file that other accounts on this computer may read or change."""

    path: Path
    mode: int
    folder: bool

    def sentence(self) -> str:
        can = " and ".join(
            word
            for bits, word in ((_GROUP_OR_OTHERS_READ, "read"), (_GROUP_OR_OTHERS_WRITE, "change"))
            if self.mode & bits
        )
        what = "the folder" if self.folder else "the file"
        wanted = FOLDER_MODE if self.folder else FILE_MODE
        return (
            f"Other accounts on this computer can {can} {what} {self.path}; "
            f"run `chmod {wanted:o} {shlex.quote(str(self.path))}` to keep it private."
        )


def open_to_others(paths: Iterable[Path], trees: Iterable[Path] = ()) -> list[OpenToOthers]:
    """Each of `paths`, and each of `trees` with everything in it, that is too open; paths
    that do not exist are skipped. Always empty on Windows (see the module's note)."""
    if os.name != "posix":
        return []
    found: list[OpenToOthers] = []
    seen: set[Path] = set()
    for path in [*paths, *_walk(trees)]:
        if path in seen:
            continue
        seen.add(path)
        try:
            status = path.lstat()
        except OSError:
            continue
        if stat.S_ISLNK(status.st_mode):
            continue  # the mode of a link means nothing; its target is checked if listed
        mode = stat.S_IMODE(status.st_mode)
        if too_open(mode):
            found.append(OpenToOthers(path, mode, stat.S_ISDIR(status.st_mode)))
    return found


def _walk(trees: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for tree in trees:
        if not tree.is_dir():
            continue
        found.append(tree)
        for folder, folders, files in os.walk(tree):
            found += [Path(folder, name) for name in (*sorted(folders), *sorted(files))]
    return found
