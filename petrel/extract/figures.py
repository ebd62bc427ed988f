"""Figures: the numbers a report gives (killed, injured, displaced...), tied to their words on the parse.

`find_figures(sentence, words)` is a pure finder: it reads every count in a parsed sentence
(petrel/extract/figure_numbers.py) and keeps those the dependency parse ties to a category word
of petrel/data/figures/figure_words.yaml. A number standing alone ("in 1994", "the 1967
borders", "a Boeing 777", "$80 million") is never a figure. How a count is tied is its `rule`:

  passive-subject  "some 1,200 Israelis were killed"
  subject          "20 people died", "1.4 million people have taken refuge" (verbs whose subject
                   is who is counted), "At least 20 killed" (a category verb with no object)
  object           "killing at least eight people", "detained between 90 and 100 people"
  predicate        "a dozen others remain missing", "left 500 people homeless"
  into             "pushed 85% of Gaza's population into displacement", "20 are in custody"
  modifier         "nearly 74,200 injured", "1,000 displaced people", "30 people who were abducted"
  total            "the death toll rose to 40", "raising the number of refugees to 1 million"
  including        "eight people, including three children": the children share the trigger
  noun             "130 hostages", "20 deaths" (the counted noun carries the category)

One number for several category words joined by and/or ("60% ... has been damaged or destroyed")
is one figure, not one per word: the words count the same things together, so two figures would
claim 60% destroyed. Its category is the one covering them all (`broader` in the words file:
destroyed -> damaged), or `other` ("killed or injured").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from petrel.extract.figure_numbers import Quantity, find_quantities
from petrel.knowledge.figure_words import FigureWords, Phrase

_NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})
_PERCENT_WORDS = frozenset({"%", "percent", "pct", "cent"})
_VAGUE_HEADS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "scores", "dozen"})
_COMPLEMENTS = frozenset({"acomp", "oprd", "attr", "xcomp", "ccomp"})
_STATE_PREPS = frozenset({"into", "in", "to", "under"})  # "into displacement", "in custody", "under arrest"
_TOTAL_PREPS = frozenset({"to", "at", "of", "past", "above", "over", "beyond", "near"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
# what may stand between a count and its category word in a quoted span: "were", "have since been"
_GAP_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_TRIGGER_MODIFIERS = frozenset({"amod", "compound", "det"})
# a phrase's other words are its head's complements ("take refuge", "death toll"), never its
# subject: in "130 hostages are held" the hostages are not part of "hold hostage"
_NOT_PHRASE_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})


@dataclass(frozen=True)
class FigureMention:
    """A figure found in a sentence: the words quoted and what they say. Token indices are the doc's."""

    start: int  # the words quoted, e.g. "nearly 74,200 injured" (end exclusive)
    end: int
    category: str  # a FigureCategory: killed, injured, displaced...
    value: float | None  # the number as written; None for a range or a vague count ("dozens")
    low: float | None  # lower bound: "more than 1,000", "dozens" (24), "between 90 and 100"
    high: float | None  # upper bound: "nearly 32,000", "up to 50"
    approximate: bool
    qualifier: str | None  # "nearly", "more than", "between"
    unit: str | None  # "people", "percent", "homes"...; None when a damage count names no thing
    subject_head: Token | None  # head of the counted noun phrase ("Palestinians"), for ArticleActors
    trigger: Token  # the category word: "killed", "toll", "displacement"
    rule: str  # how the number was tied to the trigger (see the module docstring)

    @property
    def words(self) -> Span:
        return self.trigger.doc[self.start : self.end]


@dataclass(frozen=True)
class _Match:
    phrase: Phrase
    tokens: tuple[Token, ...]  # the word's tokens, its head first: (take, refuge)

    @property
    def head(self) -> Token:
        return self.tokens[0]


@dataclass(frozen=True)
class _Tie:
    """How a count reaches its category word."""

    matches: tuple[_Match, ...]  # the category word, and words joined to it ("damaged or destroyed")
    rule: str
    links: tuple[Token, ...] = field(default=())  # words between: "rose to", "pushed ... into"

    @property
    def trigger(self) -> Token:
        return self.matches[0].head


def find_figures(sentence: Span, words: FigureWords) -> list[FigureMention]:
    """The figures of one parsed sentence, in text order."""
    doc = sentence.doc
    figures = []
    for quantity in find_quantities(sentence, words.qualifiers):
        figure = _figure(quantity, doc, words)
        if figure is not None:
            figures.append(figure)
    return figures


