"""Places: find the place names of an article and resolve them.

Find: `find_places(doc, gazetteer)` reads the names petrel.extract.place_names finds (spaCy's
place entities and the capitalised names spaCy tagged otherwise or not at all), looks each up in
the gazetteer, and keeps the readings it trusts (see `_trusted`). A kind word after a name picks
its reading ("Amara city"). The address written after a name (petrel.extract.place_addresses)
narrows its reading and is not a place of its own: "in Villa Yapacani (Santa Cruz)", "in Paris,
Texas", "in San Jose, San Jose"; it places a village the gazetteer lacks ("Nagare (Gourma)":
Gourma province, Burkina Faso), and puts a town in the address's country ("Saida town in Ar
Raqqa countryside").

Which place an event happened in is told by petrel.extract.scenes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Span, Token

from petrel.extract.place_addresses import (
    address_hint, bracket_parts, bracketed_address_place, comma_division, placed_by_address, within_hint,
)  # fmt: skip
from petrel.extract.place_names import (
    DIVISION_WORDS, KIND_WORDS, LEADING_WORDS, MAX_NAME_TOKENS, PLACE_LABELS, SECOND_LEVEL_WORDS, TOWN_WORDS,
    PlaceMention, core_name, find_place_names, is_name_token,
)  # fmt: skip
from petrel.knowledge.places import Gazetteer, PlaceCandidate

# A name spaCy did not tag as a place, resolved to a city of none of the article's countries, is
# trusted only for a city this large (a person or company name is more likely otherwise).
MIN_UNTAGGED_POPULATION = 100_000
_COMPOUND_PARTICIPLES = frozenset({
    "based", "backed", "led", "run", "brokered", "allied", "aligned", "born", "funded", "sponsored", "supported", "made",
})  # fmt: skip
# "the Embassy of Panama", "the consulate of the Republic of Sudan": whose mission it is.
_MISSIONS = frozenset({"embassy", "consulate", "mission", "ambassador", "consul"})
_STATE_WORDS = frozenset({"of", "the", "republic", "kingdom", "state", "federal", "islamic", "democratic"})
# Verbs whose object is a person or a body, never a town.
_PEOPLE_VERBS = frozenset({
    "meet", "host", "receive", "invite", "thank", "congratulate", "phone", "call", "brief", "urge", "tell", "ask",
    "accuse", "praise", "criticize", "criticise", "blame", "appoint", "elect", "nominate", "replace", "fire", "sack",
})  # fmt: skip
_LOCATIVES = frozenset({"in", "near", "outside", "around", "across", "inside", "off", "through"})
# Words for a part of a place between a locative and its name: "in central Thessaloniki".
_PART_WORDS = frozenset({"central", "downtown", "northern", "southern", "eastern", "western", "rural", "greater"})
# What is shelled, captured or besieged is a place: "shelled Rafah", "recaptured Kherson".
_STRUCK_PLACE_VERBS = frozenset({
    "shell", "bomb", "bombard", "strike", "hit", "pound", "raid", "storm", "besiege", "encircle", "capture",
    "seize", "recapture", "retake", "liberate", "occupy", "invade", "overrun", "blockade", "evacuate",
})  # fmt: skip
# ... and so is what an attack is "on": "an air strike on Rafah", "the offensive against Bakhmut".
ATTACK_NOUNS = frozenset({
    "attack", "strike", "airstrike", "raid", "assault", "offensive", "bombardment", "bombing", "shelling",
    "siege", "incursion", "invasion", "advance",
})  # fmt: skip
# Places do not speak: the subject of these verbs is a government or a person ("Washington said").
SPEECH_LEMMAS = frozenset({
    "say", "tell", "add", "announce", "claim", "deny", "accuse", "warn", "urge", "insist", "state",
    "report", "confirm", "demand", "call", "ask", "threaten", "condemn", "reject", "agree", "want",
})  # fmt: skip


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
    spans = find_place_names(doc, gazetteer)
    if isinstance(context_countries, Mapping):
        named_by = {country: set(names) for country, names in context_countries.items()}
    else:
        named_by = {country: {""} for country in context_countries}  # named by no word of the text

    def context_of(name: str) -> frozenset[str]:
        lowered = name.lower()  # (a country counts if a word other than this name named it)
        return frozenset(country for country, names in named_by.items() if len(names) > 1 or lowered not in names)

    names = [(span, core_name(span), label) for span, label in spans]
    contexts = [context_of(core.text) for _, core, _ in names]
    readings: dict[tuple[int, frozenset[str]], tuple[PlaceMention | None, range]] = {}
    mentions = _read_spans(doc, names, gazetteer, contexts, readings)
    for mention in mentions:
        if mention.country:
            named_by.setdefault(mention.country, set()).add(mention.text.lower())
    wider = [context_of(core.text) for _, core, _ in names]
    mentions = _read_spans(doc, names, gazetteer, wider, readings)
    return [placed_by_address(doc, mention, mentions, gazetteer, context_of) for mention in mentions]


def _read_spans(
    doc: Doc,
    names: list[tuple[Span, Span, str | None]],
    gazetteer: Gazetteer,
    contexts: list[frozenset[str]],
    readings: dict[tuple[int, frozenset[str]], tuple[PlaceMention | None, range]],
) -> list[PlaceMention]:
    """The places the names are (each a span, its core name and its entity label), each read
    with its context: the countries around it. `readings` keeps each name's reading by context
    (a second reading of the article reads again only the names whose context grew)."""
    mentions: list[PlaceMention] = []
    taken: set[int] = set()  # tokens of a hint: "(Santa Cruz)" is not a place of its own
    for index, ((span, core, label), context) in enumerate(zip(names, contexts)):
        if span.start in taken:
            continue
        if (index, context) not in readings:
            readings[index, context] = _read_name(doc, core, label, context, gazetteer)
        mention, address = readings[index, context]
        if mention is not None:
            taken.update(address)
            mentions.append(mention)
    return mentions


def _read_name(
    doc: Doc, core: Span, label: str | None, context: frozenset[str], gazetteer: Gazetteer
) -> tuple[PlaceMention | None, range]:
    """The place a name is, if any, and the tokens of the address that placed it."""
    if _in_compound_modifier(doc, core):
        return None, range(0)
    hint, bracketed, second = address_hint(doc, core, gazetteer, context)
    within = within_hint(hint, second)
    reading = gazetteer.resolve(core.text, context, **within)
    placed_by_hint = hint is not None and reading is not None and reading.feature in ("city", "admin1")
    if reading is None and len(core) > 1 and core[-1].lower_ in KIND_WORDS:
        core = core[:-1]  # "Rafah city", "Idlib province": the name without the kind of place
        reading = gazetteer.resolve(core.text, context, **within)
    if reading is None and len(core) > 1 and core[0].lower_ in LEADING_WORDS:
        core = core[1:]  # "Northern Nicosia", "Central Mali": a part of the place named
        reading = gazetteer.resolve(core.text, context, **within)
    if reading is None and hint is not None:
        if bracketed and (label != "ORG" or _stands_as_place(core) or len(bracket_parts(doc, core) or []) > 1):
            # ACLED style: a village the gazetteer lacks, placed by its address: keep the
            # address. A name with a two-part address ("Agodo (Ewekoro, Ogun)") is a place
            # whatever spaCy tagged it.
            reading = bracketed_address_place(doc, core, hint, gazetteer, context, second)
            placed_by_hint = reading is not None
        else:  # "Kharkiv, Odesa and Dnipro" is a list, not Kharkiv in Odesa province
            reading = gazetteer.resolve(core.text, context)
    division = comma_division(doc, core, gazetteer, context) if reading is None and hint is None else None
    if division is not None:
        # "in Tamasopo, San Luis Potosi": a town the gazetteer lacks, placed by the division
        # after it (a name it does know is never read as a list's first item this way).
        hint, reading, placed_by_hint = division[0], division[1], True
    if reading is not None and not placed_by_hint:
        reading = _of_the_kind_named(doc, core, reading, gazetteer, context)
    if reading is None and hint is None and _kind_after(doc, core) in SECOND_LEVEL_WORDS:
        # "in Kanchanpur district": a district the gazetteer knows no town of
        reading = gazetteer.second_level(core.text, prefer=sorted(context), named_as_division=True)
    if reading is None or not (placed_by_hint or _trusted(core, label, reading, gazetteer, context)):
        return None, range(0)
    # The whole hierarchy after a name placed by its address is that address, no place of its
    # own: "Taze township (Shwebo district, Sagaing region)".
    return _mention(core, reading, label), range(core.end, hint.end) if placed_by_hint else range(0)


def _kind_after(doc: Doc, span: Span) -> str:
    return doc[span.end].lower_ if span.end < len(doc) else ""


def _of_the_kind_named(
    doc: Doc, span: Span, reading: PlaceCandidate, gazetteer: Gazetteer, context: frozenset[str]
) -> PlaceCandidate:
    """The reading of the kind the word after the name says: "Amara city" is the Iraqi city (Al
    Amarah), not Ethiopia's Amhara region; "Kayes region" the region, not the town; "Ilam
    district" in an article about Nepal the Nepalese district, not the Iranian town."""
    after = _kind_after(doc, span)
    if after in SECOND_LEVEL_WORDS and reading.feature == "city" and reading.country not in context:
        second = gazetteer.second_level(span.text, prefer=sorted(context), named_as_division=True)
        if second is not None and second.country in context:
            return second
    wanted = "city" if after in TOWN_WORDS else "admin1" if after in DIVISION_WORDS else None
    if wanted is None or reading.feature == wanted or reading.source == "regions":
        return reading
    return gazetteer.resolve(span.text, context, feature=wanted) or reading


