"""`intake fhir import FILE`: QuestionnaireResponses become draft intakes of the patients they
name beyond doubt; the rest is listed and left alone; a bad file writes nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from intake import fhir, screening
from intake.cli import main
from intake.db.models import AuditEvent, Intake
from intake.domain.enums import IntakeStatus
from intake.domain.patient import PatientDraft
from intake.fhir.codes import NDI_TOTAL_LINK, FhirNames, section_link
from intake.services import intakes, patient_merge, patient_record, patients
from intake.services.actor import SYSTEM
from intake.services.database import Database, open_database
from intake.settings import DEFAULT_FHIR_BASE_URL
from tests.db.practice import SCREENED_ON, desk
from tests.unit.screening.builders import answers_for, ndi_sections

CHECKLIST = screening.load_checklist()
NAMES = FhirNames(DEFAULT_FHIR_BASE_URL, CHECKLIST.id)
JsonDict = dict[str, Any]
# Made-up people (no real patient data): the same two are set up in both databases.
ANN = PatientDraft("Testcase", "Annette", dt.date(1981, 4, 5), "female")
BO = PatientDraft("Samplefield", "Bo", dt.date(1975, 9, 30), "male")
HEADACHE = answers_for(
    CHECKLIST,
    has_headache=True,
    cad_dizziness=True,
    arm_symptoms=["pain", "numbness"],
    symptom_duration_weeks=2.5,
    pain_now=7,
    **ndi_sections(17, skipped=1),
)
TRAUMA = answers_for(
    CHECKLIST, onset_mechanism="vehicle_collision", trauma_days_ago=3, ccr_walked_since=True
)
PLAIN = answers_for(CHECKLIST, pain_now=2, arm_symptoms=[])


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _count(database: Database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(Intake)) or 0


@pytest.fixture
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A second migrated, empty database: the practice the export is taken into."""
    server = request.getfixturevalue("postgres")
    if server is None:
        folder = tmp_path / "fresh"
        folder.mkdir()
        url = f"sqlite+pysqlite:///{folder / 'intake.sqlite3'}"
        open_database(url).close()
        return url
    return str(server.create(template=server.template))


@pytest.fixture
def source(app_env: str) -> Iterator[Database]:
    database = open_database(app_env)
    try:
        yield database
    finally:
        database.close()


def _export(source: Database, out: Path) -> dict[str, list[JsonDict]]:
    ann = patients.register(source, SYSTEM, ANN).id
    bo = patients.register(source, SYSTEM, BO).id
    for patient_id, answers in ((ann, HEADACHE), (ann, TRAUMA), (bo, PLAIN)):
        intakes.save(
            source, desk(source), answers, patient_id=patient_id, on=SCREENED_ON, submit=True
        )
    assert _run("fhir", "export", "--out", str(out))[0] == 0
    return {
        path.stem: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for path in out.glob("*.ndjson")
    }


def _stored(database: Database) -> dict[int, tuple[str, dict[str, Any], Any]]:
    """{intake id: (patient's record number, answers, screening)} of every intake."""
    with database.reading() as session:
        rows = [(r.id, r.patient_id) for r in session.scalars(select(Intake).order_by(Intake.id))]
    found = {}
    for intake_id, patient_id in rows:
        info = intakes.get(database, SYSTEM, intake_id)
        mrn = patients.get(database, SYSTEM, patient_id).mrn if patient_id else ""
        found[intake_id] = (mrn, info.answers, info.screening)
    return found


def _in_force(answers: dict[str, Any]) -> dict[str, Any]:
    kept, _ = screening.answers_in_force(CHECKLIST, answers, SCREENED_ON)
    return {k: v for k, v in kept.items() if v is not None}


def _same_screening(a: Any, b: Any) -> None:
    assert a.triage == b.triage
    assert [f.id for f in a.flags] == [f.id for f in b.flags]
    assert (a.ndi, a.pain, a.status) == (b.ndi, b.pain, b.status)
    assert a.to_json() == b.to_json()  # categories, stage, headache criteria too


