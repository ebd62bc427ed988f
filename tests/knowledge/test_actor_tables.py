"""The actor tables as petrel loads them (petrel/knowledge/actor_tables.py).

tests/knowledge/test_countries_table.py checks countries.tsv as a file; these tests check what
`load_actor_knowledge` makes of the three tables, and what a user who breaks one is told.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from petrel.errors import DataFileError, ExitCode
from petrel.knowledge.actor_tables import ACTOR_DIR, KINDS, DatedCode, NamedActor, load_actor_knowledge
from petrel.knowledge.tables import read_tsv, split_items


@pytest.fixture(scope="module")
def knowledge():
    return load_actor_knowledge()


# -- the packaged tables ------------------------------------------------------------------
def test_packaged_tables_load_from_four_files(knowledge):
    assert [Path(f).name for f in knowledge.files] == ["countries.tsv", "organizations.tsv", "people.tsv", "sectors.tsv"]


def test_country_name_demonym_and_capital_mean_the_same_country(knowledge):
    assert knowledge.named["Egypt"].country == "EGY"
    assert knowledge.named["Egyptian"].country == "EGY"
    assert knowledge.named["Egyptian"].how == "demonym"
    cairo = knowledge.named["Cairo"]
    assert (cairo.country, cairo.sector, cairo.code, cairo.how) == ("EGY", "GOV", "EGYGOV", "capital")


def test_seat_of_power_is_the_government(knowledge):
    kremlin = knowledge.named["Kremlin"]
    assert (kremlin.code, kremlin.kind) == ("RUSGOV", "state")


def test_named_bodies_carry_their_cameo_code(knowledge):
    assert knowledge.named["Hezbollah"].code == "LBNREB"
    assert knowledge.named["UN"].code == "IGOUNO"
    assert knowledge.named["IDF"].country == "ISR"
    assert knowledge.named["Human Rights Watch"].kind == "organization"


def test_sector_words_are_lemmas_with_a_sector_and_kind(knowledge):
    troop = knowledge.sectors[("troop",)]
    assert (troop.sector, troop.kind) == ("MIL", "group")
    assert knowledge.sectors[("foreign", "minister")].role == "title"
    assert knowledge.sectors[("leader",)].role == "generic"
    assert knowledge.longest_sector_term >= 3  # "secretary of state"


def test_every_kind_in_the_tables_is_a_known_kind(knowledge):
    kinds = {a.kind for a in knowledge.named.values()} | {s.kind for s in knowledge.sectors.values()}
    assert kinds <= set(KINDS)


# -- people.tsv -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Michel Suleiman", "LBNGOV"),  # Lebanon's president 2008-2014
        ("Michel Sleiman", "LBNGOV"),  # the same, as some news spells him
        ("Fouad Siniora", "LBNGOV"),
        ("Tammam Salam", "LBNGOV"),
        ("Salam Fayyad", "PSEGOV"),
        ("Tzipi Livni", "ISRGOV"),  # foreign minister 2006-2009
        ("Jalal Talabani", "IRQGOV"),
        ("Viktor Yushchenko", "UKRGOV"),
        ("Hamad bin Jassim", "QATGOV"),
        ("Nabil Elaraby", "IGOARBLEG"),  # Egypt's foreign minister in 2011, then Arab League chief
        ("Michael Randrianirina", "MDGMIL"),  # the colonel who took power in Madagascar in 2025
    ],
)
def test_heads_of_state_and_government_and_foreign_ministers_are_named(knowledge, name, code):
    person = knowledge.named[name]
    assert (person.code, person.kind, person.how) == (code, "person", "organization")


@pytest.mark.parametrize(("name", "code"), [("Bush", "USAGOV"), ("Rajapaksa", "LKAGOV"), ("Gandhi", "IND")])
def test_a_family_name_leaders_of_one_country_share_names_its_country(knowledge, name, code):
    assert knowledge.named[name].code == code


def test_no_name_is_listed_on_two_rows_of_people():
    # Names match regardless of case (all-capital abbreviations aside), so "Siniora" and "siniora" are one name.
    rows: dict[str, int] = {}
    repeated = []
    for line, row in read_tsv(ACTOR_DIR / "people.tsv", ("names", "country", "sector", "code", "kind")):
        for name in split_items(row["names"]):
            key = name if name.isupper() else name.casefold()
            if rows.setdefault(key, line) != line:
                repeated.append(f"{name!r} on lines {rows[key]} and {line}")
    assert repeated == []


# -- a user's edited copy -------------------------------------------------------------------
@pytest.fixture
def tables(tmp_path) -> Path:
    """A writable copy of the packaged actor tables."""
    target = tmp_path / "actors"
    shutil.copytree(ACTOR_DIR, target)
    return target


def _edit_line(path: Path, starts_with: str, edit) -> int:
    """Rewrite the first line starting with `starts_with` as edit(line); return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(starts_with))
    lines[index] = edit(lines[index])
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def _load_error(directory: Path, filename: str, line: int) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        load_actor_knowledge(directory)
    error = caught.value
    assert error.path == str(directory / filename)
    assert error.line == line
    assert f"{filename}:{line}:" in str(error)
    assert error.exit_code == ExitCode.BAD_DATA_FILE
    return error


