"""Who does an event when the subject of its verb does not say it (petrel/extract/event_sources.py).

Each test codes one wire-style sentence with `coded` and checks the source a user reads: the one
who carries out a noun event, the attacker behind a violent act told in the passive, and no one
for what disasters and accidents do.
"""

from __future__ import annotations

import pytest

from tests.extract.coded_events import the_event

pytestmark = pytest.mark.slow


def test_their_assault_is_the_assault_of_who_began_it(coded):
    event = the_event(coded("The Syrian army intensified its bombardment of rebel-held areas in southern Damascus."), "194")
    assert (event.source.text, event.source.code, event.evidence["source_from"]) == ("The Syrian army", "SYRMIL", "poss:subject")
    arrest = [e for e in coded("A Dutch court approved the extradition of the suspect two months after his arrest.") if e.cameo == "173"]
    assert all(e.source is None or e.source.text != "A Dutch court" for e in arrest)  # a court is no "he"


def test_who_staged_a_protest_is_its_source(coded):
    event = the_event(coded("Kenyan activists staged a protest in Nairobi on Wednesday."), "141")
    assert event.source.country == "KEN"


def test_who_pays_a_visit_makes_it(coded):
    event = the_event(coded("The Japanese ambassador paid a courtesy visit to the Speaker of parliament on Monday."), "042")
    assert event.source.code == "JPNGOV"


def test_who_expresses_sorrow_for_an_attack_did_not_carry_it_out(coded):
    shooting = [e for e in coded("President Obama expressed sorrow for the horrific shootings in South Carolina.") if e.trigger.text == "shootings"]
    assert [e.source for e in shooting] in ([], [None])
    talks = [e for e in coded("Blinken arrived in Cairo for talks with Egyptian officials.") if e.cameo == "040"]
    assert {(e.source.text, e.target.text) for e in talks} == {  # who arrives for talks takes part in them
        ("Blinken", "Egyptian officials"), ("Egyptian officials", "Blinken"),
    }


def test_who_was_killed_in_an_attack_was_killed_by_the_attacker(coded):
    event = the_event(coded("Five people were killed in an Israeli air strike on Rafah."), "190")
    assert (event.source.code, event.target.text) == ("ISR", "Five people")
    killing = [e for e in coded("Two soldiers were killed in an attack by Hamas militants.") if e.trigger.text == "killed"]
    assert [e.source.text for e in killing] == ["Hamas militants"]


def test_who_was_killed_when_someone_attacked_was_killed_by_the_attacker(coded):
    killing = [e for e in coded("Six villagers were killed when Russian forces shelled the town.") if e.trigger.text == "killed"]
    assert [(e.source.code, e.evidence["source_from"]) for e in killing] == [("RUSMIL", "when:nsubj")]
    killing = [e for e in coded("Two brothers were killed when an Israeli drone struck their car in Gaza City.") if e.trigger.text == "killed"]
    assert [e.source.country for e in killing] == ["ISR"]


@pytest.mark.parametrize("sentence", [
    "Three children were killed in Israeli tank shelling near Khan Younis, medics said.",
    "Two women were killed in Russian artillery shelling of the town overnight.",
])  # fmt: skip
def test_who_was_killed_in_national_shelling_was_killed_by_that_country(coded, sentence):
    # the small pipeline splits "Israeli tank shelling" into an object of "in" and a verb
    killing = [e for e in coded(sentence) if e.cameo == "190"]
    assert [e.source.country for e in killing] == ["ISR" if "Israeli" in sentence else "RUS"]
    shelling = the_event(coded(sentence), "194")
    assert shelling.source.country == killing[0].source.country


def test_the_victims_of_shelling_do_not_shell(coded):
    shelling = the_event(coded("Four soldiers died in Russian shelling near Avdiivka on Sunday."), "194")
    assert shelling.source.country == "RUS"
    assert "soldiers" not in shelling.source.text


def test_rockets_fired_from_a_place_are_coded_as_that_places(coded):
    event = the_event(coded("Two rockets were fired from Lebanon into northern Israel overnight."), "194")
    assert (event.source.code, event.target.code, event.evidence["source_from"]) == ("LBN", "ISR", "origin:prep:from")
    fired = [e for e in coded("A rocket fired from Gaza struck a house in Sderot.") if e.trigger.text == "fired"]
    assert [(e.source.code, e.target) for e in fired] == [("PSE", None)]  # where it came from is not where it went


def test_an_earthquake_striking_is_no_attack(coded):
    assert coded("An earthquake struck the region on Tuesday.") == []


@pytest.mark.parametrize("sentence", [
    "The earthquake killed 40 people in the region.",
    "Four victims were killed by the plane crash.",
    "A storm destroyed dozens of homes in the province.",
])  # fmt: skip
def test_what_disasters_and_accidents_do_is_no_ones_act(coded, sentence):
    assert coded(sentence) == []


@pytest.mark.parametrize(
    "sentence, cameo, source, target",
    [
        ("The base came under attack from Houthi rebels on Sunday.", "190", "YEMREB", "The base"),
        ("The defence minister faced criticism from opposition lawmakers.", "111", "LEG", "The defence minister"),
        ("Palestinian farmers were subjected to attacks by settlers.", "190", "CVL", "Palestinian farmers"),
        ("Kyiv received a visit from Blinken on Tuesday.", "042", "USAGOV", "Kyiv"),
    ],
)
def test_who_undergoes_a_noun_event_is_its_target_not_its_source(coded, sentence, cameo, source, target):
    event = the_event(coded(sentence), cameo)
    assert (event.source.code, event.target.text) == (source, target)
    assert event.evidence["target_from"].startswith("undergone:")


def test_criticism_faced_over_an_act_has_no_critic_named(coded):
    event = the_event(coded("Israel faced international criticism over the raid."), "111")
    assert (event.source, event.target.code) == (None, "ISR")


def test_who_announces_a_policy_act_carries_it_out(coded):
    event = the_event(coded("Denmark announced a suspension of aid to Egypt on Tuesday."), "162")
    assert (event.source.code, event.target.code) == ("DNK", "EGY")
