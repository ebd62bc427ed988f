"""The DuckDB store (`--db PATH`): tables `events` and `figures`, appended run after run.

Re-coding an article replaces its rows: the first time a writer sees an article id it
deletes that article's old events and figures, then inserts the new ones (INSERT OR
REPLACE on `event_id` / `figure_id`). Running twice on the same input therefore leaves the
same rows, and events a newer petrel no longer finds do not linger.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from petrel.errors import DatabaseLockedError, OutputFileError
from petrel.records import Event, Figure
from petrel.writers.flat_table import FlatTable, model_columns
from petrel.writers.record_writer import ClosingWriter

BATCH_SIZE = 10_000
_SQL_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE"}


@dataclass(frozen=True)
class StoreTable:
    """The table of one record kind: its name, primary key and flat columns."""

    name: str
    key: str
    flat: FlatTable


def _table(name: str, key: str, model: type[Event] | type[Figure]) -> StoreTable:
    # The `record` column is implied by the table, so it is not stored.
    return StoreTable(name, key, FlatTable([column for column in model_columns(model) if column.name != "record"]))


TABLES = {
    "event": _table("events", "event_id", Event),
    "figure": _table("figures", "figure_id", Figure),
}


class DuckDBWriter(ClosingWriter):
    """Appends records to a DuckDB file (created if absent), BATCH_SIZE rows a transaction.

    All rows written by one writer share `coded_at` (UTC), which identifies the run.
    """

    def __init__(self, path: str | Path, batch_size: int = BATCH_SIZE):
        super().__init__()
        self._path = str(path)
        self._batch_size = batch_size
        self._connection = _connect(self._path)
        self._coded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self._pending: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in TABLES}
        self._replaced_articles: set[str] = set()
        try:
            for table in TABLES.values():
                _ensure_table(self._connection, table)
        except BaseException:
            self._connection.close()
            raise

    def _write(self, record: Event | Figure) -> None:
        table = TABLES[record.record]
        row = table.flat.row(record)
        # Keyed by id: a record repeated before the batch is stored keeps only its last copy.
        self._pending[record.record][row[table.key]] = row
        if sum(len(rows) for rows in self._pending.values()) >= self._batch_size:
            self._flush()

    def _flush(self) -> None:
        batches = {kind: list(rows.values()) for kind, rows in self._pending.items() if rows}
        if not batches:
            return
        articles = {row["article_id"] for rows in batches.values() for row in rows}
        new_articles = sorted(articles - self._replaced_articles)
        connection = self._connection
        connection.begin()
        try:
            if new_articles:
                _delete_articles(connection, new_articles)
            for kind, rows in batches.items():
                _insert(connection, TABLES[kind], rows, self._coded_at)
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        self._replaced_articles.update(new_articles)
        self._pending = {kind: {} for kind in TABLES}

    def _close(self) -> None:
        try:
            self._flush()
        finally:
            self._connection.close()


def _connect(path: str) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path)
    except duckdb.IOException as error:
        message = str(error).removeprefix("IO Error: ")
        if "Could not set lock" in message:
            holder = re.search(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)", message)
            detail = f"{holder['program']}, PID {holder['pid']}" if holder else message
            raise DatabaseLockedError(path, detail) from None
        if "not a valid DuckDB database" in message:
            raise OutputFileError(
                path,
                "the file exists but is not a DuckDB database",
                fix="give --db a new file name or an existing petrel DuckDB store",
            ) from None
        raise OutputFileError(path, message) from None


def _ensure_table(connection: duckdb.DuckDBPyConnection, table: StoreTable) -> None:
    """Create the table if absent; add the columns the models gained since it was made."""
    definitions = [
        f'"{column.name}" {_SQL_TYPES[column.type]}' + (" PRIMARY KEY" if column.name == table.key else "")
        for column in table.flat.columns
    ]
    connection.execute(f"CREATE TABLE IF NOT EXISTS {table.name} ({', '.join(definitions)}, coded_at TIMESTAMP)")
    existing = {description[0] for description in connection.execute(f"SELECT * FROM {table.name} LIMIT 0").description}
    for column in table.flat.columns:
        if column.name not in existing:
            connection.execute(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {_SQL_TYPES[column.type]}')
    if "coded_at" not in existing:
        connection.execute(f"ALTER TABLE {table.name} ADD COLUMN coded_at TIMESTAMP")


def _delete_articles(connection: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """Remove what earlier runs stored for these articles, events and figures alike."""
    for table in TABLES.values():
        connection.execute(
            f"DELETE FROM {table.name} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [article_ids]
        )


def _insert(
    connection: duckdb.DuckDBPyConnection, table: StoreTable, rows: list[dict[str, Any]], coded_at: dt.datetime
) -> None:
    names = ", ".join(f'"{column.name}"' for column in table.flat.columns)
    connection.register("petrel_batch", table.flat.arrow_table(rows))
    try:
        connection.execute(
            f"INSERT OR REPLACE INTO {table.name} ({names}, coded_at) SELECT {names}, ?::TIMESTAMP FROM petrel_batch",
            [coded_at],
        )
    finally:
        connection.unregister("petrel_batch")