def test_an_export_imports_into_a_fresh_database_as_the_same_answers_and_screening(
    source: Database, fresh_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _export(source, tmp_path / "export")
    originals = _stored(source)
    fresh = open_database(fresh_url)
    try:
        # Someone else first: the same people get other internal ids, so only the record
        # number (carried by the export) or name + birth date can find them.
        patients.register(
            fresh, SYSTEM, PatientDraft("Otherperson", "Cy", dt.date(1990, 1, 1), "other")
        )
        by_mrn, ids = {}, []
        exported = sorted(files["Patient"], key=lambda p: p["name"][0]["given"])
        for draft, resource in zip((ANN, BO), exported, strict=True):
            made = patients.register(fresh, SYSTEM, draft)
            by_mrn[resource["identifier"][0]["value"]] = made.mrn
            ids.append(made.id)
        # The record numbers of the fresh database are written over the export's, as a
        # practice that moved its records would have them.
        responses = files["QuestionnaireResponse"]
        for response in responses[:2]:
            old = response["subject"]["identifier"]["value"]
            response["subject"]["identifier"]["value"] = by_mrn[old]
        # The third names its patient only by a Patient resource with name and birth date.
        (bo_patient,) = [p for p in files["Patient"] if p["name"][0]["given"] == ["Bo"]]
        del bo_patient["identifier"]
        responses[2]["subject"] = {"reference": "urn:uuid:bo"}
        bundle = {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [
                {"fullUrl": "urn:uuid:bo", "resource": bo_patient},
                *({"resource": r} for r in responses),
            ],
        }
        path = tmp_path / "portal.json"
        path.write_text(json.dumps(bundle), encoding="utf-8")
        monkeypatch.setenv("INTAKE_DATABASE_URL", fresh_url)
        code, out, err = _run("fhir", "import", str(path))
        assert (code, err) == (0, "")
        assert out.count("imported as draft intake") == 3
        imported = _stored(fresh)
        assert len(imported) == 3
        expected = {
            (by_mrn[mrn], json.dumps(_in_force(a), sort_keys=True)): s
            for mrn, a, s in originals.values()
        }
        for mrn, answers, result in imported.values():
            key = (mrn, json.dumps(answers, sort_keys=True))
            assert key in expected, "an imported draft differs from every original"
            _same_screening(result, expected[key])
        # The front desk finds it in the record, opens it, checks and submits it.
        lines = patient_record.overview(fresh, SYSTEM, ids[0]).intakes
        assert [line.status for line in lines] == [IntakeStatus.DRAFT] * 2
        draft = intakes.get(fresh, desk(fresh), lines[0].id)
        done = intakes.submit(fresh, desk(fresh), draft.id, draft.version, draft.answers)
        assert done.status == IntakeStatus.SUBMITTED
    finally:
        fresh.close()


def _portal_response(subject: JsonDict, contained: list[JsonDict] | None = None) -> JsonDict:
    facts = fhir.IntakeFacts(
        1, IntakeStatus.DRAFT, PLAIN, SCREENED_ON, dt.datetime.now(dt.UTC), None
    )
    response = fhir.questionnaire_response(CHECKLIST, facts, DEFAULT_FHIR_BASE_URL)
    response["subject"] = subject
    if contained:
        response["contained"] = contained
    return response


def _named(family: str, given: str, born: str) -> tuple[JsonDict, list[JsonDict]]:
    patient = {
        "resourceType": "Patient",
        "id": "p",
        "name": [{"family": family, "given": [given]}],
        "birthDate": born,
    }
    return {"reference": "#p"}, [patient]


def test_only_a_patient_named_beyond_doubt_gets_the_intake(
    source: Database, tmp_path: Path
) -> None:
    ann = patients.register(source, SYSTEM, ANN)
    for _twin in range(2):  # two records a name and birth date cannot tell apart
        patients.register(source, SYSTEM, BO)
    responses = [
        _portal_response({"identifier": {"system": NAMES.patient_mrn, "value": ann.mrn}}),
        _portal_response(*_named("Samplefield", "Bo", "1975-09-30")),
        _portal_response(*_named("Nobody", "Known", "1999-12-31")),
        _portal_response({"identifier": {"system": NAMES.patient_mrn, "value": "NOPE1"}}),
        _portal_response(
            {"identifier": {"system": NAMES.patient_mrn, "value": ann.mrn}, "reference": "#p"},
            _named("Samplefield", "Bo", "1975-09-30")[1],
        ),
        _portal_response({"display": "somebody"}),
    ]
    path = tmp_path / "responses.ndjson"
    path.write_text("".join(json.dumps(r) + "\n" for r in responses), encoding="utf-8")
    code, out, err = _run("fhir", "import", str(path))
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert f"imported as draft intake 1 for record number {ann.mrn}" in lines[0]
    assert "2 patients on file could be the one named" in lines[1]
    assert "no patient on file matches the name and birth date given" in lines[2]
    assert "no patient has record number NOPE1" in lines[3]
    assert "do not agree" in lines[4]
    assert "names no record number" in lines[5]
    assert all("unmatched, left alone" in line for line in lines[1:])
    stored = _stored(source)
    assert [(mrn, answers) for mrn, answers, _ in stored.values()] == [(ann.mrn, _in_force(PLAIN))]
    assert "Samplefield" not in out  # no patient data beyond what the file gave
    with source.reading() as session:
        (event,) = session.scalars(select(AuditEvent).where(AuditEvent.action == "import"))
    assert (event.entity, event.entity_id, event.patient_id) == ("intake", 1, ann.id)
    assert event.fields == sorted(_in_force(PLAIN))  # the questions' names, never the answers


def test_a_merged_record_number_leads_to_the_record_it_was_merged_into(
    source: Database, tmp_path: Path
) -> None:
    kept = patients.register(source, SYSTEM, ANN)
    gone = patients.register(source, SYSTEM, ANN)
    patient_merge.merge(source, SYSTEM, kept.id, gone.id, {}, (kept.version, gone.version))
    path = tmp_path / "one.json"
    subject = {"identifier": {"system": NAMES.patient_mrn, "value": gone.mrn}}
    path.write_text(json.dumps(_portal_response(subject)), encoding="utf-8")
    code, out, _err = _run("fhir", "import", str(path))
    assert code == 0 and f"for record number {kept.mrn}" in out


def test_a_name_and_birth_date_written_differently_still_find_the_one_record(
    source: Database, tmp_path: Path
) -> None:
    bo = patients.register(source, SYSTEM, BO)
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps(_portal_response(*_named(" SAMPLEFIELD ", "bo", "1975-09-30"))), encoding="utf-8"
    )
    code, out, _err = _run("fhir", "import", str(path))
    assert code == 0 and f"for record number {bo.mrn}" in out


