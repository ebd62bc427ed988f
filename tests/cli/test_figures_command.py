"""`petrel figures` as a user runs it: contract figure objects, tolls side by side, by source."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from petrel.cli import app
from petrel.cli.figures_command import amount
from petrel.errors import UnknownNameError, UsageError
from petrel.records import Figure, record_to_dict
from petrel.store.schema import FIGURES
from tests.store.test_queries import MINISTRY, MONITOR, build_reports_store, reports_articles


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_reports_store(tmp_path_factory.mktemp("figures") / "store.duckdb")


def figures(*args: str):
    result = CliRunner().invoke(app, ["figures", *map(str, args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_prints_the_coded_figure_objects(store):
    printed = _lines(figures("--db", store, "--format", "jsonl"))
    coded = {r.figure_id: r for _, records in reports_articles() for r in records if isinstance(r, Figure)}
    assert len(printed) == 3  # the wire copy's figure is left out
    for figure in printed:
        assert figure == record_to_dict(coded[figure["figure_id"]])
        assert list(figure) == list(record_to_dict(coded[figure["figure_id"]]))
    assert [f["value"] for f in printed] == [31988, 32070, 32333]  # oldest first
    assert len(_lines(figures("--db", store, "--include-duplicates", "--format", "jsonl"))) == 4


def test_filters_by_source_subject_place_and_dates(store):
    def values(*args):
        return sorted(f["value"] for f in _lines(figures("--db", store, *args, "--format", "jsonl")))

    assert values("--source", "health ministry") == [31988, 32333]
    assert values("--source", "euro-med", "--category", "killed") == [32070]
    assert values("--place", "PSE", "--since", "2024-03-22") == [32333]
    assert values("--until", "2024-03") == [31988, 32070, 32333]
    assert values("--subject", "Palestinians") == []  # the hand-built tolls name no subject
    assert len(values("--limit", "1")) == 1


def test_compare_puts_each_sources_toll_side_by_side(store):
    first, later = _lines(figures("--db", store, "--compare", "--category", "killed", "--format", "jsonl"))
    assert (first["category"], first["place"], first["date"]) == ("killed", "Gaza", "2024-03-21")
    assert [(r["source"], r["value"]) for r in first["reports"]] == [(MONITOR, 32070), (MINISTRY, 31988)]
    assert [(r["source"], r["value"]) for r in later["reports"]] == [(MINISTRY, 32333)]
    table = figures("--db", store, "--compare").stdout
    assert f"{MONITOR}: 32,070" in table and f"{MINISTRY}: 31,988" in table


def test_compare_as_csv_has_one_line_per_report(store):
    rows = list(csv.DictReader(io.StringIO(figures("--db", store, "--compare", "--format", "csv").stdout)))
    assert [(row["date"], row["source"], row["value"]) for row in rows] == [
        ("2024-03-21", MONITOR, "32070.0"), ("2024-03-21", MINISTRY, "31988.0"), ("2024-03-25", MINISTRY, "32333.0"),
    ]  # fmt: skip
    assert rows[0]["article_id"] == "gaza-toll-monitor" and rows[0]["articles"] == "1"


def test_series_gives_the_toll_each_source_reported_per_day(store):
    series = _lines(figures("--db", store, "--series", "--format", "jsonl"))
    assert [(p["date"], p["source"], p["value"]) for p in series] == [
        ("2024-03-21", MONITOR, 32070), ("2024-03-21", MINISTRY, 31988), ("2024-03-25", MINISTRY, 32333),
    ]  # fmt: skip


def test_csv_and_table_of_figures(store):
    rows = list(csv.DictReader(io.StringIO(figures("--db", store, "--format", "csv").stdout)))
    assert list(rows[0]) == FIGURES.column_names and rows[0]["attribution_actor_text"] == MINISTRY
    table = figures("--db", store).stdout
    assert "3 figures" in table and "according to" in table and "31,988" in table


def test_an_amount_reads_as_the_article_gave_it():
    assert amount({"value": 23.0, "qualifier": "at least"}) == "at least 23"
    assert amount({"value": 12000.0, "qualifier": "some"}) == "some 12,000"
    assert amount({"value": None, "low": 24.0}) == "24 or more"
    assert amount({"value": None, "low": 30.0, "high": 40.0}) == "30-40"
    assert amount({"value": 2.5}) == "2.5"


def test_bad_values_are_usage_errors(store):
    with pytest.raises(UnknownNameError, match="killed"):
        figures("--db", store, "--category", "dead")
    with pytest.raises(UsageError, match="--compare and --series"):
        figures("--db", store, "--compare", "--series")
    with pytest.raises(UsageError, match="ends before it starts"):
        figures("--db", store, "--since", "2024-04", "--until", "2024-03")
