"""The live screening panel: triage as word, icon and colour; what to say; each reason once.

The level's meaning, the instructions and the reasons come from the pure
`screening.front_desk` view (one place decides which apply to this patient); this panel only
shows them, most urgent first, as the therapist's review screen shows the reasons.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from intake.screening import Checklist, ScreeningResult, TriageLevel
from intake.screening.front_desk import FrontDeskView, front_desk_view
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate

# (headline word, what it means for the front desk, standard icon)
LEVELS: dict[str, tuple[str, str, QStyle.StandardPixmap]] = {
    "emergency": (
        QT_TRANSLATE_NOOP("ScreeningPanel", "STOP – EMERGENCY"),
        QT_TRANSLATE_NOOP(
            "ScreeningPanel",
            "Do not book. Tell the caller to call the emergency number or go to the emergency "
            "department now. Then tell the clinician on duty.",
        ),
        QStyle.StandardPixmap.SP_MessageBoxCritical,
    ),
    "refer": (
        QT_TRANSLATE_NOOP("ScreeningPanel", "REFER – do not book yet"),
        QT_TRANSLATE_NOOP(
            "ScreeningPanel",
            "Do not book yet. The patient should see their physician or urgent care today. Book "
            "after medical clearance.",
        ),
        QStyle.StandardPixmap.SP_MessageBoxWarning,
    ),
    "review": (
        QT_TRANSLATE_NOOP("ScreeningPanel", "REVIEW – book, therapist reviews first"),
        QT_TRANSLATE_NOOP(
            "ScreeningPanel",
            "You may book. A therapist must review this intake (and usually call the patient) "
            "before the visit.",
        ),
        QStyle.StandardPixmap.SP_MessageBoxInformation,
    ),
    "clear": (
        QT_TRANSLATE_NOOP("ScreeningPanel", "CLEAR – book the evaluation"),
        QT_TRANSLATE_NOOP(
            "ScreeningPanel",
            "No warning signs so far. Precautions below travel with the booking.",
        ),
        QStyle.StandardPixmap.SP_DialogApplyButton,
    ),
    "incomplete": (
        QT_TRANSLATE_NOOP("ScreeningPanel", "INCOMPLETE – keep asking"),
        QT_TRANSLATE_NOOP(
            "ScreeningPanel",
            "Some required questions are still unanswered; booking waits until they are.",
        ),
        QStyle.StandardPixmap.SP_MessageBoxQuestion,
    ),
}


def level_word(key: str) -> str:
    """The banner's headline for `key` in the staff's language."""
    return translate("ScreeningPanel", LEVELS[key][0])


def level_advice(key: str) -> str:
    """What `key` means for the front desk, in the staff's language."""
    return translate("ScreeningPanel", LEVELS[key][1])


def level_key(result: ScreeningResult) -> str:
    """What the banner shows: an urgent level at once, even before the screen is complete."""
    if result.triage in (TriageLevel.EMERGENCY, TriageLevel.REFER) or result.complete:
        return result.triage.value
    return "incomplete"


