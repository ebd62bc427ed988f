"""`petrel figures`: the reported figures of a store (killed, displaced...), by whom, side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from petrel.cli.events_command import (
    DB_HELP, FORMAT_HELP, RowFormat, cell, console, opened_store, parse_day, quiet_broken_pipe,
    table_limit, write_csv, write_jsonl, write_rows,
)  # fmt: skip
from petrel.errors import UsageError
from petrel.store.queries import FIGURE_CATEGORIES, FigureFilter, compare_figures, figure_series, find_figures
from petrel.store.rows import figure_object
from petrel.store.schema import FIGURES

REPORT_COLUMNS = ["category", "place", "date", "source", "value", "low", "high", "qualifier", "article_id", "articles"]


def figures_command(
    db: Path = typer.Option(..., "--db", help=DB_HELP),
    category: Optional[str] = typer.Option(None, "--category", help=f"One of: {', '.join(FIGURE_CATEGORIES)}."),
    place: Optional[str] = typer.Option(None, "--place", help="Place whose name contains this, or this country (ISO alpha-3)."),
    subject: Optional[str] = typer.Option(None, "--subject", help="Whose figure: subject of this country (ISO alpha-3), or whose name or words contain this ('Palestinians')."),
    source: Optional[str] = typer.Option(None, "--source", help="Reported by: attribution whose words or actor's name contain this ('health ministry'), or whose actor is of this country."),
    since: Optional[str] = typer.Option(None, "--since", help="Figures dated on or after this day: 2024-05-08, 2024-05 or 2024."),
    until: Optional[str] = typer.Option(None, "--until", help="Figures dated on or before this day: 2024-05-08, 2024-05 or 2024."),
    include_duplicates: bool = typer.Option(False, "--include-duplicates", help="Also figures of near-duplicate copies of stored articles (left out by default)."),
    compare: bool = typer.Option(False, "--compare", help="Side by side: per category, place and date, the value each source reported."),
    series: bool = typer.Option(False, "--series", help="Per day, category and source, the highest value reported (for a plot of tolls over time)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="At most this many figures (default: all; a table shows 50)."),
    format: RowFormat = typer.Option(RowFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Find the figures a store's articles report (killed, injured, displaced, detained...):
    filter by category, place, subject, source and date; list them (--format jsonl prints
    output-contract figure objects), or compare what each source reported (--compare)."""
    where = FigureFilter(
        category=category, place=place, subject=subject, source=source, since=parse_day(since, "--since"),
        until=parse_day(until, "--until", last=True), include_duplicates=include_duplicates,
    )  # fmt: skip
    if compare and series:
        raise UsageError("--compare and --series are different views of the figures", fix="give one of them at a time")
    with opened_store(db) as connection, quiet_broken_pipe():
        if compare:
            write_comparison(compare_figures(connection, where), format)
        elif series:
            rows = figure_series(connection, where)
            write_rows(rows, format, ["date", "source", "category", "value"], title="highest value reported per day, by source")
        else:
            rows = find_figures(connection, where, limit=table_limit(limit, format))
            if format is RowFormat.jsonl:
                write_jsonl(figure_object(row) for row in rows)
            elif format is RowFormat.csv:
                write_csv(rows, FIGURES.column_names)
            else:
                console().print(figures_table(rows))


def amount(report: dict[str, Any]) -> str:
    """"at least 23", "12,000", "24 or more", "30-40": a value as the article gave it."""
    value, low, high = report.get("value"), report.get("low"), report.get("high")
    if value is None and low is not None and high is not None:
        return f"{_number(low)}-{_number(high)}"
    if value is None and low is not None:
        return f"{_number(low)} or more"
    if value is None and high is not None:
        return f"up to {_number(high)}"
    words = [report.get("qualifier"), _number(value) if value is not None else "?"]
    return " ".join(word for word in words if word)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def figures_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(rows)} figures", expand=True)
    table.add_column("date", style="dim", no_wrap=True)
    table.add_column("category", style="bold", no_wrap=True)
    table.add_column("amount", no_wrap=True)
    table.add_column("whose", style="magenta", ratio=1)
    table.add_column("place", ratio=1)
    table.add_column("according to", style="cyan", ratio=2)
    table.add_column("words", ratio=3)
    for row in rows:
        source = row["attribution_actor_name"] or row["attribution_actor_text"] or row["attribution_text"] or "the article"
        place = row["location_name"] or row["location_text"] or "-"
        table.add_row(cell(row["date"]), row["category"], amount(row), row["subject_name"] or row["subject_text"] or "-", place, source, row["span_text"])
    return table


def write_comparison(rows: list[dict[str, Any]], format: RowFormat) -> None:
    """JSON Lines: one object per category, place and date with its `reports`; CSV: one line per report."""
    if format is RowFormat.jsonl:
        write_jsonl(rows)
    elif format is RowFormat.csv:
        write_csv(({**row, **report} for row in rows for report in row["reports"]), REPORT_COLUMNS)
    else:
        table = Table("category", "place", "date", "reported", title="what each source reported", expand=True)
        for row in rows:
            reported = "\n".join(f"{report['source']}: {amount(report)}" for report in row["reports"])
            table.add_row(row["category"], row["place"] or "-", cell(row["date"]), reported)
        console().print(table)