def _trusted(
    span: Span, label: str | None, reading: PlaceCandidate, gazetteer: Gazetteer, context: frozenset[str]
) -> bool:
    """Whether to take `reading` for `span`, given how spaCy tagged it."""
    if _is_speaker(span):
        return False
    if gazetteer.is_common_word(span.text) and (label not in PLACE_LABELS or not span.text[:1].isupper()):
        return False
    if label == "FAC":
        # A building is no town by another language's name (GeoNames lists "White House" among
        # Casablanca's), nor by a name that takes "the" as towns' names do not: "the White House"
        # is not White House, Tennessee either.
        the = span.start > 0 and span.doc[span.start - 1].lower_ == "the"
        return gazetteer.by_own_name(span.text, reading) and not (the and reading.feature == "city")
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
    if is_struck(span.root):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in _LOCATIVES:
        return True
    if before is not None and before.lower_ == "at" and not _names_a_thing(span):
        return True  # "fired at Mykolaiv", not "a protest at Pomona high school"
    if before is not None and before.lower_ in _PART_WORDS and span.start > 1 and doc[span.start - 2].lower_ in _LOCATIVES:
        return True  # "marched in central Thessaloniki"
    if before is not None and before.lower_ == "of" and span.start > 1 and doc[span.start - 2].lower_ in KIND_WORDS:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if _whole_bracket(span) and not span.text.isupper():
        # "a sit-in in front of the governor's office (Changwon)": the bracket says where the
        # thing before it is. An acronym in brackets is another name of it ("(PKK)").
        return True
    if before is not None and before.text == "," and _after_a_place(doc, before.i):
        return after is None or after.lower_ not in ("and", "or")  # "Blinken, Austin and Sullivan": a list
    return after is not None and after.text in KIND_WORDS  # lower case: "Hatay province", not "Gaza City Council"


