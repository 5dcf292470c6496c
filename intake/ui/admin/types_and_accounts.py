"""Appointment types, and staff accounts (create, change role, switch off, reset, unlock)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from intake.domain import practice as p
from intake.domain import type_colors
from intake.domain.accounts import AccountInfo
from intake.domain.enums import Role
from intake.services import accounts, practice_admin
from intake.ui import when
from intake.ui.admin.base import AdminTab
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.roles import role_name


def _spin(low: int, high: int, step: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setValue(value)
    box.setSuffix(" min")
    return box


class ColorField(QWidget):
    """A type's colour: a swatch, the '#rrggbb' text, Choose… (the colour dialog) and
    Default (the palette's). A malformed text is said next to the field as it is typed."""

    def __init__(self) -> None:
        super().__init__()
        self.swatch = QLabel()
        self.swatch.setObjectName("colorSwatch")
        self.swatch.setFixedSize(64, 26)
        self.swatch.setAccessibleName(translate("ColorField", "Colour sample"))
        self.text = QLineEdit()
        self.text.setAccessibleName(
            translate("ColorField", "Colour (# and six hex digits, empty for the default)")
        )
        self.text.setPlaceholderText(translate("ColorField", "Default"))
        self.text.setMaxLength(7)
        self.text.setFixedWidth(90)
        self.choose = QPushButton(translate("ColorField", "Choose colour…"))
        self.default = QPushButton(translate("ColorField", "Default"))
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setAccessibleName(translate("ColorField", "Problem with colour"))
        self.problem.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.swatch, self.text, self.choose, self.default):
            row.addWidget(widget)
        row.addWidget(self.problem)
        row.addStretch(1)
        self.code = ""
        self.dialog: QColorDialog | None = None
        self.text.textChanged.connect(lambda _t: self._show())
        self.choose.clicked.connect(self.open_dialog)
        self.default.clicked.connect(lambda: self.set_value(type_colors.DEFAULT))
        self._show()

    def value(self) -> str:
        return type_colors.normalise(self.text.text())

    def set_value(self, color: str, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        self.text.setText(color)
        self._show()  # the same text for another type changes no text, but the swatch

    def open_dialog(self) -> None:
        shown = type_colors.shown_color(self.code, self.value())
        dialog = QColorDialog(QColor(shown), self)
        dialog.setWindowTitle(translate("ColorField", "Colour of the appointment type"))
        dialog.colorSelected.connect(lambda c: self.set_value(c.name().lower()))
        self.dialog = dialog
        dialog.open()

    def _show(self) -> None:
        problem = type_colors.check_color(self.text.text()).get("color", "")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        value = self.value()
        if problem:
            self.swatch.setStyleSheet("background: #ffffff; border: 1px dashed #ab091e;")
            self.swatch.setText("?")
            return
        shown = type_colors.shown_color(self.code or "?", value)
        self.swatch.setStyleSheet(
            f"background: {shown}; color: {type_colors.text_color_for(shown)};"
            " border: 1px solid #52606d; qproperty-alignment: AlignCenter;"
        )
        self.swatch.setText(self.code[:6] if self.code else "")
        self.swatch.setToolTip(
            translate("ColorField", "Default colour") if value == type_colors.DEFAULT else value
        )


class AppointmentTypesTab(AdminTab):
    def __init__(self, context: UiContext) -> None:
        super().__init__(context, translate("AppointmentTypesTab", "Appointment types"))
        self.new_button.setText(translate("AppointmentTypesTab", "New appointment type"))
        self.editing: p.AppointmentTypeInfo | None = None
        _, self.fields = self.section(translate("AppointmentTypesTab", "Appointment type"))
        self.code = self.fields.add("code", translate("AppointmentTypesTab", "Code"), QLineEdit())
        self.name = self.fields.add("name", translate("AppointmentTypesTab", "Name"), QLineEdit())
        self.minutes = self.fields.add(
            "minutes", translate("AppointmentTypesTab", "Length"), _spin(0, 600, 5, 60)
        )
        self.buffer = self.fields.add(
            "buffer_minutes", translate("AppointmentTypesTab", "Buffer after"), _spin(0, 240, 5, 0)
        )
        self.screening = self.fields.add(
            "requires_screening",
            translate("AppointmentTypesTab", "Screening"),
            QCheckBox(translate("AppointmentTypesTab", "Booked only from a screened intake")),
        )
        self.active = self.fields.add(
            "active",
            translate("AppointmentTypesTab", "In use"),
            QCheckBox(translate("AppointmentTypesTab", "Offered for booking")),
        )
        self.color = self.fields.add(
            "color", translate("AppointmentTypesTab", "Colour"), ColorField()
        )
        self.save_button = QPushButton(translate("AppointmentTypesTab", "Save appointment type"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.buttons(self.save_button)
        self.detail_layout.addStretch(1)

    def load(self, keep: object = None) -> None:
        self.call(
            lambda db, actor: practice_admin.list_appointment_types(
                db, actor, include_inactive=True
            ),
            lambda rows: self._loaded(rows, keep),
            saving=translate("AppointmentTypesTab", "Loading…"),
        )

    def _loaded(self, rows: list[p.AppointmentTypeInfo], keep: object) -> None:
        entries = [
            (
                translate("AppointmentTypesTab", "{code} — {name} ({minutes} min)").format(
                    code=r.code, name=r.name, minutes=r.minutes
                )
                + (f", {r.color}" if r.color else "")
                + ("" if r.active else translate("AppointmentTypesTab", " (not offered)")),
                r,
            )
            for r in rows
        ]
        self.fill_list(entries, keep if keep is not None else self.editing)
        self.did_load.emit()

    def show_item(self, value: p.AppointmentTypeInfo) -> None:
        self.editing = value
        self.fields.clear()
        self.code.setText(value.code)
        self.code.setReadOnly(True)
        self.name.setText(value.name)
        self.minutes.setValue(value.minutes)
        self.buffer.setValue(value.buffer_minutes)
        self.screening.setChecked(value.requires_screening)
        self.screening.setEnabled(False)  # fixed once created (the services keep it)
        self.active.setChecked(value.active)
        self.active.setEnabled(True)
        self.color.set_value(value.color, value.code)

    def start_new(self) -> None:
        self.editing = None
        self.items.clearSelection()
        self.code.clear()
        self.code.setReadOnly(False)
        self.name.clear()
        self.minutes.setValue(60)
        self.buffer.setValue(0)
        self.screening.setEnabled(True)
        self.screening.setChecked(False)
        self.active.setChecked(True)
        self.active.setEnabled(False)
        self.color.set_value(type_colors.DEFAULT, "")
        self.code.setFocus()

    def save(self) -> None:
        code, name = self.code.text(), self.name.text()
        minutes, buffer = self.minutes.value(), self.buffer.value()
        screening, active, was = self.screening.isChecked(), self.active.isChecked(), self.editing
        color = self.color.value()
        if was is None:

            def work(db, actor):
                return practice_admin.create_appointment_type(
                    db, actor, code, name, minutes, buffer_minutes=buffer,
                    requires_screening=screening, color=color,
                )  # fmt: skip
        else:
            now = replace(
                was, name=name, minutes=minutes, buffer_minutes=buffer, active=active, color=color
            )

            def work(db, actor):
                return practice_admin.update_appointment_type(db, actor, was, now)

        self.call(work, self._saved, self.fields)

    def _saved(self, info: p.AppointmentTypeInfo) -> None:
        self.editing = info
        self.say(
            translate("AppointmentTypesTab", "Appointment type {code} saved.").format(
                code=info.code
            )
        )
        self.did_save.emit(info)
        self.load(keep=info)


class AccountsTab(AdminTab):
    def __init__(self, context: UiContext, *, now: dt.datetime | None = None) -> None:
        super().__init__(context, translate("AccountsTab", "Accounts"))
        self.now = now
        self.new_button.setText(translate("AccountsTab", "New account"))
        self.editing: AccountInfo | None = None
        _, self.fields = self.section(translate("AccountsTab", "Account"))
        self.username = self.fields.add(
            "username", translate("AccountsTab", "User name"), QLineEdit()
        )
        self.display_name = self.fields.add(
            "display_name", translate("AccountsTab", "Name"), QLineEdit()
        )
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_name(role), role)
        self.fields.add("role", translate("AccountsTab", "Role"), self.role)
        self.active = self.fields.add(
            "active",
            translate("AccountsTab", "Active"),
            QCheckBox(translate("AccountsTab", "May sign in")),
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields.add("password", translate("AccountsTab", "First password"), self.password)
        self.lock_state = self.fields.add("locked", translate("AccountsTab", "Lock"), QLineEdit())
        self.lock_state.setReadOnly(True)
        self.save_button = QPushButton(translate("AccountsTab", "Save account"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.buttons(self.save_button)
        _, self.reset_fields = self.section(translate("AccountsTab", "Password reset"))
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_fields.add(
            "password", translate("AccountsTab", "New password"), self.new_password
        )
        self.reset_button = QPushButton(translate("AccountsTab", "Reset password"))
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton(translate("AccountsTab", "Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        self.buttons(self.unlock_button, self.reset_button)
        self.detail_layout.addStretch(1)

    def load(self, keep: object = None) -> None:
        self.call(
            accounts.list_accounts,
            lambda rows: self._loaded(rows, keep),
            saving=translate("AccountsTab", "Loading…"),
        )

    def _loaded(self, rows: list[AccountInfo], keep: object) -> None:
        now = self.now or dt.datetime.now(dt.UTC)
        entries = []
        for r in rows:
            notes = ("" if r.active else translate("AccountsTab", " (switched off)")) + (
                translate("AccountsTab", " (locked)") if r.locked_at(now) else ""
            )
            entries.append((f"{r.username} — {r.display_name}, {role_name(r.role)}{notes}", r))
        self.fill_list(entries, keep if keep is not None else self.editing)
        self.did_load.emit()

    def show_item(self, value: AccountInfo) -> None:
        self.editing = value
        self.fields.clear()
        self.reset_fields.clear()
        self.username.setText(value.username)
        self.username.setReadOnly(True)
        self.display_name.setText(value.display_name)
        self.role.setCurrentIndex(self.role.findData(value.role))
        self.active.setChecked(value.active)
        self.active.setEnabled(True)
        self.password.clear()
        self.password.setEnabled(False)
        now = self.now or dt.datetime.now(dt.UTC)
        locked = value.locked_until is not None and value.locked_at(now)
        self.lock_state.setText(
            translate("AccountsTab", "Locked until {time}").format(
                time=when.clock(value.locked_until.astimezone(), localized=True)
            )
            if locked and value.locked_until
            else translate("AccountsTab", "Not locked")
        )
        for button in (self.reset_button, self.unlock_button):
            button.setEnabled(True)

    def start_new(self) -> None:
        self.editing = None
        self.items.clearSelection()
        for field in (self.username, self.display_name, self.password, self.lock_state):
            field.clear()
        self.username.setReadOnly(False)
        self.role.setCurrentIndex(0)
        self.active.setChecked(True)
        self.active.setEnabled(False)
        self.password.setEnabled(True)
        for button in (self.reset_button, self.unlock_button):
            button.setEnabled(False)
        self.username.setFocus()

    def save(self) -> None:
        username, name = self.username.text(), self.display_name.text()
        role, active, password = (
            self.role.currentData(),
            self.active.isChecked(),
            self.password.text(),
        )
        was = self.editing
        if was is None:

            def work(db, actor):
                return accounts.create_account(db, actor, username, name, role, password)
        else:

            def work(db, actor):
                return accounts.update_account(
                    db, actor, was.id, was.version, display_name=name, role=role, active=active
                )

        self.call(work, self._saved, self.fields)

    def _saved(self, info: AccountInfo) -> None:
        self.editing = info
        self.password.clear()
        self.new_password.clear()
        self.say(translate("AccountsTab", "Account {name} saved.").format(name=info.username))
        self.did_save.emit(info)
        self.load(keep=info)

    def reset_password(self) -> None:
        was, password = self.editing, self.new_password.text()
        if was is None:
            return
        self.call(
            lambda db, actor: accounts.reset_password(db, actor, was.id, was.version, password),
            self._saved,
            self.reset_fields,
        )

    def unlock(self) -> None:
        was = self.editing
        if was is None:
            return
        self.call(
            lambda db, actor: accounts.unlock_account(db, actor, was.id, was.version),
            self._saved,
            self.reset_fields,
        )
