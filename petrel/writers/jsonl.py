"""JSON Lines output: one record a line, exactly the output contract (`record_to_dict`)."""

from __future__ import annotations

import json
from pathlib import Path

from petrel.records import Event, Figure, record_to_dict
from petrel.writers.record_writer import ClosingWriter
from petrel.writers.text_output import open_text_output


class JsonLinesWriter(ClosingWriter):
    """Writes records as JSON Lines to a file (truncated) or, for None / "-", to stdout.

    On stdout every record is flushed at once, so a consumer sees it and a crash loses
    nothing already written; a file is flushed on close.
    """

    def __init__(self, destination: str | Path | None):
        super().__init__()
        self._stream, self._is_stdout = open_text_output(destination)

    def _write(self, record: Event | Figure) -> None:
        self._stream.write(json.dumps(record_to_dict(record), ensure_ascii=False) + "\n")
        if self._is_stdout:
            self._stream.flush()

    def _close(self) -> None:
        if self._is_stdout:
            self._stream.flush()
        else:
            self._stream.close()
