"""Opening one input file: the checks every format shares, and strict UTF-8 decoding.

A file is only handed to a format reader once it is known to exist, to be a regular file
within the size limit, and to look like text. Every reason it is not is reported here, so
each format reader only deals with problems inside the text.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from petrel.errors import InputProblem, Problem
from petrel.readers.options import ReadOptions

Report = Callable[[InputProblem], None]

UTF8_BOM = b"\xef\xbb\xbf"
# UTF-16/32 text is full of NUL bytes; name the real problem (encoding) instead of "binary".
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SNIFF_BYTES = 8192
ASCII_WHITESPACE = b" \t\r\n\f\v"


def encoding_problem(path: str, line: int | None, offset: int) -> InputProblem:
    return InputProblem(path, line, Problem.ENCODING, {"offset": offset})


def open_input(path: str, options: ReadOptions, report: Report) -> BinaryIO | None:
    """Open `path` as a binary stream positioned at its start, or report why not and return None.

    A returned stream is a regular file no larger than `options.max_bytes`, with some
    non-whitespace content and no NUL byte in its first 8 KiB.
    """
    try:
        status = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        report(InputProblem(path, None, Problem.NOT_FOUND))
        return None
    except OSError as error:
        report(InputProblem(path, None, Problem.UNREADABLE, {"error": str(error)}))
        return None
    # Checked before opening: opening a FIFO would block until something writes to it.
    if not stat.S_ISREG(status.st_mode):
        report(InputProblem(path, None, Problem.UNREADABLE, {"error": "not a regular file"}))
        return None
    if status.st_size > options.max_bytes:
        report(InputProblem(path, None, Problem.TOO_LARGE, {"limit": options.max_bytes}))
        return None
    try:
        stream = open(path, "rb")
    except OSError as error:
        report(InputProblem(path, None, Problem.UNREADABLE, {"error": str(error)}))
        return None
    try:
        problem = sniff_problem(path, stream.read(SNIFF_BYTES), stream)
        stream.seek(0)
    except OSError as error:
        problem = InputProblem(path, None, Problem.UNREADABLE, {"error": str(error)})
    if problem is not None:
        stream.close()
        report(problem)
        return None
    return stream


def sniff_problem(path: str, head: bytes, stream: BinaryIO | None = None) -> InputProblem | None:
    """Why input starting with `head` is not text worth reading, or None when it is.

    When `head` is only whitespace, `stream` (positioned after it) is read on until the first
    non-whitespace byte, to tell an empty file from one with a long blank prefix.
    """
    if head.startswith(UTF16_BOMS):
        return encoding_problem(path, None, 0)
    if b"\0" in head:
        return InputProblem(path, None, Problem.BINARY)
    if not has_content(head, stream):
        return InputProblem(path, None, Problem.EMPTY)
    return None


def has_content(head: bytes, stream: BinaryIO | None) -> bool:
    chunk = head.removeprefix(UTF8_BOM)
    while chunk:
        if chunk.strip(ASCII_WHITESPACE):
            return True
        chunk = stream.read(SNIFF_BYTES) if stream is not None else b""
    return False


def decode_document(data: bytes, path: str, report: Report) -> str | None:
    """`data` decoded strictly as UTF-8, without a leading BOM; None (reported) if it is not UTF-8."""
    body = data.removeprefix(UTF8_BOM)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        report(encoding_problem(path, None, len(data) - len(body) + error.start))
        return None


def read_document(path: str, options: ReadOptions, report: Report) -> str | None:
    """The whole text of a one-document file (.txt, .html, .json), or None when it was reported."""
    stream = open_input(path, options, report)
    if stream is None:
        return None
    with stream:
        data = stream.read()
    return decode_document(data, path, report)


def utf8_lines(raw_lines: Iterable[bytes]) -> Iterator[tuple[int, str, int | None]]:
    """(1-based line number, text, file offset of its first bad byte or None) for each line.

    A leading BOM is dropped; a line that is not UTF-8 comes decoded with replacement
    characters, with the offset saying where it went wrong.
    """
    offset = 0
    for number, raw in enumerate(raw_lines, start=1):
        body = raw.removeprefix(UTF8_BOM) if number == 1 else raw
        try:
            yield number, body.decode("utf-8"), None
        except UnicodeDecodeError as error:
            yield number, body.decode("utf-8", errors="replace"), offset + len(raw) - len(body) + error.start
        offset += len(raw)


def decoded_lines(raw_lines: Iterable[bytes], path: str, report: Report) -> Iterator[tuple[int, str]]:
    """(1-based line number, text) for each line that is valid UTF-8, line endings kept.

    A line that is not UTF-8 is reported (with the file offset of its first bad byte) and
    skipped; the lines after it are still read.
    """
    for number, text, bad_offset in utf8_lines(raw_lines):
        if bad_offset is None:
            yield number, text
        else:
            report(encoding_problem(path, number, bad_offset))
