"""The kiosk window: full screen, no decorations, no way out without a staff sign-in.

The welcome page offers the languages; each patient gets a fresh KioskSession, thrown away
when they finish or after two minutes without a touch, so Back never reaches a previous
patient. The draft keepers outlive their session until the database has each draft (then
the journal file goes); drafts left in the journal by a power cut are sent again at start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.services import self_intake
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.intake_form.autosave import DraftKeeper, DraftState
from intake.ui.journal import Journal
from intake.ui.kiosk import language
from intake.ui.kiosk.session import KioskSession, big_button, heading

IDLE_MS = 120_000
HANDOVER_POLL_MS = 5_000  # how often the welcome page asks whether the desk handed it over
_TOUCHES = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
}

STYLE = """
#kiosk, #kiosk QWidget { background: #ffffff; color: #111111; font-size: 20pt; }
#kiosk QLabel#kioskTitle { font-size: 30pt; font-weight: bold; }
#kiosk QLabel#kioskHelp { color: #333333; font-size: 18pt; }
#kiosk QLabel#kioskMessage { color: #111111; font-weight: bold; }
#kiosk QLabel#kioskQuestionText { font-size: 22pt; font-weight: bold; }
#kiosk QFrame#kioskQuestion { border: 2px solid #767676; border-radius: 8px; }
#kiosk QPushButton { border: 2px solid #1a1a1a; border-radius: 8px; padding: 8px 20px;
    background: #f2f2f2; }
#kiosk QPushButton:checked { border: 5px solid #003d99; background: #dbe8ff;
    padding: 5px 17px; }
