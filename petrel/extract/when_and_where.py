"""The stage after events: when each record happened and where (dates and places of the text).

Reads the parsed article and the records coded from it; gives each event the date its trigger
is attached to (or the publication date, precision day, with no date_text) and, once places are
the place its trigger is attached to.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from petrel.extract.dates import DateMention, date_for, find_dates
from petrel.extract.places import PlaceMention, find_places
from petrel.extract.scenes import Scenes
from petrel.knowledge.places import default_gazetteer
from petrel.records import Event, Figure

Record = Event | Figure
_CIVILIANS = "CVL"


def trigger_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def placed(record: Record, mention: PlaceMention | None) -> Record:
    """The record with the place its trigger is attached to (or the nearest in its sentence)."""
    return record.model_copy(update={"location": mention.to_place()}) if mention is not None else record


def with_place_countries(record: Record, places: list[PlaceMention]) -> Record:
    """An event whose actor is a place, or people of a place, known to no actor table: "shelled
    *Rafah*", "*residents of Khan Younis*" take the place's country (as PETRARCH codes a town by
    its country); what the actor is (sector, kind) stays as resolved.

    Civilians the event is aimed at, of no country the text names, are the people of the place
    where it happened: "*four children* were killed in tank shelling in Gaza" are Palestinian
    civilians (`evidence.target_country_from: "location"`). Whoever does the event is not
    placed so: an army often acts far from home."""
    if not isinstance(record, Event):
        return record
    update = {}
    for role in ("source", "target"):
        actor = getattr(record, role)
        if actor is None or actor.country is not None:
            continue
        place = next((m for m in places if actor.start <= m.start_char and m.end_char <= actor.end and m.country), None)
        if place is not None:
            name = actor.name or (place.name if actor.sector is None else None)
            update[role] = actor.model_copy(update={"country": place.country, "code": place.country + (actor.sector or ""), "name": name})
        elif role == "target" and actor.sector == _CIVILIANS and record.location is not None and record.location.country:
            country = record.location.country
            update[role] = actor.model_copy(update={"country": country, "code": country + actor.sector})
            update["evidence"] = {**record.evidence, "target_country_from": "location"}
    return record.model_copy(update=update) if update else record


def dated(record: Record, mention: DateMention | None, publication: date | None) -> Record:
    """The record with its own date when the text gives one, else the publication date."""
    if isinstance(record, Figure) and mention is not None and mention.kind == "start":
        mention = None  # "85% displaced" in a war "now in its 167th day": a count as of now, not of day one
    if mention is not None:
        update = {"date": mention.date}
        if isinstance(record, Event):  # DESIGN's figure object has a date only
            update.update(date_precision=mention.precision, date_text=mention.text)
        return record.model_copy(update=update)
    if isinstance(record, Event):
        return record.model_copy(update={"date": publication, "date_precision": "day" if publication else None, "date_text": None})
    return record.model_copy(update={"date": publication})


def date_and_place(doc: Doc, records: list[Record], publication: date | None, countries: dict[str, set[str]]) -> list[Record]:
    """Every record dated and placed; `countries` are the article's (each with the words that
    name it), to tell places apart."""
    dates = find_dates(doc, publication)
    places = find_places(doc, default_gazetteer(), countries)
    # Coordinated actors give several records of one trigger: find its token, date and place once.
    found: dict[tuple[int, int], tuple[DateMention | None, PlaceMention | None]] = {}
    scenes = Scenes(doc, places)
    done = []
    for record in records:
        words = record.trigger if isinstance(record, Event) else record.span
        if (words.start, words.end) not in found:
            token = trigger_token(doc, words.start, words.end)
            found[words.start, words.end] = (
                date_for(token, dates) if token is not None else None, scenes.place_for(token) if token is not None else None
            )
        when, where = found[words.start, words.end]
        done.append(with_place_countries(placed(dated(record, when, publication), where), places))
    return done
