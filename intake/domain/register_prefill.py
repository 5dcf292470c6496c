"""What the patient search box held, as the new-patient form's fields.

Pure. A caller not found is registered next: what was typed to find them (a name, a date of
birth, a phone number, in any order) goes into its own field instead of being typed again.
"""

from __future__ import annotations

import datetime as dt
import re

from intake.domain.search_query import MIN_PHONE_DIGITS, read_date
from intake.domain.text import digits

_PHONE_TEXT = re.compile(r"^\+?[\d\s().\-/]+$")
_RECORD = re.compile(r"^m\d{1,7}$", re.IGNORECASE)


def fields_from_search(text: str, today: dt.date) -> dict[str, str]:
    """Field -> text for the register form ("family_name", "given_name", "date_of_birth",
    "phone"); a record number is not a new patient's and is left out. "Testcase, Zoë" is
    family, given; "Zoë Ann Testcase" given names then the family name (as the form splits
    a pasted name); one word is the family name."""
    stripped = text.strip()
    if not stripped:
        return {}
    if _is_phone(stripped) and " " in stripped and not read_date(stripped, today):
        return {"phone": stripped}  # (212) 555-0101
    found: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    for part in stripped.replace(",", " , ").split():
        if part == ",":
            before, after = before or after, []
        elif read_date(part, today) and "date_of_birth" not in found:
            found["date_of_birth"] = part
        elif _is_phone(part) and "phone" not in found:
            found["phone"] = part
        elif not _RECORD.match(part) and not part.isdigit():
            after.append(part)
    found.update(_names(before, after, comma="," in stripped))
    return found


def _is_phone(text: str) -> bool:
    return bool(_PHONE_TEXT.match(text)) and len(digits(text)) >= MIN_PHONE_DIGITS


def _names(before: list[str], after: list[str], *, comma: bool) -> dict[str, str]:
    if comma:  # family, given
        family, given = before, after
    elif len(after) > 1:
        family, given = after[-1:], after[:-1]
    else:
        family, given = after, []
    named = {"family_name": " ".join(family), "given_name": " ".join(given)}
    return {field: value for field, value in named.items() if value}
