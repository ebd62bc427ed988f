"""Questions asked of a store: which events and figures match a filter, and how they add up.

    with EventStore("store.duckdb", read_only=True) as store:
        rows = find_events(store.connection, EventFilter(country="EGY", cameo="19"), limit=50)
        monthly = event_counts(store.connection, EventFilter(dyad=("ISR", "PSE")), "month")

A filter is a frozen dataclass whose fields are all optional; the fields given must all hold.
Text filters (`actor`, `place`, `text`, `outlet`...) match a case-insensitive substring,
codes (`country`, `sector`, `dyad`) match exactly in any case. Events and figures of
near-duplicate articles (syndicated copies, `duplicate_of` set) are left out unless
`include_duplicates`: they are further mentions of their original's records, and counting them
would count one report twice.

Every value reaches SQL as a parameter. Each query is one filtered scan of the `events` or
`figures` table (the outlet filter adds a semi-join with `articles`), so that a store of a
million events answers in well under a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, get_args

import duckdb

from petrel.errors import UnknownNameError, UsageError
from petrel.records import PLOVER_TYPES, FigureCategory
from petrel.memory import collection_paused

PERIODS = ("day", "week", "month")  # weeks are ISO weeks: they start on Monday
FIGURE_CATEGORIES = get_args(FigureCategory)
# Rows are stored article by article in text order, so `rowid` breaks ties in that order,
# and sorting on it is much cheaper than on the ids (DuckDB compares integers, not strings).
EVENT_ORDERS = {
    "date": "date NULLS LAST, rowid",
    "-date": "date DESC NULLS LAST, rowid",
    "article": "article_id, rowid",
}
NO_SOURCE = "the article"  # the source of a figure the article states itself

# Who reported a figure: its attribution's actor by name, else its words, else the
# attribution's words ("according to the Viasna human rights center"), else the article.
FIGURE_SOURCE = f"coalesce(attribution_actor_name, attribution_actor_text, attribution_text, '{NO_SOURCE}')"
FIGURE_PLACE = "coalesce(location_name, location_text, location_country)"


@dataclass(frozen=True)
class EventFilter:
    """Which events to keep. None (the default) means "any"."""

    actor: str | None = None  # substring of the source's or target's name or words
    country: str | None = None  # ISO alpha-3 of the source or the target
    sector: str | None = None  # sector code of the source or the target (GOV, MIL...)
    dyad: tuple[str, str] | None = None  # (source, target), each a country or an actor code
    cameo: str | None = None  # CAMEO code prefix: "19" all assaults, "0256" exactly
    plover: str | None = None  # PLOVER type (ASSAULT...)
    quad_class: int | None = None  # 1 verbal cooperation .. 4 material conflict
    since: dt.date | None = None  # event date on or after
    until: dt.date | None = None  # event date on or before
    place: str | None = None  # substring of the place name, or its country (ISO alpha-3)
    text: str | None = None  # substring of the sentence
    outlet: str | None = None  # substring of the article's outlet (`articles.source`)
    include_duplicates: bool = False  # also events of near-duplicate copies

    def __post_init__(self) -> None:
        if self.cameo is not None and not (self.cameo.isdigit() and 1 <= len(self.cameo) <= 4):
            raise UsageError(
                f"cameo filter {self.cameo!r} is not a CAMEO code or code prefix",
                fix="give its digits: 19 (every assault), 190, or 0256",
            )
        if self.plover is not None and self.plover.upper() not in PLOVER_TYPES:
            raise UnknownNameError("PLOVER type", self.plover, list(PLOVER_TYPES))
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise UsageError(
                f"quad class {self.quad_class!r} does not exist",
                fix="give 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)",
            )
        if self.dyad is not None and (len(self.dyad) != 2 or not all(self.dyad)):
            raise UsageError(f"dyad {self.dyad!r} is not a source and a target", fix="give two codes, e.g. (\"EGY\", \"USA\")")
        _check_range(self.since, self.until)


@dataclass(frozen=True)
class FigureFilter:
    """Which figures to keep. None (the default) means "any"."""

    category: str | None = None  # killed, injured, displaced...
    place: str | None = None  # substring of the place name, or its country (ISO alpha-3)
    subject: str | None = None  # subject country (ISO alpha-3), or substring of its name or words
    source: str | None = None  # attribution: substring of its actor's name or words or of its words, or the actor's country
    since: dt.date | None = None  # figure date on or after
    until: dt.date | None = None  # figure date on or before
    include_duplicates: bool = False  # also figures of near-duplicate copies

    def __post_init__(self) -> None:
        if self.category is not None and self.category.lower() not in FIGURE_CATEGORIES:
            raise UnknownNameError("figure category", self.category, list(FIGURE_CATEGORIES))
        _check_range(self.since, self.until)


def _check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since is not None and until is not None and since > until:
        raise UsageError(f"the date range {since} .. {until} ends before it starts", fix="swap the two dates")


# ---- turning filters into SQL -------------------------------------------------------------


class _Where:
    """Conditions joined with AND, and their parameters in order."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.parameters: list[Any] = []

    def add(self, condition: str, *parameters: Any) -> None:
        self.conditions.append(condition)
        self.parameters.extend(parameters)

    def contains(self, columns: tuple[str, ...], needle: str, *, equal: tuple[str, ...] = (), code: str | None = None) -> None:
        """Any of `columns` contains `needle` (any case), or any of `equal` is `code`."""
        tests = [f"contains(lower({column}), ?)" for column in columns] + [f"{column} = ?" for column in equal]
        self.add("(" + " OR ".join(tests) + ")", *[needle.lower()] * len(columns), *[code] * len(equal))

    def clause(self, *extra: str) -> str:
        conditions = self.conditions + list(extra)
        return " WHERE " + " AND ".join(conditions) if conditions else ""


