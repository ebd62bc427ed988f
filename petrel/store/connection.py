"""Opening a store's DuckDB file, with the errors a user can act on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from petrel.errors import DatabaseLockedError, OutputFileError, StoreNotFoundError


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at `path`; created when absent unless `read_only`.

    Raises StoreNotFoundError for a missing file opened to read, DatabaseLockedError when
    another process holds it, OutputFileError when it is not a DuckDB database.
    """
    path = str(path)
    if read_only and not Path(path).is_file():
        raise StoreNotFoundError(path)
    try:
        return duckdb.connect(path, read_only=read_only)
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


@contextmanager
def registered(connection: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """`table` visible to SQL as `name` for the duration of the block."""
    connection.register(name, table)
    try:
        yield
    finally:
        try:
            connection.unregister(name)
        except duckdb.Error:
            pass  # an aborted transaction refuses it; the error that aborted it is the one to see
