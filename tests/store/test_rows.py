"""Records back from store rows: a stored event or figure rebuilt equals the record coded."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from petrel.records import Event, Figure, record_to_dict
from petrel.store import EventStore
from petrel.store.queries import EventFilter, FigureFilter, find_events, find_figures
from petrel.store.rows import event_from_row, event_object, figure_from_row, figure_object
from petrel.store.schema import EVENT_COLUMNS, FIGURE_COLUMNS
from petrel.writers.flat_table import flatten
from tests.store.conftest import sample_articles
from tests.writers.conftest import ARTICLE_TEXT, casualty_figure, sisi_event  # noqa: F401 (fixtures)


def test_a_hand_built_event_survives_flattening(sisi_event):
    assert event_from_row(EVENT_COLUMNS.row(sisi_event)) == sisi_event


def test_a_hand_built_figure_survives_flattening(casualty_figure):
    assert figure_from_row(FIGURE_COLUMNS.row(casualty_figure)) == casualty_figure


def test_rows_of_petrels_csv_and_parquet_layout_rebuild_too(sisi_event, casualty_figure):
    """That layout has both record kinds' columns and a `record` column: the others are ignored."""
    assert event_from_row(flatten(sisi_event)) == sisi_event
    assert figure_from_row(flatten(casualty_figure)) == casualty_figure


def test_absent_objects_and_empty_lists_come_back_as_they_were(sisi_event):
    bare = sisi_event.model_copy(update={"source": None, "location": None, "attribution": None, "context": [], "date": None})
    rebuilt = event_from_row(EVENT_COLUMNS.row(bare))
    assert (rebuilt.source, rebuilt.location, rebuilt.attribution, rebuilt.context, rebuilt.date) == (None, None, None, [], None)
    assert rebuilt == bare


def test_dates_given_as_iso_text_are_read(sisi_event):
    row = EVENT_COLUMNS.row(sisi_event) | {"date": "2024-03-21"}
    assert event_from_row(row).date == dt.date(2024, 3, 21)


def test_an_event_object_is_the_contract_in_its_order_then_the_story(sisi_event):
    row = EVENT_COLUMNS.row(sisi_event) | {"story_id": "s1", "duplicate_of": None, "coded_at": dt.datetime(2024, 3, 22)}
    obj = event_object(row)
    assert list(obj) == list(record_to_dict(sisi_event)) + ["story_id"]
    assert obj == record_to_dict(sisi_event) | {"story_id": "s1"}
    trigger = obj["trigger"]
    assert ARTICLE_TEXT[trigger["start"] : trigger["end"]] == trigger["text"] == "appealed"
    json.dumps(obj)  # JSON-ready as it is


def test_a_figure_object_is_the_contract(casualty_figure):
    assert figure_object(FIGURE_COLUMNS.row(casualty_figure)) == record_to_dict(casualty_figure)


def test_records_stored_in_a_store_come_back_equal(tmp_path, sisi_event, casualty_figure):
    from petrel.articles import Article

    article = Article(text=ARTICLE_TEXT, id=sisi_event.article_id, date=dt.date(2024, 3, 21))
    with EventStore(tmp_path / "one.duckdb") as store:
        store.ingest([(article, [sisi_event, casualty_figure])])
    with EventStore(tmp_path / "one.duckdb", read_only=True) as store:
        [event_row] = find_events(store.connection, EventFilter())
        [figure_row] = find_figures(store.connection, FigureFilter())
    assert event_from_row(event_row) == sisi_event
    assert figure_from_row(figure_row) == casualty_figure


@pytest.mark.slow
def test_every_event_and_figure_of_the_sample_store_is_the_record_coded(sample_store, coded_samples, coded_copy):
    coded = {
        (record.event_id if isinstance(record, Event) else record.figure_id): record
        for _, records in coded_samples + coded_copy
        for record in records
    }
    with EventStore(sample_store, read_only=True) as store:
        events = find_events(store.connection, EventFilter(include_duplicates=True))
        figures = find_figures(store.connection, FigureFilter(include_duplicates=True))
    assert len(events) + len(figures) == len(coded)
    for row in events:
        assert event_from_row(row) == coded[row["event_id"]]
    for row in figures:
        assert figure_from_row(row) == coded[row["figure_id"]]
    assert {type(record) for record in coded.values()} == {Event, Figure}


@pytest.mark.slow
def test_offsets_of_a_rebuilt_event_point_into_the_stored_article(sample_store):
    texts = {article.id: article.text for article in sample_articles()}
    with EventStore(sample_store, read_only=True) as store:
        for row in find_events(store.connection, EventFilter()):
            event = event_from_row(row)
            assert texts[event.article_id][event.trigger.start : event.trigger.end] == event.trigger.text


@pytest.mark.slow
def test_objects_printed_straight_from_rows_equal_the_validated_records(sample_store):
    """event_object / figure_object skip pydantic for speed: they must give what the record gives."""
    with EventStore(sample_store, read_only=True) as store:
        events = find_events(store.connection, EventFilter(include_duplicates=True))
        figures = find_figures(store.connection, FigureFilter(include_duplicates=True))
    for row in events:
        obj = event_object(row)
        assert obj == record_to_dict(event_from_row(row)) | {"story_id": row["story_id"]}
        assert list(obj) == list(record_to_dict(event_from_row(row))) + ["story_id"]
    for row in figures:
        assert figure_object(row) == record_to_dict(figure_from_row(row))
