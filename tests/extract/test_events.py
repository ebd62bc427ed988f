"""Events: whom an event is aimed at, as English news sentences say it.

The target of an event is the one acted upon: a user reads `target.text` and expects the words
that name that one — the person with the role the text gives them, the place where a thing stood,
the partner of a meeting, not a pronoun or a thing in between. Each test codes one sentence we
wrote in wire style, end to end with `coded`.
"""

from __future__ import annotations

import pytest

from petrel.evaluation.pentaclass import main_event
from tests.extract.coded_events import the_event

pytestmark = pytest.mark.slow


# -- meetings ---------------------------------------------------------------------------------
def test_events_a_meeting_with_the_partner_as_object_goes_both_ways(coded):
    met = [e for e in coded("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday.") if e.cameo == "040"]
    assert {(e.source.code, e.target.code) for e in met} == {("KENGOV", "ETHGOV"), ("ETHGOV", "KENGOV")}
    assert all(e.evidence["reciprocal"] for e in met)


def test_events_meeting_with_someone_stays_one_way(coded):
    event = the_event(coded("The Iraqi foreign minister met with Syrian President Bashar al-Assad on Tuesday."), "040")
    assert (event.source.text, event.target.text) == ("The Iraqi foreign minister", "Syrian President Bashar al-Assad")


@pytest.mark.parametrize("sentence, cameo", [
    ("Sudanese army officers held talks with Egyptian mediators in Cairo on Saturday.", "040"),
    ("The Colombian government negotiated with ELN rebel commanders in Havana for three days.", "046"),
    ("Chile signed a free trade agreement with Indonesia on Thursday.", "057"),
])
def test_events_talks_with_someone_are_had_by_both(coded, sentence, cameo):
    talks = [e for e in coded(sentence) if e.cameo == cameo]
    assert len({(e.source.text, e.target.text) for e in talks}) == 2
    assert {(e.target.text, e.source.text) for e in talks} == {(e.source.text, e.target.text) for e in talks}
    assert all(e.evidence["reciprocal"] for e in talks)


def test_events_an_agreement_ratified_with_someone_stays_one_way(coded):
    event = the_event(coded("Chile ratified a free trade agreement with Indonesia on Thursday."), "057")
    assert (event.source.text, event.target.text) == ("Chile", "Indonesia")


def test_events_what_a_meeting_is_held_to_discuss_is_discussed_with_the_one_met(coded):
    events = coded("Egypt's foreign minister met with Jordanian King Abdullah II on Sunday to discuss the war in Gaza.")
    [discussed] = [e for e in events if e.trigger.text == "discuss"]
    assert (discussed.target.text, discussed.target.code) == ("Jordanian King Abdullah II", "JORGOV")  # not no one


def test_events_the_day_a_meeting_is_held_is_not_who_holds_it(coded):
    events = [e for e in coded("The Chinese and Russian defence ministers will attend Friday's meeting of the Shanghai Cooperation Organisation.")]
    assert {e.source.code for e in events if e.trigger.text == "meeting"} == {"CHNGOV", "RUSGOV"}  # not "Friday"


def test_events_parties_named_by_coordinated_modifiers_agree_with_each_other(coded):
    # spaCy may hang "EU" on "negotiators" instead of coordinating it with "UK"
    agreed = [e for e in coded("UK and EU negotiators have agreed a new fisheries deal.") if e.cameo == "030"]
    assert {(e.source.country, e.target.country) for e in agreed} == {("GBR", "IGO"), ("IGO", "GBR")}
    assert {e.target.text for e in agreed} == {"UK and EU negotiators"}


# -- the words that name the target ---------------------------------------------------------------
def test_events_a_persons_apposition_belongs_to_the_target(coded):
    event = the_event(coded("Belarusian police arrested Ihar Losik, a blogger for Radio Free Europe, on Monday."), "173")
    assert event.target.text == "Ihar Losik, a blogger for Radio Free Europe"


