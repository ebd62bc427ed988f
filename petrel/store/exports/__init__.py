"""Taking a store elsewhere: its tables as Parquet or CSV files, its events in the layouts of
GDELT 2.0 and ICEWS. Every export is written by DuckDB (`COPY ... TO`), streaming, so a store
of millions of events exports without being loaded into Python. See docs/exports.md.

    export_store("store.duckdb", "out/", "parquet")          # out/articles.parquet, out/events.parquet...
    export_store("store.duckdb", "events.tsv", "gdelt")      # one row per story, 61 columns
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from petrel.errors import OptionNotApplicableError, OutputFileError, UnknownNameError
from petrel.store.exports.gdelt import GDELT_COLUMNS, export_gdelt, gdelt_mapping_markdown
from petrel.store.exports.icews import ICEWS_COLUMNS, export_icews, icews_mapping_markdown
from petrel.store.exports.tables import (
    DEFAULT_TABLES, INTERNAL_TABLES, TABLE_FORMATS, TABLE_NAMES, ExportedFile, chosen_tables, export_tables,
)  # fmt: skip
from petrel.store.ingest import EventStore

LAYOUT_FORMATS = ("gdelt", "icews")
EXPORT_FORMATS = TABLE_FORMATS + LAYOUT_FORMATS

__all__ = [
    "DEFAULT_TABLES", "EXPORT_FORMATS", "GDELT_COLUMNS", "ICEWS_COLUMNS", "INTERNAL_TABLES", "TABLE_NAMES",
    "ExportOptions", "ExportedFile", "export_store", "gdelt_mapping_markdown", "icews_mapping_markdown",
]  # fmt: skip


@dataclass(frozen=True)
class ExportOptions:
    """What to export. `tables` applies to parquet and csv; `per_event` to gdelt;
    `include_duplicates` (events of near-duplicate copies) to gdelt and icews."""

    tables: tuple[str, ...] = ()
    per_event: bool = False
    include_duplicates: bool = False


def export_store(
    store_path: str | Path, out: str | Path, file_format: str, options: ExportOptions = ExportOptions()
) -> list[ExportedFile]:
    """Export the store at `store_path` (opened read-only) to `out`: a directory for parquet and
    csv (created; one file a table), a file for gdelt and icews (`out/<format>.tsv` when `out`
    is a directory). Returns the files written with their row counts."""
    _check_options(file_format, options)
    out = Path(out)
    with EventStore(store_path, read_only=True) as store:
        # DuckDB draws a progress bar on the terminal for long queries; the CLI reports by itself.
        store.connection.execute("SET enable_progress_bar = false").fetchall()
        if file_format in TABLE_FORMATS:
            return export_tables(store.connection, out, file_format, list(options.tables))
        path = _layout_file(out, file_format)
        if file_format == "gdelt":
            rows = export_gdelt(
                store.connection, path, per_event=options.per_event, include_duplicates=options.include_duplicates
            )
        else:
            rows = export_icews(store.connection, path, include_duplicates=options.include_duplicates)
        return [ExportedFile(file_format, path, rows)]


def _check_options(file_format: str, options: ExportOptions) -> None:
    """Refuse what cannot be done before the store is opened: unknown names, options of another format."""
    if file_format not in EXPORT_FORMATS:
        raise UnknownNameError("export format", file_format, list(EXPORT_FORMATS))
    given = f"--format {file_format}"
    if file_format in TABLE_FORMATS:
        chosen_tables(list(options.tables))
    elif options.tables:
        raise OptionNotApplicableError("--table", given, "--format parquet and csv", "gdelt and icews export events only")
    if options.per_event and file_format != "gdelt":
        raise OptionNotApplicableError("--per-event", given, "--format gdelt")
    if options.include_duplicates and file_format in TABLE_FORMATS:
        why = "tables are exported whole, near-duplicates marked by their duplicate_of column"
        raise OptionNotApplicableError("--include-duplicates", given, "--format gdelt and icews", why)


def _layout_file(out: Path, file_format: str) -> Path:
    path = out / f"{file_format}.tsv" if out.is_dir() else out
    if not path.parent.is_dir():
        raise OutputFileError(str(path), f"the directory {path.parent} does not exist")
    return path
