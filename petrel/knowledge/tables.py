"""Reading petrel's tab-separated knowledge files: comments, header check, line numbers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from petrel.errors import DataFileError


def read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row of a TSV file with `columns` as its header.

    Lines starting with "#" and blank lines are skipped. A missing or different header, or a row
    with too many cells, is a DataFileError naming the file and line.
    """
    header_seen = False
    with open(path, encoding="utf-8") as handle:
        for line_number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = [cell.strip() for cell in line.split("\t")]
            if not header_seen:
                if tuple(cells) != columns:
                    raise DataFileError(
                        str(path), line_number,
                        f"header must be {' | '.join(columns)} (tab-separated), found {' | '.join(cells)}",
                    )
                header_seen = True
                continue
            if len(cells) > len(columns):
                raise DataFileError(str(path), line_number, f"{len(cells)} cells, expected at most {len(columns)}")
            cells += [""] * (len(columns) - len(cells))
            yield line_number, dict(zip(columns, cells))
    if not header_seen:
        raise DataFileError(str(path), None, "file has no header line")


def split_items(value: str) -> list[str]:
    """Items of a "|"-separated cell."""
    return [item.strip() for item in value.split("|") if item.strip()]
