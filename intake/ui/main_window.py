"""The program's shell: navigation to each area and a status bar naming the database.

Closing with unsent work (an intake or a registration not finished) says what happens to it:
it is kept on this computer and offered back at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from intake.ui import keys
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.words import said

# Marked here, translated where shown (translate("MainWindow", title)).
AREAS = (
    (
        "intake",
        QT_TRANSLATE_NOOP("MainWindow", "Intake"),
        QT_TRANSLATE_NOOP("MainWindow", "Take a new patient's intake and book the evaluation"),
    ),
    (
        "schedule",
        QT_TRANSLATE_NOOP("MainWindow", "Schedule"),
        QT_TRANSLATE_NOOP("MainWindow", "Day and week views of every location"),
    ),
    (
        "review",
        QT_TRANSLATE_NOOP("MainWindow", "Review"),
        QT_TRANSLATE_NOOP("MainWindow", "Intakes waiting for a therapist's review"),
    ),
    (
        "patients",
        QT_TRANSLATE_NOOP("MainWindow", "Patients"),
        QT_TRANSLATE_NOOP("MainWindow", "Find and update patient records"),
    ),
    (
        "admin",
        QT_TRANSLATE_NOOP("MainWindow", "Admin"),
        QT_TRANSLATE_NOOP("MainWindow", "Locations, therapists, schedules and accounts"),
    ),
)


class UnsentWork(Protocol):
    """A screen that may hold typed work not stored for good (the Intake area)."""

    def unsent_work(self) -> list[str]: ...

    def keep_for_later(self) -> None: ...


class CloseQuestion:
    """ "Close now? This work is kept on this computer and offered back at the next start." """

    @classmethod
    def ask(cls, parent: QWidget, work: list[str]) -> bool:
        """True to close (tests replace this)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("MainWindow", "Close Clinic Intake"))
        box.setText(close_message(work))
        close = box.addButton(
            translate("MainWindow", "Close and keep it for later"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        back = box.addButton(
            translate("MainWindow", "Go back to it"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is close


UNSAVED_RECORD = "unsaved changes to the record of"  # how the Patients area says its work
# How the Intake area says an intake (intake/ui/front_desk.py): its words before the name.
INTAKE_WORK = QT_TRANSLATE_NOOP("FrontDesk", "the intake for {who} (answers: {count})")


def _is_intake(line: str) -> bool:
    return line.startswith(translate("FrontDesk", INTAKE_WORK).split("{", 1)[0])


def close_message(work: list[str]) -> str:
    kept = [line for line in work if not line.startswith(UNSAVED_RECORD)]
    dropped = [line for line in work if line.startswith(UNSAVED_RECORD)]
    texts = []
    if kept:
        text = translate(
            "MainWindow",
            "Not finished yet: {work}.\n\nIt is kept on this computer and offered back the "
            "next time Clinic Intake starts here.",
        ).format(work="; ".join(kept))
        if any(_is_intake(line) for line in kept):
            text += " " + translate(
                "MainWindow",
                "Intake answers not yet in the database are sent now if it can be reached.",
            )
        texts.append(text)
    if dropped:
        texts.append(
            translate(
                "MainWindow", "Not saved: {work}. Closing now drops them: go back to save them."
            ).format(work="; ".join(dropped))
        )
    return "\n\n".join(texts)


class MainWindow(QMainWindow):
    """Offers no area until someone has signed in (`set_allowed_areas`)."""

    area_did_change = Signal(str)

    def __init__(self, database_label: str | None = None) -> None:
        super().__init__()
        if database_label is None:
            database_label = translate("MainWindow", "Connecting to the database…")
        self.setWindowTitle(translate("MainWindow", "Clinic Intake"))
        self.resize(1200, 760)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(translate("MainWindow", "Areas"))
        self.navigation.setFixedWidth(180)
        self.pages = QStackedWidget()
        self._page_index: dict[str, int] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {}
        for number, (key, title, blurb) in enumerate(AREAS, start=1):
            item = QListWidgetItem(translate("MainWindow", title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{translate('MainWindow', blurb)} (Ctrl+{number})")
            self.navigation.addItem(item)
            item.setHidden(True)  # until a role allows it
            self._page_index[key] = self.pages.addWidget(_placeholder(title, blurb))
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self._go(row))
        self.navigation.currentRowChanged.connect(self._show_row)
        # A click on an area, or Enter / → on the sidebar, goes into it: the area's own keys
        # (F5, Enter on a list...) then work at once. Arrows alone keep browsing the areas.
        self.navigation.itemClicked.connect(lambda _item: self.enter_area())
        for entry_key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right):
            entering = keys.means(QShortcut(QKeySequence(entry_key), self.navigation), keys.OPEN)
            entering.setContext(Qt.ShortcutContext.WidgetShortcut)
            entering.activated.connect(self.enter_area)
        self.signed_out = _signed_out_page()
        self.pages.addWidget(self.signed_out)
        self.pages.setCurrentWidget(self.signed_out)
        self.navigation.hide()
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        outer = QWidget()
        self.banners = QVBoxLayout(outer)  # above every area: the tablet's red flags
        self.banners.setContentsMargins(0, 0, 0, 0)
        self.banners.setSpacing(0)
        self.banners.addWidget(body, 1)
        self.setCentralWidget(outer)
        self.database_label = QLabel(database_label)
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setAccessibleName(translate("MainWindow", "Database in use"))
        self.statusBar().addPermanentWidget(self.database_label)
        # Which program and schema this PC runs: what the IT person asks for first (F1).
        self.about_button = QToolButton()
        self.about_button.setObjectName("aboutButton")
        self.about_button.setText(translate("MainWindow", "About"))
        self.about_button.setAutoRaise(True)
        self.about_button.setAccessibleName(translate("Keys", keys.ABOUT))
        self.about_button.setToolTip(
            translate("MainWindow", "The program's version and schema revision (F1)")
        )
        self.about_button.clicked.connect(self.show_about)
        self.statusBar().addPermanentWidget(self.about_button)
        # The interface's language on this PC (intake/ui/language_choice.py).
        self.language_button = QToolButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.setText(translate("MainWindow", "Language"))
        self.language_button.setAutoRaise(True)
        self.language_button.setAccessibleName(
            translate("MainWindow", "Choose the interface language")
        )
        self.language_button.setToolTip(
            translate("MainWindow", "The language of the program on this computer")
        )
        self.language_button.clicked.connect(self.choose_language)
        self.statusBar().addPermanentWidget(self.language_button)
        about = keys.means(QShortcut(QKeySequence(Qt.Key.Key_F1), self), keys.ABOUT)
        about.setContext(Qt.ShortcutContext.ApplicationShortcut)
        about.activated.connect(self.show_about)
        self._unsent: dict[str, UnsentWork] = {}

    def watch_unsent_work(self, screen: UnsentWork, area: str = "intake") -> None:
        """Ask before closing while `screen` holds unsent work (a newer screen of the same
        area replaces it; a screen that goes away is forgotten)."""
        self._unsent[area] = screen
        if isinstance(screen, QObject):
            screen.destroyed.connect(lambda _o=None, a=area: self._forget_unsent(a, screen))

    def _forget_unsent(self, area: str, screen: UnsentWork) -> None:
        if self._unsent.get(area) is screen:
            del self._unsent[area]

    def closeEvent(self, event: QCloseEvent) -> None:
        work = [line for screen in self._unsent.values() for line in screen.unsent_work()]
        if work and not CloseQuestion.ask(self, work):
            event.ignore()
            return
        for screen in self._unsent.values():
            screen.keep_for_later()
        super().closeEvent(event)

    def _go(self, row: int) -> None:
        if not self.navigation.item(row).isHidden():
            self.navigation.setCurrentRow(row)
            self.enter_area()

    def enter_area(self) -> None:
        """Put the keyboard in the area shown: where the area says (`take_focus`), else where
        it was last in the area, else on the area's first field."""
        page = self.pages.currentWidget()
        if page is None or page is self.signed_out:
            return
        take_focus = getattr(page, "take_focus", None)
        if callable(take_focus):
            take_focus()
            return
        last = page.focusWidget()
        if last is not None and last is not page and last.isVisible() and page.isAncestorOf(last):
            last.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page and page.isAncestorOf(widget):
            if (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def add_banner(self, banner: QWidget) -> None:
        """A strip above every area that stays until dealt with (desk alerts)."""
        self.banners.insertWidget(self.banners.count() - 1, banner)

    def show_area(self, key: str) -> None:
        self._go(next(i for i, area in enumerate(AREAS) if area[0] == key))

    def set_allowed_areas(self, keys: set[str]) -> None:
        """Offer only the areas the signed-in person may use."""
        for row, (key, _title, _blurb) in enumerate(AREAS):
            self.navigation.item(row).setHidden(key not in keys)
        self.navigation.setVisible(bool(keys))
        if self.navigation.currentItem() is None or self.navigation.currentItem().isHidden():
            first = next((r for r in range(len(AREAS)) if AREAS[r][0] in keys), 0)
            self.navigation.setCurrentRow(first)

    def set_page(self, key: str, page: QWidget) -> None:
        """Put a real screen in place of an area's placeholder."""
        self._builders.pop(key, None)
        index = self._page_index[key]
        old = self.pages.widget(index)
        assert old is not None  # every area has a page from the start
        self.pages.removeWidget(old)
        old.deleteLater()
        self.pages.insertWidget(index, page)
        if self.navigation.currentRow() == index:
            self.pages.setCurrentIndex(index)

    def set_page_builder(self, key: str, build: Callable[[], QWidget]) -> None:
        """Build an area's screen when it is first shown (or asked for), not before: the
        screens a person never opens cost neither start-up time nor memory. A screen
        built earlier goes at once (a new person or role gets new screens)."""
        index = self._page_index[key]
        current = self.pages.widget(index)
        assert current is not None  # every area has a page from the start
        if key not in self._builders and current.objectName() != _PLACEHOLDER:
            title, blurb = next((t, b) for k, t, b in AREAS if k == key)  # marked, not yet shown
            self.set_page(key, _placeholder(title, blurb))
        self._builders[key] = build
        if self.navigation.currentRow() == index:
            self._build(key)

    def page(self, key: str) -> QWidget:
        self._build(key)
        page = self.pages.widget(self._page_index[key])
        assert page is not None  # every area has a page from the start
        return page

    def _build(self, key: str) -> None:
        build = self._builders.pop(key, None)
        if build is not None:
            self.set_page(key, build())

    def current_area(self) -> str:
        """The area shown; "" before anyone has signed in."""
        item = self.navigation.currentItem()
        return "" if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def about_text(self) -> str:
        # The revisions are read from the migration files once, while the database opens.
        # Imported here: it brings the whole database layer, which the window must not wait
        # for (the database opens in the background and imports it there).
        from intake.services.about import describe_program

        return f"{said(describe_program())}\n\n{self.database_label.text()}"

    def show_about(self) -> None:
        QMessageBox.about(self, translate("Keys", keys.ABOUT), self.about_text())

    def choose_language(self) -> None:
        from intake.ui.language_choice import LanguageDialog

        LanguageDialog.ask(self)

    def show_database(self, display_url: str) -> None:
        self.database_label.setText(
            translate("MainWindow", "Database: {address}").format(address=display_url)
        )

    def _show_row(self, row: int) -> None:
        key = AREAS[row][0]
        self._build(key)
        self.pages.setCurrentIndex(self._page_index[key])
        self.area_did_change.emit(key)


_PLACEHOLDER = "areaPlaceholder"


def _placeholder(title: str, blurb: str) -> QWidget:
    page = QWidget()
    page.setObjectName(_PLACEHOLDER)
    layout = QVBoxLayout(page)
    heading = QLabel(translate("MainWindow", title))
    heading.setObjectName("pageTitle")
    text = QLabel(f"{translate('MainWindow', blurb)}.")
    text.setObjectName("pageBlurb")
    layout.addWidget(heading)
    layout.addWidget(text)
    layout.addStretch(1)
    return page


def _signed_out_page() -> QWidget:
    """Behind the sign-in: the program's name and what to do, no area yet."""
    page = QWidget()
    page.setObjectName("signedOut")
    layout = QVBoxLayout(page)
    heading = QLabel(translate("MainWindow", "Clinic Intake"))
    heading.setObjectName("pageTitle")
    text = QLabel(
        translate("MainWindow", "Sign in to start. The areas your role allows appear on the left.")
    )
    text.setObjectName("pageBlurb")
    layout.addWidget(heading)
    layout.addWidget(text)
    layout.addStretch(1)
    return page
