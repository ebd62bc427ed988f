"""CSV output: one row a record, the flat columns of events and figures as the header."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from petrel.records import Event, Figure
from petrel.writers.flat_table import COLUMN_NAMES, flatten
from petrel.writers.text_output import TextStreamWriter


class CsvWriter(TextStreamWriter):
    """Writes records as CSV rows (header first, even with no records).

    Empty cell for None, `true`/`false` for booleans (as in JSON), ISO dates; lines end
    with "\\n". Stdout is flushed after every record, a file on close.
    """

    def __init__(self, destination: str | Path | None):
        super().__init__(destination)
        self._csv = csv.writer(self._stream, lineterminator="\n")
        self._csv.writerow(COLUMN_NAMES)

    def _write_record(self, record: Event | Figure) -> None:
        self._csv.writerow([_cell(value) for value in flatten(record).values()])


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
