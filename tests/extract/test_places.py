"""Places in news text: finding and resolving place names (petrel/extract/places.py), and the place of an event (petrel/extract/scenes.py)."""

from __future__ import annotations

import pytest

from petrel.extract.places import PlaceMention, find_places
from petrel.knowledge.places import default_gazetteer
from petrel.records import Place

pytestmark = pytest.mark.slow


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


def _one(mentions: list[PlaceMention], text: str) -> PlaceMention:
    found = [m for m in mentions if m.text == text]
    assert len(found) == 1, [m.text for m in mentions]
    return found[0]


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
    assert _one(mentions, "Gaza Strip").feature == "region"
    assert _one(mentions, "Rafah").admin1 == "Gaza Strip"


def test_acled_style_town_with_its_admin1_in_brackets(places_in):
    mentions = places_in("On 3 May, police clashed with farmers in Villa Yapacani (Santa Cruz).")
    (town,) = mentions  # "(Santa Cruz)" places the town: it is not a place of its own
    assert (town.text, town.country, town.admin1, town.feature) == ("Villa Yapacani", "BOL", "Santa Cruz", "city")
    assert town.geonames_id == 3901504


def test_a_village_the_gazetteer_lacks_is_placed_by_its_bracketed_division(places_in):
    (village,) = places_in("Gunmen attacked a village in Kasese (Nord-Kivu) on Tuesday.")
    assert (village.text, village.country, village.admin1, village.feature) == ("Kasese", "COD", "Nord-Kivu", "admin1")


def test_donbas_is_a_region_of_ukraine(places_in):
    (donbas,) = places_in("Russian forces shelled towns across the Donbas.")
    assert (donbas.text, donbas.country, donbas.feature) == ("Donbas", "UKR", "region")


def test_paris_is_in_france_with_or_without_american_context(places_in):
    text = "Protesters gathered near the parliament in Paris."
    assert places_in(text)[0].country == "FRA"
    assert places_in(text, ("USA",))[0].country == "FRA"


def test_a_state_after_a_comma_places_the_town(places_in):
    (paris,) = places_in("A rally was held in Paris, Texas, on Saturday.")
    assert (paris.country, paris.admin1) == ("USA", "Texas")


def test_a_list_of_cities_is_not_read_as_a_city_and_its_province(places_in):
    mentions = places_in("Russian missiles struck Kharkiv, Odesa and Dnipro overnight.")
    assert [(m.text, m.country, m.feature) for m in mentions] == [
        ("Kharkiv", "UKR", "city"), ("Odesa", "UKR", "city"), ("Dnipro", "UKR", "city"),
    ]  # fmt: skip


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


def test_a_bracketed_division_may_carry_its_kind_of_place(places_in):
    (town,) = places_in("On 23 April, in Taze township (Shwebo district, Sagaing region), locals protested.")
    assert (town.text, town.name, town.country) == ("Taze", "Sagaing", "MMR")  # "Shwebo district" is its address


def test_a_town_the_gazetteer_lacks_is_placed_by_the_division_after_a_comma(places_in):
    (town,) = places_in("On 11 January, in Tamasopo, San Luis Potosi, armed men opened fire at a police base.")
    assert (town.text, town.country, town.feature) == ("Tamasopo", "MEX", "admin1")


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


def test_a_city_and_its_district_joined_by_a_dash_is_the_city(places_in):
    mentions = places_in("Ukrainian forces shelled positions in Donetsk - Petrovskyi, killing one civilian.")
    assert [(m.text, m.country) for m in mentions] == [("Donetsk", "UKR")]
    mentions = places_in("Police removed concrete barriers in the Adl area of Baghdad - Karkh.")
    assert [(m.text, m.country) for m in mentions] == [("Baghdad", "IRQ")]


def test_a_part_of_a_place_is_the_place_and_a_district_before_a_comma_is_placed_by_the_division(places_in):
    assert [(m.text, m.country) for m in places_in("Members of KTEZO rallied in Northern Nicosia holding banners.")] == [
        ("Nicosia", "CYP")
    ]
    mentions = places_in("Russian forces fired artillery at Zolotarivka district, Luhansk.")
    assert [(m.text, m.country, m.feature) for m in mentions] == [("Zolotarivka", "UKR", "admin1")]


def test_a_compass_word_in_brackets_is_part_of_the_name_not_a_division(places_in):
    text = "In Kar Paung Kya (East) village, Taze township (Shwebo district, Sagaing region), troops burned houses."
    assert {m.country for m in places_in(text)} <= {"MMR"}


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


@pytest.mark.parametrize(("text", "words", "country"), [
    ("Government forces shelled villages outside Deir ez Zor on Monday.", "Deir ez Zor", "SYR"),
    ("Residents protested in Pilar do Sul over water cuts.", "Pilar do Sul", "BRA"),  # not Pilar, Argentina
    ("Gunmen killed a shopkeeper in San Cristobal de las Casas on Sunday.", "San Cristobal de las Casas", "MEX"),
])  # fmt: skip
def test_a_name_with_a_lower_case_particle_is_one_place(places_in, text, words, country):
    assert [(m.text, m.country) for m in places_in(text)] == [(words, country)]


