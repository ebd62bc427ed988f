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


def test_a_yaml_actor_file_changes_the_output_with_no_code_change(petrel, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors:\n  - names: [\"Kwame Mensah\"]\n    country: GHA\n    sector: GOV\n    kind: person\n", encoding="utf-8")
    before = json.loads(petrel("actors", "Kwame Mensah", "--format", "jsonl").stdout)
    after = json.loads(petrel("actors", "Kwame Mensah", "--actors", mine, "--format", "jsonl").stdout)
    assert before is None or before["country"] is None
    assert (after["country"], after["code"], after["kind"]) == ("GHA", "GHAGOV", "person")


def test_a_broken_actor_file_names_file_line_and_problem(petrel, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors:\n  - names: [\"Kwame Mensah\"]\n    country: Ghana\n    kind: person\n", encoding="utf-8")
    run = petrel("actors", "Kwame Mensah", "--actors", mine)
    assert run.exit_code == 3
    assert str(mine) in run.stderr and ":3" in run.stderr and "country" in run.stderr


def test_dated_codes_of_an_imported_dictionary_follow_the_date(petrel, tmp_path):
    dictionary = tmp_path / "old.actors.txt"
    dictionary.write_text("ARMEN_SARKISSIAN [ARMGOV 980101-081231] [ARMELI >090101]\n", encoding="utf-8")
    then = json.loads(petrel("actors", "Armen Sarkissian", "--actors", dictionary, "--date", "2005-06-01", "--format", "jsonl").stdout)
    later = json.loads(petrel("actors", "Armen Sarkissian", "--actors", dictionary, "--date", "2012-06-01", "--format", "jsonl").stdout)
    assert then["code"] == "ARMGOV" and later["code"] == "ARMELI"
