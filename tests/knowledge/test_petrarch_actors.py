"""Importing PETRARCH / TABARI actor and agent dictionaries (petrel/knowledge/petrarch_actors.py).

Each rule is shown on a hand-written dictionary snippet; the last tests load the real Phoenix
and validation dictionaries from ../shared/dict when they are there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.knowledge.dictionary_files import line_of, write_dictionary

from petrel.errors import ActorDictionarySkip, DataFileError, ExitCode
from petrel.knowledge.actor_tables import NamedActor, SectorWord
from petrel.knowledge.petrarch_actors import ActorImportReport, load_petrarch_actors, load_petrarch_agents

SHARED_DICT = Path(__file__).resolve().parents[2].parent / "shared" / "dict"


def _file(tmp_path: Path, text: str, name: str = "actors.txt") -> Path:
    return write_dictionary(tmp_path, text, name)


_line = line_of


def _actors(tmp_path: Path, text: str) -> tuple[dict[str, NamedActor], ActorImportReport, Path]:
    path = _file(tmp_path, text)
    actors, report = load_petrarch_actors(path)
    return {actor.phrase: actor for actor in actors}, report, path


def _agents(tmp_path: Path, text: str) -> tuple[dict[tuple[str, ...], SectorWord], ActorImportReport, Path]:
    path = _file(tmp_path, text, "agents.txt")
    words, report = load_petrarch_agents(path)
    return {word.term: word for word in words}, report, path


# -- names ------------------------------------------------------------------------------------
def test_entry_and_its_synonyms_become_the_phrases_news_writes(tmp_path):
    actors, report, _ = _actors(tmp_path, """
        BARACK_OBAMA
        +PRESIDENT_OBAMA_
        +MR._OBAMA_
        +US_PRESIDENT_BARACK_OBAMA
        \t[USAGOV]
    """)
    assert set(actors) == {"Barack Obama", "President Obama", "Mr. Obama", "US President Barack Obama"}
    assert {actor.name for actor in actors.values()} == {"Barack Obama"}
    assert (report.entries, report.imported) == (1, 4)


def test_abbreviations_stay_in_capitals_so_they_match_exactly(tmp_path):
    actors, _, _ = _actors(tmp_path, """
        PLO [PSE]
        U.N. [IGOUNO]
        MSF_INTERNATIONAL [NGO]
        IRAN [IRN]
        KIM_JONG_UN [PRKGOV]
        UN_SECRETARY_GENERAL [IGOUNO]
    """)
    assert {"PLO", "U.N.", "MSF International", "Iran", "Kim Jong Un", "UN Secretary General"} == set(actors)


def test_arabic_article_is_also_written_in_lower_case(tmp_path):
    actors, _, _ = _actors(tmp_path, "AL-QAEDA [IMGMUSALQ]\n")
    assert {"Al-Qaeda", "al-Qaeda"} == set(actors)


def test_leading_article_and_abbreviation_in_parentheses_are_dropped(tmp_path):
    actors, _, _ = _actors(tmp_path, """
        THE_UNITED_NATIONS_ [IGOUNO]
        ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]
        CONGO_(KINSHASA)_ [COD]
    """)
    # "(KINSHASA)" is not an abbreviation: without it the name would be the other Congo
    assert {"United Nations", "Aden Abyan Islamic Army", "Congo (Kinshasa)"} == set(actors)


def test_name_given_twice_keeps_the_first_entry(tmp_path):
    actors, report, path = _actors(tmp_path, """
        CONGO_ [COG]
        CONGO_ [COD]
    """)
    assert actors["Congo"].code == "COG"
    assert report.skipped[ActorDictionarySkip.DUPLICATE_NAME] == [2]


# -- codes ------------------------------------------------------------------------------------
def test_country_and_sector_come_from_the_code(tmp_path):
    actors, _, _ = _actors(tmp_path, """
        AFGHAN_NATIONAL_SECURITY_FORCES
        +ANSF
        \t[AFGMIL]
        AFGHAN_CHAMBER_OF_COMMERCE [AFGGOVBUS]
    """)
    ansf = actors["ANSF"]  # an abbreviation of the entry's name stays in capitals
    assert (ansf.country, ansf.sector, ansf.code, ansf.how) == ("AFG", "MIL", "AFGMIL", "organization")
    chamber = actors["Afghan Chamber of Commerce"]
    assert (chamber.country, chamber.sector, chamber.code) == ("AFG", "GOV", "AFGGOVBUS")


def test_international_bodies_are_coded_as_petrel_codes_them(tmp_path):
    actors, _, _ = _actors(tmp_path, """
        UNICEF_ [IGOUNOKID]
        ICJ_ [IGOUNOJUDICJ]
        UNOCAL_ [MNC]
        ISLAMIC_ARMY_OF_IRAQ [IMGMUSREB]
        ABU_SAYYAF [IMGMUSALQ]
    """)
    assert (actors["Unicef"].country, actors["Unicef"].sector) == ("IGO", "IGO")  # like the UN in organizations.tsv
    assert (actors["ICJ"].country, actors["ICJ"].sector) == ("IGO", "JUD")
    assert (actors["Unocal"].country, actors["Unocal"].sector, actors["Unocal"].code) == (None, "BUS", "MNC")
    assert actors["Islamic Army of Iraq"].sector == "REB"
    assert (actors["Abu Sayyaf"].country, actors["Abu Sayyaf"].sector, actors["Abu Sayyaf"].kind) == (None, "REB", "group")


def test_kind_is_guessed_from_the_codes(tmp_path):
    actors, _, _ = _actors(tmp_path, """
        AFGHANISTAN_ [AFG]
        +KABUL_
        U.S.S.R
        \t[USR <911226]
        HAMID_KARZAI_
        \t[AFGGOV 011222-140929]
        \t[AFGELI]
        TALIBAN [AFGREB]
        WORLD_BANK [IGOBUSWBK]
    """)
    assert (actors["Kabul"].kind, actors["Kabul"].how, actors["Kabul"].name) == ("state", "country-name", "Afghanistan")
    assert actors["U.S.S.R"].kind == "state"
    assert actors["Hamid Karzai"].kind == "person"  # dated codes are terms of office
    assert actors["Taliban"].kind == "group"
    assert actors["World Bank"].kind == "organization"


def test_dated_codes_code_the_day_and_the_first_listed_range_wins(tmp_path):
    actors, report, _ = _actors(tmp_path, """
        SAM_GAMGEE [HOB]
        \t[HOBCIV <20080120]
        \t[ORCHOB 20100109-20100112] # overrides the next range
        \t[HOBMIL 20080120-20121109]
        \t[HOBELI >20130119]
    """)
    sam = actors["Sam Gamgee"]
    assert sam.code == "HOB" and len(sam.dated) == 4
    assert sam.on(date(2008, 1, 20)).code == "HOBCIV"  # both ends are included
    assert sam.on(date(2010, 1, 10)).code == "ORCHOB"
    assert sam.on(date(2011, 6, 1)).code == "HOBMIL"
    assert sam.on(date(2012, 12, 1)).code == "HOB"  # between ranges: the default
    assert sam.on(date(2013, 1, 19)).code == "HOBELI"
    assert report.dated == 1


def test_two_digit_years_up_to_30_are_this_century(tmp_path):
    actors, _, _ = _actors(tmp_path, """
        HASSAN_ROUHANI
        \t[IRNELI 480101-130803]
        \t[IRNGOV >130803]
    """)
    [elite, government] = actors["Hassan Rouhani"].dated
    assert (elite.start, elite.end, government.start, government.end) == (
        date(1948, 1, 1), date(2013, 8, 3), date(2013, 8, 3), None
    )


def test_entry_without_a_default_has_no_code_outside_its_ranges(tmp_path):
    actors, _, _ = _actors(tmp_path, """
        BARACK_OBAMA
        \t[USAELI 780101-000101]
        \t[USAGOV >090120]
    """)
    obama = actors["Barack Obama"]
    assert obama.on(date(2010, 1, 1)).code == "USAGOV"
    assert obama.on(date(1990, 1, 1)).code == "USAELI"
    assert obama.on(date(2005, 1, 1)).code is None  # PETRARCH codes no actor then
    assert obama.on(None).code is None


def test_null_code_in_a_range_means_no_actor_then(tmp_path):
    actors, _, _ = _actors(tmp_path, """
        PRINCE_OF_DOL_AMROTH
        \t[--- <950630]
        \t[DOL]
    """)
    prince = actors["Prince of Dol Amroth"]
    assert prince.on(date(1990, 1, 1)).code is None
    assert prince.on(date(2000, 1, 1)).code == "DOL"


def test_name_without_codes_takes_those_of_the_entry_after_it(tmp_path):
    actors, report, _ = _actors(tmp_path, """
        U.N._
        UN_SECRETARY_GENERAL
        +UNSG
        \t[IGOUNO]
    """)
    assert {actors[phrase].code for phrase in ("U.N.", "UN Secretary General", "UNSG")} == {"IGOUNO"}
    assert report.joined == 1


def test_codes_on_the_name_line_several_codes_and_indented_names(tmp_path):
    actors, _, _ = _actors(tmp_path, """
        ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# later UNICEF
        \tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]# an indented entry
    """)
    assert actors["Ann Veneman"].on(date(2006, 1, 1)).code == "IGOUNOKID"
    assert actors["John Mccloy"].on(date(1948, 1, 1)).code == "IGOUNODEVWBK"


def test_what_cannot_be_read_is_skipped_and_counted_by_line(tmp_path):
    actors, report, path = _actors(tmp_path, """
        +ORPHAN_SYNONYM
        INDIAN_OCEAN  [---]
        LORIEN  [ELR/GAL]
        PALESTINIAN [pse]
        KOFI_ANNAN_
        \t[IGOUNO 970101-061231]
        \t[USAGOV 19820101]
        \t[IRQOCC 1920030320-20060520]
        \t[EGYGOV 20121207-20120802]
        \t[ELI]
        \t[GHA]
        ADEN_ARMY_ [YEMREB]
        +313_
        DANGLING_NAME
    """)
    by_reason = {reason: lines for reason, lines in report.skipped.items()}
    assert by_reason[ActorDictionarySkip.STRAY_LINE] == [_line(path, "ORPHAN")]
    assert by_reason[ActorDictionarySkip.NULL_CODE] == [_line(path, "INDIAN_OCEAN")]
    assert by_reason[ActorDictionarySkip.BAD_CODE] == [_line(path, "LORIEN"), _line(path, "[pse]")]
    assert by_reason[ActorDictionarySkip.BAD_DATE] == [_line(path, "19820101"), _line(path, "1920030320"), _line(path, "20121207")]
    assert by_reason[ActorDictionarySkip.EXTRA_DEFAULT] == [_line(path, "[GHA]")]
    assert by_reason[ActorDictionarySkip.NO_WORDS] == [_line(path, "+313_")]  # it would match the number
    assert by_reason[ActorDictionarySkip.NO_CODE] == [_line(path, "DANGLING")]
    assert actors["Kofi Annan"].code == "ELI" and actors["Aden Army"].code == "YEMREB"
    assert "3 date restrictions petrel cannot read" in str(report)


def test_comments_are_left_out_and_reading_stops_at_stop(tmp_path):
    actors, report, _ = _actors(tmp_path, """
        <!-- PETRARCH VALIDATION SUITE ACTOR DICTIONARY -->
        <!--
        # a comment over several lines, [WITH] brackets
        # -->
        ISRAEL [ISR] # jw 9/10/91
        <! -- NEW ACTORS -->
        JORDAN [JOR]
        ---STOP---
        EGYPT [EGY]
    """)
    assert set(actors) == {"Israel", "Jordan"}
    assert report.skipped_count == 0


def test_file_that_is_not_an_actor_dictionary_is_an_error_naming_it(tmp_path):
    path = _file(tmp_path, "--- ACCELERATE [---] ---\nRUSH\n")
    with pytest.raises(DataFileError) as caught:
        load_petrarch_actors(path)
    assert caught.value.path == str(path) and "no name has a code" in caught.value.reason
    assert caught.value.exit_code == ExitCode.BAD_DATA_FILE


def test_binary_file_names_its_line(tmp_path):
    path = tmp_path / "actors.bin"
    path.write_bytes(b"ISRAEL [ISR]\nJOR\0DAN\n")
    with pytest.raises(DataFileError) as caught:
        load_petrarch_actors(path)
    assert caught.value.line == 2 and "binary" in caught.value.reason


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    with pytest.raises(DataFileError) as caught:
        load_petrarch_actors(tmp_path / "missing.txt")
    assert "cannot be read" in caught.value.reason


# -- agents -----------------------------------------------------------------------------------
def test_agent_words_become_lemma_terms_with_their_sector(tmp_path):
    words, report, _ = _agents(tmp_path, """
        SOLDIER [~MIL] # ss 29 Jun 2007
        POLICE {} [ ~COP]
        SECURITY_OFFICIALS  [~GOV]
        THIEF {THIEVES} [~CRM]
        OFFICIAL_MEDIA {} [~GOVMED]
        HUMAN_RIGHTS_BODY  [NGO~]
    """)
    assert words[("soldier",)].sector == "MIL"
    assert words[("police",)].sector == "COP"
    # written in the plural: kept as written and, the likely lemma, in the singular
    assert words[("security", "official")].sector == words[("security", "officials")].sector == "GOV"
    assert ("thieves",) not in words  # petrel matches the lemma "thief"
    assert words[("official", "media")].sector == "GOVMED"
    assert words[("human", "right", "body")].sector == "NGO"  # a code PETRARCH puts before the actor's
    assert report.entries == 6


def test_substitution_markers_expand_to_every_form(tmp_path):
    words, _, _ = _agents(tmp_path, """
        !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
        !MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
        FOREIGN_!MINIST! [~GOV]
        CONGRESS!PERSON! [~LEG]
    """)
    assert words[("foreign", "minister")].kind == "person" and words[("foreign", "minister")].role == "title"
    assert words[("foreign", "ministry")].kind == "organization"
    assert {("congressman",), ("congresswoman",), ("congressperson",)} <= set(words)


def test_agent_kind_and_role_follow_the_head_word(tmp_path):
    words, _, _ = _agents(tmp_path, """
        REBEL_LEADER [~REB]
        MINISTER_OF_DEFENCE [~GOVMIL]
        FIGHTER_PILOT [~MIL]
        RIOT_POLICE {} [~COP]
        JOURNALIST [~MED]
    """)
    assert (words[("rebel", "leader")].kind, words[("rebel", "leader")].role) == ("person", "generic")
    assert (words[("minister", "of", "defence")].kind, words[("minister", "of", "defence")].role) == ("person", "title")
    assert words[("fighter", "pilot")].kind == "group"  # a member of an armed band, like "soldier" in sectors.tsv
    assert words[("riot", "police")].kind == "organization"
    assert (words[("journalist",)].kind, words[("journalist",)].role) == ("person", "")


def test_agent_lines_that_cannot_be_read_are_counted(tmp_path):
    words, report, path = _agents(tmp_path, """
        ISLAMIC_EXTREMIST
        GOLDEN_GOOSE [GGS]
        !MINST!_OF_SILLY_WALKS [~GOV]
        SOLDIER [~MIL]
        SOLDIERS [~MIL]
    """)
    assert set(words) == {("soldier",)}
    assert report.skipped[ActorDictionarySkip.NO_AGENT_CODE] == [_line(path, "EXTREMIST")]
    assert report.skipped[ActorDictionarySkip.BAD_AGENT_CODE] == [_line(path, "GOOSE")]
    assert report.skipped[ActorDictionarySkip.UNDEFINED_MARKER] == [_line(path, "SILLY")]
    assert report.skipped[ActorDictionarySkip.DUPLICATE_TERM] == [_line(path, "SOLDIERS")]


def test_agent_file_without_agents_is_an_error(tmp_path):
    path = _file(tmp_path, "# only a comment\n", "agents.txt")
    with pytest.raises(DataFileError) as caught:
        load_petrarch_agents(path)
    assert "not an agent dictionary" in caught.value.reason


# -- the real dictionaries ----------------------------------------------------------------------
def _shared(name: str) -> Path:
    path = SHARED_DICT / name
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


def test_phoenix_countries_codes_leaders_by_their_terms_of_office():
    actors, report = load_petrarch_actors(_shared("Phoenix.Countries.actors.txt"))
    by_phrase = {actor.phrase: actor for actor in actors}
    assert report.imported > 25_000 and report.dated > 20_000 and report.skipped_count < 200
    obama = by_phrase["Barack Obama"]
    assert obama is not None and by_phrase["President Obama"].dated == obama.dated
    assert obama.on(date(2010, 6, 1)).code == "USAGOV"
    assert obama.on(date(2005, 6, 1)).code != "USAGOV"  # before 2009-01-20 he was not the government
    sisi = by_phrase["Sisi"]
    assert (sisi.on(date(2010, 1, 1)).code, sisi.on(date(2015, 1, 1)).code, sisi.on(None).code) == ("EGYMIL", "EGYGOV", "EGYELI")
    assert by_phrase["Afghanistan"].kind == "state" and by_phrase["Kabul"].country == "AFG"


def test_phoenix_international_codes_the_un_family():
    actors, report = load_petrarch_actors(_shared("Phoenix.International.actors.txt"))
    by_phrase = {actor.phrase: actor for actor in actors}
    assert report.imported > 6_000
    assert (by_phrase["United Nations"].code, by_phrase["United Nations"].country) == ("IGOUNO", "IGO")
    assert by_phrase["UN"].code == "IGOUNO"
    assert by_phrase["Kofi Annan"].on(date(2000, 1, 1)).code == "IGOUNO"


def test_phoenix_armed_groups_are_rebel_groups():
    actors, report = load_petrarch_actors(_shared("Phoenix.MilNonState.actors.txt"))
    assert report.imported > 1_500
    rebels = [actor for actor in actors if actor.sector == "REB"]
    assert len(rebels) > 0.8 * len(actors)
    assert {actor.kind for actor in rebels} == {"group"}


def test_petrarch_validation_actors_follow_petrarchs_date_rules():
    actors, _ = load_petrarch_actors(_shared("PETR.Validate.actors.txt"))
    sam = {actor.phrase: actor for actor in actors}["Sam Gamgee"]
    days = [date(2007, 1, 1), date(2010, 1, 10), date(2011, 1, 1), date(2013, 1, 1), date(2014, 1, 1)]
    assert [sam.on(day).code for day in days] == ["HOBCIV", "ORCHOB", "HOBMIL", "HOBGOV", "HOBELI"]


def test_phoenix_agents_give_sector_words():
    words, report = load_petrarch_agents(_shared("Phoenix.agents.txt"))
    by_term = {word.term: word for word in words}
    assert report.imported > 2_500 and report.skipped_count < 50
    assert by_term[("foreign", "minister")].sector == "GOV"
    assert by_term[("soldier",)].sector == "MIL"
    assert by_term[("police",)].sector == "COP"
