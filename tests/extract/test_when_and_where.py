"""The stage after events: the countries an event's actors take from its places."""

from __future__ import annotations

import pytest

from tests.extract.coded_events import the_event

pytestmark = pytest.mark.slow


def test_civilians_killed_where_an_attack_happened_are_its_people(coded):
    event = the_event(coded("Two women were killed in an air strike on a market in Idlib on Tuesday."), "190")
    assert (event.target.text, event.target.code) == ("Two women", "SYRCVL")
    assert event.evidence["target_country_from"] == "location"


def test_the_country_a_text_names_for_civilians_stays(coded):
    event = the_event(coded("Russian forces detained three Ukrainian civilians in Kherson on Monday."), "173")
    assert event.target.code == "UKRCVL"
    assert "target_country_from" not in event.evidence


def test_who_attacks_is_not_given_the_country_of_the_place_attacked(coded):
    event = the_event(coded("Gunmen killed five villagers in Zamfara on Sunday."), "190")
    assert (event.source.country, event.target.code) == (None, "NGACVL")
