"""Verbs ending in a silent "e" keep it in their lemma ("hoped" -> "hope", not "hop")."""

from __future__ import annotations

import pytest

from petrel.nlp import load_pipeline
from petrel.verb_lemmas import verb_lemma


@pytest.mark.parametrize(
    "form, cut_short, tag, lemma",
    [
        ("hoped", "hop", "VBD", "hope"),
        ("hoping", "hop", "VBG", "hope"),
        ("hopes", "hop", "VBZ", "hope"),
        ("staged", "stag", "VBN", "stage"),
        ("fined", "fin", "VBD", "fine"),
    ],
)
def test_a_one_syllable_lemma_without_the_doubled_consonant_is_cut_short(form, cut_short, tag, lemma):
    assert verb_lemma(form, cut_short, tag) == lemma


@pytest.mark.parametrize(
    "form, lemma, tag",
    [
        ("hopped", "hop", "VBD"),  # the doubled consonant: a form of "hop"
        ("hops", "hop", "VBZ"),
        ("visited", "visit", "VBD"),  # two syllables: no doubling to go by
        ("fixed", "fix", "VBD"),  # x, w, y are never doubled
        ("bused", "bus", "VBD"),  # s is spelt both ways
        ("need", "need", "VBP"),
    ],
)
def test_right_lemmas_stay(form, lemma, tag):
    assert verb_lemma(form, lemma, tag) == lemma


@pytest.mark.slow
def test_petrels_pipeline_gives_hope_to_what_it_hoped():
    doc = load_pipeline()("Kigali said it hoped French officials would be indicted, as rebels waged war.")
    assert {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"} == {
        "said": "say", "hoped": "hope", "indicted": "indict", "waged": "wage",
    }  # fmt: skip