# -- matching the words file on the parse ---------------------------------------------------------
def _match(token: Token, words: FigureWords, table: str = "categories") -> _Match | None:
    """The longest entry of `table` headed by `token`, its other words among its dependents."""
    best: _Match | None = None
    for key in dict.fromkeys((token.lemma_.lower(), token.lower_)):
        for phrase in words.entries_with(key, table):
            if best is not None and len(phrase) <= len(best.phrase):
                break
            found = [token]
            rest = list(phrase)
            rest.remove(key)
            for word in rest:
                child = next((c for c in token.children if c not in found and c.dep_ not in _NOT_PHRASE_DEPS
                              and word in (c.lemma_.lower(), c.lower_)), None)
                if child is None:
                    break
                found.append(child)
            else:
                best = _Match(phrase, tuple(found))
    return best


def _category_match(token: Token, words: FigureWords) -> _Match | None:
    return _match(token, words) if token.pos_ not in ("PUNCT", "NUM") else None


# -- the count and what it counts -----------------------------------------------------------------
def _number_head(quantity: Quantity, doc: Doc) -> Token:
    """The token that carries the count in the parse: "million" of "1.4 million", "%" of "85%"."""
    inside = range(quantity.start, quantity.end)
    heads = [doc[i] for i in inside if doc[i].head.i not in inside or doc[i].head.i == i]
    numeric = [t for t in heads if t.i in quantity.numbers or t.lower_ in _PERCENT_WORDS]
    return (numeric or heads or [doc[quantity.numbers[0]]])[0]


def _of_object(token: Token) -> Token | None:
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _role(anchor: Token, inside: range, words: FigureWords) -> Token:
    """The token whose place in the clause is the count's: "people" for "20 Palestinians and 3
    Israelis" (the second conjunct takes the first's place); "between" when the parser hangs
    "people" on the range's own preposition ("detained between 90 and 100 people"); "total" in
    "a total of 12 people were killed"."""
    role = anchor
    while role.dep_ == "pobj" and role.head.i in inside:
        role = role.head
    if role.dep_ == "pobj" and role.head.lower_ == "of" and role.head.head.lower_ == "total":
        role = role.head.head
    while role.dep_ == "conj" and role.head.pos_ in ("NOUN", "PROPN", "PRON") and role.head.i not in inside:
        role = role.head
    return role


# -- the ways a count is tied to its category word -------------------------------------------------
def _governing(role: Token, inside: range, words: FigureWords) -> _Tie | None:
    """The count is an argument of a category verb, or of a verb whose complement is a category word."""
    verb = role.head
    if verb == role:
        return None
    if role.dep_ == "nsubjpass" or (_bare_count(role) and verb.tag_ == "VBN"):
        kind = "passive-subject"  # also a bare count before a participle: "..., and nearly 74,200 injured"
    elif role.dep_ in ("dobj", "dative") or (role.dep_ == "prep" and role.i in inside):
        kind = "object"
    elif role.dep_ == "nsubj":
        kind = "subject"
    else:
        return None
    match = _category_match(verb, words)
    if match is not None and _voice_fits(kind, verb, match, words):
        return _Tie((match,), "predicate" if verb.pos_ == "ADJ" else kind)  # "12 others dead"
    for complement in verb.children:
        if complement.dep_ in _COMPLEMENTS and complement != role:
            match = _category_match(complement, words)
            if match is not None and _complement_fits(complement, kind, match, words):
                return _Tie((match,), "predicate", (verb,))
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _STATE_PREPS and prep.i not in inside:
            for obj in prep.children:
                match = _category_match(obj, words) if obj.dep_ == "pobj" else None
                if match is not None:
                    return _Tie((match,), "into", (verb, prep))
    return None


def _complement_fits(complement: Token, kind: str, match: _Match, words: FigureWords) -> bool:
    """"remain missing", "were reported killed", "forced 100,000 people to flee"; not "sought
    to kill", "asked them to arrest"."""
    if complement.dep_ not in ("xcomp", "ccomp") or complement.tag_ in ("VBN", "JJ"):
        return True
    return kind == "object" and match.phrase in words.counted_subject


def _voice_fits(kind: str, verb: Token, match: _Match, words: FigureWords) -> bool:
    """Whether the argument is who the verb counts: "20 died", "killed 20", not "gunmen killed 20"."""
    undergoes = match.phrase in words.counted_subject
    if kind == "subject":
        has_object = any(c.dep_ == "dobj" and c not in match.tokens for c in verb.children)
        return undergoes or verb.pos_ == "ADJ" or not has_object
    if kind == "object":
        return not undergoes  # "fled their homes": the object of flee is a place
    return True


