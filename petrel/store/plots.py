"""Plots of a store: events over time by quad class, who acts on whom, reported figures by source.

    from petrel.store import EventStore
    from petrel.store.plots import plot_timeline
    from petrel.store.queries import EventFilter

    with EventStore("store.duckdb", read_only=True) as store:
        plot_timeline(store.connection, EventFilter(country="SYR"), "syria.png", period="week")

Two layers: `timeline_figure`, `dyad_figure` and `figures_figure` draw rows shaped as the
queries of petrel.store.queries return them (lists of dicts) and return a matplotlib Figure;
`plot_timeline`, `plot_dyads` and `plot_figures` run those queries, draw and save. The image
format comes from the file's suffix (`FORMATS`). Figures are drawn with matplotlib's
object-oriented API, never pyplot, so no screen and no global figure state are involved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import textwrap
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import duckdb
import matplotlib
import matplotlib.dates as mdates
import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter

from petrel.errors import EmptySelectionError, OutputFileError, UnknownNameError
from petrel.store import queries
from petrel.store.queries import EventFilter, FigureFilter

FORMATS = ("png", "svg")
# Saved images: text stays text in SVG (searchable, testable) and the file is the same on
# every run for the same data (fixed hash salt, no timestamp).
SAVE_SETTINGS = {"svg.fonttype": "none", "svg.hashsalt": "petrel"}
DPI = 110


@dataclass(frozen=True)
class QuadClass:
    number: int
    label: str
    colour: str


# Cooperation in blues, conflict in oranges and reds, the material class darker than the verbal
# one: a reader sees the cooperation/conflict split first (and red-green colour blindness does
# not hide it).
QUAD_CLASSES = {
    1: QuadClass(1, "verbal cooperation", "#92c5de"),
    2: QuadClass(2, "material cooperation", "#2166ac"),
    3: QuadClass(3, "verbal conflict", "#f4a582"),
    4: QuadClass(4, "material conflict", "#b2182b"),
}
GOLDSTEIN_LABEL = "mean Goldstein (right axis)"
GOLDSTEIN_COLOUR = "#333333"
UNATTRIBUTED = queries.NO_SOURCE  # who reported a figure the article states itself
DYADS_TITLE = "Events by source and target (country, else actor code)"
LEGEND_WIDTH = 32  # characters a legend line holds; long attributions wrap instead of squeezing the plot
MAX_SERIES = 8  # reporting sources drawn as their own series; the rest share one grey series


# ---- what was selected, in words ------------------------------------------------------------


def describe_filter(where: EventFilter | FigureFilter) -> str:
    """The filters a user set, as a subtitle: "country SYR · since 2024-01-01"."""
    parts = []
    for field in fields(where):
        value = getattr(where, field.name)
        if field.name == "include_duplicates":
            if value:
                parts.append("near-duplicate copies included")
        elif value is not None and value != "":
            if isinstance(value, (list, tuple)):
                value = "-".join(map(str, value)) if field.name == "dyad" else ", ".join(map(str, value))
            shown = value.isoformat() if isinstance(value, dt.date) else str(value)
            parts.append(f"{field.name.replace('_', ' ')} {shown}")
    return " · ".join(parts) if parts else "all records in the store"


# ---- saving ----------------------------------------------------------------------------------


def output_format(path: str | Path) -> str:
    """The image format a file name asks for; UnknownNameError (a UsageError) for any other."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UnknownNameError("image format", f".{suffix}" if suffix else f"(no suffix in {Path(path).name})", [f".{name}" for name in FORMATS])
    return suffix


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Write `figure` to `path` in the format its suffix names; OutputFileError when it cannot."""
    path = Path(path)
    fmt = output_format(path)
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    try:
        with matplotlib.rc_context(SAVE_SETTINGS):
            figure.savefig(path, format=fmt, dpi=DPI, metadata=metadata)
    except OSError as error:
        raise OutputFileError(str(path), error.strerror or str(error)) from None
    return path


# ---- dates -----------------------------------------------------------------------------------


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _period_days(start: dt.date, period: str) -> int:
    if period == "month":
        return calendar.monthrange(start.year, start.month)[1]
    return 7 if period == "week" else 1


class _DateLabels(mdates.ConciseDateFormatter):
    """Short date labels ("Mar", "May", "2025"), the first one with its year when the axis spans
    years: there the offset text is empty, and "Mar ... Nov 2025" would leave the reader guessing."""

    def format_ticks(self, values):
        labels = super().format_ticks(values)
        if labels and not self.get_offset() and not any(char.isdigit() for char in labels[0]):
            labels[0] = f"{labels[0]} {mdates.num2date(values[0]).year}"
        return labels


def _date_axis(axis) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(_DateLabels(locator))


def _titles(figure: Figure, title: str, subtitle: str, width: float) -> None:
    # Wrapped to the figure's width so that neither line is clipped in a narrow figure.
    chars = max(30, int(width * 11))
    figure.suptitle("\n".join(textwrap.wrap(title, chars)), fontsize=13, fontweight="bold")
    figure.axes[0].set_title("\n".join(textwrap.wrap(subtitle, int(chars * 1.3))), fontsize=9, color="dimgray")


# ---- timeline --------------------------------------------------------------------------------


def timeline_figure(
    counts: Sequence[dict], goldstein: Sequence[dict] = (), *, period: str = "month", title: str, subtitle: str = ""
) -> Figure:
    """Events per period as bars stacked by quad class, the mean Goldstein score as a line on a
    second axis. `counts` rows: period, quad_class, events; `goldstein` rows: period, goldstein.
    Rows without a quad class (an event code outside the ontology) are not drawn."""
    totals: dict[dt.date, dict[int, int]] = defaultdict(dict)
    for row in counts:
        if row["quad_class"] in QUAD_CLASSES:
            totals[_as_date(row["period"])][int(row["quad_class"])] = int(row["events"])
    if not totals:
        raise ValueError("timeline_figure needs at least one row with a quad class")
    starts = sorted(totals)
    days = np.array([_period_days(start, period) for start in starts], dtype=float)
    centres = mdates.date2num(starts) + days / 2  # a bar covers its period
    present = sorted({quad for per_period in totals.values() for quad in per_period})

    figure = Figure(figsize=(10, 5.6), layout="constrained")
    bars = figure.add_subplot()
    bottom = np.zeros(len(starts))
    handles: list = []
    half = days * 0.85 / 2
    for quad in present:
        heights = np.array([totals[start].get(quad, 0) for start in starts], dtype=float)
        style = QUAD_CLASSES[quad]
        # One collection of rectangles per class, not one patch per bar: a daily timeline of a
        # few years has thousands of bars, which Axes.bar would take many seconds to add.
        rectangles = [
            [(x - w, b), (x - w, b + h), (x + w, b + h), (x + w, b)]
            for x, w, b, h in zip(centres, half, bottom, heights) if h
        ]
        bars.add_collection(PolyCollection(rectangles, facecolors=style.colour, linewidths=0, label=style.label))
        bottom += heights
        handles.append(Patch(color=style.colour, label=style.label))
    bars.set_ylim(0, bottom.max() * 1.05)
    bars.set_ylabel("events")
    bars.yaxis.set_major_locator(MaxNLocator(integer=True))
    bars.set_xlabel("date")
    bars.grid(axis="y", color="#e5e5e5")
    bars.set_axisbelow(True)
    bars.spines[["top"]].set_visible(False)
    _date_axis(bars)
    margin = float(days.max())
    bars.set_xlim(mdates.date2num(starts[0]) - margin / 2, mdates.date2num(starts[-1]) + margin * 1.5)

    if goldstein:
        handles.append(_goldstein_line(bars, goldstein, period))
    figure.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 5), frameon=False, fontsize=9)
    _titles(figure, title, subtitle, 10)
    return figure


def _goldstein_line(bars, goldstein: Sequence[dict], period: str) -> Line2D:
    points = sorted((_as_date(row["period"]), float(row["goldstein"])) for row in goldstein if row.get("goldstein") is not None)
    x: list[float] = []
    y: list[float] = []
    for index, (start, score) in enumerate(points):
        # The line is broken across periods without events: a mean is not drawn where none exists.
        if index and (start - points[index - 1][0]).days > _period_days(points[index - 1][0], period):
            x.append(np.nan)
            y.append(np.nan)
        x.append(mdates.date2num(start) + _period_days(start, period) / 2)
        y.append(score)
    scores = bars.twinx()
    dense = len(points) > 60  # then a thinner, lighter line keeps the bars beneath it readable
    scores.plot(x, y, color=GOLDSTEIN_COLOUR, linewidth=0.8 if dense else 1.4, marker="o", markersize=1.8 if dense else 3.5, alpha=0.7 if dense else 1)
    scores.axhline(0, color="#999999", linewidth=0.8, linestyle=":")
    scores.set_ylim(-10.5, 10.5)
    scores.set_yticks([-10, -5, 0, 5, 10])
    scores.set_ylabel("mean Goldstein score\n(−10 conflict … +10 cooperation)")
    scores.spines[["top"]].set_visible(False)
    return Line2D([], [], color=GOLDSTEIN_COLOUR, linewidth=1.4, marker="o", markersize=3.5, label=GOLDSTEIN_LABEL)


# ---- dyads -----------------------------------------------------------------------------------


def dyad_figure(cells: Sequence[dict], *, title: str, subtitle: str = "") -> Figure:
    """A heatmap of events between source (rows) and target (columns) countries, each cell
    annotated with its count. `cells` rows: source, target, events."""
    by_source: Counter = Counter()
    by_target: Counter = Counter()
    for cell in cells:
        by_source[_actor_label(cell["source"])] += int(cell["events"])
        by_target[_actor_label(cell["target"])] += int(cell["events"])
    rows = [name for name, _ in sorted(by_source.items(), key=lambda item: (-item[1], item[0]))]
    columns = [name for name, _ in sorted(by_target.items(), key=lambda item: (-item[1], item[0]))]
    matrix = np.zeros((len(rows), len(columns)), dtype=int)
    for cell in cells:
        matrix[rows.index(_actor_label(cell["source"])), columns.index(_actor_label(cell["target"]))] += int(cell["events"])

    width = min(16.0, max(6.5, 2.8 + 0.62 * len(columns)))
    height = min(14.0, max(4.8, 2.4 + 0.48 * len(rows)))
    figure = Figure(figsize=(width, height), layout="constrained")
    heat = figure.add_subplot()
    colours = matplotlib.colormaps["YlGnBu"].with_extremes(bad="#f4f4f4")
    image = heat.imshow(np.ma.masked_equal(matrix, 0), cmap=colours, vmin=0, vmax=max(1, int(matrix.max())), aspect="auto")
    # Column labels are turned only when the longest would not fit its column (~0.09 in a letter).
    turned = max(map(len, columns)) * 0.09 > (width - 2.8) / len(columns) * 0.9
    heat.set_xticks(range(len(columns)), labels=columns, rotation=45 if turned else 0, ha="right" if turned else "center")
    heat.set_yticks(range(len(rows)), labels=rows)
    heat.set_xlabel("target")
    heat.set_ylabel("source")
    heat.tick_params(which="both", length=0)
    heat.spines[:].set_visible(False)
    heat.set_xticks(np.arange(len(columns) + 1) - 0.5, minor=True)
    heat.set_yticks(np.arange(len(rows) + 1) - 0.5, minor=True)
    heat.grid(which="minor", color="white", linewidth=1.5)
    threshold = matrix.max() * 0.55
    for (row, column), count in np.ndenumerate(matrix):
        if count:
            heat.text(column, row, f"{count:,}", ha="center", va="center", fontsize=9, color="white" if count > threshold else "#1a1a1a")
    bar = figure.colorbar(image, ax=heat, shrink=0.8)
    bar.set_label("events")
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    _titles(figure, title, subtitle, width)
    return figure


def _actor_label(value: Any) -> str:
    return str(value) if value not in (None, "") else "unknown"


# ---- figures ---------------------------------------------------------------------------------


def figures_figure(points: Sequence[dict], *, title: str, subtitle: str = "") -> Figure:
    """Reported values over time, one series per reporting source (per source and category
    when several categories are drawn), so that differing tolls stand side by side.
    `points` rows: date, source, category, value."""
    points = [point for point in points if point.get("date") is not None and point.get("value") is not None]
    several = len({point["category"] for point in points}) > 1
    series: dict[tuple[str, str], list[tuple[dt.date, float]]] = defaultdict(list)
    for point in points:
        series[(point.get("source") or UNATTRIBUTED, point["category"])].append((_as_date(point["date"]), float(point["value"])))
    ranked = sorted(series, key=lambda key: (-len(series[key]), key))
    rest = sorted(pair for key in ranked[MAX_SERIES:] for pair in series[key])

    figure = Figure(figsize=(10, 5.6), layout="constrained")
    axes = figure.add_subplot()
    markers = "osD^vP*Xh"
    for index, (source, category) in enumerate(ranked[:MAX_SERIES]):
        values = sorted(series[(source, category)])
        # A named source's values are joined: they read as its running toll. Figures the articles
        # state themselves come from many outlets and incidents, so they stay separate markers.
        joined = len(values) > 1 and source != UNATTRIBUTED
        axes.plot(*zip(*values), marker=markers[index % len(markers)], markersize=6, linewidth=1.2,
                  linestyle="-" if joined else "none", alpha=0.85, color=f"C{index}",
                  label=textwrap.fill(f"{source} ({category})" if several else source, LEGEND_WIDTH))
    if rest:
        others = "series" if several else "sources"
        axes.plot(*zip(*rest), marker=".", linestyle="none", color="#9a9a9a", label=f"{len(ranked) - MAX_SERIES} other {others}")
    _value_axis(axes, [value for pairs in series.values() for _, value in pairs])
    axes.set_ylabel("reported number")
    axes.set_xlabel("date")
    axes.grid(color="#e5e5e5")
    axes.set_axisbelow(True)
    axes.spines[["top", "right"]].set_visible(False)
    _date_axis(axes)
    # Beside the plot, level with its top: never over the values, never under the title.
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), title="reported by", frameon=False, alignment="left")
    _titles(figure, title, subtitle, 10)
    return figure


def figures_title(points: Sequence[dict]) -> str:
    """"Reported killed, by who reported it"; several categories are named up to three."""
    categories = sorted({point["category"] for point in points})
    named = ", ".join(categories) if len(categories) <= 3 else f"figures ({len(categories)} categories)"
    return f"Reported {named}, by who reported it"


def _value_axis(axes, values: list[float]) -> None:
    positive = [value for value in values if value > 0]
    # A log scale only when linear would squash the small tolls against the axis.
    if positive and len(positive) == len(values) and max(positive) / min(positive) > 100:
        axes.set_yscale("log")
        axes.yaxis.set_minor_formatter(NullFormatter())
    else:
        axes.set_ylim(bottom=0, top=max(values) * 1.08 if values and max(values) > 0 else 1)
        # Counts of people get whole-number ticks (no "2.5 killed"); percentages may not.
        axes.yaxis.set_major_locator(MaxNLocator(integer=all(float(value).is_integer() for value in values)))
    axes.yaxis.set_major_formatter(FuncFormatter(_thousands))


def _thousands(value: float, _position=None) -> str:
    return f"{int(round(value)):,}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


# ---- store to file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlotReport:
    """What a `plot_*` call wrote, for the command's one-line answer."""

    path: Path
    records: int
    what: str

    def __str__(self) -> str:
        return f"wrote {self.path}: {self.records:,} {self.what}"