def test_an_unchanged_copy_loads(tables, knowledge):
    assert load_actor_knowledge(tables).named == knowledge.named


def test_name_given_to_two_countries_names_the_second_row(tables):
    # "Congo" is kept on the DRC row on purpose; adding it to the Republic of the Congo too is an error.
    line = _edit_line(tables / "countries.tsv", "COG\t", lambda row: row.replace("Republic of Congo", "Republic of Congo|Congo"))
    error = _load_error(tables, "countries.tsv", line)
    assert "'Congo' already means COD" in error.reason
    assert error.fix == "keep each name on one row only"


def test_bad_kind_in_sectors_names_file_line_and_valid_kinds(tables):
    line = _edit_line(tables / "sectors.tsv", "troop\t", lambda row: row.replace("\tgroup", "\tsoldiers"))
    error = _load_error(tables, "sectors.tsv", line)
    assert "'soldiers'" in error.reason
    assert all(kind in error.fix for kind in KINDS)


def test_wrong_header_names_file_and_header_line(tables):
    line = _edit_line(tables / "organizations.tsv", "names\t", lambda row: row.replace("\tkind", "\ttype"))
    error = _load_error(tables, "organizations.tsv", line)
    assert "kind" in error.reason and "type" in error.reason


def test_bad_country_code_names_file_and_line(tables):
    line = _edit_line(tables / "countries.tsv", "QAT\t", lambda row: "Qa" + row[3:])
    error = _load_error(tables, "countries.tsv", line)
    assert "'Qa'" in error.reason


# -- actors coded by date ------------------------------------------------------------------
def _sisi() -> NamedActor:
    return NamedActor(
        "Sisi", "EGY", "ELI", "EGYELI", "person", "Abdel Fattah el-Sisi", "organization",
        dated=(
            DatedCode(date(1977, 1, 1), date(2012, 8, 12), "EGYMIL", "EGY", "MIL"),
            DatedCode(date(2012, 8, 12), date(2014, 3, 26), "EGYGOVMIL", "EGY", "GOV"),
            DatedCode(date(2014, 6, 8), None, "EGYGOV", "EGY", "GOV"),
        ),
    )  # fmt: skip


def test_dated_actor_is_coded_as_on_the_day_of_the_article():
    sisi = _sisi()
    assert sisi.on(date(2010, 5, 1)).code == "EGYMIL"
    assert sisi.on(date(2013, 7, 3)).code == "EGYGOVMIL"
    assert (sisi.on(date(2020, 1, 1)).code, sisi.on(date(2020, 1, 1)).sector) == ("EGYGOV", "GOV")


def test_range_includes_both_its_days_and_the_first_listed_range_wins():
    sisi = _sisi()
    assert sisi.on(date(2014, 6, 8)).code == "EGYGOV"
    assert sisi.on(date(2012, 8, 12)).code == "EGYMIL"  # in two ranges: the first listed


def test_undated_default_between_ranges_and_without_a_date():
    sisi = _sisi()
    assert sisi.on(date(2014, 5, 1)).code == "EGYELI"
    assert sisi.on(None).code == "EGYELI"
    assert sisi.on(None).dated == ()  # the actor of a day has no alternatives of its own


def test_actor_without_dates_is_the_same_on_every_day(knowledge):
    egypt = knowledge.named["Egypt"]
    assert egypt.dated == ()
    assert egypt.on(date(1990, 1, 1)) is egypt and egypt.on(None) is egypt
