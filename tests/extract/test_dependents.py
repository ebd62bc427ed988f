"""A token's dependents as the extraction stages read them (petrel/extract/dependents.py)."""

from __future__ import annotations

from petrel.extract.dependents import children, dependents, first_child


def test_dependents_are_the_parse_children_with_their_labels(nlp):
    doc = nlp("Israeli forces shelled the town of Rafah on Monday.")
    verb = doc[2]
    assert [(dep, child.text) for dep, child in dependents(verb)] == [(c.dep_, c.text) for c in verb.children]
    assert first_child(verb, "dobj").text == "town"
    assert [t.text for t in children(verb, "nsubj", "dobj")] == ["forces", "town"]


def test_each_doc_keeps_its_own_dependents(nlp):
    first, second = nlp("Hamas fired rockets."), nlp("Egypt hosted talks.")
    assert first_child(first[1], "dobj").text == "rockets"
    assert first_child(second[1], "dobj").text == "talks"  # not the first doc's answer for token 1
