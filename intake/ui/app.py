"""Starting the GUI: the window appears at once; the database opens in the background."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from intake.resources_path import resource
from intake.ui.main_window import MainWindow
from intake.ui.worker import Worker

DEMO_PATIENTS = 500


class Startup(QObject):
    """Opens the database off the GUI thread, then reports into the window."""

    database_did_open = Signal(object)
    database_did_fail = Signal(str)

    def __init__(self, window: MainWindow, *, demo: bool) -> None:
        super().__init__(window)
        self.window = window
        self.demo = demo
        self.worker = Worker(self)
        self.database: Any = None
        self.quit_on_failure = True

    def begin(self) -> None:
        self.window.statusBar().showMessage("Opening the database…")
        self.worker.submit(self._open, self._opened, self._failed)

    def _open(self) -> object:
        from intake.services.startup import open_for_gui

        return open_for_gui(demo=self.demo, demo_patients=DEMO_PATIENTS)

    def _opened(self, database: Any) -> None:
        self.database = database
        self.window.show_database(database.display_url)
        self.window.statusBar().showMessage("Ready", 3000)
        self.database_did_open.emit(database)

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage("The database could not be opened")
        self.window.database_label.setText("No database")
        self.database_did_fail.emit(message)
        QMessageBox.critical(self.window, "Cannot open the database", message)
        if self.quit_on_failure:
            QApplication.exit(1)


def style_sheet() -> str:
    """style.qss first, then each screen's own sheet (resources/*.qss) in name order."""
    sheets = sorted(
        (node for node in resource().iterdir() if node.name.endswith(".qss")),
        key=lambda node: (node.name != "style.qss", node.name),
    )
    return "\n".join(node.read_text(encoding="utf-8") for node in sheets)


def run_gui(*, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Clinic Intake")
    app.setStyleSheet(style_sheet())
    window = MainWindow()
    window.show()
    startup = Startup(window, demo=demo)
    startup.begin()
    code = app.exec()
    startup.worker.wait_for_done()
    if startup.database is not None:
        startup.database.close()
    return code
