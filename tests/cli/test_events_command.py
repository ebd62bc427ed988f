"""`petrel events` as a user runs it on a store: contract objects, views, formats, clear errors.

Most tests run the command in-process on a small hand-built store (tests/store/test_queries.py:
a Cairo meeting, Gaza death tolls from two sources, a wire copy); error messages are checked
through the real `petrel` script, as a shell shows them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from petrel.cli import app
from petrel.cli.events_command import parse_day, parse_dyad
from petrel.errors import UsageError
from petrel.records import Event, record_to_dict
from petrel.store.schema import EVENTS, STORIES
from tests.conftest import REPO
from tests.store.test_queries import build_reports_store, reports_articles

DOCS = REPO / "docs" / "queries.md"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_reports_store(tmp_path_factory.mktemp("events") / "store.duckdb")


def events(*args: str):
    result = CliRunner().invoke(app, ["events", *map(str, args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_prints_the_coded_event_objects_with_their_story(store):
    result = events("--db", store, "--country", "EGY", "--format", "jsonl")
    assert result.exit_code == 0
    [meeting] = _lines(result)
    coded = next(r for _, records in reports_articles() for r in records if isinstance(r, Event) and r.article_id == "cairo-meeting")
    story_id = meeting.pop("story_id")
    assert meeting == record_to_dict(coded)
    assert list(meeting) == list(record_to_dict(coded))  # the contract's order, as `petrel code` writes it
    assert story_id == coded.event_id  # a story is named after its first event
    assert (meeting["source"]["name"], meeting["target"]["name"]) == ("Abdel-Fattah al-Sisi", "Antony Blinken")


def test_filters_combine_and_copies_come_only_when_asked(store):
    strikes = _lines(events("--db", store, "--cameo", "19", "--place", "gaza", "--format", "jsonl"))
    assert {e["article_id"] for e in strikes} == {"gaza-toll-ministry", "gaza-toll-monitor", "gaza-toll-ministry-later"}
    with_copy = _lines(events("--db", store, "--cameo", "19", "--include-duplicates", "--format", "jsonl"))
    assert {e["article_id"] for e in with_copy} - {e["article_id"] for e in strikes} == {"gaza-toll-copy"}
    march_25 = _lines(events("--db", store, "--plover", "assault", "--since", "2024-03-22", "--format", "jsonl"))
    assert [e["date"] for e in march_25] == ["2024-03-25"]
    assert _lines(events("--db", store, "--dyad", "EGY:USA", "--format", "jsonl"))[0]["article_id"] == "cairo-meeting"
    assert _lines(events("--db", store, "--dyad", "USA:EGY", "--format", "jsonl")) == []
    assert _lines(events("--db", store, "--outlet", "gaza daily", "--text", "warplanes", "--quad", "4", "--format", "jsonl"))
    assert len(_lines(events("--db", store, "--actor", "warplanes", "--sector", "MIL", "--limit", "2", "--format", "jsonl"))) == 2


def test_csv_has_the_store_columns(store):
    rows = list(csv.DictReader(io.StringIO(events("--db", store, "--country", "ISR", "--format", "csv").stdout)))
    assert rows and list(rows[0]) == EVENTS.column_names
    assert {row["source_code"] for row in rows} == {"ISRMIL"} and all(row["story_id"] for row in rows)
    assert rows[0]["negated"] == "false" and rows[0]["target_text"] == ""


def test_the_table_shows_who_did_what_to_whom(store):
    result = events("--db", store, "--dyad", "EGY:USA")
    assert result.exit_code == 0
    for words in ("1 events", "Abdel-Fattah", "(EGYGOV)", "CONSULT 040", "Antony Blinken", "(USAGOV)", "Cairo"):
        assert words in result.stdout
    cut = events("--db", store, "--cameo", "19", "--limit", "1")
    assert "1 events" in cut.stdout


def test_stories_list_the_stories_of_matching_events(store):
    stories = _lines(events("--db", store, "--stories", "--cameo", "19", "--format", "jsonl"))
    assert stories and all(set(story) == set(STORIES.column_names) for story in stories)
    # The strikes of 21 March: told by the ministry's paper, the monitor's, and a wire copy of the first.
    [march_21] = [story for story in stories if story["first_date"] == "2024-03-21"]
    assert (march_21["articles"], march_21["reports"], march_21["sources"]) == (3, 2, 3)
    assert "stories" in events("--db", store, "--stories").stdout


def test_counts_per_month_add_up_to_the_events(store):
    counts = _lines(events("--db", store, "--count-by", "month", "--format", "jsonl"))
    assert counts == [
        {"period": "2024-03-01", "quad_class": 1, "events": 1},
        {"period": "2024-03-01", "quad_class": 4, "events": 3},
    ]
    table = events("--db", store, "--count-by", "week").stdout
    assert "2024-03-18" in table and "2024-03-25" in table  # ISO weeks start on Monday


def test_goldstein_and_dyads_views(store):
    [day] = _lines(events("--db", store, "--goldstein", "month", "--format", "jsonl"))
    assert day == {"period": "2024-03-01", "goldstein": pytest.approx((1.0 - 30.0) / 4), "events": 4}
    dyads = list(csv.DictReader(io.StringIO(events("--db", store, "--dyads", "--format", "csv").stdout)))
    assert dyads == [{"source": "EGY", "target": "USA", "events": "1"}]
    assert "source \\ target" in events("--db", store, "--dyads", "--top", "3").stdout


def test_two_views_at_once_are_refused(store):
    with pytest.raises(UsageError, match="--stories and --dyads"):
        events("--db", store, "--stories", "--dyads")


def test_dates_may_name_a_day_a_month_or_a_year():
    assert parse_day("2024-03-21", "--since") == dt.date(2024, 3, 21)
    assert parse_day("2024-02", "--since") == dt.date(2024, 2, 1)
    assert parse_day("2024-02", "--until", last=True) == dt.date(2024, 2, 29)
    assert parse_day("2024-12", "--until", last=True) == dt.date(2024, 12, 31)
    assert parse_day("2024", "--until", last=True) == dt.date(2024, 12, 31)
    for bad in ("21/03/2024", "2024-13", "yesterday", "2024-02-30"):
        with pytest.raises(UsageError, match="is not a date") as caught:
            parse_day(bad, "--since")
        assert "YYYY-MM-DD" in caught.value.fix


def test_a_dyad_is_source_colon_target():
    assert parse_dyad("egy:USAGOV") == ("egy", "USAGOV")
    for bad in ("EGY-USA", "EGY:", ":USA", "EGY:USA:ISR"):
        with pytest.raises(UsageError, match="SOURCE:TARGET"):
            parse_dyad(bad)


def test_a_missing_store_is_a_usage_error_naming_the_fix(store, tmp_path):
    from petrel.errors import StoreNotFoundError

    with pytest.raises(StoreNotFoundError, match="no petrel store at") as caught:
        events("--db", tmp_path / "nowhere.duckdb")
    assert "petrel code" in caught.value.fix
    with pytest.raises(UsageError, match="--since 'March 2024' is not a date"):
        events("--db", store, "--since", "March 2024")


@pytest.mark.slow  # starts the `petrel` script, which loads spaCy's modules
def test_errors_reach_the_shell_as_one_message_with_a_fix(petrel, store, tmp_path):
    missing = petrel("events", "--db", tmp_path / "nowhere.duckdb")
    assert missing.exit_code == 2 and missing.stdout == ""
    assert "no petrel store at" in missing.stderr and "fix: " in missing.stderr and "Traceback" not in missing.stderr
    bad_dyad = petrel("events", "--db", store, "--dyad", "EGY-USA")
    assert bad_dyad.exit_code == 2 and "SOURCE:TARGET" in bad_dyad.stderr and "fix: " in bad_dyad.stderr


@pytest.mark.slow  # starts the `petrel` script
def test_the_installed_command_prints_contract_objects(petrel, store):
    run = petrel("events", "--db", store, "--country", "EGY", "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    [meeting] = run.records()
    assert meeting["record"] == "event" and meeting["story_id"] and meeting["cameo"] == "040"


# ---- docs/queries.md -----------------------------------------------------------------------


def _documented_commands(command: str) -> list[list[str]]:
    blocks = re.findall(r"```bash\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [shlex.split(line.split(" | ")[0])[1:] for line in lines if line.startswith(f"petrel {command}")]


def _options(command: str) -> list[str]:
    import typer.main

    click_command = typer.main.get_command(app).commands[command]
    return [opt for param in click_command.params for opt in param.opts if opt.startswith("--")]


@pytest.mark.parametrize("command", ["events", "figures"])
def test_every_option_is_documented_with_help(command):
    text = DOCS.read_text(encoding="utf-8")
    for option in _options(command):
        assert f"`{option}" in text, f"docs/queries.md does not document {command} {option}"


@pytest.mark.parametrize("command", ["events", "figures"])
def test_every_example_in_the_docs_runs(command, store, monkeypatch):
    examples = _documented_commands(command)
    assert len(examples) >= 5
    monkeypatch.chdir(store.parent)  # the examples read store.duckdb
    used = set()
    for args in examples:
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, f"petrel {' '.join(args)}: {result.exception or result.stdout}"
        used |= {arg.split("=")[0] for arg in args if arg.startswith("--")}
    assert set(_options(command)) <= used, f"options without an example: {set(_options(command)) - used}"
