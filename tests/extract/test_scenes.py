"""The place of an event among the places its article names (petrel/extract/scenes.py)."""

from __future__ import annotations

import pytest

from petrel.extract.places import find_places
from petrel.extract.scenes import place_for
from petrel.knowledge.places import default_gazetteer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def place_of(nlp):
    """The place `place_for` gives the event whose trigger is the word `trigger`."""
    gazetteer = default_gazetteer()

    def place_of(text: str, trigger: str) -> str | None:
        doc = nlp(text)
        token = next(t for t in doc if t.text == trigger)
        mention = place_for(token, find_places(doc, gazetteer))
        return mention.text if mention else None

    return place_of


# -- the place of an event ------------------------------------------------------------------
def test_the_destination_of_an_arrival(place_of):
    assert place_of("Blinken arrived in Cairo early Thursday for talks with Egyptian officials.", "arrived") == "Cairo"


def test_the_destination_of_a_visit_not_the_nearer_place(place_of):
    text = "After talks in Tokyo, Blinken made a visit to Beijing last week."
    assert place_of(text, "visit") == "Beijing"
    assert place_of(text, "talks") == "Tokyo"


def test_the_place_in_the_events_prepositional_phrase_not_where_the_speakers_are(place_of):
    assert place_of("Officials in Washington said Israeli strikes killed 20 people in Rafah.", "strikes") == "Rafah"


def test_the_town_of_jenin(place_of):
    assert place_of("Israeli troops raided homes in the town of Jenin before dawn.", "raided") == "Jenin"
    assert place_of("Protesters marched through the streets of Khartoum and Omdurman.", "marched") == "Khartoum"


def test_a_city_named_as_the_object_is_more_precise_than_the_area(place_of):
    assert place_of("Israeli strikes hit Rafah and Khan Younis in the Gaza Strip overnight.", "hit") == "Rafah"


def test_else_the_nearest_place_in_the_sentence(place_of):
    assert place_of("Gaza's health ministry said the death toll rose, as protests spread to Ramallah.", "said") == "Ramallah"


def test_a_sentence_without_a_place_takes_the_scene_of_the_sentence_before(place_of):
    assert place_of("Talks resumed in Cairo. The envoy said progress was slow.", "said") == "Cairo"
    assert place_of("A bomb exploded in Loikaw town on Monday. It injured two boys.", "injured") == "Loikaw"


def test_the_scene_does_not_carry_over_a_paragraph_break_or_two_sentences(place_of):
    assert place_of("Talks resumed in Cairo.\n\nThe envoy said progress was slow.", "said") is None
    text = "Talks resumed in Cairo. The envoy arrived late. Aides were tired. The envoy said progress was slow."
    assert place_of(text, "said") is None


def test_coordinated_verbs_share_the_place_one_of_them_gives(place_of):
    text = "Residents of Yerevan and members of the diaspora of Armenia marched and protested in Gyumri on Sunday."
    assert place_of(text, "marched") == "Gyumri"


def test_a_sentence_with_a_date_of_its_own_does_not_take_the_scene_before(place_of):
    text = "Protesters marched in Cairo on Thursday. The Oct. 7, 2023 attack killed some 1,200 Israelis."
    assert place_of(text, "killed") is None


@pytest.mark.parametrize("text, trigger", [
    ("Israeli forces shelled Rafah on Monday.", "shelled"),
    ("An Israeli air strike on Rafah killed five people.", "strike"),
])  # fmt: skip
def test_what_is_shelled_or_attacked_is_the_place_of_the_attack(place_of, text, trigger):
    # no other word of the text puts Palestine in context: the attack's object is a place by itself
    assert place_of(text, trigger) == "Rafah"


@pytest.mark.parametrize("text, trigger, place", [
    ("Forces from Russia launched a drone attack on Kherson overnight.", "launched", "Kherson"),
    ("The coalition carried out an air raid on Marib, a Houthi official in Sanaa said.", "carried", "Marib"),
])  # fmt: skip
def test_an_attack_a_verb_carries_out_is_where_it_is_aimed(place_of, text, trigger, place):
    assert place_of(text, trigger) == place


def test_a_country_that_acts_is_not_where_the_act_happened(place_of):
    assert place_of("Russia struck Odesa with drones.", "struck") == "Odesa"


def test_an_event_in_a_purpose_clause_happens_where_the_verb_above_it_does(place_of):
    text = "Hundreds of people gathered outside the town hall in Ashford on Sunday to show support for Ukraine."
    assert place_of(text, "show") == "Ashford"  # not Ukraine, the nearer place
    # a verb coordinated with a verb of saying is done where that one is, not in what it is about
    text = "Hundreds of people gathered in Ashford on Sunday to call for peace and condemn the shelling of Kharkiv."
    assert place_of(text, "condemn") == "Ashford"


def test_the_place_the_prepositions_object_hangs_on_is_the_events(place_of):
    # spaCy makes "Nagano" the object of "in" and hangs "Iida" on it: Iida is still where they gathered
    text = "Teachers gathered in Iida (Nagano) to oppose the closure of schools in Tokyo."
    assert place_of(text, "oppose") == "Iida"


@pytest.mark.parametrize("text, trigger", [
    ("Nurses gathered in Verona square in Milan to demand higher pay.", "gathered"),
    ("Nurses rallied outside Saint Anne's church in Milan to demand higher pay.", "rallied"),
])  # fmt: skip
def test_a_name_that_names_a_square_or_a_church_is_not_the_town(place_of, text, trigger):
    assert place_of(text, trigger) == "Milan"


@pytest.mark.parametrize("text, trigger, place", [
    ("Refugees from Syria protested outside the UNHCR office in Beirut on Monday.", "protested", "Beirut"),
    ("Teachers from Iran protested in front of the education department in Sanandaj.", "protested", "Sanandaj"),
    ("The body was found on a roadside outside the municipality of Choluteca near the border with Nicaragua.",
     "found", "Choluteca"),
])  # fmt: skip
def test_the_building_where_it_happened_stands_in_the_place_the_next_preposition_names(place_of, text, trigger, place):
    assert place_of(text, trigger) == place


@pytest.mark.parametrize("text, trigger, place", [
    # what the protest is against happens elsewhere
    ("Students demonstrated against the war in Yemen, marching through the centre of Bologna.", "demonstrated", "Bologna"),
    # where the people come from is not where they act
    ("Dozens of refugees from Sudan held a sit-in on Monday, blocking the main road of Cairo.", "sit", "Cairo"),
    ("Workers from Nepal went on strike on Sunday, blocking roads across Doha.", "strike", "Doha"),
])  # fmt: skip
def test_a_place_the_event_is_about_or_its_people_come_from_comes_after_the_scene(place_of, text, trigger, place):
    assert place_of(text, trigger) == place


def test_a_country_the_event_is_held_with_is_a_party_not_the_scene(place_of):
    assert place_of("Talks with Russia resumed on Monday.", "Talks") is None


def test_a_statement_after_a_press_conference_takes_the_city_of_its_venue(coded):
    events = coded(
        "On 3 March 2022, members of a tenants' union held a press conference at the city council "
        "(Busan City - Yeonje). They urged the mayor to halt the demolition of the market."
    )
    urged = next(e for e in events if e.trigger.text == "urged")
    assert (urged.location.text, urged.location.country) == ("Busan", "KOR")