def plot_timeline(
    connection: duckdb.DuckDBPyConnection, where: EventFilter, out: str | Path, *, period: str = "month", title: str | None = None
) -> PlotReport:
    """Events per period by quad class with the mean Goldstein score, saved to `out`."""
    output_format(out)  # a wrong suffix is reported before any query runs
    counts = [row for row in queries.event_counts(connection, where, period) if row["quad_class"] in QUAD_CLASSES]
    if not counts:
        raise EmptySelectionError("events", describe_filter(where), _events_held(connection))
    goldstein = queries.goldstein_series(connection, where, period)
    figure = timeline_figure(
        counts, goldstein, period=period, title=title or f"Events per {period}, by quad class", subtitle=describe_filter(where)
    )
    events = sum(int(row["events"]) for row in counts)
    return PlotReport(save_figure(figure, out), events, f"events in {len({row['period'] for row in counts})} {period}(s)")


def plot_dyads(
    connection: duckdb.DuckDBPyConnection, where: EventFilter, out: str | Path, *, top: int = 10, title: str | None = None
) -> PlotReport:
    """A heatmap of events between the `top` source and target countries, saved to `out`."""
    output_format(out)
    cells = [cell for cell in queries.dyad_matrix(connection, where, top=top) if int(cell["events"])]
    if not cells:
        raise EmptySelectionError("events with a source and a target", describe_filter(where), _events_held(connection))
    figure = dyad_figure(cells, title=title or DYADS_TITLE, subtitle=describe_filter(where))
    events = sum(int(cell["events"]) for cell in cells)
    return PlotReport(save_figure(figure, out), events, f"events in {len(cells)} source-target pairs")