class ScreeningPanel(QFrame):
    """Beside the form; `question_was_chosen` asks the form to jump to a missing question."""

    question_was_chosen = Signal(str)

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self.setObjectName("screeningPanel")
        self.banner = QFrame()
        self.banner.setObjectName("triageBanner")
        self.icon = QLabel()
        self.icon.setObjectName("triageIcon")
        self.word = QLabel()
        self.word.setObjectName("triageWord")
        self.word.setWordWrap(True)
        self.word.setAccessibleName(translate("ScreeningPanel", "Screening result"))
        self.advice = QLabel()
        self.advice.setObjectName("triageAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.word, 1)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.addLayout(top)
        banner_layout.addWidget(self.advice)
        self.flags_title = QLabel(translate("ScreeningPanel", "Warning signs and notes"))
        self.flags_title.setObjectName("panelHeading")
        self.flags_title.setWordWrap(True)  # a longer language wraps, never cut off
        self.flags = QLabel()
        self.flags.setObjectName("flagList")
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        self.flags.setAccessibleName(translate("ScreeningPanel", "Warning signs and notes"))
        self.flags.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.missing_title = QLabel()
        self.missing_title.setObjectName("panelHeading")
        self.missing_title.setWordWrap(True)
        self.missing = QListWidget()
        self.missing.setObjectName("missingList")
        self.missing.setAccessibleName(
            translate("ScreeningPanel", "Questions still needed (Enter jumps to one)")
        )
        self.missing.setWordWrap(True)
        self.missing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.missing.itemActivated.connect(self._chosen)
        self.missing.itemClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.flags_title)
        # Every reason stays reachable however many fire: the list scrolls, never clips.
        self.flags_area = QScrollArea()
        self.flags_area.setObjectName("flagArea")
        self.flags_area.setWidgetResizable(True)
        self.flags_area.setFrameShape(QFrame.Shape.NoFrame)
        self.flags_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.flags_area.setWidget(self.flags)
        # On a short screen both lists shrink to two lines (they scroll) before the banner
        # above them is cut off.
        two_lines = self.fontMetrics().lineSpacing() * 2 + 8
        self.flags_area.setMinimumHeight(two_lines)
        self.missing.setMinimumHeight(two_lines)
        layout.addWidget(self.flags_area, 2)
        layout.addWidget(self.missing_title)
        layout.addWidget(self.missing, 1)
        layout.addStretch(0)  # takes the room when nothing is missing
        self.level = ""

    def show_result(self, result: ScreeningResult, view: FrontDeskView | None = None) -> None:
        """Show `result`; `view` (from the answers) says what applies to this patient."""
        key = level_key(result)
        self.level = key
        word, advice, pixmap = level_word(key), level_advice(key), LEVELS[key][2]
        if key == "incomplete":
            word = translate("ScreeningPanel", "{level} ({count} to answer)").format(
                level=word, count=len(result.missing)
            )
        elif view is not None:
            advice = view.meaning
        self.word.setText(word)
        self.advice.setText(advice)
        size = self.word.fontMetrics().height() * 2
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self.icon.setAccessibleName(word)
        for widget in (self.banner, self.word, self.advice):
            widget.setProperty("triage", key)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.banner.setAccessibleName(f"{word}. {advice}")
        self._show_flags(view or front_desk_view(self.checklist, {}, result, dt.date.today()))
        self._show_missing(result)
        self._fit_banner()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_banner()

    def _fit_banner(self) -> None:
        """The banner keeps the height its wrapped words need at its width (a layout gives a
        wrapped label only its one-line height at least): on a short screen the lists below,
        which scroll, give way instead of the level and its advice being cut off."""
        layout = self.banner.layout()
        if layout is not None and self.banner.width() > 0:
            self.banner.setMinimumHeight(layout.totalHeightForWidth(self.banner.width()))

    def _show_flags(self, view: FrontDeskView) -> None:
        self.flags_title.setText(
            translate("ScreeningPanel", "Warning signs and notes ({count})").format(
                count=len(view.reasons)
            )
        )
        say = f"<p><i>{_escape(view.say)}</i></p>" if view.say else ""
        reasons = "".join(
            f"<p><b>{reason.word}</b> – {_escape(reason.text)}</p>" for reason in view.reasons
        )
        none = translate("ScreeningPanel", "None so far.")
        self.flags.setText(say + reasons or f"<p>{_escape(none)}</p>")

    def _show_missing(self, result: ScreeningResult) -> None:
        self.missing.clear()
        self.missing_title.setText(
            translate("ScreeningPanel", "Still needed ({count})").format(count=len(result.missing))
            if result.missing
            else translate("ScreeningPanel", "Nothing missing")
        )
        self.missing.setVisible(bool(result.missing))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # made in __init__
        layout.setStretch(layout.count() - 1, 0 if result.missing else 1)
        for question_id in result.missing:
            question = self.checklist.question(question_id)
            item = QListWidgetItem(question.text if question else question_id)
            item.setData(Qt.ItemDataRole.UserRole, question_id)
            item.setToolTip(
                translate("ScreeningPanel", "Click or press Enter to go to this question")
            )
            self.missing.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.question_was_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
