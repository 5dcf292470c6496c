"""What the front desk is told about a screening: what to do, what to say, and why.

One line per fired rule with its own reason (the rule's rationale, as the therapist reads it),
most urgent first; one instruction, the front-desk message of the rule that decides the triage
(a "book" note never sits under a STOP, and near-identical messages of several rules are not
repeated: their reasons are); and the level's meaning with only the parts whose condition
applies to this patient (obstetric triage only when the answers, read
with the patient's sex, say pregnant or recently given birth).

All of it is in the checklist's staff language (`Checklist.staff_language`): the level words
and meanings below, and each flag's message and rationale taken from the checklist's rule of
the same id (so a result stored in one language reads in the staff's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from intake.screening.checklist import Checklist
from intake.screening.evaluate import answers_in_force
from intake.screening.result import ScreeningResult
from intake.screening.translation import ENGLISH, in_language
from intake.screening.triage import TriageLevel

WORDS = {
    TriageLevel.EMERGENCY: "EMERGENCY",
    TriageLevel.REFER: "REFER",
    TriageLevel.REVIEW: "REVIEW",
    TriageLevel.CLEAR: "NOTE",  # a clear-level flag is a precaution or a note
}

# The front-desk meanings of the screening spec; "{obstetric}" is filled only when it applies.
_MEANING = {
    TriageLevel.EMERGENCY: (
        "Do not book. Tell the caller to call the emergency number or go to the emergency "
        "department now. Then tell the clinician on duty."
    ),
    TriageLevel.REFER: (
        "Do not book yet. The patient should see their physician{obstetric} or urgent care "
        "today. Book after medical clearance."
    ),
    TriageLevel.REVIEW: (
        "You may book. A therapist must review this intake (and usually call the patient) "
        "before the visit."
    ),
    TriageLevel.CLEAR: "No warning signs so far. Precautions below travel with the booking.",
}
_OBSTETRIC = ", obstetric triage (pregnancy or a recent birth)"

# The same in the other languages a checklist may have; a language without them reads English.
_WORDS_BY_LANGUAGE = {
    ENGLISH: WORDS,
    "es": {
        TriageLevel.EMERGENCY: "EMERGENCIA",
        TriageLevel.REFER: "DERIVAR",
        TriageLevel.REVIEW: "REVISAR",
        TriageLevel.CLEAR: "NOTA",
    },
}
_MEANING_BY_LANGUAGE = {
    ENGLISH: _MEANING,
    "es": {
        TriageLevel.EMERGENCY: (
            "No programe la cita. Dígale a la persona que llama que llame al número de "
            "emergencias o que vaya ahora mismo al departamento de emergencias. Luego avise al "
            "clínico de turno."
        ),
        TriageLevel.REFER: (
            "Todavía no programe la cita. El paciente debe ver hoy a su médico{obstetric} o ir a "
            "una clínica de atención urgente. Programe la cita después de la autorización médica."
        ),
        TriageLevel.REVIEW: (
            "Puede programar la cita. Un terapeuta debe revisar esta admisión (y normalmente "
            "llamar al paciente) antes de la visita."
        ),
        TriageLevel.CLEAR: (
            "Hasta ahora no hay señales de alarma. Las precauciones de abajo acompañan a la cita."
        ),
    },
}
_OBSTETRIC_BY_LANGUAGE = {
    ENGLISH: _OBSTETRIC,
    "es": ", acudir al triaje de obstetricia (embarazo o parto reciente)",
}
PREGNANCY_QUESTION = "pregnancy"
PREGNANT_ANSWERS = frozenset({"pregnant", "postpartum"})


@dataclass(frozen=True)
class Reason:
    """One fired rule: its level word and why it fired."""

    rule_id: str
    level: TriageLevel
    word: str
    text: str
    source: str


@dataclass(frozen=True)
class FrontDeskView:
    meaning: str  # what the triage level means for the front desk, for this patient
    say: str  # the deciding rule's own instruction ("" while nothing but notes fired)
    reasons: tuple[Reason, ...]  # every fired rule once, most urgent first


def pregnant_or_postpartum(
    checklist: Checklist, answers: Mapping[str, object], on: dt.date
) -> bool:
    """Whether the answers in force say pregnant or recently given birth.

    Read as the checklist asks: the pregnancy question is not asked of a male patient, so
    a stale pregnancy answer beside sex = male does not count.
    """
    in_force, _missing = answers_in_force(checklist, answers, on)
    return in_force.get(PREGNANCY_QUESTION) in PREGNANT_ANSWERS


def meaning(level: TriageLevel, *, pregnant: bool = False, language: str = ENGLISH) -> str:
    meanings = _MEANING_BY_LANGUAGE.get(language, _MEANING)
    obstetric = _OBSTETRIC_BY_LANGUAGE.get(language, _OBSTETRIC) if pregnant else ""
    return meanings[level].format(obstetric=obstetric)


def words(language: str = ENGLISH) -> dict[TriageLevel, str]:
    """The level words ("EMERGENCY", "REFER", ...) in `language`."""
    return dict(_WORDS_BY_LANGUAGE.get(language, WORDS))


def front_desk_view(
    checklist: Checklist,
    answers: Mapping[str, object],
    result: ScreeningResult,
    on: dt.date,
) -> FrontDeskView:
    pregnant = pregnant_or_postpartum(checklist, answers, on)
    language = checklist.staff_language
    level_words = words(language)
    result = in_language(result, checklist)
    seen: set[str] = set()
    reasons: list[Reason] = []
    for flag in sorted(result.flags, key=lambda f: -f.level.rank):  # stable: checklist order
        if flag.id in seen:
            continue
        seen.add(flag.id)
        reasons.append(
            Reason(flag.id, flag.level, level_words[flag.level], flag.rationale, flag.source)
        )
    deciding = [f.message for f in result.flags if f.level is result.triage]
    say = deciding[0] if deciding and result.triage is not TriageLevel.CLEAR else ""
    view_meaning = meaning(result.triage, pregnant=pregnant, language=language)
    return FrontDeskView(view_meaning, say, tuple(reasons))
