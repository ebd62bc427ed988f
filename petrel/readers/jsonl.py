"""JSON Lines: one JSON object per line, `{"text": ..., "id", "date", "title", "source", "url"}`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from petrel.articles import Article
from petrel.errors import InputProblem, Problem
from petrel.readers.fields import article_from_row
from petrel.readers.input_files import Report, decoded_lines, open_input
from petrel.readers.options import ReadOptions


def read_jsonl_file(path: str, options: ReadOptions, report: Report) -> Iterator[Article]:
    """The articles of a JSON Lines file, read one line at a time (never the whole file)."""
    stream = open_input(path, options, report)
    if stream is None:
        return
    with stream:
        yield from read_jsonl_lines(decoded_lines(stream, path, report), path, options, report)


def read_jsonl_lines(
    lines: Iterable[tuple[int, str]], path: str, options: ReadOptions, report: Report
) -> Iterator[Article]:
    """The articles of numbered JSON lines; blank lines are ignored, bad lines reported and skipped."""
    for number, line in lines:
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            detail = f"{error.msg} at column {error.colno}"
            report(InputProblem(path, number, Problem.BAD_JSON, {"detail": detail}))
            continue
        article = article_from_json_value(value, path, number, options, report)
        if article is not None:
            yield article


def article_from_json_value(
    value: object, path: str, line: int | None, options: ReadOptions, report: Report
) -> Article | None:
    """The Article of one parsed JSON value, or None (reported) when it is not an article object."""
    if not isinstance(value, dict):
        report(InputProblem(path, line, Problem.NOT_AN_OBJECT))
        return None
    return article_from_row(value, path, line, options, report)
