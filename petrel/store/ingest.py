"""Storing coded articles: once each, a batch per transaction, copies linked to originals.

    with EventStore("store.duckdb") as store:
        new = [article for article in articles if not store.has(article)]
        store.ingest([(article, records) for article, records in coded(new)])

- **Idempotent**: an article whose normalised text is stored already is not stored again;
  under another id it is listed in `article_copies`. The same id with a changed text is a
  new version: its old rows are replaced.
- **Transactional**: each `ingest` call is one transaction. A process killed part-way
  leaves the store as it was after the last complete batch; rerunning stores the rest.
- **Near-duplicates** (syndicated copies) are stored with `duplicate_of` set; their events
  are mentions of the original's events (`mention_of`) and of its stories.
- **Stories** are assigned as events arrive (petrel.store.stories); each batch adds to the
  counts of the stories it touched (petrel.store.story_table).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from petrel.articles import Article
from petrel.errors import NotAStoreError
from petrel.records import Event, Figure
from petrel.store import schema
from petrel.store.batch_tables import flat_arrow
from petrel.store.connection import connect, registered
from petrel.memory import collection_paused
from petrel.store.near_duplicates import (
    CANDIDATES_PER_ARTICLE, PERMUTATIONS, Signature, best_original, content_hash, most_shared, normalised_words, signatures,
    words_hash,
)
from petrel.store.remembered import remember_people, remember_places
from petrel.store.stored_signatures import insert_signatures, resign_articles, signatures_are_current
from petrel.store.stories import MENTION_KEY_SQL, PLACE_KEY_SQL, STORY_KEY_SQL, StoryIndex
from petrel.store.story_table import grow_stories, recount_stories, stored_stories

Record = Event | Figure
CodedArticle = tuple[Article, Sequence[Record]]


@dataclass
class IngestCounts:
    """What one or more ingest calls did."""

    articles: int = 0
    copies: int = 0
    near_duplicates: int = 0
    replaced: int = 0
    events: int = 0
    figures: int = 0

    def add(self, other: "IngestCounts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class _NewArticle:
    article: Article
    events: list[Event]
    figures: list[Figure]
    content_hash: str
    signature: Signature
    duplicate_of: str | None = None
    similarity: float | None = None


class EventStore:
    """A petrel store: one DuckDB file (created when absent) holding the tables of
    petrel.store.schema. One process may write to it at a time."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(path)
        self.connection = connect(self.path, read_only=read_only)
        try:
            if read_only:
                _check_tables(self.connection, self.path)
            else:
                schema.create_tables(self.connection)
                if not signatures_are_current(self.connection):
                    resign_articles(self.connection)
                # Fold the write-ahead log into the file every 1 GB instead of DuckDB's 16 MB:
                # each fold rewrites the blocks touched, so folding rarely writes less in all
                # (measured: ingest into a 1M-event store 3.0k -> 4.6k records/s at 256 MB;
                # 256 MB -> 1 GB cut the time spent committing from 16.1 to 8.8 s).
                self.connection.execute("SET checkpoint_threshold = '1GB'")
        except BaseException:
            self.connection.close()
            raise
        self._coded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self._known: tuple[dict[str, str], dict[str, str]] | None = None
        # The stored stories, read once and then grown with each batch: reading those near a
        # batch from the table costs more the bigger the store (1.5 s per 10,000 articles at 1M events).
        self._stories: StoryIndex | None = None

    @property
    def _hashes(self) -> dict[str, str]:
        """Content hash -> article id of every stored article (read on first need)."""
        return self._stored()[0]

    @property
    def _ids(self) -> dict[str, str]:
        """Article id -> content hash."""
        return self._stored()[1]

    def _stored(self) -> tuple[dict[str, str], dict[str, str]]:
        if self._known is None:
            hashes = dict(self.connection.execute("SELECT content_hash, article_id FROM articles").fetchall())
            self._known = hashes, {article_id: digest for digest, article_id in hashes.items()}
        return self._known

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def remembered_people(self) -> tuple[tuple[str, str | None, str | None, str | None], ...]:
        """(name, country, sector, code) of every person the store remembers, by name."""
        return tuple(self.connection.execute("SELECT name, country, sector, code FROM actors ORDER BY name").fetchall())

    def has(self, article: Article) -> bool:
        """True when this text (normalised) is stored already: coding it again would add nothing."""
        return content_hash(article.text) in self._hashes

    def ingest(self, coded: Iterable[CodedArticle]) -> IngestCounts:
        """Store coded articles in one transaction; returns what was stored."""
        counts = IngestCounts()
        with collection_paused():
            batch, copies, replaced = self._sort_out(list(coded), counts)
            if batch or copies:
                self._store(batch, copies, replaced, counts)
        return counts

    def _store(self, batch: list[_NewArticle], copies: list[tuple[Article, str]], replaced: list[str], counts: IngestCounts) -> None:
        """One transaction: a failure leaves the store as it was, and the batch unremembered."""
        connection = self.connection
        connection.begin()
        try:
            replaced_stories = self._delete_articles(replaced)
            self._link_near_duplicates(batch, counts)
            self._insert(batch, copies, counts)
            recount_stories(self.connection, replaced_stories)
            connection.commit()
        except BaseException:
            connection.rollback()
            self._forget(batch)
            self._stories = None  # it may hold stories of the batch that was not stored
            raise
        if replaced_stories:
            self._stories = None  # recounting may have dropped stories

    def _sort_out(self, coded: list[CodedArticle], counts: IngestCounts):
        """Split a batch into new articles, exact copies and new versions of stored ids."""
        new_articles: list[tuple[Article, Sequence[Record], str]] = []
        new_words: list[list[str]] = []  # their signatures are made for the whole batch at once
        copies: list[tuple[Article, str]] = []
        replaced: list[str] = []
        for article, records in coded:
            words = normalised_words(article.text)
            digest = words_hash(words)
            if digest in self._hashes:
                if self._hashes[digest] != article.id:
                    copies.append((article, self._hashes[digest]))
                    counts.copies += 1
                continue
            if article.id in self._ids:
                replaced.append(article.id)
                del self._hashes[self._ids.pop(article.id)]
                counts.replaced += 1
            self._hashes[digest] = article.id
            self._ids[article.id] = digest
            new_words.append(words)
            new_articles.append((article, records, digest))
        batch = [
            _NewArticle(
                article, [record for record in records if isinstance(record, Event)],
                [record for record in records if not isinstance(record, Event)], digest, signature,
            )
            for (article, records, digest), signature in zip(new_articles, signatures(new_words))
        ]  # fmt: skip
        return batch, copies, replaced

    def _forget(self, batch: list[_NewArticle]) -> None:
        for new in batch:
            self._hashes.pop(new.content_hash, None)
            self._ids.pop(new.article.id, None)

    def _delete_articles(self, article_ids: list[str]) -> set[str]:
        """Remove stored versions of re-coded articles; returns the stories they were in."""
        if not article_ids:
            return set()
        ids = [article_ids]
        touched = {
            row[0]
            for row in self.connection.execute(
                "SELECT DISTINCT story_id FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", ids
            ).fetchall()
        }
        for table in ("events", "figures", "article_bands", "article_signatures", "articles"):
            self.connection.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", ids)
        return touched

    def _link_near_duplicates(self, batch: list[_NewArticle], counts: IngestCounts) -> None:
        """Set `duplicate_of` for articles that copy a stored article or an earlier one of the batch.

        A copy of a copy names the first text of the chain, so all copies share one original."""
        stored = self._stored_candidates(batch)
        seen_in_bucket: dict[tuple[int, int], list[_NewArticle]] = {}
        for new in batch:
            shared: Counter[str] = Counter()
            earlier: dict[str, _NewArticle] = {}
            for bucket in enumerate(new.signature.buckets):
                for other in seen_in_bucket.setdefault(bucket, []):
                    shared[other.article.id] += 1
                    earlier[other.article.id] = other
                seen_in_bucket[bucket].append(new)
            candidates = {i: (other.signature.values, other.duplicate_of or i) for i, other in earlier.items()}
            candidates.update({i: (values, root) for i, (values, root, _) in stored.get(new.article.id, {}).items()})
            shared.update({i: buckets for i, (_, _, buckets) in stored.get(new.article.id, {}).items()})
            chosen = most_shared(dict(shared), CANDIDATES_PER_ARTICLE)
            found = best_original(new.signature, {i: candidates[i][0] for i in chosen})
            if found is not None:
                new.duplicate_of, new.similarity = candidates[found[0]][1], found[1]
                counts.near_duplicates += 1

    def _stored_candidates(self, batch: list[_NewArticle]) -> dict[str, dict[str, tuple[np.ndarray, str, int]]]:
        """Stored articles sharing LSH buckets with each new one: signature values, original, buckets shared."""
        rows = [(band, bucket, new.article.id) for new in batch for band, bucket in enumerate(new.signature.buckets)]
        bands = pa.table(
            {
                "band": pa.array([r[0] for r in rows], pa.int16()),
                "bucket": pa.array([r[1] for r in rows], pa.uint64()),
                "article_id": pa.array([r[2] for r in rows], pa.string()),
            }
        )
        with registered(self.connection, "petrel_new_bands", bands):
            found = self.connection.sql(
                """WITH shared AS (
                       SELECT n.article_id AS new_id, b.article_id AS stored_id, count(*) AS buckets
                       FROM petrel_new_bands n JOIN article_bands b USING (band, bucket)
                       GROUP BY n.article_id, b.article_id
                       QUALIFY row_number() OVER (PARTITION BY new_id ORDER BY buckets DESC, stored_id) <= ?)
                   SELECT s.new_id, s.stored_id, s.buckets, g.signature, coalesce(a.duplicate_of, a.article_id) AS original
                   FROM shared s JOIN article_signatures g ON g.article_id = s.stored_id
                   JOIN articles a ON a.article_id = s.stored_id""",
                params=[CANDIDATES_PER_ARTICLE],
            ).to_arrow_table()
        # the signatures as one array, a row per candidate (128 Python ints a row cost more
        # than the query)
        stored = found["signature"].combine_chunks().flatten().to_numpy().reshape(-1, PERMUTATIONS)
        candidates: dict[str, dict[str, tuple[np.ndarray, str, int]]] = {}
        columns = (found[name].to_pylist() for name in ("new_id", "stored_id", "buckets", "original"))
        for values, new_id, stored_id, buckets, original in zip(stored, *columns):
            candidates.setdefault(new_id, {})[stored_id] = (values, original, buckets)
        return candidates

    def _insert(self, batch: list[_NewArticle], copies: list[tuple[Article, str]], counts: IngestCounts) -> None:
        with self._batch_tables(batch) as (opened, events, figures):
            self._append("articles", [self._article_row(new) for new in batch])
            self._append("article_copies", [self._copy_row(article, original) for article, original in copies])
            insert_signatures(self.connection, [new.article.id for new in batch], [new.signature for new in batch])
            self.connection.execute("INSERT INTO events BY NAME SELECT * EXCLUDE (batch_row) FROM petrel_batch_events")
            self.connection.execute("INSERT INTO figures BY NAME SELECT * FROM petrel_batch_figures")
            grow_stories(self.connection, opened)
            remember_people(self.connection, events, figures)
            remember_places(self.connection)
        counts.articles += len(batch)
        counts.events += sum(len(new.events) for new in batch)
        counts.figures += sum(len(new.figures) for new in batch)

    @contextmanager
    def _batch_tables(self, batch: list[_NewArticle]):
        """The batch as Arrow tables SQL reads in place (no copy into temp tables): its articles
        (`petrel_batch_articles`), and its events and figures in the store's flat layout with the
        store's own columns (`petrel_batch_events`, `petrel_batch_figures`), events in text order
        (`batch_row`) with their stories assigned. Yields the stories the batch opens (see
        _assign_stories) and the events and figures in the flat layout alone."""
        connection = self.connection
        articles = pa.table(
            {
                "article_id": pa.array([new.article.id for new in batch], pa.string()),
                "position": pa.array(range(len(batch)), pa.int64()),
                "published": pa.array([new.article.date for new in batch], pa.date32()),
                "source": pa.array([new.article.source for new in batch], pa.string()),
                "duplicate_of": pa.array([new.duplicate_of for new in batch], pa.string()),
            }
        )
        flat_events = flat_arrow([event for new in batch for event in new.events], schema.EVENT_COLUMNS)
        flat_figures = flat_arrow([figure for new in batch for figure in new.figures], schema.FIGURE_COLUMNS)
        with registered(connection, "petrel_batch_articles", articles):
            with registered(connection, "petrel_flat_events", flat_events):
                stories, opened = self._assign_stories()
            story_ids, mention_ids = zip(*map(stories.__getitem__, flat_events["event_id"].to_pylist())) if stories else ((), ())
            coded_at = pa.scalar(self._coded_at, pa.timestamp("us"))
            events = _with_columns(
                flat_events,
                story_id=pa.array(story_ids, pa.string()),
                mention_of=pa.array(mention_ids, pa.string()),
                duplicate_of=_duplicate_of(batch, "events"),
                coded_at=pa.repeat(coded_at, len(flat_events)),
                batch_row=pa.array(range(len(flat_events)), pa.int64()),
            )
            figures = _with_columns(
                flat_figures, duplicate_of=_duplicate_of(batch, "figures"), coded_at=pa.repeat(coded_at, len(flat_figures))
            )
            with registered(connection, "petrel_batch_events", events), registered(connection, "petrel_batch_figures", figures):
                yield opened, flat_events, flat_figures

    def _article_row(self, new: _NewArticle) -> dict[str, Any]:
        article = new.article
        return {
            "article_id": article.id, "content_hash": new.content_hash, "title": article.title,
            "source": article.source, "url": article.url, "published": article.date, "origin": article.origin or None,
            "text": article.text, "words": len(article.text.split()), "events": len(new.events),
            "figures": len(new.figures), "duplicate_of": new.duplicate_of, "similarity": new.similarity,
            "coded_at": self._coded_at,
        }  # fmt: skip

    def _copy_row(self, article: Article, original: str) -> dict[str, Any]:
        return {
            "article_id": article.id, "original_id": original, "source": article.source, "url": article.url,
            "origin": article.origin or None, "coded_at": self._coded_at,
        }  # fmt: skip

    def _assign_stories(self) -> tuple[dict[str, tuple[str, str | None]], pa.Table]:
        """The story of every event of the batch (and, in a copy, the original's event it
        mentions), by event id; and the new stories, as the mentions that opened them
        (event_id, story_key, day). Counts are added afterwards (grow_stories).

        Events of originals go first, in date order, so that a copy in the same batch finds them."""
        if self._stories is None:
            self._stories = stored_stories(self.connection)
        index = self._stories
        mentioned = self._original_events()
        mentions = self.connection.execute(
            f"""SELECT e.event_id, e.article_id, {STORY_KEY_SQL}, coalesce(e.date, a.published) - DATE '1970-01-01' AS day,
                   {PLACE_KEY_SQL}, {MENTION_KEY_SQL}, a.duplicate_of
               FROM petrel_flat_events e JOIN petrel_batch_articles a USING (article_id)
               ORDER BY a.duplicate_of IS NOT NULL, day NULLS FIRST, a.position, e.sentence_index, e.trigger_start, e.event_id"""
        ).fetchall()
        stories: dict[str, tuple[str, str | None]] = {}
        opening: list[tuple[str, str, int | None]] = []  # (event_id, story_key, day) of each mention opening a story
        for event_id, article_id, key, day, place, mention_key, duplicate_of in mentions:
            original = mentioned.get(duplicate_of, {}).get(mention_key) if duplicate_of else None
            if original is None:
                story_id = index.assign(event_id, key, day, place)
                mention_of = None
                if story_id == event_id:  # (a mention opens a story named after itself)
                    opening.append((event_id, key, day))
            else:
                mention_of, story_id = original
            if duplicate_of is None:
                mentioned.setdefault(article_id, {}).setdefault(mention_key, (event_id, story_id))
            stories[event_id] = (story_id, mention_of)
        event_ids, keys, days = zip(*opening) if opening else ((), (), ())
        opened = pa.table(
            {
                "event_id": pa.array(event_ids, pa.string()),
                "story_key": pa.array(keys, pa.string()),
                "day": pa.array(days, pa.int32()).cast(pa.date32()),
            }
        )
        return stories, opened

    def _original_events(self) -> dict[str, dict[str, tuple[str, str]]]:
        """For each stored original of the batch's copies: its events by what a copy's mention shares."""
        stored = self.connection.execute(
            f"""SELECT article_id, {MENTION_KEY_SQL}, event_id, story_id FROM events
                WHERE article_id IN (SELECT duplicate_of FROM petrel_batch_articles WHERE duplicate_of IS NOT NULL)
                ORDER BY article_id, sentence_index, trigger_start, event_id"""
        ).fetchall()
        found: dict[str, dict[str, tuple[str, str]]] = {}
        for article_id, key, event_id, story_id in stored:
            found.setdefault(article_id, {}).setdefault(key, (event_id, story_id))
        return found

    def _append(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows (dicts; absent columns are null) into a store table."""
        if not rows:
            return
        table = next(t for t in schema.TABLES if t.name == table_name)
        for row in rows:
            row.setdefault("coded_at", self._coded_at)
        arrow = pa.Table.from_pylist(rows, schema=_arrow_schema(table))
        self.connection.from_arrow(arrow).insert_into(table_name)


_ARROW_TYPES = {
    "VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "SMALLINT": pa.int16(), "UBIGINT": pa.uint64(),
    "UBIGINT[]": pa.list_(pa.uint64()),
}  # fmt: skip


def _arrow_schema(table: schema.StoreTable) -> pa.Schema:
    return pa.schema([pa.field(column.name, _ARROW_TYPES[column.sql_type]) for column in table.columns])


def _with_columns(table: pa.Table, **columns: pa.Array) -> pa.Table:
    for name, values in columns.items():
        table = table.append_column(name, values)
    return table


def _duplicate_of(batch: list[_NewArticle], records: str) -> pa.Array:
    """The `duplicate_of` of each event (or figure) of the batch, in the batch's record order."""
    return pa.array([new.duplicate_of for new in batch for _ in getattr(new, records)], pa.string())


_READ_TABLES = ("articles", "events", "figures", "stories")


def _check_tables(connection, path: str) -> None:
    """A store to read needs the tables queries read; tables a newer petrel added to a store
    are created the next time it is written to."""
    present = {row[0] for row in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    missing = [table.name for table in schema.TABLES if table.name in _READ_TABLES and table.name not in present]
    if missing:
        raise NotAStoreError(path, missing)
