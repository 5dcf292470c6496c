"""Where a file a person saves goes (their Documents folder, never the program's working
folder), and opening the folder that holds it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from intake.ui.i18n import translate


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


def in_documents(path: str | Path, suffix: str = "") -> Path:
    """An absolute path as given; a bare or relative name goes into the Documents folder.
    With `suffix` (".pdf"), a name typed without it gets it."""
    target = Path(path).expanduser()
    if not target.is_absolute():
        target = documents_folder() / target
    if suffix and target.suffix.lower() != suffix:
        target = target.with_name(target.name + suffix)
    return target


def open_folder(folder: Path) -> bool:
    """Show the folder in the system's file manager; False if none could open it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class SavedFileNote(QWidget):
    """ "Saved: /full/path" with an "Open folder" button: what was just saved, and where to
    find it again (the same under every screen that saves a file)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedFileNote")
        self.folder: Path | None = None
        self.text = QLabel()
        self.text.setObjectName("savedFilePath")
        self.text.setAccessibleName(translate("SavedFiles", "Saved file"))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(translate("SavedFiles", "Open folder"))
        self.open_button.setAccessibleName(
            translate("SavedFiles", "Open the folder of the saved file")
        )
        self.open_button.clicked.connect(self.open)
        self.failure = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self.hide()

    def show_saved(self, what: str, path: Path) -> None:
        self.folder = path.parent
        self.text.setText(
            translate("SavedFiles", "{what} saved: {path}").format(what=what, path=path)
        )
        self.open_button.show()
        self.show()

    def clear(self) -> None:
        self.folder = None
        self.hide()

    def open(self) -> None:
        if self.folder is not None and not open_folder(self.folder):
            self.text.setText(
                translate("SavedFiles", "No file manager could open {folder}.").format(
                    folder=self.folder
                )
            )
            self.open_button.hide()
