"""The admin area: locations, therapists and their schedules, appointment types, accounts,
the audit viewer, the patient-record merges (to undo one) and the FHIR bulk export. Each tab
appears only for a role allowed to use it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from intake.domain.accounts import can
from intake.domain.permissions import Permission
from intake.ui.admin.audit_tab import AuditTab
from intake.ui.admin.base import AdminTab
from intake.ui.admin.locations import LocationsTab
from intake.ui.admin.merges import MergesTab
from intake.ui.admin.therapists import TherapistsTab
from intake.ui.admin.types_and_accounts import AccountsTab, AppointmentTypesTab
from intake.ui.context import UiContext
from intake.ui.fhir_export import FhirExportTab
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate

TABS = (
    (
        "locations",
        QT_TRANSLATE_NOOP("AdminPage", "Locations"),
        Permission.PRACTICE_ADMIN,
        LocationsTab,
    ),
    (
        "therapists",
        QT_TRANSLATE_NOOP("AdminPage", "Therapists && schedules"),
        Permission.PRACTICE_ADMIN,
        TherapistsTab,
    ),
    (
        "types",
        QT_TRANSLATE_NOOP("AdminPage", "Appointment types"),
        Permission.PRACTICE_ADMIN,
        AppointmentTypesTab,
    ),
    ("accounts", QT_TRANSLATE_NOOP("AdminPage", "Accounts"), Permission.ACCOUNTS, AccountsTab),
    ("audit", QT_TRANSLATE_NOOP("AdminPage", "Audit trail"), Permission.AUDIT, AuditTab),
    ("merges", QT_TRANSLATE_NOOP("AdminPage", "Merges"), Permission.MERGE_PATIENTS, MergesTab),
    (
        "fhir",
        QT_TRANSLATE_NOOP("AdminPage", "FHIR export"),
        Permission.PRACTICE_ADMIN,
        FhirExportTab,
    ),
)


class AdminPage(QWidget):
    """The main window's "admin" area. Tabs load when first shown."""

    status_did_change = Signal(str)

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.setObjectName("adminPage")
        self.context = context
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.tabs.setAccessibleName(translate("AdminPage", "Admin sections"))
        # Arrows rather than a wider window when the tab names do not fit (Spanish, 1024 px).
        self.tabs.setUsesScrollButtons(True)
        self.pages: dict[str, QWidget] = {}
        for key, title, permission, kind in TABS:
            if not can(context.actor.role, permission):
                continue
            page = kind(context)
            if hasattr(page, "status_did_change"):
                page.status_did_change.connect(self.status_did_change)
            self.pages[key] = page
            self.tabs.addTab(page, translate("AdminPage", title))
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._load_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load_tab(self.tabs.currentIndex())

    def _load_tab(self, index: int) -> None:
        if index < 0 or index in self._loaded:
            return
        self._loaded.add(index)
        page = self.tabs.widget(index)
        if isinstance(page, AdminTab | AuditTab | FhirExportTab):  # every tab is one of these
            page.load()

    def show_tab(self, key: str) -> QWidget:
        page = self.pages[key]
        self.tabs.setCurrentWidget(page)
        return page


__all__ = ["AdminPage"]
