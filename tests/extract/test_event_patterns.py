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


@pytest.mark.parametrize("sentence, verb", [
    ("Britain is deploying 300 troops to the UN peacekeeping mission in Mali.", "deploying"),
    ("Japan is sending troops to the United Nations peacekeeping force in South Sudan.", "sending"),
    ("About 2,000 Russian soldiers were deployed as peacekeepers along the corridor.", "deployed"),
    ("The army sent 200 troops to Syria to serve as a peacekeeping force.", "sent"),
])
def test_troops_sent_as_or_to_peacekeepers_are_peacekeeping(matched, sentence, verb):
    assert matched(sentence, verb)[0] == "074"


def test_troops_sent_to_a_border_are_a_deployment_not_peacekeeping(matched):
    assert matched("Russia deployed troops to the border with Ukraine.", "deployed")[0] == "154"


def test_a_deployment_on_a_peacekeeping_mission_is_peacekeeping(coded):
    events = coded("Nigeria announced the deployment of 230 troops to Liberia on a peacekeeping mission.")
    assert [(e.cameo, e.target.code) for e in events if e.trigger.text == "deployment"] == [("074", "LBR")]


@pytest.mark.parametrize("sentence, cameo, source", [
    ("Some 160 Chinese peacekeepers arrived in South Sudan on Thursday.", "074", "CHNMIL"),
    ("Hundreds of British troops have arrived in Mali to join the UN peacekeeping mission there.", "074", "GBRMIL"),
    ("US troops arrived in Poland on Monday.", "154", "USAMIL"),
    ("Blinken arrived in Cairo on Monday.", "042", "USAGOV"),
])
def test_troops_arriving_are_deployed_and_only_envoys_visit(coded, sentence, cameo, source):
    events = [e for e in coded(sentence) if e.trigger.text.startswith("arriv")]
    assert [(e.cameo, e.source.code) for e in events] == [(cameo, source)]


@pytest.mark.parametrize("sentence, verb, expected", [
    ("Residents gathered outside City Hall to demand financial aid.", "gathered", "141"),
    ("Survivors gathered in Mostar, demanding an end to the attacks.", "gathered", "141"),
    ("Dozens of fishermen displayed banners at the port.", "displayed", "141"),
    ("People gathered in Cubelles to defend the Catalan school model.", "gathered", "141"),
    ("Thousands gathered on Sunday against the invasion.", "gathered", "141"),
])
def test_gathering_to_demand_and_showing_banners_are_demonstrations(matched, sentence, verb, expected):
    assert matched(sentence, verb)[0] == expected


def test_gathering_for_a_summit_is_no_demonstration(matched):
    assert matched("EU leaders gathered in Brussels for a summit.", "gathered") is None


@pytest.mark.parametrize("sentence, expected", [
    ("FDA officials said they agree with the recommendation.", "019"),
    ("The government agreed with the Senate that the law should change.", "019"),
    ("Russia agreed with Turkey to set up a buffer zone in Idlib.", "030"),
    ("Turkey agreed with Kenya on a new trade deal.", "030"),
])
def test_agreeing_with_a_view_is_accord_and_agreeing_on_an_act_an_agreement(matched, sentence, expected):
    verb = "agree" if " agree " in sentence else "agreed"
    assert matched(sentence, verb)[0] == expected
