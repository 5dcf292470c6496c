"""The languages the program knows, in one place.

Two lists, because a clinic needs both:
- `Language`: a patient's preferred language as the record keeps it. The front desk writes
  down what the patient speaks, even a language the checklist is not translated into (a
  French speaker is recorded as French, not forced to English); `OTHER` is for the rest.
  Codes are BCP 47 primary language subtags, as FHIR's `Patient.communication` wants them.
- `QUESTION_LANGUAGES`: the languages an intake's questions can be put to the patient in
  (the checklist has a complete text in each; intakes.patient_language).

The database refuses any other code (migration 0012 copies these lists: a migration never
imports the program, so a new language is a new migration and a new line here).
"""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    ENGLISH = "en"
    SPANISH = "es"
    FRENCH = "fr"
    DUTCH = "nl"
    POLISH = "pl"
    GERMAN = "de"
    PORTUGUESE = "pt"
    CHINESE = "zh"
    OTHER = "other"  # none of the above (not a language code: never exported)


DEFAULT_LANGUAGE = Language.ENGLISH

# The order the registration form offers them in; each in its own words, so a patient
# can point at theirs whatever language the screen is in.
OWN_NAMES: dict[Language, str] = {
    Language.ENGLISH: "English",
    Language.SPANISH: "Español",
    Language.FRENCH: "Français",
    Language.DUTCH: "Nederlands",
    Language.POLISH: "Polski",
    Language.GERMAN: "Deutsch",
    Language.PORTUGUESE: "Português",
    Language.CHINESE: "中文",
    Language.OTHER: "Other",  # the only one in the staff's language (the UI translates it)
}

# The languages the questions of an intake can be shown in, English first.
QUESTION_LANGUAGES: tuple[Language, ...] = (Language.ENGLISH, Language.SPANISH)

# The staff's words for a question language, for a note such as "Questions were asked in
# Spanish" (English words: the UI's translation turns them into the staff's language).
ENGLISH_NAMES: dict[Language, str] = {Language.ENGLISH: "English", Language.SPANISH: "Spanish"}


def own_name(code: str) -> str:
    """A stored code as the language's own name ("es" -> "Español"); an unknown code as is."""
    try:
        return OWN_NAMES[Language(code)]
    except ValueError:
        return code


def question_language_for(preferred: str) -> Language:
    """The language an intake's questions start in for a patient who prefers `preferred`:
    that one when the checklist has it, English otherwise."""
    return next((lang for lang in QUESTION_LANGUAGES if lang.value == preferred), DEFAULT_LANGUAGE)


def language_tag(code: str) -> str | None:
    """The BCP 47 tag of a stored code, None for `other` or an unknown code."""
    try:
        language = Language(code)
    except ValueError:
        return None
    return None if language is Language.OTHER else language.value
