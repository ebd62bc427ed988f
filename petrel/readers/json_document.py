"""A .json file: one JSON array of article objects, or a single article object.

Many ".json" files are really JSON Lines: a file that does not parse as one document but whose
first lines are JSON objects on their own is read as JSON Lines. Any other file that does not
parse is one BAD_JSON problem, at the line of the syntax error.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator

from petrel.articles import Article
from petrel.errors import InputProblem, Problem
from petrel.readers.input_files import Report, read_document
from petrel.readers.jsonl import article_from_json_value, read_jsonl_lines
from petrel.readers.options import ReadOptions

_JSON_WHITESPACE = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()


def read_json_file(path: str, options: ReadOptions, report: Report) -> Iterator[Article]:
    """The articles of a .json file; problems name the line where the bad item starts."""
    text = read_document(path, options, report)
    if text is None:
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if _looks_like_jsonl(text):
            lines = enumerate(text.split("\n"), start=1)
            yield from read_jsonl_lines(lines, path, options, report)
        else:
            detail = f"{error.msg} at column {error.colno}"
            report(InputProblem(path, error.lineno, Problem.BAD_JSON, {"detail": detail}))
        return
    if isinstance(document, list):
        items = _array_items(text)
    else:
        items = [(_line_of(text, _skip_whitespace(text, 0)), document)]
    for line, value in items:
        article = article_from_json_value(value, path, line, options, report)
        if article is not None:
            yield article


def _looks_like_jsonl(text: str) -> bool:
    """Whether one of the first two non-blank lines is a JSON object on its own.

    Two, so that a JSON Lines file whose first line is broken is still read line by line,
    while a pretty-printed document (whose lines are "{" or "  \"text\": ...,") is not.
    """
    lines = (line for line in text.split("\n") if line.strip())
    for line in itertools.islice(lines, 2):
        try:
            if isinstance(json.loads(line), dict):
                return True
        except json.JSONDecodeError:
            pass
    return False


def _array_items(text: str) -> Iterator[tuple[int, object]]:
    """(line where it starts, value) for each item of `text`, a valid JSON array.

    The array is decoded a second time item by item, only to know where each item starts.
    """
    index = _skip_whitespace(text, _skip_whitespace(text, 0) + 1)  # past "["
    line, counted_to = 1, 0
    while text[index] != "]":
        value, end = _decoder.raw_decode(text, index)
        line += text.count("\n", counted_to, index)
        counted_to = index
        yield line, value
        index = _skip_whitespace(text, end)
        if text[index] == ",":
            index = _skip_whitespace(text, index + 1)


def _skip_whitespace(text: str, index: int) -> int:
    return _JSON_WHITESPACE.match(text, index).end()


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
