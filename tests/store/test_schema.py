"""The store's tables: created as described, and every column documented in docs/store.md."""

from __future__ import annotations

from pathlib import Path

import duckdb

from petrel.store import schema

DOCS = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def test_docs_list_every_table_and_column_as_the_schema_describes_them():
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("<!-- tables: generated")
    generated = text[text.index("\n", start) + 1 : text.index("<!-- end of tables -->")]
    assert generated == schema.tables_markdown(), "regenerate the tables section of docs/store.md"


def test_created_tables_have_the_described_columns_and_types():
    with duckdb.connect() as connection:
        schema.create_tables(connection)
        for table in schema.TABLES:
            described = [(c.name, c.sql_type) for c in table.columns]
            found = connection.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table.name],
            ).fetchall()
            assert found == described


def test_a_store_from_an_older_petrel_gains_the_new_columns():
    with duckdb.connect() as connection:
        connection.execute("CREATE TABLE events (event_id VARCHAR PRIMARY KEY, cameo VARCHAR)")
        connection.execute("INSERT INTO events VALUES ('old-event', '190')")
        schema.create_tables(connection)
        columns = [row[0] for row in connection.execute("SELECT * FROM events LIMIT 0").description]
        assert {"story_id", "duplicate_of", "trigger_text"} <= set(columns)
        assert connection.execute("SELECT cameo FROM events").fetchall() == [("190",)]
