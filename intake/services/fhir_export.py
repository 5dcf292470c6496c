"""A FHIR bulk export: patients, their intakes with the screening stored with each, visits
and the practice's set-up, read in batches and written as `TYPE.ndjson` files as they are
read (memory stays flat for any practice size). The mapping to FHIR is `intake.fhir`, pure.

`write_export` is the bulk export (the command line and the admin area); `save_patient_bundle`
one patient's data as one Bundle file (the patient's record and the review screen);
`read_for_export` reads a small set whole (kept for callers that want the records)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import ColumnElement, Executable, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from intake import fhir, screening
from intake.db.models import (
    Appointment,
    AppointmentType,
    AvailabilityTemplate,
    Intake,
    Location,
    Patient,
    Therapist,
    therapist_locations,
)
from intake.domain.enums import AppointmentStatus, IntakeStatus
from intake.domain.errors import KnownError, NotFound
from intake.domain.export import (
    ExportedAppointment,
    ExportedHours,
    ExportedLocation,
    ExportedSchedule,
    ExportedTherapist,
)
from intake.domain.patient import DRAFT_FIELDS, PatientInfo
from intake.domain.permissions import Permission
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said
from intake.fhir import practice
from intake.fhir.bulk import patient as fhir_patient
from intake.fhir.bundle import collection_bundle, references
from intake.fhir.questionnaire import questionnaire
from intake.fhir.response import IntakeFacts, patient_fhir_id
from intake.services import audit
from intake.services.actor import Actor
from intake.services.database import Database
from intake.services.patients import patient_info


@dataclass(frozen=True)
class ExportedIntake:
    id: int
    status: IntakeStatus
    patient_mrn: str
    answers: dict[str, Any]
    checklist_id: str
    checklist_version: str
    screening: screening.ScreeningResult | None
    on: dt.date  # the intake date: the day it was submitted (or last written, for a draft)
    authored: dt.datetime  # last written, UTC
    patient_language: str = "en"  # the questions were put in this language


@dataclass(frozen=True)
class ExportSet:
    """Every patient an exported intake refers to is in `patients` (references resolve)."""

    patients: tuple[PatientInfo, ...]
    intakes: tuple[ExportedIntake, ...]
    appointments: tuple[ExportedAppointment, ...] = ()
    # The whole set-up, always: every appointment's therapist and location resolve.
    locations: tuple[ExportedLocation, ...] = ()
    therapists: tuple[ExportedTherapist, ...] = ()


def read_for_export(
    database: Database,
    actor: Actor,
    *,
    since: dt.date | None = None,
    mrn: str | None = None,
) -> ExportSet:
    """Patients changed since `since` (all without it) and intakes written since then that
    belong to a patient; with `mrn`, only that patient. Drafts with no patient are left out:
    nothing could say whose they are. Audited as one export event (no values)."""
    actor.require(Permission.PRACTICE_ADMIN)
    start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC) if since else None
    with database.writing() as session:  # the export is audited
        patient_filter = [] if mrn is None else [Patient.mrn == mrn]
        if mrn is not None and session.scalar(select(Patient.id).where(*patient_filter)) is None:
            raise NotFound(_no_patient(mrn))
        intake_rows = session.execute(
            select(Intake, Patient.mrn)
            .join(Patient, Patient.id == Intake.patient_id)
            .where(*patient_filter, *([Intake.updated_at >= start] if start else []))
            .order_by(Intake.id)
        ).all()
        booked = (
            [or_(Appointment.booked_at >= start, Appointment.cancelled_at >= start)]
            if start
            else []
        )
        visit_rows = session.execute(
            select(Appointment, Patient.mrn, Location.code, AppointmentType)
            .join(Patient, Patient.id == Appointment.patient_id)
            .join(Location, Location.id == Appointment.location_id)
            .join(AppointmentType, AppointmentType.id == Appointment.type_id)
            .where(*patient_filter, *booked)
            .order_by(Appointment.id)
        ).all()
        wanted = {row.patient_id for row, _ in intake_rows} | {
            visit.patient_id for visit, *_ in visit_rows
        }
        since_filter = [or_(Patient.id.in_(wanted), Patient.updated_at >= start)] if start else []
        patients = session.scalars(
            select(Patient).where(*patient_filter, *since_filter).order_by(Patient.mrn)
        ).all()
        audit.record(session, actor, "export", "fhir", fields=("patients", "intakes"))
        return ExportSet(
            tuple(patient_info(p) for p in patients),
            tuple(_exported(row, patient_mrn) for row, patient_mrn in intake_rows),
            tuple(_visit(*row) for row in visit_rows),
            tuple(
                _location(row) for row in session.scalars(select(Location).order_by(Location.code))
            ),
            tuple(
                _therapist(row)
                for row in session.scalars(
                    select(Therapist)
                    .options(selectinload(Therapist.locations))
                    .order_by(Therapist.id)
                )
            ),
        )


def _visit(row: Appointment, mrn: str, location: str, kind: AppointmentType) -> ExportedAppointment:
    return ExportedAppointment(
        id=row.id,
        patient_mrn=mrn,
        therapist_id=row.therapist_id,
        location_code=location,
        type_code=kind.code,
        type_name=kind.name,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        status=AppointmentStatus(row.status),
        intake_id=row.intake_id,
    )


def _location(row: Location) -> ExportedLocation:
    return ExportedLocation(row.code, row.name, row.address, row.phone, row.timezone, row.active)


def _therapist(row: Therapist) -> ExportedTherapist:
    codes = tuple(sorted(location.code for location in row.locations))
    return ExportedTherapist(row.id, row.display_name, row.credentials, row.active, codes)


def _exported(row: Intake, mrn: str) -> ExportedIntake:
    written = row.updated_at
    return ExportedIntake(
        id=row.id,
        status=IntakeStatus(row.status),
        patient_mrn=mrn,
        answers=dict(row.answers or {}),
        checklist_id=row.checklist_id,
        checklist_version=row.checklist_version,
        screening=screening.ScreeningResult.from_json(row.screening) if row.screening else None,
        on=(row.submitted_at or written).date(),
        authored=written,
        patient_language=row.patient_language,
    )


# ---------------------------------------------------------------------------------------------
# The streaming export.

BATCH = 2000  # rows per fetch: flat memory, few round trips
PHASES = ("practice", "patients", "intakes", "appointments")
JsonDict = dict[str, Any]
# The resource types an export may write (a stale file of one of them is removed).
RESOURCE_TYPES = (
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
)


@dataclass(frozen=True)
class _Line:
    """A resource already as its JSON text (the fast path of the files)."""

    kind: str
    text: str


Emitted = JsonDict | _Line
ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class ExportCancelled(KnownError):
    """Raised by a progress callback to stop an export; nothing is left in the folder."""


@dataclass(frozen=True)
class ExportProgress:
    phase: str  # one of PHASES
    done: int  # rows of this phase written
    total: int  # rows of this phase to write
    overall_done: int  # rows of every phase
    overall_total: int


ProgressCallback = Callable[[ExportProgress], None]  # may raise ExportCancelled


@dataclass(frozen=True)
class ExportSummary:
    folder: Path
    counts: dict[str, int]  # resource type: resources written (only types with some)


@dataclass(frozen=True)
class _Scope:
    """Which rows an export takes (the same rules as `read_for_export`)."""

    start: dt.datetime | None = None
    patient_id: int | None = None

    def patients(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.patient_id is not None:
            where.append(Patient.id == self.patient_id)
        if self.start is not None:
            where.append(
                or_(
                    Patient.updated_at >= self.start,
                    exists().where(Intake.patient_id == Patient.id, *self._intakes_since()),
                    exists().where(Appointment.patient_id == Patient.id, *self._visits_since()),
                )
            )
        return where

    def intakes(self) -> list[ColumnElement[bool]]:
        # A draft that belongs to nobody yet is left out: nothing could say whose it is.
        where = [Intake.patient_id.is_not(None), *self._intakes_since()]
        if self.patient_id is not None:
            where.append(Intake.patient_id == self.patient_id)
        return where

    def appointments(self) -> list[ColumnElement[bool]]:
        where = self._visits_since()
        if self.patient_id is not None:
            where.append(Appointment.patient_id == self.patient_id)
        return where

    def exports_intake(self, patient_id: int | None, updated_at: dt.datetime | None) -> bool:
        """Whether the intake a visit names is in this export (then the visit links it)."""
        if patient_id is None or updated_at is None:
            return False
        if self.patient_id is not None and patient_id != self.patient_id:
            return False
        return self.start is None or updated_at >= self.start

    def _intakes_since(self) -> list[ColumnElement[bool]]:
        return [] if self.start is None else [Intake.updated_at >= self.start]

    def _visits_since(self) -> list[ColumnElement[bool]]:
        if self.start is None:
            return []
        return [or_(Appointment.booked_at >= self.start, Appointment.cancelled_at >= self.start)]


def write_export(
    database: Database,
    actor: Actor,
    folder: Path,
    *,
    base_url: str,
    practice_name: str,
    since: dt.date | None = None,
    mrn: str | None = None,
    progress: ProgressCallback | None = None,
    today: dt.date | None = None,
) -> ExportSummary:
    """Write the export as `TYPE.ndjson` files in `folder` (made if missing), read and written
    in batches. The files appear together at the end (written beside them first), replacing
    those of an earlier export in that folder; a failure or a cancel leaves the folder as it
    was. `progress` is called after every batch; it may raise `ExportCancelled` to stop.
    Audited as one export event (no values)."""
    actor.require(Permission.PRACTICE_ADMIN)
    start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC) if since else None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".fhir-export-", dir=folder))
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    try:
        with _Files(work) as files:
            with database.reading() as session:
                _snapshot(session)
                patient_id = _patient_id(session, mrn)
                _audit(database, actor, patient_id)
                for resource in _resources(
                    session,
                    _Scope(start, patient_id),
                    base_url,
                    practice_name,
                    today or dt.datetime.now(dt.UTC).date(),
                    progress,
                    as_text=True,
                ):
                    files.write(resource)
            counts = files.close()
        for kind in RESOURCE_TYPES:  # the new set replaces the old one whole
            target = folder / f"{kind}.ndjson"
            if kind in counts:
                os.replace(work / target.name, target)
            else:
                target.unlink(missing_ok=True)
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return ExportSummary(folder, counts)


def save_patient_bundle(
    database: Database,
    actor: Actor,
    patient_id: int,
    path: Path,
    *,
    base_url: str,
    practice_name: str,
    today: dt.date | None = None,
) -> Path:
    """One patient's record, intakes with their screening, and visits as one FHIR `Bundle`
    (type collection) in `path`, with the Questionnaire, therapists and locations they refer
    to (and nothing more of the set-up). Audited as an export of that patient."""
    actor.require(Permission.PRACTICE_ADMIN)
    moment = dt.datetime.now(dt.UTC)
    with database.reading() as session:
        _snapshot(session)
        mrn = session.scalar(select(Patient.mrn).where(Patient.id == patient_id))
        if mrn is None:
            raise NotFound(
                said(QT_TRANSLATE_NOOP("FhirExport", "This patient record no longer exists."))
            )
        _audit(database, actor, patient_id)
        found = [
            r
            for r in _resources(
                session,
                _Scope(None, patient_id),
                base_url,
                practice_name,
                today or moment.date(),
                None,
            )
            if isinstance(r, dict)  # always, without as_text
        ]
    bundle = collection_bundle(
        _referenced(found), base_url, bundle_id=f"export-{patient_fhir_id(mrn)}", timestamp=moment
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(json.dumps(bundle, ensure_ascii=False, indent=1) + "\n", "utf-8")
        os.replace(partial, path)
    except OSError as exc:
        raise _cannot_write(path.parent, exc) from None
    return path


def _referenced(found: list[JsonDict]) -> list[JsonDict]:
    """The patient's own resources, the Questionnaire versions their responses answer (a
    canonical, not a reference) and the set-up they refer to (transitively: a Location
    refers to the Organization)."""
    own = {
        "Patient",
        "Questionnaire",
        "QuestionnaireResponse",
        "RiskAssessment",
        "Observation",
        "CarePlan",
        "Appointment",
    }
    keep = {f"{r['resourceType']}/{r['id']}" for r in found if r["resourceType"] in own}
    by_name = {f"{r['resourceType']}/{r['id']}": r for r in found}
    pending = list(keep)
    while pending:
        for target in references(by_name[pending.pop()]):
            if target in by_name and target not in keep:
                keep.add(target)
                pending.append(target)
    return [r for r in found if f"{r['resourceType']}/{r['id']}" in keep]


def _cannot_write(folder: Path, exc: OSError) -> KnownError:
    return KnownError(
        said(
            QT_TRANSLATE_NOOP("FhirExport", "Cannot write the export in {folder}: {problem}."),
            folder=folder,
            problem=exc.strerror or exc,
        )
    )


def _no_patient(mrn: str) -> Message:
    return said(
        QT_TRANSLATE_NOOP("FhirExport", "There is no patient with record number {mrn}."), mrn=mrn
    )


def _snapshot(session: Session) -> None:
    """One consistent view for the whole read: every reference resolves even while the
    front desk goes on working (SQLite's read transaction already is one)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def _patient_id(session: Session, mrn: str | None) -> int | None:
    if mrn is None:
        return None
    found = session.scalar(select(Patient.id).where(Patient.mrn == mrn))
    if found is None:
        raise NotFound(_no_patient(mrn))
    return found


def _audit(database: Database, actor: Actor, patient_id: int | None) -> None:
    # Its own short write: the long read must not hold SQLite's write lock meanwhile.
    with database.writing() as session:
        audit.record(
            session, actor, "export", "fhir", patient_id=patient_id, fields=("patients", "intakes")
        )


class _Files:
    """One `TYPE.ndjson` per resource type, opened when its first resource comes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.handles: dict[str, IO[str]] = {}
        self.counts: dict[str, int] = defaultdict(int)

    def __enter__(self) -> _Files:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, resource: Emitted) -> None:
        if isinstance(resource, _Line):
            kind, text = resource.kind, resource.text
        else:
            # One encoder for every line: json.dumps with options builds a new one per call.
            kind, text = resource["resourceType"], ENCODE(resource)
        handle = self.handles.get(kind)
        if handle is None:
            handle = self.handles[kind] = open(  # noqa: SIM115 (closed in close())
                self.folder / f"{kind}.ndjson", "w", encoding="utf-8", buffering=1 << 20
            )
        handle.write(text + "\n")
        self.counts[kind] += 1

    def close(self) -> dict[str, int]:
        while self.handles:
            self.handles.popitem()[1].close()
        return dict(sorted(self.counts.items()))


class _Progress:
    def __init__(self, report: ProgressCallback | None, totals: dict[str, int]) -> None:
        self.report = report
        self.totals = totals
        self.overall_total = sum(totals.values())
        self.finished = 0  # rows of the phases already done

    def __call__(self, phase: str, done: int) -> None:
        if self.report is not None:
            total = self.totals[phase]
            self.report(
                ExportProgress(phase, done, total, self.finished + done, self.overall_total)
            )

    def phase_done(self, phase: str) -> None:
        self(phase, self.totals[phase])
        self.finished += self.totals[phase]


def _count(session: Session, column: Any, where: Sequence[ColumnElement[bool]]) -> int:
    return session.scalar(select(func.count(column)).where(*where)) or 0


def _batches(session: Session, statement: Executable) -> Iterator[Sequence[Any]]:
    """Plain rows, BATCH at a time (a server-side cursor on PostgreSQL)."""
    result = session.execute(statement.execution_options(yield_per=BATCH))
    yield from result.partitions()


def _resources(
    session: Session,
    scope: _Scope,
    base_url: str,
    practice_name: str,
    today: dt.date,
    report: ProgressCallback | None,
    *,
    as_text: bool = False,
) -> Iterator[Emitted]:
    """Every resource of the export, set-up first; with `as_text` the bulky ones (responses)
    come as their JSON text already."""
    base = base_url.rstrip("/")
    totals = {
        "practice": 1,
        "patients": _count(session, Patient.id, scope.patients()),
        "intakes": _count(session, Intake.id, scope.intakes()),
        "appointments": _count(session, Appointment.id, scope.appointments()),
    }
    progress = _Progress(report, totals)
    progress("practice", 0)
    yield from _set_up(session, practice_name, base, today)
    progress.phase_done("practice")

    fields = [getattr(Patient, name) for name in (*DRAFT_FIELDS, "id", "mrn", "version")]
    done = 0
    for rows in _batches(session, select(*fields).where(*scope.patients()).order_by(Patient.id)):
        for row in rows:
            yield fhir_patient(PatientInfo(**row._mapping), base)
        done += len(rows)
        progress("patients", done)
    progress.phase_done("patients")

    checklists: dict[tuple[str, str], screening.Checklist] = {}
    asked_in: dict[tuple[str, str, str], screening.Checklist | None] = {}
    lines: dict[tuple[str, str, str], tuple[fhir.ResponseLines, fhir.ScreeningLines]] = {}
    statement = (
        select(
            Intake.id,
            Intake.status,
            Intake.answers,
            Intake.checklist_id,
            Intake.checklist_version,
            Intake.screening,
            Intake.submitted_at,
            Intake.updated_at,
            Intake.patient_language,
            Patient.mrn,
        )
        .join(Patient, Patient.id == Intake.patient_id)
        .where(*scope.intakes())
        .order_by(Intake.id)
    )
    done = 0
    for rows in _batches(session, statement):
        for row in rows:
            key = (row.checklist_id, row.checklist_version)
            checklist = checklists.get(key)
            if checklist is None:
                checklist = checklists[key] = screening.load_checklist(f"{key[0]}-{key[1]}")
            worded = (*key, row.patient_language)
            if worded not in asked_in:
                asked_in[worded] = _asked_in(*worded)
            facts = IntakeFacts(
                row.id,
                IntakeStatus(row.status),
                row.answers or {},
                (row.submitted_at or row.updated_at).date(),
                row.updated_at,
                row.mrn,
                # The stored result, as decided then: read, never recomputed.
                screening.ScreeningResult.from_json(row.screening) if row.screening else None,
                patient_language=row.patient_language,
                asked=asked_in[worded],
            )
            if as_text:
                if (writer := lines.get(worded)) is None:
                    writer = lines[worded] = (
                        fhir.ResponseLines(
                            checklist,
                            base,
                            ENCODE,
                            language=row.patient_language,
                            asked=asked_in[worded],
                        ),
                        fhir.ScreeningLines(checklist, base, ENCODE),
                    )
                yield _Line("QuestionnaireResponse", writer[0].line(facts))
                for kind, text in writer[1].lines(facts):
                    yield _Line(kind, text)
            else:
                yield fhir.questionnaire_response(checklist, facts, base)
                yield from fhir.screening_resources(checklist, facts, base)
        done += len(rows)
        progress("intakes", done)
    progress.phase_done("intakes")
    for checklist in checklists.values():  # each checklist version used, once
        yield questionnaire(checklist, base)

    kinds = {
        row.id: (row.code, row.name)
        for row in session.execute(
            select(AppointmentType.id, AppointmentType.code, AppointmentType.name)
        )
    }
    statement = (
        select(
            Appointment.id,
            Patient.mrn,
            Appointment.therapist_id,
            Location.code,
            Appointment.type_id,
            Appointment.starts_at,
            Appointment.ends_at,
            Appointment.status,
            Appointment.intake_id,
            Intake.patient_id,
            Intake.updated_at,
        )
        .join(Patient, Patient.id == Appointment.patient_id)
        .join(Location, Location.id == Appointment.location_id)
        .outerjoin(Intake, Intake.id == Appointment.intake_id)
        .where(*scope.appointments())
        .order_by(Appointment.id)
    )
    done = 0
    for rows in _batches(session, statement):
        for row in rows:
            code, name = kinds[row.type_id]
            visit = ExportedAppointment(
                row.id,
                row.mrn,
                row.therapist_id,
                row.code,
                code,
                name,
                row.starts_at,
                row.ends_at,
                AppointmentStatus(row.status),
                row.intake_id,
            )
            linked = (
                {row.intake_id} if scope.exports_intake(row.patient_id, row.updated_at) else set()
            )
            yield practice.appointment(visit, base, linked)
        done += len(rows)
        progress("appointments", done)
    progress.phase_done("appointments")


def _asked_in(checklist_id: str, version: str, language: str) -> screening.Checklist | None:
    """The checklist in the language an intake's questions were put in (None: the
    Questionnaire's own, English)."""
    if language == "en":
        return None
    return screening.load_checklist(
        f"{checklist_id}-{version}", language=language, staff_language="en"
    )


def _set_up(session: Session, practice_name: str, base: str, today: dt.date) -> Iterator[JsonDict]:
    """The practice's set-up, whole every time (small, and every visit refers to it)."""
    yield practice.organization(practice_name)
    places = session.execute(select(Location).order_by(Location.code)).scalars().all()
    for place in places:
        yield practice.location(_location(place), base)
    codes: dict[int, list[str]] = defaultdict(list)
    for therapist_id, code in session.execute(
        select(therapist_locations.c.therapist_id, Location.code)
        .join(Location, Location.id == therapist_locations.c.location_id)
        .order_by(Location.code)
    ):
        codes[therapist_id].append(code)
    therapists = session.execute(
        select(
            Therapist.id, Therapist.display_name, Therapist.credentials, Therapist.active
        ).order_by(Therapist.id)
    ).all()
    for row in therapists:
        person = ExportedTherapist(
            row.id, row.display_name, row.credentials, row.active, tuple(codes[row.id])
        )
        yield practice.practitioner(person)
        yield practice.practitioner_role(person)
    yield from (practice.schedule(s) for s in _schedules(session, places, therapists, today))


def _schedules(
    session: Session, places: Sequence[Location], therapists: Sequence[Any], today: dt.date
) -> Iterator[ExportedSchedule]:
    """One per therapist and location with working hours in force today or later."""
    hours: dict[tuple[int, int], list[ExportedHours]] = defaultdict(list)
    for row in session.execute(
        select(AvailabilityTemplate)
        .where(
            or_(
                AvailabilityTemplate.effective_to.is_(None),
                AvailabilityTemplate.effective_to >= today,
            )
        )
        .order_by(AvailabilityTemplate.id)
    ).scalars():
        hours[(row.therapist_id, row.location_id)].append(
            ExportedHours(
                row.weekday, row.start_time, row.end_time, row.effective_from, row.effective_to
            )
        )
    by_place = {place.id: place for place in places}
    active = {row.id: row.active for row in therapists}
    for (therapist_id, location_id), found in sorted(hours.items()):
        place = by_place[location_id]
        yield ExportedSchedule(
            therapist_id,
            place.code,
            place.timezone,
            active[therapist_id] and place.active,
            tuple(found),
        )
