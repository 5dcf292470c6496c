"""The GUI's start-up and the signed-in session it leads to: the screens a person's role
allows, the idle lock, switching user.

Startup opens the database off the GUI thread while the sign-in dialog is already up (the
person types while the program loads; the front desk's screens load behind the dialog once
the database is open), asks who is working, reads the practice's
journal key for them (held in memory for the life of the program, across the idle lock and a
switch of user), then builds the pages for that person. A role change or a switch of user at
the lock screen rebuilds them. On the embedded database it also looks, off the GUI thread,
for data folders and files other accounts on this PC may read (intake.private_files) and
says so on the status line without stopping anyone.
"""

from __future__ import annotations

import html
import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from intake.private_files import OpenToOthers, open_to_others
from intake.ui import qt_types
from intake.ui.gc_guard import GuiThreadCollector
from intake.ui.i18n import translate
from intake.ui.idle import in_turns
from intake.ui.main_window import MainWindow
from intake.ui.opening import Opening
from intake.ui.status_line import say
from intake.ui.worker import Worker, failure_text

if TYPE_CHECKING:
    from intake.domain.accounts import DemoAccount
    from intake.domain.booking import Visit
    from intake.domain.patient_record import IntakeLine
    from intake.services.actor import Actor
    from intake.services.database import Database
    from intake.services.startup import Started
    from intake.ui.context import UiContext
    from intake.ui.journal import Journal
    from intake.ui.sign_in import SignInDialog

log = logging.getLogger(__name__)
DEMO_PATIENTS = 500
# Imported on the worker while the database opens (the sign-in and the session's own
# pieces) and while the journal key is read (the area shown first), so the GUI thread does
# not stall importing them when it shows the dialog or builds the page.
SIGN_IN_MODULES = (
    "intake.ui.sign_in",
    "intake.ui.context",
    "intake.ui.desk_alerts",
    "intake.ui.idle_lock",
    "intake.ui.journal",
    "intake.ui.roles",
)
AREA_MODULES = {
    "intake": "intake.ui.front_desk",
    "schedule": "intake.ui.schedule",
    "review": "intake.ui.review.review_page",
    "patients": "intake.ui.patients.record_page",
    "admin": "intake.ui.admin.page",
}


