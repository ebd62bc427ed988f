"""`petrel export`: a store's tables as Parquet or CSV, its events in the GDELT or ICEWS layout."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from petrel.store.exports import DEFAULT_TABLES, INTERNAL_TABLES, ExportOptions, export_store


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    gdelt = "gdelt"
    icews = "icews"


def export_command(
    db: Path = typer.Option(..., "--db", help="The store to export: a DuckDB file written by `petrel code ... --db PATH` (opened read-only)."),
    file_format: ExportFormat = typer.Option(
        ..., "--format", "-f",
        help="parquet or csv: one file a table in the --out directory (for DuckDB, Spark, pandas, R). "
        "gdelt: the story rows of the store in the 61 tab-separated columns of the GDELT 2.0 event table, no header. "
        "icews: the event rows in the 20 columns of ICEWS coded event data, tab-separated, with a header.",
    ),
    out: Path = typer.Option(
        ..., "--out", "-o",
        help="parquet/csv: a directory (created) that gets <table>.parquet or <table>.csv. "
        "gdelt/icews: the file to write (or a directory, which gets gdelt.tsv or icews.tsv). Files are replaced.",
    ),
    tables: Optional[list[str]] = typer.Option(
        None, "--table", "-t", metavar="NAME",
        help=f"parquet/csv: export only this table (repeat for several). Default: {', '.join(DEFAULT_TABLES)}; "
        f"the internal {' and '.join(INTERNAL_TABLES)} only when named.",
    ),
    per_event: bool = typer.Option(False, "--per-event", help="gdelt: one row per event record instead of one per story."),
    include_duplicates: bool = typer.Option(
        False, "--include-duplicates",
        help="gdelt/icews: also export the events of near-duplicate copies (left out by default: they repeat their original's events).",
    ),
) -> None:
    """Export a store: its tables as Parquet or CSV files, or its events in the column layout of
    GDELT 2.0 or ICEWS (docs/exports.md maps every column). Reports each file and its rows on stderr."""
    options = ExportOptions(tuple(tables or ()), per_event, include_duplicates)
    for written in export_store(db, out, file_format.value, options):
        typer.echo(f"petrel: wrote {written.rows} {written.what} rows to {written.path}", err=True)
