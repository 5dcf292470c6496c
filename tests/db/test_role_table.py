"""Every public service function, called as every role: allowed, or refused before any work.

The table is checked against the services modules by introspection: a new public function
in intake/services/*.py without a row here (or a reason to be exempt) fails the first test.
A refused call must raise PermissionDenied and leave the audit trail untouched; an allowed
call must succeed with the arguments its factory builds.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import itertools
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

import intake.services
from intake.db.models import AuditEvent
from intake.domain.accounts import AuditQuery, SignInRefused
from intake.domain.booking import BookingRequest, SlotRequest, WaitlistPreferences
from intake.domain.enums import CancelledBy, Role
from intake.domain.errors import PermissionDenied
from intake.domain.incoming import IncomingResponse, PatientHint
from intake.domain.patient import PatientDraft
from intake.domain.permissions import ROLE_PERMISSIONS, Permission
from intake.domain.practice import DayHours
from intake.domain.review import QueueFilter, ReviewKey
from intake.domain.series import SeriesRequest
from intake.services import (
    accounts,
    booking,
    intakes,
    patient_merge,
    patients,
    practice_admin,
    self_intake,
    series,
    slot_finder,
    staffing,
    waitlist,
)
from intake.services.actor import NOT_ISSUED, SYSTEM, Actor
from tests.db.practice import MONDAY, NOW, SmallPractice, build, screened_intake
from tests.db.test_accounts import PASSWORD, cheap_hasher  # noqa: F401

Args = tuple[tuple[Any, ...], dict[str, Any]]
SIGNED_IN = None  # any signed-in account may (its own password, its own session)


@dataclass
class World:
    database: Any
    practice: SmallPractice
    tmp: Path
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def n(self) -> int:
        return next(self.counter)

    def code(self) -> str:
        return f"RT{self.n()}"

    def version(self, code: str = "EAST") -> int:
        return practice_admin.get_location(self.database, SYSTEM, code).version

    def draft(self) -> PatientDraft:
        n = self.n()
        return PatientDraft(f"Roletest{n}", "Synthetic", dt.date(1970, 1, 1), "other")

    def patient(self) -> int:
        return patients.register(self.database, SYSTEM, self.draft()).id

    def mrn(self) -> str:
        return patients.register(self.database, SYSTEM, self.draft()).mrn

    def therapist(self) -> Any:
        return staffing.create_therapist(
            self.database, SYSTEM, f"Role Therapist {self.n()}", location_codes=["EAST"]
        )

    def template(self) -> Any:
        therapist = self.therapist()
        return staffing.add_template(
            self.database, SYSTEM, therapist.id, "EAST", 0, dt.time(8), dt.time(9), MONDAY
        )

    def request(self) -> BookingRequest:
        patient = self.patient()
        intake_id = screened_intake(self.database, patient)
        slot = slot_finder.find(
            self.database, SYSTEM, SlotRequest(first_day=MONDAY, days=5, earliest=NOW, limit=1)
        )[0]
        return BookingRequest(patient, slot.therapist_id, slot.location_id, slot.start, "EVAL60",
                              intake_id)  # fmt: skip

    def visit(self) -> Any:
        return booking.book(self.database, SYSTEM, self.request(), now=NOW)

    def course_request(self) -> SeriesRequest:
        """Two visits, the nearest free Wednesday 11:00 at Ben's, for a new patient."""
        return SeriesRequest(
            self.patient(), "FU45", self.practice.west, self.practice.ben, ((2, dt.time(11)),),
            MONDAY, count=2,
        )  # fmt: skip

    def course(self) -> Any:
        proposal = series.propose(self.database, SYSTEM, self.course_request(), now=NOW)
        return series.book(self.database, SYSTEM, proposal, now=NOW)

    def entry(self) -> Any:
        return waitlist.add(
            self.database, SYSTEM, self.patient(), WaitlistPreferences(), type_code="FU45"
        )

    def intake(self) -> Any:
        from intake import screening
        from tests.unit.screening.builders import answers_for

        answers = answers_for(screening.load_checklist(None))
        return intakes.save_draft(
            self.database, SYSTEM, answers, patient_id=self.patient()
        ), answers

    def submitted(self) -> ReviewKey:
        from intake import screening
        from tests.unit.screening.builders import answers_for

        answers = answers_for(screening.load_checklist(None))
        info = intakes.save(self.database, SYSTEM, answers, patient_id=self.patient(), submit=True)
        return ReviewKey(info.id, info.version)

    def account(self) -> Any:
        return accounts.create_account(
            self.database, SYSTEM, f"roleuser{self.n()}", "Role User", Role.FRONT_DESK, PASSWORD
        )


