"""Standard input ("-"): JSON Lines when it starts with "{", otherwise one plain-text article."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from typing import BinaryIO

from petrel.articles import Article
from petrel.errors import InputProblem, Problem
from petrel.readers.input_files import (
    ASCII_WHITESPACE,
    SNIFF_BYTES,
    UTF8_BOM,
    Report,
    decode_document,
    decoded_lines,
    sniff_problem,
)
from petrel.readers.jsonl import read_jsonl_lines
from petrel.readers.options import ReadOptions
from petrel.readers.plain_text import article_from_text

STDIN_NAME = "<stdin>"


def read_stdin(options: ReadOptions, report: Report) -> Iterator[Article]:
    """The articles on standard input.

    JSON Lines are streamed without a size limit (piping a large export is what "-" is for);
    a plain-text article is limited to `options.max_bytes`, like a file.
    """
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        report(InputProblem(STDIN_NAME, None, Problem.UNREADABLE, {"error": "no standard input"}))
        return
    head = _read_head(stream)
    problem = sniff_problem(STDIN_NAME, head)
    if problem is not None:
        report(problem)
        return
    if head.removeprefix(UTF8_BOM).lstrip(ASCII_WHITESPACE).startswith(b"{"):
        lines = decoded_lines(_lines_after(head, stream), STDIN_NAME, report)
        yield from read_jsonl_lines(lines, STDIN_NAME, options, report)
        return
    data = head + stream.read(max(0, options.max_bytes + 1 - len(head)))
    if len(data) > options.max_bytes:
        report(InputProblem(STDIN_NAME, None, Problem.TOO_LARGE, {"limit": options.max_bytes}))
        return
    text = decode_document(data, STDIN_NAME, report)
    if text is not None:
        yield from article_from_text(text, STDIN_NAME, options, report)


def _read_head(stream: BinaryIO) -> bytes:
    """At least the first 8 KiB, and on up to the first non-whitespace byte (or the end)."""
    head = stream.read(SNIFF_BYTES)
    while head and not head.removeprefix(UTF8_BOM).strip(ASCII_WHITESPACE):
        more = stream.read(SNIFF_BYTES)
        if not more:
            break
        head += more
    return head


def _lines_after(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of `head` followed by the rest of `stream`, split at b"\\n" as a file would be."""
    lines = io.BytesIO(head).readlines()
    partial = lines.pop() if lines and not lines[-1].endswith(b"\n") else b""
    yield from lines
    for line in stream:
        yield partial + line
        partial = b""
    if partial:
        yield partial
