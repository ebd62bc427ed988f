"""How many articles an input holds, roughly and cheaply: for the progress bar's ETA."""

from __future__ import annotations

import os
from collections.abc import Iterable

from petrel.readers.discovery import InputFormat, find_inputs

_ONE_ARTICLE = (InputFormat.TEXT, InputFormat.HTML)
_ONE_PER_LINE = (InputFormat.JSONL, InputFormat.CSV)
_CHUNK = 1 << 20


def _count_lines(path: str) -> int:
    lines = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            lines += chunk.count(b"\n")
    return lines


def estimate_article_count(paths: Iterable[str | os.PathLike]) -> int | None:
    """About how many articles `paths` hold, or None when it cannot be told (stdin, JSON arrays).

    JSON Lines count one per line and CSV one per line after the header (a CSV text spanning
    lines makes this an over-estimate); other files count one. Unreadable files count zero:
    their readers report them.
    """
    total = 0
    for found in find_inputs(paths, report=lambda problem: None):
        if found.format in _ONE_ARTICLE:
            total += 1
        elif found.format in _ONE_PER_LINE:
            try:
                lines = _count_lines(found.path)
            except OSError:
                continue
            total += max(lines - (found.format is InputFormat.CSV), 0)
        else:
            return None
    return total
