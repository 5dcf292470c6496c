"""The idle lock: after a quiet spell the window hides its content and asks for the password.

`IdleWatcher` counts keyboard and mouse input through an event filter on the application;
`LockScreen` covers the whole window (the screens underneath stay as they were, so unsaved
work is kept, but they are hidden); `IdleLock` ties both to sign-in. From the lock screen
another person can sign in instead ("Switch user"). A periodic check also locks the window
when the signed-in account was switched off or its role changed meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.accounts import SignInRefused, SignInRequired, UnlockRefused
from intake.domain.errors import KnownError
from intake.services import accounts
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.i18n import translate
from intake.ui.roles import role_name
from intake.ui.words import error_text
from intake.ui.worker import Worker, in_words

DEFAULT_IDLE_MINUTES = 5
CHECK_INTERVAL_MS = 5_000
ACCOUNT_CHECK_MS = 60_000
# Keys that arrive this soon after the lock screen appears were meant for the screen it
# covers (someone typing as it locked): they never reach the password field.
TYPED_AHEAD_SECONDS = 1.0
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
Clock = Callable[[], float]


class IdleWatcher(QObject):
    """Says when nobody has typed or moved the mouse for `minutes` (clock: seconds)."""

    idle_did_expire = Signal()

    def __init__(
        self,
        minutes: float = DEFAULT_IDLE_MINUTES,
        *,
        clock: Clock = time.monotonic,
        interval_ms: int = CHECK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.limit = max(0.1, float(minutes)) * 60
        self.clock = clock
        self.input_count = 0
        self._last = clock()
        self._expired = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        self.reset()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def reset(self) -> None:
        self._last = self.clock()
        self._expired = False

    def idle_seconds(self) -> float:
        return self.clock() - self._last

    def check(self) -> bool:
        """Emit idle_did_expire once when the limit has passed; True if idle."""
        idle = self.idle_seconds() >= self.limit
        if idle and not self._expired:
            self._expired = True
            self.idle_did_expire.emit()
        return idle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.input_count += 1
            if not self._expired:
                self._last = self.clock()
        return False


class LockScreen(QFrame):
    """Covers the window: who is signed in, a password field, and Switch user."""

    unlock_wanted = Signal(str, str)  # user name, password

    def __init__(self, parent: QWidget, *, clock: Clock = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._shown_at = clock()
        self._checking = False
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setMaximumWidth(460)
        column = QVBoxLayout(card)
        self.title = QLabel(translate("IdleLock", "Clinic Intake is locked"))
        self.title.setObjectName("lockTitle")
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setObjectName("lockWho")
        column.addWidget(self.title)
        # A tablet's red flag must reach a locked desk too: said without any name (the screen
        # is locked because nobody may be looking), until someone signs in and acknowledges.
        self.alert_notice = QLabel()
        self.alert_notice.setObjectName("lockAlert")
        self.alert_notice.setWordWrap(True)
        self.alert_notice.setAccessibleName(translate("IdleLock", "Tablet alert"))
        self.alert_notice.hide()
        column.addWidget(self.alert_notice)
        column.addWidget(self.who)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setAccessibleName(translate("IdleLock", "User name"))
        self.username_label = QLabel(translate("IdleLock", "User name"))
        form.addRow(self.username_label, self.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("IdleLock", "Password"))
        form.addRow(translate("IdleLock", "Password"), self.password)
        for field in (self.username, self.password):
            field.installEventFilter(self)
        column.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("IdleLock", "Lock screen message"))
        column.addWidget(self.message)
        row = QHBoxLayout()
        self.switch_button = QPushButton(translate("IdleLock", "Switch user"))
        self.switch_button.setAccessibleName(translate("IdleLock", "Sign in as someone else"))
        self.switch_button.clicked.connect(lambda: self.show_switch(True))
        self.unlock_button = QPushButton(translate("IdleLock", "Unlock"))
        self.unlock_button.setObjectName("primaryButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        row.addWidget(self.switch_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        column.addLayout(row)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.switching = False
        self.hide()

    def show_alerts(self, open_alerts: int) -> None:
        """How many tablet alerts wait at the desk (no patient named here)."""
        self.alert_notice.setText(
            translate(
                "IdleLock",
                "⚠ A patient at the waiting-room tablet needs the front desk now. Sign in to "
                "see who.",
            )
        )
        self.alert_notice.setVisible(open_alerts > 0)

    def present(self, actor: Actor, display: str, message: str = "") -> None:
        self._username = actor.username
        self.who.setText(
            translate(
                "IdleLock",
                "Signed in as {name} ({role}). Enter your password to go on; your unsaved work "
                "is kept. Someone else can sign in with Switch user.",
            ).format(name=display or actor.username, role=role_name(actor.role))
        )
        self.message.setText(message)
        self.show_switch(False)
        self.busy(False)
        self._shown_at = self._clock()
        parent = self.parentWidget()
        assert parent is not None  # made over the main window
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.password.setFocus()

    def show_switch(self, switching: bool) -> None:
        self.switching = switching
        self.username.setVisible(switching)
        self.username_label.setVisible(switching)
        self.switch_button.setVisible(not switching)
        self.unlock_button.setText(
            translate("IdleLock", "Sign in") if switching else translate("IdleLock", "Unlock")
        )
        self.username.clear()  # the last person's name is never typed onto
        self.password.clear()
        (self.username if switching else self.password).setFocus()

    def busy(self, busy: bool) -> None:
        self._checking = busy
        self.unlock_button.setEnabled(not busy)
        if busy:
            self.message.setText(translate("IdleLock", "Checking…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Held-down keys, keys typed as the screen appeared and Enter while a password is
        being checked never reach the fields: none of them may count as a wrong try."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            early = self._clock() - self._shown_at < TYPED_AHEAD_SECONDS
            if event.isAutoRepeat() or early or (self._checking and event.key() in _ENTER):
                return True
        return super().eventFilter(watched, event)

    def refused(self, message: str) -> None:
        self.busy(False)
        self.message.setText(message)
        self.password.clear()
        self.password.setFocus()

    def _submit(self) -> None:
        if self._checking:
            return  # one check at a time: a second Enter is not a second try
        name = self.username.text() if self.switching else self._username
        if not self.password.text():
            return  # Enter on an empty field: nothing to check, nothing counted
        if not name.strip():
            self.message.setText(translate("IdleLock", "Enter the user name and password."))
            self.username.setFocus()
            return
        self.busy(True)
        self.unlock_wanted.emit(name, self.password.text())


class IdleLock(QObject):
    """Locks `window` when idle (or when told to) and unlocks it for a signed-in person."""

    did_lock = Signal()
    did_unlock = Signal(object)  # the same person's Actor (their role may have changed)
    user_did_switch = Signal(object)  # another person's Actor

    def __init__(
        self,
        window: QMainWindow,
        database: Database,
        worker: Worker,
        actor: Actor,
        *,
        idle_minutes: float = DEFAULT_IDLE_MINUTES,
        clock: Clock = time.monotonic,
        display_name: str = "",
        account_check_ms: int = ACCOUNT_CHECK_MS,
    ) -> None:
        super().__init__(window)
        self.window, self.database, self.worker = window, database, worker
        self.actor, self.display_name = actor, display_name
        self.watcher = IdleWatcher(idle_minutes, clock=clock, parent=self)
        self.watcher.idle_did_expire.connect(self.lock)
        self.screen = LockScreen(window, clock=clock)
        self.screen.unlock_wanted.connect(self._unlock)
        window.installEventFilter(self)
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None
        self._title = ""
        self._account_timer = QTimer(self)
        self._account_timer.setInterval(account_check_ms)
        self._account_timer.timeout.connect(self.check_account)

    @property
    def is_locked(self) -> bool:
        return self.screen.isVisible()

    def start(self) -> None:
        self.watcher.start()
        self._account_timer.start()

    def stop(self) -> None:
        self.watcher.stop()
        self._account_timer.stop()

    def set_actor(self, actor: Actor, display_name: str = "") -> None:
        self.actor, self.display_name = actor, display_name

    def lock(self, message: str = "") -> None:
        if self.is_locked:
            if message:
                self.screen.message.setText(message)
            return
        self._focus = self.window.focusWidget()
        self._title = self.window.windowTitle()
        self._hidden = [
            w for w in (self.window.centralWidget(), self.window.menuBar()) if w and w.isVisible()
        ]
        for widget in self._hidden:
            widget.hide()  # hidden, not destroyed: what was typed stays
        self.window.statusBar().clearMessage()
        self.window.setWindowTitle(translate("IdleLock", "Clinic Intake — locked"))
        self.screen.present(self.actor, self.display_name, message)
        self.did_lock.emit()

    def unlock(self) -> None:
        self.screen.hide()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.window.setWindowTitle(self._title or translate("MainWindow", "Clinic Intake"))
        if self._focus is not None:
            self._focus.setFocus()
        self.watcher.reset()

    def check_account(self) -> None:
        """Lock with a message if the account was switched off or its role changed."""
        if self.is_locked:
            return
        actor, database = self.actor, self.database
        self.worker.submit(
            lambda: accounts.verify_actor(database, actor), _still_allowed, self._account_failed
        )

    def _account_failed(self, error: BaseException) -> None:
        # Only a changed account locks; a failed check (say, the network) locks nobody out.
        if isinstance(error, SignInRequired):
            self.lock(error_text(error))

    def _unlock(self, username: str, password: str) -> None:
        database, actor, station = self.database, self.actor, self.actor.workstation
        switching = self.screen.switching

        def work() -> Actor:
            try:
                return accounts.sign_in(database, username, password, workstation=station)
            except SignInRefused:
                if switching:  # a name typed here: the sign-in's one sentence
                    raise
                try:
                    until = accounts.locked_until(database, actor)
                except KnownError:  # cannot be read now (a locked login): no time to say
                    until = None
                raise UnlockRefused(None if until is None else until.astimezone()) from None

        self.worker.submit(work, self._signed_in, in_words(self.screen.refused))

    def _signed_in(self, actor: Actor) -> None:
        same = actor.user_id == self.actor.user_id
        self.actor = actor
        self.unlock()
        (self.did_unlock if same else self.user_did_switch).emit(actor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize and self.is_locked:
            self.screen.setGeometry(self.window.rect())
        return False


def _still_allowed(_actor: Actor) -> None:
    """The account is as it was: nothing to do."""


__all__ = ["IdleLock", "IdleWatcher", "LockScreen"]
