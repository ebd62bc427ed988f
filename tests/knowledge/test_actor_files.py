"""User actor files in YAML (petrel/knowledge/actor_files.py): what they add, and what a user who
writes one wrong is told. The example in docs/actors.md is checked here too."""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

import pytest

from petrel.errors import DataFileError, ExitCode
from petrel.knowledge.actor_files import extend_knowledge, load_actor_file, with_actor_files
from petrel.knowledge.actor_tables import ActorKnowledge, NamedActor, SectorWord, load_actor_knowledge

DOCS = Path(__file__).resolve().parents[2] / "docs" / "actors.md"

SISI = """
actors:
  - names: ["Abdel-Fattah al-Sisi", "Sisi"]
    country: EGY
    sector: ELI
    kind: person
  - names: ["Abdel-Fattah al-Sisi", "Sisi"]
    country: EGY
    sector: MIL
    kind: person
    valid: ..2012-08-11
  - names: ["Abdel-Fattah al-Sisi", "Sisi"]
    country: EGY
    sector: GOV
    kind: person
    valid: 2014-06-08..
"""


def _file(tmp_path: Path, text: str, name: str = "actors.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def _load(tmp_path: Path, text: str) -> tuple[dict[str, NamedActor], dict[tuple[str, ...], SectorWord]]:
    actors, sectors = load_actor_file(_file(tmp_path, text))
    return {actor.phrase: actor for actor in actors}, {word.term: word for word in sectors}


def _error(tmp_path: Path, text: str) -> DataFileError:
    path = _file(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_actor_file(path)
    error = caught.value
    assert error.path == str(path) and error.exit_code == ExitCode.BAD_DATA_FILE
    return error


def _line_of(text: str, fragment: str) -> int:
    lines = textwrap.dedent(text).lstrip("\n").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if fragment in line)


# -- what a file adds ---------------------------------------------------------------------------
def test_actor_entry_gives_each_name_its_codes(tmp_path):
    actors, _ = _load(tmp_path, """
        actors:
          - names: ["Coast Guard of Ruritania", "RCG"]
            country: RUR
            sector: MIL
            kind: organization
    """)
    guard = actors["RCG"]
    assert (guard.country, guard.sector, guard.code, guard.kind) == ("RUR", "MIL", "RURMIL", "organization")
    assert guard.name == "Coast Guard of Ruritania" and guard.how == "organization"
    assert actors["Coast Guard of Ruritania"] == NamedActor(
        "Coast Guard of Ruritania", "RUR", "MIL", "RURMIL", "organization", "Coast Guard of Ruritania", "organization"
    )


def test_code_may_be_given_and_country_left_out(tmp_path):
    actors, _ = _load(tmp_path, """
        actors:
          - names: [Wagner Group]
            sector: MIL
            code: RUSMILPMC
            kind: group
          - names: [Freedonia]
            country: FRE
            kind: state
    """)
    assert (actors["Wagner Group"].country, actors["Wagner Group"].code) == (None, "RUSMILPMC")
    assert (actors["Freedonia"].code, actors["Freedonia"].how) == ("FRE", "country-name")


def test_valid_ranges_code_a_name_by_date(tmp_path):
    actors, _ = _load(tmp_path, SISI)
    sisi = actors["Sisi"]
    assert sisi.code == "EGYELI" and len(sisi.dated) == 2
    assert sisi.on(date(2010, 1, 1)).code == "EGYMIL"
    assert sisi.on(date(2013, 1, 1)).code == "EGYELI"  # between the ranges: the entry without valid
    assert sisi.on(date(2014, 6, 8)).code == "EGYGOV"
    assert sisi.on(None).code == "EGYELI"


def test_name_given_only_with_dates_has_no_code_on_other_days(tmp_path):
    actors, _ = _load(tmp_path, """
        actors:
          - names: [Obama]
            country: USA
            sector: GOV
            kind: person
            valid: 2009-01-20..2017-01-20
    """)
    obama = actors["Obama"]
    assert obama.on(date(2010, 1, 1)).code == "USAGOV"
    assert obama.on(date(2018, 1, 1)).code is None and obama.kind == "person"


def test_sector_words_are_lower_case_lemmas(tmp_path):
    _, sectors = _load(tmp_path, """
        sectors:
          - term: Coast Guard
            sector: MIL
            kind: group
          - term: interior minister
            sector: GOV
            kind: person
            role: title
    """)
    assert sectors[("coast", "guard")] == SectorWord(("coast", "guard"), "MIL", "group", "")
    assert sectors[("interior", "minister")].role == "title"


# -- mistakes, each named by file and line ------------------------------------------------------
def test_unknown_key_names_its_line_and_the_keys_to_use(tmp_path):
    text = """
        actors:
          - names: [Sisi]
            country: EGY
            kind: person
            sectr: GOV
    """
    error = _error(tmp_path, text)
    assert error.line == _line_of(text, "sectr") and "'sectr'" in error.reason
    assert "sector" in error.fix and "valid" in error.fix


def test_unknown_top_level_key(tmp_path):
    error = _error(tmp_path, "actor:\n  - names: [Sisi]\n")
    assert error.line == 1 and "'actor'" in error.reason and "actors" in error.fix


@pytest.mark.parametrize("country", ["egy", "EGYPT", "EG", "123"])
def test_country_must_be_three_capital_letters(tmp_path, country):
    text = f"""
        actors:
          - names: [Sisi]
            kind: person
            country: {country}
    """
    error = _error(tmp_path, text)
    assert error.line == _line_of(text, "country:")
    assert "3 capital letters" in error.reason and "IGO or NGO" in error.reason


def test_unknown_kind_lists_the_kinds(tmp_path):
    text = """
        actors:
          - names: [Sisi]
            country: EGY
            kind: leader
    """
    error = _error(tmp_path, text)
    assert error.line == _line_of(text, "kind:") and "'leader'" in error.reason
    assert "person" in error.fix and "organization" in error.fix


@pytest.mark.parametrize("valid", ["2014-06-08", "2014/06/08..", "..", "June 2014..", "2014-06-08..2013-01-01", "2014-02-30.."])
def test_bad_date_range_names_its_line_and_the_forms_to_use(tmp_path, valid):
    text = f"""
        actors:
          - names: [Sisi]
            country: EGY
            kind: person
            valid: "{valid}"
    """
    error = _error(tmp_path, text)
    assert error.line == _line_of(text, "valid:") and "bad date range" in error.reason
    assert "FROM..TO" in error.fix


def test_name_given_twice_without_dates_is_an_error(tmp_path):
    text = """
        actors:
          - names: [Sisi]
            country: EGY
            kind: person
          - names: [Sisi, El-Sisi]
            country: EGY
            sector: GOV
            kind: person
    """
    error = _error(tmp_path, text)
    assert error.line == _line_of(text, "[Sisi, El-Sisi]") and "already given at line 2" in error.reason


def test_overlapping_ranges_of_one_name_are_an_error(tmp_path):
    text = """
        actors:
          - names: [Sisi]
            country: EGY
            kind: person
            valid: 2012-08-12..2014-03-26
          - names: [Sisi]
            country: EGY
            sector: GOV
            kind: person
            valid: 2014-03-26..
    """
    error = _error(tmp_path, text)
    assert "overlap" in error.reason and "line 2" in error.reason


def test_actor_without_country_sector_or_code(tmp_path):
    error = _error(tmp_path, "actors:\n  - names: [Sisi]\n    kind: person\n")
    assert error.line == 2 and "country, a sector or a code" in error.reason


def test_sector_word_mistakes(tmp_path):
    assert "unknown role 'boss'" in _error(tmp_path, "sectors:\n  - {term: chief, sector: GOV, kind: person, role: boss}\n").reason
    assert "has no sector" in _error(tmp_path, "sectors:\n  - {term: chief, kind: person}\n").reason
    error = _error(tmp_path, "sectors:\n  - {term: chief, sector: GOV, kind: person}\n  - {term: Chief, sector: MIL, kind: person}\n")
    assert error.line == 3 and "already given at line 2" in error.reason


def test_not_yaml_names_the_line(tmp_path):
    error = _error(tmp_path, "actors:\n  - names: [Sisi\n    kind: person\n")
    assert error.line is not None and "not valid YAML" in error.reason


def test_file_that_is_not_a_mapping(tmp_path):
    assert "actors: and/or sectors:" in _error(tmp_path, "- names: [Sisi]\n").reason


# -- extending petrel's knowledge -----------------------------------------------------------------
def test_user_entries_replace_built_in_ones_and_leave_the_original_alone(tmp_path):
    built_in = load_actor_knowledge()
    path = _file(tmp_path, """
        actors:
          - names: [Hezbollah]
            country: LBN
            sector: PTY
            kind: organization
        sectors:
          - {term: troop, sector: UAF, kind: group}
    """)
    knowledge = with_actor_files(built_in, [path])
    assert knowledge.named["Hezbollah"].code == "LBNPTY"
    assert knowledge.sectors[("troop",)].sector == "UAF"
    assert knowledge.named["Egypt"] == built_in.named["Egypt"]
    assert built_in.named["Hezbollah"].code == "LBNREB" and built_in.sectors[("troop",)].sector == "MIL"
    assert knowledge.files == [*built_in.files, str(path)]


def test_later_file_wins(tmp_path):
    first = _file(tmp_path, "actors:\n  - {names: [Sisi], country: EGY, sector: MIL, kind: person}\n", "first.yaml")
    second = _file(tmp_path, "actors:\n  - {names: [Sisi], country: EGY, sector: GOV, kind: person}\n", "second.yaml")
    assert with_actor_files(ActorKnowledge(), [first, second]).named["Sisi"].code == "EGYGOV"
    assert with_actor_files(ActorKnowledge(), [second, first]).named["Sisi"].code == "EGYMIL"


def test_extend_knowledge_later_entries_in_the_lists_win():
    old = NamedActor("Sisi", "EGY", "MIL", "EGYMIL", "person", "Sisi", "organization")
    new = NamedActor("Sisi", "EGY", "GOV", "EGYGOV", "person", "Sisi", "organization")
    assert extend_knowledge(ActorKnowledge(), [old, new], []).named["Sisi"] is new


def test_imported_entries_can_only_fill_gaps():
    built_in = load_actor_knowledge()
    cairo = NamedActor("Cairo", "EGY", None, "EGY", "state", "Egypt", "country-name")  # as Phoenix lists it
    obama = NamedActor("Bamako Obama", "USA", "GOV", "USAGOV", "person", "Bamako Obama", "organization")  # not built in
    fighter = SectorWord(("fighter",), "UAF", "group", "")
    knowledge = extend_knowledge(built_in, [cairo, obama], [fighter], replace=False)
    assert knowledge.named["Cairo"] == built_in.named["Cairo"] and knowledge.named["Cairo"].code == "EGYGOV"
    assert knowledge.sectors[("fighter",)].sector == "REB"
    assert knowledge.named["Bamako Obama"] is obama


# -- the documentation ------------------------------------------------------------------------------
def test_example_in_the_docs_loads(tmp_path):
    text = DOCS.read_text(encoding="utf-8")
    [example] = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    actors, sectors = load_actor_file(_file(tmp_path, example))
    assert actors and sectors


def test_docs_document_every_key():
    from petrel.knowledge import actor_files

    text = DOCS.read_text(encoding="utf-8")
    for key in (*actor_files._ACTOR_KEYS, *actor_files._SECTOR_KEYS, *actor_files._TOP_KEYS):
        assert f"`{key}`" in text, f"docs/actors.md does not document `{key}`"
