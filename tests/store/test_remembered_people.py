"""People a store has met with their title resolve bare names in later articles (issue 4, item 4)."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import petrel  # noqa: F401  (the fixture)

pytestmark = pytest.mark.slow

LATER_REPORT = "Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Friday.\n"





def test_a_bare_surname_resolves_to_the_person_the_store_remembers(petrel, store_copy, tmp_path):
    report = tmp_path / "later.txt"
    report.write_text(LATER_REPORT, encoding="utf-8")
    out = tmp_path / "later.jsonl"
    run = petrel("code", report, "--date", "2025-06-01", "--db", store_copy, "--output", out, "-q")
    assert run.exit_code == 0, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ruto = [e["source"] for e in records if e["record"] == "event" and (e["source"] or {}).get("text") == "Ruto"]
    assert ruto and ruto[0]["name"] == "William Ruto" and ruto[0]["country"] == "KEN" and ruto[0]["code"] == "KENGOV"


def test_without_the_store_a_bare_surname_stays_unknown(petrel, tmp_path):
    report = tmp_path / "later.txt"
    report.write_text(LATER_REPORT, encoding="utf-8")
    out = tmp_path / "later.jsonl"
    run = petrel("code", report, "--date", "2025-06-01", "--output", out, "-q")
    assert run.exit_code == 0, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ruto = [e["source"] for e in records if e["record"] == "event" and (e["source"] or {}).get("text") == "Ruto"]
    assert all(actor["country"] is None for actor in ruto)
