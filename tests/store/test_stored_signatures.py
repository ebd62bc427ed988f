"""A store signed by an older petrel is signed again before new articles are compared with it."""

from __future__ import annotations

import duckdb
import numpy as np

from petrel.store import EventStore
from petrel.store.near_duplicates import BANDS, Signature
from tests.store.conftest import IDLIB_ID


def _sign_the_old_way(path) -> None:
    """What a store from a petrel that hashed shingles otherwise holds: other values, other buckets."""
    with duckdb.connect(str(path)) as connection:
        connection.execute("UPDATE article_signatures SET signature = list_transform(signature, lambda value: value // 2 + 7)")
        connection.execute("UPDATE article_bands SET bucket = bucket // 3")


def test_a_store_with_signatures_of_an_older_hashing_is_signed_again_when_opened_to_write(tmp_path, coded_samples):
    path = tmp_path / "old.duckdb"
    with EventStore(path) as store:
        store.ingest(coded_samples)
    _sign_the_old_way(path)

    EventStore(path).close()

    with duckdb.connect(str(path), read_only=True) as connection:
        rows = connection.execute("SELECT a.text, g.signature FROM articles a JOIN article_signatures g USING (article_id)").fetchall()
        bands = connection.execute("SELECT count(*), count(DISTINCT article_id) FROM article_bands").fetchone()
    assert len(rows) == len(coded_samples)
    assert all(np.array_equal(Signature.of_text(text).values, np.asarray(stored, dtype=np.uint64)) for text, stored in rows)
    assert bands == (BANDS * len(coded_samples), len(coded_samples))


def test_after_signing_again_a_syndicated_copy_still_finds_its_original(tmp_path, coded_samples, coded_copy):
    path = tmp_path / "old.duckdb"
    with EventStore(path) as store:
        store.ingest(coded_samples)
    _sign_the_old_way(path)

    with EventStore(path) as store:
        counts = store.ingest(coded_copy)

    assert counts.near_duplicates == 1
    with duckdb.connect(str(path), read_only=True) as connection:
        assert connection.execute("SELECT duplicate_of FROM articles WHERE article_id = 'wire-copy-idlib'").fetchone() == (IDLIB_ID,)


def test_a_current_store_is_left_as_it_is(store_copy):
    with duckdb.connect(str(store_copy), read_only=True) as connection:
        before = connection.execute("SELECT article_id, signature FROM article_signatures ORDER BY article_id").fetchall()
    EventStore(store_copy).close()
    with duckdb.connect(str(store_copy), read_only=True) as connection:
        assert connection.execute("SELECT article_id, signature FROM article_signatures ORDER BY article_id").fetchall() == before
