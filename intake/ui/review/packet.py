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
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.intake_form.pain_picture import PainCanvas
from intake.ui.review import interventions, wording
from intake.ui.review.wording import escape
from intake.ui.words import said

PAIN_URL = QUrl("packet://pain-picture.png")
TITLE = QT_TRANSLATE_NOOP("ReviewPacket", "Intake review packet")


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
    writer.setTitle(translate("ReviewPacket", TITLE))
    writer.setCreator("Clinic Intake")
    writer.setPageLayout(_layout())
    writer.setResolution(300)
    document(review).print_(writer)
    del writer  # finishes the file
    return target


def print_packet(review: IntakeReview, printer: QPrinter) -> None:
    printer.setDocName(translate("ReviewPacket", TITLE))
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
            "<p class='muted'>",
            escape(_footer(review, result)),
            "</p></body></html>",
        )
    )


def _footer(review: IntakeReview, result: ScreeningResult | None) -> str:
    text = translate("ReviewPacket", "Screened with checklist {checklist} version {version}")
    text = text.format(checklist=review.checklist_id, version=review.checklist_version)
    if review.old_checklist:
        text += translate(
            "ReviewPacket", " (an older version; version {version} is in force now)"
        ).format(version=review.current_checklist_version)
    return text + translate(
        "ReviewPacket",
        ". Engine {engine}. Provisional screening for the therapist, not a diagnosis.",
    ).format(engine=result.engine if result else "–")


def _heading(review: IntakeReview) -> str:
    patient, visit = review.patient, review.appointment
    if patient:
        who = f"<b>{escape(patient.family_name)}, {escape(patient.given_name)}</b> · " + escape(
            translate("ReviewPacket", "MRN {mrn} · born {date} (age {age}) · {sex}").format(
                mrn=patient.mrn,
                date=wording.date(patient.date_of_birth),
                age=patient.age,
                sex=wording.sex(patient.sex),
            )
        )
        who += f" · {escape(patient.phone)}" if patient.phone else ""
    else:
        nobody = translate("ReviewPacket", "No patient chosen")
        who = f"<b>{escape(nobody)}</b>"
    where = escape(
        translate(
            "ReviewPacket", "{visit}: {start}–{end} at {location} with {therapist} ({state})"
        ).format(
            visit=visit.type_name,
            start=wording.when(visit.start, visit.timezone),
            end=wording.time_of_day(visit.local_end),
            location=visit.location_name,
            therapist=visit.therapist_name,
            state=wording.visit_state(visit.status.value),
        )
        if visit
        else translate(
            "ReviewPacket", "No upcoming appointment (cancelled, deleted or not booked)."
        )
    )
    signed = review.sign_off
    if signed.status.value == "reviewed":
        status = translate("ReviewPacket", "Reviewed by {who}, {when}").format(
            who=signed.reviewed_by, when=wording.when(signed.reviewed_at)
        )
    elif signed.status.value == "returned":
        status = translate("ReviewPacket", "Returned to the front desk by {who}, {when}: {note}")
        status = status.format(
            who=signed.returned_by, when=wording.when(signed.returned_at), note=signed.return_note
        )
    else:
        status = translate("ReviewPacket", "Not reviewed yet")
    title = escape(translate("ReviewPacket", TITLE))
    appointment = escape(translate("ReviewPacket", "Appointment:"))
    sign_off = escape(translate("ReviewPacket", "Sign-off:"))
    return f"<h1>{title}</h1><p>{who}<br/>{appointment} {where}<br/>{sign_off} {escape(status)}</p>"


