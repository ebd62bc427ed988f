"""`petrel actors`: mentions resolved as in news, one JSON actor (or null) per input for scripts."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow


def test_actors_jsonl_prints_one_actor_or_null_per_input_in_order(petrel):
    run = petrel("actors", "Kenyan President William Ruto", "Israeli troops", "the Kremlin", "a quiet afternoon", "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    ruto, troops, kremlin, nothing = [json.loads(line) for line in run.stdout.splitlines()]
    assert (ruto["country"], ruto["sector"], ruto["kind"], ruto["name"]) == ("KEN", "GOV", "person", "William Ruto")
    assert (troops["country"], troops["sector"]) == ("ISR", "MIL")
    assert (kremlin["country"], kremlin["sector"], kremlin["code"]) == ("RUS", "GOV", "RUSGOV")
    assert nothing is None


def test_actors_text_explains_each_resolution(petrel):
    run = petrel("actors", "Kenyan President William Ruto")
    assert run.exit_code == 0, run.stderr
    assert "KENGOV" in run.stdout
    assert "'Kenyan': the demonym of Kenya" in run.stdout and "'President': sector word GOV" in run.stdout
