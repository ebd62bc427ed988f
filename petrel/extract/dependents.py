"""A token's dependents, read once per doc: the parse as the extraction stages walk it.

spaCy makes every child Token, and its dependency label string, anew on each look; the frames,
targets and scenes look at a verb's children again and again while they try patterns and slots.
`dependents` keeps (label, child) pairs with the doc (in `Doc.user_data`) the first time a
token's children are read (this made coding a fifth faster).
"""

from __future__ import annotations

from spacy.tokens import Token

_DEPENDENTS = "petrel:dependents"  # the key of the cache in Doc.user_data


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
