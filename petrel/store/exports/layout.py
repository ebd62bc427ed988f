"""A column layout of another dataset (GDELT, ICEWS): each column's name, the SQL that fills
it, and what petrel puts there; and writing such a layout as a tab-separated file.

The layouts are written by DuckDB itself (`COPY (query) TO file`), so an export streams
however large the store is. docs/exports.md embeds `mapping_markdown` of each layout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from petrel.errors import OutputFileError


@dataclass(frozen=True)
class LayoutColumn:
    """One column of a foreign layout. `sql` is an expression over the export's base rows;
    `petrel` says in Markdown what petrel puts there, or why it leaves it empty."""

    name: str
    sql: str
    petrel: str


def select_list(columns: tuple[LayoutColumn, ...]) -> str:
    return ",\n    ".join(f'{column.sql} AS "{column.name}"' for column in columns)


def mapping_markdown(columns: tuple[LayoutColumn, ...]) -> str:
    """The layout as a Markdown table (column, what petrel puts there): docs/exports.md embeds it."""
    lines = ["| # | column | petrel |", "|---|---|---|"]
    lines += [f"| {n} | `{c.name}` | {c.petrel.replace('|', '/')} |" for n, c in enumerate(columns, 1)]
    return "\n".join(lines) + "\n"


def stable_id(sql: str) -> str:
    """A positive 60-bit integer for a petrel id: its MD5's first 15 hex digits. Same id, same number."""
    return f"('0x' || substr(md5({sql}), 1, 15))::BIGINT"


def one_line(sql: str) -> str:
    """Text with tabs and line breaks folded to spaces: the layouts are unquoted tab-separated lines."""
    return rf"nullif(trim(regexp_replace({sql}, '\s+', ' ', 'g')), '')"


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def write_tsv(connection: duckdb.DuckDBPyConnection, query: str, path: Path, *, header: bool) -> int:
    """Write the rows of `query` to `path` as unquoted tab-separated lines (nulls empty); returns
    the number of rows. The file appears complete or not at all (written beside it, then renamed)."""
    partial = path.with_name(path.name + ".partial")
    options = f"FORMAT csv, DELIMITER '\t', HEADER {str(header).lower()}, QUOTE ''"
    return copy_to(connection, f"({query})", partial, options, final=path)


def copy_to(connection: duckdb.DuckDBPyConnection, source: str, partial: Path, options: str, *, final: Path) -> int:
    """DuckDB's COPY of a table or `(query)` to `partial`, renamed to `final` when complete."""
    try:
        rows = connection.execute(f"COPY {source} TO {sql_string(str(partial))} ({options})").fetchone()[0]
        os.replace(partial, final)
    except (duckdb.IOException, OSError) as error:
        partial.unlink(missing_ok=True)
        raise OutputFileError(str(final), str(error).removeprefix("IO Error: ")) from None
    return int(rows)
