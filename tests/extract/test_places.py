"""Places in news text: resolving the names found and keeping the readings trusted (petrel/extract/places.py).

Which words make one name is tested in test_place_names.py, what an address after a name says in
test_place_addresses.py.
"""

from __future__ import annotations

import pytest

from petrel.records import Place
from tests.extract.place_mentions import one_mention, places_in  # noqa: F401 (places_in is a fixture)

pytestmark = pytest.mark.slow


# -- finding and resolving ------------------------------------------------------------------
def test_cairo_is_a_city_of_egypt(places_in):
    mentions = places_in("Egyptian President Abdel-Fattah al-Sisi received Qatar's emir in Cairo on Monday.")
    assert [m.text for m in mentions] == ["Qatar", "Cairo"]
    cairo = mentions[1]
    assert (cairo.text, cairo.name, cairo.country, cairo.feature) == ("Cairo", "Cairo", "EGY", "city")
    assert cairo.lat == pytest.approx(30.06, abs=0.1)


def test_rafah_and_the_gaza_strip_are_palestine(places_in):
    # spaCy tags Rafah and Khan Younis as people here; the Gaza Strip puts Palestine in context.
    mentions = places_in("Israeli strikes hit Rafah and Khan Younis in the Gaza Strip overnight.")
    assert [m.text for m in mentions] == ["Rafah", "Khan Younis", "Gaza Strip"]
    assert {m.country for m in mentions} == {"PSE"}
    assert one_mention(mentions, "Gaza Strip").feature == "region"
    assert one_mention(mentions, "Rafah").admin1 == "Gaza Strip"


def test_donbas_is_a_region_of_ukraine(places_in):
    (donbas,) = places_in("Russian forces shelled towns across the Donbas.")
    assert (donbas.text, donbas.country, donbas.feature) == ("Donbas", "UKR", "region")


def test_paris_is_in_france_with_or_without_american_context(places_in):
    text = "Protesters gathered near the parliament in Paris."
    assert places_in(text)[0].country == "FRA"
    assert places_in(text, ("USA",))[0].country == "FRA"


def test_a_city_spacy_tags_as_a_people_is_kept_in_its_countrys_context(places_in):
    mentions = places_in("Protesters marched through the streets of Khartoum and Omdurman.")
    assert [(m.text, m.country, m.label) for m in mentions] == [("Khartoum", "SDN", "GPE"), ("Omdurman", "SDN", "NORP")]


def test_rafah_city_is_rafah(places_in):
    (rafah,) = places_in("He warned against any Israeli ground attack on Rafah city.")
    assert (rafah.text, rafah.country) == ("Rafah", "PSE")


@pytest.mark.parametrize(
    "text",
    [
        "He was reading a report on mobile phones.",
        "Mobile phones are banned in prisons.",
        "Reading the statement, the minister said nothing new.",
        "Police said the Split between the parties was deep.",
        "Hamas said it had received the proposal.",
        "Jackson told reporters the deal was close.",
    ],
)
def test_words_that_are_not_places_are_not_places(places_in, text):
    assert places_in(text, ("USA",)) == []


def test_a_capital_that_speaks_is_a_government_not_a_place(places_in):
    mentions = places_in("Washington said on Monday it would send aid to Kyiv.")
    assert [(m.text, m.country) for m in mentions] == [("Kyiv", "UKR")]


def test_a_mention_becomes_a_place_record(places_in):
    (cairo,) = places_in("Blinken arrived in Cairo early Thursday.")
    place = cairo.to_place()
    assert isinstance(place, Place)
    assert (place.text, place.country, place.geonames_id, place.feature) == ("Cairo", "EGY", 360630, "city")


def test_a_town_tagged_as_an_organisation_is_a_place_after_in(places_in):
    # The small pipeline tags "Wernigerode" and "Isfahan" ORG here.
    assert [m.name for m in places_in("400 people took to the streets in Wernigerode to protest.")] == ["Wernigerode"]
    assert [m.country for m in places_in("Workers protested in front of the courthouse in Isfahan city (Isfahan).")] == ["IRN"]
    assert places_in("Officials in Hamas denied it.") == []


def test_a_name_in_a_compound_modifier_is_no_place(places_in):
    mentions = places_in("The Britain-based monitor said Iran-backed fighters shelled a suburb of Damascus.")
    assert [m.text for m in mentions] == ["Damascus"]


def test_a_country_in_a_pro_or_anti_modifier_or_naming_an_embassy_is_no_place(places_in):
    mentions = places_in("About 50 people gathered for a pro-Ukraine and anti-Russia rally in Milford, Connecticut.")
    assert [m.text for m in mentions] == ["Milford"]
    mentions = places_in("Students protested in front of the Embassy of the Republic of Sudan in Seoul.")
    assert [m.text for m in mentions] == ["Seoul"]


