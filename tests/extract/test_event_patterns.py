"""Which lexicon pattern a trigger word matches (petrel/extract/event_patterns.py)."""

from __future__ import annotations

import pytest

from petrel.extract.event_patterns import verb_pattern
from petrel.knowledge.event_lexicon import default_event_lexicon

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def matched(nlp):
    """The CAMEO code of the pattern the verb `word` of a sentence matches, and the object matched on."""
    lexicon = default_event_lexicon()

    def matched(text: str, word: str) -> tuple[str, str | None] | None:
        verb = next(t for t in nlp(text) if t.text == word)
        found = verb_pattern(verb, lexicon)
        if found is None:
            return None
        pattern, obj = found
        return pattern.cameo, obj.text if obj is not None else None

    return matched


@pytest.mark.parametrize("sentence, verb, expected", [
    ("Japan sent 500 tons of food to Haiti.", "sent", ("073", "tons")),  # an amount is what it is of
    ("Australia provided $2 million in assistance to Fiji.", "provided", ("070", "million")),
    ("Iran has supplied the Houthi rebels with missiles and drones.", "supplied", ("072", "missiles")),  # (not the rebels)
    ("Russian missiles struck Kyiv overnight.", "struck", ("194", "Kyiv")),  # the weapon the pattern asks for
])  # fmt: skip
def test_a_verb_matches_the_pattern_its_object_or_weapon_names(matched, sentence, verb, expected):
    assert matched(sentence, verb) == expected


@pytest.mark.parametrize("sentence, cameo, dyad", [
    ("Russian missiles struck Kyiv overnight.", "194", ("RUS", "UKRGOV")),
    ("The missiles fired by the Israeli military struck an arms depot of the Syrian army.", "194", ("ISRMIL", "SYRMIL")),
    ("Israeli warplanes pounded Rafah on Tuesday.", "195", ("ISR", "PSE")),
])  # fmt: skip
def test_a_weapon_that_strikes_is_an_attack_by_whoever_it_belongs_to(coded, sentence, cameo, dyad):
    event = next(e for e in coded(sentence) if e.cameo == cameo and e.target is not None)
    assert (event.source.code, event.target.code) == dyad


def test_an_excluded_object_rules_a_pattern_out(coded):
    assert not [e for e in coded("Germany is helping Liberia fight the Ebola epidemic.") if e.cameo_root == "19"]
