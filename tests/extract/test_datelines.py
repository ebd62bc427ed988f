"""Datelines (petrel/extract/datelines.py): the place a wire story is filed from is a sentence of its own."""

from __future__ import annotations

import pytest

from petrel.extract.datelines import dateline_end


@pytest.mark.parametrize("text, body", [
    ("GAZA CITY, Palestinian Territories: Four children were killed.", "Four children were killed."),
    ("CAIRO (Reuters) - Egypt's president met Blinken.", "Egypt's president met Blinken."),
    ("KYIV, Ukraine (AP) — Russian drones struck the capital.", "Russian drones struck the capital."),
    ("CAIRO, March 21 (Reuters) - Egypt called for a cease-fire.", "Egypt called for a cease-fire."),
])  # fmt: skip
def test_the_body_starts_after_the_dateline(text, body):
    assert text[dateline_end(text):] == body


@pytest.mark.parametrize("text", [
    "US - China talks resumed on Monday.",  # two capitals is an abbreviation, not a dateline
    "Egyptian President Abdel-Fattah al-Sisi called for a cease-fire.",
    "LYON:",  # nothing after it
])  # fmt: skip
def test_a_text_without_a_dateline_has_none(text):
    assert dateline_end(text) is None


@pytest.mark.slow
def test_the_parser_reads_the_dateline_as_a_sentence_of_its_own(nlp):
    doc = nlp("GAZA CITY, Palestinian Territories: Four children were killed in shelling, medics said.")
    assert [s.text for s in doc.sents] == ["GAZA CITY, Palestinian Territories:", "Four children were killed in shelling, medics said."]
