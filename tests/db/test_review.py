"""The therapist's review on both databases: queue, opening, sign-off, return, conflicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import create_engine, select, update

from intake.db.models import Appointment, AuditEvent, Therapist
from intake.domain.booking import BookingRequest
from intake.domain.enums import CancelledBy, IntakeStatus, Role
from intake.domain.errors import (
    DatabaseUnavailable,
    Invalid,
    NotFound,
    PermissionDenied,
    StaleRecord,
)
from intake.domain.review import QueueFilter
from intake.services import booking, review
from intake.services.actor import Actor
from intake.services.database import Database
from tests.db.practice import (
    MONDAY,
    NOW,
    SCREENED_ON,
    at,
    build,
    desk,
    screened_intake,
    signed_in,
)
from tests.unit.screening.builders import ndi_sections

# A synthetic red-flag case a therapist must review: every flag is bookable ("review").
RED_FLAGS: dict[str, object] = {
    "age": 62,
    "has_neck_pain": True,
    "has_headache": True,
    "headache_side": "right",
    "neck_pain_side": "right",
    "neck_movement_limited": True,
    "cad_dizziness": True,
    "my_hand_clumsiness": True,
    "my_both_hands_numb": True,
    "my_gait_change": True,
    "rf_weight_loss": True,
    "rf_analgesic_overuse": True,
    "arm_symptoms": ["numbness"],
    "arm_symptom_side": "both",
    "symptom_duration_weeks": 16,
    "pain_now": 6,
    "pain_best": 3,
    "pain_worst": 9,
    "pain_regions": ["occiput_right", "neck_right", "arm_left"],
    **ndi_sections(22, skipped=1),
}


@dataclass(frozen=True)
class ReviewPractice:
    ann: int  # therapist ids
    ben: int
    east: int  # location ids
    west: int
    ann_user: int  # Ann's account
    ann_actor: Actor
    ben_actor: Actor
    red: int  # appointment ids
    plain: int
    later: int
    west_visit: int
    red_intake: int


def review_practice(database: Database) -> ReviewPractice:  # Four visits with intakes.
    built = build(database)
    ann_actor = signed_in(
        database, Role.THERAPIST, username="ann-test", display_name="Ann Testwood PT"
    )
    ben_actor = signed_in(
        database, Role.THERAPIST, username="ben-test", display_name="Ben Samplefield",
        workstation="test-pc-2",
    )  # fmt: skip
    ann_user, ben_user = ann_actor.user_id, ben_actor.user_id
    with database.writing() as session:
        session.execute(update(Therapist).where(Therapist.id == built.ann).values(user_id=ann_user))
        session.execute(update(Therapist).where(Therapist.id == built.ben).values(user_id=ben_user))
    p = built.patients

    def visit(patient: int, start: dt.datetime, therapist: int, location: int, **answers) -> int:  # type: ignore[no-untyped-def]
        intake_id = screened_intake(database, p[patient], **answers)
        request = BookingRequest(p[patient], therapist, location, start, intake_id=intake_id)
        return booking.book(database, desk(database), request, now=NOW).id

    later = visit(0, at(MONDAY + dt.timedelta(days=1), 8), built.ann, built.east)
    red = visit(1, at(MONDAY, 10), built.ann, built.east, **RED_FLAGS)
    plain = visit(2, at(MONDAY, 8), built.ann, built.east)
    west = visit(3, at(MONDAY, 8, 30, zone="America/Chicago"), built.ben, built.west)
    with database.reading() as session:
        red_intake = session.get(Appointment, red).intake_id
    return ReviewPractice(
        built.ann,
        built.ben,
        built.east,
        built.west,
        ann_user,
        ann_actor,
        ben_actor,
        red,
        plain,
        later,
        west,
        red_intake,
    )


WEEK = QueueFilter(MONDAY, MONDAY + dt.timedelta(days=6))


@pytest.fixture
def rp(database) -> ReviewPractice:  # type: ignore[no-untyped-def]
    return review_practice(database)


def _open(database, rp: ReviewPractice, appointment: int | None = None):  # type: ignore[no-untyped-def]
    with database.reading() as session:
        intake_id = session.get(Appointment, appointment or rp.red).intake_id
    return review.open_review(
        database, rp.ann_actor, intake_id, appointment_id=appointment or rp.red, today=MONDAY
    )


def test_options_default_to_the_signed_in_therapist(database, rp):
    options = review.queue_options(database, rp.ann_actor)
    assert options.my_therapist_id == rp.ann and options.can_sign_off
    assert [t.label for t in options.therapists] == ["Ann Testwood", "Ben Samplefield"]
    assert {loc.id for loc in options.locations} == {rp.east, rp.west}
    front = review.queue_options(database, desk(database))
    assert front.my_therapist_id is None and not front.can_sign_off


def test_queue_filters_and_orders_unreviewed_first(database, rp):
    everyone = review.review_queue(database, rp.ann_actor, WEEK)
    assert [r.appointment_id for r in everyone] == [rp.plain, rp.west_visit, rp.red, rp.later]
    anns = review.review_queue(database, rp.ann_actor, replace(WEEK, therapist_id=rp.ann))
    assert [r.appointment_id for r in anns] == [rp.plain, rp.red, rp.later]
    west = review.review_queue(database, rp.ann_actor, replace(WEEK, location_id=rp.west))
    assert [r.appointment_id for r in west] == [rp.west_visit]
    monday = review.review_queue(database, rp.ann_actor, QueueFilter(MONDAY, MONDAY))
    assert rp.later not in [r.appointment_id for r in monday]
    assert review.review_queue(database, rp.ann_actor, QueueFilter.coming_days(SCREENED_ON)) == []
    red = next(r for r in everyone if r.appointment_id == rp.red)
    assert red.triage == "review" and red.flag_count == 5 and red.local_start.hour == 10
    # Reviewed ones go to the end, still in time order among themselves.
    first = everyone[0]
    review.mark_reviewed(
        database, rp.ann_actor, review.open_review(database, rp.ann_actor, first.intake_id).key
    )
    after = review.review_queue(database, rp.ann_actor, WEEK)
    assert [r.appointment_id for r in after] == [rp.west_visit, rp.red, rp.later, rp.plain]
    assert after[-1].reviewed


def test_open_shows_every_flag_the_scores_and_grouped_answers(database, rp):
    opened = _open(database, rp)
    result = opened.screening
    assert result is not None and result.triage.value == "review"
    ids = {f.id for f in result.flags}
    assert {"cad_dizziness", "my_possible_myelopathy", "hd_analgesic_overuse"} <= ids
    assert opened.patient is not None and opened.patient.age == 47  # born 1980-01-02
    assert opened.appointment is not None and opened.appointment.local_start.hour == 10
    assert result.ndi is not None and result.ndi.raw == 24 and result.ndi.answered == 9
    assert (result.pain.now, result.pain.best, result.pain.worst) == (6, 3, 9)
    assert opened.pain_regions == ("occiput_right", "neck_right", "arm_left")
    assert opened.region_labels["neck_right"]
    assert not opened.old_checklist and opened.checklist_version == "1"
    sections = [g.section_id for g in opened.answers]
    with_positives = [g.section_id for g in opened.answers if g.positives]
    assert sections[: len(with_positives)] == with_positives
    for group in opened.answers:
        flags = [line.positive for line in group.lines]
        assert flags == sorted(flags, reverse=True)
    consent = next(g for g in opened.answers if g.section_id == "consent")
    assert consent.positives == 0  # a given consent is expected, not a finding
    with database.reading() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "intake"))
        assert "open" in list(actions)


def test_the_review_reads_in_the_staffs_language_with_the_same_findings(database, rp):
    """A Spanish-speaking therapist reads the questions, sections and regions in Spanish;
    the answers, positives and screening are the same (issue #20)."""
    english = _open(database, rp)
    with database.reading() as session:
        intake_id = session.get(Appointment, rp.red).intake_id
    spanish = review.open_review(
        database, rp.ann_actor, intake_id, appointment_id=rp.red, today=MONDAY, language="es"
    )
    # The same result; each flag in its rule's Spanish words (same rule, level, citation).
    assert spanish.screening and english.screening
    same = [(f.id, f.level, f.source) for f in english.screening.flags]
    assert [(f.id, f.level, f.source) for f in spanish.screening.flags] == same
    assert replace(spanish.screening, flags=english.screening.flags) == english.screening
    for spoken, stored in zip(spanish.screening.flags, english.screening.flags, strict=True):
        assert spoken.rationale != stored.rationale and spoken.message != stored.message
    assert "analgésicos" in " ".join(f.rationale for f in spanish.screening.flags)
    assert spanish.question_texts.keys() == english.question_texts.keys()
    assert spanish.question_texts["has_neck_pain"] != english.question_texts["has_neck_pain"]
    assert "¿" in " ".join(spanish.question_texts.values())
    assert [g.section_id for g in spanish.answers] == [g.section_id for g in english.answers]
    assert [g.positives for g in spanish.answers] == [g.positives for g in english.answers]
    assert spanish.region_labels.keys() == english.region_labels.keys()


def test_sign_off_and_return_round_trip(database, rp):
    opened = _open(database, rp)
    returned = review.return_to_front_desk(
        database, rp.ann_actor, opened.key, "  Call the patient about the dizziness.  "
    )
    assert returned.status == IntakeStatus.RETURNED
    assert returned.returned_by == "Ann Testwood PT" and returned.returned_at is not None
    assert returned.return_note == "Call the patient about the dizziness."
    listed = review.returned_intakes(database, desk(database), now=NOW)
    assert [r.intake_id for r in listed] == [rp.red_intake]
    assert listed[0].note == returned.return_note and listed[0].returned_by == "Ann Testwood PT"
    assert listed[0].next_visit is not None and listed[0].next_visit.id == rp.red
    again = _open(database, rp)
    assert again.sign_off.status == IntakeStatus.RETURNED
    reviewed = review.mark_reviewed(database, rp.ben_actor, again.key)
    assert reviewed.status == IntakeStatus.REVIEWED and reviewed.reviewed_by == "Ben Samplefield"
    assert review.returned_intakes(database, desk(database), now=NOW) == []
    assert _open(database, rp).sign_off.reviewed_by == "Ben Samplefield"
    with database.reading() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action.in_(["review", "return"]))
        ).all()
    assert [e.action for e in events] == ["return", "review"]
    assert all("Call" not in " ".join(e.fields) for e in events)
    assert "return_note" in events[0].fields