def plot_figures(
    connection: duckdb.DuckDBPyConnection, where: FigureFilter, out: str | Path, *, title: str | None = None
) -> PlotReport:
    """Reported figures over time, one series per reporting source, saved to `out`."""
    output_format(out)
    points = [point for point in queries.figure_series(connection, where) if point.get("date") is not None and point.get("value") is not None]
    if not points:
        raise EmptySelectionError("dated figures", describe_filter(where), _figures_held(connection))
    figure = figures_figure(points, title=title or figures_title(points), subtitle=describe_filter(where))
    sources = len({point.get("source") for point in points})
    return PlotReport(save_figure(figure, out), len(points), f"figures from {sources} source(s)")


def _events_held(connection: duckdb.DuckDBPyConnection) -> str:
    events, first, last = connection.execute("SELECT count(*), min(date), max(date) FROM events").fetchone()
    return f"{events:,} events" + (f" dated {first} to {last}" if first else "")


def _figures_held(connection: duckdb.DuckDBPyConnection) -> str:
    rows = connection.execute("SELECT category, count(*) FROM figures GROUP BY category ORDER BY 2 DESC").fetchall()
    total = sum(count for _, count in rows)
    return f"{total:,} figures" + (f" ({', '.join(f'{category} {count}' for category, count in rows)})" if rows else "")
