"""The output contract: typed records for events, figures, actors and places.

Field names and meanings follow ../shared/DESIGN.md ("Output contract"); they are stable.
Unknown values are None (null in JSON), never guessed strings. Character offsets index the
article text, so `article.text[start:end] == text` for every span.
"""

from __future__ import annotations

import hashlib
import datetime as dt
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

ActorKind = Literal["state", "person", "organization", "group", "population"]
DatePrecision = Literal["day", "month", "year"]
FigureCategory = Literal[
    "killed", "injured", "displaced", "detained", "missing", "hostages", "refugees",
    "sheltering", "affected", "damaged", "destroyed", "other",
]  # fmt: skip


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Record):
    """Words of the article: their text and character offsets."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Actor(_Record):
    """Who acts or is acted on, resolved as far as the text and petrel's knowledge allow."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3, or "IGO"/"NGO"
    sector: str | None = None  # CAMEO/PLOVER agent code: GOV, MIL, REB, CVL...
    code: str | None = None  # CAMEO-style concatenation, e.g. "EGYGOV"
    kind: ActorKind | None = None


class Place(_Record):
    """Where: a place name resolved to coordinates (filled by the places stage)."""

    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str | None = None


class Attribution(_Record):
    """Who reports or claims a record: "the Egyptian presidency said", "according to the UN"."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    actor: Actor | None = None
    cue: str | None = None


class Event(_Record):
    """Who did what to whom: one coded event with the words it came from."""

    record: Literal["event"] = "event"
    article_id: str
    event_id: str
    sentence_index: int = Field(ge=0)
    sentence: str
    trigger: Span
    cameo: str
    cameo_root: str
    plover: str | None = None
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    quad_class: int | None = None
    penta_class: int | None = None
    goldstein: float | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    location: Place | None = None
    attribution: Attribution | None = None
    negated: bool = False
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: dict[str, Any]


class Figure(_Record):
    """A number a report states (killed, injured, displaced...) with its qualifier and source."""

    record: Literal["figure"] = "figure"
    article_id: str
    figure_id: str
    sentence_index: int = Field(ge=0)
    sentence: str
    span: Span
    category: FigureCategory
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    qualifier: str | None = None
    unit: str | None = None
    subject: Actor | None = None
    date: dt.date | None = None
    location: Place | None = None
    attribution: Attribution | None = None


Record = Annotated[Union[Event, Figure], Field(discriminator="record")]


def stable_id(*parts: object, length: int = 16) -> str:
    """An id derived only from what identifies a record: same input, same id."""
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def record_to_dict(record: Event | Figure) -> dict[str, Any]:
    """The JSON-ready form of a record (dates as ISO strings, every field present)."""
    return record.model_dump(mode="json")
