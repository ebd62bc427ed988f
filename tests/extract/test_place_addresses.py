"""Place addresses: brackets, commas and "in" after a name that say where it lies (petrel/extract/place_addresses.py)."""

from __future__ import annotations

import pytest

from tests.extract.place_mentions import one_mention, places_in  # noqa: F401 (places_in is a fixture)

pytestmark = pytest.mark.slow


# -- brackets and commas -------------------------------------------------------------------------
def test_acled_style_town_with_its_admin1_in_brackets(places_in):
    mentions = places_in("On 3 May, police clashed with farmers in Villa Yapacani (Santa Cruz).")
    (town,) = mentions  # "(Santa Cruz)" places the town: it is not a place of its own
    assert (town.text, town.country, town.admin1, town.feature) == ("Villa Yapacani", "BOL", "Santa Cruz", "city")
    assert town.geonames_id == 3901504


def test_a_village_the_gazetteer_lacks_is_placed_by_its_bracketed_division(places_in):
    (village,) = places_in("Gunmen attacked a village in Kasese (Nord-Kivu) on Tuesday.")
    assert (village.text, village.country, village.admin1, village.feature) == ("Kasese", "COD", "Nord-Kivu", "admin1")


def test_a_bracketed_division_may_carry_its_kind_of_place(places_in):
    (town,) = places_in("On 23 April, in Taze township (Shwebo district, Sagaing region), locals protested.")
    assert (town.text, town.name, town.country) == ("Taze", "Sagaing", "MMR")  # "Shwebo district" is its address


def test_a_compass_word_in_brackets_is_part_of_the_name_not_a_division(places_in):
    text = "In Kar Paung Kya (East) village, Taze township (Shwebo district, Sagaing region), troops burned houses."
    assert {m.country for m in places_in(text)} <= {"MMR"}


def test_a_village_is_placed_by_its_division_in_the_spelling_reports_use(places_in):
    (village,) = places_in("Turkish drones struck a farm near Sarkeli village (Duhok) on Friday.")
    assert (village.text, village.name, village.country, village.feature) == ("Sarkeli", "Dahūk", "IRQ", "admin1")


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


def test_a_division_several_countries_share_is_placed_by_the_words_around_it(places_in):
    # India and Pakistan both have a Punjab; Layyah is a town of Pakistan
    (village,) = places_in("Farmers blocked a highway near Chak Bhatti (Layyah, Punjab) on Monday.")
    assert (village.text, village.country, village.feature) == ("Chak Bhatti", "PAK", "admin1")
    text = "Farmers blocked a highway near Chak Bhatti (Punjab) on Monday."
    assert [m.country for m in places_in(text, ("PAK",))] == ["PAK"]  # the article's country
    # nothing tells: the Punjab whose towns hold the most people, not the table's first
    assert [m.country for m in places_in(text)] == ["PAK"]
    assert [m.country for m in places_in(text, ("IND",))] == ["IND"]


def test_a_state_after_a_comma_places_the_town(places_in):
    (paris,) = places_in("A rally was held in Paris, Texas, on Saturday.")
    assert (paris.country, paris.admin1) == ("USA", "Texas")


def test_a_list_of_cities_is_not_read_as_a_city_and_its_province(places_in):
    mentions = places_in("Russian missiles struck Kharkiv, Odesa and Dnipro overnight.")
    assert [(m.text, m.country, m.feature) for m in mentions] == [
        ("Kharkiv", "UKR", "city"), ("Odesa", "UKR", "city"), ("Dnipro", "UKR", "city"),
    ]  # fmt: skip


def test_a_town_the_gazetteer_lacks_is_placed_by_the_division_after_a_comma(places_in):
    (town,) = places_in("On 11 January, in Tamasopo, San Luis Potosi, armed men opened fire at a police base.")
    assert (town.text, town.country, town.feature) == ("Tamasopo", "MEX", "admin1")


def test_a_division_after_a_comma_that_holds_the_town_is_its_address(places_in):
    # Costa Rica's capital is in San Jose province; the Californian city is larger
    (town,) = places_in("Students marched in San Jose, San Jose, against the tax reform.")
    assert (town.text, town.country, town.admin1) == ("San Jose", "CRI", "San José")
    # the state after the city is its address, no second place
    assert [m.text for m in places_in("Gunmen shot a police officer in Irapuato, Guanajuato, on Sunday.")] == ["Irapuato"]


# -- addresses in brackets, as conflict reports write them ---------------------------------------
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


# -- second-level divisions (admin2.tsv) ---------------------------------------------------------
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


# -- an address after "in": the country of a town ------------------------------------------------
def test_a_town_is_in_the_country_of_the_address_the_report_gives_it(places_in):
    # Saida is a town of Algeria to the gazetteer, which lacks the Syrian village: its address places it
    text = "Unknown gunmen killed two farmers in Saida village in Deir ez Zor countryside on Monday."
    town = one_mention(places_in(text), "Saida")
    assert (town.country, town.admin1) == ("SYR", "Deir ez-Zor")
    # a city after a comma is an address where the name ends (Xinyi is also a city of China) ...
    town = one_mention(places_in("Residents protested in Xinyi, Taipei City, against the new tower."), "Xinyi")
    assert town.country == "TWN"
    # the address may name its kind of place first (Sanjo is a city of Japan)
    town = one_mention(places_in("Police arrested two traders in Sanjo in the district of Misungwi (Misungwi, Mwanza)."), "Sanjo")
    assert town.country == "TZA"
    # ... not in a list
    mentions = places_in("Ministers met in Paris, London, Berlin and Rome this week.")
    assert [m.country for m in mentions] == ["FRA", "GBR", "DEU", "ITA"]


def test_a_village_is_in_the_unit_named_after_a_comma_and_in(places_in):
    mentions = places_in("Soldiers attacked civilians in Salem village, in Walendu groupement (Djugu, Ituri) on Friday.")
    village = one_mention(mentions, "Salem")  # not Salem, India or Oregon
    assert (village.name, village.country) == ("Ituri", "COD")
