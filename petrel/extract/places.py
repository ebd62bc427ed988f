"""Places: find the place names of an article and resolve them.

Find: `find_places(doc, gazetteer)` takes spaCy's place entities (GPE, LOC, FAC) and the
capitalised names spaCy tagged otherwise or not at all ("Rafah" and "Khan Younis" often come out
as PERSON), looks each up in the gazetteer, and keeps the readings it trusts (see `_trusted`). A name cut
at a lower-case particle is joined again ("Deir ez Zor"). An admin1 or country in brackets or
after a comma narrows the reading down and is not a place of its own: "in Villa Yapacani (Santa
Cruz)", "in Paris, Texas", "in San Jose, San Jose". A name glued by hyphens is read whole
("Croix-des-Bouquets"), a kind word after a name picks its reading ("Amara city"), and a place's
address puts it in the address's country ("Saida town in Ar Raqqa countryside"). A bracket part
that is a second-level division places a village the gazetteer lacks ("Nagare (Gourma)": Gourma
province, Burkina Faso) when nothing of the same name that the words around support does.

Which place an event happened in is told by petrel.extract.scenes.
"""

from __future__ import annotations


from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

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
# Words after a name that say what kind of place it is: "Rafah city", "Jenin camp", and the local
# units reports name villages by: "Wetwet kebele", "Gidan woreda", "Sonaimuri upazila", "Kapyego ward".
KIND_WORDS = frozenset({
    "city", "town", "village", "camp", "province", "governorate", "region", "district", "state", "oblast", "county",
    "township", "locality", "municipality", "department", "area", "commune", "kebele", "woreda", "upazila", "ward",
    "tambon", "groupement", "corregimiento", "vereda", "canton", "parish", "subdistrict", "sub-district",
    "lga", "cercle", "prefecture", "raion", "subdivision",
})  # fmt: skip
# Kind words that say a name is a town, or a first-level division.
_TOWN_WORDS = frozenset({"city", "town", "village", "municipality", "township"})
_DIVISION_WORDS = frozenset({"province", "governorate", "region", "state", "oblast"})
# Kind words that say a name is a second-level division, not the town of that name:
# "(Kanchanpur district)", "Anka LGA", "(Bui division)".
_SECOND_LEVEL_WORDS = frozenset({"district", "province", "county", "department", "lga", "cercle", "prefecture", "raion"})
_COMPOUND_PARTICIPLES = frozenset({
    "based", "backed", "led", "run", "brokered", "allied", "aligned", "born", "funded", "sponsored", "supported", "made",
})  # fmt: skip
_BREAKS = frozenset({",", "(", ")"})  # what splits an entity into names
# Lower-case words inside place names ("Deir ez Zor", "Mineral del Chico", "Pilar do Sul",
# "Mocimboa da Praia", Persian "Bandar e Mahshahr"), which end spaCy's runs of proper nouns; up
# to two in a row ("de la").
_PARTICLES = frozenset({
    "de", "del", "la", "las", "los", "el", "ez", "es", "ed", "al", "ad", "as", "an", "ar", "ash", "az",
    "da", "do", "dos", "das", "di", "du", "le", "les", "van", "der", "den", "y", "wa", "e",
})  # fmt: skip
_MAX_PARTICLES = 2
# Labels of names that are no places, which the small pipeline still gives places now and then
# ("Amadiya district" PRODUCT, "Murcia (Murcia" WORK_OF_ART): read as untagged names.
_NAMING_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
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
    spans = _hyphenated_names(_joined_names(_name_spans(doc), gazetteer), gazetteer)
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
    mentions = _read_spans(doc, spans, gazetteer, context_of)
    return [_placed_by_address(doc, mention, mentions, gazetteer, context_of) for mention in mentions]


