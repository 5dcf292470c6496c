"""Signing in (and creating the first admin of a new practice), and changing one's password.

Hashing is slow on purpose, so every check runs on the worker; the dialog only waits.
`SignInDialog.ask(...)` and `ChangePasswordDialog.ask(...)` are what the program calls and
what tests replace.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.enums import Role
from intake.domain.errors import Invalid
from intake.ui.admin.forms import FieldErrors
from intake.ui.i18n import translate
from intake.ui.opening import Opening
from intake.ui.roles import role_name
from intake.ui.words import problems_of
from intake.ui.worker import Worker, failure_text

if TYPE_CHECKING:
    from intake.domain.accounts import DemoAccount
    from intake.services.actor import Actor
    from intake.services.database import Database
    from intake.ui.context import UiContext

# The services (and the database layer under them) are imported on the worker, inside the
# calls: this dialog is shown while the database is still opening (issue 25).


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


# Who may sign in where: a tablet account runs only the waiting-room kiosk (its database login
# cannot read patients), and only staff leave the kiosk or use the program's window.
STAFF_ROLES: tuple[Role, ...] = (Role.FRONT_DESK, Role.THERAPIST, Role.ADMIN)
TABLET_ROLES: tuple[Role, ...] = (Role.TABLET,)


def _wrong_role_text(roles: Collection[Role]) -> str:
    if Role.TABLET in roles:
        return translate(
            "SignIn",
            "The waiting-room tablet signs in with a tablet account. An admin makes one "
            "under Admin → Accounts (role: Waiting-room tablet).",
        )
    return translate(
        "SignIn",
        "A tablet account signs in only on the waiting-room tablet (intake kiosk). Sign in "
        "with your own staff account.",
    )


class SignInDialog(QDialog):
    """Asks who is working here. `actor` holds the answer once accepted."""

    did_sign_in = Signal(object)

    def __init__(
        self,
        database: Database | Opening,
        worker: Worker,
        *,
        workstation: str | None = None,
        first_admin: bool = False,
        demo_accounts: Sequence[DemoAccount] = (),
        message: str = "",
        username: str = "",
        roles: Collection[Role] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.roles = None if roles is None else tuple(roles)
        if self.roles is not None:
            demo_accounts = [d for d in demo_accounts if d.role in self.roles]
        self.setObjectName("signInDialog")
        self.database, self.worker, self.workstation = database, worker, workstation
        self.first_admin = first_admin
        self.actor: Actor | None = None
        self.setWindowTitle(
            translate("SignIn", "Create the first admin")
            if first_admin
            else translate("SignIn", "Sign in")
        )
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        title = QLabel(
            translate("SignIn", "Welcome to Clinic Intake")
            if first_admin
            else translate("SignIn", "Sign in to Clinic Intake")
        )
        title.setObjectName("signInTitle")
        layout.addWidget(title)
        if first_admin:
            intro = QLabel(
                translate(
                    "SignIn",
                    "This practice has no accounts yet. Create the first admin; that person "
                    "then adds everyone else under Admin → Accounts.",
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.general = QLabel(message)
        self.general.setObjectName("signInMessage")
        self.general.setWordWrap(True)
        self.general.setAccessibleName(translate("SignIn", "Sign-in message"))
        self.fields = FieldErrors(form, self.general)
        self.username = self.fields.add(
            "username", translate("SignIn", "User name"), QLineEdit(username)
        )
        self.display_name = QLineEdit()
        if first_admin:
            self.fields.add("display_name", translate("SignIn", "Your name"), self.display_name)
        self.password = self.fields.add(
            "password", translate("SignIn", "Password"), _password_field()
        )
        self.repeat = _password_field()
        if first_admin:
            self.fields.add("repeat", translate("SignIn", "Repeat password"), self.repeat)
        layout.addLayout(form)
        layout.addWidget(self.general)
        if demo_accounts and not first_admin:
            layout.addWidget(self._demo_panel(demo_accounts))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton(translate("SignIn", "Quit"))
        self.quit_button.clicked.connect(self.reject)
        self.submit_button = QPushButton(
            translate("SignIn", "Create and sign in")
            if first_admin
            else translate("SignIn", "Sign in")
        )
        self.submit_button.setObjectName("primaryButton")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        (self.password if username else self.username).setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, database: Database, worker: Worker, **options: Any) -> (
        Actor | None
    ):  # fmt: skip
        """Show the dialog until someone signs in (an Actor) or quits (None)."""
        dialog = cls(database, worker, parent=parent, **options)
        dialog.exec()
        return dialog.actor

    def _demo_panel(self, demo: Sequence[DemoAccount]) -> QWidget:
        panel = QWidget()
        panel.setObjectName("demoAccounts")
        column = QVBoxLayout(panel)
        note = QLabel(
            translate(
                "SignIn",
                "Demo practice: every account's password is “{password}”. "
                "Pick one to fill in the form.",
            ).format(password=demo[0].password)
        )
        note.setWordWrap(True)
        column.addWidget(note)
        row = QHBoxLayout()
        for account in demo:
            button = QPushButton(f"{account.username} ({role_name(account.role)})")
            button.setAccessibleName(
                translate("SignIn", "Use the demo account {name}").format(name=account.username)
            )
            button.clicked.connect(lambda _=False, a=account: self._use_demo(a))
            row.addWidget(button)
        column.addLayout(row)
        return panel

    def _use_demo(self, account: DemoAccount) -> None:
        self.username.setText(account.username)
        self.password.setText(account.password)
        self.submit_button.setFocus()

    def submit(self) -> None:
        name = self.username.text()
        password = self.password.text()
        self.fields.clear()
        if not self.first_admin and (not name.strip() or not password):
            self.fields.message(translate("SignIn", "Enter your user name and password."))
            return
        if self.first_admin and password != self.repeat.text():
            self.fields.show({"repeat": translate("SignIn", "The two passwords differ.")})
            return
        self._busy(True)
        station = self.workstation
        database, first_admin, display = self.database, self.first_admin, self.display_name.text()

        def work() -> Actor:
            from intake.services import accounts

            # Typed before the database was open: the check waits for it here, on the worker.
            db = database.wait() if isinstance(database, Opening) else database
            if first_admin:
                return accounts.create_first_admin(db, name, display, password, workstation=station)
            return accounts.sign_in(db, name, password, workstation=station)

        self.worker.submit(work, self._done, self._failed)

    def _busy(self, busy: bool) -> None:
        self.submit_button.setEnabled(not busy)
        if busy and isinstance(self.database, Opening) and not self.database.ended:
            self.general.setText(translate("SignIn", "Checking once the database is open…"))
        elif busy:
            self.general.setText(translate("SignIn", "Checking…"))

    def _done(self, result: Actor) -> None:
        self._busy(False)
        if self.roles is not None and result.role not in self.roles:
            # Signed in (the password was right) but not for this window: the account may
            # not be used here. The next sign-in replaces this one.
            self.general.setText(_wrong_role_text(self.roles))
            self.adjustSize()
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = result
        self.did_sign_in.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, Invalid):  # a new admin's name or password: next to the field
            self.fields.show(problems_of(error))
            return
        self.general.setText(failure_text(error))
        self.adjustSize()  # room for the whole sentence, the fields keep their height
        self.password.clear()
        self.password.setFocus()


class ChangePasswordDialog(QDialog):
    """The signed-in person changes their own password."""

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, *, forced: bool = False
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.changed = False
        self.setWindowTitle(
            translate("SignIn", "Choose your own password")
            if forced
            else translate("SignIn", "Change your password")
        )
        layout = QVBoxLayout(self)
        if forced:  # a one-time password from an admin, or from the upgrade to logins
            note = QLabel(
                translate(
                    "SignIn",
                    "You signed in with a one-time password. Choose your own to go on: type "
                    "the one-time password as the current one.",
                )
            )
            note.setWordWrap(True)
            note.setObjectName("forcedPasswordNote")
            layout.addWidget(note)
        form = QFormLayout()
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setAccessibleName(translate("SignIn", "Password change message"))
        self.fields = FieldErrors(form, self.general)
        self.current = self.fields.add(
            "current_password", translate("SignIn", "Current password"), _password_field()
        )
        self.new = self.fields.add(
            "new_password", translate("SignIn", "New password"), _password_field()
        )
        self.repeat = self.fields.add(
            "repeat", translate("SignIn", "Repeat new password"), _password_field()
        )
        layout.addLayout(form)
        layout.addWidget(self.general)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = QPushButton(translate("SignIn", "Cancel"))
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(translate("SignIn", "Change password"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    @classmethod
    def ask(cls, parent: QWidget | None, context: UiContext, *, forced: bool = False) -> bool:
        dialog = cls(context, parent, forced=forced)
        dialog.exec()
        return dialog.changed

    def submit(self) -> None:
        current, new = self.current.text(), self.new.text()
        if new != self.repeat.text():
            self._problems({"repeat": translate("SignIn", "The two new passwords differ.")})
            return
        self.fields.clear()
        self.save_button.setEnabled(False)

        def work(db: Database, actor: Actor) -> None:
            from intake.services import accounts

            accounts.change_password(db, actor, current, new)

        self.context.run(work, self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.save_button.setEnabled(True)
        self.changed = True
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, Invalid):
            self._problems(problems_of(error))
            return
        self.general.setText(failure_text(error))
        self.adjustSize()

    def _problems(self, problems: dict[str, str]) -> None:
        self.fields.show(problems)
        self.adjustSize()  # grow for the message under the field instead of drawing over it


__all__ = ["ChangePasswordDialog", "SignInDialog"]