Factory = Callable[[World, Actor], Args]


def a(*args: Any, **kwargs: Any) -> Args:
    return args, kwargs


def _intake_submit(w: World, _: Actor) -> Args:
    info, answers = w.intake()
    return a(info.id, info.version, answers)


def _intake_close(w: World, _: Actor) -> Args:
    info, answers = w.intake()
    return a({**answers, "rf_neuro_deficit": True}, intake_id=info.id, version=info.version)


def _identify(w: World, _: Actor) -> Args:
    draft = w.draft()
    patients.register(w.database, SYSTEM, draft)
    return a(draft.given_name, draft.family_name, draft.date_of_birth)


def _acknowledge(w: World, _: Actor) -> Args:
    alert = self_intake.alert_desk(
        w.database, SYSTEM, w.patient(), {"rf_neuro_deficit": True}, location_id=w.practice.east
    )
    return a(alert)


def _intake_discard(w: World, _: Actor) -> Args:
    info, _answers = w.intake()
    return a(info.id, info.version, "Entered twice")


def _reschedule(w: World, _: Actor) -> Args:
    visit = w.visit()
    target = w.request()
    return a(visit.id, visit.version, therapist_id=target.therapist_id,
             location_id=target.location_id, start=target.start, now=NOW)  # fmt: skip


def _visit_step(w: World, _: Actor) -> Args:
    visit = w.visit()
    return a(visit.id, visit.version)


def _undo_no_show(w: World, _: Actor) -> Args:
    visit = w.visit()
    missed = booking.no_show(w.database, SYSTEM, visit.id, visit.version, now=visit.start)
    return a(missed.id, missed.version, now=visit.start)


def _update_type(w: World, _: Actor) -> Args:
    was = practice_admin.get_appointment_type(w.database, SYSTEM, "FU45")
    return a(was, replace(was, name=f"Follow-up {w.n()}"))


def _update_template(w: World, _: Actor) -> Args:
    was = w.template()
    return a(was, replace(was, end=dt.time(10)))


def _change_password(w: World, actor: Actor) -> Args:
    return a(PASSWORD, f"changed-pass-{w.n()}")


def _merge_pair(w: World) -> Args:
    kept, merged = (patients.register(w.database, SYSTEM, w.draft()) for _ in range(2))
    return a(kept.id, merged.id, {}, (kept.version, merged.version))


def _merged(w: World) -> int:
    args, _ = _merge_pair(w)
    return patient_merge.merge(w.database, SYSTEM, *args).merge_id


def _new_location(w: World) -> Any:
    return practice_admin.create_location(w.database, SYSTEM, w.code(), "Role Site", "UTC")


def _closure(w: World) -> int:
    day = dt.date(2030, 1, 1) + dt.timedelta(days=w.n())
    return practice_admin.add_closure(w.database, SYSTEM, "EAST", day, day).id


def _time_off(w: World) -> int:
    start = dt.datetime(2030, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=w.n())
    return staffing.add_time_off(
        w.database, SYSTEM, w.practice.ann, start, start + dt.timedelta(hours=2)
    ).id


WEEK = {d: DayHours(dt.time(8), dt.time(18)) for d in range(5)}
FAR = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)

