import datetime as dt
import json

import pytest
from pydantic import BaseModel

from petrel.records import Actor, Event, Figure
from petrel.writers.flat_table import COLUMN_NAMES, FLAT_COLUMNS, flatten, merge_columns, model_columns


def test_columns_hold_events_and_figures_with_nested_objects_prefixed():
    assert COLUMN_NAMES[:5] == ["record", "article_id", "event_id", "figure_id", "sentence_index"]
    assert len(COLUMN_NAMES) == len(set(COLUMN_NAMES))
    expected = [
        "trigger_text", "trigger_start", "trigger_end", "cameo", "cameo_root", "plover", "context",
        "source_name", "source_country", "source_sector", "source_code", "source_kind",
        "target_code", "span_text", "span_start", "subject_country", "category", "value",
        "approximate", "qualifier", "location_text", "location_name", "location_country",
        "location_admin1", "location_lat", "location_lon", "location_geonames_id",
        "location_feature", "attribution_text", "attribution_start", "attribution_end",
        "attribution_cue", "attribution_actor_name", "attribution_actor_code",
        "attribution_actor_kind", "negated", "confidence", "evidence",
    ]  # fmt: skip
    assert [name for name in expected if name not in COLUMN_NAMES] == []
    assert not any(name in COLUMN_NAMES for name in ("source", "trigger", "location", "attribution"))


def test_column_types_follow_the_model_annotations():
    types = {column.name: column.type for column in FLAT_COLUMNS}
    assert types["trigger_start"] is int
    assert types["goldstein"] is float
    assert types["date"] is dt.date
    assert types["negated"] is bool
    assert types["location_geonames_id"] is int
    assert types["date_precision"] is str  # a Literal of strings
    assert types["context"] is str and types["evidence"] is str


def test_flatten_event_prefixes_actor_fields_and_leaves_figure_columns_empty(sisi_event):
    row = flatten(sisi_event)
    assert list(row) == COLUMN_NAMES
    assert row["record"] == "event"
    assert (row["source_country"], row["source_code"], row["source_name"]) == ("EGY", "EGYGOV", "Abdel-Fattah al-Sisi")
    assert row["target_code"] is None
    assert row["trigger_text"] == "appealed" and row["trigger_start"] == sisi_event.trigger.start
    assert row["context"] == "ceasefire;humanitarian"
    assert json.loads(row["evidence"]) == {"rule": "appeal_for", "lemma": "appeal", "object": "cease-fire"}
    assert row["date"] == dt.date(2024, 3, 21)
    assert row["attribution_actor_code"] == "EGYGOV" and row["attribution_cue"] == "said"
    assert row["figure_id"] is None and row["value"] is None and row["approximate"] is None


def test_flatten_figure_leaves_event_columns_empty(casualty_figure):
    row = flatten(casualty_figure)
    assert row["record"] == "figure"
    assert (row["value"], row["approximate"], row["qualifier"]) == (32000, True, "nearly")
    assert row["span_text"] == "nearly 32,000 Palestinians killed"
    assert row["subject_country"] == "PSE"
    assert row["event_id"] is None and row["cameo"] is None and row["negated"] is None


def test_event_without_context_has_empty_context(sisi_event):
    assert flatten(sisi_event.model_copy(update={"context": []}))["context"] == ""


def test_field_added_to_a_model_becomes_a_column():
    class Mediator(Actor):
        role: str | None = None

    class EventWithMediator(Event):
        mediator: Mediator | None = None
        tone: float | None = None

    columns = {column.name: column.type for column in model_columns(EventWithMediator)}
    assert columns["mediator_role"] is str and columns["mediator_country"] is str
    assert columns["tone"] is float


def test_field_without_a_column_type_names_the_field():
    class Stamped(BaseModel):
        seen_at: dt.datetime

    with pytest.raises(TypeError, match="seen_at"):
        model_columns(Stamped)


def test_merge_places_columns_of_the_second_kind_next_to_shared_ones():
    merged = [column.name for column in merge_columns(model_columns(Event), model_columns(Figure))]
    assert merged.index("figure_id") == merged.index("event_id") + 1
    assert merged.index("span_text") < merged.index("date") < merged.index("negated")
