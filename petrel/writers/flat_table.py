"""Records as flat rows: one column per leaf field, for CSV, Parquet and DuckDB.

The columns are derived from the pydantic models, so a field added to `Event` or `Figure`
(or to `Actor`, `Place`...) becomes a column without touching this module. Nested objects
become prefixed columns (`source.country` -> `source_country`), lists are joined with ";"
and dicts (`evidence`) are JSON strings.
"""

from __future__ import annotations

import datetime as dt
import json
import types
from dataclasses import dataclass
from typing import Annotated, Any, Callable, Literal, Union, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

from petrel.records import Event, Figure, record_to_dict

LIST_SEPARATOR = ";"
SCALAR_TYPES = (str, int, float, bool, dt.date)

ARROW_TYPES = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dt.date: pa.date32()}


@dataclass(frozen=True)
class Column:
    """One flat column: its name, its scalar type, and where its value sits in a record.

    `encoding` is "value" for a scalar, "joined" for a list joined with ";", "json" for a
    dict written as a JSON string (both of type str).
    """

    name: str
    type: type
    path: tuple[str, ...]
    encoding: str = "value"


def model_columns(model: type[BaseModel]) -> list[Column]:
    """The flat columns of one record model, in field order, nested objects expanded."""
    columns = list(_walk(model, prefix="", path=()))
    names = [column.name for column in columns]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise TypeError(f"{model.__name__}: flat column names collide: {', '.join(duplicates)}")
    return columns


def _walk(model: type[BaseModel], prefix: str, path: tuple[str, ...]):
    for field_name, field in model.model_fields.items():
        name, field_path = prefix + field_name, path + (field_name,)
        annotation = _strip_optional(field.annotation, name)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _walk(annotation, prefix=name + "_", path=field_path)
        else:
            yield _scalar_column(name, field_path, annotation)


def _strip_optional(annotation: Any, name: str) -> Any:
    """`X | None` -> X; Annotated[X, ...] -> X."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _strip_optional(get_args(annotation)[0], name)
    if origin in (Union, types.UnionType):
        members = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(members) != 1:
            raise TypeError(f"field {name!r}: a union of several types cannot be one flat column")
        return _strip_optional(members[0], name)
    return annotation


def _scalar_column(name: str, path: tuple[str, ...], annotation: Any) -> Column:
    origin = get_origin(annotation)
    if origin is Literal:
        value_types = {type(value) for value in get_args(annotation)}
        if len(value_types) == 1 and (value_type := value_types.pop()) in SCALAR_TYPES:
            return Column(name, value_type, path)
    elif origin in (list, tuple, set, frozenset):
        return Column(name, str, path, encoding="joined")
    elif origin is dict or annotation is dict:
        return Column(name, str, path, encoding="json")
    elif annotation in SCALAR_TYPES:
        return Column(name, annotation, path)
    raise TypeError(
        f"field {name!r} has type {annotation!r}, which has no flat column type; "
        f"add a mapping for it in petrel/writers/flat_table.py"
    )


def merge_columns(first: list[Column], second: list[Column]) -> list[Column]:
    """The union of two column lists; a column only in `second` goes just before the next
    column the two share, so related columns stay together (`figure_id` after `event_id`)."""
    merged = list(first)
    by_name = {column.name: column for column in first}
    anchor = len(merged)
    for column in reversed(second):
        if column.name in by_name:
            if by_name[column.name].type is not column.type:
                raise TypeError(f"column {column.name!r} has different types in events and figures")
            anchor = merged.index(by_name[column.name])
        else:
            merged.insert(anchor, column)
    return merged


class FlatTable:
    """Rows of a fixed list of columns: how records become rows and Arrow tables."""

    def __init__(self, columns: list[Column]):
        self.columns = list(columns)
        self.names = [column.name for column in self.columns]
        self._plan = _plan(self.columns)

    def row(self, record: Event | Figure) -> dict[str, Any]:
        """A flat row for one record: every column present, None where the record has no
        value (or no such field). Values are Python scalars of the column type."""
        row = dict.fromkeys(self.names)
        _fill(record_to_dict(record), self._plan, row)
        return row

    def arrow_schema(self) -> pa.Schema:
        """The Arrow schema of the rows (every column nullable: figures have no event columns)."""
        return pa.schema([pa.field(column.name, ARROW_TYPES[column.type]) for column in self.columns])

    def arrow_table(self, rows: list[dict[str, Any]]) -> pa.Table:
        """Rows as an Arrow table with this schema."""
        return pa.Table.from_pylist(rows, schema=self.arrow_schema())


# A plan mirrors the nesting of the JSON form: key -> (column name, encoder or None) for a leaf, or
# key -> sub-plan for a nested object. Walking it once per record is much faster than
# following each column's path.
_Plan = dict[str, Any]


def _plan(columns: list[Column]) -> _Plan:
    plan: _Plan = {}
    for column in columns:
        node = plan
        for key in column.path[:-1]:
            node = node.setdefault(key, {})
        node[column.path[-1]] = (column.name, _encoder(column))
    return plan


def _encoder(column: Column) -> Callable[[Any], Any] | None:
    if column.encoding == "joined":
        return lambda items: LIST_SEPARATOR.join(str(item) for item in items)
    if column.encoding == "json":
        return lambda value: json.dumps(value, ensure_ascii=False)
    if column.type is dt.date:
        return dt.date.fromisoformat
    return None


def _fill(data: dict[str, Any], plan: _Plan, row: dict[str, Any]) -> None:
    for key, step in plan.items():
        value = data.get(key)
        if value is None:
            continue
        if isinstance(step, dict):
            _fill(value, step, row)
        else:
            name, encode = step
            row[name] = encode(value) if encode else value


EVENT_COLUMNS = model_columns(Event)
FIGURE_COLUMNS = model_columns(Figure)
FLAT_TABLE = FlatTable(merge_columns(EVENT_COLUMNS, FIGURE_COLUMNS))
FLAT_COLUMNS = FLAT_TABLE.columns
COLUMN_NAMES = FLAT_TABLE.names


def flatten(record: Event | Figure) -> dict[str, Any]:
    """The flat row of a record in the columns shared by events and figures (FLAT_COLUMNS)."""
    return FLAT_TABLE.row(record)
