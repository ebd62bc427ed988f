"""Places: find the place names of an article and resolve them; tell which one an event happened in.

Find: `find_places(doc, gazetteer)` takes spaCy's place entities (GPE, LOC, FAC) and the
capitalised names spaCy tagged otherwise or not at all ("Rafah" and "Khan Younis" often come out
as PERSON), looks each up in the gazetteer, and keeps the readings it trusts (see `_trusted`). A name cut
at a lower-case particle is joined again ("Deir ez Zor"). An admin1 or country in brackets or
after a comma narrows the reading down and is not a place of its own: "in Villa Yapacani (Santa
Cruz)", "in Paris, Texas", "in San Jose, San Jose".

Annotate: `place_for(trigger, mentions)` gives the place of an event: the object of a locating
preposition on the trigger or its verb ("clashes in Rafah", "killed 20 people near Jenin"), the
destination of a visit ("arrived in Cairo", "a visit to Beijing"), the place of the verb its
clause hangs on ("gathered in Milford to support Ukraine"), else the nearest place in the
sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from petrel.knowledge.places import Gazetteer, PlaceCandidate
from petrel.records import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities of these labels are never places, whatever the gazetteer says ("Monday", "20").
_NEVER_PLACES = frozenset({
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE", "LAW", "WORK_OF_ART", "EVENT",
    "PRODUCT",
})  # fmt: skip
# A name spaCy did not tag as a place, resolved to a city of none of the article's countries, is
# trusted only for a city this large (a person or company name is more likely otherwise).
MIN_UNTAGGED_POPULATION = 100_000
_MAX_NAME_TOKENS = 5
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "upper", "lower", "new", "old"})
_LEADING_WORDS = frozenset({
    "the", "northern", "southern", "eastern", "western", "central", "occupied", "north", "south", "east", "west",
})  # fmt: skip
# Words after a name that say what kind of place it is: "Rafah city", "Jenin camp".
_KIND_WORDS = frozenset({
    "city", "town", "village", "camp", "province", "governorate", "region", "district", "state", "oblast", "county",
    "township", "locality", "municipality", "department", "area",
})  # fmt: skip
_COMPOUND_PARTICIPLES = frozenset({
    "based", "backed", "led", "run", "brokered", "allied", "aligned", "born", "funded", "sponsored", "supported", "made",
})  # fmt: skip
_BREAKS = frozenset({",", "(", ")"})  # what splits an entity into names
# Lower-case words inside place names ("Deir ez Zor", "Mineral del Chico", "Pilar do Sul",
# "Mocimboa da Praia"), which end spaCy's runs of proper nouns; up to two in a row ("de la").
_PARTICLES = frozenset({
    "de", "del", "la", "las", "los", "el", "ez", "es", "ed", "al", "ad", "as", "an", "ar", "ash", "az",
    "da", "do", "dos", "das", "di", "du", "le", "les", "van", "der", "den", "y", "wa",
})  # fmt: skip
_MAX_PARTICLES = 2
# Labels of names that are no places, which the small pipeline still gives places now and then
# ("Amadiya district" PRODUCT, "Murcia (Murcia" WORK_OF_ART): read as untagged names.
_NAMING_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
# An event whose sentence names no place takes the place of one of the sentences this far before it
# in its paragraph: a report names the scene once, then tells what happened there.
SENTENCES_BACK = 2
# "the Embassy of Panama", "the consulate of the Republic of Sudan": whose mission it is.
_MISSIONS = frozenset({"embassy", "consulate", "mission", "ambassador", "consul"})
_STATE_WORDS = frozenset({"of", "the", "republic", "kingdom", "state", "federal", "islamic", "democratic"})
# Verbs whose object is a person or a body, never a town.
_PEOPLE_VERBS = frozenset({
    "meet", "host", "receive", "invite", "thank", "congratulate", "phone", "call", "brief", "urge", "tell", "ask",
    "accuse", "praise", "criticize", "criticise", "blame", "appoint", "elect", "nominate", "replace", "fire", "sack",
})  # fmt: skip
_LOCATIVES = frozenset({"in", "near", "outside", "around", "across", "inside", "off"})
# What is shelled, captured or besieged is a place: "shelled Rafah", "recaptured Kherson".
_STRUCK_PLACE_VERBS = frozenset({
    "shell", "bomb", "bombard", "strike", "hit", "pound", "raid", "storm", "besiege", "encircle", "capture",
    "seize", "recapture", "retake", "liberate", "occupy", "invade", "overrun", "blockade", "evacuate",
})  # fmt: skip
# ... and so is what an attack is "on": "an air strike on Rafah", "the offensive against Bakhmut".
_ATTACK_NOUNS = frozenset({
    "attack", "strike", "airstrike", "raid", "assault", "offensive", "bombardment", "bombing", "shelling",
    "siege", "incursion", "invasion", "advance",
})  # fmt: skip
# Places do not speak: the subject of these verbs is a government or a person ("Washington said").
_SPEECH_LEMMAS = frozenset({
    "say", "tell", "add", "announce", "claim", "deny", "accuse", "warn", "urge", "insist", "state",
    "report", "confirm", "demand", "call", "ask", "threaten", "condemn", "reject", "agree", "want",
})  # fmt: skip
_LOCATING_PREPS = frozenset({
    "in", "at", "near", "outside", "across", "inside", "into", "throughout", "around", "within", "on", "off", "along",
    "from", "through", "over",
})  # fmt: skip
_DESTINATION_PREPS = frozenset({"to", "in", "into"})
# How a clause hangs on the words it belongs to: "gathered in Milford *to support* Ukraine"
# (advcl, xcomp), "the crowd *that marched*" (relcl, acl), "*after clashing* with police" (pcomp, pobj, prep).
_CLAUSE_LINKS = frozenset({"advcl", "xcomp", "ccomp", "conj", "acl", "relcl", "pcomp", "pobj", "prep", "dobj"})
_MAX_CLAUSE_STEPS = 4
_VISIT_LEMMAS = frozenset({
    "visit", "arrive", "travel", "fly", "go", "come", "return", "head", "trip", "journey", "tour", "land", "arrival",
})  # fmt: skip
# Nouns that stand between a preposition and the place: "in the town of Jenin", "on the outskirts of Kabul".
_FRAME_NOUNS = frozenset({
    "town", "city", "village", "camp", "province", "region", "area", "district", "state", "governorate",
    "outskirts", "suburb", "suburbs", "center", "centre", "north", "south", "east", "west", "part", "parts",
    "capital", "port", "border", "streets", "street", "heart", "edge", "neighbourhood", "neighborhood", "country",
})  # fmt: skip


@dataclass(frozen=True)
class PlaceMention:
    """A place name in the article, resolved: character offsets into the text, token offsets into
    the doc (end exclusive), and the fields of a Place record."""

    start_char: int
    end_char: int
    text: str
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str | None
    start: int = 0
    end: int = 0
    label: str | None = None  # spaCy's entity label, None when spaCy tagged nothing

    def to_place(self) -> Place:
        return Place(
            text=self.text, name=self.name, country=self.country, admin1=self.admin1, lat=self.lat,
            lon=self.lon, geonames_id=self.geonames_id, feature=self.feature,
        )  # fmt: skip


def find_places(
    doc: Doc, gazetteer: Gazetteer, context_countries: Iterable[str] | Mapping[str, set[str]] = ()
) -> list[PlaceMention]:
    """Every place the article names, in text order.

    `context_countries` are the ISO3 codes the article is about (from its actors), or a mapping
    of each to the words that named it. The countries of the places the article names are added
    to them, and every name is read again with the larger context: "Dnipro" (tagged PERSON) is
    kept once "Kharkiv" has put Ukraine in context. A name never counts for itself: "Tripoli"
    (the capital of Libya to the actor tables, and Libya's Tripoli to a first reading) must not
    put Libya in context to beat the Lebanon of "Lebanese officials".
    """
    spans = _joined_names(_name_spans(doc), gazetteer)
    if isinstance(context_countries, Mapping):
        named_by = {country: set(names) for country, names in context_countries.items()}
    else:
        named_by = {country: {""} for country in context_countries}  # named by no word of the text

    def context_of(name: str) -> frozenset[str]:
        return frozenset(country for country, names in named_by.items() if names - {name.lower()})

    mentions = _read_spans(doc, spans, gazetteer, context_of)
    for mention in mentions:
        if mention.country:
            named_by.setdefault(mention.country, set()).add(mention.text.lower())
    return _read_spans(doc, spans, gazetteer, context_of)


def _read_spans(
    doc: Doc, spans: list[tuple[Span, str | None]], gazetteer: Gazetteer, context_of: Callable[[str], frozenset[str]]
) -> list[PlaceMention]:
    mentions: list[PlaceMention] = []
    taken: set[int] = set()  # tokens of a hint: "(Santa Cruz)" is not a place of its own
    for span, label in spans:
        if span.start in taken:
            continue
        core = _core(span)
        context = context_of(core.text)
        if _in_compound_modifier(doc, core):
            continue
        hint, bracketed = _hint(doc, core, gazetteer)
        hint_text = hint.text if hint is not None else None
        reading = gazetteer.resolve(core.text, context, hint=hint_text)
        placed_by_hint = hint is not None and reading is not None and reading.feature in ("city", "admin1")
        if reading is None and len(core) > 1 and core[-1].lower_ in _KIND_WORDS:
            core = core[:-1]  # "Rafah city", "Idlib province": the name without the kind of place
            reading = gazetteer.resolve(core.text, context, hint=hint_text)
        if reading is None and len(core) > 1 and core[0].lower_ in _LEADING_WORDS:
            core = core[1:]  # "Northern Nicosia", "Central Mali": a part of the place named
            reading = gazetteer.resolve(core.text, context, hint=hint_text)
        if reading is None and hint is not None:
            if bracketed and (label != "ORG" or _stands_as_place(core)):
                # ACLED style: a village the gazetteer lacks, placed by its division: keep the division.
                reading = _hint_place(gazetteer, hint.text, _countries_around(doc, core, hint, gazetteer, context))
                placed_by_hint = reading is not None
            else:  # "Kharkiv, Odesa and Dnipro" is a list, not Kharkiv in Odesa province
                reading = gazetteer.resolve(core.text, context)
        division = _comma_division(doc, core, gazetteer, context) if reading is None and hint is None else None
        if division is not None:
            # "in Tamasopo, San Luis Potosi": a town the gazetteer lacks, placed by the division
            # after it (a name it does know is never read as a list's first item this way).
            hint, reading, placed_by_hint = division[0], division[1], True
        if reading is None or not (placed_by_hint or _trusted(core, label, reading, gazetteer, context)):
            continue
        if placed_by_hint:
            # The whole hierarchy after the name is its address, no place of its own:
            # "Taze township (Shwebo district, Sagaing region)".
            taken.update(range(core.end, hint.end))
        mentions.append(_mention(core, reading, label))
    return mentions


def _name_spans(doc: Doc) -> list[tuple[Span, str | None]]:
    """Entities that may be places, and runs of capitalised proper nouns spaCy left untagged.

    An entity that holds a comma or a bracket is read part by part: spaCy tags "Kharkiv, Odesa"
    in "struck Kharkiv, Odesa and Dnipro" as one ORG, "Rakivka, Kyiv" as one FAC and "Murcia
    (Murcia" as a WORK_OF_ART. Parts of a place entity keep its label; other parts are untagged.
    """
    spans: list[tuple[Span, str | None]] = []
    in_entity: set[int] = set()
    for ent in doc.ents:
        in_entity.update(range(ent.start, ent.end))
        broken = any(token.text in _BREAKS for token in ent)
        if ent.label_ in _NAMING_LABELS and not broken:
            spans.append((ent, None))  # "Amadiya district" tagged PRODUCT: an untagged name
            continue
        if ent.label_ in _NEVER_PLACES and ent.label_ not in _NAMING_LABELS:
            continue
        if broken:
            label = ent.label_ if ent.label_ in PLACE_LABELS else None
            spans += [(part, label) for part in _comma_parts(ent, _BREAKS)]
        elif any(_spaced_dash(token) for token in ent):
            # "Donetsk - Kirovskyi", "Baghdad - Karkh": a city and its district (the first is the place).
            first = ent[: next(token.i for token in ent if _spaced_dash(token)) - ent.start]
            if len(first):
                spans.append((first, ent.label_ if ent.label_ in PLACE_LABELS else None))
        else:
            spans.append((ent, ent.label_))
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < _MAX_NAME_TOKENS and j not in in_entity and _is_name_token(doc[j]):
            j += 1
        if j > i:
            spans.append((doc[i:j], None))
            i = j
        else:
            i += 1
    return sorted(spans, key=lambda pair: pair[0].start)


def _joined_names(spans: list[tuple[Span, str | None]], gazetteer: Gazetteer) -> list[tuple[Span, str | None]]:
    """Names cut in two, joined again when the gazetteer knows the whole: at a lower-case
    particle of Arabic, Spanish or Portuguese names ("Deir" + "ez" + "Zor", "Mineral" + "del
    Chico", "Pilar" + "do Sul"), or where spaCy split one name into two ("Bandar" + "Abbas").
    The whole keeps the first part's label if that is a place's, else the second's."""
    joined: list[tuple[Span, str | None]] = []
    for span, label in spans:
        if joined:
            first, first_label = joined[-1]
            between = span.doc[first.end : span.start]
            if len(between) <= _MAX_PARTICLES and all(token.lower_ in _PARTICLES for token in between):
                whole = span.doc[first.start : span.end]
                if gazetteer.candidates(whole.text):
                    joined[-1] = (whole, first_label if first_label in PLACE_LABELS else label)
                    continue
        joined.append((span, label))
    return joined


def _is_name_token(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _core(span: Span) -> Span:
    """The name without leading "the", "northern", "occupied"...: "the northern Gaza Strip" -> "Gaza Strip"."""
    start = span.start
    while start < span.end - 1 and span.doc[start].text in _LEADING_WORDS:  # lower case only: "North Kivu" stays
        start += 1
    if start < span.end - 1 and span.doc[start].text == "The":
        start += 1
    return span.doc[start : span.end]


def _hint(doc: Doc, span: Span, gazetteer: Gazetteer) -> tuple[Span | None, bool]:
    """A division or country that places `span`, and whether it is in brackets:
    "X (Santa Cruz)", "X (Ichilo, Santa Cruz)", "X, Texas"."""
    end = _after_kind_word(doc, span.end)  # "Taze township (Shwebo district, Sagaing region)"
    if end < len(doc) and doc[end].text == "(":
        close = next((k for k in range(end + 1, min(end + 12, len(doc))) if doc[k].text == ")"), None)
        if close is not None:
            for part in reversed(_comma_parts(doc[end + 1 : close])):
                if part.text.lower() in _COMPASS_WORDS:
                    continue  # "Kar Paung Kya (East) village": part of the name, not Cameroon's East region
                if _names_division_or_country(gazetteer, part.text):
                    return part, True
        return None, False
    part = _name_after_comma(doc, end)
    if part is not None:
        # After a comma only a name that is a division or country first of all ("Texas", not
        # "Odesa"), or a division the name has a reading in: "San Jose, San Jose" is the Costa
        # Rican city in its province, while "Kharkiv, Odesa" stays a list.
        reading = gazetteer.resolve(part.text)
        if reading is not None and reading.feature in ("admin1", "country"):
            return part, False
        if gazetteer.is_division(part.text) and gazetteer.resolve(span.text, hint=part.text) is not None:
            return part, False
    return None, False


def _name_after_comma(doc: Doc, end: int) -> Span | None:
    """The capitalised name (up to four words) right after a comma at `end`, if there is one."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    k = end + 1
    while k < len(doc) and k - end <= 4 and _is_name_token(doc[k]):
        k += 1
    return doc[end + 1 : k] if k > end + 1 else None


def _comma_division(
    doc: Doc, span: Span, gazetteer: Gazetteer, context: frozenset[str]
) -> tuple[Span, PlaceCandidate] | None:
    """The division named right after `span` and a comma ("Tamasopo, San Luis Potosi",
    "Amadiya district, Duhok")."""
    part = _name_after_comma(doc, _after_kind_word(doc, span.end))
    if part is None:
        return None
    division = gazetteer.division(part.text, prefer=_countries_around(doc, span, part, gazetteer, context))
    return (part, division) if division is not None else None


def _spaced_dash(token: Token) -> bool:
    return token.text in ("-", "\u2013") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)


def _after_kind_word(doc: Doc, end: int) -> int:
    """Where the words after a name go on, past a kind word before a bracket or comma ("Taze
    township (...)", "Amadiya district, Duhok")."""
    if end + 1 < len(doc) and doc[end].lower_ in _KIND_WORDS and doc[end + 1].text in ("(", ","):
        return end + 1
    return end


def _comma_parts(span: Span, breaks: frozenset[str] = frozenset({","})) -> list[Span]:
    parts, start = [], span.start
    for token in span:
        if token.text in breaks:
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return [part for part in parts if len(part)]


def _hint_place(gazetteer: Gazetteer, text: str, prefer: Iterable[str] = ()) -> PlaceCandidate | None:
    """The division or country a bracket or comma names, if it names one ("Sagaing region"
    names Sagaing); a division of several countries in the first of `prefer` that has it."""
    text = _without_kind_word(text)
    division = gazetteer.division(text, prefer=prefer)
    if division is not None:
        return division
    reading = gazetteer.resolve(text)
    return reading if reading is not None and reading.feature == "country" else None


def _names_division_or_country(gazetteer: Gazetteer, text: str) -> bool:
    """Whether a bracket part names a division (of any country: "Western") or a country."""
    text = _without_kind_word(text)
    if gazetteer.is_division(text):
        return True
    reading = gazetteer.resolve(text)
    return reading is not None and reading.feature == "country"


def _without_kind_word(text: str) -> str:
    words = text.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _KIND_WORDS else text


def _countries_around(doc: Doc, name: Span, hint: Span, gazetteer: Gazetteer, context: frozenset[str]) -> list[str]:
    """The countries the words around a name and its hint point to, likeliest first: the name's
    own readings ("Balaka (Southern)": Balaka is a town of Malawi), the other parts of its
    bracket ("(Jhang, Punjab)": Jhang is in Pakistan), then the article's countries."""
    countries = [reading.country for reading in gazetteer.candidates(name.text) if reading.country]
    end = _after_kind_word(doc, name.end)
    if end < hint.start and doc[end].text == "(":
        others = _comma_parts(doc[end + 1 : hint.start]) + _comma_parts(doc[hint.end : _bracket_end(doc, hint.end)])
        for part in others:
            countries += [r.country for r in gazetteer.candidates(part.text, alternates=False) if r.country]
    return countries + sorted(context)


def _bracket_end(doc: Doc, start: int) -> int:
    return next((k for k in range(start, min(start + 12, len(doc))) if doc[k].text == ")"), start)


def _trusted(
    span: Span, label: str | None, reading: PlaceCandidate, gazetteer: Gazetteer, context: frozenset[str]
) -> bool:
    """Whether to take `reading` for `span`, given how spaCy tagged it."""
    if _is_speaker(span):
        return False
    if gazetteer.is_common_word(span.text) and (label not in PLACE_LABELS or not span.text[:1].isupper()):
        return False
    if label == "FAC":
        # A building is no town by another language's name: "the White House" is not Casablanca.
        return gazetteer.by_own_name(span.text, reading)
    if label in PLACE_LABELS:
        return True
    in_context = reading.country in context
    if label in ("PERSON", "NORP"):
        # spaCy tags many Arabic and Slavic place names PERSON or NORP ("Rafah", "Kyiv", "Omdurman"):
        # a city of the article's countries, or a capital, is kept where a place can stand.
        # Peoples stay peoples: "Somali troops", "Amhara militias" name no place.
        # So is a name the gazetteer knows by that very name where only a place stands: "near
        # Chervonyi Yar", "Malangwa area".
        well_known = in_context or gazetteer.is_capital(span.text)
        root = span.root
        as_a_place = root.dep_ not in ("nsubj", "nsubjpass", "poss", "amod")  # "Jackson met", "Jackson's"
        if root.dep_ == "dobj" and root.head.lemma_ in _PEOPLE_VERBS:
            as_a_place = False  # "Biden met Austin": whom one meets, thanks or urges is a person
        if _stands_as_place(span) and gazetteer.by_own_name(span.text, reading) and not _has_title(span):
            return True
        return well_known and as_a_place and reading.feature == "city" and not _has_title(span)
    if reading.source in ("regions", "countries"):
        return True
    if label == "ORG":
        # "Hamas", "Gaza Health Ministry": a body, not where things happen. But the small
        # pipeline tags many towns ORG ("in Isfahan city", "in Wernigerode"): a name the
        # gazetteer knows where only a place stands ("in ...", "the village of ...", "... district")
        # is a place.
        return _stands_as_place(span)
    # Untagged capitalised words: a city of the article's countries, or a big city by its own name,
    # or any place by its own name where only a place stands.
    if in_context:
        return True
    if reading.population >= MIN_UNTAGGED_POPULATION and not reading.alternate:
        return True
    return _stands_as_place(span) and gazetteer.by_own_name(span.text, reading)


def _in_compound_modifier(doc: Doc, span: Span) -> bool:
    """"Britain-based monitor", "Iran-backed rebels", "Saudi-led coalition", "a pro-Ukraine rally",
    "the Embassy of Panama": the name qualifies who acts or what, it is not where anything happens."""
    end, start = span.end, span.start
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _COMPOUND_PARTICIPLES:
        return True
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("pro", "anti"):
        return True
    k = start - 1
    while k > 0 and doc[k].lower_ in _STATE_WORDS:
        k -= 1
    return k < start - 1 and doc[k + 1].lower_ == "of" and doc[k].lower_ in _MISSIONS


def _stands_as_place(span: Span) -> bool:
    """Whether the words around a name leave room only for a place: right after "in"/"near"...,
    after "the village of"/"the district of"..., before a kind word ("Hatay province",
    "Suti town"), all alone in a bracket after a noun ("the governor's office (Changwon)"), after
    a place and a comma, as the rest of its address ("in Navestad, Norrkoping"), or as what is
    shelled or attacked ("shelled Rafah", "an air strike on Rafah")."""
    doc = span.doc
    if _is_struck(span.root):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in _LOCATIVES:
        return True
    if before is not None and before.lower_ == "of" and span.start > 1 and doc[span.start - 2].lower_ in _KIND_WORDS:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if _whole_bracket(span) and not span.text.isupper():
        # "a sit-in in front of the governor's office (Changwon)": the bracket says where the
        # thing before it is. An acronym in brackets is another name of it ("(PKK)").
        return True
    if before is not None and before.text == "," and _after_a_place(doc, before.i):
        return after is None or after.lower_ not in ("and", "or")  # "Blinken, Austin and Sullivan": a list
    return after is not None and after.text in _KIND_WORDS  # lower case: "Hatay province", not "Gaza City Council"


def _whole_bracket(span: Span) -> bool:
    """Whether `span` is all a bracket holds, after a noun or another bracket: "Sreepur upazila
    (Gazipur)", not a dateline's "Nov 5 (Xinhua)"."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    before = doc[span.start - 2]
    return before.pos_ in ("NOUN", "PROPN") or before.text == ")"  # "Haradh (district level) (Hajjah)"


def _after_a_place(doc: Doc, comma: int) -> bool:
    """Whether the name before the comma at `comma` is a place, so that the name after it goes on
    its address: "in Navestad, Norrkoping", "shelled Voznesensk, Mykolaiv", "Amadiya district,
    Duhok"."""
    end = comma
    if end > 1 and doc[end - 1].lower_ in _KIND_WORDS and _is_name_token(doc[end - 2]):
        return True
    start = end
    while start > 0 and end - start < _MAX_NAME_TOKENS and _is_name_token(doc[start - 1]):
        start -= 1
    if start == end:
        return False
    return doc[end - 1].ent_type_ in PLACE_LABELS or _stands_as_place(doc[start:end])


def _is_struck(root: Token) -> bool:
    if root.dep_ == "dobj":
        return root.head.lemma_ in _STRUCK_PLACE_VERBS
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in ("on", "against") and prep.head.lemma_ in _ATTACK_NOUNS


def _is_speaker(span: Span) -> bool:
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _SPEECH_LEMMAS


def _has_title(span: Span) -> bool:
    """A name right after another proper noun that is no entity: a title ("Secretary Austin")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.ent_type_ == "" and before.pos_ == "PROPN"


def _mention(span: Span, reading: PlaceCandidate, label: str | None) -> PlaceMention:
    return PlaceMention(
        start_char=span.start_char, end_char=span.end_char, text=span.text, start=span.start, end=span.end,
        label=label, **reading.place_fields(),
    )  # fmt: skip


# -- the place of an event ------------------------------------------------------------------
def place_for(trigger: Token, mentions: list[PlaceMention]) -> PlaceMention | None:
    """Where the event expressed by `trigger` happened, among the article's place mentions: a
    place of its own sentence, else — when the sentence names no date of its own — the place of
    one of the two sentences before it in the same paragraph ("... an explosion in Loikaw town.
    The explosion injured two boys.")."""
    sentence = trigger.sent
    found = _place_in_sentence(trigger, sentence, mentions)
    if any(ent.label_ == "DATE" for ent in sentence.ents):
        return found  # a time of its own, maybe a scene of its own: "The Oct. 7 attack killed 1,200."
    for _ in range(SENTENCES_BACK):
        if found is not None or sentence.start == 0:
            break
        previous = trigger.doc[sentence.start - 1].sent
        if _paragraph_break(previous, sentence):
            break
        found = _place_in_sentence(previous.root, previous, mentions)
        sentence = previous
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
    # place that stands on its own.
    doc = trigger.doc
    return min(local, key=lambda m: (_is_modifier(doc[m.start : m.end]) or _acts(doc[m.start : m.end].root),
                                     _distance(trigger, m), m.start))


def _acts(root: Token) -> bool:
    """A subject, or one of coordinated subjects: "*US and China* agreed"."""
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    return root.dep_ == "nsubj"


def _event_heads(trigger: Token) -> list[Token]:
    """The trigger, and up to the verb a noun trigger belongs to ("strikes killed" -> "killed")."""
    heads = [trigger]
    token = trigger
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
        heads.append(token)
    return heads


def _coordinated_verbs(verb: Token) -> list[Token]:
    """Verbs coordinated with `verb` ("marched and protested"), which share where they happened."""
    if verb.pos_ != "VERB":
        return []
    first = verb.head if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else verb
    return [v for v in [first, *(c for c in first.children if c.dep_ == "conj" and c.pos_ == "VERB")] if v is not verb]


def _governing_heads(head: Token) -> list[Token]:
    """The words above an event's clause, nearest first, up to a verb of saying: "gathered in
    Milford to support Ukraine" supports Ukraine in Milford, but what "the minister said in
    Geneva" happened need not have happened in Geneva."""
    above: list[Token] = []
    token = head
    for _ in range(_MAX_CLAUSE_STEPS):
        if token.head is token or token.dep_ not in _CLAUSE_LINKS or token.head.lemma_ in _SPEECH_LEMMAS:
            break
        token = token.head
        above.append(token)
    return above


def _located(head: Token, by_token: dict[int, PlaceMention]) -> PlaceMention | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _LOCATING_PREPS:
            found = _object_place(child, by_token)
            if found is not None:
                return found
    return None


def _destination(head: Token, by_token: dict[int, PlaceMention]) -> PlaceMention | None:
    if head.lemma_ not in _VISIT_LEMMAS:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _DESTINATION_PREPS:
            found = _object_place(child, by_token)
            if found is not None:
                return found
        if child.dep_ == "dobj" and child.i in by_token:  # "visited Cairo"
            return by_token[child.i]
    return None


def _struck(head: Token, by_token: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place an attack is aimed at: "shelled *Rafah*", "an air strike *on Rafah*"."""
    for child in head.children:
        if child.i in by_token and _is_struck(child):
            return by_token[child.i]
        if child.dep_ == "prep" and child.lower_ in ("on", "against") and head.lemma_ in _ATTACK_NOUNS:
            found = _object_place(child, by_token)
            if found is not None:
                return found
    return None


def _more_specific(found: PlaceMention, head: Token, by_token: dict[int, PlaceMention]) -> PlaceMention:
    """A city the event's object names inside the area a preposition gave: "strikes hit Rafah and
    Khan Younis in the Gaza Strip" happened in Rafah."""
    if found.feature == "city":
        return found
    for child in head.children:
        if child.dep_ == "dobj" and child.i in by_token:
            city = by_token[child.i]
            if city.feature == "city" and city.country == found.country and found.country is not None:
                return city
    return found


def _object_place(prep: Token, by_token: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place a preposition introduces, through frame nouns: "in the southern city of Rafah"."""
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        if obj.i in by_token:
            return by_token[obj.i]
        for child in obj.subtree:
            if child.i in by_token and (child.head is obj or obj.lemma_ in _FRAME_NOUNS):
                return by_token[child.i]
    return None


def _is_modifier(span: Span) -> bool:
    root = span.root
    return root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.lower_ not in _KIND_WORDS  # "Rafah city"


def _distance(trigger: Token, mention: PlaceMention) -> int:
    if trigger.i < mention.start:
        return mention.start - trigger.i
    return max(0, trigger.i - (mention.end - 1))