# "module.function": (the permission it needs, or SIGNED_IN; its argument factory)
TABLE: dict[str, tuple[Permission | None, Factory]] = {
    # practice set-up
    "practice_admin.list_locations": (Permission.SCHEDULE, lambda w, _: a()),
    "practice_admin.get_location": (Permission.SCHEDULE, lambda w, _: a("EAST")),
    "practice_admin.create_location": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a(w.code(), "Role Site", "UTC"),
    ),
    "practice_admin.update_location": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a("EAST", w.version(), phone=f"555-01{w.n()}"),
    ),
    "practice_admin.deactivate_location": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a((loc := _new_location(w)).code, loc.version),
    ),
    "practice_admin.set_opening_hours": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a("EAST", w.version(), WEEK),
    ),
    "practice_admin.add_closure": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a("EAST", dt.date(2031, 1, 1), dt.date(2031, 1, 2), reason="Role test"),
    ),
    "practice_admin.remove_closure": (Permission.PRACTICE_ADMIN, lambda w, _: a(_closure(w))),
    "practice_admin.list_closures": (
        Permission.SCHEDULE,
        lambda w, _: a(dt.date(2030, 1, 1), dt.date(2030, 12, 31)),
    ),
    "practice_admin.list_appointment_types": (Permission.SCHEDULE, lambda w, _: a()),
    "practice_admin.get_appointment_type": (Permission.SCHEDULE, lambda w, _: a("FU45")),
    "practice_admin.create_appointment_type": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a(w.code(), "Role type", 30),
    ),
    "practice_admin.update_appointment_type": (Permission.PRACTICE_ADMIN, _update_type),
    "practice_admin.deactivate_appointment_type": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a(
            practice_admin.create_appointment_type(
                w.database, SYSTEM, w.code(), "Role type", 30
            ).code
        ),
    ),
    # staff and schedules
    "staffing.list_therapists": (Permission.SCHEDULE, lambda w, _: a()),
    "staffing.get_therapist": (Permission.SCHEDULE, lambda w, _: a(w.practice.ann)),
    "staffing.create_therapist": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a("Role Therapist", location_codes=["EAST"]),
    ),
    "staffing.update_therapist": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a((t := w.therapist()).id, t.version, credentials="DPT"),
    ),
    "staffing.deactivate_therapist": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a((t := w.therapist()).id, t.version),
    ),
    "staffing.assign_locations": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a((t := w.therapist()).id, t.version, ["EAST", "WEST"]),
    ),
    "staffing.list_templates": (Permission.SCHEDULE, lambda w, _: a(therapist_id=w.practice.ann)),
    "staffing.add_template": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a(w.therapist().id, "EAST", 1, dt.time(9), dt.time(10), MONDAY),
    ),
    "staffing.update_template": (Permission.PRACTICE_ADMIN, _update_template),
    "staffing.remove_template": (Permission.PRACTICE_ADMIN, lambda w, _: a(w.template().id)),
    "staffing.add_time_off": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a(w.practice.ben, FAR, FAR + dt.timedelta(hours=1), reason="Role test"),
    ),
    "staffing.remove_time_off": (Permission.PRACTICE_ADMIN, lambda w, _: a(_time_off(w))),
    "staffing.list_time_off": (
        Permission.SCHEDULE,
        lambda w, _: a(FAR, FAR + dt.timedelta(days=30)),
    ),
    # patients and intakes
    "patients.register": (Permission.PATIENTS, lambda w, _: a(w.draft())),
    "patients.update": (
        Permission.PATIENTS,
        lambda w, _: a(
            (p := patients.register(w.database, SYSTEM, w.draft())).id,
            p.version,
            replace(w.draft(), phone="555-0100"),
        ),
    ),
    "patients.get": (Permission.PATIENTS, lambda w, _: a(w.practice.patients[0])),
    "patients.duplicates": (Permission.PATIENTS, lambda w, _: a(w.draft())),
    "patient_record.overview": (Permission.PATIENTS, lambda w, _: a(w.practice.patients[0])),
    "patient_search.search": (Permission.PATIENTS, lambda w, _: a("testcase0")),
    "patient_merge.preview": (Permission.MERGE_PATIENTS, lambda w, _: a(w.patient(), w.patient())),
    "patient_merge.merge": (Permission.MERGE_PATIENTS, lambda w, _: _merge_pair(w)),
    "patient_merge.undo": (Permission.MERGE_PATIENTS, lambda w, _: a(_merged(w))),
    "patient_merge.merges": (Permission.MERGE_PATIENTS, lambda w, _: a()),
    "intakes.save": (Permission.INTAKE, lambda w, _: a(w.intake()[1], patient_id=w.patient())),
    "intakes.save_draft": (Permission.INTAKE, lambda w, _: a(w.intake()[1])),
    "intakes.submit": (Permission.INTAKE, _intake_submit),
    "intakes.get": (Permission.INTAKE, lambda w, _: a(w.intake()[0].id)),
    "intakes.list_unfinished": (Permission.INTAKE, lambda w, _: a()),
    "intakes.for_booking": (Permission.BOOKING, lambda w, _: a(w.practice.patients[0])),
    "intakes.close_as_referral": (Permission.INTAKE, _intake_close),
    "intakes.discard": (Permission.INTAKE, _intake_discard),
    "self_intake.identify": (Permission.SELF_INTAKE, _identify),
    "self_intake.location_id": (Permission.SELF_INTAKE, lambda w, _: a("EAST")),
    "self_intake.save_draft": (
        Permission.SELF_INTAKE,
        lambda w, _: a(w.intake()[1], patient_id=w.patient()),
    ),
    "self_intake.alert_desk": (
        Permission.SELF_INTAKE,
        lambda w, _: a(w.patient(), {"rf_neuro_deficit": True}, location_id=w.practice.east),
    ),
    "self_intake.start_on_tablet": (Permission.INTAKE, lambda w, _: a(w.patient())),
    "self_intake.ready_for_tablet": (Permission.SELF_INTAKE, lambda w, _: a()),
    "self_intake.tablet_locations": (Permission.INTAKE, lambda w, _: a()),
    "desk_alerts.open_alerts": (Permission.INTAKE, lambda w, _: a()),
    "desk_alerts.acknowledge": (Permission.INTAKE, _acknowledge),
    # booking
    "slot_finder.find": (
        Permission.SCHEDULE,
        lambda w, _: a(SlotRequest(first_day=MONDAY, earliest=NOW)),
    ),
    "booking.book": (Permission.BOOKING, lambda w, _: a(w.request(), now=NOW)),
    "booking.reschedule": (Permission.BOOKING, _reschedule),
    "booking.cancel": (
        Permission.BOOKING,
        lambda w, _: a((v := w.visit()).id, v.version, "Role test", by=CancelledBy.CLINIC, now=NOW),
    ),
    "booking.check_in": (Permission.BOOKING, _visit_step),
    "booking.complete": (Permission.BOOKING, _visit_step),
    "booking.no_show": (
        Permission.BOOKING,
        lambda w, _: a((v := w.visit()).id, v.version, now=v.start),
    ),
    "booking.undo_no_show": (Permission.BOOKING, _undo_no_show),
    "booking.get_visit": (Permission.SCHEDULE, lambda w, _: a(w.visit().id)),
    "booking.patient_language": (Permission.SCHEDULE, lambda w, _: a(w.visit().patient_id)),
    "waitlist.add": (
        Permission.BOOKING,
        lambda w, _: a(w.patient(), WaitlistPreferences(), type_code="FU45"),
    ),
    "waitlist.waiting": (Permission.BOOKING, lambda w, _: a()),
    "waitlist.offer": (Permission.BOOKING, lambda w, _: a((e := w.entry()).id, e.version)),
    "waitlist.remove": (
        Permission.BOOKING,
        lambda w, _: a((e := w.entry()).id, e.version, "Found a slot elsewhere"),
    ),
    "waitlist.update": (
        Permission.BOOKING,
        lambda w, _: a((e := w.entry()).id, e.version, WaitlistPreferences(weekdays=(1,))),
    ),
    "waitlist.listed": (Permission.BOOKING, lambda w, _: a()),
    "series.propose": (Permission.BOOKING, lambda w, _: a(w.course_request(), now=NOW)),
    "series.book": (
        Permission.BOOKING,
        lambda w, _: a(series.propose(w.database, SYSTEM, w.course_request(), now=NOW), now=NOW),
    ),
    "series.visits": (Permission.BOOKING, lambda w, _: a(w.course().series_id)),
    "series.cancel_rest": (
        Permission.BOOKING,
        lambda w, _: a(
            (v := w.course().visits[0]).id, v.version, "Role test", by=CancelledBy.CLINIC, now=NOW
        ),
    ),
    "series.propose_move_rest": (
        Permission.BOOKING,
        lambda w, _: a(w.course().visits[0].id, ((4, dt.time(11)),), first_day=MONDAY, now=NOW),
    ),
    "series.move_rest": (
        Permission.BOOKING,
        lambda w, _: a(
            series.propose_move_rest(
                w.database,
                SYSTEM,
                w.course().visits[0].id,
                ((4, dt.time(11)),),
                first_day=MONDAY,
                now=NOW,
            ),
            now=NOW,
        ),
    ),
    "waitlist.prospect": (Permission.BOOKING, lambda w, _: a(w.patient(), None, type_code="FU45")),
    # accounts and the audit trail
    "accounts.verify_actor": (SIGNED_IN, lambda w, _: a()),
    "accounts.must_change_password": (SIGNED_IN, lambda w, _: a()),
    "accounts.locked_until": (SIGNED_IN, lambda w, _: a()),
    "accounts.change_password": (SIGNED_IN, _change_password),
    "journal_key.journal_key": (SIGNED_IN, lambda w, _: a()),
    "accounts.list_accounts": (Permission.ACCOUNTS, lambda w, _: a()),
    "accounts.create_account": (
        Permission.ACCOUNTS,
        lambda w, _: a(f"new{w.n()}", "New Person", Role.THERAPIST, PASSWORD),
    ),
    "accounts.update_account": (
        Permission.ACCOUNTS,
        lambda w, _: a((x := w.account()).id, x.version, display_name="Renamed"),
    ),
    "accounts.deactivate_account": (
        Permission.ACCOUNTS,
        lambda w, _: a((x := w.account()).id, x.version),
    ),
    "accounts.reset_password": (
        Permission.ACCOUNTS,
        lambda w, _: a((x := w.account()).id, x.version, "reset-pass-1"),
    ),
    "accounts.unlock_account": (
        Permission.ACCOUNTS,
        lambda w, _: a((x := w.account()).id, x.version),
    ),
    "fhir_export.read_for_export": (Permission.PRACTICE_ADMIN, lambda w, _: a()),
    "fhir_import.import_responses": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a(
            [IncomingResponse("r", "neck-headache", "1", {"pain_now": 4}, PatientHint(w.mrn()))]
        ),
    ),
    "fhir_export.write_export": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a(w.tmp / f"fhir{w.n()}", base_url="https://fhir.test/r4", practice_name="P"),
    ),
    "fhir_export.save_patient_bundle": (
        Permission.PRACTICE_ADMIN,
        lambda w, _: a(
            w.patient(),
            w.tmp / f"fhir{w.n()}.json",
            base_url="https://fhir.test/r4",
            practice_name="P",
        ),
    ),
    "audit_view.search": (Permission.AUDIT, lambda w, _: a(AuditQuery(limit=5))),
    "audit_view.choices": (Permission.AUDIT, lambda w, _: a()),
    "audit_view.export_csv": (
        Permission.AUDIT,
        lambda w, _: a(AuditQuery(), w.tmp / f"audit{w.n()}.csv"),
    ),
    # the therapists' review and the schedule views
    "review.queue_options": (Permission.INTAKE, lambda w, _: a()),
    "review.review_queue": (
        Permission.INTAKE,
        lambda w, _: a(QueueFilter(MONDAY, MONDAY + dt.timedelta(days=6))),
    ),
    "review.open_review": (Permission.INTAKE, lambda w, _: a(w.submitted().intake_id)),
    "review.mark_reviewed": (Permission.REVIEW, lambda w, _: a(w.submitted(), now=NOW)),
    "review.return_to_front_desk": (
        Permission.REVIEW,
        lambda w, _: a(w.submitted(), "Call the patient", now=NOW),
    ),
    "review.returned_intakes": (Permission.INTAKE, lambda w, _: a(now=NOW)),
    "review.open_referrals": (Permission.INTAKE, lambda w, _: a()),
    "schedule_view.location_day": (Permission.SCHEDULE, lambda w, _: a(w.practice.east, MONDAY)),
    "schedule_view.therapist_week": (Permission.SCHEDULE, lambda w, _: a(w.practice.ann, MONDAY)),
    "schedule_view.waitlist_matches": (
        Permission.BOOKING,
        lambda w, _: a(
            booking.cancel(
                w.database,
                SYSTEM,
                (v := w.visit()).id,
                v.version,
                "Role test",
                by=CancelledBy.PATIENT,
                now=NOW,
            ),
            now=NOW,
        ),
    ),
}

