"""`intake kiosk`: the waiting-room tablet's program.

A tablet account (made by an admin, role "tablet") signs in once to set the tablet up: the
actor its drafts and alerts are written as, and on PostgreSQL a database login that cannot
read patients (migration 0015). The kiosk then runs full screen until a staff member signs
in to leave it. Drafts a power cut left in the tablet's journal are sent first.
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
    from intake.services import self_intake
    from intake.services.journal_key import journal_key
    from intake.services.startup import open_for_gui
    from intake.ui.context import UiContext
    from intake.ui.journal import Journal
    from intake.ui.kiosk.window import KioskWindow
    from intake.ui.sign_in import TABLET_ROLES, SignInDialog
    from intake.ui.startup import demo_sign_in_accounts
    from intake.ui.worker import Worker

    started = open_for_gui(demo=demo)
    worker = Worker()
    demo_list = demo_sign_in_accounts() if started.demo else ()
    actor = SignInDialog.ask(
        None, started.database, worker, roles=TABLET_ROLES, demo_accounts=demo_list
    )
    if actor is None:
        return 0
    location_id = None
    if location_code:
        location_id = self_intake.location_id(started.database, actor, location_code)
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
