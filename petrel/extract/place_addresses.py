"""Place addresses: the divisions, countries and towns written after a place name that say where it lies.

Reports place a name by its address: in brackets ("Villa Yapacani (Santa Cruz)", "Taze township
(Shwebo district, Sagaing region)", "Dira (Solenzo, Banwa)"), after a comma ("Paris, Texas",
"Tamasopo, San Luis Potosi") or after "in" ("Saida town in Ar Raqqa countryside", "Arile
village, in Rumu groupement"). `address_hint` finds the division or country in brackets or after
a comma that narrows a name's reading, `bracketed_address_place` where a bracket puts a village
the gazetteer lacks, `comma_division` the division after a comma that places a town it lacks,
and `placed_by_address` reads a mention again in the country of the place its address names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span

from petrel.extract.place_names import (
    DIVISION_WORDS, KIND_WORDS, SECOND_LEVEL_WORDS, PlaceMention, comma_parts, is_name_token,
)  # fmt: skip
from petrel.knowledge.places import Gazetteer, PlaceCandidate

_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "upper", "lower", "new", "old"})


def address_hint(
    doc: Doc, span: Span, gazetteer: Gazetteer, context: frozenset[str] = frozenset()
) -> tuple[Span | None, bool, PlaceCandidate | None]:
    """A division or country that places `span`, whether it is in brackets, and the second-level
    division it is when it is one: "X (Santa Cruz)", "X (Ichilo, Santa Cruz)", "X, Texas",
    "Bhimdatta (Kanchanpur district)". A bracketed address that names no division or country may
    name the town a village lies by: "Dira (Solenzo, Banwa)"."""
    parts = bracket_parts(doc, span)
    if parts is not None:
        parts = [part for part in parts if part.text.lower() not in _COMPASS_WORDS]
        # ("Kar Paung Kya (East) village": a compass word is part of the name, not Cameroon's East region)
        for part in reversed(parts):
            if _names_division_or_country(gazetteer, part.text):
                # "(Ilam district)" in a report about Nepal: the Nepalese district, not Iran's
                # Ilam province; elsewhere the first-level division, as always
                districtlike = len(part) > 1 and part[-1].lower_ in SECOND_LEVEL_WORDS - DIVISION_WORDS
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
    named_as_division = part[-1].lower_ in SECOND_LEVEL_WORDS and len(part) > 1
    prefer = _countries_around(doc, name, part, gazetteer, context)
    return gazetteer.second_level(text, prefer=prefer, named_as_division=named_as_division)


def _name_after_comma(doc: Doc, end: int) -> Span | None:
    """The capitalised name (up to four words) right after a comma at `end`, if there is one."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    k = end + 1
    while k < len(doc) and k - end <= 4 and is_name_token(doc[k]):
        k += 1
    return doc[end + 1 : k] if k > end + 1 else None


def comma_division(
    doc: Doc, span: Span, gazetteer: Gazetteer, context: frozenset[str]
) -> tuple[Span, PlaceCandidate] | None:
    """The division named right after `span` and a comma ("Tamasopo, San Luis Potosi",
    "Amadiya district, Duhok")."""
    part = _name_after_comma(doc, _after_kind_word(doc, span.end))
    if part is None:
        return None
    division = gazetteer.division(part.text, prefer=_countries_around(doc, span, part, gazetteer, context))
    return (part, division) if division is not None else None


def within_hint(hint: Span | None, second: PlaceCandidate | None) -> dict[str, str | None]:
    """What `Gazetteer.resolve` needs to read a name inside its hint: the hint's text, or for a
    second-level division, its country and first-level division."""
    if second is not None:
        return {"country": second.country, "hint": second.admin1}
    return {"hint": hint.text if hint is not None else None}


def bracket_parts(doc: Doc, name: Span) -> list[Span] | None:
    """The comma-separated parts of the bracket right after a name (and its kind word), if any:
    "Taze township (Shwebo district, Sagaing region)"."""
    end = _after_kind_word(doc, name.end)
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next((k for k in range(end + 1, min(end + 12, len(doc))) if doc[k].text == ")"), None)
    return comma_parts(doc[end + 1 : close]) if close is not None else None


def _names_town(gazetteer: Gazetteer, text: str) -> bool:
    """Whether a bracket part names a town by its own name (an alternate name of a town abroad,
    "Bassa" for Passau, is more likely a local place the gazetteer lacks)."""
    town = gazetteer.resolve(text, feature="city")
    return town is not None and not town.alternate


def bracketed_address_place(
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
    for part in bracket_parts(doc, name) or []:
        if (second is not None and part.start == hint.start) or _names_division_or_country(gazetteer, part.text):
            continue
        if second is not None:
            town = gazetteer.resolve(part.text, prefer, feature="city", **within_hint(hint, second))
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
        others = comma_parts(doc[end + 1 : hint.start]) + comma_parts(doc[hint.end : _bracket_end(doc, hint.end)])
        for part in others:
            countries += [r.country for r in gazetteer.candidates(part.text, alternates=False) if r.country]
    return countries + sorted(context)


def _after_kind_word(doc: Doc, end: int) -> int:
    """Where the words after a name go on, past a kind word before a bracket or comma ("Taze
    township (...)", "Amadiya district, Duhok")."""
    if end + 1 < len(doc) and doc[end].lower_ in KIND_WORDS and doc[end + 1].text in ("(", ","):
        return end + 1
    return end


def _bracket_end(doc: Doc, start: int) -> int:
    return next((k for k in range(start, min(start + 12, len(doc))) if doc[k].text == ")"), start)


def placed_by_address(
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
    if k + 1 < len(doc) and doc[k].text == "," and is_name_token(doc[k + 1]):
        return None  # "Paris, London, Berlin and Rome"
    return address


def _place_fields(mention: PlaceMention) -> dict[str, object]:
    return {
        "name": mention.name, "country": mention.country, "admin1": mention.admin1, "lat": mention.lat,
        "lon": mention.lon, "geonames_id": mention.geonames_id, "feature": mention.feature,
    }  # fmt: skip