#kiosk QPushButton:focus { outline: none; border: 4px dashed #111111; padding: 6px 18px; }
#kiosk QPushButton:checked:focus { border: 5px dashed #003d99; padding: 5px 17px; }
#kiosk QPushButton#kioskPrimary { background: #003d99; color: #ffffff; font-weight: bold; }
#kiosk QPushButton#kioskPrimary:disabled { background: #767676; }
#kiosk QPushButton#kioskStaff { font-size: 18pt; background: #ffffff; border-color: #767676; }
#kiosk QLineEdit { border: 2px solid #1a1a1a; border-radius: 6px; padding: 4px 8px; }
#kiosk QScrollBar:vertical { width: 28px; background: #e6e6e6; border: 1px solid #767676; }
#kiosk QScrollBar::handle:vertical { background: #4a4a4a; min-height: 44px; border-radius: 4px; }
#kiosk QScrollBar::add-line:vertical, #kiosk QScrollBar::sub-line:vertical { height: 0; }
"""


class KioskWindow(QWidget):
    did_reset = Signal()  # back on the welcome page, the previous patient gone
    session_did_start = Signal(object)  # the KioskSession
    was_released = Signal()  # a staff member signed in to leave
    handover_did_change = Signal()  # the welcome page's "Ready for …" appeared or went

    def __init__(
        self,
        context: UiContext,
        journal: Journal | None,
        *,
        location_id: int | None = None,
        idle_ms: int = IDLE_MS,
        today: Callable[[], dt.date] = dt.date.today,
        handover_poll_ms: int = HANDOVER_POLL_MS,
    ) -> None:
        flags = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        super().__init__(None, flags)
        self.setObjectName("kiosk")
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("KioskWindow", "Patient self-intake"))
        self.context = context
        self.journal = journal
        self.location_id = location_id
        self.today = today
        self.session: KioskSession | None = None
        self.handover: self_intake.Handover | None = None
        self._asking = False
        self.keepers: list[DraftKeeper] = []  # until the database has their drafts
        self._released = False
        self.stack = QStackedWidget()
        self.welcome = self._welcome_page()
        self.stack.addWidget(self.welcome)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.idle = QTimer(self, singleShot=True, interval=idle_ms)
        self.idle.timeout.connect(self.reset)
        self.handover_poll = QTimer(self, interval=handover_poll_ms)
        self.handover_poll.timeout.connect(self.check_handover)
        self.handover_poll.start()
        # A separate watcher, not this window: the application would otherwise call a
        # half-destroyed window's Python filter while Qt takes it apart.
        self._touches = _TouchWatch(self._touched)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._touches)

    # ---- the welcome page ----------------------------------------------------------------

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        # The page, not English, takes the focus at start: a frame on one language would look
        # like a choice already made. Tab still reaches every button.
        page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(60, 40, 60, 24)
        layout.addStretch(1)
        # The desk's handover: the one patient it was handed to, by first name and initial,
        # with a button per language (the language buttons below mean "identify me").
        self.ready_box = QWidget()
        ready_row = QHBoxLayout(self.ready_box)
        ready_row.setContentsMargins(0, 0, 0, 24)
        self.ready_buttons: dict[str, QPushButton] = {}
        for code, _name, _greeting in language.CHOICES:
            button = big_button("", "kioskPrimary" if code == language.ENGLISH else "kioskButton")
            button.setMinimumHeight(96)
            button.clicked.connect(lambda _checked=False, code=code: self.start_handover(code))
            self.ready_buttons[code] = button
            ready_row.addWidget(button, 1 if code == language.ENGLISH else 0)
        self.ready_box.hide()
        layout.addWidget(self.ready_box)
        self.language_buttons: dict[str, QWidget] = {}
        for _code, _name, greeting in language.CHOICES:
            layout.addWidget(heading(greeting, "kioskText"))
        row = QHBoxLayout()
        for code, name, _greeting in language.CHOICES:
            button = big_button(name, "kioskPrimary")
            button.setMinimumSize(280, 96)
            button.clicked.connect(lambda _checked=False, code=code: self.start(code))
            self.language_buttons[code] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        staff_row = QHBoxLayout()
        staff_row.addStretch(1)
        self.staff_button = big_button(translate("KioskWindow", "Staff"), "kioskStaff")
        self.staff_button.setMinimumWidth(120)
        self.staff_button.clicked.connect(self.leave)
        staff_row.addWidget(self.staff_button)
        layout.addLayout(staff_row)
        return page

    # ---- a patient ------------------------------------------------------------------------

    def check_handover(self) -> None:
        """Ask (off the GUI thread) whether the desk handed the tablet to a patient."""
        if self.session is not None or self._asking:
            return
        self._asking = True

        def work(database: Database, actor: Actor) -> self_intake.Handover | None:
            return self_intake.ready_for_tablet(database, actor, location_id=self.location_id)

        def failed(_error: BaseException) -> None:
            self._asking = False  # asked again on the next tick

        self.context.run(work, self._show_handover, failed, owner=self)

    def _show_handover(self, handover: self_intake.Handover | None) -> None:
        self._asking = False
        if self.session is not None:
            return
        changed = handover != self.handover
        self.handover = handover
        if handover is not None:
            for code, name, _greeting in language.CHOICES:
                text = (
                    translate("KioskWindow", "Ready for: {name} — tap to start").format(
                        name=handover.label
                    )
                    if code == language.ENGLISH
                    else f"{handover.label} — {name}"  # the language in its own words
                )
                self.ready_buttons[code].setText(text)
                self.ready_buttons[code].setAccessibleName(text)
        self.ready_box.setVisible(handover is not None)
        if changed:
            self.handover_did_change.emit()

    def start_handover(self, code: str = language.ENGLISH) -> KioskSession | None:
        """The patient the desk chose taps their name (in their language): no identification."""
        if self.handover is None:
            return None
        return self.start(code, handover=True)

    def start(self, code: str, *, handover: bool = False) -> KioskSession:
        """A patient starts in `code`: identifying themselves, or (`handover`) as the patient
        the desk handed the tablet to. The language buttons never take the handover: a
        passer-by who taps one must identify."""
        language.use(code)
        chosen = self.handover if handover else None
        if handover:
            self.handover = None
            self.ready_box.hide()
        session = KioskSession(
            self.context, self.journal, code, location_id=self.location_id, today=self.today(),
            keeper_parent=self, parent=self.stack, handover=chosen,
        )  # fmt: skip
        self.keepers.append(session.keeper)
        session.did_finish.connect(self.reset)
        self.session = session
        self.stack.addWidget(session)
        self.stack.setCurrentWidget(session)
        self.idle.start()
        self.session_did_start.emit(session)
        return session

    def reset(self) -> None:
        """Back to the welcome page; the patient's widgets are destroyed (their answers go on
        to the database through the keeper)."""
        self.idle.stop()
        session, self.session = self.session, None
        if session is not None:
            self._let_go(session.keeper)
            self.stack.removeWidget(session)
            session.hide()
            session.deleteLater()
        language.use(language.ENGLISH)
        self.stack.setCurrentWidget(self.welcome)
        self.did_reset.emit()
        self.check_handover()

    def _let_go(self, keeper: DraftKeeper) -> None:
        keeper.flush()
        if not keeper.unsent:
            self._drop(keeper)
            return
        keeper.draft_did_save.connect(lambda _id, keeper=keeper: self._saved(keeper))
        if not keeper.pending:
            self._saved(keeper)

    def _saved(self, keeper: DraftKeeper) -> None:
        if self.session is not None and self.session.keeper is keeper:
            return  # still the patient's: kept going
        if not keeper.pending:
            keeper.forget()  # the database has it: the journal copy goes
            self._drop(keeper)

    def _drop(self, keeper: DraftKeeper) -> None:
        if keeper in self.keepers:
            self.keepers.remove(keeper)
        keeper.deleteLater()

    def send_journal(self) -> int:
        """Send drafts a power cut or a lost network left in this tablet's journal; how many."""
        if self.journal is None:
            return 0
        entries = self.journal.read_all()
        for entry in entries:
            keeper = DraftKeeper(self.context, self.journal, self,
                                 save_draft=self_intake.save_draft)  # fmt: skip
            state = DraftState(
                entry.answers, entry.checklist_id, entry.checklist_version, entry.patient_id,
                entry.step, self.today(), entry.language,
            )  # fmt: skip
            keeper.resume(entry.key, entry.intake_id, entry.version, state)
            self.keepers.append(keeper)
            keeper.draft_did_save.connect(lambda _id, keeper=keeper: self._saved(keeper))
            keeper.flush(force=True)
        return len(entries)

    # ---- no way out ---------------------------------------------------------------------

    def _touched(self) -> None:
        if self.session is not None:
            self.idle.start()  # a touch anywhere keeps the patient's page

    def stop_watching(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._touches)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # Esc and the like end nothing here

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._released:
            self.stop_watching()
            event.accept()
            return
        event.ignore()  # Alt+F4, the window manager's close: the kiosk stays

    def leave(self) -> None:
        """A staff member signs in to leave the kiosk."""
        actor = self.ask_staff_sign_in()
        if actor is None:
            return
        self._released = True
        self.reset()
        self.was_released.emit()
        self.close()

    def ask_staff_sign_in(self) -> Actor | None:
        """The sign-in dialog (tests replace this)."""
        from intake.ui.sign_in import STAFF_ROLES, SignInDialog

        return SignInDialog.ask(self, self.context.database, self.context.worker, roles=STAFF_ROLES)


class _TouchWatch(QObject):
    """Any touch, click or key anywhere in the program restarts the idle clock."""

    def __init__(self, touched: Callable[[], None]) -> None:
        super().__init__()
        self._touched = touched

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TOUCHES:
            try:
                self._touched()
            except RuntimeError:  # the window is gone
                return False
        return False
