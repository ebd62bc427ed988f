"""Plain text files: the whole file is one article, dated with `--date`."""

from __future__ import annotations

from collections.abc import Iterator

from petrel.articles import Article
from petrel.errors import InputProblem, Problem
from petrel.readers.input_files import Report, read_document
from petrel.readers.options import ReadOptions


def read_text_file(path: str, options: ReadOptions, report: Report) -> Iterator[Article]:
    """The one article of a text file; its id is the hash of its text."""
    text = read_document(path, options, report)
    if text is not None:
        yield from article_from_text(text, path, options, report)


def article_from_text(text: str, path: str, options: ReadOptions, report: Report) -> Iterator[Article]:
    """`text` exactly as read (line endings and surrounding space kept, so offsets match)."""
    if not text.strip():
        report(InputProblem(path, None, Problem.EMPTY))
        return
    yield Article(text=text, date=options.publication_date, origin=path)
