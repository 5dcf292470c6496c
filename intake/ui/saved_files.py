"""Where a file a person saves goes (their Documents folder, never the program's working
folder), and opening the folder that holds it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices


def documents_folder() -> Path:
    """The person's Documents folder (made if missing), else their home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return folder


def suggested_path(name: str) -> str:
    """A file name as the save dialog should offer it: in the Documents folder."""
    return str(documents_folder() / name)


def in_documents(path: str | Path) -> Path:
    """An absolute path as given; a bare or relative name goes into the Documents folder."""
    target = Path(path).expanduser()
    return target if target.is_absolute() else documents_folder() / target


def open_folder(folder: Path) -> bool:
    """Show the folder in the system's file manager; False if none could open it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
