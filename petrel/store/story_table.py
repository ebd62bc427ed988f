"""Keeping the `stories` table: the stored stories as an index, new stories, and their counts.

Counts grow by what each batch adds (its articles are new, so their mentions, articles and
reports add up; outlets are counted through `story_sources`), so that storing a batch costs
the same in a store of a thousand events as in one of a million. The batch's events are read
from the Arrow tables petrel.store.ingest registers for them (`petrel_batch_events`,
`petrel_batch_articles`). When stored articles are replaced, the
stories they were in are counted again from their events.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from petrel.store.connection import registered
from petrel.store.stories import PLACE_KEY_SQL, StoryAnchor, StoryIndex


def stored_stories(connection: duckdb.DuckDBPyConnection) -> StoryIndex:
    """Every stored story, as an index new mentions can join (kept by an ingesting store)."""
    index = StoryIndex()
    rows = connection.execute(
        "SELECT story_key, story_id, date - DATE '1970-01-01', place_key FROM stories ORDER BY story_id"
    ).fetchall()
    for key, story_id, day, place in rows:
        index.add(key, StoryAnchor(story_id, day, place))
    return index


def grow_stories(connection: duckdb.DuckDBPyConnection, opened: pa.Table) -> None:
    """Add what a batch's events (petrel_batch_events and petrel_batch_articles) bring to
    their stories: counts, dates, the first place given, outlets new to a story.

    The stories the batch opened (`opened`: the event_id, story_key and day of the mention that
    opened each) are inserted with their counts; only stories stored before are updated (an
    update costs far more than an insert, and most stories a batch touches are new)."""
    connection.execute(
        f"""CREATE OR REPLACE TEMP TABLE petrel_growth AS
            SELECT e.story_id, count(*) AS mentions, count(DISTINCT e.article_id) AS articles,
                count(DISTINCT e.article_id) FILTER (WHERE e.duplicate_of IS NULL) AS reports,
                min(e.date) AS first_date, max(e.date) AS last_date,
                min(coalesce(a.published, e.date)) AS first_seen, max(coalesce(a.published, e.date)) AS last_seen,
                arg_min({_PLACE_KEY_E}, e.batch_row) FILTER (WHERE ({_PLACE_KEY_E}) IS NOT NULL) AS place_key,
                arg_min(coalesce(e.location_name, e.location_text), e.batch_row) FILTER (WHERE ({_PLACE_KEY_E}) IS NOT NULL) AS location_name,
                arg_min(e.location_country, e.batch_row) FILTER (WHERE ({_PLACE_KEY_E}) IS NOT NULL) AS location_country,
                0 AS outlets
            FROM petrel_batch_events e JOIN petrel_batch_articles a USING (article_id)
            GROUP BY e.story_id"""
    )
    connection.execute(
        """CREATE OR REPLACE TEMP TABLE petrel_new_outlets AS
           SELECT p.story_id, p.source FROM (
               SELECT DISTINCT e.story_id, a.source FROM petrel_batch_events e
               JOIN petrel_batch_articles a USING (article_id) WHERE a.source IS NOT NULL) p
           ANTI JOIN story_sources s ON s.story_id = p.story_id AND s.source = p.source"""
    )
    connection.execute(
        """UPDATE petrel_growth SET outlets = n.outlets
           FROM (SELECT story_id, count(*) AS outlets FROM petrel_new_outlets GROUP BY story_id) n
           WHERE petrel_growth.story_id = n.story_id"""
    )
    with registered(connection, "petrel_opened_stories", opened):
        connection.execute(
            """INSERT INTO stories BY NAME
               SELECT e.event_id AS story_id, m.story_key, e.plover, e.cameo_root, e.cameo, e.quad_class, e.goldstein,
                   e.source_code, coalesce(nullif(e.source_name, ''), e.source_text) AS source_name, e.source_country,
                   e.target_code, coalesce(nullif(e.target_name, ''), e.target_text) AS target_name, e.target_country,
                   g.place_key, g.location_name, g.location_country, m.day AS date,
                   g.first_date, g.last_date, g.first_seen, g.last_seen,
                   g.mentions, g.articles, g.reports, g.outlets AS sources, e.sentence
               FROM petrel_opened_stories m JOIN petrel_batch_events e USING (event_id)
               JOIN petrel_growth g ON g.story_id = m.event_id"""
        )
        connection.execute(
            """UPDATE stories SET
                   mentions = stories.mentions + g.mentions,
                   articles = stories.articles + g.articles,
                   reports = stories.reports + g.reports,
                   sources = stories.sources + g.outlets,
                   first_date = least(stories.first_date, g.first_date),
                   last_date = greatest(stories.last_date, g.last_date),
                   first_seen = least(stories.first_seen, g.first_seen),
                   last_seen = greatest(stories.last_seen, g.last_seen),
                   place_key = coalesce(stories.place_key, g.place_key),
                   location_name = CASE WHEN stories.place_key IS NULL THEN g.location_name ELSE stories.location_name END,
                   location_country = CASE WHEN stories.place_key IS NULL THEN g.location_country ELSE stories.location_country END
               FROM (SELECT * FROM petrel_growth ANTI JOIN petrel_opened_stories o ON o.event_id = petrel_growth.story_id) g
               WHERE stories.story_id = g.story_id"""
        )
    connection.execute("INSERT INTO story_sources SELECT story_id, source FROM petrel_new_outlets")
    connection.execute("DROP TABLE petrel_growth")
    connection.execute("DROP TABLE petrel_new_outlets")


_PLACE_KEY_E = PLACE_KEY_SQL.replace("location_", "e.location_")


def recount_stories(connection: duckdb.DuckDBPyConnection, story_ids: set[str]) -> None:
    """Count these stories again from their events (after articles were replaced); drop the
    stories left without any."""
    if not story_ids:
        return
    ids = [sorted(story_ids)]
    connection.execute("DELETE FROM story_sources WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", ids)
    connection.execute(
        """INSERT INTO story_sources SELECT DISTINCT e.story_id, a.source
           FROM events e JOIN articles a USING (article_id)
           WHERE e.story_id IN (SELECT unnest(?::VARCHAR[])) AND a.source IS NOT NULL""",
        ids,
    )
    connection.execute(_RECOUNT.replace("{place_key}", _PLACE_KEY_E), ids)
    connection.execute(
        "DELETE FROM stories WHERE story_id IN (SELECT unnest(?::VARCHAR[])) AND story_id NOT IN "
        "(SELECT story_id FROM events WHERE story_id IN (SELECT unnest(?::VARCHAR[])))",
        ids + ids,
    )


_RECOUNT = """
UPDATE stories SET
    location_name = c.location_name, location_country = c.location_country, place_key = c.place_key,
    first_date = c.first_date, last_date = c.last_date, first_seen = c.first_seen, last_seen = c.last_seen,
    mentions = c.mentions, articles = c.articles, reports = c.reports, sources = c.sources
FROM (
    SELECT e.story_id,
        arg_min(coalesce(e.location_name, e.location_text), coalesce(e.date, DATE '9999-12-31'))
            FILTER (WHERE e.location_text IS NOT NULL) AS location_name,
        arg_min(e.location_country, coalesce(e.date, DATE '9999-12-31'))
            FILTER (WHERE e.location_text IS NOT NULL) AS location_country,
        arg_min({place_key}, coalesce(e.date, DATE '9999-12-31')) FILTER (WHERE e.location_text IS NOT NULL) AS place_key,
        min(e.date) AS first_date, max(e.date) AS last_date,
        min(coalesce(a.published, e.date)) AS first_seen, max(coalesce(a.published, e.date)) AS last_seen,
        count(*) AS mentions, count(DISTINCT e.article_id) AS articles,
        count(DISTINCT e.article_id) FILTER (WHERE e.duplicate_of IS NULL) AS reports,
        count(DISTINCT a.source) AS sources
    FROM events e JOIN articles a USING (article_id)
    WHERE e.story_id IN (SELECT unnest(?::VARCHAR[]))
    GROUP BY e.story_id
) c
WHERE stories.story_id = c.story_id
"""