def _code(value: str) -> str:
    return value.strip().upper()


def _event_where(where: EventFilter) -> _Where:
    sql = _Where()
    if not where.include_duplicates:
        sql.add("duplicate_of IS NULL")
    if where.actor:
        sql.contains(("source_name", "source_text", "target_name", "target_text"), where.actor)
    if where.country:
        sql.add("(source_country = ? OR target_country = ?)", *[_code(where.country)] * 2)
    if where.sector:
        sql.add("(source_sector = ? OR target_sector = ?)", *[_code(where.sector)] * 2)
    if where.dyad:
        source, target = (_code(side) for side in where.dyad)
        sql.add("((source_country = ? OR source_code = ?) AND (target_country = ? OR target_code = ?))", source, source, target, target)
    if where.cameo:
        sql.add("starts_with(cameo, ?)", where.cameo)
    if where.plover:
        sql.add("plover = ?", _code(where.plover))
    if where.quad_class is not None:
        sql.add("quad_class = ?", where.quad_class)
    _dates(sql, where.since, where.until)
    if where.place:
        sql.contains(("location_name", "location_text"), where.place, equal=("location_country",), code=_code(where.place))
    if where.text:
        sql.contains(("sentence",), where.text)
    if where.outlet:
        sql.add("article_id IN (SELECT article_id FROM articles WHERE contains(lower(source), ?))", where.outlet.lower())
    return sql


def _figure_where(where: FigureFilter) -> _Where:
    sql = _Where()
    if not where.include_duplicates:
        sql.add("duplicate_of IS NULL")
    if where.category:
        sql.add("category = ?", where.category.lower())
    if where.place:
        sql.contains(("location_name", "location_text"), where.place, equal=("location_country",), code=_code(where.place))
    if where.subject:
        sql.contains(("subject_name", "subject_text"), where.subject, equal=("subject_country",), code=_code(where.subject))
    if where.source:
        sql.contains(
            ("attribution_actor_name", "attribution_actor_text", "attribution_text"), where.source,
            equal=("attribution_actor_country",), code=_code(where.source),
        )  # fmt: skip
    _dates(sql, where.since, where.until)
    return sql


def _dates(sql: _Where, since: dt.date | None, until: dt.date | None) -> None:
    if since is not None:
        sql.add("date >= ?", since)
    if until is not None:
        sql.add("date <= ?", until)


def _limit(limit: int | None) -> tuple[str, list[Any]]:
    if limit is None:
        return "", []
    if limit < 0:
        raise UsageError(f"limit {limit} is negative", fix="give 0 or more rows")
    return " LIMIT ?", [limit]


