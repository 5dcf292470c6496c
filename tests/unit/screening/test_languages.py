"""The checklist in English and Spanish: complete, the same checklist, the same results."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib
from typing import Any

import pytest
from hypothesis import given

from intake.resources_path import resource
from intake.screening import (
    ChecklistError,
    Hold,
    ScreeningResult,
    TriageLevel,
    checklist_languages,
    evaluate,
    in_language,
    load_checklist,
    may_book,
)
from intake.screening.front_desk import front_desk_view, meaning
from intake.screening.translation import english_texts
from tests.unit.screening.builders import ON, answers_for, ndi_sections
from tests.unit.screening.test_properties import DATES, FAST, VALID_ANSWERS

EN = load_checklist(None)
ES = load_checklist(None, language="es")
ES_FORM_EN_STAFF = load_checklist(None, language="es", staff_language="en")
EN_FORM_ES_STAFF = load_checklist(None, language="en", staff_language="es")
ES_FILE = resource("screening", "neck-headache-1.es.toml").read_text(encoding="utf-8")

# Texts that are the same word in both languages (checked one by one, not by pattern).
SAME_IN_BOTH = {("questions", "pregnancy", "choices", "no"): "No"}

# What an English rule message says, and how its Spanish must say it: the Spanish tells the
# front desk the same thing (mirrors the English, e.g. never "911" for "the emergency number").
MIRRORED = [
    ("EMERGENCY", "EMERGENCIA"),
    ("the emergency number", "número de emergencias"),
    ("emergency department", "departamento de emergencias"),
    ("obstetric emergency unit", "unidad de emergencias obstétricas"),
    ("do not drive", "no maneje"),
    ("urgent care", "atención urgente"),
    ("obstetric triage", "triaje de obstetricia"),
    ("oncology", "oncología"),
    ("eyesight", "vista"),
    ("blood tests", "análisis de sangre"),
    ("neck imaging", "estudios de imagen del cuello"),
    ("Do not book yet", "Todavía no programe la cita"),
    ("Book, but a therapist must review", "Programe la cita, pero un terapeuta debe revisar"),
    ("call the patient", "llamar al paciente"),
    ("POSSIBLE MYELOPATHY", "POSIBLE MIELOPATÍA"),
    ("Book the evaluation", "Programe la evaluación"),
    ("clinician on duty", "clínico de turno"),
]


def _texts(checklist: Any) -> dict[tuple[str, ...], str]:
    return english_texts(checklist)  # the same walk gives any language's texts


# -- both languages complete ------------------------------------------------------------


def test_the_checklist_comes_in_english_and_spanish() -> None:
    assert checklist_languages() == ("en", "es")
    assert checklist_languages("neck-headache-1") == ("en", "es")


def test_every_text_has_a_spanish_text_none_extra_none_empty() -> None:
    english, spanish = _texts(EN), _texts(ES)
    assert spanish.keys() == english.keys()
    assert len(english) > 200  # every question, help, choice, section, rule, category
    assert all(text.strip() for text in spanish.values())


def test_no_spanish_text_is_left_in_english() -> None:
    english, spanish = _texts(EN), _texts(ES)
    same = {key: text for key, text in spanish.items() if text == english[key]}
    assert same == SAME_IN_BOTH


def test_the_spanish_file_shows_the_english_it_translates_and_it_is_current() -> None:
    """Each Spanish text carries its English as a comment; a changed English text shows."""
    english = {".".join(key): text for key, text in _texts(EN).items()}
    table, checked = "", 0
    lines = ES_FILE.splitlines()
    for number, line in enumerate(lines):
        if header := re.fullmatch(r"\[([a-z0-9_.]+)\]", line):
            table = header[1]
        if line.startswith("# en: "):
            name = lines[number + 1].split("=", 1)[0].strip()
            assert line.removeprefix("# en: ") == english[f"{table}.{name}"], (
                f"line {number + 1}: the English of {table}.{name} has changed; "
                "review its Spanish and update the comment"
            )
            checked += 1
    assert checked == len(english)


def test_spanish_texts_speak_to_the_patient_as_usted() -> None:
    questions = [q.text for q in ES.questions]
    informal = re.compile(r"\b(tienes|estás|puedes|sientes|has tenido|te |tu |tú)\b")
    assert not [text for text in questions if informal.search(text)]
    assert sum("¿" in text for text in questions) > len(questions) // 2


# -- the NDI: our working translation, marked ------------------------------------------


def test_the_spanish_ndi_is_marked_as_not_the_validated_translation() -> None:
    assert ES.ndi_section is not None and ES.ndi_section.id == "ndi"
    assert ES.ndi_section.working_translation
    assert not EN.ndi_section.working_translation
    assert not [s.id for s in ES.sections if s.working_translation and s.id != "ndi"]
    data = tomllib.loads(ES_FILE)
    assert data["sections"]["ndi"]["validated"] is False
    assert "NOT THE VALIDATED SPANISH NDI" in ES_FILE


def test_ndi_scoring_does_not_depend_on_the_wording() -> None:
    answers = answers_for(EN, pain_now=5, **ndi_sections(22, skipped=1))
    english = evaluate(EN, answers, ON).ndi
    assert english is not None and english.raw == 24
    assert evaluate(ES, answers, ON).ndi == english


# -- the API ------------------------------------------------------------------------------


def test_the_default_checklist_is_english_exactly_as_before() -> None:
    assert load_checklist(None) is load_checklist(None, language="en") is EN
    assert (EN.language, EN.staff_language) == ("en", "en")
    assert EN.question("has_neck_pain").text == "Do you have neck pain?"
    assert EN.rule("hd_thunderclap").message.startswith("EMERGENCY - do not book.")


def test_form_and_staff_texts_are_chosen_separately() -> None:
    mixed = ES_FORM_EN_STAFF
    assert (mixed.language, mixed.staff_language) == ("es", "en")
    assert mixed.question("has_neck_pain").text == "¿Tiene dolor de cuello?"
    assert mixed.question("arm_symptoms").choices[1].label == "Hormigueo"
    assert mixed.sections[0].title == "Sobre la persona"
    assert mixed.rules == EN.rules and mixed.categories == EN.categories
    assert mixed.consent_message == EN.consent_message and mixed.title == EN.title

    other = EN_FORM_ES_STAFF
    assert other.sections == EN.sections
    assert other.rules == ES.rules and other.categories == ES.categories
    assert other.consent_message == ES.consent_message
    assert other.question("sex") == EN.question("sex")


def test_only_texts_differ_between_languages() -> None:
    for checklist in (ES, ES_FORM_EN_STAFF, EN_FORM_ES_STAFF):
        assert (checklist.id, checklist.version, checklist.settings) == (
            EN.id,
            EN.version,
            EN.settings,
        )
        assert [q.id for q in checklist.questions] == [q.id for q in EN.questions]
        for mine, english in zip(checklist.questions, EN.questions, strict=True):
            assert (
                dataclasses.replace(
                    mine, text=english.text, help=english.help, choices=english.choices
                )
                == english
            )
            assert mine.choice_values == english.choice_values
        for mine, english in zip(checklist.rules, EN.rules, strict=True):
            assert (mine.id, mine.level, mine.when, mine.source) == (
                english.id,
                english.level,
                english.when,
                english.source,
            )
        assert [(c.id, c.when) for c in checklist.categories] == [
            (c.id, c.when) for c in EN.categories
        ]
        assert (checklist.ndi_sections, checklist.pain, checklist.consents) == (
            EN.ndi_sections,
            EN.pain,
            EN.consents,
        )
        assert checklist.stage_question == EN.stage_question
        assert checklist.cervicogenic_criteria == EN.cervicogenic_criteria


@pytest.mark.parametrize("language", ["fr", "EN", "e", "../es"])
def test_a_language_without_texts_is_refused(language: str) -> None:
    with pytest.raises(ChecklistError) as caught:
        load_checklist(None, language=language)
    assert str(caught.value).startswith("neck-headache-1.toml: ")


def test_a_staff_language_without_texts_is_refused() -> None:
    with pytest.raises(ChecklistError, match=r"neck-headache-1\.de\.toml is not beside it"):
        load_checklist(None, language="es", staff_language="de")


# -- the same screening result in every language -------------------------------------------


def _without_texts(result: ScreeningResult) -> ScreeningResult:
    flags = tuple(dataclasses.replace(f, message="", rationale="") for f in result.flags)
    return dataclasses.replace(result, flags=flags)


@FAST
@given(answers=VALID_ANSWERS, on=DATES)
def test_the_result_does_not_change_with_the_language(answers: dict[str, Any], on: dt.date) -> None:
    english = evaluate(EN, answers, on)
    for checklist in (ES, ES_FORM_EN_STAFF, EN_FORM_ES_STAFF):
        other = evaluate(checklist, answers, on)
        # Triage, status, missing questions, fired rules (ids, levels, sources, order),
        # categories and findings, stage, cervicogenic criteria, NDI and pain: all equal.
        assert _without_texts(other) == _without_texts(english)
        rules = {rule.id: rule for rule in checklist.rules}
        assert all(f.message == rules[f.id].message for f in other.flags)
        assert all(f.rationale == rules[f.id].rationale for f in other.flags)
    spanish = evaluate(ES, answers, on)
    assert all(
        es.message != en.message for es, en in zip(spanish.flags, english.flags, strict=True)
    )
    assert evaluate(ES_FORM_EN_STAFF, answers, on) == english
    assert in_language(english, ES) == spanish
    assert in_language(spanish, EN) == english


def test_a_result_of_another_checklist_version_keeps_its_texts() -> None:
    result = evaluate(EN, answers_for(EN, rf_sudden_onset=True), ON)
    older = dataclasses.replace(result, checklist_version="0")
    assert in_language(older, ES) == older


def test_the_spanish_messages_are_the_spanish_of_the_same_rules() -> None:
    data = tomllib.loads(ES_FILE)["rules"]
    assert set(data) == {rule.id for rule in EN.rules}
    for english, spanish in zip(EN.rules, ES.rules, strict=True):
        assert spanish.message == data[english.id]["message"]
        assert spanish.rationale == data[english.id]["rationale"]
        for phrase, translation in MIRRORED:
            assert (phrase in english.message) == (translation in spanish.message), (
                f"rule {english.id!r}: {phrase!r} in English must be {translation!r} in Spanish"
            )
        assert "911" not in spanish.message  # the English never names a number
        if english.level is TriageLevel.EMERGENCY:
            # The words read to the caller are quoted in both languages.
            assert spanish.message.count('"') == english.message.count('"') == 2


# -- what the front desk sees ---------------------------------------------------------------


def test_the_front_desk_view_follows_the_staff_language() -> None:
    answers = answers_for(EN, rf_sudden_onset=True, cad_dizziness=True)
    stored = evaluate(EN, answers, ON)  # a result stored in English
    view = front_desk_view(ES, answers, stored, ON)
    assert view.meaning.startswith("No programe la cita.")
    assert "número de emergencias" in view.meaning
    assert view.say == ES.rule("hd_thunderclap").message
    assert view.reasons[0].word == "EMERGENCIA"
    spanish = {rule.id: rule.rationale for rule in ES.rules}
    assert all(reason.text == spanish[reason.rule_id] for reason in view.reasons)

    english_view = front_desk_view(ES_FORM_EN_STAFF, answers, stored, ON)
    assert english_view == front_desk_view(EN, answers, stored, ON)
    assert english_view.say.startswith("EMERGENCY") and english_view.reasons[0].word == "EMERGENCY"


def test_every_level_has_a_spanish_meaning() -> None:
    for level in TriageLevel:
        spanish = meaning(level, language="es")
        assert spanish and spanish != meaning(level)
    referral = meaning(TriageLevel.REFER, pregnant=True, language="es")
    assert "triaje de obstetricia" in referral
    assert "obstetricia" not in meaning(TriageLevel.REFER, language="es")


def test_the_booking_gate_speaks_the_staff_language() -> None:
    emergency = may_book(ES, {}, complete=False, triage="emergency")
    assert emergency.hold is Hold.EMERGENCY and emergency.language == "es"
    assert "número de emergencias" in emergency.message
    assert "departamento de emergencias" in emergency.message
    assert "emergency" not in may_book(ES, {}, complete=True, triage="refer").message
    waiting = may_book(ES, {}, complete=False, triage="clear", missing=("dob",))
    assert waiting.message == "La evaluación está incompleta; todavía falta: dob."
    answers = answers_for(EN, consent_privacy_notice=False)
    consent = may_book(ES, answers, complete=True, triage="clear")
    assert consent.hold is Hold.NO_CONSENT and consent.message == ES.consent_message
    assert consent.message.startswith("Antes de programar la cita")
    # The patient's language alone does not change what the staff read.
    assert may_book(ES_FORM_EN_STAFF, answers, complete=True, triage="emergency") == may_book(
        EN, answers, complete=True, triage="emergency"
    )
