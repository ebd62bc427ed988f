"""Parquet output: the flat columns with explicit types, written in row groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from petrel.errors import OutputFileError, UsageError
from petrel.records import Event, Figure
from petrel.writers.flat_table import FLAT_TABLE
from petrel.writers.record_writer import ClosingWriter
from petrel.writers.text_output import is_stdout

ROW_GROUP_SIZE = 10_000


class ParquetFileWriter(ClosingWriter):
    """Writes records to a Parquet file, ROW_GROUP_SIZE rows at a time.

    Only one row group is held in memory. The file is valid only once closed (Parquet
    keeps its index at the end); with no records it still holds the schema.
    """

    def __init__(self, destination: str | Path | None, row_group_size: int = ROW_GROUP_SIZE):
        super().__init__()
        if is_stdout(destination):
            raise UsageError(
                "Parquet output cannot go to standard output: it needs a file",
                fix="add --output FILE.parquet, or use --format jsonl or csv for stdout",
            )
        self._row_group_size = row_group_size
        self._rows: list[dict[str, Any]] = []
        try:
            self._parquet = pq.ParquetWriter(str(destination), FLAT_TABLE.arrow_schema())
        except OSError as error:
            raise OutputFileError(str(destination), str(error)) from None

    def _write(self, record: Event | Figure) -> None:
        self._rows.append(FLAT_TABLE.row(record))
        if len(self._rows) >= self._row_group_size:
            self._write_row_group()

    def _write_row_group(self) -> None:
        if self._rows:
            self._parquet.write_table(FLAT_TABLE.arrow_table(self._rows))
            self._rows = []

    def _close(self) -> None:
        try:
            self._write_row_group()
        finally:
            self._parquet.close()