class Startup(QObject):
    """Opens the database off the GUI thread, signs someone in, builds their screens."""

    database_did_open = Signal(object)
    database_did_fail = Signal(str)
    session_did_start = Signal(object)  # the Actor
    files_were_checked = Signal(object)  # list[OpenToOthers]: folders and files too open

    def __init__(self, window: MainWindow, *, demo: bool) -> None:
        super().__init__(window)
        self.window = window
        self.demo = demo
        self.worker = Worker(self)
        self.database: Any = None
        self.started: Started | None = None
        self.context: UiContext | None = None
        self.journal: Journal | None = None  # opened with the journal key after sign-in
        self.lock: Any = None
        self.backups: Any = None  # automatic backups (embedded database only)
        self.desk: Any = None  # the front desk page, once built
        self.patients: Any = None  # the Patients area's page, once built
        self.pages: list[Any] = []  # screens with threads of their own, stopped on quit
        self.alerts: Any = None  # the desk alert banner, once someone signed in
        self.opening: Opening | None = None  # set when the sign-in is shown before the open
        self._early: SignInDialog | None = None  # that sign-in dialog, until it is answered
        self._quit_early = False  # its Quit was pressed before the database had opened
        self.quit_on_failure = True
        self._user_label = QLabel()
        self._user_label.setObjectName("userLabel")
        self._user_label.setAccessibleName(translate("Startup", "Signed in as"))

    # ---- opening -----------------------------------------------------------------------------

    def begin(self) -> None:
        self.window.statusBar().showMessage(translate("Startup", "Opening the database…"))
        self.worker.submit(self._open, self._opened, self._failed)
        # The demo practice's sign-in lists its accounts, known once it is filled.
        if not self.demo and self._asks_in_dialog():
            self._show_early_sign_in()

    def _asks_in_dialog(self) -> bool:
        """False when a test or a benchmark put a sign-in made directly in the dialog's place."""
        return "ask_sign_in" not in vars(self) and type(self).ask_sign_in is _ASK_IN_DIALOG

    def _show_early_sign_in(self) -> None:
        """The sign-in, up with the window: the person types their name and password while
        the database opens, and a sign-in sent before it is open waits for it on the worker.
        No nested event loop: its answer arrives as a signal, whenever that is."""
        from intake.ui.sign_in import STAFF_ROLES, SignInDialog

        self.opening = Opening()
        dialog = SignInDialog(self.opening, self.worker, roles=STAFF_ROLES, parent=self.window)
        dialog.setModal(True)
        dialog.rejected.connect(self._early_quit)
        dialog.did_sign_in.connect(self._early_signed_in)
        dialog.show()
        self._early = dialog

    def _early_quit(self) -> None:
        self._drop_early_sign_in()
        self._quit_early = self.started is None  # the open, when it ends, asks nothing more
        if self.quit_on_failure:
            QApplication.exit(0)

    def _early_signed_in(self, actor: Actor) -> None:
        self._drop_early_sign_in()
        self._open_journal(actor)

    def _drop_early_sign_in(self) -> SignInDialog | None:
        """Take the early dialog out of the start-up's hands (it is closed or answered)."""
        dialog, self._early = self._early, None
        if dialog is not None:
            dialog.rejected.disconnect(self._early_quit)
            dialog.did_sign_in.disconnect(self._early_signed_in)
        return dialog

    def _open(self) -> Started:
        from intake.services.startup import open_for_gui

        started = open_for_gui(demo=self.demo, prepare=_fill_demo if self.demo else None)
        backups = ("intake.ui.auto_backup",) if started.database.backend == "sqlite" else ()
        _import(SIGN_IN_MODULES + backups)
        return started

    def _failed(self, error: BaseException) -> None:
        if self.opening is not None and not self.opening.ended:
            self.opening.failed(error)  # a sign-in sent meanwhile ends with the same error
            if dialog := self._drop_early_sign_in():
                dialog.password.clear()  # not kept in memory behind the error
                dialog.close()
        message = failure_text(error)
        self.window.statusBar().showMessage(
            translate("Startup", "The database could not be opened")
        )
        self.window.database_label.setText(translate("Startup", "No database"))
        self.database_did_fail.emit(message)
        QMessageBox.critical(self.window, translate("Startup", "Cannot open the database"), message)
        if self.quit_on_failure:
            QApplication.exit(1)

    def _opened(self, started: Started) -> None:
        GuiThreadCollector.settle()  # the program's code, imported: no collection walks it
        self.started = started
        self.database = started.database  # closed at the end, even by a person who left early
        if self._quit_early:  # the person left while it opened (the program is ending)
            return
        self.window.show_database(started.display_url)
        self.window.statusBar().showMessage(translate("Startup", "Sign in to start"))
        if self.opening is not None:
            self.opening.opened(started.database)  # a sign-in already sent goes on now
            if started.needs_first_admin and (dialog := self._drop_early_sign_in()):
                dialog.close()  # no accounts yet: the first admin's form instead
            elif self._early is not None:
                # Most sign-ins at a front desk land there: its screens load behind the
                # dialog while the person types, not after they press Enter.
                area = (AREA_MODULES["intake"],)
                self.worker.submit(lambda: _import(area), _ignore, _ignore)
        if self._asks_in_dialog():
            # While the person types: the first screen then does not make Qt's types.
            qt_types.make_in_turns(self)
        self.database_did_open.emit(started.database)
        self._check_private_files(started)
        if self._early is not None:
            return  # the dialog up since the start answers by its signals
        actor = self.ask_sign_in(started)
        if actor is None:
            if self.quit_on_failure:
                QApplication.exit(0)
            return
        self._open_journal(actor)

    def _open_journal(self, actor: Actor) -> None:
        """Read the journal key as the person just signed in, then start their session.

        The key stays in memory only; the previous version's plain journal files are sealed
        with it here, before any screen can show them."""
        assert self.started is not None
        database, folder = self.started.database, self.started.journal_folder

        def work() -> Journal:
            from intake.domain.accounts import landing_area
            from intake.services.journal_key import journal_key
            from intake.ui.journal import Journal

            journal = Journal(folder, journal_key(database, actor))
            journal.seal_plain_files()
            landing = AREA_MODULES.get(landing_area(actor.role))
            _import((landing,) if landing else ())
            return journal

        self.worker.submit(work, lambda journal: self._journal_opened(actor, journal), self._failed)

    def _journal_opened(self, actor: Actor, journal: Journal) -> None:
        assert self.started is not None
        started = self.started
        self.journal = journal
        # The first area's code, just imported on the worker, joins the frozen code. The
        # pages are not frozen: a switch of user or role makes them garbage to collect.
        GuiThreadCollector.settle()
        self.start_session(actor)
        if started.checklist_problem is not None:
            QMessageBox.warning(
                self.window,
                translate("Startup", "Screening unavailable"),
                translate(
                    "Startup",
                    "The screening checklist cannot be used, so intakes cannot be screened:",
                )
                + "\n\n"
                + started.checklist_problem,
            )

    def ask_sign_in(self, started: Started) -> Actor | None:
        """The sign-in dialog (tests replace this)."""
        from intake.ui.sign_in import STAFF_ROLES, SignInDialog

        return SignInDialog.ask(
            self.window,
            started.database,
            self.worker,
            roles=STAFF_ROLES,
            first_admin=started.needs_first_admin,
            demo_accounts=demo_sign_in_accounts() if started.demo else (),
        )

    # ---- the session ---------------------------------------------------------------------------

    def start_session(self, actor: Actor) -> None:
        self._build_pages(actor)
        context = self.context
        assert context is not None  # made by _build_pages
        # The desk alerts' banner, then the lock, the status-bar controls and the backups,
        # each on a later turn of the event loop: building the first page and these are
        # short GUI-thread steps, not one long one (issue 25: no stall over 50 ms at start).
        # Real timers (in_turns): a zero-delay call would run in the same turn, before any
        # input or timer, as one piece with the page. session_did_start comes last.
        in_turns(
            self,
            [lambda: self._watch_desk_alerts(context), lambda: self._finish_session(actor)],
        )

    def _finish_session(self, actor: Actor) -> None:
        from intake.settings import load_settings
        from intake.ui.idle_lock import IdleLock

        if self.lock is None:
            assert self.started is not None
            self.lock = IdleLock(
                self.window,
                self.started.database,
                self.worker,
                actor,
                idle_minutes=load_settings(demo=self.demo).idle_lock_minutes,
            )
            self.lock.did_unlock.connect(self._unlocked)
            self.lock.user_did_switch.connect(self._switched)
            self.lock.start()
            self._add_session_controls()
            self._start_backups()
        else:
            self.lock.set_actor(actor)
        self._focus_first_field()
        self.session_did_start.emit(actor)
        self._insist_on_own_password(actor)

    def _focus_first_field(self) -> None:
        """The cursor starts where work starts (the patient search), never in the sidebar."""
        self.window.activateWindow()
        if self.desk is not None and self.window.current_area() == "intake":
            self.desk.search.focus_search()
            return
        page = self.window.pages.currentWidget()
        if page is not None:
            page.setFocus()
            page.focusNextChild()

    def _unlocked(self, actor: Actor) -> None:
        if self.context is None or actor.role != self.context.actor.role:
            self._build_pages(actor)  # the role changed while away: offer only what it allows
            assert self.context is not None
            self._watch_desk_alerts(self.context)
        self._insist_on_own_password(actor)

    def _insist_on_own_password(self, actor: Actor) -> None:
        """Someone who signed in with a one-time password chooses their own before working;
        not doing so locks the screen again (and the next sign-in asks again)."""
        from intake.services import accounts

        assert self.started is not None
        database = self.started.database
        self.worker.submit(
            lambda: accounts.must_change_password(database, actor),
            self._ask_own_password,
            _not_now,  # a failed check (the network) locks nobody out
        )

    def _ask_own_password(self, must: bool) -> None:
        from intake.ui.sign_in import ChangePasswordDialog

        if not must or self.context is None or self.lock is None:
            return
        if not ChangePasswordDialog.ask(self.window, self.context, forced=True):
            self.lock.lock(
                translate(
                    "Startup", "Choose your own password before working: sign in again to do it."
                )
            )

    def _switched(self, actor: Actor) -> None:
        self.start_session(actor)

    def _build_pages(self, actor: Actor) -> None:
        from intake.domain.accounts import allowed_areas, landing_area
        from intake.ui.context import UiContext
        from intake.ui.roles import role_name

        assert self.started is not None
        self.shutdown()
        self.context = UiContext(self.started.database, actor, self.worker)
        allowed = set(allowed_areas(actor.role))
        self.window.set_allowed_areas(allowed)
        if landing := landing_area(actor.role):
            self.window.show_area(landing)  # before the builders: only this area is built
        builders = {
            "intake": self._intake_page,
            "schedule": self._schedule_page,
            "review": self._review_page,
            "patients": self._patients_page,
            "admin": self._admin_page,
        }
        self.desk = None
        self.patients = None
        for key, build in builders.items():
            if key in allowed:
                # Built when first shown: the area shown at sign-in now, the others later.
                self.window.set_page_builder(key, build)
        self._user_label.setText(f"{actor.username} · {role_name(actor.role)}")
        self.window.statusBar().showMessage(translate("Startup", "Ready"), 3000)

    def _watch_desk_alerts(self, context: UiContext) -> None:
        """The tablet's red flags, shown above every area until acknowledged."""
        from intake.ui.desk_alerts import DeskAlertBanner

        if self.alerts is None:
            self.alerts = DeskAlertBanner(context, parent=self.window)
            self.window.add_banner(self.alerts)
            self.alerts.alerts_did_change.connect(self._alerts_changed)
        self.alerts.use(context)

    def _alerts_changed(self, open_alerts: int) -> None:
        """The lock screen covers the banner: it says (without a name) that one is waiting."""
        if self.lock is not None:
            self.lock.screen.show_alerts(open_alerts)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text)

    def _intake_page(self) -> QWidget:
        from intake.ui.front_desk import FrontDeskPage

        assert self.started is not None and self.context is not None
        assert self.journal is not None  # opened before any page is built
        if self.started.checklist_problem is not None:
            # Never screen with a broken checklist: say which file and line, and stop there.
            return _checklist_refused(self.started.checklist_problem)
        # Made inside the window's page stack: moved there finished, the whole page would be
        # styled a second time (the program's style sheet), a few ms more of start-up's stall.
        desk = FrontDeskPage(self.context, self.journal, parent=self.window.pages)
        desk.status_did_change.connect(self._status)
        desk.search.focus_search()
        self.desk = desk
        self.window.watch_unsent_work(desk)
        return desk

    def _schedule_page(self) -> QWidget:
        from intake.ui.schedule import SchedulePage

        assert self.context is not None
        schedule = SchedulePage(self.context)
        schedule.status_did_change.connect(self._status)
        schedule.patient_was_opened.connect(self._open_patient)
        self.pages.append(schedule)
        return schedule

    def _review_page(self) -> QWidget:
        from intake.ui.review.review_page import ReviewPage

        assert self.context is not None
        review = ReviewPage(self.context, parent=self.window.pages)  # as the intake page
        review.status_did_change.connect(self._status)
        return review

    def _admin_page(self) -> QWidget:
        from intake.ui.admin.page import AdminPage

        assert self.context is not None
        admin = AdminPage(self.context)
        admin.status_did_change.connect(self._status)
        return admin

    def _patients_page(self) -> QWidget:
        from intake.domain.accounts import allowed_areas
        from intake.ui.patients.record_page import RecordPage

        assert self.context is not None
        allowed = allowed_areas(self.context.actor.role)
        page = RecordPage(self.context, may_start_intake="intake" in allowed)
        page.status_did_change.connect(self._status)
        page.view.intake_was_requested.connect(self._start_intake)
        page.view.intake_was_chosen.connect(self._open_intake)
        page.view.visit_was_chosen.connect(self._open_visit)
        page.search.focus_search()
        self.patients = page
        self.window.watch_unsent_work(page, "patients")
        return page

    def _allowed(self, area: str) -> bool:
        from intake.domain.accounts import allowed_areas

        return self.context is not None and area in allowed_areas(self.context.actor.role)

    def _open_patient(self, patient_id: int) -> None:
        """ "Open patient" (the schedule): the record in the Patients area; a role without
        that area is left where it is."""
        if not self._allowed("patients"):
            return
        self.window.show_area("patients")  # built if need be
        if self.patients is not None:
            self.patients.open_patient(patient_id)

    def _start_intake(self, patient_id: int) -> None:
        """The record's "Start intake": a new intake for this patient in the Intake area."""
        if not self._allowed("intake"):
            return
        self.window.show_area("intake")
        if self.desk is not None:
            self.desk.open_patient(patient_id)

    def _open_intake(self, line: IntakeLine) -> None:
        """An intake on the record: a draft is continued at the front desk; a finished one
        is shown on the review screen to those who review, else its state is said."""
        from intake.ui.review.review_page import ReviewPage

        if line.continues and self._allowed("intake"):
            self.window.show_area("intake")
            if self.desk is not None:
                self.desk.continue_intake(line.id)
        elif not line.continues and self._allowed("review"):
            self.window.show_area("review")
            review = self.window.page("review")
            if isinstance(review, ReviewPage):
                review.open_intake(line.id)
        else:
            self._status(
                translate("Startup", "This intake is: {state}. A therapist opens it.").format(
                    state=translate(line.state_words.context, line.state_words).lower()
                )
            )

    def _open_visit(self, visit: Visit) -> None:
        """A visit on the record: its location's day on the schedule, the visit chosen."""
        from intake.ui.schedule import SchedulePage

        if not self._allowed("schedule"):
            return
        self.window.show_area("schedule")
        schedule = self.window.page("schedule")
        if isinstance(schedule, SchedulePage):
            schedule.show_visit(visit.location_id, visit.local_start.date(), visit.id)

    def _add_session_controls(self) -> None:
        bar = self.window.statusBar()
        password = QPushButton(translate("Startup", "Change password…"))
        password.setAccessibleName(translate("Startup", "Change my password"))
        password.clicked.connect(self._change_password)
        lock = QPushButton(translate("Startup", "Lock") + " (Ctrl+L)")
        lock.setAccessibleName(translate("Startup", "Lock the screen now"))
        lock.clicked.connect(lambda: self.lock.lock())
        QShortcut(QKeySequence("Ctrl+L"), self.window).activated.connect(lambda: self.lock.lock())
        bar.insertPermanentWidget(0, self._user_label)
        bar.insertPermanentWidget(1, password)
        bar.insertPermanentWidget(2, lock)

    # ---- folders and files other accounts may read (embedded database) ------------------

    def _check_private_files(self, started: Started) -> None:
        from intake.logs import log_path
        from intake.settings import data_dir

        file = started.database.file
        if file is None:  # a server: its files are the IT person's
            return
        paths = [data_dir(), file.parent, file, *(Path(f"{file}{end}") for end in ("-wal", "-shm"))]
        trees = [log_path().parent, started.journal_folder.parent]
        self.worker.submit(
            lambda: open_to_others(paths, trees), self._files_checked, lambda _error: None
        )

    def _files_checked(self, found: list[OpenToOthers]) -> None:
        for each in found:
            log.warning("%s", each.sentence())
        if found:
            label = QLabel()
            label.setObjectName("privateFilesWarning")
            label.setAccessibleName(
                translate("Startup", "Patient data open to other accounts on this computer")
            )
            # Short on the status bar (it must fit at 1024 px); the paths and the command
            # that fixes them in the tooltip and the log, for the IT person.
            say(label, "warn", translate("Startup", "Patient files not private: tell IT"))
            label.setToolTip("\n".join(each.sentence() for each in found))
            self.window.statusBar().insertPermanentWidget(0, label)  # not hidden by messages
        self.files_were_checked.emit(found)

    def _change_password(self) -> None:
        from intake.ui.sign_in import ChangePasswordDialog

        if self.context is not None:
            ChangePasswordDialog.ask(self.window, self.context)

    def shutdown(self) -> None:
        for page in self.pages:
            page.shutdown()
        self.pages.clear()

    def stop(self) -> None:
        self.shutdown()
        if self.alerts is not None:
            self.alerts.stop()
        if self.lock is not None:
            self.lock.stop()
        if self.backups is not None:
            self.backups.stop()

    def _start_backups(self) -> None:
        """On the embedded database the program backs itself up (PostgreSQL: the IT person's
        `intake db backup`); the demo practice is not backed up."""
        assert self.started is not None
        if self.demo or self.started.database.backend != "sqlite":
            return
        from intake.settings import backup_settings, load_settings
        from intake.ui.auto_backup import AutoBackup

        settings = load_settings()
        self.backups = AutoBackup(
            self.window, self.started.database, backup_settings(settings), settings.data_dir
        )
        self.lock.did_lock.connect(self.backups.person_did_leave)
        self.backups.start()

    def back_up_at_close(self) -> None:
        if self.backups is not None:
            self.backups.back_up_at_close()


