"""The attribute-ruler rules found by lookup must annotate exactly as spaCy's own ruler does."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from petrel.attribute_rules import AttributeRules, UnsupportedPattern
from petrel.nlp import ATTRIBUTE_RULES_COMPONENT, SPACY_MODEL, load_pipeline

pytestmark = pytest.mark.slow

# Sentences that reach the ruler's rarer rules: pronoun case by dependency, auxiliaries,
# "there is", spoken contractions, whitespace tokens, "but" as an adverb, "that" as a pronoun.
TRICKY = [
    "It said the army had shelled it, and I told you so.",
    "There are reports that the talks were cancelled; that is what we heard.",
    "Y'all gonna see it. Ain't that so? Let's go, c'mon, we gotta leave.",
    "Israel  has   said\n\nit will not stop.\t But Hamas did.",
    "All but one of the ministers did, but none have resigned.",
    "Does the UN have a plan?  Who did this?",
]


def annotations(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def stock_nlp():
    return spacy.load(SPACY_MODEL)


def test_petrel_pipeline_finds_attribute_rules_by_lookup():
    nlp = load_pipeline()
    assert ATTRIBUTE_RULES_COMPONENT in nlp.pipe_names
    assert "attribute_ruler" in nlp.disabled  # kept: it still sets what its rules say


@pytest.mark.parametrize("sentence", TRICKY)
def test_annotations_equal_the_stock_pipeline(sentence, stock_nlp):
    assert annotations(load_pipeline()(sentence)) == annotations(stock_nlp(sentence))


def test_matches_equal_the_rulers_own_in_the_order_it_applies_them(stock_nlp):
    ruler = stock_nlp.get_pipe("attribute_ruler")
    rules = AttributeRules(ruler)
    for doc in stock_nlp.pipe(TRICKY, disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert rules.match(doc) == ruler.match(doc)


def hand_ruler(patterns: list[dict]):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def tagged(nlp, words: list[str], tags: list[str], deps: list[str] | None = None) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words) if deps else None)


def test_a_later_rule_wins_over_an_earlier_one_on_the_same_token():
    nlp, ruler = hand_ruler(
        [
            {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "PRON"}},
            {"patterns": [[{"LOWER": "it", "DEP": "nsubj"}]], "attrs": {"POS": "NOUN"}},
        ]
    )
    doc = tagged(nlp, ["It", "fell", "on", "it"], ["PRP", "VBD", "IN", "PRP"], ["nsubj", "ROOT", "prep", "pobj"])
    AttributeRules(ruler)(doc)
    assert [t.pos_ for t in doc] == ["NOUN", "", "", "PRON"]


def test_a_two_token_rule_sets_the_token_its_index_names():
    nlp, ruler = hand_ruler([{"patterns": [[{"LOWER": "gon"}, {"LOWER": {"REGEX": "^na$"}}]], "attrs": {"LEMMA": "to"}, "index": 1}])
    doc = tagged(nlp, ["gon", "na", "na"], ["VBG", "TO", "TO"])
    AttributeRules(ruler)(doc)
    assert [t.lemma_ for t in doc] == ["", "to", ""]


def test_a_pattern_with_an_operator_is_refused_so_spacys_matcher_stays():
    nlp, ruler = hand_ruler([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}])
    with pytest.raises(UnsupportedPattern):
        AttributeRules(ruler)