def _first(table: str, where_sql: str, order: str, limit_sql: str) -> str:
    """SELECT every column of the rows of `table` that `where_sql` keeps, in `order`, the first
    few when limited. The first few are found on their row ids alone and only they are read
    whole: sorting a million wide rows to keep fifty costs several times more."""
    if not limit_sql:
        return f"SELECT * FROM {table}{where_sql} ORDER BY {order}"
    return f"SELECT * FROM {table} WHERE rowid IN (SELECT rowid FROM {table}{where_sql} ORDER BY {order}{limit_sql}) ORDER BY {order}"


def _period(period: str) -> str:
    if period not in PERIODS:
        raise UnknownNameError("period", period, list(PERIODS))
    return period


def _dicts(cursor: duckdb.DuckDBPyConnection, batch: int = 10_000) -> Iterator[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    while True:
        with collection_paused():
            rows = [dict(zip(names, row)) for row in cursor.fetchmany(batch)]
        if not rows:
            return
        yield from rows


# ---- events ----------------------------------------------------------------------------------


def iter_events(connection: duckdb.DuckDBPyConnection, where: EventFilter, *, limit: int | None = None, order: str = "date") -> Iterator[dict[str, Any]]:
    """The matching rows of the `events` table (every column, `story_id` included), a few
    thousand at a time: for writing out stores too big to hold in memory."""
    if order not in EVENT_ORDERS:
        raise UnknownNameError("event order", order, list(EVENT_ORDERS))
    conditions = _event_where(where)
    limit_sql, limit_parameters = _limit(limit)
    cursor = connection.cursor()  # its own cursor: other queries may run while this one is read
    try:
        cursor.execute(_first("events", conditions.clause(), EVENT_ORDERS[order], limit_sql), conditions.parameters + limit_parameters)
        yield from _dicts(cursor)
    finally:
        cursor.close()


def find_events(connection: duckdb.DuckDBPyConnection, where: EventFilter, *, limit: int | None = None, order: str = "date") -> list[dict[str, Any]]:
    """The matching rows of the `events` table, oldest first (`order="-date"` newest first,
    `"article"` article by article in text order); at most `limit`."""
    return list(iter_events(connection, where, limit=limit, order=order))


def count_events(connection: duckdb.DuckDBPyConnection, where: EventFilter) -> int:
    """How many events match."""
    conditions = _event_where(where)
    return connection.execute(f"SELECT count(*) FROM events{conditions.clause()}", conditions.parameters).fetchone()[0]


def find_stories(connection: duckdb.DuckDBPyConnection, where: EventFilter, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Rows of the `stories` table with at least one matching event, earliest first. Their
    counts (mentions, articles, reports, sources) are the story's, copies included."""
    conditions = _event_where(where)
    limit_sql, limit_parameters = _limit(limit)
    matching = f" WHERE story_id IN (SELECT story_id FROM events{conditions.clause()})"
    query = _first("stories", matching, "first_date NULLS LAST, rowid", limit_sql)
    return list(_dicts(connection.execute(query, conditions.parameters + limit_parameters)))


def event_counts(connection: duckdb.DuckDBPyConnection, where: EventFilter, period: str) -> list[dict[str, Any]]:
    """Matching events per period (`period`: its first day) and quad class, in time order.
    Events without a date are not counted."""
    conditions = _event_where(where)
    query = (
        f"SELECT CAST(date_trunc(?, date) AS DATE) AS period, quad_class, count(*) AS events "
        f"FROM events{conditions.clause('date IS NOT NULL')} GROUP BY ALL ORDER BY period, quad_class NULLS LAST"
    )
    return list(_dicts(connection.execute(query, [_period(period)] + conditions.parameters)))


def goldstein_series(connection: duckdb.DuckDBPyConnection, where: EventFilter, period: str) -> list[dict[str, Any]]:
    """Mean Goldstein score of the matching events per period, and how many events it
    averages, in time order. Events without a date are left out."""
    conditions = _event_where(where)
    query = (
        f"SELECT CAST(date_trunc(?, date) AS DATE) AS period, avg(goldstein) AS goldstein, count(*) AS events "
        f"FROM events{conditions.clause('date IS NOT NULL')} GROUP BY ALL ORDER BY period"
    )
    return list(_dicts(connection.execute(query, [_period(period)] + conditions.parameters)))


def dyad_matrix(connection: duckdb.DuckDBPyConnection, where: EventFilter, *, top: int = 10) -> list[dict[str, Any]]:
    """Matching events from each source to each target, by country (the actor code when the
    country is unknown), among the `top` countries most active on either side; busiest pairs
    first. Events without a known source or target are left out."""
    if top < 1:
        raise UsageError(f"top {top} is less than 1", fix="give how many countries to show, e.g. 10")
    conditions = _event_where(where)
    query = f"""
        WITH pairs AS (
            SELECT coalesce(source_country, source_code) AS source, coalesce(target_country, target_code) AS target, count(*) AS events
            FROM events{conditions.clause("coalesce(source_country, source_code) IS NOT NULL", "coalesce(target_country, target_code) IS NOT NULL")}
            GROUP BY ALL
        ), busiest AS (
            SELECT side FROM (SELECT source AS side, events FROM pairs UNION ALL SELECT target, events FROM pairs)
            GROUP BY side ORDER BY sum(events) DESC, side LIMIT ?
        )
        SELECT source, target, events FROM pairs
        WHERE source IN (SELECT side FROM busiest) AND target IN (SELECT side FROM busiest)
        ORDER BY events DESC, source, target"""
    return list(_dicts(connection.execute(query, conditions.parameters + [top])))


# ---- figures ---------------------------------------------------------------------------------


def find_figures(connection: duckdb.DuckDBPyConnection, where: FigureFilter, *, limit: int | None = None) -> list[dict[str, Any]]:
    """The matching rows of the `figures` table, oldest first, article by article in text order."""
    conditions = _figure_where(where)
    limit_sql, limit_parameters = _limit(limit)
    query = _first("figures", conditions.clause(), "date NULLS LAST, rowid", limit_sql)
    return list(_dicts(connection.execute(query, conditions.parameters + limit_parameters)))


def compare_figures(connection: duckdb.DuckDBPyConnection, where: FigureFilter) -> list[dict[str, Any]]:
    """What each source reported, side by side: one row per category, place (its name, else
    its country) and date, whose `reports` hold one entry per source — {source, value, low,
    high, qualifier, article_id, articles} — highest value first. A source that gave several
    values there that day is represented by its highest (and the first article, by id, giving
    it); `articles` counts the articles in which it reported that category there that day."""
    conditions = _figure_where(where)
    query = f"""
        WITH reports AS (
            SELECT category, {FIGURE_PLACE} AS place, date, {FIGURE_SOURCE} AS source,
                   arg_min({{'value': value, 'low': low, 'high': high, 'qualifier': qualifier, 'article_id': article_id}},
                           {{'amount': -coalesce(value, high, low), 'article_id': article_id, 'figure': rowid}}) AS report,
                   count(DISTINCT article_id) AS articles
            FROM figures{conditions.clause()}
            GROUP BY ALL
        )
        SELECT category, place, date,
               list({{'source': source, 'value': report.value, 'low': report.low, 'high': report.high,
                      'qualifier': report.qualifier, 'article_id': report.article_id, 'articles': articles}}
                    ORDER BY coalesce(report.value, report.high, report.low) DESC NULLS LAST, source) AS reports
        FROM reports
        GROUP BY category, place, date
        ORDER BY category, place NULLS LAST, date NULLS LAST"""
    return list(_dicts(connection.execute(query, conditions.parameters)))


def figure_series(connection: duckdb.DuckDBPyConnection, where: FigureFilter) -> list[dict[str, Any]]:
    """The highest value each source reported per day and category, in time order: reported
    tolls by source, ready for a line plot. Figures without a date or a value are left out."""
    conditions = _figure_where(where)
    query = (
        f"SELECT date, {FIGURE_SOURCE} AS source, category, max(value) AS value "
        f"FROM figures{conditions.clause('date IS NOT NULL', 'value IS NOT NULL')} GROUP BY ALL ORDER BY date, category, source"
    )
    return list(_dicts(connection.execute(query, conditions.parameters)))
