"""What a caller can tell the readers: the publication date to assume and the size limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class ReadOptions:
    """How input files are read.

    `publication_date` (`--date`) is the date of plain-text articles, of HTML pages whose
    metadata gives none, and of JSON/CSV rows without a usable date of their own.
    `max_bytes` (`--max-bytes`): any input file larger than this is skipped as TOO_LARGE,
    whatever its format, so one limit means the same thing for every file.
    """

    publication_date: date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
