"""The parse as the extraction stages read it, kept with the doc (in `Doc.user_data`).

spaCy makes every Token, and every label or lemma string, anew on each look. The frames, targets
and scenes look at a verb's children again and again while they try patterns and slots
(`dependents` keeps (label, child) pairs the first time a token's children are read: coding a
fifth faster), and several stages scan every word of a sentence for a few lemmas or words
(`words_of` gives each word's part of speech, lower-case lemma and form and whether it looks
like a number as lists, read from the doc's arrays once).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LIKE_NUM, LOWER, POS
from spacy.tokens import Doc, Token

_DEPENDENTS = "petrel:dependents"  # the keys of the caches in Doc.user_data
_WORDS = "petrel:words"


@dataclass(frozen=True)
class DocWords:
    """Each word's part of speech ("VERB"), lower-case lemma and form, and whether it looks like
    a number ("32,000", "three"), by token index."""

    pos: list[str]
    lemma: list[str]
    lower: list[str]
    like_num: list[bool]


def forget_parse(doc: Doc) -> None:
    """Drop what is kept with the doc once it is coded: the dependents hold Tokens, which hold
    the doc, so a doc keeping them would wait for the cyclic collector to be freed (measured:
    coding 0.83x -> 0.71x the speed of bare spaCy when docs were left so)."""
    doc.user_data.pop(_DEPENDENTS, None)
    doc.user_data.pop(_WORDS, None)


def words_of(doc: Doc) -> DocWords:
    found = doc.user_data.get(_WORDS)
    if found is None:
        strings = doc.vocab.strings
        names: dict[int, str] = {}
        lemmas: dict[int, str] = {}
        pos, lemma, lower, like_num = doc.to_array([POS, LEMMA, LOWER, LIKE_NUM]).T.tolist()
        found = doc.user_data[_WORDS] = DocWords(
            [names[p] if p in names else names.setdefault(p, strings[p]) for p in pos],
            [lemmas[h] if h in lemmas else lemmas.setdefault(h, strings[h].lower()) for h in lemma],
            [strings[h] for h in lower],
            [bool(value) for value in like_num],
        )
    return found


def dependents(token: Token) -> tuple[tuple[str, Token], ...]:
    """(dependency label, child) of each child of the token, in text order."""
    doc = token.doc
    cache = doc.user_data.get(_DEPENDENTS)
    if cache is None:
        cache = doc.user_data[_DEPENDENTS] = {}
    found = cache.get(token.i)
    if found is None:
        found = cache[token.i] = tuple((child.dep_, child) for child in token.children)
    return found


def children(token: Token, *deps: str) -> list[Token]:
    return [child for dep, child in dependents(token) if dep in deps]


def first_child(token: Token, *deps: str) -> Token | None:
    return next((child for dep, child in dependents(token) if dep in deps), None)