_IN_TRANSACTION = "a helper inside a unit of work that already checked the actor"
_NO_DATA = "touches no practice data (pure, or infrastructure for the IT person and start-up)"
_BEFORE_SIGN_IN = "runs before anyone is signed in; audited itself"
_WHOLE_DATABASE = (
    "the IT person's command or the program's own backup (like schema.upgrade): the whole "
    "database with the database's credentials, not a person's role; the copy is encrypted"
)
EXEMPT: dict[str, str] = {
    **{
        f"backup.{name}": _WHOLE_DATABASE
        for name in "automatic backup_name key_path listed_backups load_key make_backup "
        "require_key restore rotate set_up_key state".split()
    },
    **{
        f"backup_file.{name}": _NO_DATA
        for name in "check_passphrase create_key read_header remove_stale_partials unlock".split()
    },
    "db_errors.plain_errors": _IN_TRANSACTION,
    "about.program_version": _NO_DATA + "; the installed program's version",
    "about.program_revision": _NO_DATA + "; reads the program's own migration files",
    "about.describe_program": _NO_DATA + "; the program's version and schema revision",
    "db_errors.sqlstate": _NO_DATA + "; classifies a driver error",
    "db_errors.is_contention": _NO_DATA + "; classifies a driver error",
    "db_errors.is_unavailable": _NO_DATA + "; classifies a driver error",
    "db_errors.describe": _NO_DATA + "; names a driver error's class and code",
    "db_errors.is_login_refused": _NO_DATA + "; classifies a driver error",
    "db_errors.is_refused_by_grants": _NO_DATA + "; classifies a driver error",
    "logins.signed_in": "runs on the engine of the login the server just let in; refuses a "
    "login that is not a usable staff account",
    "passwords.scram_verifier": _NO_DATA,
    **{
        f"logins.{name}": "PostgreSQL sign-in plumbing: the server checks the login's password; "
        "accounts.sign_in and change_password are the doors"
        for name in ("open_as", "check_password", "use_password")
    },
    "database.retried": "runs a service's own unit of work again; the service checks the actor",
    "audit.record": _IN_TRANSACTION,
    "patient_merge.merged_ids": _IN_TRANSACTION,
    "screening_gate.intake_allows_booking": _IN_TRANSACTION,
    "booking.visit_of": _IN_TRANSACTION,
    "waitlist.entry_info": _IN_TRANSACTION,
    "waitlist.add_in": _IN_TRANSACTION,
    "booking.claim": _IN_TRANSACTION,
    "booking.insert_guarded": _IN_TRANSACTION,
    "booking.require_bookable": _NO_DATA + "; judges a request on the cached set-up",
    "ical_export.event_uid": _NO_DATA,
    "ical_export.calendar_text": _NO_DATA,
    "ical_export.save": _NO_DATA + "; writes a visit the caller already holds",
    "ical_export.course_text": _NO_DATA,
    "ical_export.save_course": _NO_DATA + "; writes visits the caller already holds",
    "ical_export.patient_language": _NO_DATA + "; maps a language code the caller holds",
    "ical_export.spoken_date": _NO_DATA + "; formats a date the caller holds",
    "calendar_loader.load_calendar": _IN_TRANSACTION,
    "database.connect": _NO_DATA,
    "database.open_database": _NO_DATA,
    "database.ensure_schema": _NO_DATA,
    "calendar_statics.calendar_statics": _IN_TRANSACTION,
    "calendar_statics.known_statics": _IN_TRANSACTION,
    "calendar_loader.working_calendar": _NO_DATA,
    "calendar_loader.with_appointments": _IN_TRANSACTION,
    "booking.visit_from": _NO_DATA + "; describes a visit the caller already holds",
    "passwords.hash_password": _NO_DATA,
    "patient_index.key_rows": _IN_TRANSACTION,
    "patient_index.refresh": _IN_TRANSACTION,
    "patient_index.rebuild": _IN_TRANSACTION,
    "patient_search.find": _IN_TRANSACTION,
    "patients.patient_row": _IN_TRANSACTION,
    "patients.patient_info": _IN_TRANSACTION,
    "patients.duplicate_candidates": _IN_TRANSACTION,
    "locking.stale": _NO_DATA,
    "locking.check_version": _NO_DATA,
    "locking.flush": _IN_TRANSACTION,
    "locking.claim": _IN_TRANSACTION,
    "practice_admin.is_duplicate": _NO_DATA,
    "practice_admin.code_taken": _IN_TRANSACTION,
    "practice_admin.location_row": _IN_TRANSACTION,
    "practice_admin.location_info": _IN_TRANSACTION,
    "schema.report": _NO_DATA,
    "schema.upgrade": _NO_DATA,
    "schema.downgrade": _NO_DATA,
    "slot_finder.find_in": _IN_TRANSACTION,
    "slot_finder.nearest": _IN_TRANSACTION,
    "slot_finder.type_input": _IN_TRANSACTION,
    "startup.open_for_gui": _NO_DATA,
    "startup.journal_folder": _NO_DATA,
    "waitlist.matches_for_freed": _IN_TRANSACTION,
    "waitlist.close_as_booked": _IN_TRANSACTION,
    "accounts.sign_in": _BEFORE_SIGN_IN,
    "actor.issue": "seals the actor a sign-in gives; only accounts.py calls it (test_actor_seal)",
    "accounts.needs_first_admin": _BEFORE_SIGN_IN + "; says only whether any account exists",
    "accounts.create_first_admin": _BEFORE_SIGN_IN + "; refused once any account exists",
    "changes.watch": _NO_DATA + "; says only that a schedule changed, not what",
    "desk_alerts.watch": _NO_DATA + "; says only that an alert may have been raised, not what",
    "review.answer_groups": _NO_DATA,
    "schedule_view.schedule_csv": _NO_DATA + "; formats what the caller already holds",
    "ical_export.schedule_text": _NO_DATA + "; formats what the caller already holds",
    "schedule_view.save_export": _NO_DATA + "; writes what the caller already holds",
}