@pytest.mark.parametrize(
    ("text", "words", "country"),
    [
        # where only a place can stand, whatever spaCy tagged the name
        ("Turkish forces launched an operation against PKK militants in the Hatay province.", "Hatay", "TUR"),
        ("JNIM militants abducted a tailor near the village of Nagare (Fada Ngourma, Est).", "Nagare", "BFA"),
        ("On 8 March 2022, in Concepcion (Biobio), thousands of women protested.", "Concepcion", "CHL"),
        # inside a mistagged or listed entity, by the town's own name or a spelling of it
        ("Russian forces shelled Kryvyi Rih district, Dnipropetrovsk, with rockets.", "Kryvyi Rih", "UKR"),
        ("Students held a protest in Murcia (Murcia) against the reform.", "Murcia", "ESP"),
        ("Russian forces clashed with Ukrainian forces near Rakivka, Kyiv.", "Rakivka", "UKR"),
    ],
)
def test_a_town_spacy_tags_otherwise_is_read_where_the_words_leave_room_only_for_a_place(places_in, text, words, country):
    assert [(m.text, m.country) for m in places_in(text)][:1] == [(words, country)]


def test_a_part_of_a_place_is_the_place_and_a_district_before_a_comma_is_placed_by_the_division(places_in):
    assert [(m.text, m.country) for m in places_in("Members of KTEZO rallied in Northern Nicosia holding banners.")] == [
        ("Nicosia", "CYP")
    ]
    mentions = places_in("Russian forces fired artillery at Zolotarivka district, Luhansk.")
    assert [(m.text, m.country, m.feature) for m in mentions] == [("Zolotarivka", "UKR", "admin1")]


def test_a_capital_does_not_count_for_its_own_namesake(places_in):
    # The actor tables know "Tripoli" as Libya's capital: that must not outweigh "Lebanese".
    mentions = places_in("Lebanese officials said fighting in Tripoli killed five people.", {"LBN": {"lebanese"}, "LBY": {"tripoli"}})
    assert [(m.text, m.country) for m in mentions] == [("Tripoli", "LBN")]
    mentions = places_in("Libyan officials said fighting in Tripoli killed five people.", {"LBY": {"libyan", "tripoli"}})
    assert [(m.text, m.country) for m in mentions] == [("Tripoli", "LBY")]


def test_a_building_is_no_town_by_another_languages_name(places_in):
    # GeoNames lists "White House" among Casablanca's alternate names
    assert "MAR" not in {m.country for m in places_in("The president spoke at the White House on Monday.")}


def test_whom_one_meets_is_a_person_even_when_a_town_has_the_name(places_in):
    assert places_in("Biden met Austin at the White House on Monday.", ("USA",)) == []


# -- how reports name places -----------------------------------------------------------------
def test_a_name_after_a_place_and_a_comma_goes_on_its_address(places_in):
    # "Hageby" is a district the gazetteer lacks; spaCy tags "Norrkoping" ORG: the address makes it a place
    mentions = places_in("Police dispersed a crowd in Hageby, Norrkoping, on Friday night.")
    assert [(m.text, m.country) for m in mentions] == [("Norrkoping", "SWE")]


def test_a_list_of_people_is_no_address(places_in):
    # spaCy tags "Blinken" GPE here; "Austin and Sullivan" are people all the same
    assert places_in("Blinken, Austin and Sullivan met reporters on Monday.") == []


def test_a_name_alone_in_a_bracket_says_where_the_thing_before_it_is(places_in):
    (town,) = places_in("Farmers blocked the road outside the sugar mill (Gimhae) for two hours.")
    assert (town.text, town.country) == ("Gimhae", "KOR")


def test_a_news_agency_in_a_dateline_bracket_is_no_place(places_in):
    # GeoNames knows towns called Xinhua in China
    mentions = places_in("NAIROBI, Nov. 5 (Xinhua) -- Kenyan police said the protest was peaceful.")
    assert [(m.text, m.country) for m in mentions] == [("NAIROBI", "KEN")]


def test_a_town_named_by_its_own_name_is_not_a_larger_town_abroad_with_that_name_in_another_language(places_in):
    (town,) = places_in("Around 300 people marched in Valence on Saturday against the pension reform.")
    assert (town.name, town.country) == ("Valence", "FRA")


@pytest.mark.parametrize("text, town", [
    ("Around 200 people marched with torches through Apeldoorn to protest against the curfew.", "Apeldoorn"),
    ("A large crowd marched in central Patras on Saturday.", "Patras"),
    ("Russian forces fired rockets at Bashtanka overnight.", "Bashtanka"),
])  # fmt: skip
def test_a_town_tagged_otherwise_is_a_place_through_at_or_in_a_part_of_it(places_in, text, town):
    assert [m.text for m in places_in(text)] == [town]


def test_a_name_before_a_noun_after_at_names_that_thing(places_in):
    assert places_in("Students protested at Pomona high school on Friday.") == []


@pytest.mark.parametrize("text, name, feature", [
    ("Hundreds of people protested in Amara city over power cuts.", "Al ‘Amārah", "city"),  # not Amhara, Ethiopia
    ("Militants attacked an army post in Kayes region on Friday.", "Kayes", "admin1"),
    ("Militants attacked an army post in Kayes on Friday.", "Kayes", "city"),  # a division and its city: the city
])  # fmt: skip
def test_the_kind_word_after_a_name_says_which_reading(places_in, text, name, feature):
    (place,) = places_in(text)
    assert (place.name, place.feature) == (name, feature)


def test_a_name_before_district_is_the_district_of_the_articles_country(places_in):
    (district,) = places_in("Police detained ten protesters in Kanchanpur district on Monday.", ("NPL",))
    assert (district.name, district.country, district.admin1, district.feature) == (
        "Kanchanpur", "NPL", "Sudurpashchim", "admin2"
    )
