"""Actor spans: how far the words of an actor mention run, whatever they turn out to name.

`noun_phrase(head)` gives the words a mention is read from: the head, its left modifiers, its
compounds and a name set beside it. `mention_extent` widens them to the mention as annotators mark
it: its article and determiners ("*all the* bases"), the quantity it names a part of ("*dozens of*
protesters"), the rest of a matched name ("the International Court *of Justice*"), the phrase that
places a common noun ("a court *in Istanbul*"), a participle ("forces *based in Vitez*"), an
apposition that renames a person and a closing bracket, but not a time phrase that ends it (the
time is the event's). What the words resolve to is `actors.py`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from petrel.extract.actors import KnowledgeHit

# Dependents that belong to the noun phrase of an actor ("Egyptian President X", "Israel's army").
_PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "quantmod", "det", "case", "punct", "flat", "appos"}
_LEADING_SKIP = {"det", "punct", "case", "cc", "predet"}
_ARTICLES = frozenset({"the", "a", "an"})
_DETERMINERS = _ARTICLES | {"all", "any", "another", "some", "each", "every", "this", "that", "these", "those", "such"}
_PLACING_PREPS = frozenset({"of", "in", "from"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def noun_phrase(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, in text order: its left modifiers and the
    head, with the compounds and a name in apposition after it."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in _PHRASE_DEPS:
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in {"compound", "flat"} or (child.dep_ == "appos" and child.pos_ == "PROPN" and _names_the_same(child, head)):
            tokens.extend(child.subtree)
    tokens = sorted(set(tokens), key=lambda t: t.i)
    while len(tokens) > 1 and tokens[0].dep_ in _LEADING_SKIP and tokens[0] != head:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1] != head:
        tokens = tokens[:-1]
    return tokens


def mention_extent(
    tokens: list[Token], head: Token, hits: Mapping[int, KnowledgeHit], quantity: Token | None = None
) -> tuple[int, int]:
    """Character offsets of a mention, with its article ("the Egyptian presidency") and the
    quantity it names a part of ("dozens of protesters", "a number of websites"). `tokens` are
    its noun phrase, `hits` the article's knowledge hits by token index."""
    doc = head.doc
    lefts = list(head.lefts)
    if quantity is not None and quantity is not head:
        tokens = sorted({*tokens, *noun_phrase(quantity)}, key=lambda t: t.i)
        lefts += quantity.lefts
    first = tokens[0]
    # and the determiners before it: "*another* 40 politicians", "*all the* bases", "*any* U.S. troops",
    # the possessor's too: "*the* UN's findings"
    inside = {t.i for t in tokens} | {t.i for t in lefts}
    while first.i > 0 and _determines((previous := doc[first.i - 1]), inside):
        first = previous
        inside.add(previous.i)
    # a name the knowledge matched runs to its end: "the International Court *of Justice*";
    # a common noun keeps the phrase that places it: "a court *in Istanbul*", "members *of his family*"
    names = (hits[t.i] for t in tokens if t.i in hits)
    last = max([tokens[-1].i] + [hit.end - 1 for hit in names if hit.start >= tokens[0].i])
    last = max(last, _organization_end(head))  # "Action *Against Hunger*", "the Department *for International Development*"
    # and a name its "of" phrase: "the Ministry *of Health of Ethiopia*", "the Northern Branch *of the Islamic Movement*"
    name = head.pos_ == "PROPN" and head.text[:1].isupper()  # not a common noun tagged PROPN ("the health ministry")
    preps = _PLACING_PREPS if head.pos_ == "NOUN" else {"of"} if name else set()
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in preps and any(c.dep_ == "pobj" for c in child.children):
            last = max(last, child.right_edge.i)
        elif child.dep_ == "acl" and child.tag_ == "VBN" and head.pos_ == "NOUN" and _reduced_relative(child):
            last = max(last, child.right_edge.i)  # "British forces *based in Vitez*"
        elif _renames(child, head):
            last = max(last, child.right_edge.i)  # "Vladimir Putin*, the Russian president*"
    last = _closing_bracket(doc, first.i, _before_time(doc, max(first.i, head.i), last))
    last_token = doc[last]
    return first.idx, last_token.idx + len(last_token.text)


