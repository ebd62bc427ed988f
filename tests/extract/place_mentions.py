"""What the place tests share: `places_in`, the places `find_places` reads in a text, and
`one_mention`, the one mention of a name among them."""

from __future__ import annotations

import pytest

from petrel.extract.places import PlaceMention, find_places
from petrel.knowledge.places import default_gazetteer


@pytest.fixture(scope="module")
def places_in(nlp):
    """The places `find_places` reads in a text, checking that each mention points at its words."""
    gazetteer = default_gazetteer()

    def places_in(text: str, context: tuple[str, ...] | dict[str, set[str]] = ()) -> list[PlaceMention]:
        mentions = find_places(nlp(text), gazetteer, context)
        for mention in mentions:
            assert text[mention.start_char : mention.end_char] == mention.text
        return mentions

    return places_in


def one_mention(mentions: list[PlaceMention], text: str) -> PlaceMention:
    """The only mention whose words are `text`."""
    found = [m for m in mentions if m.text == text]
    assert len(found) == 1, [m.text for m in mentions]
    return found[0]
