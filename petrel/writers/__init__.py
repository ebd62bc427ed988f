"""Writing events and figures out: JSON Lines, CSV, Parquet (the store is petrel.store).

    with open_writer("jsonl", "out.jsonl") as writer:
        for record in records:
            writer.write(record)
"""

from __future__ import annotations

from pathlib import Path

from petrel.errors import UnknownNameError
from petrel.writers.csv_file import CsvWriter
from petrel.writers.flat_table import COLUMN_NAMES, FLAT_COLUMNS, Column, FlatTable, flatten
from petrel.writers.jsonl import JsonLinesWriter
from petrel.writers.parquet_file import ParquetFileWriter
from petrel.writers.record_writer import RecordWriter

_WRITERS = {"jsonl": JsonLinesWriter, "csv": CsvWriter, "parquet": ParquetFileWriter}
FORMATS = tuple(_WRITERS)


def open_writer(fmt: str, destination: str | Path | None) -> RecordWriter:
    """A writer of `fmt` ("jsonl", "csv", "parquet") to a file, or to stdout for None or "-".

    A file is created or truncated. Raises UnknownNameError for an unknown format,
    UsageError for Parquet to stdout, OutputFileError when the file cannot be opened.
    """
    if fmt not in _WRITERS:
        raise UnknownNameError("output format", fmt, list(FORMATS))
    return _WRITERS[fmt](destination)


__all__ = [
    "COLUMN_NAMES", "FLAT_COLUMNS", "FORMATS", "Column", "CsvWriter", "FlatTable",
    "JsonLinesWriter", "ParquetFileWriter", "RecordWriter", "flatten",
    "open_writer",
]  # fmt: skip