def _triage(result: ScreeningResult | None) -> str:
    level = result.triage.value if result else None
    key = wording.key(level)
    triage = translate("ReviewPacket", "TRIAGE: {level}").format(level=wording.word(level))
    head = (
        f"<table width='100%' cellspacing='0' style='background:{wording.background(level).name()};"
        f" color:{wording.foreground(level).name()};'><tr><td width='22'>"
        f"<img src='packet://icon-{key}.png' width='16' height='16'/></td><td>"
        f"<b>{escape(triage)}</b> – {escape(wording.meaning(level))}</td></tr></table>"
    )
    if result is None:
        return head
    no_flags = translate("ReviewPacket", "No warning signs or notes.")
    rows = "".join(
        f"<tr><td width='18'><img src='packet://icon-{flag.level.value}.png' width='12' "
        f"height='12'/></td><td width='70'><b>{wording.flag_word(flag.level.value)}</b></td>"
        f"<td><b>{escape(flag.rationale)}</b><br/><span class='muted'>"
        + escape(translate("ReviewPacket", "Source: {source}").format(source=flag.source))
        + "</span></td></tr>"
        for flag in result.flags
    )
    return head + (
        _h(
            translate("ReviewPacket", "Warning signs and notes ({count})").format(
                count=len(result.flags)
            ),
            size=10,
        )
        + f"<table width='100%'>{rows}</table>"
        if rows
        else f"<p>{escape(no_flags)}</p>"
    )


def _clinical(review: IntakeReview, result: ScreeningResult | None) -> str:
    if result is None:
        return ""
    findings = translate("ReviewPacket", "findings: {questions}")
    categories = "".join(
        f"<li><b>{escape(review.category_titles.get(c.id, c.id))}</b> – "
        + escape(
            findings.format(
                questions="; ".join(review.question_texts.get(f, f) for f in c.findings)
            )
        )
        + "</li>"
        for c in result.categories
    )
    cgh = result.cervicogenic_headache
    none = translate("ReviewPacket", "none")
    criteria = "; ".join(wording.criterion(c) for c in cgh.criteria) or none
    ndi = result.ndi
    ndi_text = (
        translate(
            "ReviewPacket", "{raw}/50 ({percent} %), {band}, {answered}/10 sections answered"
        ).format(
            raw=ndi.raw,
            percent=ndi.percent,
            band=wording.band(ndi.band.value),
            answered=ndi.answered,
        )
        if ndi
        else translate("ReviewPacket", "not scored (more than 2 sections skipped)")
    )
    pain = result.pain
    regions = ", ".join(review.region_labels.get(r, r) for r in review.pain_regions) or none
    no_category = escape(translate("ReviewPacket", "No category."))
    stage = wording.stage(result.stage.value if result.stage else None)
    met = translate("ReviewPacket", "MET") if cgh.met else translate("ReviewPacket", "NOT MET")
    present = translate("ReviewPacket", "present: {criteria}").format(criteria=criteria)
    scores = translate(
        "ReviewPacket",
        "Neck Disability Index: <b>{ndi}</b><br/>Pain (0–10): now <b>{now}</b>, best "
        "<b>{best}</b>, worst <b>{worst}</b>",
    ).format(ndi=escape(ndi_text), now=_num(pain.now), best=_num(pain.best), worst=_num(pain.worst))
    left = (
        _h(translate("ReviewPacket", "Provisional category and stage"))
        + (f"<ul>{categories}</ul>" if categories else f"<p>{no_category}</p>")
        + "<p>"
        + translate("ReviewPacket", "Stage: <b>{stage}</b>").format(stage=escape(stage))
        + "</p>"
        + _h(translate("ReviewPacket", "Cervicogenic headache criteria"))
        + f"<p><b>{escape(met)}</b> – {escape(present)}</p>"
        + _h(translate("ReviewPacket", "Scores"))
        + f"<p>{scores}</p>"
    )
    marked = translate("ReviewPacket", "Marked: {regions}").format(regions=regions)
    right = (
        _h(translate("ReviewPacket", "Pain picture"))
        + f"<img src='{PAIN_URL.toString()}' width='230' height='148'/>"
        + f"<br/>{escape(marked)}"
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
            f"<td width='35%'>{_b(escape(said(line.answer)), line.positive)}</td></tr>"
            for line in shown
        )
        answered_no = translate("ReviewPacket", "Answered no: {questions}")
        answered_no = answered_no.format(questions=" · ".join(noes))
        heading = translate("ReviewPacket", "{section} (positive: {count})")
        cells.append(
            _h(heading.format(section=said(group.title), count=group.positives))
            + (f"<table width='100%' cellspacing='0'>{rows}</table>" if rows else "")
            + (f"<p class='muted'>{escape(answered_no)}</p>" if noes else "")
        )
    half = (len(cells) + 1) // 2
    return (
        _h(translate("ReviewPacket", "Answers by section (positives first, in bold)"), size=10)
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
