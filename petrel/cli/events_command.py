"""`petrel events`: the events of a store that match a filter, their stories, or their counts.

The command is a thin wrapper over petrel.store.queries; the helpers at the end (dates,
opening a store, writing rows as a table, CSV or JSON Lines) serve `petrel figures` too.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import duckdb
import typer
from rich.console import Console
from rich.table import Table

from petrel.errors import UsageError
from petrel.store import EventStore
from petrel.store.queries import (
    EventFilter, count_events, dyad_matrix, event_counts, find_stories, goldstein_series, iter_events,
)  # fmt: skip
from petrel.store.rows import event_object
from petrel.store.schema import EVENTS, STORIES

TABLE_ROWS = 50  # rows a table shows when --limit is not given


class RowFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"


DB_HELP = "The petrel store to read (written by `petrel code INPUT... --db PATH`)."
FORMAT_HELP = f"table (default; at most {TABLE_ROWS} rows unless --limit), csv, or jsonl (one JSON object a line)."


def events_command(
    db: Path = typer.Option(..., "--db", help=DB_HELP),
    actor: Optional[str] = typer.Option(None, "--actor", help="Source or target whose name or words contain this (any case): 'Sisi', 'army'."),
    country: Optional[str] = typer.Option(None, "--country", help="Source or target of this country (ISO alpha-3: EGY; or IGO, NGO)."),
    sector: Optional[str] = typer.Option(None, "--sector", help="Source or target of this sector (GOV, MIL, REB, COP, CVL...)."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="Source and target as SOURCE:TARGET, each a country or an actor code: EGY:USA, ISRMIL:PSE."),
    cameo: Optional[str] = typer.Option(None, "--cameo", help="CAMEO code or prefix: 19 (every assault), 0256."),
    plover: Optional[str] = typer.Option(None, "--plover", help="PLOVER type: ASSAULT, PROTEST, CONSULT..."),
    quad: Optional[int] = typer.Option(None, "--quad", min=1, max=4, help="Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after this date: 2024-05-08, or 2024-05 (from the 1st), or 2024."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before this date: 2024-05-08, or 2024-05 (to its last day), or 2024."),
    place: Optional[str] = typer.Option(None, "--place", help="Located in a place whose name contains this, or in this country (ISO alpha-3)."),
    text: Optional[str] = typer.Option(None, "--text", help="Sentence contains this (any case)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Article's outlet (its `source`) contains this (any case)."),
    include_duplicates: bool = typer.Option(False, "--include-duplicates", help="Also events of near-duplicate copies of stored articles (left out by default: they repeat their original's events)."),
    stories: bool = typer.Option(False, "--stories", help="List the stories (one real-world event, however often reported) that matching events belong to."),
    count_by: Optional[Period] = typer.Option(None, "--count-by", help="Count matching events per day, week (from Monday) or month, and quad class."),
    dyads: bool = typer.Option(False, "--dyads", help="Count matching events between source and target countries (actor code when no country)."),
    top: int = typer.Option(10, "--top", min=1, help="With --dyads: how many of the most active countries to keep."),
    goldstein: Optional[Period] = typer.Option(None, "--goldstein", help="Mean Goldstein score of matching events per day, week or month."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="At most this many events or stories (default: all; a table shows 50)."),
    format: RowFormat = typer.Option(RowFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Find events in a store: filter by actor, country, dyad, event type, date, place, text
    or outlet, then list them (--format jsonl prints output-contract event objects, each with
    its story_id), list their stories, or count them (--count-by, --dyads, --goldstein)."""
    where = EventFilter(
        actor=actor, country=country, sector=sector, dyad=parse_dyad(dyad), cameo=cameo, plover=plover,
        quad_class=quad, since=parse_day(since, "--since"), until=parse_day(until, "--until", last=True),
        place=place, text=text, outlet=outlet, include_duplicates=include_duplicates,
    )  # fmt: skip
    views = [name for name, chosen in (("--stories", stories), ("--count-by", count_by), ("--dyads", dyads), ("--goldstein", goldstein)) if chosen]
    if len(views) > 1:
        raise UsageError(f"{' and '.join(views)} are different views of the events", fix="give one of them at a time")
    with opened_store(db) as connection, quiet_broken_pipe():
        if stories:
            rows = find_stories(connection, where, limit=table_limit(limit, format))
            if format is RowFormat.table:
                console().print(stories_table(rows))
            else:
                write_rows(rows, format, STORIES.column_names)
        elif count_by:
            rows = event_counts(connection, where, count_by.value)
            write_rows(rows, format, ["period", "quad_class", "events"], title=f"events per {count_by.value} and quad class")
        elif goldstein:
            rows = goldstein_series(connection, where, goldstein.value)
            write_rows(rows, format, ["period", "goldstein", "events"], title=f"mean Goldstein score per {goldstein.value}")
        elif dyads:
            rows = dyad_matrix(connection, where, top=top)
            if format is RowFormat.table:
                console().print(dyad_table(rows))
            else:
                write_rows(rows, format, ["source", "target", "events"])
        else:
            write_events(connection, where, limit, format)


def write_events(connection: duckdb.DuckDBPyConnection, where: EventFilter, limit: int | None, format: RowFormat) -> None:
    rows = iter_events(connection, where, limit=table_limit(limit, format))
    if format is RowFormat.jsonl:
        write_jsonl(event_object(row) for row in rows)
    elif format is RowFormat.csv:
        write_csv(rows, EVENTS.column_names)
    else:
        shown = list(rows)
        total = count_events(connection, where) if limit is None else None
        console().print(events_table(shown, total))


