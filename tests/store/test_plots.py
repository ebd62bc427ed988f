"""Plots of a store: what a reader of the image sees (legend, cells, series, scales, titles),
checked on hand-made rows, on the hand-built Gaza reports store and on the sample store."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb

from petrel.errors import EmptySelectionError, OutputFileError, UnknownNameError, UsageError
from petrel.store import EventStore
from petrel.store.plots import (
    QUAD_CLASSES, describe_filter, dyad_figure, figures_figure, output_format, plot_dyads, plot_figures,
    plot_timeline, save_figure, timeline_figure,
)  # fmt: skip
from petrel.store.queries import EventFilter, FigureFilter
from tests.store.test_queries import MINISTRY, MONITOR, build_reports_store

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG_TEXT = "{http://www.w3.org/2000/svg}text"

MAY, JUNE, AUGUST = dt.date(2024, 5, 1), dt.date(2024, 6, 1), dt.date(2024, 8, 1)
COUNTS = [  # as event_counts returns them: no June events at all
    {"period": MAY, "quad_class": 1, "events": 5},
    {"period": MAY, "quad_class": 4, "events": 2},
    {"period": AUGUST, "quad_class": 3, "events": 1},
    {"period": AUGUST, "quad_class": 4, "events": 7},
]
GOLDSTEIN = [{"period": MAY, "goldstein": 1.5, "events": 7}, {"period": AUGUST, "goldstein": -8.2, "events": 8}]
CELLS = [
    {"source": "ISR", "target": "PSE", "events": 41},
    {"source": "PSE", "target": "ISR", "events": 12},
    {"source": "EGY", "target": "USA", "events": 3},
    {"source": "USA", "target": "EGY", "events": 1},
]


def svg_texts(path: Path) -> str:
    """Every text of an SVG image, one per line (a wrapped title is several text elements)."""
    root = ElementTree.parse(path).getroot()
    return "\n".join("".join(element.itertext()) for element in root.iter(SVG_TEXT))


def drawn(figure):
    """Lay the figure out as it will be saved; returns a renderer to measure its texts."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return canvas.get_renderer()


def assert_nothing_clipped_or_overlapping(figure) -> None:
    renderer = drawn(figure)
    page = figure.bbox
    texts = [figure._suptitle, *(axes.title for axes in figure.axes)]
    texts += [text for legend in figure.legends + [a.get_legend() for a in figure.axes if a.get_legend()] for text in legend.texts]
    for text in texts:
        if text.get_text():
            box = text.get_window_extent(renderer)
            assert page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1 and page.y0 - 1 <= box.y0 and box.y1 <= page.y1 + 1, text.get_text()
    for axes in figure.axes:
        labels = [label.get_window_extent(renderer) for label in axes.get_xticklabels() if label.get_text() and label.get_visible()]
        for left, right in zip(labels, labels[1:]):
            assert not left.overlaps(right), "x tick labels overlap"


# ---- timeline ---------------------------------------------------------------------------------


def test_timeline_legend_names_the_quad_classes_present_and_the_goldstein_line():
    figure = timeline_figure(COUNTS, GOLDSTEIN, period="month", title="Events per month", subtitle="country ISR")
    assert [text.get_text() for text in figure.legends[0].texts] == [
        "verbal cooperation", "verbal conflict", "material conflict", "mean Goldstein (right axis)",
    ]  # no "material cooperation": there is none


def test_timeline_bars_stack_each_periods_events_by_quad_class():
    bars = timeline_figure(COUNTS, GOLDSTEIN, title="t").axes[0]
    spans = {  # class -> [(bottom, top) of each of its bars, in time order]
        collection.get_label(): [(path.vertices[:, 1].min(), path.vertices[:, 1].max()) for path in collection.get_paths()]
        for collection in bars.collections
    }
    assert spans == {"verbal cooperation": [(0, 5)], "verbal conflict": [(0, 1)], "material conflict": [(5, 7), (1, 8)]}
    assert bars.get_ylim()[1] >= 8 and bars.get_ylabel() == "events"


def test_cooperation_reads_blue_and_conflict_reads_red():
    for number, quad in QUAD_CLASSES.items():
        red, _, blue = to_rgb(quad.colour)
        assert (blue > red) == (number in (1, 2)), quad.label


def test_goldstein_is_on_a_second_axis_from_minus_ten_to_ten_and_skips_empty_periods():
    figure = timeline_figure(COUNTS, GOLDSTEIN, title="t")
    scores = figure.axes[1]
    low, high = scores.get_ylim()
    assert low <= -10 and high >= 10
    assert "Goldstein" in scores.get_ylabel()
    [line] = [line for line in scores.get_lines() if len(line.get_ydata()) > 2]
    y = list(line.get_ydata())
    assert y[0] == 1.5 and y[-1] == -8.2 and y[1] != y[1]  # NaN: no line drawn across June and July