def test_a_second_sign_off_of_the_same_version_is_a_conflict(database, rp):
    seen_by_ann = _open(database, rp)
    seen_by_ben = _open(database, rp)
    review.mark_reviewed(database, rp.ann_actor, seen_by_ann.key)
    with pytest.raises(StaleRecord, match=r"nothing\s+was overwritten"):
        review.return_to_front_desk(database, rp.ben_actor, seen_by_ben.key, "Refer first.")
    with pytest.raises(StaleRecord):
        review.mark_reviewed(database, rp.ben_actor, seen_by_ben.key)
    now = _open(database, rp).sign_off
    assert now.status == IntakeStatus.REVIEWED and now.reviewed_by == "Ann Testwood PT"
    assert now.return_note == "" and now.returned_at is None


def test_only_therapists_and_admins_sign_off(database, rp):
    opened = _open(database, rp)
    with pytest.raises(PermissionDenied):
        review.mark_reviewed(database, desk(database), opened.key)
    with pytest.raises(PermissionDenied):
        review.return_to_front_desk(database, desk(database), opened.key, "A note.")
    assert _open(database, rp).sign_off.status == IntakeStatus.SUBMITTED


def test_a_blank_note_is_refused(database, rp):
    with pytest.raises(Invalid) as caught:
        review.return_to_front_desk(database, rp.ann_actor, _open(database, rp).key, "   ")
    assert "note" in caught.value.problems


