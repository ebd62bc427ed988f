"""The event store: a DuckDB file of articles, events, figures, stories, people and places.

`EventStore(path)` opens (or creates) one; `EventStore.ingest` stores coded articles.
Importing the package alone is light (DuckDB, NumPy and Arrow load with the first use of
`EventStore`): the command line reads its defaults from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from petrel.store.ingest import EventStore, IngestCounts

# Articles a transaction (`petrel code --db --commit-every`). Each batch costs a dozen SQL
# statements and a commit whatever its size, so larger batches store faster (into a store
# growing to 1M events: 13.3k records/s at 256, 21.2k at 1,024); a process killed mid-run loses
# at most this many coded articles, which the rerun codes again (1,024 articles are 2-3
# minutes of coding on one core: coding, not storing, is what takes the time).
STORE_BATCH_ARTICLES = 1024

__all__ = ["EventStore", "IngestCounts", "STORE_BATCH_ARTICLES"]


def __getattr__(name: str):
    if name in ("EventStore", "IngestCounts"):
        from petrel.store import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module 'petrel.store' has no attribute {name!r}")
