"""FHIR export in the program, used as a person uses it: "Export FHIR…" on a patient's record
and on the review screen writes one Bundle file; the admin area's bulk export runs with its
progress bar and can be cancelled; people who may not export see the buttons disabled, told
why."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from intake.fhir.bundle import references
from intake.services import fhir_export
from intake.ui.admin.page import AdminPage
from intake.ui.context import UiContext
from intake.ui.fhir_export import FhirExportTab, PatientExportButton
from intake.ui.patients.record_page import RecordPage
from intake.ui.review import ReviewScreen
from intake.ui.worker import Worker
from tests.db.practice import NOW, admin, build, desk, screened_intake
from tests.unit.fhir.fhir_forms import validate

WAIT = 15_000


@pytest.fixture(autouse=True)
def _settings_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "data"))  # the default settings


@pytest.fixture
def practice(database):  # type: ignore[no-untyped-def]
    built = build(database, patients_count=2)
    screened_intake(database, built.patients[0], has_headache=True, cad_dizziness=True)
    return built


def _context(database, actor) -> UiContext:  # type: ignore[no-untyped-def]
    return UiContext(database, actor, Worker())


def _valid_bundle(path: Path) -> dict[str, Any]:
    bundle = json.loads(path.read_text(encoding="utf-8"))
    validate(bundle)
    present = {f"{e['resource']['resourceType']}/{e['resource']['id']}" for e in bundle["entry"]}
    for entry in bundle["entry"]:
        validate(entry["resource"])
        assert set(references(entry["resource"])) <= present
    return bundle


def _open_record(qtbot, show_active, context: UiContext, patient_id: int) -> RecordPage:  # type: ignore[no-untyped-def]
    page = RecordPage(context, clock=lambda: NOW)
    page.resize(1366, 768)
    show_active(page)
    with qtbot.waitSignal(page.record_did_open, timeout=WAIT):
        page.open_patient(patient_id)
    return page


def test_an_admin_exports_one_patient_from_the_record(
    qtbot, show_active, database, practice, tmp_path, monkeypatch
):
    context = _context(database, admin(database))
    page = _open_record(qtbot, show_active, context, practice.patients[0])
    offered: list[str] = []
    target = tmp_path / "sent" / "patient"
    monkeypatch.setattr(
        PatientExportButton,
        "ask_path",
        classmethod(lambda _cls, _parent, suggested: offered.append(suggested) or str(target)),
    )
    assert page.export_button.isVisible() and page.export_button.isEnabled()
    with qtbot.waitSignal(page.export_button.did_save, timeout=WAIT) as saved:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    written = Path(saved.args[0])
    assert written == target.with_suffix(".json")  # the suffix added to a bare name
    assert Path(offered[0]).name.startswith("fhir-") and offered[0].endswith(".json")
    bundle = _valid_bundle(written)
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "QuestionnaireResponse", "RiskAssessment", "Questionnaire"} <= kinds
    assert page.saved.isVisible() and str(written) in page.saved.text.text()
    context.worker.wait_for_done()


def test_the_front_desk_sees_the_button_disabled_and_why(qtbot, show_active, database, practice):
    context = _context(database, desk(database))
    page = _open_record(qtbot, show_active, context, practice.patients[0])
    assert page.export_button.isVisible() and not page.export_button.isEnabled()
    assert "administrator" in page.export_button.toolTip()
    context.worker.wait_for_done()


def test_the_review_screen_exports_the_intakes_patient(
    qtbot, show_active, database, tmp_path, monkeypatch
):
    from tests.db.test_review import review_practice

    rp = review_practice(database)
    context = _context(database, admin(database))
    screen = ReviewScreen(context)
    screen.resize(1366, 768)
    with qtbot.waitSignal(screen.review_did_load, timeout=WAIT):
        show_active(screen)
        screen.open(rp.red_intake)
    monkeypatch.setattr(
        PatientExportButton,
        "ask_path",
        classmethod(lambda _cls, _parent, _suggested: str(tmp_path / "red.json")),
    )
    opened: list[Path] = []
    monkeypatch.setattr(
        ReviewScreen, "open_folder", staticmethod(lambda folder: opened.append(folder) or True)
    )
    with qtbot.waitSignal(screen.fhir_button.did_save, timeout=WAIT):
        qtbot.mouseClick(screen.fhir_button, Qt.MouseButton.LeftButton)
    bundle = _valid_bundle(tmp_path / "red.json")
    responses = [
        e for e in bundle["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse"
    ]
    assert responses and f"intake-{rp.red_intake}" in {e["resource"]["id"] for e in responses}
    assert str(tmp_path / "red.json") in screen.message.text()
    qtbot.mouseClick(screen.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]
    context.worker.wait_for_done()


@pytest.fixture
def export_tab(qtbot, show_active, database, practice) -> Iterator[FhirExportTab]:  # type: ignore[no-untyped-def]
    context = _context(database, admin(database))
    page = AdminPage(context)
    page.resize(1366, 768)
    show_active(page)
    tab = page.show_tab("fhir")
    assert isinstance(tab, FhirExportTab)
    yield tab
    context.worker.wait_for_done()


def _type_folder(qtbot, tab: FhirExportTab, folder: Path) -> None:  # type: ignore[no-untyped-def]
    tab.folder.setFocus()
    tab.folder.selectAll()
    qtbot.keyClick(tab.folder, Qt.Key.Key_Delete)
    qtbot.keyClicks(tab.folder, str(folder))


def test_the_bulk_export_runs_with_its_progress_and_says_where(qtbot, export_tab, tmp_path):
    tab = export_tab
    folder = tmp_path / "bulk"
    _type_folder(qtbot, tab, folder)
    seen: list[int] = []
    tab.progress_did_change.connect(lambda done, total, _phase: seen.append(done))
    with qtbot.waitSignal(tab.did_finish, timeout=WAIT) as finished:
        qtbot.mouseClick(tab.start, Qt.MouseButton.LeftButton)
    summary = finished.args[0]
    assert seen and tab.progress.value() == 100
    files = sorted(p.name for p in folder.glob("*.ndjson"))
    assert "Patient.ndjson" in files and "Schedule.ndjson" in files
    assert summary.counts["Patient"] == 2
    for name in files:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            validate(json.loads(line))
    assert tab.saved.isVisible() and str(folder) in tab.saved.text.text()
    assert tab.start.isEnabled() and not tab.cancel.isEnabled()


def test_cancel_stops_the_bulk_export_and_leaves_nothing(qtbot, export_tab, tmp_path, monkeypatch):
    tab = export_tab
    folder = tmp_path / "bulk"
    _type_folder(qtbot, tab, folder)
    gate = threading.Event()
    reading = fhir_export._resources

    def held(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for n, resource in enumerate(reading(*args, **kwargs)):
            if n == 1:
                gate.wait(WAIT / 1000)  # until the person has pressed Cancel
            yield resource

    monkeypatch.setattr(fhir_export, "_resources", held)
    qtbot.mouseClick(tab.start, Qt.MouseButton.LeftButton)
    assert tab.cancel.isEnabled() and not tab.start.isEnabled()
    with qtbot.waitSignal(tab.did_cancel, timeout=WAIT):
        qtbot.mouseClick(tab.cancel, Qt.MouseButton.LeftButton)
        gate.set()
    assert list(folder.iterdir()) == []  # no files, no half-written folder left
    assert "cancelled" in tab.status.text() and tab.start.isEnabled()
