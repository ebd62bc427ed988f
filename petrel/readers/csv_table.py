"""CSV tables: a header row naming the columns (text, and optionally id, date, title, source, url)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from petrel.articles import Article
from petrel.errors import InputProblem, Problem
from petrel.readers.fields import ARTICLE_FIELDS, article_from_row
from petrel.readers.input_files import Report, encoding_problem, open_input, utf8_lines
from petrel.readers.options import ReadOptions

# csv refuses fields over 128 KiB by default; a field can never be longer than the file.
_LARGEST_FIELD_LIMIT = 2**31 - 1


def read_csv_file(path: str, options: ReadOptions, report: Report) -> Iterator[Article]:
    """The articles of a CSV file, one row at a time.

    Rows are parsed strictly: a row the csv module cannot parse is one BAD_CSV problem at the
    line where it starts, and reading goes on with the next line. Line numbers are physical
    lines, so a row whose quoted text spans lines 4-9 is "line 4".
    """
    stream = open_input(path, options, report)
    if stream is None:
        return
    csv.field_size_limit(max(csv.field_size_limit(), min(options.max_bytes, _LARGEST_FIELD_LIMIT)))
    with stream:
        lines = _CsvLines(stream)
        yield from _read_rows(csv.reader(lines, strict=True), lines, path, options, report)


class _CsvLines:
    """Lines of a CSV file decoded for the csv module, remembering those that were not UTF-8.

    A bad line is passed on decoded with replacement characters, so that the csv module keeps
    its place; the row containing it is then skipped and reported.
    """

    def __init__(self, raw_lines: Iterable[bytes]):
        self._raw_lines = raw_lines
        self.bad_lines: dict[int, int] = {}  # line number -> file offset of its first bad byte

    def __iter__(self) -> Iterator[str]:
        for number, text, bad_offset in utf8_lines(self._raw_lines):
            if bad_offset is not None:
                self.bad_lines[number] = bad_offset
            yield text

    def first_bad_line(self, first: int, last: int) -> int | None:
        return next((number for number in range(first, last + 1) if number in self.bad_lines), None)


def _read_rows(reader, lines: _CsvLines, path: str, options: ReadOptions, report: Report) -> Iterator[Article]:
    rows = _numbered_rows(reader, lines, path, report)
    header = next(rows, None)
    if header is None:
        return
    columns = _column_positions(header[1])
    if "text" not in columns:
        found = ", ".join(name.strip().lstrip("\ufeff") for name in header[1])
        report(InputProblem(path, None, Problem.CSV_NO_TEXT_COLUMN, {"columns": found}))
        return
    for line, row in rows:
        fields = {name: row[position] for name, position in columns.items() if position < len(row)}
        article = article_from_row(fields, path, line, options, report)
        if article is not None:
            yield article


def _numbered_rows(reader, lines: _CsvLines, path: str, report: Report) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, cells) for each readable non-blank row; the others are reported.

    The first row is the header: when it cannot be read, neither can the rest of the file.
    """
    header_read = False
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            report(InputProblem(path, first, Problem.BAD_CSV, {"detail": str(error)}))
            if not header_read or reader.line_num < first:  # nothing consumed: it would repeat
                return
            continue
        bad_line = lines.first_bad_line(first, reader.line_num)
        if bad_line is not None:
            report(encoding_problem(path, bad_line, lines.bad_lines[bad_line]))
            if not header_read:
                return
            continue
        if row:
            header_read = True
            yield first, row


def _column_positions(header: list[str]) -> dict[str, int]:
    """Where each article field is in the row; names match case-insensitively, first one wins."""
    positions: dict[str, int] = {}
    for position, name in enumerate(header):
        key = name.strip().lstrip("\ufeff").strip().lower()
        if key in ARTICLE_FIELDS and key not in positions:
            positions[key] = position
    return positions
