"""A store coded from the bundled sample articles, plus a syndicated copy of one of them.

Built once per test session with the real pipeline (slow: loads spaCy). Tests that change a
store copy it first (`store_copy`); the session store is opened read-only.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from petrel.articles import Article
from petrel.readers.fields import article_from_fields
from petrel.store import EventStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
IDLIB_ID = "2024-09-26-idlib-air-strikes"


def sample_articles() -> list[Article]:
    with open(EXAMPLES / "articles.jsonl", encoding="utf-8") as lines:
        return [article_from_fields(json.loads(line), origin=f"articles.jsonl:{n}") for n, line in enumerate(lines, 1)]


def syndicated_copy(original: Article) -> Article:
    """What a second outlet runs: its own headline and id, a credit line, one sentence added."""
    return dataclasses.replace(
        original,
        id="wire-copy-idlib",
        title="Syria: dozens dead as warplanes strike Idlib market town",
        source="Petrel wire copy (invented)",
        text=original.text + " Local officials said schools in Ariha would stay closed until Sunday.",
    )


def code(articles: list[Article]) -> list[tuple[Article, list]]:
    from petrel.pipeline import default_coder

    return list(zip(articles, default_coder().code_batch(articles)))


@pytest.fixture(scope="session")
def coded_samples() -> list[tuple[Article, list]]:
    """The six sample articles, coded."""
    return code(sample_articles())


@pytest.fixture(scope="session")
def coded_copy(coded_samples) -> list[tuple[Article, list]]:
    """The syndicated copy of the Idlib sample, coded."""
    idlib = next(article for article, _ in coded_samples if article.id == IDLIB_ID)
    return code([syndicated_copy(idlib)])


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, coded_samples, coded_copy) -> Path:
    """A store holding the six samples, then the wire copy (stored in a second run)."""
    path = tmp_path_factory.mktemp("store") / "samples.duckdb"
    with EventStore(path) as store:
        store.ingest(coded_samples)
        store.ingest(coded_copy)
    return path


@pytest.fixture
def store_copy(sample_store, tmp_path) -> Path:
    """A copy of the sample store that a test may change."""
    path = tmp_path / "store.duckdb"
    shutil.copy(sample_store, path)
    return path