def _import(modules: tuple[str, ...]) -> None:
    """Import on the worker what the GUI thread will soon need (a failure shows there).
    Only the interface's own modules: the layers test cannot see a name chosen at run time,
    so this guard keeps the rule (ui imports no database layer by itself)."""
    for name in modules:
        if not name.startswith("intake.ui."):
            raise ValueError(f"only intake.ui modules are imported ahead: {name}")
        try:
            importlib.import_module(name)
        except Exception:  # the GUI thread imports it again and reports the error itself
            log.exception("could not import %s ahead of use", name)


def _not_now(_error: BaseException) -> None:
    """A check that could not run now; the next sign-in or unlock runs it again."""


def _ignore(_result: object) -> None:
    """Work done ahead of need: its answer is not waited for (nor its failure: see _import)."""


_ASK_IN_DIALOG = Startup.ask_sign_in


def _checklist_refused(problem: str) -> QWidget:
    page = QLabel(
        "<h2>{title}</h2><p>{why}</p><p><b>{problem}</b></p><p>{ask}</p>".format(
            title=html.escape(translate("Startup", "Screening unavailable")),
            why=html.escape(
                translate(
                    "Startup",
                    "The screening checklist cannot be used, so no intake can be screened "
                    "until it is fixed:",
                )
            ),
            problem=html.escape(problem),
            ask=html.escape(translate("Startup", "Ask the clinical lead to correct the file.")),
        )
    )
    page.setWordWrap(True)
    page.setAlignment(Qt.AlignmentFlag.AlignTop)
    page.setMargin(24)
    return page


# The demo practice is the one place the UI reaches into intake.demo (loaded only with --demo).


def _fill_demo(database: Database) -> None:
    from intake.demo.data import fill_if_empty

    fill_if_empty(database, DEMO_PATIENTS)


def demo_sign_in_accounts() -> tuple[DemoAccount, ...]:
    from intake.demo.data import demo_accounts

    return demo_accounts()
