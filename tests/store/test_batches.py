"""Feeding a store as articles are coded: a transaction every few articles."""

from __future__ import annotations

import duckdb
import pytest

from petrel.store import EventStore
from petrel.store.batches import StoreFeeder

pytestmark = pytest.mark.slow


def _stored_ids(path) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return {row[0] for row in connection.execute("SELECT article_id FROM articles").fetchall()}


def test_fed_articles_are_all_stored_and_each_commit_is_reported_in_order(tmp_path, coded_samples):
    path = tmp_path / "fed.duckdb"
    lines: list[str] = []
    feeder = StoreFeeder(EventStore(path), batch_articles=2, on_stored=lines.append)
    for article, records in coded_samples:
        feeder.add(article, records)
    feeder.close()
    assert _stored_ids(path) == {article.id for article, _ in coded_samples}
    assert feeder.counts.articles == len(coded_samples)
    assert feeder.counts.events == sum(record.record == "event" for _, records in coded_samples for record in records)
    stored_in_all = [int(line.rsplit(", ", 1)[1].split()[0]) for line in lines]
    assert stored_in_all == sorted(stored_in_all) and stored_in_all[-1] == len(coded_samples)


def test_a_batch_that_fails_stops_the_feeding_and_keeps_what_was_committed(tmp_path, coded_samples, monkeypatch):
    path = tmp_path / "fed.duckdb"
    store = EventStore(path)
    feeder = StoreFeeder(store, batch_articles=2)
    first, second, third = coded_samples[:2], coded_samples[2:4], coded_samples[4:6]
    for article, records in first:
        feeder.add(article, records)
    monkeypatch.setattr("petrel.store.ingest.grow_stories", lambda *arguments: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        for article, records in second + third:
            feeder.add(article, records)  # the second batch fails
    feeder.close()  # as `petrel code` does after an error: nothing is left to store
    assert _stored_ids(path) == {article.id for article, _ in first}
    # the failed batch does not count as stored, nor the rest: a rerun stores them
    with EventStore(path) as reopened:
        assert not any(reopened.has(article) for article, _ in second + third)
