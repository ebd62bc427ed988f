"""Opening the text stream that JSON Lines and CSV writers write to."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from petrel.errors import OutputFileError

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
