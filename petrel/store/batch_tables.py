"""A batch's records on their way into the store: dumped once by pydantic, flattened by DuckDB.

Building flat rows field by field in Python cost more than everything else an ingest does;
instead each record is dumped to a nested dict (pydantic's own serializer), the batch becomes
one nested Arrow table, and DuckDB flattens it into the store's columns (`source.country`
-> `source_country`, lists joined with ";", `evidence` as JSON text), exactly the layout
petrel.writers.flat_table gives the CSV and Parquet outputs.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from petrel.records import Event, Figure
from petrel.writers.flat_table import ARROW_TYPES, LIST_SEPARATOR, Column, FlatTable


def _arrow_type(column: Column) -> pa.DataType:
    if column.encoding == "joined":
        return pa.list_(pa.string())
    if column.encoding == "json":
        return pa.string()
    return ARROW_TYPES[column.type]


def nested_schema(flat: FlatTable) -> pa.Schema:
    """The Arrow schema of dumped records: the columns' paths as nested structs."""
    tree: dict[str, Any] = {}
    for column in flat.columns:
        node = tree
        for key in column.path[:-1]:
            node = node.setdefault(key, {})
        node[column.path[-1]] = _arrow_type(column)

    def fields(node: dict[str, Any]) -> list[pa.Field]:
        return [pa.field(key, pa.struct(fields(value)) if isinstance(value, dict) else value) for key, value in node.items()]

    return pa.schema(fields(tree))


def flat_select(flat: FlatTable) -> str:
    """SQL expressions turning the nested columns into the flat ones, in the flat order."""
    expressions = []
    for column in flat.columns:
        expression = f'"{column.path[0]}"'
        for key in column.path[1:]:
            expression = f"struct_extract({expression}, '{key}')"
        if column.encoding == "joined":
            expression = f"array_to_string({expression}, '{LIST_SEPARATOR}')"
        expressions.append(f'{expression} AS "{column.name}"')
    return ",\n    ".join(expressions)


def dumped(record: Event | Figure) -> dict[str, Any]:
    """A record as a nested dict, `evidence` already JSON text (as the flat layout stores it)."""
    data = record.model_dump()
    if "evidence" in data:
        data["evidence"] = json.dumps(data["evidence"], ensure_ascii=False, default=str)
    return data


def _get(data: dict[str, Any] | None, key: str) -> Any:
    return None if data is None else data.get(key)


def event_view(data: dict[str, Any]) -> dict[str, Any]:
    """What story assignment reads of a dumped event, under the flat column names."""
    source, target, location = data.get("source"), data.get("target"), data.get("location")
    return {
        "event_id": data["event_id"], "article_id": data["article_id"], "cameo": data.get("cameo"),
        "cameo_root": data.get("cameo_root"), "plover": data.get("plover"), "quad_class": data.get("quad_class"),
        "goldstein": data.get("goldstein"), "sentence": data.get("sentence"), "date": data.get("date"),
        "trigger_text": _get(data.get("trigger"), "text"),
        "source_code": _get(source, "code"), "source_name": _get(source, "name"), "source_text": _get(source, "text"),
        "source_country": _get(source, "country"),
        "target_code": _get(target, "code"), "target_name": _get(target, "name"), "target_text": _get(target, "text"),
        "target_country": _get(target, "country"),
        "location_geonames_id": _get(location, "geonames_id"), "location_name": _get(location, "name"),
        "location_text": _get(location, "text"), "location_country": _get(location, "country"),
    }  # fmt: skip
