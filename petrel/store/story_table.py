"""Keeping the `stories` table: the stories near a batch, new stories, and their counts.

Counts grow by what each batch adds (its articles are new, so their mentions, articles and
reports add up; outlets are counted through `story_sources`), so that storing a batch costs
the same in a store of a thousand events as in one of a million. When stored articles are
replaced, the stories they were in are counted again from their events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from petrel.store.stories import STORY_WINDOW_DAYS, StoryAnchor, StoryIndex, place_key


def stories_near(connection: duckdb.DuckDBPyConnection, wanted: set[tuple[str, dt.date | None]], register) -> StoryIndex:
    """The stored stories that mentions with these (story key, date) pairs may join."""
    index = StoryIndex()
    if not wanted:
        return index
    pairs = pa.table({"story_key": [key for key, _ in wanted], "day": pa.array([day for _, day in wanted], pa.date32())})
    with register(connection, "petrel_wanted_stories", pairs):
        found = connection.execute(
            f"""SELECT DISTINCT s.story_key, s.story_id, s.date, s.place_key
                FROM stories s JOIN petrel_wanted_stories w ON s.story_key = w.story_key
                WHERE s.date BETWEEN w.day - {STORY_WINDOW_DAYS} AND w.day + {STORY_WINDOW_DAYS}
                   OR (s.date IS NULL AND w.day IS NULL)"""
        ).fetchall()
    for key, story_id, day, place in found:
        index.add(key, StoryAnchor(story_id, day, place))
    return index


def opened_story_row(key: str, row: dict[str, Any], day: dt.date | None) -> dict[str, Any]:
    """A new story as its first mention describes it; its counts are added afterwards."""
    return {
        "story_id": row["event_id"], "story_key": key, "plover": row.get("plover"), "cameo_root": row.get("cameo_root"),
        "cameo": row.get("cameo"), "quad_class": row.get("quad_class"), "goldstein": row.get("goldstein"),
        "source_code": row.get("source_code"), "source_name": row.get("source_name") or row.get("source_text"),
        "source_country": row.get("source_country"), "target_code": row.get("target_code"),
        "target_name": row.get("target_name") or row.get("target_text"), "target_country": row.get("target_country"),
        "place_key": None, "date": day, "mentions": 0, "articles": 0, "reports": 0, "sources": 0,
        "sentence": row.get("sentence"),
    }  # fmt: skip


@dataclass
class _Growth:
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    reports: set[str] = field(default_factory=set)
    dates: list[dt.date] = field(default_factory=list)
    seen: list[dt.date] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)
    place: tuple[str, Any, Any] | None = None  # key, name, country of its first located mention


def story_growth(
    mentions: Iterable[tuple[dict[str, Any], dt.date | None, str | None]],
) -> tuple[pa.Table, list[tuple[str, str]]]:
    """What a batch's event rows (with their article's publication date and outlet) add to
    each story, as a table for `add_growth`, and the (story, outlet) pairs seen."""
    growth: dict[str, _Growth] = {}
    for row, published, outlet in mentions:
        grown = growth.setdefault(row["story_id"], _Growth())
        grown.mentions += 1
        grown.articles.add(row["article_id"])
        if row.get("duplicate_of") is None:
            grown.reports.add(row["article_id"])
        if row.get("date") is not None:
            grown.dates.append(row["date"])
        if published or row.get("date"):
            grown.seen.append(published or row["date"])
        if outlet:
            grown.outlets.add(outlet)
        if grown.place is None and (key := place_key(row)) is not None:
            grown.place = (key, row.get("location_name") or row.get("location_text"), row.get("location_country"))
    ids = list(growth)
    return pa.table(
        {
            "story_id": ids,
            "mentions": [growth[i].mentions for i in ids],
            "articles": [len(growth[i].articles) for i in ids],
            "reports": [len(growth[i].reports) for i in ids],
            "first_date": pa.array([min(growth[i].dates, default=None) for i in ids], pa.date32()),
            "last_date": pa.array([max(growth[i].dates, default=None) for i in ids], pa.date32()),
            "first_seen": pa.array([min(growth[i].seen, default=None) for i in ids], pa.date32()),
            "last_seen": pa.array([max(growth[i].seen, default=None) for i in ids], pa.date32()),
            "place_key": [growth[i].place and growth[i].place[0] for i in ids],
            "location_name": [growth[i].place and growth[i].place[1] for i in ids],
            "location_country": [growth[i].place and growth[i].place[2] for i in ids],
        }
    ), [(i, outlet) for i in ids for outlet in sorted(growth[i].outlets)]


def add_growth(connection: duckdb.DuckDBPyConnection, growth: pa.Table, outlets: list[tuple[str, str]], register) -> None:
    """Add a batch's growth to the stories' counts and dates; count outlets new to a story."""
    pairs = pa.table({"story_id": [i for i, _ in outlets], "source": [o for _, o in outlets]}, schema=_PAIRS)
    with register(connection, "petrel_growth", growth), register(connection, "petrel_outlets", pairs):
        connection.execute(
            """CREATE OR REPLACE TEMP TABLE petrel_new_outlets AS
               SELECT p.story_id, p.source FROM petrel_outlets p
               ANTI JOIN story_sources s ON s.story_id = p.story_id AND s.source = p.source"""
        )
        connection.execute(
            """UPDATE stories SET
                   mentions = stories.mentions + g.mentions,
                   articles = stories.articles + g.articles,
                   reports = stories.reports + g.reports,
                   sources = stories.sources + coalesce(n.outlets, 0),
                   first_date = least(stories.first_date, g.first_date),
                   last_date = greatest(stories.last_date, g.last_date),
                   first_seen = least(stories.first_seen, g.first_seen),
                   last_seen = greatest(stories.last_seen, g.last_seen),
                   place_key = coalesce(stories.place_key, g.place_key),
                   location_name = CASE WHEN stories.place_key IS NULL THEN g.location_name ELSE stories.location_name END,
                   location_country = CASE WHEN stories.place_key IS NULL THEN g.location_country ELSE stories.location_country END
               FROM petrel_growth g
               LEFT JOIN (SELECT story_id, count(*) AS outlets FROM petrel_new_outlets GROUP BY story_id) n
                   ON n.story_id = g.story_id
               WHERE stories.story_id = g.story_id"""
        )
        connection.execute("INSERT INTO story_sources SELECT story_id, source FROM petrel_new_outlets")
        connection.execute("DROP TABLE petrel_new_outlets")


_PAIRS = pa.schema([("story_id", pa.string()), ("source", pa.string())])


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
    connection.execute(_RECOUNT, ids)
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
        arg_min(CASE WHEN e.location_geonames_id IS NOT NULL THEN CAST(e.location_geonames_id AS VARCHAR)
                     ELSE lower(coalesce(e.location_name, e.location_text)) || '|' || coalesce(e.location_country, '') END,
                coalesce(e.date, DATE '9999-12-31')) FILTER (WHERE e.location_text IS NOT NULL) AS place_key,
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
