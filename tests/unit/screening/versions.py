"""A second checklist version whose consents differ from "every id that starts with consent_".

Version 2 adds an optional newsletter question that happens to be named `consent_newsletter`
(not a booking consent) and a recall-call agreement that is one, declared in [booking].
"""

from __future__ import annotations

from pathlib import Path

from intake.resources_path import resource
from intake.screening import Checklist, load_checklist_file

_PRIVACY = (
    '[[sections.questions]]\nid = "consent_privacy_notice"\ntype = "yesno"\n'
    'text = "Have you been given our privacy notice, and do you agree to it?"\nrequired = true\n'
)
_ADDED = (
    '\n[[sections.questions]]\nid = "consent_newsletter"\ntype = "yesno"\n'
    'text = "May we send you our newsletter?"\n'
    '\n[[sections.questions]]\nid = "recall_calls_agreed"\ntype = "yesno"\n'
    'text = "May we phone you to remind you of your visits?"\n'
)
_DECLARED = 'consents = ["consent_treatment", "consent_privacy_notice"]'
DECLARED_V2 = 'consents = ["consent_treatment", "consent_privacy_notice", "recall_calls_agreed"]'


def second_version(folder: Path) -> Checklist:
    text = resource("screening", "neck-headache-1.toml").read_text(encoding="utf-8")
    for old, new in (
        (_PRIVACY, _PRIVACY + _ADDED),
        (_DECLARED, DECLARED_V2),
        ('version = "1"', 'version = "2"'),
    ):
        assert text.count(old) == 1, f"anchor not unique in the checklist file: {old!r}"
        text = text.replace(old, new)
    path = folder / "neck-headache-2.toml"
    path.write_text(text, encoding="utf-8")
    return load_checklist_file(path)
