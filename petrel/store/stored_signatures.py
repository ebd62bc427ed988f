"""The MinHash signatures a store keeps (`article_signatures`) and their LSH buckets
(`article_bands`): writing them, and re-signing a store whose signatures another petrel made.

A store written by an earlier petrel may hold signatures of an older hashing of shingles.
Compared with new ones they would find no copy, silently; so a store opened to be written
to checks one stored signature against its article's text, and when they differ signs every
stored article again, in one transaction, before anything new is stored.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from petrel.store.near_duplicates import BANDS, PERMUTATIONS, Signature, normalised_words, signatures

RESIGN_BATCH_ARTICLES = 4096


def insert_signatures(connection: duckdb.DuckDBPyConnection, article_ids: list[str], signed: list[Signature]) -> None:
    """Store these articles' signatures and their buckets, built as Arrow columns (a dict a
    row would be 33 dicts an article)."""
    if not article_ids:
        return
    ids = pa.array(article_ids, pa.string())
    values = np.stack([signature.values for signature in signed])
    table = pa.table(
        {"article_id": ids, "signature": pa.ListArray.from_arrays(np.arange(0, values.size + 1, PERMUTATIONS, dtype=np.int32), values.ravel())}
    )
    buckets = np.array([signature.buckets for signature in signed], dtype=np.uint64)  # an article a row, a band a column
    bands = pa.table(
        {
            "band": pa.array(np.tile(np.arange(BANDS, dtype=np.int16), len(article_ids))),
            "bucket": pa.array(buckets.ravel()),
            "article_id": ids.take(np.repeat(np.arange(len(article_ids)), BANDS)),
        }
    )
    connection.from_arrow(table).insert_into("article_signatures")
    connection.from_arrow(bands).insert_into("article_bands")


def signatures_are_current(connection: duckdb.DuckDBPyConnection) -> bool:
    """True when the store's signatures are those this petrel makes (or there are none)."""
    row = connection.execute(
        """SELECT a.text, g.signature FROM article_signatures g JOIN articles a USING (article_id)
           ORDER BY a.article_id LIMIT 1"""
    ).fetchone()
    if row is None:
        return True
    text, stored = row
    return bool(np.array_equal(Signature.of_text(text).values, np.asarray(stored, dtype=np.uint64)))


def resign_articles(connection: duckdb.DuckDBPyConnection) -> int:
    """Replace every stored signature and bucket by one made from the article's text, in one
    transaction; returns how many articles were signed."""
    article_ids = [row[0] for row in connection.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    connection.begin()
    try:
        connection.execute("DELETE FROM article_signatures")
        connection.execute("DELETE FROM article_bands")
        for start in range(0, len(article_ids), RESIGN_BATCH_ARTICLES):
            chunk = article_ids[start : start + RESIGN_BATCH_ARTICLES]
            texts = dict(
                connection.execute(
                    "SELECT article_id, text FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [chunk]
                ).fetchall()
            )
            insert_signatures(connection, chunk, signatures([normalised_words(texts[i] or "") for i in chunk]))
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return len(article_ids)
