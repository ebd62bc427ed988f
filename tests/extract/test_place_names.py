"""Place names: which words of news text are read as one place name (petrel/extract/place_names.py)."""

from __future__ import annotations

import pytest

from tests.extract.place_mentions import places_in  # noqa: F401 (places_in is a fixture)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "words", "country"), [
    ("Government forces shelled villages outside Deir ez Zor on Monday.", "Deir ez Zor", "SYR"),
    ("Residents protested in Pilar do Sul over water cuts.", "Pilar do Sul", "BRA"),  # not Pilar, Argentina
    ("Gunmen killed a shopkeeper in San Cristobal de las Casas on Sunday.", "San Cristobal de las Casas", "MEX"),
])  # fmt: skip
def test_a_name_with_a_lower_case_particle_is_one_place(places_in, text, words, country):
    assert [(m.text, m.country) for m in places_in(text)] == [(words, country)]


@pytest.mark.parametrize("text, name", [
    ("Dockworkers went on strike in Bandar e Anzali city on Monday.", "Bandar-e Anzalī"),
    ("Teachers staged a sit-in in Shahr e Kord on Monday.", "Shahr-e Kord"),
])  # fmt: skip
def test_a_persian_name_with_its_ezafe_is_one_place(places_in, text, name):
    (town,) = places_in(text)
    assert (town.name, town.country) == (name, "IRN")


@pytest.mark.parametrize("text, places", [
    ("Gunmen shot a driver in Croix-des-Bouquets on Monday.", [("Croix-des-Bouquets", "HTI")]),  # not Croix, France
    ("Farmers blocked the road in Bagnols-sur-Ceze on Friday.", [("Bagnols-sur-Ceze", "FRA")]),
    # a neighbourhood the gazetteer lacks is no Cali, Colombia
    ("Police raided a house in the Cali-Ganey neighbourhood of Mogadishu on Monday.", [("Mogadishu", "SOM")]),
])  # fmt: skip
def test_a_name_glued_by_hyphens_is_read_whole(places_in, text, places):
    assert [(m.text, m.country) for m in places_in(text)] == places


def test_a_city_and_its_district_joined_by_a_dash_is_the_city(places_in):
    mentions = places_in("Ukrainian forces shelled positions in Donetsk - Petrovskyi, killing one civilian.")
    assert [(m.text, m.country) for m in mentions] == [("Donetsk", "UKR")]
    mentions = places_in("Police removed concrete barriers in the Adl area of Baghdad - Karkh.")
    assert [(m.text, m.country) for m in mentions] == [("Baghdad", "IRQ")]


def test_the_city_before_a_spaced_dash_in_brackets_is_the_place(places_in):
    (city,) = places_in("Activists held a press conference in front of the city council (Busan City - Yeonje) on Monday.")
    assert (city.text, city.name, city.country) == ("Busan", "Busan", "KOR")
