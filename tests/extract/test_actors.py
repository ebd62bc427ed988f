"""Actors: noun phrases in news text resolved to country, sector, kind and name (petrel/extract/actors.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_title_and_nationality_give_country_sector_and_name(actor_of):
    text = "Egyptian President Abdel-Fattah al-Sisi received Qatar's emir in Cairo on Monday."
    actor = actor_of(text, "Sisi")
    assert (actor.country, actor.sector, actor.code, actor.kind) == ("EGY", "GOV", "EGYGOV", "person")
    assert actor.name == "Abdel-Fattah al-Sisi"
    assert actor.text == "Egyptian President Abdel-Fattah al-Sisi"
    assert (actor.start, actor.end) == (0, len("Egyptian President Abdel-Fattah al-Sisi"))


def test_nationality_and_troops_give_the_military(actor_of):
    actor = actor_of("Israeli troops entered the town of Jenin before dawn on Tuesday.", "troops")
    assert (actor.country, actor.sector, actor.code) == ("ISR", "MIL", "ISRMIL")
    assert actor.text == "Israeli troops"
    assert actor.name is None


def test_plural_demonym_as_a_noun_is_the_civilian_population(actor_of):
    actor = actor_of("Palestinians gathered outside the mosque after Friday prayers.", "Palestinians")
    assert (actor.country, actor.sector, actor.code, actor.kind) == ("PSE", "CVL", "PSECVL", "population")


def test_nationality_and_authorities_give_the_government(actor_of):
    actor = actor_of("Nigerian authorities said the gunmen had fled into the forest.", "authorities")
    assert (actor.country, actor.sector, actor.code) == ("NGA", "GOV", "NGAGOV")


def test_seat_of_power_stands_for_the_government(actor_of):
    actor = actor_of("The Kremlin rejected the proposal on Wednesday.", "Kremlin")
    assert (actor.country, actor.sector, actor.code) == ("RUS", "GOV", "RUSGOV")
    assert actor.text == "The Kremlin"  # the mention as written, with its article (as annotators mark spans)


def test_generic_leader_takes_the_sector_of_its_modifier(actor_of):
    actor = actor_of("The opposition leader called for fresh elections.", "leader")
    assert (actor.country, actor.sector, actor.code) == (None, "OPP", "OPP")
    assert actor.text == "The opposition leader"


def test_official_in_a_country_takes_that_country(actor_of):
    actor = actor_of("Security officials in Saudi Arabia said the drone was intercepted.", "officials")
    assert (actor.country, actor.sector) == ("SAU", "GOV")
    assert actor.text == "Security officials in Saudi Arabia"


def test_named_armed_group_gives_its_code(actor_of):
    actor = actor_of("Hezbollah fighters fired on an Israeli patrol near the border.", "fighters")
    assert (actor.country, actor.sector, actor.code) == ("LBN", "REB", "LBNREB")


def test_bare_surname_after_titled_mention_resolves_to_the_same_person(actor_of):
    text = (
        "Kenyan President William Ruto arrived in Addis Ababa on Sunday. "
        "Ruto told reporters the talks would continue."
    )
    actor = actor_of(text, "Ruto", occurrence=1)
    assert (actor.country, actor.sector, actor.code, actor.kind) == ("KEN", "GOV", "KENGOV", "person")
    assert actor.name == "William Ruto"
    assert actor.text == "Ruto"
    assert actor.start == text.index("Ruto told")


def test_surname_is_remembered_only_within_its_article(actor_of):
    actor = actor_of("Ruto told reporters the talks would continue.", "Ruto")
    assert actor is None or actor.country is None


def test_unknown_bare_name_keeps_its_name_and_no_country(actor_of):
    actor = actor_of("Okonkwo told reporters the convoy had been stopped at the checkpoint.", "Okonkwo")
    assert actor is not None
    assert actor.name == "Okonkwo"
    assert (actor.country, actor.sector, actor.code) == (None, None, None)


def test_lower_case_turkey_is_the_bird_not_the_country(actor_of):
    assert actor_of("Families in the village roasted a turkey for the holiday.", "turkey") is None
    country = actor_of("Turkey closed its border crossing with Syria on Friday.", "Turkey")
    assert country.code == "TUR"


def test_a_sector_term_cut_short_by_the_end_of_the_text_is_not_matched(actor_of):
    actor = actor_of("The Polish head of state", "head")
    assert actor is not None and actor.country == "POL"


def test_a_group_of_a_national_body_belongs_to_its_country(actor_of):
    actor = actor_of("Opponents of Rwanda's Senate protested yesterday.", "Opponents")
    assert actor.country == "RWA"


def test_a_nationality_modifying_an_attack_is_the_state_not_its_people(actor_of):
    # spaCy may tag the adjective PROPN: "in *Russian* shelling" is Russia's, not Russian civilians'
    actor = actor_of("Six people died in Russian shelling of Kharkiv.", "Russian")
    assert (actor.country, actor.sector, actor.kind) == ("RUS", None, "state")
    people = actor_of("Palestinians fled the shelling of Rafah.", "Palestinians")
    assert (people.country, people.sector, people.kind) == ("PSE", "CVL", "population")
