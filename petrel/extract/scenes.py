"""The place of each event and figure: where, among the places an article names, it happened.

Reads the place mentions `petrel.extract.places.find_places` found. An event happened at the
object of a locating preposition of its trigger (or of the verb its noun trigger belongs to,
or of a verb coordinated with it or above it), at the place it is aimed at ("shelled Rafah"),
at a visit's destination, else at the nearest place of its sentence that stands on its own;
a sentence without a place or a date of its own takes the scene of the sentences before it in
the same paragraph.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from petrel.extract.dependents import children, dependents
from petrel.extract.places import ATTACK_NOUNS, KIND_WORDS, SPEECH_LEMMAS, PlaceMention, is_struck

# An event whose sentence names no place takes the place of one of the sentences this far before it
# in its paragraph: a report names the scene once, then tells what happened there.
SENTENCES_BACK = 2

# Verbs that carry out the attack their object names ("launched a rocket attack on Kramatorsk"),
# unlike those that speak of it ("denounced the siege on Taizz").
_SUPPORT_VERBS = frozenset({"launch", "carry", "conduct", "mount", "stage", "unleash", "execute", "begin", "continue"})

_LOCATING_PREPS = frozenset({
    "in", "at", "near", "outside", "across", "inside", "into", "throughout", "around", "within", "on", "off", "along",
    "from", "through", "over",
})  # fmt: skip

_DESTINATION_PREPS = frozenset({"to", "in", "into"})

# What a protest or a statement is about: "against the war in Ukraine", "over the killing in Gaza".
_TOPIC_PREPS = frozenset({"against", "over", "about"})

# How a clause hangs on the words it belongs to: "gathered in Milford *to support* Ukraine"
# (advcl, xcomp), "the crowd *that marched*" (relcl, acl), "*after clashing* with police" (pcomp, pobj, prep).
_CLAUSE_LINKS = frozenset({"advcl", "xcomp", "ccomp", "conj", "acl", "relcl", "pcomp", "pobj", "prep", "dobj"})

_MAX_CLAUSE_STEPS = 4

# Prepositions after the object of a locating one that go on saying where: "outside the building *in* Chisinau".
_NESTED_PREPS = frozenset({"in", "at", "near", "inside", "outside"})

_MAX_NESTED_PREPS = 2

# How a name hangs on the noun it names: "Saint-Michel square", "St. John's Church".
_NAMING_DEPS = frozenset({"compound", "poss", "amod"})

_VISIT_LEMMAS = frozenset({
    "visit", "arrive", "travel", "fly", "go", "come", "return", "head", "trip", "journey", "tour", "land", "arrival",
})  # fmt: skip

# Nouns that stand between a preposition and the place: "in the town of Jenin", "on the outskirts of Kabul".
_FRAME_NOUNS = frozenset({
    "town", "city", "village", "camp", "province", "region", "area", "district", "state", "governorate",
    "outskirts", "suburb", "suburbs", "center", "centre", "north", "south", "east", "west", "part", "parts",
    "capital", "port", "border", "streets", "street", "heart", "edge", "neighbourhood", "neighborhood", "country",
    "municipality", "locality", "township", "county", "commune", "settlement",
})  # fmt: skip


def place_for(trigger: Token, mentions: list[PlaceMention]) -> PlaceMention | None:
    """Where the event expressed by `trigger` happened (see `Scenes.place_for`)."""
    return Scenes(trigger.doc, mentions).place_for(trigger)


class Scenes:
    """The places of the events of one parsed article. Sentences and the dates they name are
    looked up once (Token.sent and Span.ents walk the whole document on every call)."""

    def __init__(self, doc: Doc, mentions: list[PlaceMention]):
        self.mentions = mentions
        self.sentences = list(doc.sents)
        self._starts = [sentence.start for sentence in self.sentences]
        self._dated = {self._index(ent.start) for ent in doc.ents if ent.label_ == "DATE"}

    def _index(self, token_index: int) -> int:
        return bisect.bisect_right(self._starts, token_index) - 1

    def place_for(self, trigger: Token) -> PlaceMention | None:
        """Where the event expressed by `trigger` happened, among the article's place mentions:
        a place of its own sentence, else — when the sentence names no date of its own — the
        place of one of the two sentences before it in the same paragraph ("... an explosion
        in Loikaw town. The explosion injured two boys.")."""
        index = self._index(trigger.i)
        sentence = self.sentences[index]
        found = _place_in_sentence(trigger, sentence, self.mentions)
        if index in self._dated:
            return found  # a time of its own, maybe a scene of its own: "The Oct. 7 attack killed 1,200."
        for _ in range(SENTENCES_BACK):
            if found is not None or index == 0:
                break
            previous = self.sentences[index - 1]
            if _paragraph_break(previous, sentence):
                break
            found = _place_in_sentence(previous.root, previous, self.mentions)
            sentence, index = previous, index - 1
        return found


def _paragraph_break(previous: Span, sentence: Span) -> bool:
    """Whether a line break stands between the last word of `previous` and the first of `sentence`."""
    doc = sentence.doc
    last = next((doc[i] for i in range(previous.end - 1, previous.start - 1, -1) if not doc[i].is_space), None)
    first = next((doc[i] for i in range(sentence.start, sentence.end) if not doc[i].is_space), None)
    if last is None or first is None:
        return True
    # (Doc.text is rebuilt on every access: look at the whitespace of the tokens between instead)
    return "\n" in last.whitespace_ or any("\n" in doc[i].text for i in range(last.i + 1, first.i))


def _place_in_sentence(trigger: Token, sentence: Span, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place of the event expressed by `trigger` among the places of its own `sentence`."""
    local = [m for m in mentions if sentence.start <= m.start < sentence.end]
    if not local:
        return None
    by_token = {i: m for m in local for i in range(m.start, m.end)}
    for head in _event_heads(trigger):
        found = _located(head, by_token) or _destination(head, by_token) or _struck(head, by_token)
        if found is not None:
            return _more_specific(found, head, by_token)
    for verb in _coordinated_verbs(_event_heads(trigger)[-1]):
        found = _located(verb, by_token)  # "marched and protested in Yerevan": both in Yerevan
        if found is not None:
            return _more_specific(found, verb, by_token)
    for head in _governing_heads(_event_heads(trigger)[-1]):
        found = _located(head, by_token) or _destination(head, by_token)  # "gathered in Milford to support Ukraine"
        if found is not None:
            return _more_specific(found, head, by_token)
    # Nearest first, but a place that only modifies a noun ("a Gaza cease-fire deal", "U.S.
    # Secretary of State", "Gaza's population") or acts ("Russia struck ...") comes after every
    # place that stands on its own, and so does a place the event is about or someone comes from.
    doc = trigger.doc
    # A place the event is held *with* is a party to it, no scene: "held talks with Russia".
    local = [m for m in local if not _partner(doc[m.start : m.end].root, trigger)]
    return min(local, key=lambda m: (_is_modifier(doc[m.start : m.end]) or _acts(doc[m.start : m.end].root),
                                     _aside(doc[m.start : m.end].root, trigger), _distance(trigger, m), m.start), default=None)


def _partner(root: Token, trigger: Token) -> bool:
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in ("with", "between") and prep.head.i in {trigger.i, trigger.head.i}


def _aside(root: Token, trigger: Token) -> bool:
    """Whether the place at `root` tells what the event is about or where its people come from or
    go, rather than where it happens: "protested *against the war in Ukraine*", "students *from
    Ukraine* held a rally", "migrants *attempting to cross to Greece*" (a clause about a noun)."""
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    token = root
    while token.i not in above and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in _TOPIC_PREPS:
            return True
        if token.dep_ == "prep" and token.lower_ in ("from", "to") and token.head.pos_ in ("NOUN", "PROPN"):
            return True
        token = token.head
    return False


def _acts(root: Token) -> bool:
    """A subject, or one of coordinated subjects: "*US and China* agreed"."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "nsubj"


def _event_heads(trigger: Token) -> list[Token]:
    """The trigger, and up to the verb a noun trigger belongs to ("strikes killed" -> "killed")."""
    heads = [trigger]
    token = trigger
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
        heads.append(token)
    return heads


def _coordinated_verbs(verb: Token) -> list[Token]:
    """Verbs coordinated with `verb` ("marched and protested"), which share where they happened."""
    if verb.pos_ != "VERB":
        return []
    first = verb.head if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else verb
    return [v for v in [first, *(c for c in children(first, "conj") if c.pos_ == "VERB")] if v.i != verb.i]


def _governing_heads(head: Token) -> list[Token]:
    """The words above an event's clause, nearest first, up to a verb of saying: "gathered in
    Milford to support Ukraine" supports Ukraine in Milford, but what "the minister said in
    Geneva" happened need not have happened in Geneva. A verb coordinated with a verb of saying
    is done where that one is ("gathered in Mongiana to call for peace and condemn the war")."""
    above: list[Token] = []
    token = head
    for _ in range(_MAX_CLAUSE_STEPS):
        if token.head.i == token.i or token.dep_ not in _CLAUSE_LINKS:
            break
        if token.head.lemma_ in SPEECH_LEMMAS and token.dep_ != "conj":
            break
        token = token.head
        above.append(token)
    return above


def _located(head: Token, by_token: dict[int, PlaceMention]) -> PlaceMention | None:
    for child in children(head, "prep"):
        if child.lower_ in _LOCATING_PREPS:
            found = _object_place(child, by_token)
            if found is not None:
                return found
    return None


def _destination(head: Token, by_token: dict[int, PlaceMention]) -> PlaceMention | None:
    if head.lemma_ not in _VISIT_LEMMAS:
        return None
    for dep, child in dependents(head):
        if dep == "prep" and child.lower_ in _DESTINATION_PREPS:
            found = _object_place(child, by_token)
            if found is not None:
                return found
        if dep == "dobj" and child.i in by_token:  # "visited Cairo"
            return by_token[child.i]
    return None


def _struck(head: Token, by_token: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place an attack is aimed at: "shelled *Rafah*", "an air strike *on Rafah*", "launched
    a rocket attack *on Kramatorsk*" (the attack a verb carries out)."""
    for dep, child in dependents(head):
        if child.i in by_token and is_struck(child):
            return by_token[child.i]
        if dep == "prep" and child.lower_ in ("on", "against") and head.lemma_ in ATTACK_NOUNS:
            found = _object_place(child, by_token)
            if found is not None:
                return found
        if dep == "dobj" and child.lemma_ in ATTACK_NOUNS and head.lemma_ in _SUPPORT_VERBS:
            found = _struck(child, by_token)
            if found is not None:
                return found
    return None


def _more_specific(found: PlaceMention, head: Token, by_token: dict[int, PlaceMention]) -> PlaceMention:
    """A city the event's object names inside the area a preposition gave: "strikes hit Rafah and
    Khan Younis in the Gaza Strip" happened in Rafah."""
    if found.feature == "city":
        return found
    for child in children(head, "dobj"):
        if child.i in by_token:
            city = by_token[child.i]
            if city.feature == "city" and city.country == found.country and found.country is not None:
                return city
    return found


def _object_place(prep: Token, by_token: dict[int, PlaceMention], depth: int = 0) -> PlaceMention | None:
    """The place a preposition introduces, through frame nouns ("in the southern city of Rafah")
    or as what the object hangs on ("in Azumino (Nagano)" parsed with Nagano as the object). A
    name that only qualifies a thing is the name of that thing, no place: "in Saint-Michel square
    in Paris", "at St. John's Church"."""
    for obj in children(prep, "pobj"):
        if obj.i in by_token:
            return by_token[obj.i]
        for child in obj.subtree:
            if child.i not in by_token:
                continue
            if obj.lemma_ in _FRAME_NOUNS:
                return by_token[child.i]
            # (spaCy makes a new Token on every access: tokens are compared by position, never with `is`)
            if child.head.i == obj.i and child.dep_ not in _NAMING_DEPS:
                return by_token[child.i]
        if depth < _MAX_NESTED_PREPS:
            # "outside the government building in Chisinau", "in front of the office at Mahargunj
            # locality in Kathmandu": the building stands in the place the next preposition names.
            for child in children(obj, "prep"):
                if child.lower_ in _NESTED_PREPS or child.lower_ == "of" and obj.lower_ == "front":
                    found = _object_place(child, by_token, depth + 1)
                    if found is not None:
                        return found
    return None


def _is_modifier(span: Span) -> bool:
    root = span.root
    return root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.lower_ not in KIND_WORDS  # "Rafah city"


def _distance(trigger: Token, mention: PlaceMention) -> int:
    if trigger.i < mention.start:
        return mention.start - trigger.i
    return max(0, trigger.i - (mention.end - 1))
