"""The summary step's text: the screening result for the front desk and the therapist."""

from __future__ import annotations

from html import escape

from intake.screening import Checklist, ScreeningResult
from intake.screening.front_desk import FrontDeskView
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.intake_form.screening_panel import level_advice, level_key, level_word
from intake.ui.review import wording

_CATEGORY_TITLES = {
    "mobility_deficits": QT_TRANSLATE_NOOP("IntakeSummary", "Neck pain with mobility deficits"),
    "movement_coordination": QT_TRANSLATE_NOOP(
        "IntakeSummary", "Neck pain with movement coordination impairments"
    ),
    "headache": QT_TRANSLATE_NOOP("IntakeSummary", "Neck pain with headache"),
    "radiating_pain": QT_TRANSLATE_NOOP("IntakeSummary", "Neck pain with radiating pain"),
}


def summary_html(checklist: Checklist, result: ScreeningResult, view: FrontDeskView) -> str:
    key = level_key(result)
    word = level_word(key)
    advice = level_advice(key) if key == "incomplete" else view.meaning
    parts = [f'<h2 class="{key}">{escape(word)}</h2>', f"<p>{escape(advice)}</p>"]
    if result.missing:
        names = [_question(checklist, qid) for qid in result.missing[:12]]
        more = len(result.missing) - len(names)
        rest = translate("IntakeSummary", "… and {count} more").format(count=more)
        tail = f"<li>{escape(rest)}</li>" if more > 0 else ""
        needed = escape(translate("IntakeSummary", "Still needed:"))
        parts.append(f"<p><b>{needed}</b></p><ul>" + "".join(names) + tail + "</ul>")
    if view.say:
        parts.append(f"<p>{escape(view.say)}</p>")
    if view.reasons:
        rows = "".join(f"<li><b>{r.word}</b> – {escape(r.text)}</li>" for r in view.reasons)
        heading = escape(translate("IntakeSummary", "Warning signs and notes:"))
        parts.append(f"<p><b>{heading}</b></p><ul>{rows}</ul>")
    facts = []
    titles = {c.id: c.title for c in checklist.categories}
    for category in result.categories:
        title = titles.get(category.id) or translate(
            "IntakeSummary", _CATEGORY_TITLES.get(category.id, category.id)
        )
        facts.append(
            escape(
                translate("IntakeSummary", "Provisional category: {category}").format(
                    category=title
                )
            )
        )
    if result.stage:
        facts.append(
            escape(
                translate("IntakeSummary", "Stage: {stage}").format(
                    stage=wording.stage(result.stage.value)
                )
            )
        )
    if result.ndi:
        ndi = result.ndi.to_json()
        facts.append(
            escape(
                translate(
                    "IntakeSummary", "Neck Disability Index: {raw}/50 ({percent} %, {band})"
                ).format(
                    raw=ndi["raw"], percent=ndi["percent"], band=wording.band(str(ndi["band"]))
                )
            )
        )
    pain = result.pain
    if pain.now is not None or pain.worst is not None:
        facts.append(
            translate("IntakeSummary", "Pain now / best / worst: {now} / {best} / {worst}").format(
                now=_n(pain.now), best=_n(pain.best), worst=_n(pain.worst)
            )
        )
    if result.cervicogenic_headache.met:
        facts.append(escape(translate("IntakeSummary", "Cervicogenic headache criteria met")))
    if facts:
        parts.append("<p>" + "<br>".join(facts) + "</p>")
    return "".join(parts)


def _question(checklist: Checklist, question_id: str) -> str:
    question = checklist.question(question_id)
    return f"<li>{escape(question.text if question else question_id)}</li>"


def _n(value: int | None) -> str:
    return "–" if value is None else str(value)
