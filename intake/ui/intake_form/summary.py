"""The summary step's text: the screening result for the front desk and the therapist."""

from __future__ import annotations

from html import escape

from intake.screening import Checklist, ScreeningResult
from intake.screening.front_desk import FrontDeskView
from intake.ui.intake_form.screening_panel import LEVELS, level_key

_CATEGORY_TITLES = {
    "mobility_deficits": "Neck pain with mobility deficits",
    "movement_coordination": "Neck pain with movement coordination impairments",
    "headache": "Neck pain with headache",
    "radiating_pain": "Neck pain with radiating pain",
}


def summary_html(checklist: Checklist, result: ScreeningResult, view: FrontDeskView) -> str:
    key = level_key(result)
    word, advice, _icon = LEVELS[key]
    advice = advice if key == "incomplete" else view.meaning
    parts = [f'<h2 class="{key}">{escape(word)}</h2>', f"<p>{escape(advice)}</p>"]
    if result.missing:
        names = [_question(checklist, qid) for qid in result.missing[:12]]
        more = len(result.missing) - len(names)
        tail = f"<li>… and {more} more</li>" if more > 0 else ""
        parts.append("<p><b>Still needed:</b></p><ul>" + "".join(names) + tail + "</ul>")
    if view.say:
        parts.append(f"<p>{escape(view.say)}</p>")
    if view.reasons:
        rows = "".join(f"<li><b>{r.word}</b> – {escape(r.text)}</li>" for r in view.reasons)
        parts.append(f"<p><b>Warning signs and notes:</b></p><ul>{rows}</ul>")
    facts = []
    titles = {c.id: c.title for c in checklist.categories}
    for category in result.categories:
        title = titles.get(category.id) or _CATEGORY_TITLES.get(category.id, category.id)
        facts.append(f"Provisional category: {escape(title)}")
    if result.stage:
        facts.append(f"Stage: {result.stage.value}")
    if result.ndi:
        ndi = result.ndi.to_json()
        facts.append(f"Neck Disability Index: {ndi['raw']}/50 ({ndi['percent']} %, {ndi['band']})")
    pain = result.pain
    if pain.now is not None or pain.worst is not None:
        facts.append(
            f"Pain now / best / worst: {_n(pain.now)} / {_n(pain.best)} / {_n(pain.worst)}"
        )
    if result.cervicogenic_headache.met:
        facts.append("Cervicogenic headache criteria met")
    if facts:
        parts.append("<p>" + "<br>".join(facts) + "</p>")
    return "".join(parts)


def _question(checklist: Checklist, question_id: str) -> str:
    question = checklist.question(question_id)
    return f"<li>{escape(question.text if question else question_id)}</li>"


def _n(value: int | None) -> str:
    return "–" if value is None else str(value)