def test_a_division_several_countries_share_is_placed_by_the_words_around_it(places_in):
    # India and Pakistan both have a Punjab; Layyah is a town of Pakistan
    (village,) = places_in("Farmers blocked a highway near Chak Bhatti (Layyah, Punjab) on Monday.")
    assert (village.text, village.country, village.feature) == ("Chak Bhatti", "PAK", "admin1")
    text = "Farmers blocked a highway near Chak Bhatti (Punjab) on Monday."
    assert [m.country for m in places_in(text, ("PAK",))] == ["PAK"]  # the article's country
    # nothing tells: the Punjab whose towns hold the most people, not the table's first
    assert [m.country for m in places_in(text)] == ["PAK"]
    assert [m.country for m in places_in(text, ("IND",))] == ["IND"]


def test_a_division_after_a_comma_that_holds_the_town_is_its_address(places_in):
    # Costa Rica's capital is in San Jose province; the Californian city is larger
    (town,) = places_in("Students marched in San Jose, San Jose, against the tax reform.")
    assert (town.text, town.country, town.admin1) == ("San Jose", "CRI", "San José")
    # the state after the city is its address, no second place
    assert [m.text for m in places_in("Gunmen shot a police officer in Irapuato, Guanajuato, on Sunday.")] == ["Irapuato"]


def test_a_village_is_placed_by_its_division_in_the_spelling_reports_use(places_in):
    (village,) = places_in("Turkish drones struck a farm near Sarkeli village (Duhok) on Friday.")
    assert (village.text, village.name, village.country, village.feature) == ("Sarkeli", "Dahūk", "IRQ", "admin1")


def test_a_town_named_by_its_own_name_is_not_a_larger_town_abroad_with_that_name_in_another_language(places_in):
    (town,) = places_in("Around 300 people marched in Valence on Saturday against the pension reform.")
    assert (town.name, town.country) == ("Valence", "FRA")


@pytest.mark.parametrize("text, name", [
    ("Dockworkers went on strike in Bandar e Anzali city on Monday.", "Bandar-e Anzalī"),
    ("Teachers staged a sit-in in Shahr e Kord on Monday.", "Shahr-e Kord"),
])  # fmt: skip
def test_a_persian_name_with_its_ezafe_is_one_place(places_in, text, name):
    (town,) = places_in(text)
    assert (town.name, town.country) == (name, "IRN")


def test_a_town_is_in_the_country_of_the_address_the_report_gives_it(places_in):
    # Saida is a town of Algeria to the gazetteer, which lacks the Syrian village: its address places it
    text = "Unknown gunmen killed two farmers in Saida village in Deir ez Zor countryside on Monday."
    town = _one(places_in(text), "Saida")
    assert (town.country, town.admin1) == ("SYR", "Deir ez-Zor")
    # a city after a comma is an address where the name ends (Xinyi is also a city of China) ...
    town = _one(places_in("Residents protested in Xinyi, Taipei City, against the new tower."), "Xinyi")
    assert town.country == "TWN"
    # the address may name its kind of place first (Sanjo is a city of Japan)
    town = _one(places_in("Police arrested two traders in Sanjo in the district of Misungwi (Misungwi, Mwanza)."), "Sanjo")
    assert town.country == "TZA"
    # ... not in a list
    mentions = places_in("Ministers met in Paris, London, Berlin and Rome this week.")
    assert [m.country for m in mentions] == ["FRA", "GBR", "DEU", "ITA"]


@pytest.mark.parametrize("text, places", [
    ("Gunmen shot a driver in Croix-des-Bouquets on Monday.", [("Croix-des-Bouquets", "HTI")]),  # not Croix, France
    ("Farmers blocked the road in Bagnols-sur-Ceze on Friday.", [("Bagnols-sur-Ceze", "FRA")]),
    # a neighbourhood the gazetteer lacks is no Cali, Colombia
    ("Police raided a house in the Cali-Ganey neighbourhood of Mogadishu on Monday.", [("Mogadishu", "SOM")]),
])  # fmt: skip
def test_a_name_glued_by_hyphens_is_read_whole(places_in, text, places):
    assert [(m.text, m.country) for m in places_in(text)] == places


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


def test_a_village_named_by_its_local_unit_is_placed_by_the_division_in_brackets(places_in):
    (village,) = places_in("Fano militias clashed with the army in Gobaye kebele (North Wello, Amhara) on Monday.")
    assert (village.text, village.name, village.country) == ("Gobaye", "Amhara", "ETH")


@pytest.mark.parametrize("text, division, country", [
    ("Police raided a house in Gul Dheri village (Charsadda, KPK) on Monday.", "Khyber Pakhtunkhwa", "PAK"),
    ("Residents blocked a road in Jhilimili village (Nadia district, WB) on Friday.", "West Bengal", "IND"),
])  # fmt: skip
def test_a_state_abbreviation_in_brackets_places_the_village(places_in, text, division, country):
    (village,) = places_in(text)
    assert (village.name, village.country) == (division, country)


