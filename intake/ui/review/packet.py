"""The printable review packet: one or two pages per intake, made with Qt's own printing.

patient, appointment, triage and every flag, category, scores, the pain picture, the answers.
Runs on the GUI thread (it renders the pain picture widget); it touches only the file chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from intake.screening import ScreeningResult
from intake.services.review import IntakeReview
from intake.ui import when
from intake.ui.intake_form.pain_picture import PainCanvas
from intake.ui.review import interventions, wording
from intake.ui.review.wording import escape

PAIN_URL = QUrl("packet://pain-picture.png")
TITLE = "Intake review packet"


def pain_image(review: IntakeReview, scale: float = 2.0) -> QImage:
    """The pain picture with the patient's regions filled, as an image."""
    canvas = PainCanvas(tuple(review.region_labels), review.region_labels)
    canvas.selected = set(review.pain_regions)
    canvas.resize(420, 270)
    image = QImage(int(420 * scale), int(270 * scale), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.scale(scale, scale)
    canvas.render(painter, QPoint(0, 0))
    painter.end()
    canvas.deleteLater()
    return image


def document(review: IntakeReview) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(
        "body { font-family: sans-serif; font-size: 8pt; }"
        "td { padding: 1px 4px; vertical-align: top; } .muted { color: #52606d; }"
    )
    for level in ("emergency", "refer", "review", "clear", "none"):
        doc.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl(f"packet://icon-{level}.png"),
            wording.icon(level).pixmap(16, 16).toImage(),
        )
    doc.addResource(QTextDocument.ResourceType.ImageResource, PAIN_URL, pain_image(review))
    doc.setHtml(packet_html(review))
    # Paginate at the packet's own margins (else printing adds 2 cm all round); 96 dpi units.
    body = _layout().paintRect(QPageLayout.Unit.Inch)
    doc.setPageSize(QSizeF(body.width() * 96, body.height() * 96))
    return doc


def save_pdf(review: IntakeReview, path: str | Path) -> Path:
    """Write the packet as a PDF (Letter); returns the file written."""
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    writer = QPdfWriter(str(target))
    writer.setTitle(TITLE)
    writer.setCreator("Clinic Intake")
    writer.setPageLayout(_layout())
    writer.setResolution(300)
    document(review).print_(writer)
    del writer  # finishes the file
    return target


def print_packet(review: IntakeReview, printer: QPrinter) -> None:
    printer.setDocName(TITLE)
    printer.setPageLayout(_layout())
    document(review).print_(printer)


def _layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.Letter),
        QPageLayout.Orientation.Portrait,
        QMarginsF(15, 13, 15, 13),
        QPageLayout.Unit.Millimeter,
    )


# --- the HTML --------------------------------------------------------------------------------


def packet_html(review: IntakeReview) -> str:
    result = review.screening
    return "".join(
        (
            "<html><body>",
            _heading(review),
            _triage(result),
            _clinical(review, result),
            _interventions(review),
            _answers(review),
            f"<p class='muted'>Screened with checklist {escape(review.checklist_id)} version "
            f"{escape(review.checklist_version)}"
            + (
                f" (an older version; version {escape(review.current_checklist_version)} is "
                "in force now)"
                if review.old_checklist
                else ""
            )
            + f". Engine {escape(result.engine) if result else '–'}. Provisional screening for "
            "the therapist, not a diagnosis.</p></body></html>",
        )
    )


def _heading(review: IntakeReview) -> str:
    patient, visit = review.patient, review.appointment
    who = (
        f"<b>{escape(patient.family_name)}, {escape(patient.given_name)}</b> · MRN "
        f"{escape(patient.mrn)} · born {when.date(patient.date_of_birth)} (age {patient.age})"
        f" · {escape(patient.sex)}" + (f" · {escape(patient.phone)}" if patient.phone else "")
        if patient
        else "<b>No patient chosen</b>"
    )
    where = (
        f"{escape(visit.type_name)}: {wording.when(visit.start, visit.timezone)}–"
        f"{when.time_of_day(visit.local_end)} at {escape(visit.location_name)} with "
        f"{escape(visit.therapist_name)} ({visit.status.value.replace('_', ' ')})"
        if visit
        else "No upcoming appointment (cancelled, deleted or not booked)."
    )
    signed = review.sign_off
    status = {
        "reviewed": f"Reviewed by {escape(signed.reviewed_by)}, {wording.when(signed.reviewed_at)}",
        "returned": f"Returned to the front desk by {escape(signed.returned_by)}, "
        f"{wording.when(signed.returned_at)}: {escape(signed.return_note)}",
    }.get(signed.status.value, "Not reviewed yet")
    return f"<h1>{TITLE}</h1><p>{who}<br/>Appointment: {where}<br/>Sign-off: {status}</p>"