def test_timeline_texts_fit_and_day_ticks_do_not_collide():
    days = [{"period": dt.date(2024, 1, 1) + dt.timedelta(days=n), "quad_class": 1 + n % 4, "events": n % 5 + 1} for n in range(400)]
    figure = timeline_figure(days, [], period="day", title="Events per day, by quad class", subtitle="country SYR · " * 12)
    assert_nothing_clipped_or_overlapping(figure)


def test_the_date_axis_always_says_the_year():
    months = [{"period": dt.date(2024, month, 1), "quad_class": 4, "events": 3} for month in (3, 5, 7, 9, 11)]
    months.append({"period": dt.date(2025, 2, 1), "quad_class": 1, "events": 1})
    bars = timeline_figure(months, [], title="t").axes[0]
    drawn(bars.figure)
    labels = [label.get_text() for label in bars.get_xticklabels() if label.get_text()]
    assert labels[0].endswith("2024") and "2025" in labels  # "Mar 2024 ... 2025 ... Feb", not "Mar ... Feb"


# ---- dyads ------------------------------------------------------------------------------------


def test_heatmap_cells_show_the_counts_of_each_source_and_target():
    heat = dyad_figure(CELLS, title="Events by source and target").axes[0]
    rows = [label.get_text() for label in heat.get_yticklabels()]
    columns = [label.get_text() for label in heat.get_xticklabels()]
    assert rows[0] == "ISR" and columns[0] == "PSE"  # busiest first
    shown = {(rows[round(text.get_position()[1])], columns[round(text.get_position()[0])]): text.get_text() for text in heat.texts}
    assert shown == {(cell["source"], cell["target"]): str(cell["events"]) for cell in CELLS}  # empty cells stay blank
    assert (heat.get_ylabel(), heat.get_xlabel()) == ("source", "target")


def test_heatmap_has_a_colour_bar_of_events_and_big_counts_get_separators():
    figure = dyad_figure([{"source": "ISR", "target": "PSE", "events": 12_500}, {"source": "PSE", "target": "ISR", "events": 3}], title="t")
    heat, bar = figure.axes
    assert bar.get_ylabel() == "events"
    assert {text.get_text() for text in heat.texts} == {"12,500", "3"}


def test_heatmap_of_many_countries_keeps_its_labels_apart():
    codes = ["AFG", "BGD", "COD", "DZA", "EGY", "FRA", "GBR", "HTI", "IRN", "JOR", "KEN", "LBN"]
    cells = [{"source": s, "target": t, "events": i + j} for i, s in enumerate(codes) for j, t in enumerate(codes) if s != t]
    assert_nothing_clipped_or_overlapping(dyad_figure(cells, title="Events by source and target", subtitle="since 2024-01-01"))


# ---- figures ----------------------------------------------------------------------------------

TOLLS = [
    {"date": dt.date(2024, 3, 21), "source": MINISTRY, "category": "killed", "value": 31988},
    {"date": dt.date(2024, 3, 21), "source": MONITOR, "category": "killed", "value": 32070},
    {"date": dt.date(2024, 3, 25), "source": MINISTRY, "category": "killed", "value": 32333},
]


def test_figures_draw_one_series_per_source_with_thousands_separators():
    figure = figures_figure(TOLLS, title="Reported killed, by who reported it")
    axes = figure.axes[0]
    assert [text.get_text() for text in axes.get_legend().texts] == [MINISTRY, MONITOR]
    ministry = next(line for line in axes.get_lines() if line.get_label() == MINISTRY)
    assert list(ministry.get_ydata()) == [31988, 32333]
    assert axes.get_yscale() == "linear"
    drawn(figure)
    assert any("," in label.get_text() for label in axes.get_yticklabels())  # "32,000", not "32000"


def test_figures_use_a_log_scale_only_beyond_two_orders_of_magnitude():
    narrow = figures_figure(TOLLS + [{"date": dt.date(2024, 3, 22), "source": "UN", "category": "killed", "value": 400}], title="t")
    assert narrow.axes[0].get_yscale() == "linear"
    wide = figures_figure(TOLLS + [{"date": dt.date(2024, 3, 22), "source": "UN", "category": "killed", "value": 12}], title="t")
    assert wide.axes[0].get_yscale() == "log"


def test_several_categories_are_told_apart_in_the_legend_and_long_sources_wrap():
    source = "according to the Viasna human rights center in Minsk"
    points = TOLLS + [{"date": dt.date(2024, 3, 23), "source": source, "category": "detained", "value": 1100}]
    figure = figures_figure(points, title="Reported detained, killed, by who reported it", subtitle="all records in the store")
    labels = [text.get_text() for text in figure.axes[0].get_legend().texts]
    assert f"{MINISTRY} (killed)" in [label.replace("\n", " ") for label in labels]
    assert any(label.replace("\n", " ") == f"{source} (detained)" and "\n" in label for label in labels)
    assert_nothing_clipped_or_overlapping(figure)


# ---- saving -----------------------------------------------------------------------------------


def test_the_suffix_chooses_png_or_svg_and_anything_else_lists_them(tmp_path):
    assert output_format("a.PNG") == "png" and output_format(tmp_path / "a.svg") == "svg"
    for name in ("plot.jpg", "plot"):
        with pytest.raises(UnknownNameError) as caught:
            output_format(name)
        assert isinstance(caught.value, UsageError) and ".png, .svg" in caught.value.fix


