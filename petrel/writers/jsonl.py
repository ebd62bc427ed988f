"""JSON Lines output: one record a line, exactly the output contract (`record_to_dict`)."""

from __future__ import annotations

import json

from petrel.records import Event, Figure, record_to_dict
from petrel.writers.text_output import TextStreamWriter


class JsonLinesWriter(TextStreamWriter):
    """Writes records as JSON Lines to a file (truncated) or, for None / "-", to stdout.

    On stdout every record is flushed at once, so a consumer sees it and a crash loses
    nothing already written; a file is flushed on close.
    """

    def _write_record(self, record: Event | Figure) -> None:
        self._stream.write(json.dumps(record_to_dict(record), ensure_ascii=False) + "\n")
