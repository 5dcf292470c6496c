"""`intake fhir export --out DIR [--since DATE] [--patient MRN]`: FHIR Bulk Data files."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from intake.cli import main
from intake.domain.booking import BookingRequest
from intake.domain.enums import CancelledBy
from intake.domain.errors import NotFound, PermissionDenied
from intake.domain.patient_record import as_draft
from intake.screening import load_checklist
from intake.services import booking, fhir_export, intakes, patients
from intake.services.actor import SYSTEM
from intake.services.database import open_database
from tests.db.practice import MONDAY, NOW, admin, at, build, desk, screened_intake
from tests.unit.fhir.fhir_forms import BASE, validate
from tests.unit.screening.builders import answers_for

TYPES = {
    "Appointment",
    "CarePlan",
    "Location",
    "Observation",
    "Organization",
    "Patient",
    "Practitioner",
    "PractitionerRole",
    "Questionnaire",
    "QuestionnaireResponse",
    "RiskAssessment",
    "Schedule",
}


@pytest.fixture
def world(app_env: str) -> Iterator[dict[str, Any]]:
    database = open_database(app_env)
    try:
        practice = build(database, patients_count=3)
        mrns = [patients.get(database, SYSTEM, pid).mrn for pid in practice.patients]
        screened_intake(database, practice.patients[0], has_headache=True, cad_dizziness=True)
        screened_intake(  # whiplash, acute: the guideline's interventions as a CarePlan
            database,
            practice.patients[1],
            pain_now=7,
            has_neck_pain=True,
            neck_pain_with_movement=True,
            onset_mechanism="vehicle_collision",
            trauma_days_ago=30,
        )
        intakes.save_draft(database, desk(database), {"has_neck_pain": True})  # nobody's yet
        for hour, patient_id in ((9, practice.patients[1]), (10, practice.patients[2])):
            request = BookingRequest(
                patient_id, practice.ann, practice.east, at(MONDAY, hour), "FU45"
            )
            visit = booking.book(database, desk(database), request, now=NOW)
        booking.cancel(
            database,
            desk(database),
            visit.id,
            visit.version,
            "ill",
            by=CancelledBy.PATIENT,
            now=NOW,
        )
        yield {"database": database, "mrns": mrns, "ids": practice.patients}
    finally:
        database.close()


def _read(folder: Path) -> dict[str, list[dict[str, Any]]]:
    return {
        path.stem: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for path in sorted(folder.glob("*.ndjson"))
    }


def _references(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                yield value
            else:
                yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)


def test_the_export_is_valid_fhir_whose_references_all_resolve(
    world: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "export"
    assert main(["fhir", "export", "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert str(out) in said.out
    # Not a terminal: plain progress lines (no carriage returns), each phase to the end.
    assert "\r" not in said.err
    for phase in ("patients", "intakes", "appointments"):
        assert f"Exporting {phase}: 100%" in said.err.splitlines()
    files = _read(out)
    assert set(files) == TYPES
    present = {f"{r['resourceType']}/{r['id']}" for rs in files.values() for r in rs}
    for resources in files.values():
        for resource in resources:
            validate(resource)
            assert set(_references(resource)) <= present, resource["id"]
    assert {p["identifier"][0]["value"] for p in files["Patient"]} == set(world["mrns"])
    assert len(files["QuestionnaireResponse"]) == 2  # the draft without a patient stays out
    (questionnaire,) = files["Questionnaire"]
    for response in files["QuestionnaireResponse"]:
        assert response["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"
    flagged = [
        p["outcome"]["coding"][0]["code"]
        for r in files["RiskAssessment"]
        for p in r["prediction"][1:]
    ]
    assert "cad_dizziness" in flagged
    (plan,) = files["CarePlan"]
    assert (plan["status"], plan["intent"]) == ("draft", "proposal")
    assert any(a["detail"].get("doNotPerform") for a in plan["activity"])  # the collar
    assert sorted(a["status"] for a in files["Appointment"]) == ["booked", "cancelled"]
    assert [o["name"] for o in files["Organization"]] == ["practice"]  # the default name
    assert {loc["name"] for loc in files["Location"]} == {"Test Site East", "Test Site West"}


def test_ids_are_stable_across_exports(world: dict[str, Any], tmp_path: Path) -> None:
    assert main(["fhir", "export", "--out", str(tmp_path / "a")]) == 0
    assert main(["fhir", "export", "--out", str(tmp_path / "b")]) == 0
    assert _read(tmp_path / "a") == _read(tmp_path / "b")


def test_one_patient_or_what_changed_since(world: dict[str, Any], tmp_path: Path) -> None:
    mrn = world["mrns"][1]
    assert main(["fhir", "export", "--out", str(tmp_path / "one"), "--patient", mrn]) == 0
    one = _read(tmp_path / "one")
    assert [p["identifier"][0]["value"] for p in one["Patient"]] == [mrn]
    assert len(one["QuestionnaireResponse"]) == 1
    assert len(one["Appointment"]) == 1  # the other visit is another patient's
    # After every write of the test (the visits were booked at NOW, in the future).
    later = (max(dt.date.today(), NOW.date()) + dt.timedelta(days=2)).isoformat()
    assert main(["fhir", "export", "--out", str(tmp_path / "none"), "--since", later]) == 0
    # Nothing changed since: only the practice's set-up, which every export carries whole.
    assert set(_read(tmp_path / "none")) == {
        "Location",
        "Organization",
        "Practitioner",
        "PractitionerRole",
        "Schedule",
    }


def test_an_unknown_record_number_is_one_clear_line(
    world: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fhir", "export", "--out", str(tmp_path), "--patient", "NOPE1"]) == 1
    err = capsys.readouterr().err
    assert "NOPE1" in err and "Traceback" not in err
    with pytest.raises(NotFound):
        fhir_export.read_for_export(world["database"], SYSTEM, mrn="NOPE1")


def test_the_patients_language_and_the_language_asked_in_are_exported(
    world: dict[str, Any], tmp_path: Path
) -> None:
    database, pid, mrn = world["database"], world["ids"][2], world["mrns"][2]
    info = patients.get(database, SYSTEM, pid)
    spanish = replace(as_draft(info), preferred_language="es")
    patients.update(database, desk(database), pid, info.version, spanish)
    answers = answers_for(load_checklist(None), has_headache=True)
    intakes.save(database, desk(database), answers, patient_id=pid, submit=True, language="es")
    assert main(["fhir", "export", "--out", str(tmp_path), "--patient", mrn]) == 0
    files = _read(tmp_path)
    (person,) = files["Patient"]
    assert person["communication"][0]["language"]["coding"][0]["code"] == "es"
    (response,) = files["QuestionnaireResponse"]
    validate(response)
    assert response["language"] == "es"
    texts = {i["linkId"]: i.get("text") for g in response["item"] for i in g["item"]}
    assert texts["has_headache"] == "¿Tiene dolores de cabeza?"  # as it was asked
    (questionnaire,) = files["Questionnaire"]
    assert "language" not in questionnaire or questionnaire["language"] == "en"
    first = {i["linkId"]: i.get("text") for g in questionnaire["item"] for i in g["item"]}
    assert first["has_headache"] == "Do you have headaches?"  # the Questionnaire stays as it is


def _export(world: dict[str, Any], folder: Path, **options: Any) -> fhir_export.ExportSummary:
    return fhir_export.write_export(
        world["database"], admin(world["database"]), folder, base_url=BASE, practice_name="P",
        **options,
    )  # fmt: skip


def test_progress_is_reported_by_phase_up_to_the_whole(
    world: dict[str, Any], tmp_path: Path
) -> None:
    steps: list[fhir_export.ExportProgress] = []
    summary = _export(world, tmp_path / "out", progress=steps.append)
    assert steps[0].phase == "practice"
    finals = {s.phase: s for s in steps if s.done == s.total}
    assert list(finals) == ["practice", "patients", "intakes", "appointments"]
    assert finals["patients"].total == 3 and finals["appointments"].total == 2
    assert steps[-1].overall_done == steps[-1].overall_total
    assert all(a.overall_done <= b.overall_done for a, b in itertools.pairwise(steps))
    assert summary.counts["Patient"] == 3 and summary.counts["Schedule"] >= 1


def test_a_cancelled_export_leaves_the_folder_as_it_was(
    world: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    _export(world, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def stop(step: fhir_export.ExportProgress) -> None:
        if step.phase == "intakes":
            raise fhir_export.ExportCancelled("cancelled")

    with pytest.raises(fhir_export.ExportCancelled):
        _export(world, folder, progress=stop)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no partial files


def test_one_patients_bundle_is_valid_and_holds_only_what_it_refers_to(
    world: dict[str, Any], tmp_path: Path
) -> None:
    database = world["database"]
    mrn = world["mrns"][1]
    patient_id = world["ids"][1]
    path = fhir_export.save_patient_bundle(
        database, admin(database), patient_id, tmp_path / "one.json", base_url=BASE,
        practice_name="P",
    )  # fmt: skip
    bundle = json.loads(path.read_text(encoding="utf-8"))
    validate(bundle)
    resources = [e["resource"] for e in bundle["entry"]]
    present = {f"{r['resourceType']}/{r['id']}" for r in resources}
    for entry in bundle["entry"]:
        validate(entry["resource"])
        assert (
            entry["fullUrl"]
            == f"{BASE}/{entry['resource']['resourceType']}/{entry['resource']['id']}"
        )
        assert set(_references(entry["resource"])) <= present
    kinds = sorted({r["resourceType"] for r in resources})
    assert kinds == [
        "Appointment", "CarePlan", "Location", "Observation", "Organization", "Patient",
        "Practitioner", "Questionnaire", "QuestionnaireResponse", "RiskAssessment",
    ]  # fmt: skip
    assert [r["identifier"][0]["value"] for r in resources if r["resourceType"] == "Patient"] == [
        mrn
    ]
    assert len([r for r in resources if r["resourceType"] == "Location"]) == 1  # the visit's


def test_only_an_administrator_may_export(world: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        fhir_export.write_export(
            world["database"],
            desk(world["database"]),
            tmp_path / "out",
            base_url=BASE,
            practice_name="P",
        )
    assert not (tmp_path / "out").exists()