def public_service_functions() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for module_info in pkgutil.iter_modules(intake.services.__path__):
        module = importlib.import_module(f"intake.services.{module_info.name}")
        for name, value in vars(module).items():
            if (
                inspect.isfunction(value)
                and not name.startswith("_")
                and value.__module__ == module.__name__
            ):
                found[f"{module_info.name}.{name}"] = value
    return found


def test_every_public_service_function_has_a_row_or_a_reason():
    functions = public_service_functions()
    missing = sorted(set(functions) - set(TABLE) - set(EXEMPT))
    assert missing == [], f"add these to TABLE (or EXEMPT, with a reason): {missing}"
    assert sorted((set(TABLE) | set(EXEMPT)) - set(functions)) == []
    assert set(TABLE).isdisjoint(EXEMPT)
    for key in TABLE:  # the table's functions are the ones that take the acting user
        params = list(inspect.signature(functions[key]).parameters)
        assert params[:2] == ["database", "actor"], key
    for key in EXEMPT:  # an exempt function that takes an actor works inside a transaction
        params = list(inspect.signature(functions[key]).parameters)
        assert "actor" not in params or params[0] == "session", key


def _audit_count(database: Any) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


def _expected(permission: Permission | None, role: Role) -> bool:
    return permission is None or permission in ROLE_PERMISSIONS[role]