def test_a_saved_png_is_a_png_and_a_saved_svg_keeps_its_words_as_text(tmp_path):
    figure = timeline_figure(COUNTS, GOLDSTEIN, title="Events per month, by quad class", subtitle="country ISR")
    png = save_figure(figure, tmp_path / "timeline.png")
    assert png.read_bytes().startswith(PNG_MAGIC)
    words = svg_texts(save_figure(figure, tmp_path / "timeline.svg"))
    for expected in ("Events per month, by quad class", "country ISR", "events", "date", "verbal cooperation", "material conflict"):
        assert expected in words


def test_the_same_plot_gives_the_same_file(tmp_path):
    first = save_figure(dyad_figure(CELLS, title="t"), tmp_path / "a.svg").read_bytes()
    assert save_figure(dyad_figure(CELLS, title="t"), tmp_path / "b.svg").read_bytes() == first


def test_an_unwritable_place_is_an_output_file_error(tmp_path):
    with pytest.raises(OutputFileError, match="no-such-folder"):
        save_figure(dyad_figure(CELLS, title="t"), tmp_path / "no-such-folder" / "a.png")


def test_the_subtitle_names_the_filters_in_use():
    assert describe_filter(EventFilter()) == "all records in the store"
    assert describe_filter(EventFilter(country="SYR", since=dt.date(2024, 1, 1))) == "country SYR · since 2024-01-01"
    assert describe_filter(EventFilter(dyad=("ISR", "PSE"), include_duplicates=True)) == "dyad ISR-PSE · near-duplicate copies included"
    assert describe_filter(FigureFilter(category="killed", source="ministry")) == "category killed · source ministry"


# ---- from a store -----------------------------------------------------------------------------


@pytest.fixture
def reports(tmp_path):
    with EventStore(build_reports_store(tmp_path / "reports.duckdb"), read_only=True) as store:
        yield store.connection


def test_plot_figures_puts_the_ministry_and_the_monitor_side_by_side(reports, tmp_path):
    report = plot_figures(reports, FigureFilter(category="killed"), tmp_path / "tolls.svg")
    assert report.records == 3 and str(report).startswith(f"wrote {tmp_path / 'tolls.svg'}: 3 figures")
    words = svg_texts(report.path)
    for expected in ("Reported killed, by who reported it", "category killed", MINISTRY, MONITOR, "reported by", "reported number"):
        assert expected in words


def test_plot_timeline_counts_the_stores_events_without_copies_unless_asked(reports, tmp_path):
    assert plot_timeline(reports, EventFilter(), tmp_path / "t.png").records == 4
    assert plot_timeline(reports, EventFilter(include_duplicates=True), tmp_path / "t.png").records == 5
    words = svg_texts(plot_timeline(reports, EventFilter(), tmp_path / "t.svg", period="week", title="Gaza and Cairo").path)
    assert "Gaza and Cairo" in words and "all records in the store" in words and "verbal cooperation" in words


def test_plot_dyads_draws_the_one_known_pair(reports, tmp_path):
    report = plot_dyads(reports, EventFilter(), tmp_path / "d.svg")
    assert report.records == 1
    words = svg_texts(report.path).splitlines()
    assert {"EGY", "USA", "source", "target", "events", "1"} <= set(words)


def test_an_empty_selection_is_an_error_that_says_what_the_store_holds(reports, tmp_path):
    out = tmp_path / "none.png"
    with pytest.raises(EmptySelectionError) as caught:
        plot_timeline(reports, EventFilter(country="FRA"), out)
    assert "country FRA" in str(caught.value) and "5 events dated 2024-03-21 to 2024-03-25" in caught.value.fix
    assert caught.value.exit_code != 0
    with pytest.raises(EmptySelectionError, match="killed 4"):
        plot_figures(reports, FigureFilter(category="displaced"), out)
    with pytest.raises(EmptySelectionError):
        plot_dyads(reports, EventFilter(cameo="19"), out)  # the strikes have no target
    assert not out.exists()


def test_a_wrong_suffix_is_reported_before_any_query(tmp_path):
    with pytest.raises(UnknownNameError):
        plot_timeline(None, EventFilter(), tmp_path / "t.pdf")


@pytest.mark.slow
def test_the_sample_store_gives_all_three_plots(sample_store, tmp_path):
    with EventStore(sample_store, read_only=True) as store:
        timeline = plot_timeline(store.connection, EventFilter(since=dt.date(2024, 1, 1)), tmp_path / "t.png")
        dyads = plot_dyads(store.connection, EventFilter(), tmp_path / "d.svg")
        tolls = plot_figures(store.connection, FigureFilter(category="killed"), tmp_path / "f.svg")
    assert timeline.path.read_bytes().startswith(PNG_MAGIC) and timeline.records > 50
    assert {"TUR", "KEN", "ETH", "SDN"} <= set(svg_texts(dyads.path).splitlines())
    assert "the health ministry" in svg_texts(tolls.path)
