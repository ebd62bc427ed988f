"""`petrel export` as a user runs it: files written and reported, exit statuses, messages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer.main

from petrel.cli import app, main
from petrel.store.exports import DEFAULT_TABLES
from tests.store.test_exports import build_small_store

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exports.md"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("export") / "store.duckdb")


@pytest.fixture
def export(capsys, monkeypatch):
    """Run `petrel export ARGS` in this process through the real entry point: (status, stdout, stderr)."""

    def run(*args: object) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["petrel", "export", *map(str, args)])
        with pytest.raises(SystemExit) as done:
            main()
        out = capsys.readouterr()
        return done.value.code, out.out, out.err

    return run


def test_parquet_export_writes_a_file_a_table_and_reports_each_on_stderr(export, store, tmp_path):
    status, stdout, stderr = export("--db", store, "--format", "parquet", "--out", tmp_path / "out")
    assert status == 0 and stdout == ""
    reported = re.findall(r"^petrel: wrote (\d+) (\w+) rows to (.+)$", stderr, flags=re.M)
    assert [what for _, what, _ in reported] == list(DEFAULT_TABLES)
    for rows, what, path in reported:
        assert Path(path) == tmp_path / "out" / f"{what}.parquet"
        assert pq.read_table(path).num_rows == int(rows)
    assert ("6", "events") in [(rows, what) for rows, what, _ in reported]  # the talks' 3 events and the copy's 3


def test_csv_export_of_named_tables(export, store, tmp_path):
    status, _, stderr = export("--db", store, "-f", "csv", "-o", tmp_path, "--table", "stories", "-t", "article_bands")
    assert status == 0, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article_bands.csv", "stories.csv"]
    assert (tmp_path / "stories.csv").read_text().splitlines()[0].startswith("story_id,story_key,plover")


def test_gdelt_and_icews_exports(export, store, tmp_path):
    status, _, stderr = export("--db", store, "--format", "gdelt", "--out", tmp_path / "stories.tsv")
    assert status == 0 and stderr == f"petrel: wrote 3 gdelt rows to {tmp_path / 'stories.tsv'}\n"
    lines = (tmp_path / "stories.tsv").read_text().splitlines()
    assert len(lines) == 3 and all(line.count("\t") == 60 for line in lines)
    status, _, stderr = export("--db", store, "--format", "gdelt", "--per-event", "--include-duplicates", "--out", tmp_path)
    assert status == 0 and "wrote 6 gdelt rows" in stderr and (tmp_path / "gdelt.tsv").exists()
    status, _, _ = export("--db", store, "--format", "icews", "--out", tmp_path / "events.tsv")
    header, *rows = (tmp_path / "events.tsv").read_text().splitlines()
    assert status == 0 and header.startswith("Event ID\tEvent Date\tSource Name") and len(rows) == 3


def test_an_unknown_table_exits_2_listing_the_tables(export, store, tmp_path):
    status, stdout, stderr = export("--db", store, "--format", "csv", "--out", tmp_path, "--table", "event")
    assert status == 2 and stdout == ""
    assert "petrel: error: unknown table 'event'" in stderr
    assert "fix: use one of: actors, article_bands, article_copies, article_signatures, articles, events, figures, places, stories" in stderr


def test_an_out_that_cannot_be_written_exits_2_naming_it(export, store, tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    status, _, stderr = export("--db", store, "--format", "parquet", "--out", a_file / "tables")
    assert status == 2 and f"petrel: error: cannot write to {a_file / 'tables'}" in stderr
    status, _, stderr = export("--db", store, "--format", "icews", "--out", tmp_path / "missing" / "events.tsv")
    assert status == 2 and "does not exist" in stderr


def test_a_missing_store_or_an_option_of_another_format_exits_2(export, store, tmp_path):
    status, _, stderr = export("--db", tmp_path / "none.duckdb", "--format", "icews", "--out", tmp_path / "x.tsv")
    assert status == 2 and "no petrel store at" in stderr
    status, _, stderr = export("--db", store, "--format", "icews", "--per-event", "--out", tmp_path / "x.tsv")
    assert status == 2 and "--per-event does not apply to --format icews" in stderr and "fix: leave out --per-event" in stderr
    assert not (tmp_path / "x.tsv").exists()


def test_an_unknown_format_exits_2(export, store, tmp_path):
    status, _, stderr = export("--db", store, "--format", "xlsx", "--out", tmp_path)
    assert status == 2 and "xlsx" in stderr


def test_every_option_has_help_and_is_in_the_docs():
    command = typer.main.get_command(app).commands["export"]
    docs = DOCS.read_text(encoding="utf-8")
    for param in command.params:
        long = next(opt for opt in param.opts if opt.startswith("--"))
        if long == "--help":
            continue
        assert param.help, f"{long} has no --help text"
        assert f"`{long}" in docs, f"{long} is not in docs/exports.md"


@pytest.mark.slow
def test_petrel_export_in_a_shell(petrel, store, tmp_path):
    """The real command in a subprocess, stdout piped: nothing on stdout, the report on stderr."""
    run = petrel("export", "--db", store, "--format", "icews", "--out", tmp_path / "events.tsv")
    assert run.exit_code == 0 and run.stdout == ""
    assert run.stderr.strip() == f"petrel: wrote 3 icews rows to {tmp_path / 'events.tsv'}"
