"""Starting the GUI: the window appears at once; the database opens in the background."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from intake import logs
from intake.resources_path import resource
from intake.settings import data_dir
from intake.ui.gc_guard import GuiThreadCollector
from intake.ui.main_window import MainWindow
from intake.ui.startup import Startup
from intake.ui.wheel_guard import install as install_wheel_guard
from intake.ui.window_place import WindowPlace

WINDOW_FILE = "window.ini"

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
    code = app.exec()
    startup.stop()
    startup.worker.wait_for_done()
    startup.back_up_at_close()
    if startup.database is not None:
        startup.database.close()
    return code


def start_gui(*, demo: bool = False) -> tuple[QApplication, Startup]:
    """Everything before the event loop: the log, the window, the database opening."""
    logs.configure()  # its error dialogs point to this file
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Clinic Intake")
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
