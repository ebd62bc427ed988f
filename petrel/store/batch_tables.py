"""A batch's records on their way into the store: one Arrow column per flat column.

Building a dict per record (pydantic's dump, then a nested Arrow table flattened by DuckDB)
cost more than everything else an ingest does. Instead each flat column of the store
(`source_country`, `trigger_text`...) is read off the records' attributes for the whole batch
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
    at_path: dict[tuple[str, ...], list[Any]] = {(): list(records)}

    def values(path: tuple[str, ...]) -> list[Any]:
        if path not in at_path:
            key = path[-1]
            at_path[path] = [None if parent is None else getattr(parent, key) for parent in values(path[:-1])]
        return at_path[path]

    arrays = {}
    for column in flat.columns:
        found = values(column.path)
        if column.encoding == "joined":
            found = [None if items is None else LIST_SEPARATOR.join(map(str, items)) for items in found]
        elif column.encoding == "json":
            found = [None if value is None else to_json(value).decode() for value in found]
        arrays[column.name] = pa.array(found, ARROW_TYPES[column.type])
    return pa.table(arrays)