def test_every_service_function_as_every_role(database, cheap_hasher, tmp_path):  # noqa: F811
    world = World(database, build(database), tmp_path)
    actors = {role: _signed_in_as(database, role) for role in Role}
    functions = public_service_functions()
    wrong: list[str] = []
    for key, (permission, factory) in TABLE.items():
        for role, actor in actors.items():
            args, kwargs = factory(world, actor)
            before = _audit_count(database)
            try:
                functions[key](database, actor, *args, **kwargs)
            except PermissionDenied:
                if _expected(permission, role):
                    wrong.append(f"{key} as {role}: refused, should be allowed")
                elif _audit_count(database) != before:
                    wrong.append(f"{key} as {role}: refused but wrote to the audit trail")
                continue
            except Exception as exc:  # an allowed call must succeed with these arguments
                wrong.append(f"{key} as {role}: {type(exc).__name__}: {exc}")
                continue
            if not _expected(permission, role):
                wrong.append(f"{key} as {role}: allowed, should be refused")
    assert wrong == []


@pytest.mark.backend("postgresql")
def test_every_service_as_every_role_on_its_own_database_login(checked_postgres, request, tmp_path):  # type: ignore[no-untyped-def]
    """The same walk, each role on a clinic PC of its own: connected as its own login, so the
    database's grants, not the program, decide. An allowed call that the grants refuse (a
    missing grant) fails here, as would a refused one the grants let through."""
    from sqlalchemy.engine import make_url

    from intake.db.engine import without_login
    from intake.services.database import open_database
    from tests.conftest import _database_tests

    _database_tests.append(request.node.nodeid)
    url = checked_postgres.create()
    owner = open_database(url)  # the IT person: migrates, fills the practice
    pcs = {role: open_database(without_login(make_url(url)).render_as_string()) for role in Role}
    try:
        world = World(owner, build(owner), tmp_path)
        actors = {}
        for role, pc in pcs.items():
            name = f"pc-{role.value.replace('_', '-')}"
            accounts.create_account(owner, SYSTEM, name, "Role", role, PASSWORD)
            actors[role] = accounts.sign_in(pc, name, PASSWORD, workstation="role-pc")
            with pc.reading() as session:  # the PC works as that person's own login
                assert session.scalar(text("SELECT session_user")).startswith(f"{name}@")
        functions = public_service_functions()
        wrong: list[str] = []
        for key, (permission, factory) in TABLE.items():
            for role, actor in actors.items():
                args, kwargs = factory(world, actor)
                try:
                    functions[key](pcs[role], actor, *args, **kwargs)
                except PermissionDenied as exc:
                    if _expected(permission, role):
                        wrong.append(f"{key} as {role}: refused ({exc}), should be allowed")
                    continue
                except Exception as exc:
                    wrong.append(f"{key} as {role}: {type(exc).__name__}: {exc}")
                    continue
                if not _expected(permission, role):
                    wrong.append(f"{key} as {role}: allowed, should be refused")
        assert wrong == []
    finally:
        for pc in pcs.values():
            pc.close()
        owner.close()


