"""The code systems and canonical URLs of our FHIR resources, and the standard codes we use."""

from __future__ import annotations

from dataclasses import dataclass

LOINC = "http://loinc.org"
NDI_PANEL = "82226-2"  # Neck Disability Index [NDI]
NDI_TOTAL = "82237-9"  # Total score [NDI]
# The ten NDI items in the instrument's order (Vernon & Mior 1991), which is our [scores] ndi
# order: pain intensity, personal care, lifting, reading, headaches, concentration, work,
# driving, sleeping, recreation.
NDI_ITEMS = (
    "82227-0",
    "82228-8",
    "82229-6",
    "82230-4",
    "82231-2",
    "82232-0",
    "82233-8",
    "82234-6",
    "82235-3",
    "82236-1",
)
NPRS = "72514-3"  # Pain severity - 0-10 verbal numeric rating [Score] - Reported

# R4 core extensions. ordinalValue (not R5's itemWeight, which R4 has only as a backport) is
# what R4 and SDC 3.0 define for the score of a coded answer.
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
# SDC (R4, 3.0.0).
SDC_PROFILE = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire|3.0.0"
ENABLE_WHEN_EXPRESSION = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
)
CALCULATED_EXPRESSION = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
)

# A multi question answered with nothing ticked: an exclusive option of its own, so that
# "none of these" (an answer) and "not asked yet" (no answer) stay apart in FHIR. The hyphen
# keeps it apart from every choice value (ours are lower_case_with_underscores).
NONE_OF_THESE = "none-of-these"
# linkIds beyond the question ids; hyphens again keep them apart from ours.
NDI_TOTAL_LINK = "ndi-total"


def section_link(section_id: str) -> str:
    return f"section-{section_id}"


def help_link(question_id: str) -> str:
    return f"{question_id}-help"


@dataclass(frozen=True)
class FhirNames:
    """The canonical URLs of one checklist's resources under the practice's base URL."""

    base: str  # no trailing slash
    checklist_id: str
    ndi_sections: tuple[str, ...] = ()  # the checklist's NDI question ids, in NDI order

    @property
    def questionnaire(self) -> str:
        return f"{self.base}/Questionnaire/{self.checklist_id}"

    @property
    def questions(self) -> str:
        """Code system of the question ids (each item's own code)."""
        return f"{self.base}/CodeSystem/{self.checklist_id}-question"

    def answers(self, question_id: str) -> str:
        """Code system of one choice question's values (a value means what its question says)."""
        return f"{self.base}/CodeSystem/{self.checklist_id}-question/{question_id}"

    @property
    def rules(self) -> str:
        return f"{self.base}/CodeSystem/{self.checklist_id}-rule"

    @property
    def triage(self) -> str:
        return f"{self.base}/CodeSystem/triage-level"

    @property
    def patient_mrn(self) -> str:
        """Identifier system of the practice's record numbers."""
        return f"{self.base}/NamingSystem/mrn"
