"""Starting the GUI: the window appears at once; the database opens in the background."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from intake import logs
from intake.resources_path import resource
from intake.settings import data_dir
from intake.ui import i18n
from intake.ui.gc_guard import GuiThreadCollector
from intake.ui.main_window import MainWindow
from intake.ui.startup import Startup
from intake.ui.wheel_guard import install as install_wheel_guard
from intake.ui.window_place import WindowPlace

WINDOW_FILE = "window.ini"
# For packaging/smoke.sh, not for people: quit once the main window is shown and the database
# has opened (exit 0), or could not open (exit 1), so a built program can be started and
# checked without a screen or a hand on the mouse.
SMOKE_QUIT = "INTAKE_SMOKE_QUIT_AFTER_SHOWN"

__all__ = ["Startup", "run_gui", "start_gui", "style_sheet"]


def style_sheet() -> str:
    """style.qss first, then each screen's own sheet (resources/*.qss) in name order."""
    sheets = sorted(
        (node for node in resource().iterdir() if node.name.endswith(".qss")),
        key=lambda node: (node.name != "style.qss", node.name),
    )
    return "\n".join(node.read_text(encoding="utf-8") for node in sheets)


def run_gui(*, demo: bool = False) -> int:
    app, startup = start_gui(demo=demo)
    if os.environ.get(SMOKE_QUIT) == "1":
        quit_once_open(app, startup)
    code = app.exec()
    startup.stop()
    startup.worker.wait_for_done()
    startup.back_up_at_close()
    if startup.database is not None:
        startup.database.close()
    return code


def quit_once_open(app: QApplication, startup: Startup) -> None:
    """Leave the event loop (and any dialog's) once the database opened or failed to."""

    def opened(_database: object) -> None:
        shown = startup.window.isVisible()
        print(f"smoke: database open, main window shown: {shown}", file=sys.stderr)
        files = ", ".join(Path(t.filePath()).name for t in i18n.installed())
        print(f"smoke: interface: {QLocale().name()}, translations: {files}", file=sys.stderr)
        # After the slot: the sign-in dialog's own loop is running by then and ends too.
        QTimer.singleShot(0, lambda: app.exit(0 if shown else 1))

    def failed(message: str) -> None:
        print(f"smoke: the database did not open: {message}", file=sys.stderr)
        QTimer.singleShot(0, lambda: app.exit(1))

    startup.database_did_open.connect(opened)
    startup.database_did_fail.connect(failed)


def start_gui(*, demo: bool = False) -> tuple[QApplication, Startup]:
    """Everything before the event loop: the log, the window, the database opening."""
    logs.configure()  # its error dialogs point to this file
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Clinic Intake")
    # Before any widget: every screen is made in the chosen language (switching: restart).
    i18n.install(app, i18n.chosen_language())
    app.setStyleSheet(style_sheet())
    install_wheel_guard(app)  # before any widget: the wheel scrolls pages, not values
    collector = GuiThreadCollector(app)
    collector.start()
    window = MainWindow()
    place = WindowPlace(window, data_dir() / WINDOW_FILE)
    place.restore()  # the last size on this PC, inside the screen's free area
    app.aboutToQuit.connect(place.save)
    window.show()
    startup = Startup(window, demo=demo)
    startup.begin()
    return app, startup