def events_table(rows: list[dict[str, Any]], total: int | None) -> Table:
    """Date, source, event type, target, place and sentence of each event row."""
    table = Table(title=f"{len(rows)} events", expand=True)
    table.add_column("date", style="dim", no_wrap=True)
    table.add_column("source", style="cyan", ratio=2)
    table.add_column("event", style="bold", no_wrap=True)
    table.add_column("target", style="magenta", ratio=2)
    table.add_column("place", ratio=1, min_width=8)
    table.add_column("sentence", ratio=4)
    table.add_column("story", style="dim", no_wrap=True)
    for row in rows:
        kind = f"{row['plover'] or '-'} {row['cameo']}" + (" not" if row["negated"] else "")
        place = row["location_name"] or row["location_text"] or "-"
        table.add_row(cell(row["date"]), actor_cell(row, "source"), kind, actor_cell(row, "target"), place, row["sentence"], row["story_id"] or "-")
    if total is not None and total > len(rows):
        table.caption = f"first {len(rows)} of {total} matching events; --limit N shows more, --format jsonl or csv all"
    return table


def actor_cell(row: dict[str, Any], side: str) -> str:
    words = row[f"{side}_name"] or row[f"{side}_text"]
    if words is None:
        return "-"
    return f"{words} ({row[f'{side}_code'] or '?'})"


STORY_COUNTS = {"mentions": "mentions", "articles": "articles", "outlets": "sources"}  # heading: column


def stories_table(rows: list[dict[str, Any]]) -> Table:
    """Event type, source, target, place, dates, how often reported, and first sentence of each story."""
    table = Table(title=f"{len(rows)} stories", expand=True)
    table.add_column("story", style="dim", no_wrap=True)
    table.add_column("event", style="bold", no_wrap=True)
    table.add_column("source", style="cyan", ratio=2)
    table.add_column("target", style="magenta", ratio=2)
    table.add_column("place", ratio=1, min_width=8)
    table.add_column("dates", no_wrap=True)
    for name in STORY_COUNTS:
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("sentence", ratio=4)
    for story in rows:
        dates = cell(story["first_date"]) + ("" if story["last_date"] == story["first_date"] else f"\n{cell(story['last_date'])}")
        table.add_row(
            story["story_id"], f"{story['plover'] or '-'} {story['cameo']}", _story_actor(story, "source"),
            _story_actor(story, "target"), story["location_name"] or "-", dates,
            *(cell(story[column]) for column in STORY_COUNTS.values()), story["sentence"],
        )  # fmt: skip
    return table


def _story_actor(story: dict[str, Any], side: str) -> str:
    name = story[f"{side}_name"]
    return "-" if name is None else f"{name} ({story[f'{side}_code'] or '?'})"


def dyad_table(rows: list[dict[str, Any]]) -> Table:
    """Sources down, targets across, event counts in the cells."""
    sources = list(dict.fromkeys(row["source"] for row in rows))
    targets = list(dict.fromkeys(row["target"] for row in rows))
    counts = {(row["source"], row["target"]): row["events"] for row in rows}
    table = Table("source \\ target", *targets, title="events between sources and targets")
    for source in sources:
        table.add_row(source, *(str(counts.get((source, target), "")) for target in targets))
    return table


# ---- shared with `petrel figures` ------------------------------------------------------------


def parse_day(value: Optional[str], option: str, *, last: bool = False) -> dt.date | None:
    """A date option: YYYY-MM-DD, or YYYY-MM / YYYY for the first (or, with `last`, the
    last) day of that month or year."""
    if value is None:
        return None
    parts = value.strip().split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(value.strip())
        year = int(parts[0])
        if len(parts) == 1 and len(parts[0]) == 4:
            return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
        if len(parts) == 2 and len(parts[0]) == 4:
            month = int(parts[1])
            first = dt.date(year, month, 1)
            return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)) if last else first
    except ValueError:
        pass
    raise UsageError(f"{option} {value!r} is not a date", fix=f"give it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. {option} 2024-05-08")


def parse_dyad(value: Optional[str]) -> tuple[str, str] | None:
    if value is None:
        return None
    source, colon, target = value.partition(":")
    if not colon or not source.strip() or not target.strip() or ":" in target:
        raise UsageError(
            f"--dyad {value!r} is not SOURCE:TARGET",
            fix="give two country or actor codes joined by a colon, e.g. --dyad EGY:USA",
        )
    return source.strip(), target.strip()


@contextmanager
def opened_store(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store's connection, read-only (other readers may use the store at the same time)."""
    with EventStore(db, read_only=True) as store:
        yield store.connection


@contextmanager
def quiet_broken_pipe() -> Iterator[None]:
    """The reader of stdout stopping early (`petrel events ... | head`) is not an error."""
    try:
        yield
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def table_limit(limit: int | None, format: RowFormat) -> int | None:
    return TABLE_ROWS if limit is None and format is RowFormat.table else limit


def console() -> Console:
    return Console(highlight=False, width=max(Console().width, 140))


def cell(value: Any) -> str:
    """A value as a table shows it."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def write_jsonl(objects: Iterable[dict[str, Any]]) -> None:
    for item in objects:
        sys.stdout.write(json.dumps(item, ensure_ascii=False, default=json_value) + "\n")
    sys.stdout.flush()


def csv_cell(value: Any) -> Any:
    """As petrel's CSV writer: empty for None, true/false, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def write_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(name)) for name in columns])
    sys.stdout.flush()


def write_rows(rows: list[dict[str, Any]], format: RowFormat, columns: list[str], *, title: str | None = None) -> None:
    """Rows of a query as JSON Lines (every key), or CSV or a table of `columns`."""
    if format is RowFormat.jsonl:
        write_jsonl(rows)
    elif format is RowFormat.csv:
        write_csv(rows, columns)
    else:
        table = Table(*columns, title=title)
        for row in rows:
            table.add_row(*(cell(row.get(name)) for name in columns))
        console().print(table)