def _signed_in_as(database: Any, role: Role) -> Actor:
    name = f"as-{role.value.replace('_', '-')}"
    accounts.create_account(database, SYSTEM, name, "Role", role, PASSWORD)
    return accounts.sign_in(database, name, PASSWORD, workstation="role-pc")


def _forgeries(desk: Actor, boss: Actor) -> dict[str, Actor]:
    """Actors a screen could make up: none came from a sign-in as it stands."""
    return {
        "an admin built from a front-desk id": Actor(
            desk.user_id, desk.username, Role.ADMIN, desk.workstation
        ),
        "a front desk made an admin with replace()": replace(desk, role=Role.ADMIN),
        "an admin's session moved to another account": replace(boss, user_id=desk.user_id),
        "an admin's session renamed": replace(boss, username="someone-else"),
        "an admin's session moved to another PC": replace(boss, workstation="elsewhere"),
        "a front desk's seal on an admin": Actor(
            boss.user_id, boss.username, Role.ADMIN, boss.workstation, seal=desk.seal
        ),
    }


def test_every_service_refuses_an_actor_no_sign_in_gave(database, cheap_hasher, tmp_path):  # noqa: F811
    world = World(database, build(database), tmp_path)
    desk, boss = _signed_in_as(database, Role.FRONT_DESK), _signed_in_as(database, Role.ADMIN)
    forged = list(_forgeries(desk, boss).items())
    functions = public_service_functions()
    wrong: list[str] = []
    for number, key in enumerate(TABLE):
        how, actor = forged[number % len(forged)]  # every kind of forgery, spread over all
        args, kwargs = TABLE[key][1](world, boss)
        before = _audit_count(database)
        try:
            functions[key](database, actor, *args, **kwargs)
        except PermissionDenied as refused:
            if str(refused) != str(NOT_ISSUED):
                wrong.append(f"{key} with {how}: refused, but saying {refused}")
            elif _audit_count(database) != before:
                wrong.append(f"{key} with {how}: refused but wrote to the audit trail")
        except Exception as exc:
            wrong.append(f"{key} with {how}: {type(exc).__name__}: {exc}")
        else:
            wrong.append(f"{key} with {how}: allowed")
    assert wrong == []


