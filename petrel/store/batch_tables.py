"""A batch's records on their way into the store: one Arrow column per flat column.

Building a dict per record (pydantic's dump, then a nested Arrow table flattened by DuckDB)
cost more than everything else an ingest does. Instead each flat column of the store
(`source_country`, `trigger_text`...) is read off the records' fields for the whole batch
in one list comprehension, following the column's path (`source` -> `country`) once per level
for all records: the same layout petrel.writers.flat_table gives the CSV and Parquet outputs
(lists joined with ";", `evidence` as JSON text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from pydantic_core import to_json

from petrel.records import Event, Figure
from petrel.writers.flat_table import ARROW_TYPES, LIST_SEPARATOR, FlatTable


def flat_arrow(records: Sequence[Event] | Sequence[Figure], flat: FlatTable) -> pa.Table:
    """The records as an Arrow table of the flat columns, built a column at a time."""
    # Read through each model's __dict__ (pydantic keeps field values there): a dict lookup
    # a value instead of an attribute lookup halves the cost of the batch.
    fields_at: dict[tuple[str, ...], list[dict[str, Any] | None]] = {(): [record.__dict__ for record in records]}

    def objects(path: tuple[str, ...]) -> list[dict[str, Any] | None]:
        """The fields of the object at this path of each record (None where it is absent)."""
        if path not in fields_at:
            key = path[-1]
            fields_at[path] = [None if parent is None or parent[key] is None else parent[key].__dict__ for parent in objects(path[:-1])]
        return fields_at[path]

    arrays = {}
    for column in flat.columns:
        key = column.path[-1]
        found = [None if parent is None else parent[key] for parent in objects(column.path[:-1])]
        if column.encoding == "joined":
            found = [None if items is None else LIST_SEPARATOR.join(map(str, items)) for items in found]
        elif column.encoding == "json":
            found = [None if value is None else to_json(value).decode() for value in found]
        arrays[column.name] = pa.array(found, ARROW_TYPES[column.type])
    return pa.table(arrays)

