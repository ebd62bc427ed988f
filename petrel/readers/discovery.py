"""Which files to read, and as what: the inputs named on the command line, directories expanded."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePath

from petrel.errors import InputProblem, Problem
from petrel.readers.input_files import Report

STDIN = "-"


class InputFormat(str, Enum):
    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"
    TEXT = "text"
    HTML = "html"
    STDIN = "stdin"


FORMAT_BY_EXTENSION = {
    ".jsonl": InputFormat.JSONL,
    ".ndjson": InputFormat.JSONL,
    ".json": InputFormat.JSON,
    ".csv": InputFormat.CSV,
    ".txt": InputFormat.TEXT,
    ".text": InputFormat.TEXT,
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
}


@dataclass(frozen=True)
class InputFile:
    path: str
    format: InputFormat


def find_inputs(paths: Iterable[str | os.PathLike], report: Report) -> Iterator[InputFile]:
    """The files to read, in order: each path as given, directories expanded in place.

    A file named explicitly is read whatever its extension (unknown ones as plain text);
    inside a directory only the known extensions are read and hidden entries are ignored.
    Whether a named file exists is left to its reader, which reports it.
    """
    for given in paths:
        path = os.fspath(given)
        if path == STDIN:
            yield InputFile(STDIN, InputFormat.STDIN)
        elif os.path.isdir(path):
            yield from _files_in_directory(path, report)
        else:
            yield InputFile(path, format_of(path))


def format_of(path: str) -> InputFormat:
    return FORMAT_BY_EXTENSION.get(PurePath(path).suffix.lower(), InputFormat.TEXT)


def _files_in_directory(directory: str, report: Report) -> list[InputFile]:
    """The readable files under `directory`, sorted by their path inside it (like `find | sort`)."""

    def unreadable(error: OSError) -> None:
        report(InputProblem(error.filename or directory, None, Problem.UNREADABLE, {"error": str(error)}))

    found: list[tuple[tuple[str, ...], InputFile]] = []
    for folder, subfolders, names in os.walk(directory, onerror=unreadable):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            input_format = FORMAT_BY_EXTENSION.get(PurePath(name).suffix.lower())
            if input_format is None or name.startswith("."):
                continue
            path = os.path.join(folder, name)
            found.append((PurePath(os.path.relpath(path, directory)).parts, InputFile(path, input_format)))
    return [input_file for _, input_file in sorted(found, key=lambda entry: entry[0])]
