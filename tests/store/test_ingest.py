"""Storing coded articles: once each, copies linked, stories counted, failures rolled back."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import duckdb
import pytest

from petrel.errors import DatabaseLockedError, NotAStoreError, OutputFileError, StoreNotFoundError
from petrel.store import EventStore
from tests.store.conftest import IDLIB_ID, code

pytestmark = pytest.mark.slow


def _rows(path, sql, *parameters):
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql, list(parameters)).fetchall()


def _count(path, table):
    return _rows(path, f"SELECT count(*) FROM {table}")[0][0]


def test_the_sample_articles_and_the_copy_are_stored_with_their_records(sample_store, coded_samples):
    assert _count(sample_store, "articles") == 7
    stored = dict(_rows(sample_store, "SELECT article_id, events FROM articles"))
    for article, records in coded_samples:
        assert stored[article.id] == sum(record.record == "event" for record in records)
    assert _count(sample_store, "events") == sum(stored.values())


def test_storing_the_same_articles_again_adds_nothing(store_copy, coded_samples, coded_copy):
    before = {table: _count(store_copy, table) for table in ("articles", "events", "figures", "stories")}
    with EventStore(store_copy) as store:
        assert all(store.has(article) for article, _ in coded_samples)
        counts = store.ingest(coded_samples + coded_copy)
    assert (counts.articles, counts.events, counts.copies) == (0, 0, 0)
    assert {table: _count(store_copy, table) for table in before} == before


def test_an_exact_copy_under_another_id_is_recognised_not_stored(store_copy, coded_samples):
    article, records = coded_samples[0]
    reposted = dataclasses.replace(article, id="repost-1", source="Another outlet", text=article.text.upper() + "  ")
    with EventStore(store_copy) as store:
        counts = store.ingest([(reposted, records)])
    assert (counts.articles, counts.copies) == (0, 1)
    assert _rows(store_copy, "SELECT article_id, original_id, source FROM article_copies") == [
        ("repost-1", article.id, "Another outlet")
    ]


def test_a_syndicated_copy_is_linked_to_its_original(sample_store):
    [(duplicate_of, similarity)] = _rows(
        sample_store, "SELECT duplicate_of, similarity FROM articles WHERE article_id = 'wire-copy-idlib'"
    )
    assert duplicate_of == IDLIB_ID and similarity >= 0.8
    # The other samples are about other events: none is anyone's copy.
    assert _rows(sample_store, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") == [(1,)]


def test_the_events_of_a_copy_are_extra_mentions_of_the_original_stories(sample_store):
    pairs = _rows(
        sample_store,
        """SELECT c.story_id, o.story_id, s.mentions, s.articles, s.reports
           FROM events c JOIN events o ON o.event_id = c.mention_of JOIN stories s ON s.story_id = c.story_id
           WHERE c.article_id = 'wire-copy-idlib'""",
    )
    originals = _rows(sample_store, "SELECT count(*) FROM events WHERE article_id = ?", IDLIB_ID)[0][0]
    assert len(pairs) >= originals - 1  # every event the copy shares with its original
    for copy_story, original_story, mentions, articles, reports in pairs:
        assert copy_story == original_story
        assert articles == 2 and reports == 1 and mentions >= 2


def test_per_event_counts_leave_copies_out(sample_store):
    originals = _rows(sample_store, "SELECT count(*) FROM events WHERE duplicate_of IS NULL")[0][0]
    copies = _rows(sample_store, "SELECT count(*) FROM events WHERE duplicate_of = ?", IDLIB_ID)[0][0]
    assert copies > 0 and originals + copies == _count(sample_store, "events")


def test_a_changed_text_under_the_same_id_replaces_the_stored_version(store_copy, coded_samples):
    article, records = coded_samples[1]
    corrected = dataclasses.replace(article, text=article.text + " This story has been corrected.")
    with EventStore(store_copy) as store:
        counts = store.ingest([(corrected, records[:1])])
    assert counts.replaced == 1
    assert _rows(store_copy, "SELECT count(*), max(events) FROM articles WHERE article_id = ?", article.id) == [(1, 1)]
    assert _rows(store_copy, "SELECT count(*) FROM events WHERE article_id = ?", article.id) == [(1,)]
    orphans = "SELECT count(*) FROM stories WHERE story_id NOT IN (SELECT story_id FROM events)"
    assert _rows(store_copy, orphans) == [(0,)]


def test_a_batch_that_fails_leaves_the_store_as_it_was(store_copy, coded_samples, monkeypatch):
    article, _ = coded_samples[0]
    [(new, records)] = code([dataclasses.replace(article, id="new-article", text="Fresh report. " + article.text)])
    before = {table: _count(store_copy, table) for table in ("articles", "events", "stories")}
    with EventStore(store_copy) as store:
        monkeypatch.setattr("petrel.store.ingest.grow_stories", lambda *arguments: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            store.ingest([(new, records)])
        assert not store.has(new)  # so that a rerun stores it
    assert {table: _count(store_copy, table) for table in before} == before


def test_stories_count_mentions_articles_and_outlets(sample_store):
    [(stories, mentions)] = _rows(sample_store, "SELECT count(*), sum(mentions) FROM stories")
    assert mentions == _count(sample_store, "events")
    assert stories < mentions  # the copy's events joined existing stories
    first = _rows(
        sample_store,
        "SELECT count(*) FROM stories s JOIN events e ON e.event_id = s.story_id WHERE s.cameo = e.cameo",
    )[0][0]
    assert first == stories  # a story is named after its first event and carries its code


def test_people_met_with_their_title_are_remembered(sample_store):
    people = {row[0]: row[1:] for row in _rows(sample_store, "SELECT name, country, sector, mention FROM actors")}
    assert people["William Ruto"] == ("KEN", "GOV", "Kenyan President William Ruto")
    assert all(country for country, _, _ in people.values())  # a bare name is never remembered


def test_the_places_records_are_located_in_are_listed(sample_store):
    places = {name: (country, records) for name, country, records in _rows(sample_store, "SELECT name, country, records FROM places")}
    assert places["Nairobi"][0] == "KEN" and places["Nairobi"][1] >= 1
    located = _rows(sample_store, "SELECT count(*) FROM events WHERE location_text IS NOT NULL")[0][0]
    located += _rows(sample_store, "SELECT count(*) FROM figures WHERE location_text IS NOT NULL")[0][0]
    assert sum(records for _, records in places.values()) == located


def test_reading_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreNotFoundError, match="no petrel store"):
        EventStore(tmp_path / "missing.duckdb", read_only=True)


def test_a_duckdb_file_without_the_store_tables_is_not_a_store(tmp_path):
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE t (x INT)")
    with pytest.raises(NotAStoreError, match="not a petrel store"):
        EventStore(path, read_only=True)


def test_a_store_held_by_another_process_is_a_clear_error(tmp_path):
    path = tmp_path / "petrel.duckdb"
    hold_open = f"import duckdb, sys; c = duckdb.connect({str(path)!r}); print('open', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", hold_open], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseLockedError, match=f"PID {holder.pid}") as caught:
            EventStore(path)
        assert "another process" in str(caught.value) and caught.value.fix
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    with pytest.raises(OutputFileError, match="not a DuckDB database"):
        EventStore(path)


def test_coding_the_seed_report_twice_leaves_one_article_and_one_copy_of_each_event(seed_report, tmp_path):
    store = tmp_path / "store.duckdb"
    runs = [
        subprocess.run([sys.executable, "-m", "petrel", "code", "--date", "2024-03-21", str(seed_report), "--db", str(store)],
                       capture_output=True, text=True, timeout=300)
        for _ in range(2)
    ]  # fmt: skip
    assert [run.returncode for run in runs] == [0, 0], runs[1].stderr
    assert "1 new article(s) stored" in runs[0].stderr and "1 already stored" in runs[1].stderr
    assert _count(store, "articles") == 1
    [(events, distinct)] = _rows(store, "SELECT count(*), count(DISTINCT event_id) FROM events")
    assert events == distinct == _rows(store, "SELECT events FROM articles")[0][0] > 0
    events = subprocess.run(
        [sys.executable, "-m", "petrel", "events", "--db", str(store), "--country", "EGY", "--format", "jsonl"],
        capture_output=True, text=True, timeout=300,
    )
    assert events.returncode == 0, events.stderr
    objects = [json.loads(line) for line in events.stdout.splitlines()]
    assert objects and all(o["record"] == "event" and o["story_id"] for o in objects)
    assert all("EGY" in {(o["source"] or {}).get("country"), (o["target"] or {}).get("country")} for o in objects)
