"""Counts as wire copy writes them (petrel/extract/figure_numbers.py): every count of a sentence
read with its value, bounds and hedge; what counts no one left out."""

from __future__ import annotations

import pytest

from petrel.extract.figure_numbers import Quantity, find_quantities
from petrel.knowledge.figure_words import default_figure_words


@pytest.fixture(scope="module")
def counts_in(nlp):
    """(words, value, low, high, qualifier) of every count of a one-sentence text."""
    qualifiers = default_figure_words().qualifiers

    def counts_in(text: str) -> list[tuple]:
        doc = nlp(text)
        found: list[Quantity] = [q for sentence in doc.sents for q in find_quantities(sentence, qualifiers)]
        return [(doc[q.start : q.end].text, q.value, q.low, q.high, q.qualifier) for q in found]

    return counts_in


def test_digits_words_and_scales_are_read_with_their_hedges(counts_in):
    text = "Nearly 32,000 people were killed, more than 1.4 million displaced and three hospitals hit."
    assert counts_in(text) == [
        ("Nearly 32,000", 32000.0, None, 32000.0, "nearly"),  # the value, and its upper bound
        ("more than 1.4 million", 1400000.0, 1400000.0, None, "more than"),
        ("three", 3.0, None, None, None),
    ]


def test_vague_counts_keep_their_lower_bound_at_least_two_of_them(counts_in):
    assert counts_in("Tens of thousands marched as dozens of protesters were held.") == [
        ("Tens of thousands", None, 20000.0, None, None),
        ("dozens", None, 24.0, None, None),
    ]


def test_counts_that_start_with_a_or_half(counts_in):
    found = counts_in("A dozen soldiers and half a dozen police officers were wounded, and a few thousand fled.")
    assert [(words, value, low) for words, value, low, *_ in found] == [
        ("A dozen", 12.0, None), ("half a dozen", 6.0, None), ("a few thousand", None, 2000.0),
    ]  # fmt: skip


def test_a_range_is_read_as_its_two_ends(counts_in):
    assert counts_in("Between 90 and 100 people died.") == [("Between 90 and 100", None, 90.0, 100.0, "between")]


def test_years_money_and_no_one_are_no_counts(counts_in):
    assert counts_in("In 2023 the fund paid $5 million to no one in the region.") == []