def _triage(result: ScreeningResult | None) -> str:
    level = result.triage.value if result else None
    key = wording.key(level)
    head = (
        f"<table width='100%' cellspacing='0' style='background:{wording.background(level).name()};"
        f" color:{wording.foreground(level).name()};'><tr><td width='22'>"
        f"<img src='packet://icon-{key}.png' width='16' height='16'/></td><td>"
        f"<b>TRIAGE: {wording.word(level)}</b> – {escape(wording.MEANING[key])}</td></tr></table>"
    )
    if result is None:
        return head
    rows = "".join(
        f"<tr><td width='18'><img src='packet://icon-{flag.level.value}.png' width='12' "
        f"height='12'/></td><td width='70'><b>{wording.flag_word(flag.level.value)}</b></td>"
        f"<td><b>{escape(flag.rationale)}</b><br/><span class='muted'>Source: "
        f"{escape(flag.source)}</span></td></tr>"
        for flag in result.flags
    )
    return head + (
        _h(f"Warning signs and notes ({len(result.flags)})", size=10)
        + f"<table width='100%'>{rows}</table>"
        if rows
        else "<p>No warning signs or notes.</p>"
    )


def _clinical(review: IntakeReview, result: ScreeningResult | None) -> str:
    if result is None:
        return ""
    categories = "".join(
        f"<li><b>{escape(review.category_titles.get(c.id, c.id))}</b> – findings: "
        f"{escape('; '.join(review.question_texts.get(f, f) for f in c.findings))}</li>"
        for c in result.categories
    )
    cgh = result.cervicogenic_headache
    criteria = "; ".join(wording.CRITERIA.get(c, c) for c in cgh.criteria) or "none"
    ndi = result.ndi
    ndi_text = (
        f"{ndi.raw}/50 ({ndi.percent} %), {ndi.band.value}, {ndi.answered}/10 sections answered"
        if ndi
        else "not scored (more than 2 sections skipped)"
    )
    pain = result.pain
    regions = ", ".join(review.region_labels.get(r, r) for r in review.pain_regions) or "none"
    left = (
        _h("Provisional category and stage")
        + (f"<ul>{categories}</ul>" if categories else "<p>No category.</p>")
        + f"<p>Stage: <b>{result.stage.value if result.stage else 'unknown'}</b></p>"
        + _h("Cervicogenic headache criteria")
        + f"<p><b>{'MET' if cgh.met else 'NOT MET'}</b> – present: {escape(criteria)}</p>"
        + _h("Scores")
        + f"<p>Neck Disability Index: <b>{ndi_text}</b><br/>Pain (0–10): now "
        f"<b>{_num(pain.now)}</b>, best <b>{_num(pain.best)}</b>, worst "
        f"<b>{_num(pain.worst)}</b></p>"
    )
    right = (
        _h("Pain picture")
        + f"<img src='{PAIN_URL.toString()}' width='230' height='148'/>"
        + f"<br/>Marked: {escape(regions)}"
    )
    return (
        "<table width='100%' cellspacing='0'><tr>"
        f"<td width='50%'>{left}</td><td width='50%'>{right}</td></tr></table>"
    )


def _interventions(review: IntakeReview) -> str:
    """For clinicians only: the service leaves it None for the front desk."""
    if review.interventions is None:
        return ""
    return _h(interventions.heading(), size=10) + interventions.advice_html(
        review.interventions, review.category_titles
    )


def _answers(review: IntakeReview) -> str:
    cells = []
    for group in review.answers:
        shown = [line for line in group.lines if line.positive or line.answer != "No"]
        noes = [line.question for line in group.lines if not line.positive and line.answer == "No"]
        rows = "".join(
            f"<tr><td>{_b(escape(line.question), line.positive)}</td>"
            f"<td width='35%'>{_b(escape(line.answer), line.positive)}</td></tr>"
            for line in shown
        )
        cells.append(
            _h(f"{group.title} ({group.positives} positive)")
            + (f"<table width='100%' cellspacing='0'>{rows}</table>" if rows else "")
            + (f"<p class='muted'>Answered no: {escape(' · '.join(noes))}</p>" if noes else "")
        )
    half = (len(cells) + 1) // 2
    return (
        _h("Answers by section (positives first, in bold)", size=10)
        + "<table width='100%' cellspacing='0'><tr>"
        f"<td width='50%'>{''.join(cells[:half])}</td><td width='50%'>{''.join(cells[half:])}</td>"
        "</tr></table>"
    )


def _h(text: str, size: int = 9) -> str:
    return (
        f"<p style='font-size:{size}pt; font-weight:bold; margin-top:5px; margin-bottom:1px'>"
        f"{escape(text)}</p>"
    )


def _b(text: str, bold: bool) -> str:
    return f"<b>{text}</b>" if bold else text


def _num(value: int | None) -> str:
    return "–" if value is None else str(value)