def _placed_by_address(
    doc: Doc, mention: PlaceMention, mentions: list[PlaceMention], gazetteer: Gazetteer,
    context_of: Callable[[str], frozenset[str]],
) -> PlaceMention:
    """The mention read again in the country of the place its address names, when that differs.

    Reports give a small place its address: "Saida town in Ar Raqqa countryside", "Gurbuz
    district, Khost", "Guanyin, Taoyuan City". A town that has a namesake abroad is then in the
    address's country (Saida, Syria, not Saida, Algeria); when the gazetteer knows no town of the
    name there (it lists towns of 5,000 people or more), the place is the address, as for a
    village placed by its division in brackets.
    """
    address = _address(doc, mention, mentions)
    if address is None or mention.feature not in ("city", "admin1") or address.country in (None, mention.country):
        return mention
    reading = gazetteer.resolve(mention.text, context_of(mention.text), country=address.country)
    fields = reading.place_fields() if reading is not None else _place_fields(address)
    return replace(mention, **fields)


def _address(doc: Doc, mention: PlaceMention, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place right after a mention that says where it lies: "X [town] in [the] Y", "X
    [district], Y", "X in the district of Y", "X village, tambon Y". After a comma, a city is an
    address only where it ends the name ("Guanyin, Taoyuan City against ...", not "Paris, London
    and Berlin")."""
    k = _after_kind_word(doc, mention.end)
    if k < len(doc) and doc[k].lower_ in KIND_WORDS:
        k += 1  # "Saida town in ..."
    if k >= len(doc) or doc[k].lower_ not in (",", "in"):
        return None
    comma = doc[k].text == ","
    k += 1
    if comma and k < len(doc) and doc[k].lower_ == "in":
        k += 1  # "Arile village, in Rumu groupement"
    for _ in range(3):  # "in the district of Misungwi", ", tambon Lahan"
        if k < len(doc) and (doc[k].lower_ in ("the", "of") or doc[k].text in KIND_WORDS):
            k += 1
    address = next((m for m in mentions if m.start == k), None)
    if address is None or not comma or address.feature != "city":
        return address
    k = _after_kind_word(doc, address.end)
    k += int(k < len(doc) and doc[k].lower_ in KIND_WORDS)  # "Taoyuan City, ..."
    if k < len(doc) and doc[k].lower_ in ("and", "or"):
        return None  # "Paris, London and Berlin"
    if k + 1 < len(doc) and doc[k].text == "," and _is_name_token(doc[k + 1]):
        return None  # "Paris, London, Berlin and Rome"
    return address


def _place_fields(mention: PlaceMention) -> dict[str, object]:
    return {
        "name": mention.name, "country": mention.country, "admin1": mention.admin1, "lat": mention.lat,
        "lon": mention.lon, "geonames_id": mention.geonames_id, "feature": mention.feature,
    }  # fmt: skip


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
        hint, bracketed, second = _hint(doc, core, gazetteer, context)
        within = _inside(hint, second)
        reading = gazetteer.resolve(core.text, context, **within)
        placed_by_hint = hint is not None and reading is not None and reading.feature in ("city", "admin1")
        if reading is None and len(core) > 1 and core[-1].lower_ in KIND_WORDS:
            core = core[:-1]  # "Rafah city", "Idlib province": the name without the kind of place
            reading = gazetteer.resolve(core.text, context, **within)
        if reading is None and len(core) > 1 and core[0].lower_ in _LEADING_WORDS:
            core = core[1:]  # "Northern Nicosia", "Central Mali": a part of the place named
            reading = gazetteer.resolve(core.text, context, **within)
        if reading is None and hint is not None:
            if bracketed and (label != "ORG" or _stands_as_place(core) or len(_bracket_parts(doc, core) or []) > 1):
                # ACLED style: a village the gazetteer lacks, placed by its address: keep the
                # address. A name with a two-part address ("Agodo (Ewekoro, Ogun)") is a place
                # whatever spaCy tagged it.
                reading = _address_place(doc, core, hint, gazetteer, context, second)
                placed_by_hint = reading is not None
            else:  # "Kharkiv, Odesa and Dnipro" is a list, not Kharkiv in Odesa province
                reading = gazetteer.resolve(core.text, context)
        division = _comma_division(doc, core, gazetteer, context) if reading is None and hint is None else None
        if division is not None:
            # "in Tamasopo, San Luis Potosi": a town the gazetteer lacks, placed by the division
            # after it (a name it does know is never read as a list's first item this way).
            hint, reading, placed_by_hint = division[0], division[1], True
        if reading is not None and not placed_by_hint:
            reading = _of_the_kind_named(doc, core, reading, gazetteer, context)
        if reading is None and hint is None and _kind_after(doc, core) in _SECOND_LEVEL_WORDS:
            # "in Kanchanpur district": a district the gazetteer knows no town of
            reading = gazetteer.second_level(core.text, prefer=sorted(context), named_as_division=True)
        if reading is None or not (placed_by_hint or _trusted(core, label, reading, gazetteer, context)):
            continue
        if placed_by_hint:
            # The whole hierarchy after the name is its address, no place of its own:
            # "Taze township (Shwebo district, Sagaing region)".
            taken.update(range(core.end, hint.end))
        mentions.append(_mention(core, reading, label))
    return mentions


def _inside(hint: Span | None, second: PlaceCandidate | None) -> dict[str, str | None]:
    """What `Gazetteer.resolve` needs to read a name inside its hint: the hint's text, or for a
    second-level division, its country and first-level division."""
    if second is not None:
        return {"country": second.country, "hint": second.admin1}
    return {"hint": hint.text if hint is not None else None}


def _kind_after(doc: Doc, span: Span) -> str:
    return doc[span.end].lower_ if span.end < len(doc) else ""


def _of_the_kind_named(
    doc: Doc, span: Span, reading: PlaceCandidate, gazetteer: Gazetteer, context: frozenset[str]
) -> PlaceCandidate:
    """The reading of the kind the word after the name says: "Amara city" is the Iraqi city (Al
    Amarah), not Ethiopia's Amhara region; "Kayes region" the region, not the town; "Ilam
    district" in an article about Nepal the Nepalese district, not the Iranian town."""
    after = _kind_after(doc, span)
    if after in _SECOND_LEVEL_WORDS and reading.feature == "city" and reading.country not in context:
        second = gazetteer.second_level(span.text, prefer=sorted(context), named_as_division=True)
        if second is not None and second.country in context:
            return second
    wanted = "city" if after in _TOWN_WORDS else "admin1" if after in _DIVISION_WORDS else None
    if wanted is None or reading.feature == wanted or reading.source == "regions":
        return reading
    return gazetteer.resolve(span.text, context, feature=wanted) or reading


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
            parts = [_before_spaced_dash(part) for part in _comma_parts(ent, _BREAKS)]
            spans += [(part, label) for part in parts if len(part)]
        elif any(_spaced_dash(token) for token in ent):
            first = _before_spaced_dash(ent)
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
                # ("Bandar e Mahshahr city": the gazetteer knows the name without its kind word)
                named = whole[:-1] if len(whole) > 2 and whole[-1].lower_ in KIND_WORDS else whole
                if gazetteer.candidates(named.text):
                    joined[-1] = (whole, first_label if first_label in PLACE_LABELS else label)
                    continue
        joined.append((span, label))
    return joined


def _hyphenated_names(spans: list[tuple[Span, str | None]], gazetteer: Gazetteer) -> list[tuple[Span, str | None]]:
    """Names glued to more name by hyphens, which spaCy cuts: "Croix-des-Bouquets" (a town of
    Haiti, not Croix, France), "Cali-Ganey" (a neighbourhood of Mogadishu, not Cali, Colombia).
    The whole is the name when the gazetteer knows it; a part is a place of its own only when
    every part is ("the Kharkiv-Kyiv highway"); otherwise no part is."""
    found: list[tuple[Span, str | None]] = []
    for span, label in spans:
        doc = span.doc
        start, end = span.start, span.end
        while start >= 2 and _glued(doc[start - 1]) and _hyphen_part(doc[start - 2]):
            start -= 2
        while end + 1 < len(doc) and _glued(doc[end]) and _hyphen_part(doc[end + 1]):
            end += 2
        if (start, end) == (span.start, span.end):
            found.append((span, label))
            continue
        whole = doc[start:end]
        if gazetteer.candidates(whole.text):
            if not found or found[-1][0].start != whole.start:  # one whole, whichever part came first
                found.append((whole, label))
        elif all(gazetteer.candidates(t.text) for t in whole if t.text[:1].isupper()):
            found.append((span, label))
    return found


def _glued(token: Token) -> bool:
    """A hyphen with no space on either side."""
    return token.text == "-" and token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_


def _hyphen_part(token: Token) -> bool:
    return token.is_alpha and (token.text[:1].isupper() or token.lower_ in _PARTICLES or token.lower_ in ("des", "n", "sur"))


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


def _hint(
    doc: Doc, span: Span, gazetteer: Gazetteer, context: frozenset[str] = frozenset()
) -> tuple[Span | None, bool, PlaceCandidate | None]:
    """A division or country that places `span`, whether it is in brackets, and the second-level
    division it is when it is one: "X (Santa Cruz)", "X (Ichilo, Santa Cruz)", "X, Texas",
    "Bhimdatta (Kanchanpur district)". A bracketed address that names no division or country may
    name the town a village lies by: "Dira (Solenzo, Banwa)"."""
    parts = _bracket_parts(doc, span)
    if parts is not None:
        parts = [part for part in parts if part.text.lower() not in _COMPASS_WORDS]
        # ("Kar Paung Kya (East) village": a compass word is part of the name, not Cameroon's East region)
        for part in reversed(parts):
            if _names_division_or_country(gazetteer, part.text):
                # "(Ilam district)" in a report about Nepal: the Nepalese district, not Iran's
                # Ilam province; elsewhere the first-level division, as always
                districtlike = len(part) > 1 and part[-1].lower_ in _SECOND_LEVEL_WORDS - _DIVISION_WORDS
                second = None
                if districtlike:
                    text = _without_kind_word(part.text)
                    second = gazetteer.second_level(text, prefer=sorted(context), named_as_division=True)
                return part, True, second
        for part in reversed(parts):
            second = _second_level_part(doc, span, part, gazetteer, context)
            if second is not None:
                return part, True, second
        # (a town alone in brackets is a place of its own: "Valentino Park (Torino)")
        town = next((part for part in parts if _names_town(gazetteer, part.text)), None) if len(parts) > 1 else None
        return (town, True, None) if town is not None else (None, False, None)
    end = _after_kind_word(doc, span.end)
    part = _name_after_comma(doc, end)
    if part is not None:
        # After a comma only a name that is a division or country first of all ("Texas", not
        # "Odesa"), or a division the name has a reading in: "San Jose, San Jose" is the Costa
        # Rican city in its province, while "Kharkiv, Odesa" stays a list.
        reading = gazetteer.resolve(part.text)
        if reading is not None and reading.feature in ("admin1", "country"):
            return part, False, None
        if gazetteer.is_division(part.text) and gazetteer.resolve(span.text, hint=part.text) is not None:
            return part, False, None
    return None, False, None


def _second_level_part(
    doc: Doc, name: Span, part: Span, gazetteer: Gazetteer, context: frozenset[str]
) -> PlaceCandidate | None:
    """The second-level division a bracket part names, in the country the words around point
    to: "(Fada Ngourma, Gourma)" names Gourma province, Burkina Faso. An acronym ("(PKK)") or a
    lower-case aside ("(coded separately)") names none."""
    text = _without_kind_word(part.text)
    if not text[:1].isupper() or text.isupper():
        return None
    named_as_division = part[-1].lower_ in _SECOND_LEVEL_WORDS and len(part) > 1
    prefer = _countries_around(doc, name, part, gazetteer, context)
    return gazetteer.second_level(text, prefer=prefer, named_as_division=named_as_division)


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


def _before_spaced_dash(span: Span) -> Span:
    """"Donetsk - Kirovskyi", "Baghdad - Karkh", "(Seoul City - Jongno)": a city and its district;
    the first is the place."""
    dash = next((token.i for token in span if _spaced_dash(token)), span.end)
    return span.doc[span.start : dash]


def _spaced_dash(token: Token) -> bool:
    return token.text in ("-", "\u2013") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)


def _after_kind_word(doc: Doc, end: int) -> int:
    """Where the words after a name go on, past a kind word before a bracket or comma ("Taze
    township (...)", "Amadiya district, Duhok")."""
    if end + 1 < len(doc) and doc[end].lower_ in KIND_WORDS and doc[end + 1].text in ("(", ","):
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


def _bracket_parts(doc: Doc, name: Span) -> list[Span] | None:
    """The comma-separated parts of the bracket right after a name (and its kind word), if any:
    "Taze township (Shwebo district, Sagaing region)"."""
    end = _after_kind_word(doc, name.end)
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next((k for k in range(end + 1, min(end + 12, len(doc))) if doc[k].text == ")"), None)
    return _comma_parts(doc[end + 1 : close]) if close is not None else None


def _names_town(gazetteer: Gazetteer, text: str) -> bool:
    """Whether a bracket part names a town by its own name (an alternate name of a town abroad,
    "Bassa" for Passau, is more likely a local place the gazetteer lacks)."""
    town = gazetteer.resolve(text, feature="city")
    return town is not None and not town.alternate


def _address_place(
    doc: Doc, name: Span, hint: Span, gazetteer: Gazetteer, context: frozenset[str],
    second: PlaceCandidate | None = None,
) -> PlaceCandidate | None:
    """Where the bracket after a name the gazetteer lacks (or knows only abroad) puts it: the
    division or country it names, or the name itself as a second-level division inside it
    ("Anka LGA (Zamfara)"); else a town it names, first part first ("Dira (Solenzo, Banwa)":
    Dira lies by Solenzo, Burkina Faso; "As Sidrah (Sirt, West)": by Sirt, Libya, not in a
    "West" of Cameroon), inside the second-level division it names if it names one; else that
    division ("Nagare (Gourma)"); else, when no word around tells which of the divisions sharing
    its name is meant ("Orugodawatta (Orugodawatta, Western)"), the likeliest of them."""
    prefer = _countries_around(doc, name, hint, gazetteer, context)
    place = _hint_place(gazetteer, hint.text, prefer) if second is None else None
    if place is not None:
        itself = gazetteer.second_level(_without_kind_word(name.text), within=place)
        return itself if itself is not None and place.feature in ("admin1", "country") else place
    for part in _bracket_parts(doc, name) or []:
        if (second is not None and part.start == hint.start) or _names_division_or_country(gazetteer, part.text):
            continue
        if second is not None:
            town = gazetteer.resolve(part.text, prefer, feature="city", **_inside(hint, second))
            if town is not None and not town.alternate:
                return town
        elif _names_town(gazetteer, part.text):
            return gazetteer.resolve(part.text, prefer, feature="city")
    if second is not None:
        return second
    return gazetteer.division(_without_kind_word(hint.text), likeliest=True)


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
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in KIND_WORDS else text


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
    if end > 1 and doc[end - 1].lower_ in KIND_WORDS and _is_name_token(doc[end - 2]):
        return True
    start = end
    while start > 0 and end - start < _MAX_NAME_TOKENS and _is_name_token(doc[start - 1]):
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
