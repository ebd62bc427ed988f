"""The tables of a petrel store, each column with its SQL type and meaning.

The record tables (`events`, `figures`) take their columns from the output contract through
the same flat layout the CSV and Parquet writers use (`trigger_text`, `source_country`...),
plus the store's own columns. Every column is described here; docs/store.md lists them and
a test keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from petrel.records import Event, Figure
from petrel.writers.flat_table import FlatTable, model_columns

SQL_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE"}


@dataclass(frozen=True)
class StoreColumn:
    name: str
    sql_type: str
    meaning: str


@dataclass(frozen=True)
class StoreTable:
    name: str
    meaning: str
    columns: tuple[StoreColumn, ...]
    key: tuple[str, ...] = ()
    # False for the big tables that ingest fills with ids unique by construction: an index of a
    # million VARCHAR keys is checked at every insert and written out again at every checkpoint
    # (measured with the store benchmark: commits of a 1M-event ingest 22.9 -> 18.6 s).
    indexed: bool = True

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


def _record_columns(model: type[Event] | type[Figure]) -> FlatTable:
    # `record` is implied by the table, so it is not stored.
    return FlatTable([column for column in model_columns(model) if column.name != "record"])


EVENT_COLUMNS = _record_columns(Event)
FIGURE_COLUMNS = _record_columns(Figure)


def _contract(flat: FlatTable, what: str) -> tuple[StoreColumn, ...]:
    return tuple(
        StoreColumn(column.name, SQL_TYPES[column.type], f"{what} field `{'.'.join(column.path)}` of the output contract")
        for column in flat.columns
    )


_INGESTED = StoreColumn("coded_at", "TIMESTAMP", "when this row was stored (UTC); one value per ingest run")
_DUPLICATE_OF = StoreColumn(
    "duplicate_of", "VARCHAR",
    "`article_id` of the original when this row's article is a near-duplicate (a syndicated copy); null otherwise",
)

ARTICLES = StoreTable(
    "articles",
    "one row per stored article; an exact copy of a stored text is not stored again (see `article_copies`)",
    (
        StoreColumn("article_id", "VARCHAR", "the input's id, or a stable hash of its text"),
        StoreColumn("content_hash", "VARCHAR", "SHA-1 of the normalised text (case, spacing and punctuation folded): equal for exact copies"),
        StoreColumn("title", "VARCHAR", "headline, when the input gave one"),
        StoreColumn("source", "VARCHAR", "outlet or feed name, when the input gave one"),
        StoreColumn("url", "VARCHAR", "address, when the input gave one"),
        StoreColumn("published", "DATE", "publication date given with the input (null when none was given)"),
        StoreColumn("origin", "VARCHAR", "where it was read from (`file.jsonl:12`)"),
        StoreColumn("text", "VARCHAR", "the article text; record offsets point into it"),
        StoreColumn("words", "BIGINT", "number of words in the text"),
        StoreColumn("events", "BIGINT", "event records coded from it"),
        StoreColumn("figures", "BIGINT", "figure records coded from it"),
        _DUPLICATE_OF,
        StoreColumn("similarity", "DOUBLE", "estimated Jaccard similarity of word shingles to the original (near-duplicates only)"),
        _INGESTED,
    ),
    key=("article_id",),
)

ARTICLE_COPIES = StoreTable(
    "article_copies",
    "inputs whose normalised text was already stored: recognised, not stored or coded again",
    (
        StoreColumn("article_id", "VARCHAR", "the copy's own id"),
        StoreColumn("original_id", "VARCHAR", "`article_id` of the stored article with the same content hash"),
        StoreColumn("source", "VARCHAR", "the copy's outlet"),
        StoreColumn("url", "VARCHAR", "the copy's address"),
        StoreColumn("origin", "VARCHAR", "where the copy was read from"),
        _INGESTED,
    ),
    key=("article_id", "original_id"),
)

ARTICLE_SIGNATURES = StoreTable(
    "article_signatures",
    "MinHash signatures of stored articles (word 5-shingles, 128 permutations) for near-duplicate search",
    (
        StoreColumn("article_id", "VARCHAR", "the article"),
        StoreColumn("signature", "UBIGINT[]", "128 MinHash values"),
    ),
    key=("article_id",),
)

ARTICLE_BANDS = StoreTable(
    "article_bands",
    "locality-sensitive hashing buckets of the signatures: articles sharing a bucket are candidate duplicates",
    (
        StoreColumn("band", "SMALLINT", "band number (0-31, of 4 signature values each)"),
        StoreColumn("bucket", "UBIGINT", "hash of the band's signature rows"),
        StoreColumn("article_id", "VARCHAR", "the article"),
    ),
)

EVENTS = StoreTable(
    "events",
    "one row per coded event (output contract, flattened), with its story",
    _contract(EVENT_COLUMNS, "event")
    + (
        StoreColumn("story_id", "VARCHAR", "the story this event is a mention of (see `stories`)"),
        StoreColumn("mention_of", "VARCHAR", "for an event of a near-duplicate article: `event_id` of the same event in the original; null otherwise"),
        _DUPLICATE_OF,
        _INGESTED,
    ),
    key=("event_id",),
    indexed=False,
)

FIGURES = StoreTable(
    "figures",
    "one row per reported figure (output contract, flattened)",
    _contract(FIGURE_COLUMNS, "figure") + (_DUPLICATE_OF, _INGESTED),
    key=("figure_id",),
    indexed=False,
)

STORIES = StoreTable(
    "stories",
    "one real-world event as reported by any number of sentences, articles and outlets",
    (
        StoreColumn("story_id", "VARCHAR", "`event_id` of the story's first event"),
        StoreColumn("story_key", "VARCHAR", "what its events share: event type, source, target and place"),
        StoreColumn("plover", "VARCHAR", "PLOVER type of its events"),
        StoreColumn("cameo_root", "VARCHAR", "CAMEO root of its events"),
        StoreColumn("cameo", "VARCHAR", "CAMEO code of its first event"),
        StoreColumn("quad_class", "BIGINT", "quad class of its first event"),
        StoreColumn("goldstein", "DOUBLE", "Goldstein score of its first event"),
        StoreColumn("source_code", "VARCHAR", "actor code of the source (null when unknown)"),
        StoreColumn("source_name", "VARCHAR", "name (or words) of the source in its first event"),
        StoreColumn("source_country", "VARCHAR", "country of the source"),
        StoreColumn("target_code", "VARCHAR", "actor code of the target"),
        StoreColumn("target_name", "VARCHAR", "name (or words) of the target in its first event"),
        StoreColumn("target_country", "VARCHAR", "country of the target"),
        StoreColumn("place_key", "VARCHAR", "identity of its place: GeoNames id, else lower-case name and country"),
        StoreColumn("location_name", "VARCHAR", "place of its first located event"),
        StoreColumn("location_country", "VARCHAR", "country of that place"),
        StoreColumn("date", "DATE", "date of its first event: events within the story window of it join the story"),
        StoreColumn("first_date", "DATE", "earliest event date among its mentions"),
        StoreColumn("last_date", "DATE", "latest event date among its mentions"),
        StoreColumn("first_seen", "DATE", "earliest publication date among its articles (event date where none was given)"),
        StoreColumn("last_seen", "DATE", "latest publication date among its articles (event date where none was given)"),
        StoreColumn("mentions", "BIGINT", "event records (sentences) reporting it, copies included"),
        StoreColumn("articles", "BIGINT", "distinct articles reporting it, near-duplicate copies included"),
        StoreColumn("reports", "BIGINT", "distinct original articles reporting it (near-duplicates not counted)"),
        StoreColumn("sources", "BIGINT", "distinct outlets reporting it"),
        StoreColumn("sentence", "VARCHAR", "the sentence of its first event"),
    ),
    key=("story_id",),
    indexed=False,
)

STORY_SOURCES = StoreTable(
    "story_sources",
    "the outlets that reported each story (what `stories.sources` counts)",
    (
        StoreColumn("story_id", "VARCHAR", "the story"),
        StoreColumn("source", "VARCHAR", "an outlet (`articles.source`) with at least one article reporting it"),
    ),
    key=("story_id", "source"),
    indexed=False,
)

ACTORS = StoreTable(
    "actors",
    "people remembered from titled mentions (\"Egyptian President Abdel-Fattah al-Sisi\"), used to resolve bare names later",
    (
        StoreColumn("name", "VARCHAR", "canonical name"),
        StoreColumn("country", "VARCHAR", "country (ISO alpha-3, or IGO/NGO)"),
        StoreColumn("sector", "VARCHAR", "sector code"),
        StoreColumn("code", "VARCHAR", "actor code"),
        StoreColumn("mention", "VARCHAR", "the fullest mention it was learned from (\"Egyptian President Abdel-Fattah al-Sisi\")"),
        StoreColumn("first_seen", "DATE", "earliest date of an article mentioning it"),
        StoreColumn("last_seen", "DATE", "latest date of an article mentioning it"),
        StoreColumn("mentions", "BIGINT", "records naming it as source, target, subject or attribution"),
    ),
    key=("name",),
)

PLACES = StoreTable(
    "places",
    "the places records were located in",
    (
        StoreColumn("place_key", "VARCHAR", "GeoNames id, or the name and country when it has none"),
        StoreColumn("name", "VARCHAR", "place name"),
        StoreColumn("country", "VARCHAR", "ISO alpha-3 country"),
        StoreColumn("admin1", "VARCHAR", "first-level region"),
        StoreColumn("lat", "DOUBLE", "latitude"),
        StoreColumn("lon", "DOUBLE", "longitude"),
        StoreColumn("geonames_id", "BIGINT", "GeoNames id, when known"),
        StoreColumn("feature", "VARCHAR", "feature type (city, country, region...)"),
        StoreColumn("records", "BIGINT", "events and figures located here"),
    ),
    key=("place_key",),
)

TABLES = (
    ARTICLES, ARTICLE_COPIES, ARTICLE_SIGNATURES, ARTICLE_BANDS, EVENTS, FIGURES, STORIES, STORY_SOURCES, ACTORS, PLACES,
)

def create_tables(connection: duckdb.DuckDBPyConnection) -> None:
    """Create absent tables; add columns that a newer petrel's tables have gained."""
    for table in TABLES:
        definitions = [f'"{column.name}" {column.sql_type}' for column in table.columns]
        if table.key and table.indexed:
            definitions.append(f"PRIMARY KEY ({', '.join(table.key)})")
        connection.execute(f"CREATE TABLE IF NOT EXISTS {table.name} ({', '.join(definitions)})")
        existing = {row[0] for row in connection.execute(f"SELECT * FROM {table.name} LIMIT 0").description}
        for column in table.columns:
            if column.name not in existing:
                connection.execute(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {column.sql_type}')


def tables_markdown() -> str:
    """The tables and their columns as Markdown: docs/store.md embeds this text (a test checks)."""
    parts = []
    for table in TABLES:
        key = f" Key: `{', '.join(table.key)}`." if table.key else ""
        if table.key and not table.indexed:
            key = key[:-1] + " (unique as ingest writes it; not an index)."
        lines = [f"### `{table.name}`", "", f"{table.meaning[0].upper()}{table.meaning[1:]}.{key}", ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.sql_type} | {c.meaning.replace('|', '/')} |" for c in table.columns]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
