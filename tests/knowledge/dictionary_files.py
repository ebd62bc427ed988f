"""Hand-written PETRARCH/TABARI dictionary snippets for the importer tests."""

from __future__ import annotations

import textwrap
from pathlib import Path


def write_dictionary(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    """The number of the first line of `path` that contains `fragment`."""
    lines = path.read_text(encoding="latin-1").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if fragment in line)