def test_events_a_places_apposition_does_not(coded):
    event = the_event(coded("Russian missiles struck Kharkiv, Ukraine's second largest city, overnight."), "194")
    assert event.target.text == "Kharkiv"


def test_events_an_object_pronoun_is_read_as_the_one_named_before_it(coded):
    events = coded(
        "Chinese President Xi Jinping phoned Brazilian President Luiz Inacio Lula da Silva and congratulated him on his election victory."
    )
    event = the_event(events, "051")
    assert event.source.text == "Chinese President Xi Jinping"  # "him" is not who congratulated
    assert (event.target.text, event.target.code) == ("Brazilian President Luiz Inacio Lula da Silva", "BRAGOV")
    assert event.evidence["target_from"] == "dobj"


def test_events_a_place_right_after_the_thing_attacked_is_read_with_it(coded):
    event = the_event(coded("Taliban fighters stormed a police station in Ghazni province on Monday."), "190")
    assert event.target.text == "a police station in Ghazni province"
    assert event.target.country == "AFG"  # coded by the place, as before
    assert event.evidence["target_from"] == "scene:in"


# -- whom the event is aimed at ----------------------------------------------------------------------
def test_events_claiming_an_attack_is_aimed_at_whom_the_attack_was(coded):
    event = the_event(coded("The Pakistani Taliban claimed responsibility for an attack on a police station in Peshawar."), "015")
    assert event.target.text == "a police station in Peshawar"
    assert event.evidence["target_from"] == "claimed-act:prep:on"


def test_events_a_bombing_named_as_subject_is_aimed_at_whom_it_killed(coded):
    event = the_event(coded("A car bomb in Mogadishu killed three Somali soldiers on Sunday."), "1832")
    assert (event.target.text, event.target.code) == ("three Somali soldiers", "SOMMIL")


def test_events_a_participle_coordinated_with_a_passive_shares_its_subject(coded):
    event = the_event(coded("Two journalists were beaten and detained by Belarusian police in Minsk."), "173")
    assert event.target.text == "Two journalists"
    assert event.source.code == "BLRCOP"


def test_events_what_an_act_ends_in_is_not_its_target(coded):
    event = the_event(coded("Guards tortured a prisoner to death in Evin prison."), "1822")
    assert event.target.text != "death"


def test_events_lifting_a_state_of_emergency_is_aimed_at_the_place_under_it(coded):
    event = the_event(coded("The Thai government lifted a state of emergency in three southern provinces of Thailand."), "0814")
    assert (event.target.text, event.target.country) == ("three southern provinces of Thailand", "THA")  # not the emergency


def test_events_lifting_a_ban_is_aimed_at_whom_its_relative_clause_says_it_was_imposed_on(coded):
    event = the_event(coded("The junta lifted the restrictions that it had imposed on foreign journalists."), "081")
    assert (event.target.text, event.target.sector) == ("foreign journalists", "MED")  # not "the restrictions"


def test_events_a_mediation_is_aimed_at_the_parties_of_the_dispute_it_is_to_end(coded):
    events = coded("Qatar launched a mediation effort to end the dispute between Sudan and South Sudan.")
    assert {(e.source.code, e.target.code) for e in events if e.cameo == "045"} == {("QAT", "SDN"), ("QAT", "SSD")}


@pytest.mark.parametrize(
    ("sentence", "target", "country"),
    [
        ("Saudi Arabia lifted a ban on imports of Lebanese fruit on Monday.", "Lebanese fruit", "LBN"),
        ("The Palestinian trade union lifted its boycott of Israeli goods.", "Israeli goods", "ISR"),
        ("Authorities suspended publication of Turkey's largest opposition newspaper.", "Turkey's largest opposition newspaper", "TUR"),
    ],
)
def test_events_a_trade_or_boycott_is_aimed_at_what_its_of_phrase_names(coded, sentence, target, country):
    [event] = [e for e in coded(sentence) if e.trigger.text in ("lifted", "suspended")]
    assert (event.target.text, event.target.country) == (target, country)  # not "imports of ..."