# -- addresses in brackets, as conflict reports write them --------------------------------
def test_a_village_is_placed_by_the_town_its_bracketed_address_names(places_in):
    (village,) = places_in("Gunmen torched a school in the village of Koulbila (Kaya, Sanmatenga) on Sunday.")
    assert (village.text, village.name, village.country) == ("Koulbila", "Kaya", "BFA")


def test_a_shared_division_name_in_an_address_is_the_likeliest_division(places_in):
    (village,) = places_in("Nurses held a sit-in outside the hospital in Kotawila (Kotawila, Western) on Monday.")
    assert (village.text, village.name, village.country) == ("Kotawila", "Western Province", "LKA")


def test_another_languages_name_of_a_town_abroad_in_an_address_does_not_place_the_village(places_in):
    (village,) = places_in("A mob burned two houses in Kwall (Bassa, Plateau) on Friday.")  # not Passau
    assert (village.text, village.name, village.country) == ("Kwall", "Plateau", "NGA")


def test_a_name_with_a_two_part_address_is_a_place_whatever_spacy_tags_it(places_in):
    (village,) = places_in("Gunmen killed the village head of Ilaro-Oke (Ewekoro, Ogun) on Tuesday.")
    assert (village.text, village.country) == ("Ilaro-Oke", "NGA")


def test_the_city_before_a_spaced_dash_in_brackets_is_the_place(places_in):
    (city,) = places_in("Activists held a press conference in front of the city council (Busan City - Yeonje) on Monday.")
    assert (city.text, city.name, city.country) == ("Busan", "Busan", "KOR")


def test_a_village_is_in_the_unit_named_after_a_comma_and_in(places_in):
    mentions = places_in("Soldiers attacked civilians in Salem village, in Walendu groupement (Djugu, Ituri) on Friday.")
    village = _one(mentions, "Salem")  # not Salem, India or Oregon
    assert (village.name, village.country) == ("Ituri", "COD")


# -- second-level divisions (admin2.tsv) ------------------------------------------------------
def test_a_village_is_placed_by_the_second_level_division_in_its_brackets(places_in):
    (village,) = places_in("Gunmen killed two herders near the village of Tanlili (Sanmatenga) on Sunday.")
    assert (village.text, village.name, village.country, village.admin1) == ("Tanlili", "Sanmatenga", "BFA", "Centre-Nord")
    assert village.feature == "admin2" and village.lat is None and village.lon is None  # no invented coordinates


def test_a_town_in_the_brackets_places_the_village_before_its_second_level_division(places_in):
    (village,) = places_in("Gunmen killed two herders near the village of Tanlili (Pissila, Sanmatenga) on Sunday.")
    assert (village.name, village.country, village.admin1, village.feature) == ("Pissila", "BFA", "Centre-Nord", "city")


def test_a_district_in_brackets_places_a_town_the_gazetteer_lacks(places_in):
    (town,) = places_in("Party cadres staged a sit-in in Krishnapur municipality (Kanchanpur district) on Tuesday.")
    # not Kanchanpur, India: "district" says the bracket names the district, not the town
    assert (town.text, town.name, town.country, town.admin1) == ("Krishnapur", "Kanchanpur", "NPL", "Sudurpashchim")


def test_a_local_government_area_named_before_its_state_is_the_place(places_in):
    (lga,) = places_in("Bandits abducted five farmers in Bakura LGA (Zamfara) on Friday.")
    assert (lga.text, lga.name, lga.country, lga.admin1, lga.feature) == ("Bakura", "Bakura", "NGA", "Zamfara", "admin2")


def test_a_district_in_brackets_beats_a_division_abroad_only_in_its_countrys_context(places_in):
    text = "Cadres padlocked the party office in Ilam municipality (Ilam district) on Monday."
    (town,) = places_in(text, ("NPL",))
    assert (town.text, town.country, town.admin1) == ("Ilam", "NPL", "Koshi")
    (town,) = places_in(text)
    assert town.country == "IRN"  # nothing says Nepal: Iran's Ilam province, as before


def test_a_district_shared_with_a_town_abroad_is_settled_by_the_articles_country(places_in):
    text = "Soldiers raided a camp near Wakoro (Tongomayel, Soum) on Monday."
    (camp,) = places_in(text, ("BFA",))
    assert (camp.name, camp.country, camp.admin1, camp.feature) == ("Soum", "BFA", "Sahel", "admin2")
    (camp,) = places_in(text)
    assert (camp.name, camp.country) == ("Soum", "SEN")  # the Senegalese town, when nothing says Burkina Faso


def test_a_name_before_district_is_the_district_of_the_articles_country(places_in):
    (district,) = places_in("Police detained ten protesters in Kanchanpur district on Monday.", ("NPL",))
    assert (district.name, district.country, district.admin1, district.feature) == (
        "Kanchanpur", "NPL", "Sudurpashchim", "admin2"
    )
