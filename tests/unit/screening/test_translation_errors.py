"""A broken Spanish companion file is refused, naming the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.resources_path import resource
from intake.screening import ChecklistError, load_checklist_file

ENGLISH = resource("screening", "neck-headache-1.toml").read_text(encoding="utf-8")
SPANISH = resource("screening", "neck-headache-1.es.toml").read_text(encoding="utf-8")


def _line_of(text: str, mark: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text.count("\n", 0, text.index(mark, start)) + 1


def _write(folder: Path, spanish: str) -> tuple[Path, Path]:
    english = folder / "neck-headache-1.toml"
    english.write_text(ENGLISH, encoding="utf-8")
    companion = folder / "neck-headache-1.es.toml"
    companion.write_text(spanish, encoding="utf-8")
    return english, companion


def _refusal(folder: Path, spanish: str, **languages: str) -> str:
    english, _ = _write(folder, spanish)
    with pytest.raises(ChecklistError) as caught:
        load_checklist_file(english, **(languages or {"language": "es"}))
    return str(caught.value)


def _replace(old: str, new: str) -> str:
    assert SPANISH.count(old) == 1, f"anchor not unique in the Spanish file: {old!r}"
    return SPANISH.replace(old, new)


def test_the_copies_load_as_they_are(tmp_path: Path) -> None:
    english, _ = _write(tmp_path, SPANISH)
    assert load_checklist_file(english, language="es").question("dob").text.startswith("¿")
    assert load_checklist_file(english).question("dob").text.startswith("What")


# A missing text: named at the English text that has no translation (the line to translate).
MISSING = [
    pytest.param(
        'text = "¿Cuál es su fecha de nacimiento?"\n', "questions.dob.text",
        'text = "What is your date of birth?"', None, "question 'dob'", id="question text",
    ),
    pytest.param(
        'help = "Marque cada zona que señale el paciente."\n', "questions.pain_regions.help",
        'help = "Tick every area', None, "question 'pain_regions'", id="help text",
    ),
    pytest.param(
        'forehead = "Frente"\n', "questions.pain_regions.choices.forehead",
        '"forehead"', 'id = "pain_regions"', "question 'pain_regions'", id="choice label",
    ),
    pytest.param(
        'title = "Médula espinal"\n', "sections.myelopathy.title",
        'title = "Spinal cord"', None, "section 'myelopathy'", id="section title",
    ),
    pytest.param(
        'title = "Dolor de cuello con dolor irradiado"\n', "categories.radiating_pain.title",
        'title = "Neck pain with radiating pain"', None, "category 'radiating_pain'",
        id="category title",
    ),
    pytest.param(
        "[booking]\n", "booking.consent_missing", "consent_missing =", None, "[booking]",
        id="booking message",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("gone", "key", "mark", "after", "where"), MISSING)
def test_a_missing_text_names_the_key_and_the_english_line(
    tmp_path: Path, gone: str, key: str, mark: str, after: str | None, where: str
) -> None:
    spanish = _replace(gone, "")
    if gone == "[booking]\n":  # drop the whole table: its key then belongs to [categories…]
        spanish = spanish[: spanish.index("# en: Consent to treatment")]
    message = _refusal(tmp_path, spanish)
    line = _line_of(ENGLISH, mark, after or "")
    assert message.startswith(f"{tmp_path / 'neck-headache-1.toml'}, line {line}: {where}: ")
    assert f"lacks '{key}'" in message and "neck-headache-1.es.toml" in message
    assert "no Spanish text" in message


def test_a_missing_rule_message_names_the_rule(tmp_path: Path) -> None:
    start = SPANISH.index("[rules.hd_fever]")
    end = SPANISH.index("\n[rules.", start + 1)
    message = _refusal(tmp_path, SPANISH[:start] + SPANISH[end + 1 :])
    line = _line_of(ENGLISH, "message =", 'id = "hd_fever"')
    assert message.startswith(
        f"{tmp_path / 'neck-headache-1.toml'}, line {line}: rule 'hd_fever': "
    )
    assert "lacks 'rules.hd_fever.message'" in message


# An extra, empty or mistyped text: named at its own line in the companion file.
BAD = [
    pytest.param(
        '[questions.dob]\n', '[questions.dob]\nhint = "Sugerencia"\n', 'hint =',
        "[questions.dob]: extra translation 'questions.dob.hint'", id="extra key",
    ),
    pytest.param(
        '[questions.has_headache]\n',
        '[questions.has_headach]\ntext = "¿Le duele?"\n\n[questions.has_headache]\n',
        'text = "¿Le duele?"',
        "the English checklist has no question 'has_headach'", id="extra question",
    ),
    pytest.param(
        'forehead = "Frente"\n', 'forehead = "Frente"\nchin = "Barbilla"\n', 'chin =',
        "question 'pain_regions' has no choice 'chin'", id="extra choice",
    ),
    pytest.param(
        '[rules.hd_fever]\n', '[rules.hd_fevers]\nmessage = "x"\n\n[rules.hd_fever]\n',
        'message = "x"', "the English checklist has no rule 'hd_fevers'", id="extra rule",
    ),
    pytest.param(
        'text = "¿Tiene dolor de cuello?"', 'text = "  "', 'text = "  "',
        "[questions.has_neck_pain]: 'questions.has_neck_pain.text' must be non-empty text",
        id="empty text",
    ),
    pytest.param(
        'text = "¿Tiene dolor de cuello?"', "text = 3", "text = 3",
        "'questions.has_neck_pain.text' must be non-empty text, got 3", id="not text",
    ),
    pytest.param(
        'language = "es"', 'language = "en"', 'language = "en"',
        "this file must say language = 'es'", id="wrong language",
    ),
    pytest.param(
        'version = "1"', 'version = "2"', 'version = "2"',
        "this file must say version = '1'", id="another version",
    ),
    pytest.param(
        "validated = false", "validated = \"no\"", "validated =",
        "'validated' must be true or false", id="validated not a flag",
    ),
    pytest.param(
        "validated = false\n", "", "[sections.ndi]",
        "the Spanish NDI must say whether it is the validated translation", id="NDI unmarked",
    ),
    pytest.param(
        'title = "Sobre la persona"', 'title = "Sobre la persona"\nvalidated = maybe',
        "validated = maybe", "TOML syntax error", id="syntax error",
    ),
    pytest.param(
        "[booking]\n", "[bookings]\nconsent = \"x\"\n\n[booking]\n", "[bookings]",
        "unknown table 'bookings'", id="unknown table",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "mark", "problem"), BAD)
def test_a_bad_text_names_the_key_and_its_line(
    tmp_path: Path, old: str, new: str, mark: str, problem: str
) -> None:
    spanish = _replace(old, new)
    message = _refusal(tmp_path, spanish)
    line = _line_of(spanish, mark, SPANISH[: SPANISH.index(old)][-40:] if new else "")
    assert message.startswith(f"{tmp_path / 'neck-headache-1.es.toml'}, line {line}: "), message
    assert problem in message


def test_the_staff_language_file_is_checked_too(tmp_path: Path) -> None:
    spanish = _replace('text = "¿Tiene dolor de cuello?"\n', "")
    message = _refusal(tmp_path, spanish, language="en", staff_language="es")
    assert "lacks 'questions.has_neck_pain.text'" in message


def test_no_companion_file_is_a_clear_refusal(tmp_path: Path) -> None:
    english = tmp_path / "neck-headache-2.toml"
    english.write_text(ENGLISH.replace('version = "1"', 'version = "2"'), encoding="utf-8")
    assert load_checklist_file(english).version == "2"  # English needs no companion
    with pytest.raises(ChecklistError) as caught:
        load_checklist_file(english, language="es")
    assert str(caught.value) == (
        f"{english}: no Spanish texts: neck-headache-2.es.toml is not beside it"
    )


def test_a_named_checklist_names_its_companion_the_same_way(tmp_path: Path) -> None:
    english, _ = _write(tmp_path, _replace("validated = false\n", ""))
    with pytest.raises(ChecklistError) as caught:
        load_checklist_file(english, language="es", name_for_errors="clinic copy")
    assert str(caught.value).startswith("neck-headache-1.es.toml, line ")