@pytest.mark.parametrize(
    ("sentence", "cameo", "target", "country"),
    [
        ("Canada has refused to ease its ban on doing business with Iranian banks.", "1244", "Iranian banks", "IRN"),
        ("Washington eased restrictions on travelling to Cuba.", "081", "Cuba", "CUB"),
    ],
)
def test_events_a_restriction_on_doing_something_is_aimed_at_whom_it_is_done_with(coded, sentence, cameo, target, country):
    event = the_event(coded(sentence), cameo)
    assert (event.target.text, event.target.country) == (target, country)  # not "the ban"


@pytest.mark.parametrize(
    ("sentence", "target", "country"),
    [
        ("The government lifted all restrictions on the ability of citizens to travel to Venezuela.", "Venezuela", "VEN"),
        ("Washington eased restrictions on the ability of families to visit relatives in Cuba.", "Cuba", "CUB"),
    ],
)
def test_events_a_restriction_on_a_thing_is_aimed_at_where_its_clause_sends_it(coded, sentence, target, country):
    event = the_event(coded(sentence), "081")
    assert (event.target.text, event.target.country) == (target, country)  # not "the ability of citizens"
    assert event.evidence["target_from"].startswith("destination:")


@pytest.mark.parametrize(
    ("sentence", "cameo", "target"),
    [
        ("The European Union imposed new sanctions to force Russia to withdraw its troops.", "163", "RUS"),
        ("Washington refused to ease sanctions to push Tehran into new nuclear talks.", "1244", "IRN"),
    ],
)
def test_events_sanctions_meant_to_push_someone_are_aimed_at_them(coded, sentence, cameo, target):
    event = the_event(coded(sentence), cameo)
    assert (event.target.country, event.evidence["target_from"]) == (target, "purpose:pressed")


def test_events_sending_people_somewhere_to_investigate_is_aimed_at_that_place(coded):
    event = the_event(coded("Washington sent a team of inspectors to Nigeria to investigate the explosion."), "090")
    assert (event.target.text, event.target.country) == ("Nigeria", "NGA")


def test_events_sending_people_to_a_city_to_investigate_is_aimed_at_that_city(coded):
    event = the_event(coded("The agency is dispatching a team to Denver to investigate a crash involving a bus."), "090")
    assert (event.target.text, event.target.country) == ("Denver", "USA")  # a place petrel knows by its country only
    assert event.evidence["target_from"] == "recipient:to"


def test_events_sending_forces_after_acting_in_a_place_is_aimed_at_that_place(coded):
    [sent] = [e for e in coded("Kenya's interior minister imposed a curfew in Mombasa and sent in police on Sunday.") if e.trigger.text == "sent"]
    assert (sent.target.text, sent.target.country) == ("Mombasa", "KEN")  # where the curfew is, not no one
    assert sent.evidence["target_from"] == "scene:in"


@pytest.mark.parametrize(
    ("sentence", "target", "country"),
    [
        ("Britain is deploying 250 troops to the UN peacekeeping mission in Mali.", "Mali", "MLI"),
        ("Japan is sending engineers to the United Nations peacekeeping force in South Sudan.", "South Sudan", "SSD"),
    ],
)
def test_events_troops_sent_to_a_mission_go_to_the_place_it_serves_in(coded, sentence, target, country):
    [sent] = [e for e in coded(sentence) if e.trigger.text in ("deploying", "sending")]
    assert (sent.target.text, sent.target.country) == (target, country)
    assert sent.evidence["target_from"] == "mission-place:prep:to"


def test_events_troops_sent_to_reinforce_a_force_are_sent_for_it(coded):
    [sent] = [e for e in coded("Nigeria sent troops to reinforce the Malian army.") if e.trigger.text == "sent"]
    assert (sent.target.text, sent.target.code) == ("the Malian army", "MLIMIL")
    assert sent.evidence["target_from"] == "purpose:dobj"


