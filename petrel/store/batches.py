"""Feeding a store as articles are coded: complete articles, a transaction every few."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from petrel.articles import Article
from petrel.store.ingest import CodedArticle, EventStore, IngestCounts

# Articles a transaction (`petrel code --db --commit-every`). Each batch costs a dozen SQL
# statements and a commit whatever its size, so larger batches store faster (into a store
# growing to 1M events: 13.3k records/s at 256, 21.2k at 1,024 when compared; see docs/store.md
# for the current figures); a process killed mid-run loses
# at most this many coded articles, which the rerun codes again (1,024 articles are 2-3
# minutes of coding on one core: coding, not storing, is what takes the time).
STORE_BATCH_ARTICLES = 1024


class StoreFeeder:
    """Collects coded articles and stores them STORE_BATCH_ARTICLES at a time.

    Use `new_articles` to leave out what the store already holds (before coding it), `add`
    after each coded article, and `close` at the end (stores the last, partial batch).
    """

    def __init__(
        self, store: EventStore, batch_articles: int = STORE_BATCH_ARTICLES, on_stored: Callable[[str], None] | None = None
    ):
        self.store = store
        self._on_stored = on_stored  # told a line after each committed batch
        self.counts = IngestCounts()
        self.already_stored = 0
        self._batch_articles = batch_articles
        self._pending: list[CodedArticle] = []

    def new_articles(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if self.store.has(article):
                self.already_stored += 1
                continue
            yield article

    def add(self, article: Article, records: list) -> None:
        self._pending.append((article, records))
        if len(self._pending) >= self._batch_articles:
            self.flush()

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        if not pending:
            return
        counts = self.store.ingest(pending)
        self.counts.add(counts)
        if self._on_stored is not None:
            self._on_stored(f"{self.store.path}: {len(pending)} coded article(s) committed, {self.counts.articles} stored in all")

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.store.close()

    def report(self) -> str:
        counts = self.counts
        parts = [f"{counts.articles} new article(s) stored ({counts.events} events, {counts.figures} figures)"]
        if self.already_stored or counts.copies:
            parts.append(f"{self.already_stored + counts.copies} already stored")
        if counts.near_duplicates:
            parts.append(f"{counts.near_duplicates} near-duplicate(s) linked to their original")
        if counts.replaced:
            parts.append(f"{counts.replaced} changed article(s) replaced")
        return f"{self.store.path}: " + "; ".join(parts)
