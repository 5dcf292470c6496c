"""The front desk's alert banner: a patient on the waiting-room tablet raised a red flag.

A feed (desk_alerts.watch: LISTEN on PostgreSQL, a poll on SQLite) says an alert may have
been raised; the banner then reads the open alerts and shows each with the patient's name
and the rule's message for staff, until someone acknowledges it (audited). The feed's
thread only emits a signal; widgets are touched on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from intake.services import desk_alerts
from intake.services.changes import ChangeFeed
from intake.services.desk_alerts import DeskAlertInfo
from intake.ui.context import UiContext
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.worker import failure_text

_LEVEL = {
    "emergency": QT_TRANSLATE_NOOP("DeskAlertBanner", "Emergency"),
    "refer": QT_TRANSLATE_NOOP("DeskAlertBanner", "Refer"),
}


class DeskAlertBanner(QFrame):
    alerts_did_change = Signal(int)  # how many are open, after each reading
    _heard = Signal()  # from the feed's thread

    def __init__(
        self, context: UiContext, *, location_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskAlertBanner")
        self.setStyleSheet(
            "#deskAlertBanner { background: #fff4e5; border: 3px solid #9c2a00; }"
            "#deskAlertBanner QListWidget { color: #111111; background: #ffffff; }"
        )
        self.setAccessibleName(translate("DeskAlertBanner", "Alerts from the waiting-room tablet"))
        self.context = context
        self.location_id = location_id
        self.alerts: list[DeskAlertInfo] = []
        # One list and one button, made once: no widget is made or destroyed per alert.
        self.list = QListWidget()
        self.list.setAccessibleName(translate("DeskAlertBanner", "Open alerts"))
        self.list.setWordWrap(True)
        self.button = QPushButton(translate("DeskAlertBanner", "Acknowledge"))
        self.button.setAccessibleName(translate("DeskAlertBanner", "Acknowledge the chosen alert"))
        self.button.clicked.connect(self.acknowledge_chosen)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self._feed: ChangeFeed | None = None
        self._heard.connect(self.refresh)
        self.hide()

    def use(self, context: UiContext) -> None:
        """Read and acknowledge as this person from now on (after a sign-in or a switch)."""
        self.stop()
        self.context = context
        self.start()

    def start(self) -> None:
        if self._feed is None:
            self._feed = desk_alerts.watch(self.context.database, self._heard.emit)
        self.refresh()

    def is_ready(self) -> bool:
        return self._feed is not None and self._feed.ready.is_set()

    def stop(self) -> None:
        feed, self._feed = self._feed, None
        if feed is not None:
            feed.stop()

    def refresh(self) -> None:
        location = self.location_id
        self.context.run(
            lambda db, actor: desk_alerts.open_alerts(db, actor, location_id=location),
            self._show,
            lambda _error: None,  # the next notice or poll reads again
        )

    def _show(self, alerts: list[DeskAlertInfo]) -> None:
        chosen = self.chosen()
        self.alerts = alerts
        self.list.clear()
        for alert in alerts:
            level = translate("DeskAlertBanner", _LEVEL.get(alert.triage, alert.triage))
            text = translate(
                "DeskAlertBanner", "⚠ {level}: {patient} (waiting-room tablet) needs to be seen "
                "now. {message}",
            ).format(level=level, patient=alert.patient_label, message=alert.message)  # fmt: skip
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, alert.id)
            self.list.addItem(item)
        ids = [a.id for a in alerts]
        self.list.setCurrentRow(ids.index(chosen) if chosen in ids else 0)
        self.list.setFixedHeight(min(4, max(1, len(alerts))) * 34 + 8)
        self.setVisible(bool(alerts))
        self.alerts_did_change.emit(len(alerts))

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def acknowledge_chosen(self) -> None:
        if (alert_id := self.chosen()) is not None:
            self.acknowledge(alert_id)

    def acknowledge(self, alert_id: int) -> None:
        self.context.run(
            lambda db, actor: desk_alerts.acknowledge(db, actor, alert_id),
            lambda _none: self.refresh(),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.setToolTip(failure_text(error))
        self.refresh()