def _modifier(tokens: list[Token], inside: range, words: FigureWords) -> _Tie | None:
    """A category word modifying the counted noun: "74,200 injured", "people who were killed"."""
    for token in tokens:
        for child in token.children:
            if child.dep_ not in ("acl", "relcl", "amod") or child.i in inside:
                continue
            match = _category_match(child, words)
            if match is None:
                continue
            undergoes = match.phrase in words.counted_subject
            if child.dep_ == "relcl":
                deps = {c.dep_ for c in child.children}
                if "nsubj" in deps and not undergoes:
                    continue  # "people who killed": they did it
            elif child.tag_ == "VBG" and not undergoes:
                continue  # "gunmen killing 20"
            return _Tie((match,), "modifier")
    return None


def _total(role: Token, words: FigureWords) -> _Tie | None:
    """The count is the value of a running total: "the death toll rose to 40", "a toll of 40"."""
    total, links = None, ()
    if role.dep_ == "pobj" and role.head.lower_ in _TOTAL_PREPS:
        prep, owner = role.head, role.head.head
        if _match(owner, words, "totals") is not None:
            total, links = owner, (prep,)
        elif owner.pos_ in ("VERB", "AUX"):
            total = next((c for c in owner.children if c.dep_ in _ARGUMENTS and _match(c, words, "totals")), None)
            links = (owner, prep)
    elif role.dep_ in ("dobj", "attr") and role.head.pos_ in ("VERB", "AUX"):
        total = next((c for c in role.head.children if c.dep_ == "nsubj" and _match(c, words, "totals")), None)
        links = (role.head,)
    if total is None:
        return None
    match = _category_match(total, words) or _total_of(total, words)
    if match is None:
        return None
    if match.head != total:
        links = (*links, total)
    return _Tie((match,), "total", links)


def _total_of(total: Token, words: FigureWords) -> _Match | None:
    """The category a total counts: "refugee count", "number of dead", "number of people killed"."""
    for child in total.children:
        if child.dep_ in ("compound", "amod"):
            match = _category_match(child, words)
            if match is not None:
                return match
    counted = _of_object(total)
    if counted is None:
        return None
    match = _category_match(counted, words)
    if match is not None:
        return match
    for child in counted.children:
        if child.dep_ in ("acl", "relcl", "amod"):
            match = _category_match(child, words)
            if match is not None:
                return match
    return None


def _tie(anchor: Token, counted: Token | None, inside: range, words: FigureWords, depth: int = 0) -> _Tie | None:
    role = _role(anchor, inside, words)
    tie = _governing(role, inside, words) or _modifier(list(dict.fromkeys((anchor, role))), inside, words) or _total(role, words)
    if tie is None and depth == 0 and role.dep_ == "pobj" and role.head.lower_ == "including" and role.head.head.pos_ in _NOUNS:
        parent = role.head.head  # "eight people, including three children": the children were killed too
        found = _tie(parent, parent, range(0), words, depth + 1)
        tie = replace(found, rule="including", links=()) if found is not None else None
    if tie is None and counted is not None:
        match = _category_match(counted, words)
        if match is not None and match.phrase in words.counted_nouns:
            tie = _Tie((match,), "noun")
    return _joined(tie, words) if tie is not None else None


def _joined(tie: _Tie, words: FigureWords) -> _Tie:
    """Category words joined to the trigger with no count of their own: "damaged or destroyed"."""
    trigger = tie.trigger
    joined = []
    for conjunct in trigger.children:
        if conjunct.dep_ != "conj" or any(c.dep_ in _ARGUMENTS or c.pos_ == "NUM" for c in conjunct.children):
            continue  # a count of its own: "30,000 killed, and nearly 74,200 injured"
        match = _category_match(conjunct, words)
        if match is not None:
            joined.append(match)
    return replace(tie, matches=(*tie.matches, *joined)) if joined else tie


