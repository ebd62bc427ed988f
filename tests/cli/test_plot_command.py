"""`petrel plot` as a user runs it: the image written, its words, exit codes and messages,
and docs/plots.md documenting every option."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO
from tests.store.test_plots import PNG_MAGIC, svg_texts
from tests.store.test_queries import MINISTRY, MONITOR, build_reports_store


@pytest.fixture
def store(tmp_path):
    """The hand-built Gaza reports store: a Cairo meeting, strikes on Rafah, two sources' tolls."""
    return build_reports_store(tmp_path / "reports.duckdb")


def test_timeline_writes_a_png_and_says_what_it_drew(petrel, store, tmp_path):
    out = tmp_path / "timeline.png"
    run = petrel("plot", "timeline", "--db", store, "--out", out, "--period", "week")
    assert run.exit_code == 0, run.stderr
    assert out.read_bytes().startswith(PNG_MAGIC)
    assert run.stdout.strip() == f"petrel: wrote {out}: 4 events in 2 week(s)"  # Thursday 21 and Monday 25 March


def test_dyads_svg_has_the_title_the_filters_and_the_axis_names(petrel, store, tmp_path):
    out = tmp_path / "dyads.svg"
    run = petrel("plot", "dyads", "--db", store, "--out", out, "--country", "EGY", "--title", "Who met whom")
    assert run.exit_code == 0, run.stderr
    words = svg_texts(out).splitlines()
    assert {"Who met whom", "country EGY", "source", "target", "EGY", "USA", "events"} <= set(words)


def test_figures_svg_puts_each_sources_toll_in_the_legend(petrel, store, tmp_path):
    out = tmp_path / "tolls.svg"
    run = petrel("plot", "figures", "--db", store, "--out", out, "--category", "killed", "--since", "2024-03")
    assert run.exit_code == 0, run.stderr
    words = svg_texts(out)
    for expected in ("Reported killed, by who reported it", "category killed · since 2024-03-01", MINISTRY, MONITOR):
        assert expected in words
    assert re.search(r"\b3\d,\d{3}\b", words)  # tolls near 32,000 with a thousands separator


def test_an_unknown_image_format_lists_the_ones_there_are(petrel, store, tmp_path):
    run = petrel("plot", "timeline", "--db", store, "--out", tmp_path / "timeline.jpg")
    assert run.exit_code == 2
    assert "'.jpg'" in run.stderr and ".png, .svg" in run.stderr
    assert not (tmp_path / "timeline.jpg").exists()


def test_an_empty_selection_is_a_message_not_an_empty_image(petrel, store, tmp_path):
    out = tmp_path / "none.png"
    run = petrel("plot", "timeline", "--db", store, "--out", out, "--country", "FRA", "--since", "2024")
    assert run.exit_code == 4
    assert "no events in the store match: country FRA · since 2024-01-01" in run.stderr
    assert "the store holds 5 events dated 2024-03-21 to 2024-03-25" in run.stderr
    assert not out.exists() and run.stdout == ""


def test_an_option_of_another_kind_of_plot_is_refused(petrel, store, tmp_path):
    run = petrel("plot", "timeline", "--db", store, "--out", tmp_path / "t.png", "--category", "killed")
    assert run.exit_code == 2
    assert "--category does not apply to `petrel plot timeline`" in run.stderr
    assert "`petrel plot figures`" in run.stderr


def test_bad_values_are_usage_errors_with_a_fix(petrel, store, tmp_path):
    for args, message in (
        (("--since", "last week"), "--since 'last week' is not a date"),
        (("--plover", "BOMBING"), "unknown PLOVER type"),
        (("--period", "year"), "unknown period 'year'"),
    ):
        run = petrel("plot", "timeline", "--db", store, "--out", tmp_path / "t.png", *args)
        assert run.exit_code == 2, args
        assert message in run.stderr, run.stderr


def test_an_unknown_kind_of_plot_lists_the_kinds(petrel, store, tmp_path):
    run = petrel("plot", "pie", "--db", store, "--out", tmp_path / "p.png")
    assert run.exit_code == 2
    assert "unknown kind of plot 'pie'" in run.stderr and "dyads, figures, timeline" in run.stderr


def test_a_missing_store_says_how_to_make_one(petrel, tmp_path):
    run = petrel("plot", "figures", "--db", tmp_path / "nowhere.duckdb", "--out", tmp_path / "f.png")
    assert run.exit_code == 2
    assert "no petrel store at" in run.stderr and "petrel code" in run.stderr


def test_the_out_help_names_every_image_format_and_petrel_starts_without_matplotlib():
    import subprocess
    import sys

    from petrel.cli.plot_command import IMAGE_SUFFIXES
    from petrel.store.plots import FORMATS

    assert IMAGE_SUFFIXES == " or ".join(f".{name}" for name in FORMATS)
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, petrel.cli; print('matplotlib' in sys.modules)"], capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert loaded.stdout.strip() == "False"


def test_every_plot_option_is_documented_in_docs_plots():
    from petrel.cli import app
    import typer.main

    command = typer.main.get_command(app).commands["plot"]
    docs = (REPO / "docs" / "plots.md").read_text(encoding="utf-8")
    for param in command.params:
        if param.opts[0].startswith("--"):
            assert param.help, f"{param.opts[0]} has no --help text"
            assert f"`{param.opts[0]}" in docs, f"{param.opts[0]} is not in docs/plots.md"
    for image in re.findall(r"\]\((images/[^)]+)\)", docs):
        path = REPO / "docs" / image
        assert path.is_file() and path.stat().st_size < 150_000, image
