from __future__ import annotations

import pytest

from intake.screening import Checklist, load_checklist


@pytest.fixture(scope="session")
def checklist() -> Checklist:
    return load_checklist("neck-headache-1")
