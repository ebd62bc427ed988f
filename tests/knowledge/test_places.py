"""The place gazetteer (petrel/knowledge/places.py) and its tables (petrel/data/places/)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from petrel.errors import DataFileError, ExitCode
from petrel.knowledge.actor_tables import country_codes
from petrel.knowledge.places import PLACE_DIR, build_gazetteer, default_gazetteer, load_regions, place_key


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


# -- names ----------------------------------------------------------------------------------
def test_place_key_ignores_case_accents_apostrophes_hyphens_and_the():
    assert place_key("the Gaza Strip") == place_key("Gaza Strip") == "gaza strip"
    assert place_key("Ma'rib") == place_key("Marib") == "marib"
    assert place_key("Nord-Kivu") == place_key("Nord Kivu")
    assert place_key("Villa Yapacaní") == "villa yapacani"
    assert place_key("St. Petersburg") == "st petersburg"


def test_place_key_writes_letters_of_their_own_as_news_does():
    assert place_key("Şanlıurfa") == place_key("Sanliurfa") == "sanliurfa"
    assert place_key("Łódź") == "lodz" and place_key("Tromsø") == "tromso" and place_key("Gießen") == "giessen"


def test_a_division_spelled_without_turkish_letters_is_found(gazetteer):
    # admin1.tsv writes GeoNames' "Diyarbakır"; news writes "Diyarbakir"
    assert gazetteer.division("Diyarbakir").country == "TUR"


# -- resolving a name -----------------------------------------------------------------------
def test_cairo_is_the_egyptian_capital_with_coordinates_and_geonames_id(gazetteer):
    cairo = gazetteer.resolve("Cairo")
    assert (cairo.name, cairo.country, cairo.feature, cairo.geonames_id) == ("Cairo", "EGY", "city", 360630)
    assert cairo.lat == pytest.approx(30.06, abs=0.1) and cairo.lon == pytest.approx(31.25, abs=0.1)


def test_gaza_strip_and_its_cities_are_palestine(gazetteer):
    strip = gazetteer.resolve("the Gaza Strip")
    assert (strip.name, strip.country, strip.feature) == ("Gaza Strip", "PSE", "region")
    assert gazetteer.resolve("Gaza") == strip  # news' "Gaza" is the Strip (countries.tsv lists it for PSE too)
    rafah = gazetteer.resolve("Rafah")
    assert (rafah.country, rafah.admin1, rafah.feature) == ("PSE", "Gaza Strip", "city")
    assert rafah.geonames_id == 281102  # our row, linked to the GeoNames city of the same name
    assert gazetteer.resolve("Khan Yunis") == gazetteer.resolve("Khan Younis")


def test_donbas_is_a_region_of_ukraine(gazetteer):
    for spelling in ("Donbas", "Donbass"):
        donbas = gazetteer.resolve(spelling)
        assert (donbas.name, donbas.country, donbas.feature) == ("Donbas", "UKR", "region")


def test_a_region_across_countries_has_no_country(gazetteer):
    sahel = gazetteer.resolve("Sahel")
    assert (sahel.country, sahel.feature) == (None, "region")
    assert sahel.lat is not None


def test_country_names_come_from_the_actor_table(gazetteer):
    assert gazetteer.resolve("DRC").country == "COD"
    britain = gazetteer.resolve("Britain")
    assert (britain.name, britain.country, britain.feature) == ("United Kingdom", "GBR", "country")
    assert britain.geonames_id is not None


def test_a_division_hint_picks_the_town_inside_it(gazetteer):
    town = gazetteer.resolve("Villa Yapacani", hint="Santa Cruz")
    assert (town.name, town.country, town.admin1, town.feature) == ("Villa Yapacaní", "BOL", "Santa Cruz", "city")
    assert gazetteer.resolve("Paris", hint="Texas").country == "USA"
    assert gazetteer.resolve("Paris", hint="France").country == "FRA"
    assert gazetteer.resolve("Villa Yapacani", hint="Texas") is None  # nothing of that name in Texas


def test_paris_stays_in_france_even_in_an_article_about_the_united_states(gazetteer):
    # A world city outweighs a small namesake in one of the article's countries (Paris, Texas: 25k).
    assert gazetteer.resolve("Paris").country == "FRA"
    assert gazetteer.resolve("Paris", ["USA"]).country == "FRA"


def test_the_articles_countries_decide_between_namesakes_of_similar_weight(gazetteer):
    assert gazetteer.resolve("Tripoli").country == "LBY"
    assert gazetteer.resolve("Tripoli", ["LBN"]).country == "LBN"


def test_divisions_resolve_and_two_equal_divisions_abroad_are_ambiguous(gazetteer):
    texas = gazetteer.resolve("Texas")
    assert (texas.country, texas.admin1, texas.feature) == ("USA", "Texas", "admin1")
    assert gazetteer.resolve("Punjab") is None  # India's or Pakistan's
    assert gazetteer.resolve("Punjab", ["PAK"]).country == "PAK"


def test_a_division_several_countries_share_is_the_likeliest_when_asked(gazetteer):
    assert gazetteer.division("Plateau") is None  # Nigeria's or Benin's
    assert gazetteer.division("Plateau", likeliest=True).country == "NGA"  # the state of Jos
    assert gazetteer.division("Plateau", prefer=["BEN"], likeliest=True).country == "BEN"


def test_a_town_as_hint_keeps_the_readings_of_its_country(gazetteer):
    assert gazetteer.resolve("Kaya", hint="Ouahigouya").country == "BFA"


def test_a_division_several_countries_share_is_the_preferred_countrys_or_none(gazetteer):
    assert gazetteer.division("Sindh").country == "PAK"  # one country's: no preference needed
    assert gazetteer.division("Punjab") is None  # not whichever country the table lists first
    assert gazetteer.division("Punjab", prefer=["GBR", "PAK", "IND"]).country == "PAK"
    assert gazetteer.is_division("Punjab") and not gazetteer.is_division("Lahore")


@pytest.mark.parametrize(("spelling", "country", "name"), [
    ("Idleb", "SYR", "Idlib"), ("Ar-Raqqa", "SYR", "Ar Raqqah"), ("Al-Hasakeh", "SYR", "Al Ḩasakah"),
    ("Duhok", "IRQ", "Dahūk"), ("Erbil", "IRQ", "Arbīl"), ("Sulaymaniyah", "IRQ", "As Sulaymānīyah"),
    ("Zaporizhia", "UKR", "Zaporizka oblast"), ("Galgaduud", "SOM", "Galguduud"), ("Sanliurfa", "TUR", "Şanlıurfa"),
])  # fmt: skip
def test_divisions_go_by_the_spellings_reports_use(gazetteer, spelling, country, name):
    division = gazetteer.division(spelling)
    assert (division.country, division.name, division.feature) == (country, name, "admin1")


def test_a_division_and_its_namesake_city_give_the_city(gazetteer):
    kherson = gazetteer.resolve("Kherson")
    assert (kherson.country, kherson.feature) == ("UKR", "city")


def test_alternate_names_find_the_city(gazetteer):
    kyiv = gazetteer.resolve("Kiev")
    assert (kyiv.name, kyiv.country) == ("Kyiv", "UKR")
    assert gazetteer.resolve("Kiev", alternates=False) is None


def test_names_that_are_not_places(gazetteer):
    assert gazetteer.resolve("Hamas") is None  # GeoNames lists it among Hama's names; a common word here
    assert gazetteer.resolve("Blinken") is None
    assert gazetteer.resolve("") is None


def test_common_words_are_flagged(gazetteer):
    for word in ("Reading", "Mobile", "Split", "Police"):
        assert gazetteer.is_common_word(word), word
    assert not gazetteer.is_common_word("Cairo")


def test_capitals_come_from_the_actor_table(gazetteer):
    assert gazetteer.is_capital("Kyiv") and gazetteer.is_capital("Kabul")
    assert not gazetteer.is_capital("Rafah")


# -- the packaged tables --------------------------------------------------------------------
def _rows(gazetteer):
    return {place for place in gazetteer.regions.values() if place.source == "regions"}


def test_regions_table_has_about_a_hundred_rows(gazetteer):
    assert len(_rows(gazetteer)) >= 100


def test_every_region_lies_among_the_cities_of_its_country(gazetteer):
    """A plausibility check of the hand-written coordinates: one of the three GeoNames cities
    nearest to each row's point is in the row's country."""
    cities = [city for group in gazetteer.cities.values() for city in group]
    empty_interiors = {"Sinai"}  # nearest towns of 15,000 people are across the borders
    for place in _rows(gazetteer):
        if place.country is None or place.name in empty_interiors:
            continue
        scale = math.cos(math.radians(place.lat))
        nearest = sorted(cities, key=lambda c: (c.lat - place.lat) ** 2 + ((c.lon - place.lon) * scale) ** 2)[:3]
        assert place.country in {c.country for c in nearest}, (place.name, [(c.name, c.country) for c in nearest])


def test_region_admin1_names_are_the_names_divisions_report(gazetteer):
    divisions = {(d.country, d.name) for group in gazetteer.admin1.values() for d in group}
    countries_with_divisions = {country for country, _ in divisions}
    for place in _rows(gazetteer):
        if place.admin1 and place.country in countries_with_divisions:
            assert (place.country, place.admin1) in divisions, (place.name, place.admin1)


def test_cities_report_their_admin1_name(gazetteer):
    goma = gazetteer.resolve("Goma")
    assert (goma.country, goma.admin1) == ("COD", "Nord-Kivu")
    assert gazetteer.resolve("El Fasher").admin1 == "North Darfur"


# -- what a user who edits a table is told --------------------------------------------------
HEADER = "names\tcountry\tadmin1\tfeature\tlat\tlon\n"


def _regions_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "regions.tsv"
    path.write_text("# a comment\n" + HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("Atlantis\tATL\t\tregion\t10\t10", "unknown country code 'ATL'"),
        ("Atlantis\t\t\tisland\t10\t10", "unknown feature 'island'"),
        ("Atlantis\t\t\tregion\t91\t10", "latitude 91 is outside -90..90"),
        ("Atlantis\t\t\tregion\tnorth\t10", "latitude 'north' is not a number"),
        ("\tPSE\t\tregion\t10\t10", "no names"),
    ],
)
def test_a_bad_region_row_names_file_and_line(tmp_path, row, reason):
    path = _regions_file(tmp_path, "Donbas\tUKR\t\tregion\t48\t38.5", row)
    with pytest.raises(DataFileError) as caught:
        load_regions(path, country_codes())
    assert (caught.value.path, caught.value.line) == (str(path), 4)
    assert reason in caught.value.reason
    assert caught.value.fix
    assert caught.value.exit_code == ExitCode.BAD_DATA_FILE


def test_a_name_on_two_rows_names_both_lines(tmp_path):
    path = _regions_file(tmp_path, "Donbas|Donbass\tUKR\t\tregion\t48\t38.5", "Donbass\tRUS\t\tregion\t48\t38.5")
    with pytest.raises(DataFileError) as caught:
        load_regions(path, country_codes())
    assert caught.value.line == 4
    assert "'Donbass' is already on line 3" in caught.value.reason


def test_a_wrong_header_is_reported(tmp_path):
    path = tmp_path / "regions.tsv"
    path.write_text("name\tcountry\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_regions(path, country_codes())
    assert caught.value.line == 1 and "header must be" in caught.value.reason


def test_building_from_a_broken_place_directory_fails_with_the_file_and_line(tmp_path):
    places = tmp_path / "places"
    shutil.copytree(PLACE_DIR, places)
    with open(places / "regions.tsv", "a", encoding="utf-8") as handle:
        handle.write("Atlantis\tXXX\t\tregion\t10\t10\n")
    lines = (places / "regions.tsv").read_text(encoding="utf-8").count("\n")
    with pytest.raises(DataFileError) as caught:
        build_gazetteer(places)
    assert str(caught.value).startswith(f"{places / 'regions.tsv'}:{lines}: unknown country code 'XXX'")


def test_a_user_row_wins_over_geonames(tmp_path):
    places = tmp_path / "places"
    shutil.copytree(PLACE_DIR, places)
    with open(places / "regions.tsv", "a", encoding="utf-8") as handle:
        handle.write("Cairo\tUSA\tIllinois\tcity\t37.005\t-89.176\n")
    cairo = build_gazetteer(places).resolve("Cairo")
    assert (cairo.country, cairo.admin1) == ("USA", "Illinois")


def test_another_languages_name_for_a_town_abroad_is_no_place_in_an_article_about_elsewhere(gazetteer):
    # "Ariha" is the Arabic name of Jericho, and also a Syrian town too small for the gazetteer;
    # "Duhok" is a spelling of Dihok (Iraq), not another name: it still counts.
    assert gazetteer.resolve("Ariha", ["SYR"]) is None
    assert gazetteer.resolve("Ariha", ["PSE"]).name == "Jericho"
    assert gazetteer.resolve("Ariha").name == "Jericho"  # nothing says where the article is
    assert gazetteer.resolve("Duhok", ["TUR"]).country == "IRQ"


def test_a_towns_own_name_beats_another_towns_name_in_another_language(gazetteer):
    assert gazetteer.resolve("Valence").country == "FRA"  # not Valencia, Spain ("Valence" in French)
    assert gazetteer.resolve("Fredericia").country == "DNK"  # not the old name of Joao Pessoa
    # ... unless the other is twenty times the larger: Makkah, not Mecca, California; a capital's old name
    assert gazetteer.resolve("Mecca").country == "SAU" and gazetteer.resolve("Kiev").country == "UKR"


def test_readings_can_be_limited_to_a_country_or_a_kind(gazetteer):
    assert gazetteer.resolve("Saida").country == "DZA"
    assert gazetteer.resolve("Saida", country="LBN").name == "Sidon"
    assert gazetteer.resolve("Saida", country="SYR") is None
    assert gazetteer.resolve("Amara").feature == "admin1" and gazetteer.resolve("Amara", feature="city").country == "IRQ"


def test_abbreviations_reports_write_for_states_name_the_division(gazetteer):
    assert gazetteer.division("KPK").name == "Khyber Pakhtunkhwa" and gazetteer.division("WB").name == "West Bengal"
    # "FCT" is Abuja's territory and Islamabad's: the words around decide
    assert gazetteer.division("FCT") is None and gazetteer.division("FCT", prefer=["PAK"]).name == "Islamabad"


# -- second-level divisions (admin2.tsv) ------------------------------------------------------
def test_a_second_level_division_has_its_country_and_first_level_division_and_no_coordinates(gazetteer):
    gourma = gazetteer.second_level("Gourma")
    assert (gourma.name, gourma.country, gourma.admin1, gourma.feature) == ("Gourma", "BFA", "Est", "admin2")
    assert gourma.lat is None and gourma.lon is None and gourma.source == "admin2"
    assert gazetteer.second_level("Province du Gourma").name == "Gourma"  # the table's full forms count too


def test_a_second_level_division_never_beats_a_town_or_division_of_the_name_the_words_support(gazetteer):
    assert gazetteer.resolve("Soum").country == "SEN"  # resolving a name never gives a second-level division
    assert gazetteer.second_level("Soum") is None  # the Senegalese town, unless the words say otherwise
    assert gazetteer.second_level("Soum", prefer=["BFA"]).admin1 == "Sahel"
    assert gazetteer.second_level("Soum", prefer=["SEN", "BFA"]) is None
    assert gazetteer.second_level("Kherson") is None  # a first-level division (and city) of Ukraine
    assert gazetteer.second_level("Kanchanpur") is None  # a town of India...
    assert gazetteer.second_level("Kanchanpur", named_as_division=True).country == "NPL"  # ... "Kanchanpur district"


def test_a_second_level_division_several_countries_share_is_settled_by_preference_or_left_alone(gazetteer):
    assert gazetteer.second_level("Saptari").country == "NPL"  # one country's: no preference needed
    assert gazetteer.second_level("Kavrepalanchok").admin1 == "Bagmati"
    shared = [name for name in ("Bara",) if gazetteer.second_level(name, named_as_division=True) is None]
    assert shared == ["Bara"]  # Nepal's and Sudan's
    assert gazetteer.second_level("Bara", prefer=["NPL"], named_as_division=True).admin1 == "Madhesh"


def test_a_second_level_division_inside_a_first_level_division(gazetteer):
    anka = gazetteer.second_level("Anka", within=gazetteer.division("Zamfara"))
    assert (anka.name, anka.country, anka.admin1) == ("Anka", "NGA", "Zamfara")
    assert gazetteer.second_level("Anka", within=gazetteer.division("Kano")) is None


def test_a_bad_second_level_row_names_file_and_line(tmp_path):
    from petrel.knowledge.places import PlaceCandidate, SecondLevelDivisions

    path = tmp_path / "admin2.tsv"
    path.write_text(
        "country\tadmin1\tgeonames_id\tname\tnames\nBFA\t08\t2360223\tGourma\t\nBFA\t99\t1\tAtlantis\t\n", encoding="utf-8"
    )
    est = PlaceCandidate("Est", "BFA", "Est", None, None, None, "admin1", source="admin1")
    with pytest.raises(DataFileError) as caught:
        SecondLevelDivisions(path, {("BFA", "08"): est}).get("gourma")
    assert (caught.value.path, caught.value.line) == (str(path), 3)
    assert "'99'" in caught.value.reason and caught.value.fix
