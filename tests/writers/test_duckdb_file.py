import subprocess
import sys

import duckdb
import pytest

from petrel.errors import DatabaseLockedError, OutputFileError
from petrel.writers import DuckDBWriter, open_database_writer


def _write(path, records, batch_size=None):
    writer = DuckDBWriter(path, batch_size=batch_size) if batch_size else open_database_writer(path)
    with writer:
        for record in records:
            writer.write(record)
    return writer


def _query(path, sql):
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_events_and_figures_go_to_their_tables(tmp_path, records):
    path = tmp_path / "petrel.duckdb"
    assert _write(path, records).count == 2
    assert _query(path, "select source_code, cameo from events") == [("EGYGOV", "0256")]
    assert _query(path, "select qualifier, value, approximate from figures") == [("nearly", 32000.0, True)]
    figure_columns = {row[0] for row in _query(path, "describe figures")}
    assert "figure_id" in figure_columns and "coded_at" in figure_columns
    assert "cameo" not in figure_columns and "record" not in figure_columns


def test_column_types_are_queryable(tmp_path, records):
    path = tmp_path / "petrel.duckdb"
    _write(path, records)
    types = dict(_query(path, "select column_name, data_type from information_schema.columns where table_name = 'events'"))
    assert (types["trigger_start"], types["goldstein"], types["date"], types["coded_at"]) == (
        "BIGINT", "DOUBLE", "DATE", "TIMESTAMP",
    )  # fmt: skip
    assert _query(path, "select count(*) from events where date = DATE '2024-03-21' and coded_at is not null") == [(1,)]


def test_coding_the_same_input_twice_keeps_one_row_each(tmp_path, records):
    path = tmp_path / "petrel.duckdb"
    _write(path, records)
    _write(path, records)
    assert _query(path, "select count(*) from events") == [(1,)]
    assert _query(path, "select count(*) from figures") == [(1,)]


def test_a_second_run_appends_other_articles(tmp_path, records, in_article):
    path = tmp_path / "petrel.duckdb"
    _write(path, records)
    _write(path, [in_article(record, "gaza-2024-03-22") for record in records])
    assert _query(path, "select article_id from events order by article_id") == [("gaza-2024-03-21",), ("gaza-2024-03-22",)]
    assert _query(path, "select count(*) from figures") == [(2,)]


def test_recoding_an_article_drops_events_no_longer_found(tmp_path, sisi_event, in_article):
    path = tmp_path / "petrel.duckdb"
    first, second = in_article(sisi_event, "article-a", 0), in_article(sisi_event, "article-a", 1)
    _write(path, [first, second])
    _write(path, [first])
    assert _query(path, "select event_id from events") == [(first.event_id,)]


def test_an_article_spanning_several_batches_keeps_all_its_rows(tmp_path, sisi_event, in_article):
    path = tmp_path / "petrel.duckdb"
    events = [in_article(sisi_event, "article-a", index) for index in range(5)]
    _write(path, events, batch_size=2)
    assert _query(path, "select count(*) from events") == [(5,)]


def test_a_repeated_record_in_one_run_is_stored_once(tmp_path, sisi_event):
    path = tmp_path / "petrel.duckdb"
    _write(path, [sisi_event, sisi_event, sisi_event], batch_size=2)
    assert _query(path, "select count(*) from events") == [(1,)]


def test_a_table_from_an_older_petrel_gains_the_new_columns(tmp_path, sisi_event):
    path = tmp_path / "petrel.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create table events (article_id varchar, event_id varchar primary key, cameo varchar)")
        connection.execute("insert into events values ('old-article', 'old-event', '190')")
    _write(path, [sisi_event])
    assert _query(path, "select event_id, cameo, source_code from events order by event_id") == [
        (sisi_event.event_id, "0256", "EGYGOV"), ("old-event", "190", None),
    ]  # fmt: skip


def test_a_database_held_by_another_process_is_a_clear_error(tmp_path):
    path = tmp_path / "petrel.duckdb"
    hold_open = f"import duckdb, sys; c = duckdb.connect({str(path)!r}); print('open', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", hold_open], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseLockedError, match=f"PID {holder.pid}") as caught:
            open_database_writer(path)
        assert "another process" in str(caught.value) and caught.value.fix
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    with pytest.raises(OutputFileError, match="not a DuckDB database"):
        open_database_writer(path)
