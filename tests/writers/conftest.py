"""Hand-built records for the writer tests: one event and one figure from a Gaza report."""

from __future__ import annotations

import datetime as dt

import pytest

from petrel.records import Actor, Attribution, Event, Figure, Place, Span, stable_id

ARTICLE_ID = "gaza-2024-03-21"
EVENT_SENTENCE = (
    "Egyptian President Abdel-Fattah al-Sisi appealed on Thursday for an immediate "
    "cease-fire in Gaza, the presidency said."
)
FIGURE_SENTENCE = "Gaza’s health ministry: nearly 32,000 Palestinians killed since October."
ARTICLE_TEXT = EVENT_SENTENCE + " " + FIGURE_SENTENCE


def _at(words: str, sentence: str) -> tuple[int, int]:
    """Article offsets of `words`, found in `sentence`."""
    start = ARTICLE_TEXT.index(sentence) + sentence.index(words)
    return start, start + len(words)


def _span(words: str, sentence: str) -> Span:
    start, end = _at(words, sentence)
    return Span(text=words, start=start, end=end)


def _actor(words: str, sentence: str, **resolved) -> Actor:
    start, end = _at(words, sentence)
    return Actor(text=words, start=start, end=end, **resolved)


GAZA = Place(text="Gaza", name="Gaza", country="PSE", lat=31.50161, lon=34.46672, geonames_id=281133, feature="PPLA")


@pytest.fixture
def sisi_event() -> Event:
    """Sisi (EGY GOV) appeals for a cease-fire: CAMEO 0256, PLOVER REQUEST; no target."""
    sisi = _actor(
        "Egyptian President Abdel-Fattah al-Sisi", EVENT_SENTENCE,
        name="Abdel-Fattah al-Sisi", country="EGY", sector="GOV", code="EGYGOV", kind="person",
    )  # fmt: skip
    said_start, said_end = _at("the presidency said", EVENT_SENTENCE)
    return Event(
        article_id=ARTICLE_ID,
        event_id=stable_id(ARTICLE_ID, 0, "appealed", "0256"),
        sentence_index=0,
        sentence=EVENT_SENTENCE,
        trigger=_span("appealed", EVENT_SENTENCE),
        cameo="0256",
        cameo_root="02",
        plover="REQUEST",
        context=["ceasefire", "humanitarian"],
        quad_class=1,
        penta_class=0,
        goldstein=3.4,
        source=sisi,
        target=None,
        date=dt.date(2024, 3, 21),
        date_precision="day",
        date_text="on Thursday",
        location=GAZA,
        attribution=Attribution(
            text="the presidency said", start=said_start, end=said_end, cue="said",
            actor=_actor("the presidency", EVENT_SENTENCE, country="EGY", sector="GOV", code="EGYGOV", kind="organization"),
        ),  # fmt: skip
        confidence=0.9,
        evidence={"rule": "appeal_for", "lemma": "appeal", "object": "cease-fire"},
    )


@pytest.fixture
def casualty_figure() -> Figure:
    """"nearly 32,000 Palestinians killed", reported by Gaza's health ministry."""
    ministry_start, ministry_end = _at("Gaza’s health ministry", FIGURE_SENTENCE)
    return Figure(
        article_id=ARTICLE_ID,
        figure_id=stable_id(ARTICLE_ID, 1, "nearly 32,000 Palestinians killed"),
        sentence_index=1,
        sentence=FIGURE_SENTENCE,
        span=_span("nearly 32,000 Palestinians killed", FIGURE_SENTENCE),
        category="killed",
        value=32000,
        approximate=True,
        qualifier="nearly",
        unit="people",
        subject=_actor("Palestinians", FIGURE_SENTENCE, country="PSE", sector="CVL", code="PSECVL", kind="population"),
        location=GAZA,
        attribution=Attribution(
            text="Gaza’s health ministry", start=ministry_start, end=ministry_end,
            actor=_actor(
                "Gaza’s health ministry", FIGURE_SENTENCE,
                country="PSE", sector="HLH", code="PSEHLH", kind="organization",
            ),
        ),  # fmt: skip
    )


@pytest.fixture
def records(sisi_event: Event, casualty_figure: Figure) -> list[Event | Figure]:
    """The records of the article, in text order."""
    return [sisi_event, casualty_figure]


def _in_article(record: Event | Figure, article_id: str, index: int = 0) -> Event | Figure:
    key = "event_id" if isinstance(record, Event) else "figure_id"
    return record.model_copy(update={"article_id": article_id, key: stable_id(article_id, index, getattr(record, key))})


@pytest.fixture
def in_article():
    """`in_article(record, article_id, index=0)`: a copy of `record` as if found in another
    article (or as the index-th record of one), with its own id."""
    return _in_article
