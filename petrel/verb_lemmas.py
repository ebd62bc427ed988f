"""Lemmas of verbs ending in a silent "e", which the small English pipeline cuts short.

spaCy's rule lemmatizer strips "-ed", "-es" or "-ing" and keeps the first result its word list
knows, so "hoped" becomes "hop", "staged" "stag", "waged" "wag", "raped" "rap", "fined" "fin".
English doubles the last consonant of a one-syllable verb ending in consonant-vowel-consonant
before these endings ("hop" -> "hopped", "hopping", but "hops"), so a verb form that is such a
word plus "ed", "ing" or "es" without the doubling is a form of that word plus "e": "hoped" ->
"hope", "hoping" -> "hope", "hopes" -> "hope". Longer words are left alone: whether they double
depends on stress ("visited", "targeted").
"""

from __future__ import annotations

import re

from spacy.attrs import LEMMA, LOWER, TAG
from spacy.tokens import Doc

# One vowel (a single vowel letter) between a leading consonant cluster and one final consonant
# that English doubles: not w, x or y ("fixed", "rowed", "stayed" are right as they are), nor s
# or z, whose -es belongs to the word and which are spelt both ways ("bused", "bussed").
_CUT_SHORT = re.compile(r"^[^aeiouy]*[aeiou][bcdfghjklmnpqrtv]$")
_ENDINGS = {"VBD": "ed", "VBN": "ed", "VBG": "ing", "VBZ": "es"}


def verb_lemma(form: str, lemma: str, tag: str) -> str:
    """The lemma of a verb `form` tagged `tag`, given the lemma spaCy found for it."""
    ending = _ENDINGS.get(tag)
    if ending is not None and form == lemma + ending and _CUT_SHORT.match(lemma):
        return lemma + "e"
    return lemma


class VerbLemmas:
    """A pipeline component after the lemmatizer: gives verbs cut short their "e" back."""

    _KEPT = 100_000

    def __init__(self) -> None:
        self._answers: dict[tuple[int, int, int], str | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        answers = self._answers
        if len(answers) > self._KEPT:
            answers.clear()
        for i, key in enumerate(map(tuple, doc.to_array([TAG, LOWER, LEMMA]).tolist())):
            answer = answers.get(key, False)
            if answer is False:
                answer = answers[key] = self._corrected(*(strings[value] for value in key))
            if answer is not None:
                doc[i].lemma_ = answer
        return doc

    @staticmethod
    def _corrected(tag: str, form: str, lemma: str) -> str | None:
        if tag not in _ENDINGS:
            return None
        right = verb_lemma(form, lemma.lower(), tag)
        return right if right != lemma.lower() else None
