"""Opening the text stream that JSON Lines and CSV writers write to."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from petrel.errors import OutputFileError
from petrel.records import Event, Figure
from petrel.writers.record_writer import ClosingWriter

STDOUT_NAMES = (None, "-")


def is_stdout(destination: str | Path | None) -> bool:
    """None and "-" mean standard output."""
    return destination in STDOUT_NAMES


def open_text_output(destination: str | Path | None) -> tuple[TextIO, bool]:
    """The stream to write to and whether it is stdout (never closed by the writer).

    A file is opened directly (no temporary file), truncating it, so what was written
    before a crash is still there.
    """
    if is_stdout(destination):
        return sys.stdout, True
    try:
        return open(destination, "w", encoding="utf-8", newline=""), False
    except OSError as error:
        raise OutputFileError(str(destination), error.strerror or str(error)) from None


class TextStreamWriter(ClosingWriter):
    """A writer of text lines to a file or stdout: stdout is flushed after every record
    (a consumer sees it at once, a crash loses nothing written), a file on close.
    Subclasses implement `_write_record`."""

    def __init__(self, destination: str | Path | None):
        super().__init__()
        self._stream, self._is_stdout = open_text_output(destination)

    def _write_record(self, record: Event | Figure) -> None:
        raise NotImplementedError

    def _write(self, record: Event | Figure) -> None:
        self._write_record(record)
        if self._is_stdout:
            self._stream.flush()

    def _close(self) -> None:
        if self._is_stdout:
            self._stream.flush()
        else:
            self._stream.close()