def _names_a_thing(span: Span) -> bool:
    """Whether a noun follows the name, which then names that thing: "Pomona high school",
    "Buta migrant camp" (a kind word still names a place: "Rafah city")."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ") and after.lower_ not in KIND_WORDS


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
    if end > 1 and doc[end - 1].lower_ in KIND_WORDS and is_name_token(doc[end - 2]):
        return True
    start = end
    while start > 0 and end - start < MAX_NAME_TOKENS and is_name_token(doc[start - 1]):
        start -= 1
    if start == end:
        return False
    return doc[end - 1].ent_type_ in PLACE_LABELS or _stands_as_place(doc[start:end])


def is_struck(root: Token) -> bool:
    if root.dep_ == "dobj":
        return root.head.lemma_ in _STRUCK_PLACE_VERBS
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in ("on", "against") and prep.head.lemma_ in ATTACK_NOUNS


def _is_speaker(span: Span) -> bool:
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_LEMMAS


def _has_title(span: Span) -> bool:
    """A name right after another proper noun that is no entity: a title ("Secretary Austin")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.ent_type_ == "" and before.pos_ == "PROPN"


def _mention(span: Span, reading: PlaceCandidate, label: str | None) -> PlaceMention:
    return PlaceMention(
        start_char=span.start_char, end_char=span.end_char, text=span.text, start=span.start, end=span.end,
        label=label, **reading.place_fields(),
    )  # fmt: skip