# --- malformed input ------------------------------------------------------------------------

QUESTIONS = [q for q in CHECKLIST.questions if q.id in _in_force(PLAIN)]
# Links that could make the added item a valid one: a group, a question, the NDI total.
TAKEN_LINKS = {
    *(section_link(s.id) for s in CHECKLIST.sections),
    *(q.id for q in CHECKLIST.questions),
    NDI_TOTAL_LINK,
}
_junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_huge = st.integers(1000, 200_000).map(lambda n: "x" * n)
_text = st.text(max_size=30) | _huge


def _base() -> JsonDict:
    return _portal_response({"identifier": {"system": NAMES.patient_mrn, "value": "A1"}})


def _item(doc: JsonDict, link: str) -> JsonDict:
    return next(i for g in doc["item"] for i in g["item"] if i["linkId"] == link)


@st.composite
def _bad_document(draw: st.DrawFn) -> tuple[JsonDict | object, str | None]:
    """A document that must be refused, and the linkId its message must name (if any)."""
    doc = _base()
    kind = draw(
        st.sampled_from(
            [
                "type",
                "questionnaire",
                "version",
                "link",
                "value",
                "range",
                "date",
                "status",
                "nested",
                "junk",
            ]
        )
    )
    if kind == "type":
        doc["resourceType"] = draw(
            _text.filter(lambda t: t not in ("QuestionnaireResponse", "Bundle", "Patient"))
        )
        return doc, None
    if kind == "questionnaire":
        if draw(st.booleans()):
            del doc["questionnaire"]
        else:
            doc["questionnaire"] = draw(_junk.filter(lambda v: not isinstance(v, str)) | _text)
        return doc, None
    if kind == "version":
        doc["questionnaire"] = (
            f"{NAMES.questionnaire}|{draw(_text.filter(lambda v: v != CHECKLIST.version))}"
        )
        return doc, None
    if kind == "link":
        link = draw(_text.filter(lambda t: t not in TAKEN_LINKS))
        target = doc["item"] if draw(st.booleans()) else draw(st.sampled_from(doc["item"]))["item"]
        target.append({"linkId": link, "answer": draw(st.lists(_junk, max_size=2))})
        return doc, None
    question = draw(st.sampled_from(QUESTIONS))
    item = _item(doc, question.id)
    if kind == "value":
        wrong = draw(
            st.sampled_from(
                [
                    "valueString",
                    "valueBoolean",
                    "valueInteger",
                    "valueDate",
                    "valueCoding",
                    "valueQuantity",
                ]
            )
        )
        right = next(iter(item["answer"][0]))
        if wrong == right:
            wrong = "valueString"
        item["answer"] = [{wrong: draw(_junk)}]
    elif kind == "range":
        question = CHECKLIST.question("pain_now")  # type: ignore[assignment]
        item = _item(doc, "pain_now")
        value = draw(
            st.integers().filter(lambda n: not 0 <= n <= 10)
            | st.floats(0.01, 9.99)
            | st.integers(10**30, 10**40)
        )
        item["answer"] = [{"valueInteger": value}]
    elif kind == "date":
        question = CHECKLIST.question("dob")  # type: ignore[assignment]
        item = _item(doc, "dob")
        future = st.dates(dt.date.today() + dt.timedelta(days=1)).map(dt.date.isoformat)
        item["answer"] = [{"valueDate": draw(future | _text.filter(_not_a_date))}]
    elif kind == "status":
        doc["status"] = draw(
            _junk.filter(lambda v: v not in ("in-progress", "completed", "amended", "stopped"))
        )
        return doc, None
    elif kind == "nested":
        item["item"] = draw(st.lists(_junk, min_size=1, max_size=2))
    else:
        return draw(_junk), None
    assert question is not None
    return doc, question.id


