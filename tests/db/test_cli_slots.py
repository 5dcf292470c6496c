"""`intake slots`: free slots from the command line, as a table or JSON."""

from __future__ import annotations

import json

import pytest

from intake.cli import main
from intake.services.database import open_database
from tests.db.practice import build


@pytest.fixture
def practice_env(app_env: str):  # type: ignore[no-untyped-def]
    database = open_database(app_env)
    try:
        return build(database)
    finally:
        database.close()


def test_slots_as_json(practice_env, capsys: pytest.CaptureFixture[str]):
    args = ["slots", "--from", "2027-03-01", "--days", "1", "--type", "FU45", "--json"]
    assert main([*args, "--limit", "3"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 3
    assert [f["start"] for f in found] == sorted(f["start"] for f in found)
    assert found[0]["location"] == "EAST" and found[0]["local_start"].startswith("2027-03-01T08:00")
    assert main([*args, "--location", "west", "--limit", "50"]) == 0
    assert {f["location"] for f in json.loads(capsys.readouterr().out)} == {"WEST"}


def test_slots_as_a_table(practice_env, capsys: pytest.CaptureFixture[str]):
    assert main(["slots", "--from", "2027-03-01", "--days", "1", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and "Mon 2027-03-01 08:00" in lines[0] and "Test Site East" in lines[0]


def test_unknown_codes_and_bad_dates(practice_env, capsys: pytest.CaptureFixture[str]):
    assert main(["slots", "--from", "2027-03-01", "--location", "NOPE", "--type", "ZZ"]) == 2
    err = capsys.readouterr().err
    assert "Unknown location code: NOPE" in err and "'ZZ'" in err
    with pytest.raises(SystemExit) as caught:
        main(["slots", "--from", "2027-13-01"])
    assert caught.value.code == 2
    assert main(["slots", "--from", "2027-03-01", "--days", "0"]) == 2
