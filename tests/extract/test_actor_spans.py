"""Actor spans: how far the words of an actor mention run, from its article to the phrase that
places it (petrel/extract/actor_spans.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_common_noun_mention_keeps_the_phrase_that_places_it(actor_of):
    actor = actor_of("A court in Turkey charged the journalist.", "court")
    assert actor.text == "A court in Turkey" and (actor.country, actor.sector) == ("TUR", "JUD")


def test_a_name_keeps_its_of_phrase(actor_of):
    actor = actor_of("The United States handed medicines to the Ministry of Health of Ethiopia.", "Ministry")
    assert actor.text == "the Ministry of Health of Ethiopia"


def test_a_mention_keeps_its_participle_and_the_quantity_it_names_a_part_of(actor_of):
    actor = actor_of("Serb units threatened British forces based in the city of Vitez.", "forces")
    assert actor.text == "British forces based in the city of Vitez" and actor.code == "GBRMIL"
    actor = actor_of("Hackers attacked a number of Iranian government websites.", "number")
    assert actor.text == "a number of Iranian government websites"


def test_a_clause_saying_what_a_noun_is_about_is_not_part_of_the_actor(actor_of):
    text = "Washington dismissed a Russian announcement that it had opened two new corridors near Kharkiv."
    actor = actor_of(text, "announcement")
    assert (actor.text, actor.country) == ("a Russian announcement", "RUS")


def test_a_participle_modifying_the_actor_on_its_own_stays_with_it(actor_of):
    actor = actor_of("Gunmen attacked Kenyan troops stationed in Somalia on Monday.", "troops")
    assert (actor.text, actor.code) == ("Kenyan troops stationed in Somalia", "KENMIL")


def test_a_speaker_the_parse_hangs_on_a_place_is_not_part_of_it(actor_of):
    # spaCy reads "Syria, Defence Minister Sergei Shoigu" as one phrase with an apposition
    actor = actor_of("Moscow has begun withdrawing some of its jets from Syria, Defence Minister Sergei Shoigu said on Monday.", "Syria")
    assert (actor.text, actor.country) == ("Syria", "SYR")


def test_an_abbreviation_in_brackets_keeps_its_closing_bracket(actor_of):
    actor = actor_of("The Nigerian Air Force (NAF) has carried out air strikes on rebel camps.", "Force")
    assert actor.text == "The Nigerian Air Force (NAF)"


def test_an_organization_name_runs_through_its_own_prepositions(actor_of):
    actor = actor_of("The Department for International Development pledged new funds for Malawi.", "Department")
    assert actor.text == "The Department for International Development"
