"""Places in news text: finding and resolving place names, and the place of an event (petrel/extract/places.py)."""

from __future__ import annotations

import pytest

from petrel.extract.places import PlaceMention, find_places, place_for
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


def test_coordinated_verbs_share_the_place_one_of_them_gives(place_of):
    text = "Residents of Yerevan and members of the diaspora of Armenia marched and protested in Gyumri on Sunday."
    assert place_of(text, "marched") == "Gyumri"


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


def test_a_sentence_with_a_date_of_its_own_does_not_take_the_scene_before(place_of):
    text = "Protesters marched in Cairo on Thursday. The Oct. 7, 2023 attack killed some 1,200 Israelis."
    assert place_of(text, "killed") is None


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


@pytest.mark.parametrize("text, trigger", [
    ("Israeli forces shelled Rafah on Monday.", "shelled"),
    ("An Israeli air strike on Rafah killed five people.", "strike"),
])  # fmt: skip
def test_what_is_shelled_or_attacked_is_the_place_of_the_attack(place_of, text, trigger):
    # no other word of the text puts Palestine in context: the attack's object is a place by itself
    assert place_of(text, trigger) == "Rafah"


def test_a_country_that_acts_is_not_where_the_act_happened(place_of):
    assert place_of("Russia struck Odesa with drones.", "struck") == "Odesa"


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
    assert places_in(text) == []  # nothing tells: no place rather than the table's first Punjab


def test_a_division_after_a_comma_that_holds_the_town_is_its_address(places_in):
    # Costa Rica's capital is in San Jose province; the Californian city is larger
    (town,) = places_in("Students marched in San Jose, San Jose, against the tax reform.")
    assert (town.text, town.country, town.admin1) == ("San Jose", "CRI", "San José")
    # the state after the city is its address, no second place
    assert [m.text for m in places_in("Gunmen shot a police officer in Irapuato, Guanajuato, on Sunday.")] == ["Irapuato"]


def test_an_event_in_a_purpose_clause_happens_where_the_verb_above_it_does(place_of):
    text = "Hundreds of people gathered outside the town hall in Ashford on Sunday to show support for Ukraine."
    assert place_of(text, "show") == "Ashford"  # not Ukraine, the nearer place


def test_a_village_is_placed_by_its_division_in_the_spelling_reports_use(places_in):
    (village,) = places_in("Turkish drones struck a farm near Sarkeli village (Duhok) on Friday.")
    assert (village.text, village.name, village.country, village.feature) == ("Sarkeli", "Dahūk", "IRQ", "admin1")