def test_events_a_gift_named_as_an_object_goes_to_whom_the_verb_sends_it(coded):
    event = the_event(coded("Japan transferred a large donation to Sri Lanka last week."), "070")
    assert (event.target.text, event.target.country) == ("Sri Lanka", "LKA")  # "to" hangs on the verb
    assert event.evidence["target_from"] == "recipient:to"


@pytest.mark.parametrize(
    ("sentence", "target", "country"),
    [
        ("Customs officers returned 12 stolen statues that date back to the Inca period to Bolivia on Monday.", "Bolivia", "BOL"),
        ("Police returned a 16th century, hand-painted icon, missing since 1962, to Moldova.", "Moldova", "MDA"),
    ],
)
def test_events_a_thing_handed_back_goes_to_whom_the_last_to_phrase_names(coded, sentence, target, country):
    [returned] = [e for e in coded(sentence) if e.trigger.text == "returned"]
    assert (returned.target.text, returned.target.country) == (target, country)  # not the statues or the icon
    assert returned.evidence["target_from"] == "handed-to:to"


def test_events_a_to_phrase_of_the_things_own_clause_stays_its_own(coded):
    [returned] = [e for e in coded("The bank returned the funds that were sent to Iran last year.") if e.trigger.text == "returned"]
    assert returned.target is None or returned.target.country != "IRN"


@pytest.mark.parametrize(
    ("sentence", "target", "code"),
    [
        ("Kenya's finance minister resigned as head of the African Development Bank on Friday.", "the African Development Bank", "BUS"),
        ("Nawaz Sharif resigned as prime minister of Pakistan in July.", "Pakistan", "PAK"),
    ],
)
def test_events_resigning_from_an_office_is_aimed_at_whose_office_it_was(coded, sentence, target, code):
    event = the_event(coded(sentence), "0831")
    assert (event.target.text, event.target.code) == (target, code)
    assert event.evidence["target_from"] == "office:of"


def test_events_acting_as_part_of_something_is_not_holding_an_office(coded):
    [deployed] = [e for e in coded("Britain deployed 300 troops as part of the UN mission in Mali.") if e.trigger.text == "deployed"]
    assert deployed.evidence["target_from"] != "office:of"


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Russia has strengthened its forces in Crimea, the defence ministry said.", "Crimea"),
        ("The rebels said they will lay down their arms in Kunduz next week.", "Kunduz"),
    ],
)
def test_events_acting_on_ones_own_forces_is_aimed_at_where_they_stand(coded, sentence, target):
    [event] = [e for e in coded(sentence) if e.trigger.text in ("strengthened", "lay")]
    assert event.target.text == target  # not "its forces in Crimea": the actor's own


def test_events_aid_given_to_help_a_country_cope_is_for_that_country(coded):
    event = the_event(coded("Japan earmarked $5 million in emergency aid to help Nepal cope with the floods."), "070")
    assert (event.target.text, event.target.country) == ("Nepal", "NPL")


def test_events_a_model_found_sending_is_aimed_at_whom_it_goes_to(coded):
    [event] = [e for e in coded("The Netherlands has sent 40 armoured vehicles to Lithuania.") if e.trigger.text == "sent"]
    assert event.evidence["rule"] == "model:event_roots"  # the lexicon has no entry for sending vehicles
    assert (event.target.text, event.target.country) == ("Lithuania", "LTU")  # not "40 armoured vehicles"


@pytest.mark.parametrize(
    ("sentence", "cameo", "target"),
    [
        ("Ethiopia freed another 40 opposition politicians on Friday.", "0841", "another 40 opposition politicians"),
        ("The army threatened to shell all the bases of the rebels in Idlib.", "1384", "all the bases of the rebels in Idlib"),
        ("Myanmar's military government rejected the UN's findings on Tuesday.", "120", "the UN's findings"),  # the possessor's
    ],
)
def test_events_the_target_keeps_the_determiners_that_quantify_it(coded, sentence, cameo, target):
    assert the_event(coded(sentence), cameo).target.text == target


