"""Shared fixtures for the extraction tests: the spaCy pipeline, loaded once, `coded`, and
`actor_of` (the actor of one phrase of a text)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from petrel.extract.actors import ActorMatcher, ArticleActors
from petrel.knowledge.actor_tables import default_actor_knowledge
from petrel.nlp import load_pipeline
from petrel.pipeline import code_articles
from petrel.records import Actor, Event


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


@pytest.fixture(scope="module")
def actor_of(nlp):
    """The actor of the phrase headed by the `occurrence`-th token `head` in an article `text`."""
    matcher = ActorMatcher(nlp, default_actor_knowledge())

    def actor_of(text: str, head: str, occurrence: int = 0) -> Actor | None:
        doc = nlp(text)
        actors = ArticleActors(doc, matcher.find(doc))
        token = [t for t in doc if t.text == head][occurrence]
        actor = actors.actor_for(token)
        if actor is not None:
            assert text[actor.start : actor.end] == actor.text
        return actor

    return actor_of
