"""Place names: the spans of an article that may name a place, and the record of a resolved one.

`find_place_names(doc, gazetteer)` takes spaCy's entities that may be places and the runs of
capitalised proper nouns spaCy left untagged ("Rafah" and "Khan Younis" often come out as
PERSON), reads an entity holding a comma or bracket part by part ("struck Kharkiv, Odesa and
Dnipro"), joins a name cut at a lower-case particle ("Deir ez Zor") and reads a name glued by
hyphens whole ("Croix-des-Bouquets"). Which of them are places, and where, is decided by
petrel.extract.places, which records each as a `PlaceMention`. The kind words after a name
("city", "district", "kebele") are listed here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from petrel.extract.dependents import words_of
from petrel.knowledge.places import Gazetteer
from petrel.records import Place

# spaCy's labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities of these labels are never places, whatever the gazetteer says ("Monday", "20").
_NEVER_PLACES = frozenset({
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE", "LAW", "WORK_OF_ART", "EVENT",
    "PRODUCT",
})  # fmt: skip
MAX_NAME_TOKENS = 5  # the most words a run of proper nouns takes as one name
# Words before a name that say which part of the place is meant: "the northern Gaza Strip".
LEADING_WORDS = frozenset({
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
TOWN_WORDS = frozenset({"city", "town", "village", "municipality", "township"})
DIVISION_WORDS = frozenset({"province", "governorate", "region", "state", "oblast"})
# Kind words that say a name is a second-level division, not the town of that name:
# "(Kanchanpur district)", "Anka LGA", "(Bui division)".
SECOND_LEVEL_WORDS = frozenset({"district", "province", "county", "department", "lga", "cercle", "prefecture", "raion"})
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


def find_place_names(doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, str | None]]:
    """The names of the article that may be places, in text order, each with spaCy's entity label
    (None for a name spaCy left untagged): entities and runs of proper nouns, broken at commas
    and brackets, joined at particles and hyphens where the gazetteer knows the whole."""
    return _hyphenated_names(_joined_names(_name_spans(doc), gazetteer), gazetteer)


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
            parts = [_before_spaced_dash(part) for part in comma_parts(ent, _BREAKS)]
            spans += [(part, label) for part in parts if len(part)]
        elif any(_spaced_dash(token) for token in ent):
            first = _before_spaced_dash(ent)
            if len(first):
                spans.append((first, ent.label_ if ent.label_ in PLACE_LABELS else None))
        else:
            spans.append((ent, ent.label_))
    # (proper nouns found in the doc's POS list: a Token for every word cost more)
    proper = [i for i, pos in enumerate(words_of(doc).pos) if pos == "PROPN" and i not in in_entity]
    spans += [(doc[start:end], None) for start, end in _runs([i for i in proper if is_name_token(doc[i])], MAX_NAME_TOKENS)]
    return sorted(spans, key=lambda pair: pair[0].start)


def _runs(indices: list[int], longest: int) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive indices (ascending), cut every `longest`."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i and i - runs[-1][0] < longest:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


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


def is_name_token(token: Token) -> bool:
    """Whether a token can be a word of a name: a capitalised proper noun."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def core_name(span: Span) -> Span:
    """The name without leading "the", "northern", "occupied"...: "the northern Gaza Strip" -> "Gaza Strip"."""
    start = span.start
    while start < span.end - 1 and span.doc[start].text in LEADING_WORDS:  # lower case only: "North Kivu" stays
        start += 1
    if start < span.end - 1 and span.doc[start].text == "The":
        start += 1
    return span.doc[start : span.end]


def comma_parts(span: Span, breaks: frozenset[str] = frozenset({","})) -> list[Span]:
    """The non-empty parts of `span` between its commas (or other `breaks`)."""
    parts, start = [], span.start
    for token in span:
        if token.text in breaks:
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return [part for part in parts if len(part)]


def _before_spaced_dash(span: Span) -> Span:
    """"Donetsk - Kirovskyi", "Baghdad - Karkh", "(Seoul City - Jongno)": a city and its district;
    the first is the place."""
    dash = next((token.i for token in span if _spaced_dash(token)), span.end)
    return span.doc[span.start : dash]


def _spaced_dash(token: Token) -> bool:
    return token.text in ("-", "\u2013") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)
