"""Shared fixtures for the extraction tests: the spaCy pipeline, loaded once, and `coded`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from petrel.nlp import load_pipeline
from petrel.pipeline import code_articles
from petrel.records import Event


@pytest.fixture(scope="session")
def nlp():
    """petrel's spaCy pipeline (cached per process by `load_pipeline`)."""
    return load_pipeline()


@pytest.fixture(scope="session")
def coded(nlp) -> Callable[[str], list[Event]]:
    """Code one article text end to end, as `petrel code` would; return its events in order."""

    def coded(text: str) -> list[Event]:
        return [record for record in code_articles([text]) if isinstance(record, Event)]

    return coded