@pytest.mark.parametrize("how", list(_forgeries(SYSTEM, SYSTEM)))
def test_a_forged_admin_cannot_make_an_account(database, cheap_hasher, how):  # noqa: F811
    desk, boss = _signed_in_as(database, Role.FRONT_DESK), _signed_in_as(database, Role.ADMIN)
    forged = _forgeries(desk, boss)[how]
    before = accounts.list_accounts(database, boss)
    with pytest.raises(PermissionDenied) as refused:
        accounts.create_account(database, forged, "mallory", "Mallory", Role.ADMIN, PASSWORD)
    assert str(refused.value) == str(NOT_ISSUED)
    assert accounts.list_accounts(database, boss) == before
    with pytest.raises(SignInRefused):
        accounts.sign_in(database, "mallory", PASSWORD)
    made = accounts.create_account(database, boss, "carol", "Carol", Role.ADMIN, PASSWORD)
    assert made.username == "carol" and made.role == Role.ADMIN  # the real admin may


def test_the_table_agrees_with_the_role_permissions():
    # Front desk: patients, intake, booking, schedule. Therapist: that plus review.
    # Admin: everything, including practice set-up, accounts and the audit trail.
    desk = ROLE_PERMISSIONS[Role.FRONT_DESK]
    assert {Permission.PATIENTS, Permission.INTAKE, Permission.BOOKING} <= desk
    assert not desk & {Permission.PRACTICE_ADMIN, Permission.ACCOUNTS, Permission.AUDIT}
    assert ROLE_PERMISSIONS[Role.THERAPIST] == desk | {Permission.REVIEW}
    assert ROLE_PERMISSIONS[Role.ADMIN] == frozenset(Permission)


@pytest.mark.parametrize("role", list(Role))
def test_the_system_actor_is_an_admin_but_not_a_person(role: Role):
    assert SYSTEM.user_id is None and SYSTEM.role == Role.ADMIN
    SYSTEM.require(Permission.ACCOUNTS)  # issued by the services, for the command line
    made_up = Actor(None, "x", role)
    assert made_up.role == role
    with pytest.raises(PermissionDenied, match="not given by a sign-in"):
        made_up.require(Permission.SCHEDULE)
    assert "seal" not in repr(SYSTEM) and SYSTEM.seal.hex() not in repr(SYSTEM)
