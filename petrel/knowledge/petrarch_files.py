"""Reading PETRARCH-2/TABARI dictionary files (verbs, actors, agents): bytes to numbered lines."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from petrel.errors import DataFileError


def read_dictionary_lines(path: Path, what: str, fix: str) -> list[str]:
    """The lines of a dictionary file; a missing or binary file is a DataFileError naming it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataFileError(str(path), None, f"cannot be read ({error.strerror})", fix="check the path") from None
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise DataFileError(str(path), line, f"is a binary file, not {what}", fix=fix)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # TABARI-era dictionaries were written in Latin-1
    return text.split("\n")  # not splitlines(): line numbers must count what editors count


def skipped_count(skipped: dict[Enum, list[int]]) -> int:
    return sum(len(lines) for lines in skipped.values())


def skipped_summary(skipped: dict[Enum, list[int]]) -> str:
    """", skipped 12 (9 <reason>; 3 <reason>)": what an import left out, commonest reason first."""
    by_count = sorted(skipped.items(), key=lambda item: -len(item[1]))
    reasons = "; ".join(f"{len(lines)} {reason.value}" for reason, lines in by_count)
    return f", skipped {skipped_count(skipped)}" + (f" ({reasons})" if reasons else "")
