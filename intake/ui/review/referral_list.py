"""Above the review queue: intakes the front desk closed as an (emergency) referral that no
clinician has seen yet. Each has no visit (the caller went for medical care instead), so it
is not in the queue of evaluations; it stays here until a clinician opens it and marks it
seen. Emergencies first, each with the word, the icon and the colour of its triage.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from intake.domain.closing import CLOSED_WORDS
from intake.domain.review import ClosedReferral
from intake.services import review
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.review import wording
from intake.ui.worker import failure_text


class ReferralList(QWidget):
    list_did_load = Signal(int)
    referral_was_chosen = Signal(object)  # the ClosedReferral

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralList")
        self.context = context
        self.entries: list[ClosedReferral] = []
        self.title = QLabel()
        self.title.setObjectName("panelHeading")
        self.list = QListWidget()
        self.list.setObjectName("closedReferrals")
        self.list.setAccessibleName(
            translate(
                "ReviewQueue", "Closed as referral, not seen by a clinician yet (Enter opens one)"
            )
        )
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemDoubleClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.hide()  # shown only when there is something to see

    def refresh(self) -> None:
        self.context.run(
            lambda db, actor: review.open_referrals(db, actor), self._loaded, self._failed
        )

    def _loaded(self, entries: list[ClosedReferral]) -> None:
        self.entries = list(entries)
        self.list.clear()
        for entry in self.entries:
            text = describe(entry)
            item = QListWidgetItem(wording.icon(entry.triage), text)
            item.setBackground(wording.background(entry.triage))
            item.setForeground(wording.foreground(entry.triage))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ". "))
            item.setToolTip(
                translate(
                    "ReviewQueue",
                    "Open with Enter or a double click; mark it reviewed once acted on",
                )
            )
            self.list.addItem(item)
        self.title.setText(
            translate(
                "ReviewQueue", "Closed as referral – tell the clinician on duty ({count})"
            ).format(count=len(self.entries))
        )
        rows = min(len(self.entries), 3)
        self.list.setFixedHeight(
            self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() if rows else 0
        )
        self.setVisible(bool(self.entries))
        self.list_did_load.emit(len(self.entries))

    def _failed(self, error: BaseException) -> None:
        self.title.setText(failure_text(error))
        self.show()

    def _chosen(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.entries):
            self.referral_was_chosen.emit(self.entries[row])


def describe(entry: ClosedReferral) -> str:
    text = translate(
        "ReviewQueue", "{closed} · {patient} · warning signs: {count}\nby {who}, {when}"
    )
    return text.format(
        closed=translate("Closing", CLOSED_WORDS[entry.reason]).upper(),
        patient=entry.patient_label or translate("ReviewQueue", "no patient chosen"),
        count=entry.flag_count,
        who=entry.closed_by,
        when=wording.when(entry.closed_at),
    )