# -- the figure ---------------------------------------------------------------------------------
def _figure(quantity: Quantity, doc: Doc, words: FigureWords) -> FigureMention | None:
    """The figure a count gives, or None when nothing ties it to a category word."""
    inside = range(quantity.start, quantity.end)
    head = _number_head(quantity, doc)
    anchor, counted, through_of = head, None, False
    owner = head.head
    if owner.i not in inside and owner != head and owner.pos_ in ("NOUN", "PROPN", "ADJ"):
        if owner.i < head.i and owner.pos_ == "PROPN":
            return None  # "Boeing 777", "Resolution 2334", "Flight 17": a name, not a count
        if head.dep_ in ("nummod", "quantmod", "compound") and (owner.pos_ != "ADJ" or owner.i > head.i):
            anchor = counted = owner  # an adjective counted as a noun: "left 20,000 homeless"
    if counted is None and (quantity.percent or head.lower_ in _VAGUE_HEADS or head.like_num):
        counted = _of_object(head)  # "85% of Gaza's population", "dozens of protesters"
        if counted is not None and counted.i in inside:
            counted = None  # "hundreds of thousands": the count's own words
        through_of = counted is not None
    if counted is not None and not through_of and counted.lemma_.lower() in words.measures:
        return None  # "a 35-year-old", "three days", "10 km"
    tie = _tie(anchor, counted, inside, words)
    if tie is None:
        return None
    category = words.union([words.categories[m.phrase] for m in tie.matches])
    subject = counted if counted is not None and counted.pos_ != "ADJ" else _shared_subject(anchor)
    start, end = _quoted(quantity, doc, counted, through_of, tie)
    return FigureMention(
        start=start, end=end, category=category, value=quantity.value, low=quantity.low, high=quantity.high,
        approximate=quantity.approximate, qualifier=quantity.qualifier, unit=_unit(quantity, counted, category, words),
        subject_head=subject, trigger=tie.trigger, rule=tie.rule,
    )


def _bare_count(token: Token) -> bool:
    """A number the parser hangs on the word after it, its noun left out: "and nearly 74,200 injured"."""
    return token.dep_ == "npadvmod" and token.pos_ == "NUM"


def _shared_subject(anchor: Token) -> Token | None:
    """"Nearly 32,000 Palestinians ... have been killed, and nearly 74,200 injured": the second
    count is of the first's people."""
    if _bare_count(anchor) and anchor.head.dep_ == "conj":
        anchor = anchor.head  # "..., and nearly 74,200 injured" read as 74,200 modifying "injured"
    if anchor.dep_ != "conj" or anchor.head.pos_ not in ("VERB", "AUX"):
        return None
    for child in anchor.head.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "nummod" for c in child.children):
            return child
    return None


def _unit(quantity: Quantity, counted: Token | None, category: str, words: FigureWords) -> str | None:
    if quantity.percent:
        return "percent"
    match = _match(counted, words, "units") if counted is not None else None
    if match is not None:
        return words.units[match.phrase]
    if category in ("damaged", "destroyed"):  # "destroyed 12 bridges"; "damaged 40 others" says nothing
        return counted.lower_ if counted is not None and counted.pos_ == "NOUN" and counted.lemma_ != "other" else None
    return "people"


def _quoted(quantity: Quantity, doc: Doc, counted: Token | None, through_of: bool, tie: _Tie) -> tuple[int, int]:
    """The words to quote: the count, the counted noun after it, and the category word when it is
    next to them ("some 1,200 Israelis were killed", "killing at least eight people")."""
    start, end = quantity.start, quantity.end
    if counted is not None and through_of:
        of = counted.head
        if of.i == end:
            end = max(t.i for t in of.subtree) + 1
    elif counted is not None and counted.i >= end and counted.left_edge.i <= quantity.numbers[0]:
        end = counted.i + 1  # what lies between is the noun's own: "32,000 Palestinian civilians"
    trigger_tokens = {t for m in tie.matches for t in m.tokens}
    if tie.rule == "total":  # "the number of refugees ... reached 1.5 million": from "number" on
        trigger_tokens |= {t for t in tie.links if t.pos_ == "NOUN"}
    before = [t.i for t in trigger_tokens if t.i < start]
    after = [t.i for t in trigger_tokens if t.i >= end]
    first, last = min(t.i for t in trigger_tokens), max(t.i for t in trigger_tokens)
    allowed = set(tie.links) | {c for t in trigger_tokens for c in t.children if c.dep_ in _TRIGGER_MODIFIERS}
    if tie.rule == "total":  # "the death toll from the earthquake rose to 40"
        allowed |= {t for link in tie.links if link.pos_ == "NOUN" for t in link.subtree}
        allowed |= {t for m in tie.matches for t in m.head.subtree}
    allowed |= {c for t in trigger_tokens for c in t.children if c.dep_ in ("cc", "punct") and first < c.i < last}

    if counted is not None:  # "killing all 150 people on board"
        allowed |= set(doc[counted.left_edge.i : quantity.start])

    def bridged(gap: range) -> bool:
        return all(doc[k].dep_ in _GAP_DEPS or doc[k] in allowed for k in gap)

    if after and bridged(range(end, min(after))):
        end = max(after) + 1
    if before and bridged(range(max(before) + 1, start)):
        start = min(before)
    return start, end
