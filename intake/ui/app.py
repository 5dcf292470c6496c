"""Starting the GUI: the window appears at once; the database opens in the background."""

from __future__ import annotations

import getpass
import html
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from intake.domain.enums import Role
from intake.resources_path import resource
from intake.ui.gc_guard import GuiThreadCollector
from intake.ui.main_window import MainWindow
from intake.ui.worker import Worker

if TYPE_CHECKING:  # the heavy modules load after the window is up (see Startup)
    from intake.services.actor import Actor
    from intake.services.startup import Started
    from intake.ui.context import UiContext

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
        self.context: UiContext | None = None
        self.pages: list[Any] = []  # screens with threads of their own, stopped on quit
        self.quit_on_failure = True

    def _add_schedule(self, desk: Any) -> None:
        _install_schedule(self, desk)

    def shutdown(self) -> None:
        for page in self.pages:
            page.shutdown()
        self.pages.clear()

    def begin(self) -> None:
        self.window.statusBar().showMessage("Opening the database…")
        self.worker.submit(self._open, self._opened, self._failed)

    def _open(self) -> Started:
        from intake.services.startup import open_for_gui

        return open_for_gui(demo=self.demo, demo_patients=DEMO_PATIENTS)

    def _opened(self, started: Started) -> None:
        from intake.ui.context import UiContext
        from intake.ui.front_desk import FrontDeskPage
        from intake.ui.journal import Journal

        self.database = started.database
        self.window.show_database(started.display_url)
        self.context = UiContext(started.database, workstation_actor(), self.worker)
        if started.checklist_problem is None:
            desk = FrontDeskPage(self.context, Journal(started.journal_folder))
            desk.status_did_change.connect(lambda text: self.window.statusBar().showMessage(text))
            self.window.set_page("intake", desk)
            desk.search.focus_search()
            self._add_schedule(desk)
            self.window.statusBar().showMessage("Ready", 3000)
        else:
            # Never screen with a broken checklist: say which file and line, and stop there.
            self.window.set_page("intake", _checklist_refused(started.checklist_problem))
            QMessageBox.warning(
                self.window,
                "Screening unavailable",
                "The screening checklist cannot be used, so intakes cannot be screened:\n\n"
                + started.checklist_problem,
            )
        self.database_did_open.emit(started.database)

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage("The database could not be opened")
        self.window.database_label.setText("No database")
        self.database_did_fail.emit(message)
        QMessageBox.critical(self.window, "Cannot open the database", message)
        if self.quit_on_failure:
            QApplication.exit(1)


def _install_schedule(startup: Startup, desk: Any) -> None:
    from intake.ui.review.review_page import ReviewPage
    from intake.ui.schedule import SchedulePage

    assert startup.context is not None
    schedule = SchedulePage(startup.context)
    schedule.status_did_change.connect(lambda text: startup.window.statusBar().showMessage(text))

    def open_patient(patient_id: int) -> None:
        startup.window.navigation.setCurrentRow(0)  # the Intake area opens the record
        desk.open_patient(patient_id)

    schedule.patient_was_opened.connect(open_patient)
    startup.window.set_page("schedule", schedule)
    startup.pages.append(schedule)
    review = ReviewPage(startup.context)
    review.status_did_change.connect(lambda text: startup.window.statusBar().showMessage(text))
    startup.window.set_page("review", review)


def workstation_actor() -> Actor:
    from intake.services.actor import Actor

    # Until sign-in arrives (issue 8) the program acts as the signed-in OS user with the
    # front desk's rights: every change is still audited under that name and workstation.
    return Actor(None, getpass.getuser(), Role.FRONT_DESK)


def _checklist_refused(problem: str) -> QWidget:
    page = QLabel(
        "<h2>Screening unavailable</h2><p>The screening checklist cannot be used, so no intake "
        f"can be screened until it is fixed:</p><p><b>{html.escape(problem)}</b></p>"
        "<p>Ask the clinical lead to correct the file.</p>"
    )
    page.setWordWrap(True)
    page.setAlignment(Qt.AlignmentFlag.AlignTop)
    page.setMargin(24)
    return page


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
    collector = GuiThreadCollector(app)
    collector.start()
    window = MainWindow()
    screen = app.primaryScreen()
    if screen is not None:  # use the desk PC's screen, not a fixed size
        area = screen.availableGeometry()
        window.resize(min(area.width(), 1600), min(area.height(), 1000))
    window.show()
    startup = Startup(window, demo=demo)
    startup.begin()
    code = app.exec()
    startup.shutdown()
    startup.worker.wait_for_done()
    if startup.database is not None:
        startup.database.close()
    return code
