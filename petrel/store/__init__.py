"""The event store: a DuckDB file of articles, events, figures, stories, people and places.

`EventStore(path)` opens (or creates) one; `EventStore.ingest` stores coded articles.
"""

from petrel.store.ingest import EventStore, IngestCounts

__all__ = ["EventStore", "IngestCounts"]
