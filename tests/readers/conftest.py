"""Shared helpers for the reader tests: read inputs and collect what a user would see."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest

from petrel.articles import Article
from petrel.errors import InputProblem, Problem
from petrel.readers import ReadOptions, read_articles


@dataclass
class ReadResult:
    articles: list[Article]
    problems: list[InputProblem]

    @property
    def texts(self) -> list[str]:
        return [article.text for article in self.articles]

    def where(self) -> list[tuple[str, int | None, Problem]]:
        """Each problem as (path, line, reason), the way a user reads the messages."""
        return [(problem.path, problem.line, problem.problem) for problem in self.problems]


@pytest.fixture
def read_inputs():
    """Read `paths` as `petrel code` would; return the articles and every problem reported."""

    def read(*paths, options: ReadOptions = ReadOptions()) -> ReadResult:
        problems: list[InputProblem] = []
        articles = list(read_articles([str(path) for path in paths], options, report=problems.append))
        return ReadResult(articles, problems)

    return read


@pytest.fixture
def write_file(tmp_path):
    """Write `content` (str as UTF-8, or bytes as is) to tmp_path/name and return its path."""

    def write(name: str, content: str | bytes):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return write


class _FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


@pytest.fixture
def stdin_bytes(monkeypatch):
    """Put `data` on standard input, as `petrel code -` would receive it from a pipe."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", _FakeStdin(data))

    return feed
