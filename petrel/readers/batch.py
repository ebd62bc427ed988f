"""Reading a batch of inputs — files, directories and stdin — as one lazy stream of articles."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator

from petrel.articles import Article
from petrel.errors import InputProblem, Problem
from petrel.readers.csv_table import read_csv_file
from petrel.readers.discovery import STDIN, InputFormat, find_inputs
from petrel.readers.html_page import read_html_file
from petrel.readers.input_files import Report
from petrel.readers.json_document import read_json_file
from petrel.readers.jsonl import read_jsonl_file
from petrel.readers.options import ReadOptions
from petrel.readers.plain_text import read_text_file
from petrel.readers.stdin import STDIN_NAME, read_stdin

logger = logging.getLogger("petrel.readers")

READERS: dict[InputFormat, Callable[[str, ReadOptions, Report], Iterator[Article]]] = {
    InputFormat.JSONL: read_jsonl_file,
    InputFormat.JSON: read_json_file,
    InputFormat.CSV: read_csv_file,
    InputFormat.TEXT: read_text_file,
    InputFormat.HTML: read_html_file,
    InputFormat.STDIN: lambda _path, options, report: read_stdin(options, report),
}


def log_problem(problem: InputProblem) -> None:
    """The default `report`: a warning on the "petrel.readers" logger (stderr unless configured)."""
    logger.warning("%s", problem)


def read_articles(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    options: ReadOptions = ReadOptions(),
    report: Callable[[InputProblem], None] = log_problem,
) -> Iterator[Article]:
    """The articles in `paths` (files, directories, "-" for stdin), read lazily, in order.

    Never raises for bad input: each problem is passed to `report` once, with the path and,
    where there is one, the 1-based line, and reading goes on with the next item. Files over
    `options.max_bytes` are skipped whatever their format; JSON Lines and CSV are streamed
    row by row, other formats are one document each. A single path may be passed bare.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for input_file in find_inputs(paths, report):
        try:
            yield from READERS[input_file.format](input_file.path, options, report)
        except OSError as error:  # the disk failed mid-file: that file stops, the batch goes on
            shown = STDIN_NAME if input_file.path == STDIN else input_file.path
            report(InputProblem(shown, None, Problem.UNREADABLE, {"error": str(error)}))
