"""The "Guideline interventions to consider" section of the review screen and the packet.

For therapists only: the service fills `IntakeReview.interventions` for people allowed to
review, and this section hides when it is None (the front desk). Each entry shows its grade
and source; the whole is marked as the guideline's general recommendation, not a
prescription. The entries' wording is the clinical lead's data (English for now).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from intake.screening.interventions import Intervention, InterventionAdvice, Kind
from intake.ui.i18n import translate
from intake.ui.review.wording import escape
from intake.ui.words import said


def heading() -> str:
    return translate("GuidelineInterventions", "Guideline interventions to consider")


def advice_html(advice: InterventionAdvice, category_titles: Mapping[str, str]) -> str:
    """The section's body (without its heading), as rich text for a label or the packet."""
    parts = [
        "<p><i>"
        + escape(
            translate(
                "GuidelineInterventions",
                "The guideline's general recommendations for this provisional category and "
                "stage, not a prescription: plan from your own examination.",
            )
        )
        + "</i></p>"
    ]
    if not advice.interventions:
        parts.append(f"<p>{escape(said(advice.reason or ''))}</p>")  # a marked reason too
        return "".join(parts)
    several = len({i.category for i in advice.interventions}) > 1
    rows = "".join(_item(i, category_titles if several else None) for i in advice.interventions)
    parts.append(f"<ul style='margin-left:-20px'>{rows}</ul>")
    parts.append(f"<p style='color:#52606d'>{escape(_signed(advice))}</p>")
    return "".join(parts)


def _item(entry: Intervention, titles: Mapping[str, str] | None) -> str:
    if entry.kind == Kind.NONE:
        label = translate("GuidelineInterventions", "No recommendation")
    elif entry.kind == Kind.AGAINST:
        label = translate("GuidelineInterventions", "Advised against (grade {grade})")
    else:
        label = translate("GuidelineInterventions", "Grade {grade}")
    source = translate("GuidelineInterventions", "Source: {source}").format(source=entry.source)
    extra = []
    if titles is not None:
        extra.append(titles.get(entry.category, entry.category))
    if not entry.verified:
        extra.append(translate("GuidelineInterventions", "not yet checked by the clinical lead"))
    tail = "".join(f" · {escape(e)}" for e in extra)
    return (
        f"<li><b>{escape(label.format(grade=entry.grade or ''))}</b> – {escape(entry.text)}"
        f"<br/><span style='color:#52606d'>{escape(source)}{tail}</span></li>"
    )


def _signed(advice: InterventionAdvice) -> str:
    signed = advice.sign_off
    guideline = advice.guideline
    if signed is None or not signed.signed or signed.signed_on is None:
        words = translate("GuidelineInterventions", "From {guideline}. Not yet signed off.")
        return words.format(guideline=guideline)
    words = translate("GuidelineInterventions", "From {guideline}. Signed off by {lead}, {on}.")
    return words.format(guideline=guideline, lead=signed.clinical_lead, on=signed.signed_on)


class GuidelineInterventions(QFrame):
    """The section on the review screen; hidden for people who may not review."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidelineInterventions")
        self.title = QLabel(heading())
        self.title.setObjectName("panelHeading")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("guidelineInterventionsBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAccessibleName(heading())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.hide()

    def show_advice(
        self, advice: InterventionAdvice | None, category_titles: Mapping[str, str]
    ) -> None:
        if advice is None:  # the front desk: never shown as advice
            self.body.clear()
            self.hide()
            return
        self.body.setText(advice_html(advice, category_titles))
        self.show()
