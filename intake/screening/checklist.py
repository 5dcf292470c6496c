"""A loaded checklist version: its questions, rules, categories and settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from intake.screening.conditions import Condition
from intake.screening.questions import Question, Section
from intake.screening.triage import TriageLevel


@dataclass(frozen=True)
class Rule:
    id: str
    level: TriageLevel
    when: Condition
    message: str  # for the front desk: what to do or say
    rationale: str  # for the therapist: why
    source: str  # citation


@dataclass(frozen=True)
class CategoryRule:
    id: str
    title: str
    when: Condition  # the findings are the questions that make it true


# Compared by identity: a loaded checklist is immutable and holds mappings (not hashable).
@dataclass(frozen=True, eq=False)
class Checklist:
    id: str
    version: str
    title: str
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...]
    categories: tuple[CategoryRule, ...]
    settings: Mapping[str, float]
    cervicogenic_criteria: tuple[tuple[str, Condition], ...]  # (criterion name, condition)
    cervicogenic_met: Condition
    ndi_sections: tuple[str, ...]
    pain: tuple[tuple[str, str], ...]  # (result key, question id): now, best, worst
    stage_question: str
    consents: tuple[str, ...]  # yes/no questions booking needs answered yes ([booking])
    consent_message: str  # what the front desk reads while one of them is not given
    source: str = ""  # the file it came from, for messages
    # The language of the form (sections, questions, help, choices: read to the patient) and
    # of the staff's texts (rule messages and rationales, categories, title, consent message).
    language: str = "en"
    staff_language: str = "en"
    _index: Mapping[str, Question] = field(default_factory=dict, repr=False, compare=False)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for section in self.sections for q in section.questions)

    def question(self, question_id: str) -> Question | None:
        return self._index.get(question_id)

    def setting(self, name: str) -> float:
        return self.settings[name]

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    @property
    def ndi_section(self) -> Section | None:
        """The section holding the NDI questions (its wording may be a working translation)."""
        first = self.question(self.ndi_sections[0]) if self.ndi_sections else None
        return next((s for s in self.sections if first and s.id == first.section), None)
