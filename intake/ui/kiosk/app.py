"""`intake kiosk`: the waiting-room tablet's program.

A staff member signs in once to set the tablet up (the actor its drafts and alerts are
written as, and the journal key); the kiosk then runs full screen until a staff member
signs in again to leave it. Drafts a power cut left in the tablet's journal are sent first.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from intake import logs


def run_kiosk(*, demo: bool = False, location_code: str | None = None) -> int:
    logs.configure()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Clinic Intake")
    from intake.services import practice_admin
    from intake.services.journal_key import journal_key
    from intake.services.startup import open_for_gui
    from intake.ui.context import UiContext
    from intake.ui.journal import Journal
    from intake.ui.kiosk.window import KioskWindow
    from intake.ui.sign_in import SignInDialog
    from intake.ui.worker import Worker

    started = open_for_gui(demo=demo)
    worker = Worker()
    actor = SignInDialog.ask(None, started.database, worker)
    if actor is None:
        return 0
    location_id = None
    if location_code:
        location_id = practice_admin.get_location(started.database, actor, location_code).id
    # Its own folder: the desk program on the same PC never offers the tablet's drafts.
    journal = Journal(started.journal_folder / "kiosk", journal_key(started.database, actor))
    window = KioskWindow(UiContext(started.database, actor, worker), journal,
                         location_id=location_id)  # fmt: skip
    window.send_journal()
    window.showFullScreen()
    code = app.exec()
    worker.wait_for_done()
    started.database.close()
    return code
