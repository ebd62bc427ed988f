"""The output contract of ../shared/DESIGN.md, checked on every record of the sample articles."""

from __future__ import annotations

import json

import pytest

from petrel.pipeline import code_articles
from petrel.readers import read_articles
from petrel.records import PLOVER_TYPES, Event, Figure
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

EVENT_FIELDS = {
    "record", "article_id", "event_id", "sentence_index", "sentence", "trigger", "cameo", "cameo_root",
    "plover", "mode", "context", "quad_class", "penta_class", "goldstein", "source", "target", "date",
    "date_precision", "date_text", "location", "attribution", "negated", "confidence", "evidence",
}  # fmt: skip
FIGURE_FIELDS = {
    "record", "article_id", "figure_id", "sentence_index", "sentence", "span", "category", "value", "low",
    "high", "approximate", "qualifier", "unit", "subject", "date", "location", "attribution",
}  # fmt: skip
ACTOR_FIELDS = {"text", "start", "end", "name", "country", "sector", "code", "kind"}


@pytest.fixture(scope="module")
def coded():
    articles = list(read_articles([EXAMPLES]))
    return {a.id: a for a in articles}, list(code_articles(articles))


@pytest.fixture(scope="module")
def sample(coded):
    articles, records = coded
    return articles, [r for r in records if isinstance(r, Event)]


def test_every_figure_has_every_contract_field_and_quotes_its_words(coded):
    articles, records = coded
    figures = [r for r in records if isinstance(r, Figure)]
    assert figures
    for figure in figures:
        as_json = json.loads(json.dumps(figure.model_dump(mode="json")))
        assert set(as_json) == FIGURE_FIELDS
        text = articles[figure.article_id].text
        assert text[figure.span.start : figure.span.end] == figure.span.text
        if figure.subject is not None:
            assert text[figure.subject.start : figure.subject.end] == figure.subject.text
        assert Figure.model_validate(as_json) == figure


def test_every_event_has_every_contract_field_and_null_for_unknown(sample):
    _, records = sample
    assert records
    for record in records:
        as_json = json.loads(json.dumps(record.model_dump(mode="json")))
        assert set(as_json) >= EVENT_FIELDS
        for role in ("source", "target"):
            if as_json[role] is not None:
                assert set(as_json[role]) >= ACTOR_FIELDS
        assert Event.model_validate(as_json) == record


def test_offsets_slice_back_to_the_quoted_words(sample):
    articles, records = sample
    for record in records:
        text = articles[record.article_id].text
        assert text[record.trigger.start : record.trigger.end] == record.trigger.text
        for actor in (record.source, record.target):
            if actor is not None:
                assert text[actor.start : actor.end] == actor.text
        if record.attribution is not None:
            quoted = record.attribution
            assert text[quoted.start : quoted.end] == quoted.text
        assert record.sentence in text


def test_codes_come_from_one_ontology_table(sample):
    _, records = sample
    for record in records:
        assert record.cameo_root == record.cameo[:2]
        assert record.plover is None or record.plover in PLOVER_TYPES
        assert record.penta_class in range(5) and record.quad_class in range(1, 5)
        if record.source is not None and record.source.code and record.source.country not in (None, "IGO", "NGO"):
            assert record.source.code.startswith(record.source.country)


def test_ids_are_stable_and_unique_and_records_come_in_text_order(sample):
    articles, records = sample
    again = [r for r in code_articles(articles.values()) if isinstance(r, Event)]
    assert [r.event_id for r in again] == [r.event_id for r in records]
    assert len({r.event_id for r in records}) == len(records)
    by_article: dict[str, list[int]] = {}
    for record in records:
        by_article.setdefault(record.article_id, []).append(record.trigger.start)
    for starts in by_article.values():
        assert starts == sorted(starts)
    seen_order = list(dict.fromkeys(r.article_id for r in records))
    assert seen_order == [a for a in articles if a in seen_order]  # one article's records together


def test_articles_without_usable_text_give_no_records_and_no_crash():
    assert list(code_articles(["", "   \n ", {"text": "\t"}])) == []
