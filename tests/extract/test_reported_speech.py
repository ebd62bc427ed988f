"""Speakers who speak of themselves (petrel/extract/reported_speech.py): "Farc said *it* will
release", "Hamas said Israel attacked *it*", "the rebels claimed that *they* had attacked".
"""

from __future__ import annotations

import pytest

from tests.extract.coded_events import the_event

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Russia said on Friday it had expelled three diplomats from Poland.", "Russia"),
    ("The European Commission announced that it had suspended humanitarian aid to Kabul.", "The European Commission"),
    ("Rebel fighters in Deraa said they will lay down their weapons.", "Rebel fighters in Deraa"),
])  # fmt: skip
def test_a_speaker_who_says_what_they_do_is_the_source(coded, sentence, speaker):
    [event] = [e for e in coded(sentence) if e.evidence.get("source_from") == "nsubj:speaker"]
    assert event.source.text == speaker
    assert event.attribution is not None


def test_a_speaker_who_says_they_were_attacked_is_the_target(coded):
    event = the_event(coded("Hamas said Israel attacked it without warning."), "190")
    assert (event.source.code, event.target.text) == ("ISR", "Hamas")


def test_a_pronoun_that_cannot_be_the_speaker_stays(coded):
    killing = [e for e in coded("The UN said they had killed five Palestinians in Jenin.") if e.cameo == "190"]
    assert [e.source.text if e.source else None for e in killing] == ["they"]  # the UN is one, "they" are others


def test_claiming_ones_own_attack_is_claiming_responsibility_and_the_attack_is_theirs(coded):
    events = coded("Rebels claimed that they had attacked the airport in Goma on Monday.")
    claim = the_event(events, "015")
    attack = the_event(events, "190")
    assert claim.source.code == "REB" and attack.source.code == "REB"
