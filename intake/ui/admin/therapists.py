"""Therapists: their details and locations, weekly templates per location, and time off."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from intake.domain import practice as p
from intake.services import practice_admin, staffing
from intake.ui import when
from intake.ui.admin.base import AdminTab, date_edit, time_edit, to_date, to_time
from intake.ui.context import UiContext
from intake.ui.i18n import translate

TIME_OFF_DAYS_SHOWN = 366
ROLE = Qt.ItemDataRole.UserRole


def _datetime_edit(value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(value.timestamp())))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


def _aware(edit: QDateTimeEdit) -> dt.datetime:
    """The typed local time of this PC as an aware instant."""
    return dt.datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), dt.UTC)


class TherapistsTab(AdminTab):
    def __init__(self, context: UiContext, *, today: dt.date | None = None) -> None:
        super().__init__(context, translate("TherapistsTab", "Therapists"))
        self.today = today or dt.date.today()
        self.new_button.setText(translate("TherapistsTab", "New therapist"))
        self.editing: p.TherapistInfo | None = None
        self.location_codes: list[str] = []
        _, self.fields = self.section(translate("TherapistsTab", "Therapist"))
        self.name = self.fields.add("display_name", translate("TherapistsTab", "Name"), QLineEdit())
        self.credentials = self.fields.add(
            "credentials", translate("TherapistsTab", "Credentials"), QLineEdit()
        )
        self.active = self.fields.add(
            "active",
            translate("TherapistsTab", "On the schedule"),
            QCheckBox(translate("TherapistsTab", "Active")),
        )
        self.locations = QListWidget()
        self.locations.setMaximumHeight(110)
        self.fields.add("locations", translate("TherapistsTab", "Works at"), self.locations)
        self.save_button = QPushButton(translate("TherapistsTab", "Save therapist"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.buttons(self.save_button)
        self._build_templates()
        self._build_time_off()
        self.detail_layout.addStretch(1)

    def _build_templates(self) -> None:
        form, self.template_fields = self.section(
            translate("TherapistsTab", "Weekly hours (location's local time)")
        )
        self.templates = QListWidget()
        self.templates.setAccessibleName(
            translate("TherapistsTab", "Weekly hours of this therapist")
        )
        self.templates.setMaximumHeight(140)
        form.addRow(self.templates)
        self.weekday = QComboBox()
        # The interface language's own day names (QLocale's: Monday is 1), Monday first.
        self.weekday.addItems(
            [QLocale().dayName(d, QLocale.FormatType.LongFormat) for d in range(1, 8)]
        )
        self.template_fields.add("weekday", translate("TherapistsTab", "Weekday"), self.weekday)
        self.template_location = self.template_fields.add(
            "location", translate("TherapistsTab", "Location"), QComboBox()
        )
        self.start = self.template_fields.add(
            "start", translate("TherapistsTab", "From"), time_edit(dt.time(8))
        )
        self.end = self.template_fields.add(
            "end", translate("TherapistsTab", "Until"), time_edit(dt.time(12))
        )
        self.effective_from = self.template_fields.add(
            "effective_from", translate("TherapistsTab", "Starting on"), date_edit(self.today)
        )
        self.open_ended = QCheckBox(translate("TherapistsTab", "No end date"))
        self.open_ended.setChecked(True)
        self.template_fields.add(
            "open_ended", translate("TherapistsTab", "Open-ended"), self.open_ended
        )
        self.effective_to = self.template_fields.add(
            "effective_to",
            translate("TherapistsTab", "Last day"),
            date_edit(self.today + dt.timedelta(days=90)),
        )
        self.open_ended.toggled.connect(lambda on: self.effective_to.setEnabled(not on))
        self.effective_to.setEnabled(False)
        self.add_template_button = QPushButton(translate("TherapistsTab", "Add weekly hours"))
        self.add_template_button.clicked.connect(self.add_template)
        self.remove_template_button = QPushButton(translate("TherapistsTab", "Remove weekly hours"))
        self.remove_template_button.clicked.connect(self.remove_template)
        self.buttons(self.remove_template_button, self.add_template_button)

    def _build_time_off(self) -> None:
        form, self.time_off_fields = self.section(translate("TherapistsTab", "Time off"))
        self.time_off = QListWidget()
        self.time_off.setAccessibleName(translate("TherapistsTab", "Time off of this therapist"))
        self.time_off.setMaximumHeight(110)
        form.addRow(self.time_off)
        start = dt.datetime.combine(self.today, dt.time(8)).astimezone()
        self.off_from = self.time_off_fields.add(
            "starts_at", translate("TherapistsTab", "Away from"), _datetime_edit(start)
        )
        self.off_to = self.time_off_fields.add(
            "ends_at",
            translate("TherapistsTab", "Back at"),
            _datetime_edit(start + dt.timedelta(hours=9)),
        )
        self.off_reason = self.time_off_fields.add(
            "reason", translate("TherapistsTab", "Reason"), QLineEdit()
        )
        self.add_time_off_button = QPushButton(translate("TherapistsTab", "Add time off"))
        self.add_time_off_button.clicked.connect(self.add_time_off)
        self.remove_time_off_button = QPushButton(translate("TherapistsTab", "Remove time off"))
        self.remove_time_off_button.clicked.connect(self.remove_time_off)
        self.buttons(self.remove_time_off_button, self.add_time_off_button)

    # --- loading ------------------------------------------------------------------------

    def load(self, keep: object = None) -> None:
        def work(db, actor):
            therapists = staffing.list_therapists(db, actor, include_inactive=True)
            return therapists, practice_admin.list_locations(db, actor)

        self.call(
            work,
            lambda result: self._loaded(result[0], result[1], keep),
            saving=translate("TherapistsTab", "Loading…"),
        )

    def _loaded(
        self, rows: list[p.TherapistInfo], locations: list[p.LocationInfo], keep: object
    ) -> None:
        self.location_codes = [loc.code for loc in locations]
        self.locations.clear()
        self.template_location.clear()
        for loc in locations:
            item = QListWidgetItem(f"{loc.code} — {loc.name}")
            item.setData(ROLE, loc.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.locations.addItem(item)
            self.template_location.addItem(f"{loc.code} — {loc.name}", loc.code)
        entries = [
            (
                f"{r.display_name}"
                + (f", {r.credentials}" if r.credentials else "")
                + ("" if r.active else translate("TherapistsTab", " (inactive)")),
                r,
            )
            for r in rows
        ]
        self.fill_list(entries, keep if keep is not None else self.editing)
        self.did_load.emit()

    def show_item(self, value: p.TherapistInfo) -> None:
        self.editing = value
        for fields in (self.fields, self.template_fields, self.time_off_fields):
            fields.clear()
        self.name.setText(value.display_name)
        self.credentials.setText(value.credentials)
        self.active.setChecked(value.active)
        self._check_locations(value.location_codes)
        self._set_enabled(True)
        self.load_schedule()

    def start_new(self) -> None:
        self.editing = None
        self.items.clearSelection()
        self.name.clear()
        self.credentials.clear()
        self.active.setChecked(True)
        self._check_locations(())
        self.templates.clear()
        self.time_off.clear()
        self._set_enabled(False)
        self.name.setFocus()

    def _check_locations(self, codes: tuple[str, ...]) -> None:
        for row in range(self.locations.count()):
            item = self.locations.item(row)
            on = item.data(ROLE) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked_locations(self) -> list[str]:
        return [
            self.locations.item(row).data(ROLE)
            for row in range(self.locations.count())
            if self.locations.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _set_enabled(self, existing: bool) -> None:
        for button in (
            self.add_template_button,
            self.remove_template_button,
            self.add_time_off_button,
            self.remove_time_off_button,
        ):
            button.setEnabled(existing)

    def load_schedule(self) -> None:
        was = self.editing
        if was is None:
            return
        start = dt.datetime.combine(self.today, dt.time(), dt.UTC)
        end = start + dt.timedelta(days=TIME_OFF_DAYS_SHOWN)

        def work(db, actor):
            return (
                staffing.list_templates(db, actor, therapist_id=was.id),
                staffing.list_time_off(db, actor, start, end, therapist_id=was.id),
            )

        self.call(
            work,
            lambda result: self._schedule_loaded(*result),
            saving=translate("TherapistsTab", "Loading…"),
        )

    def _schedule_loaded(self, templates: list[p.TemplateInfo], off: list[p.TimeOffInfo]) -> None:
        self.templates.clear()
        for t in templates:
            until = (
                when.date(t.effective_to, localized=True)
                if t.effective_to
                else translate("TherapistsTab", "open-ended")
            )
            day = (
                QLocale().dayName(t.weekday + 1, QLocale.FormatType.LongFormat)
                if 0 <= t.weekday <= 6
                else str(t.weekday)
            )
            item = QListWidgetItem(
                translate("TherapistsTab", "{day} {hours} at {location} ({first} – {last})").format(
                    day=day,
                    hours=p.span(t.start, t.end),
                    location=t.location_code,
                    first=when.date(t.effective_from, localized=True),
                    last=until,
                )
            )
            item.setData(ROLE, t.id)
            self.templates.addItem(item)
        self.time_off.clear()
        for o in off:
            start, end = (
                when.moment(o.starts_at, short=True, localized=True),
                when.moment(o.ends_at, short=True, localized=True),
            )
            item = QListWidgetItem(f"{start} – {end}  {o.reason}".strip())
            item.setData(ROLE, o.id)
            self.time_off.addItem(item)

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        name, credentials, active = (
            self.name.text(),
            self.credentials.text(),
            self.active.isChecked(),
        )
        codes, was = self.checked_locations(), self.editing
        if was is None:

            def work(db, actor):
                return staffing.create_therapist(
                    db, actor, name, credentials=credentials, location_codes=codes
                )
        else:

            def work(db, actor):
                info = staffing.update_therapist(
                    db, actor, was.id, was.version, display_name=name,
                    credentials=credentials, active=active,
                )  # fmt: skip
                return staffing.assign_locations(db, actor, info.id, info.version, codes)

        self.call(work, self._saved, self.fields)

    def _saved(self, info: p.TherapistInfo) -> None:
        self.editing = info
        self.say(translate("TherapistsTab", "{name} saved.").format(name=info.display_name))
        self.did_save.emit(info)
        self.load(keep=info)

    def add_template(self) -> None:
        was = self.editing
        if was is None:
            return
        code = self.template_location.currentData()
        if code is None:
            self.template_fields.show(
                {"location": translate("TherapistsTab", "Add a location first.")}
            )
            return
        weekday, start, end = self.weekday.currentIndex(), to_time(self.start), to_time(self.end)
        first = to_date(self.effective_from)
        last = None if self.open_ended.isChecked() else to_date(self.effective_to)
        self.call(
            lambda db, actor: staffing.add_template(
                db, actor, was.id, code, weekday, start, end, first, last
            ),
            self._schedule_changed,
            self.template_fields,
        )

    def remove_template(self) -> None:
        item = self.templates.currentItem()
        if item is None:
            self.template_fields.message(
                translate("TherapistsTab", "Choose the weekly hours to remove first.")
            )
            return
        template_id = int(item.data(ROLE))
        self.call(
            lambda db, actor: staffing.remove_template(db, actor, template_id),
            self._schedule_changed,
            self.template_fields,
        )

    def add_time_off(self) -> None:
        was = self.editing
        if was is None:
            return
        start, end, reason = _aware(self.off_from), _aware(self.off_to), self.off_reason.text()
        self.call(
            lambda db, actor: staffing.add_time_off(db, actor, was.id, start, end, reason=reason),
            self._schedule_changed,
            self.time_off_fields,
        )

    def remove_time_off(self) -> None:
        item = self.time_off.currentItem()
        if item is None:
            self.time_off_fields.message(
                translate("TherapistsTab", "Choose the time off to remove first.")
            )
            return
        time_off_id = int(item.data(ROLE))
        self.call(
            lambda db, actor: staffing.remove_time_off(db, actor, time_off_id),
            self._schedule_changed,
            self.time_off_fields,
        )

    def _schedule_changed(self, result: object) -> None:
        self.say(translate("TherapistsTab", "Schedule saved."))
        self.did_save.emit(result)
        self.load_schedule()