def test_events_the_target_ends_before_the_time_of_its_clause(coded):
    event = the_event(
        coded("Vietnam's prime minister expressed condolences to the families of the migrants found in a truck near London last month."), "018"
    )
    assert event.target.text == "the families of the migrants found in a truck near London"  # not "... last month"


@pytest.mark.parametrize(
    ("sentence", "target", "found_by"),
    [
        ("ASEAN foreign ministers issued a statement urging North Korea to comply with UN resolutions.", "North Korea", "document:dobj"),
        ("The union issued a statement saying that its president had been detained.", "its president", "document:clause-subject"),
    ],
)
def test_events_a_statement_is_aimed_at_whom_it_addresses(coded, sentence, target, found_by):
    event = the_event(coded(sentence), "010")
    assert (event.target.text, event.evidence["target_from"]) == (target, found_by)  # not "a statement"


def test_events_investigating_a_report_is_not_aimed_at_whom_the_report_names(coded):
    event = the_event(coded("The ministry will investigate a report alleging that Qatar funds the militia."), "090")
    assert event.target.text != "Qatar"


# -- which event is the sentence's main one (the most confident: what a one-event summary keeps) -----
def test_events_a_verb_reported_in_a_subordinate_clause_ranks_below_the_main_event(coded):
    events = coded("Iraqi troops launched an assault on the militants' last stronghold on Monday "
                   "even as the Kurds said Iraqi forces had attacked their positions.")
    assert (main_event(events).trigger.text, main_event(events).source.text) == ("assault", "Iraqi troops")


def test_events_an_attack_named_in_a_clause_of_its_light_verb_keeps_its_rank(coded):
    events = coded("At least 12 civilians were killed on Sunday as Syrian government forces "
                   "launched air strikes against the town of Douma.")
    assert (main_event(events).trigger.text, main_event(events).source.text) == ("air strikes", "Syrian government forces")


def test_events_a_verb_in_a_clause_describing_a_noun_ranks_below_the_main_event(coded):
    events = coded("Russia vetoed a UN resolution on Friday that would have extended an inquiry into who is to blame for the attacks.")
    assert (main_event(events).trigger.text, main_event(events).source.text) == ("vetoed", "Russia")



@pytest.mark.parametrize(
    ("sentence", "source", "code"),
    [
        ("Iraqi warplanes bombed militant positions near Mosul on Sunday.", "Iraqi warplanes", "IRQ"),
        ("Syrian government missiles struck a rebel-held area near the border.", "Syrian government missiles", "SYR"),
    ],
)
def test_events_an_actor_named_only_as_a_weapons_modifier_is_read_with_the_weapons(coded, sentence, source, code):
    [struck] = [e for e in coded(sentence) if e.cameo_root == "19"]
    assert (struck.source.text, struck.source.code) == (source, code)  # not "Iraqi" alone


@pytest.mark.parametrize(
    "sentence, cameo",
    [
        ("Iran threatened in Tehran to close the Strait of Hormuz.", "130"),
        ("The minister appealed in Geneva for more humanitarian aid.", "0233"),
        ("The UN chief made his remarks in Doha on Sunday.", "010"),
        ("Khamenei delivered a speech in Tehran on Friday.", "010"),
    ],
)
def test_events_where_words_are_said_is_not_whom_they_address(coded, sentence, cameo):
    assert the_event(coded(sentence), cameo).target is None


@pytest.mark.parametrize(
    "sentence, cameo, country",
    [
        ("The UN called for a ceasefire in Gaza.", "0256", "PSE"),  # the place of what is asked for
        ("Macron will meet Scholz and Sunak in Brussels next week to discuss Ukraine.", "036", "DEU"),
    ],
)
def test_events_a_place_of_what_words_are_about_stays_their_target(coded, sentence, cameo, country):
    assert any(e.target is not None and e.target.country == country for e in coded(sentence) if e.cameo == cameo)