def modifies_a_thing(head: Token) -> bool:
    """"*Iraqi* warplanes", "*Syrian government* missiles": a word naming an actor only as the
    modifier of the thing it acts with (the mention's words are the thing's)."""
    return head.dep_ in ("amod", "compound", "nmod") and head.i < head.head.i and head.head.pos_ == "NOUN"


def listed_apposition(token: Token) -> bool:
    """An "apposition" that starts a list: spaCy reads "The US, Russia, and Switzerland" as US
    with the apposition "Russia, and Switzerland". A true apposition ("Michel Aoun, the
    Lebanese president") has no conjunction of its own."""
    return token.dep_ == "appos" and any(child.dep_ == "cc" for child in token.children)


def _renames(child: Token, head: Token) -> bool:
    """An apposition set off by a comma that gives a person's name or role: "Vladimir Putin*, the
    Russian president*", "a young inmate*, Mohammad Dowji*". A place's ("Idlib, Syria's last
    enclave") is a description, not part of the name; nor is the start of a list ("the US, Russia, and")."""
    return (
        child.dep_ == "appos" and child.i > head.i
        and child.pos_ in ("NOUN", "PROPN") and child.doc[child.left_edge.i - 1].text == ","
        and "PERSON" in (head.ent_type_, child.ent_type_) and _names_the_same(child, head)
    )


def _names_the_same(apposition: Token, head: Token) -> bool:
    """Whether an apposition can name what its head names: not the start of a list ("the US,
    Russia, and"), nor a person after a place ("withdrew from Syria, Defence Minister X said":
    the parse may read the speaker as the place's apposition)."""
    kinds = {head.ent_type_, apposition.ent_type_}
    return not listed_apposition(apposition) and not ("PERSON" in kinds and kinds & _PLACE_ENTITIES)


def _reduced_relative(participle: Token) -> bool:
    """A participle that modifies a noun on its own ("forces *based* in Vitez"), not the verb of
    a clause that says what the noun is about ("an announcement that it *had opened* corridors")."""
    return not any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for child in participle.children)


def _determines(token: Token, phrase: set[int]) -> bool:
    return token.dep_ in ("det", "predet") and token.lower_ in _DETERMINERS and token.head.i in phrase


def _organization_end(head: Token) -> int:
    """The last token of the organization name the head stands in, as the parser's entity
    recognizer reads it ("People *for the Ethical Treatment of Animals*"), else the head. Only a
    capitalized name, to a capitalized word: the recognizer's bounds are loose around common
    nouns ("the health ministry of the opposition-run")."""
    doc, end = head.doc, head.i
    if head.ent_type_ != "ORG" or not head.text[:1].isupper():
        return end
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I" and doc[end + 1].ent_type_ == "ORG":
        end += 1
    while end > head.i and not doc[end].text[:1].isupper():
        end -= 1
    return end


def _closing_bracket(doc: Doc, first: int, last: int) -> int:
    """The mention's last token, with the bracket that closes an abbreviation it opens: "Amnesty
    International (AI*)*"."""
    if last + 1 < len(doc) and doc[last + 1].text == ")":
        opened = sum(doc[i].text == "(" for i in range(first, last + 1)) - sum(doc[i].text == ")" for i in range(first, last + 1))
        if opened > 0:
            return last + 1
    return last


def _before_time(doc: Doc, floor: int, last: int) -> int:
    """The mention's last token, without a time phrase that ends it: "the families of the migrants
    found in a truck *last month*", "two guards held by them *on Monday*" (the time is the event's)."""
    end = last
    while end > floor and (doc[end].is_punct or doc[end].ent_type_ in ("DATE", "TIME")):
        end -= 1
    if end < last and doc[end + 1].ent_type_ in ("DATE", "TIME") and doc[end].dep_ == "prep" and end > floor:
        end -= 1  # "on Tuesday", "since April 2016"
    if end < last and end > floor and doc[end].dep_ == "acl" and doc[end].pos_ == "VERB":
        end -= 1  # nothing left of "an offer *proposed* in late February" but the participle
    while end > floor and doc[end].is_punct:
        end -= 1
    return end
