"""Locations: their details, weekly opening hours and closures."""

from __future__ import annotations

import datetime as dt
from zoneinfo import available_timezones

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from intake.domain import practice as p
from intake.services import practice_admin
from intake.ui import when
from intake.ui.admin.base import (
    AdminTab,
    date_edit,
    set_time,
    time_edit,
    to_date,
    to_time,
)
from intake.ui.admin.forms import FieldErrors
from intake.ui.context import UiContext
from intake.ui.i18n import translate

CLOSURE_DAYS_SHOWN = 366


class LocationsTab(AdminTab):
    def __init__(self, context: UiContext, *, today: dt.date | None = None) -> None:
        super().__init__(context, translate("LocationsTab", "Locations"))
        self.today = today or dt.date.today()
        self.new_button.setText(translate("LocationsTab", "New location"))
        self.editing: p.LocationInfo | None = None
        _form, self.fields = self.section(translate("LocationsTab", "Location"))
        self.code = self.fields.add("code", translate("LocationsTab", "Code"), QLineEdit())
        self.name = self.fields.add("name", translate("LocationsTab", "Name"), QLineEdit())
        self.address = self.fields.add("address", translate("LocationsTab", "Address"), QLineEdit())
        self.phone = self.fields.add("phone", translate("LocationsTab", "Phone"), QLineEdit())
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(available_timezones()))
        self.fields.add("timezone", translate("LocationsTab", "Time zone"), self.timezone)
        self.active = self.fields.add(
            "active",
            translate("LocationsTab", "In use"),
            QCheckBox(translate("LocationsTab", "Open for booking")),
        )
        self.save_button = QPushButton(translate("LocationsTab", "Save location"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.buttons(self.save_button)
        self._build_hours()
        self._build_closures()
        self.detail_layout.addStretch(1)

    def _build_hours(self) -> None:
        _, self.hours_fields = self.section(translate("LocationsTab", "Opening hours (local time)"))
        grid = QGridLayout()
        self.day_open: list[QCheckBox] = []
        self.day_from, self.day_to = [], []
        for day in range(len(p.WEEKDAYS)):
            # The interface language's own day name (QLocale's: Monday is 1).
            name = QLocale().dayName(day + 1, QLocale.FormatType.LongFormat)
            box = QCheckBox(name)
            box.setAccessibleName(translate("LocationsTab", "Open on {day}").format(day=name))
            opens, closes = time_edit(dt.time(8)), time_edit(dt.time(17))
            opens.setAccessibleName(translate("LocationsTab", "{day} opens at").format(day=name))
            closes.setAccessibleName(translate("LocationsTab", "{day} closes at").format(day=name))
            error = FieldErrors.error_line(name)
            grid.addWidget(box, day * 2, 0)
            grid.addWidget(opens, day * 2, 1)
            grid.addWidget(QLabel(translate("LocationsTab", "to")), day * 2, 2)
            grid.addWidget(closes, day * 2, 3)
            grid.addWidget(error, day * 2 + 1, 0, 1, 4)
            self.hours_fields.watch(f"hours.{day}", error, closes)
            box.toggled.connect(lambda on, d=day: self._day_toggled(d, bool(on)))
            self.day_open.append(box)
            self.day_from.append(opens)
            self.day_to.append(closes)
        grid.setColumnStretch(4, 1)
        self.detail_layout.addLayout(grid)
        self.hours_button = QPushButton(translate("LocationsTab", "Save opening hours"))
        self.hours_button.clicked.connect(self.save_hours)
        self.buttons(self.hours_button)

    def _day_toggled(self, day: int, on: bool) -> None:
        self.day_from[day].setEnabled(on)
        self.day_to[day].setEnabled(on)

    def _build_closures(self) -> None:
        form, self.closure_fields = self.section(translate("LocationsTab", "Closures (holidays)"))
        self.closures = QListWidget()
        self.closures.setAccessibleName(translate("LocationsTab", "Closures of this location"))
        self.closures.setMaximumHeight(120)
        form.addRow(self.closures)
        self.first_day = self.closure_fields.add(
            "first_day", translate("LocationsTab", "First day"), date_edit(self.today)
        )
        self.last_day = self.closure_fields.add(
            "last_day", translate("LocationsTab", "Last day"), date_edit(self.today)
        )
        self.reason = self.closure_fields.add(
            "reason", translate("LocationsTab", "Reason"), QLineEdit()
        )
        self.add_closure_button = QPushButton(translate("LocationsTab", "Add closure"))
        self.add_closure_button.clicked.connect(self.add_closure)
        self.remove_closure_button = QPushButton(translate("LocationsTab", "Remove closure"))
        self.remove_closure_button.clicked.connect(self.remove_closure)
        self.buttons(self.remove_closure_button, self.add_closure_button)

    # --- loading and showing ----------------------------------------------------------------

    def load(self, keep: object = None) -> None:
        self.call(
            lambda db, actor: practice_admin.list_locations(db, actor, include_inactive=True),
            lambda rows: self._loaded(rows, keep),
            saving=translate("LocationsTab", "Loading…"),
        )

    def _loaded(self, rows: list[p.LocationInfo], keep: object) -> None:
        entries = [
            (
                f"{r.code} — {r.name}"
                + ("" if r.active else translate("LocationsTab", " (not in use)")),
                r,
            )
            for r in rows
        ]
        self.fill_list(entries, keep if keep is not None else self.editing)
        self.did_load.emit()

    def show_item(self, value: p.LocationInfo) -> None:
        self.editing = value
        for fields in (self.fields, self.hours_fields, self.closure_fields):
            fields.clear()
        self.code.setText(value.code)
        self.code.setReadOnly(True)
        self.name.setText(value.name)
        self.address.setText(value.address)
        self.phone.setText(value.phone)
        self.timezone.setCurrentText(value.timezone)
        self.active.setChecked(value.active)
        for day in range(7):
            hours = value.hours_on(day)
            self.day_open[day].setChecked(hours is not None)
            self._day_toggled(day, hours is not None)
            if hours is not None:
                set_time(self.day_from[day], hours.opens)
                set_time(self.day_to[day], hours.closes)
        self._set_enabled(True)
        self.load_closures()

    def start_new(self) -> None:
        self.editing = None
        self.items.clearSelection()
        for widget in (self.code, self.name, self.address, self.phone):
            widget.clear()
        self.code.setReadOnly(False)
        self.timezone.setCurrentText("America/New_York")
        self.active.setChecked(True)
        self.closures.clear()
        self._set_enabled(False)
        self.code.setFocus()

    def _set_enabled(self, existing: bool) -> None:
        for widget in (self.hours_button, self.add_closure_button, self.remove_closure_button):
            widget.setEnabled(existing)

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        code, name = self.code.text(), self.name.text()
        address, phone = self.address.text(), self.phone.text()
        zone, active = self.timezone.currentText().strip(), self.active.isChecked()
        was = self.editing
        if was is None:

            def work(db, actor):
                return practice_admin.create_location(
                    db, actor, code, name, zone, address=address, phone=phone
                )
        else:

            def work(db, actor):
                return practice_admin.update_location(
                    db, actor, was.code, was.version, name=name, address=address,
                    phone=phone, timezone=zone, active=active,
                )  # fmt: skip

        self.call(work, self._saved, self.fields)

    def _saved(self, info: p.LocationInfo) -> None:
        self.editing = info
        self.say(translate("LocationsTab", "Location {code} saved.").format(code=info.code))
        self.did_save.emit(info)
        self.load(keep=info)

    def save_hours(self) -> None:
        was = self.editing
        if was is None:
            return
        week = {
            day: p.DayHours(to_time(self.day_from[day]), to_time(self.day_to[day]))
            for day in range(7)
            if self.day_open[day].isChecked()
        }
        self.call(
            lambda db, actor: practice_admin.set_opening_hours(
                db, actor, was.code, was.version, week
            ),
            self._saved,
            self.hours_fields,
        )

    def load_closures(self) -> None:
        was = self.editing
        if was is None:
            return
        start = self.today - dt.timedelta(days=31)
        end = self.today + dt.timedelta(days=CLOSURE_DAYS_SHOWN)
        self.call(
            lambda db, actor: practice_admin.list_closures(
                db, actor, start, end, location_code=was.code
            ),
            self._closures_loaded,
            saving=translate("LocationsTab", "Loading…"),
        )

    def _closures_loaded(self, rows: list[p.ClosureInfo]) -> None:
        self.closures.clear()
        for row in rows:
            days = when.date(row.first_day, localized=True)
            if row.last_day != row.first_day:
                days = translate("LocationsTab", "{first} to {last}").format(
                    first=days, last=when.date(row.last_day, localized=True)
                )
            item = QListWidgetItem(f"{days}  {row.reason}".strip())
            item.setData(256, row.id)
            self.closures.addItem(item)

    def add_closure(self) -> None:
        was = self.editing
        if was is None:
            return
        first, last, reason = to_date(self.first_day), to_date(self.last_day), self.reason.text()
        self.call(
            lambda db, actor: practice_admin.add_closure(
                db, actor, was.code, first, last, reason=reason
            ),
            self._closure_changed,
            self.closure_fields,
        )

    def remove_closure(self) -> None:
        item = self.closures.currentItem()
        if item is None:
            self.closure_fields.message(
                translate("LocationsTab", "Choose the closure to remove first.")
            )
            return
        closure_id = int(item.data(256))
        self.call(
            lambda db, actor: practice_admin.remove_closure(db, actor, closure_id),
            self._closure_changed,
            self.closure_fields,
        )

    def _closure_changed(self, _result: object) -> None:
        self.reason.clear()
        self.say(translate("LocationsTab", "Closures saved."))
        self.did_save.emit(_result)
        self.load_closures()
