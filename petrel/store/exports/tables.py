"""The store's tables as Parquet or CSV files, one a table, written by DuckDB's COPY."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from petrel.errors import OutputFileError, UnknownNameError
from petrel.store import schema
from petrel.store.exports.layout import copy_to

TABLE_FORMATS = ("parquet", "csv")
# MinHash signatures and their LSH buckets serve near-duplicate search inside the store only.
INTERNAL_TABLES = ("article_signatures", "article_bands")
TABLE_NAMES = tuple(table.name for table in schema.TABLES)
DEFAULT_TABLES = tuple(name for name in TABLE_NAMES if name not in INTERNAL_TABLES)

_COPY_OPTIONS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}


@dataclass(frozen=True)
class ExportedFile:
    """One file an export wrote: what it holds (a table name, or `gdelt`/`icews`) and its rows."""

    what: str
    path: Path
    rows: int


def chosen_tables(names: list[str] | None) -> tuple[str, ...]:
    """The tables to export: the named ones (in the order given, each once), else every table but the internal ones."""
    if not names:
        return DEFAULT_TABLES
    for name in names:
        if name not in TABLE_NAMES:
            raise UnknownNameError("table", name, list(TABLE_NAMES))
    return tuple(dict.fromkeys(names))


def export_tables(
    connection: duckdb.DuckDBPyConnection, out_dir: Path, file_format: str, tables: list[str] | None = None
) -> list[ExportedFile]:
    """Write each chosen table to `out_dir/<table>.<format>` (the directory is created)."""
    chosen = chosen_tables(tables)
    _make_directory(out_dir)
    written = []
    for name in chosen:
        path = out_dir / f"{name}.{file_format}"
        partial = path.with_name(path.name + ".partial")
        rows = copy_to(connection, name, partial, _COPY_OPTIONS[file_format], final=path)
        written.append(ExportedFile(name, path, rows))
    return written


def _make_directory(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputFileError(
            str(out_dir), "it is a file, and Parquet and CSV exports write one file per table into a directory",
            fix="give --out a directory (it is created when absent)",
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputFileError(str(out_dir), error.strerror or str(error)) from None