def test_a_moved_or_cancelled_appointment_stops_the_sign_off(database, rp):
    opened = _open(database, rp)
    visit = booking.get_visit(database, desk(database), rp.red)
    booking.reschedule(
        database,
        desk(database),
        rp.red,
        visit.version,
        therapist_id=rp.ann,
        location_id=rp.east,
        start=at(MONDAY, 11),
        now=NOW,
    )
    with pytest.raises(StaleRecord, match="appointment was changed"):
        review.mark_reviewed(database, rp.ann_actor, opened.key)
    moved = _open(database, rp)
    assert moved.appointment is not None and moved.appointment.local_start.hour == 11
    booking.cancel(
        database,
        desk(database),
        rp.red,
        moved.appointment.version,
        "synthetic test",
        by=CancelledBy.CLINIC,
        now=NOW,
    )
    with pytest.raises(StaleRecord, match="cancelled or deleted"):
        review.return_to_front_desk(database, rp.ann_actor, moved.key, "Call them.")
    gone = _open(database, rp)
    assert gone.appointment is None and gone.key.appointment_id is None
    assert gone.sign_off.status == IntakeStatus.SUBMITTED  # nothing half-written
    assert review.mark_reviewed(database, rp.ann_actor, gone.key).status == IntakeStatus.REVIEWED


def test_an_unknown_intake_is_not_found(database, rp):
    with pytest.raises(NotFound):
        review.open_review(database, rp.ann_actor, 99_999)


def test_a_lost_connection_is_a_known_error(database, tmp_path):  # type: ignore[no-untyped-def]
    gone = Database(create_engine(f"sqlite+pysqlite:///{tmp_path / 'missing' / 'x.sqlite3'}"))
    actor = signed_in(database, Role.THERAPIST, username="ann-test")
    with pytest.raises(DatabaseUnavailable, match="nothing was signed"):
        review.return_to_front_desk(gone, actor, review.ReviewKey(1, 1), "Call the patient.")
    gone.close()