def _not_a_date(text: str) -> bool:
    try:
        return dt.date.fromisoformat(text) > dt.date.today() or len(text) != 10
    except ValueError:
        return True


def test_hundreds_of_bad_documents_are_refused_clearly_and_write_nothing(
    source: Database, tmp_path: Path
) -> None:
    patients.register(source, SYSTEM, ANN)
    before = _count(source)
    seen = {"n": 0}

    @settings(
        max_examples=250, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(bad=_bad_document(), wrap=st.sampled_from(["plain", "bundle", "ndjson"]))
    def refused(bad: tuple[Any, str | None], wrap: str) -> None:
        doc, link = bad
        good = _base()
        if wrap == "bundle":
            path, text = (
                tmp_path / "bad.json",
                json.dumps(
                    {"resourceType": "Bundle", "entry": [{"resource": good}, {"resource": doc}]}
                ),
            )
        elif wrap == "ndjson":
            path, text = tmp_path / "bad.ndjson", json.dumps(good) + "\n" + json.dumps(doc) + "\n"
        else:
            path, text = tmp_path / "bad.json", json.dumps(doc)
        path.write_text(text, encoding="utf-8")
        code, out, err = _run("fhir", "import", str(path))
        assert code in (1, 2), (code, out, err)
        assert "Traceback" not in out + err and "unexpected error" not in err
        assert "nothing was imported" in err and "imported as draft" not in out
        if link is not None:
            question = CHECKLIST.question(link)
            assert question is not None
            assert f"item {link} (" in err and question.text[:30] in err, err
        assert len(err) < 2000  # a huge string is cut short, not echoed
        seen["n"] += 1

    refused()
    assert seen["n"] >= 200
    assert _count(source) == before


CASES = [
    (b"{not json", "a.json", 2),
    (b"[]", "a.json", 2),
    (b"\xff\xfe", "a.json", 2),
    (b'{"resourceType": "Patient"}', "a.json", 1),
    (b"\n\n", "a.ndjson", 2),
]


def test_exit_codes_say_what_kind_of_problem(app_env: str, tmp_path: Path) -> None:
    for content, name, code in CASES:
        path = tmp_path / name
        path.write_bytes(content)
        got, _out, err = _run("fhir", "import", str(path))
        assert got == code and "nothing was imported" in err, (content, err)
    got, _out, err = _run("fhir", "import", str(tmp_path / "missing.json"))
    assert got == 1 and "cannot read it" in err
