"""The front desk's alert banner: a patient on the waiting-room tablet raised a red flag.

A feed (desk_alerts.watch: LISTEN on PostgreSQL, a poll on SQLite) says an alert may have
been raised; the banner then reads the open alerts and shows each with the patient's name
and the rule's message for staff, until someone acknowledges it (audited). The feed's
thread only emits a signal; widgets are touched on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

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
            "#deskAlertBanner QLabel { color: #111111; }"
        )
        self.setAccessibleName(translate("DeskAlertBanner", "Alerts from the waiting-room tablet"))
        self.context = context
        self.location_id = location_id
        self.alerts: list[DeskAlertInfo] = []
        self.rows: dict[int, QWidget] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._feed: ChangeFeed | None = None
        self._heard.connect(self.refresh)
        self.hide()

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
        self.alerts = alerts
        for row in self.rows.values():
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = {}
        for alert in alerts:
            row = self._row(alert)
            self.rows[alert.id] = row
            self._layout.addWidget(row)
        self.setVisible(bool(alerts))
        self.alerts_did_change.emit(len(alerts))

    def _row(self, alert: DeskAlertInfo) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        level = translate("DeskAlertBanner", _LEVEL.get(alert.triage, alert.triage))
        text = translate(
            "DeskAlertBanner", "⚠ {level}: {patient} (waiting-room tablet) needs to be seen now. "
            "{message}",
        ).format(level=level, patient=alert.patient_label, message=alert.message)  # fmt: skip
        label = QLabel(text)
        label.setWordWrap(True)
        button = QPushButton(translate("DeskAlertBanner", "Acknowledge"))
        button.setAccessibleName(
            translate("DeskAlertBanner", "Acknowledge the alert for {patient}").format(
                patient=alert.patient_label
            )
        )
        button.clicked.connect(lambda _checked=False, ident=alert.id: self.acknowledge(ident))
        layout.addWidget(label, 1)
        layout.addWidget(button)
        return row

    def acknowledge(self, alert_id: int) -> None:
        self.context.run(
            lambda db, actor: desk_alerts.acknowledge(db, actor, alert_id),
            lambda _none: self.refresh(),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.setToolTip(failure_text(error))
        self.refresh()
