"""Checks on the country knowledge table, petrel/data/actors/countries.tsv.

The table is read directly with the csv module (no petrel code involved), so
these tests guard the data file itself.
"""

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

TABLE = Path(__file__).resolve().parents[2] / "petrel" / "data" / "actors" / "countries.tsv"
COLUMNS = ["iso3", "name", "names", "adjectives", "capitals"]
LIST_COLUMNS = ["names", "adjectives", "capitals"]


def _read():
    with TABLE.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    return header, [row for row in reader]


@pytest.fixture(scope="module")
def table():
    return _read()


@pytest.fixture(scope="module")
def by_iso(table):
    header, rows = table
    return {row[0]: dict(zip(header, row)) for row in rows}


def _items(record, column):
    value = record[column]
    return value.split("|") if value else []


def test_header_columns(table):
    header, _ = table
    assert header == COLUMNS


def test_rows_have_all_columns(table):
    _, rows = table
    bad = [row for row in rows if len(row) != len(COLUMNS)]
    assert not bad


def test_at_least_200_rows(table):
    _, rows = table
    assert len(rows) >= 200


def test_iso3_format_and_unique(table):
    _, rows = table
    codes = [row[0] for row in rows]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes), [
        c for c in codes if not re.fullmatch(r"[A-Z]{3}", c)
    ]
    dupes = {c for c in codes if codes.count(c) > 1}
    assert not dupes


def test_every_row_has_a_name(table):
    _, rows = table
    assert all(row[1].strip() for row in rows)


def test_no_empty_items_or_stray_spaces(table):
    header, rows = table
    problems = []
    for row in rows:
        record = dict(zip(header, row))
        for column in COLUMNS:
            if record[column] != record[column].strip():
                problems.append((record["iso3"], column, record[column]))
        for column in LIST_COLUMNS:
            for item in _items(record, column):
                if not item or item != item.strip():
                    problems.append((record["iso3"], column, item))
    assert not problems


def test_no_value_in_two_rows(table):
    header, rows = table
    owners = defaultdict(set)
    for row in rows:
        record = dict(zip(header, row))
        owners[record["name"]].add(record["iso3"])
        for column in LIST_COLUMNS:
            for item in _items(record, column):
                owners[item].add(record["iso3"])
    shared = {value: sorted(isos) for value, isos in owners.items() if len(isos) > 1}
    assert not shared


@pytest.mark.parametrize(
    "iso3",
    ["USA", "GBR", "RUS", "CHN", "EGY", "ISR", "PSE", "IRN", "SYR", "KOR", "PRK", "COD", "COG",
     "TUR", "UKR", "SAU", "ARE", "XKX", "TWN", "VAT", "ESH", "HKG", "MAC", "PRI", "GRL"],
)
def test_required_rows_exist(by_iso, iso3):
    assert iso3 in by_iso


@pytest.mark.parametrize(
    "iso3, column, value",
    [
        ("EGY", "adjectives", "Egyptian"),
        ("EGY", "adjectives", "Egyptians"),
        ("USA", "names", "U.S."),
        ("PSE", "adjectives", "Palestinians"),
        ("ISR", "adjectives", "Israelis"),
        ("RUS", "capitals", "Kremlin"),
        ("GBR", "capitals", "Downing Street"),
        ("USA", "capitals", "White House"),
        ("GBR", "names", "Britain"),
        ("COD", "names", "DRC"),
        ("TUR", "names", "Türkiye"),
        ("MMR", "names", "Burma"),
        ("NER", "adjectives", "Nigerien"),
        ("NGA", "adjectives", "Nigerians"),
        ("PSE", "names", "Gaza"),
        ("ISR", "capitals", "Tel Aviv"),
        ("UKR", "capitals", "Kyiv"),
    ],
)
def test_spot_checks(by_iso, iso3, column, value):
    assert value in _items(by_iso[iso3], column)


def test_spot_check_names(by_iso):
    assert by_iso["EGY"]["name"] == "Egypt"
    assert by_iso["USA"]["name"] == "United States"
    assert by_iso["PSE"]["name"] == "Palestine"
    assert by_iso["COD"]["name"] == "Democratic Republic of the Congo"
