"""The store's events in the column layout of ICEWS coded event data: 20 tab-separated
columns with a header, one row per event record. docs/exports.md explains every column."""

from __future__ import annotations

from pathlib import Path

import duckdb

from petrel.store.exports.layout import LayoutColumn, mapping_markdown, one_line, select_list, stable_id, write_tsv
from petrel.store.exports.lookups import CAMEO_NAMES, COUNTRIES, SECTOR_NAMES, registered_lookups

_INTERNATIONAL = "('IGO', 'NGO')"


def _country_name(code: str, names: str) -> str:
    # A code countries.tsv has no name for is written as it is rather than dropped.
    return f"CASE WHEN {code} NOT IN {_INTERNATIONAL} THEN coalesce({names}.name, {code}) END"


def _actor(side: str, title: str) -> tuple[LayoutColumn, ...]:
    alias = side[0]
    return (
        LayoutColumn(
            f"{title} Name", one_line(f"coalesce(e.{side}_name, e.{side}_text)"),
            f"the {side}'s canonical name (`{side}_name`: \"Hakan Fidan\"), else its words in the text (`{side}_text`)",
        ),
        LayoutColumn(
            f"{title} Sectors", f"{alias}s.names",
            f"`{side}_sector` in words, several joined by commas (`GOVMED` -> \"Government,Media\"); the words are listed below",
        ),
        LayoutColumn(
            f"{title} Country", _country_name(f"e.{side}_country", f"{alias}c"),
            f"the English name of `{side}_country` (`TUR` -> \"Turkey\"), from petrel/data/actors/countries.tsv; "
            "empty for `IGO`/`NGO` (international bodies have no country)",
        ),
    )


ICEWS_COLUMNS: tuple[LayoutColumn, ...] = (
    LayoutColumn(
        "Event ID", stable_id("e.event_id"),
        "an integer that is the same on every export: the first 15 hex digits of the MD5 of `event_id` read as "
        "a number (the GLOBALEVENTID of the same event in `--format gdelt --per-event`)",
    ),
    LayoutColumn("Event Date", "strftime(e.date, '%Y-%m-%d')", "`date` (YYYY-MM-DD): when the event happened; the publication date when the text says nothing more specific"),
    *_actor("source", "Source"),
    LayoutColumn("Event Text", "cn.name", "the name of the CAMEO code in petrel's ontology (petrel/data/ontology/cameo_codes.tsv)"),
    LayoutColumn("CAMEO Code", "e.cameo", "`cameo`, with its leading zero (`042`)"),
    LayoutColumn("Intensity", "e.goldstein", "`goldstein`: the Goldstein score of the CAMEO code"),
    *_actor("target", "Target"),
    LayoutColumn(
        "Story ID", one_line("e.article_id"),
        "`article_id`: an ICEWS story is the article an event was coded from. petrel's own `story_id` (one real-world "
        "event across articles) is another notion; it is GDELT's row. ICEWS story ids are numbers, petrel's article ids are text",
    ),
    LayoutColumn("Sentence Number", "e.sentence_index + 1", "`sentence_index` + 1: ICEWS counts sentences from 1"),
    LayoutColumn("Publisher", one_line("a.source"), "`articles.source`: the outlet, when the input gave one"),
    LayoutColumn("City", f"CASE WHEN e.location_feature = 'city' THEN {one_line('coalesce(e.location_name, e.location_text)')} END", "the place's name when it is a city (`location_feature` `city`), else empty"),
    LayoutColumn("District", "NULL::VARCHAR", "empty: petrel has no second-level divisions"),
    LayoutColumn("Province", one_line("e.location_admin1"), "`location_admin1`: the first-level division the place is in (or is)"),
    LayoutColumn("Country", _country_name("e.location_country", "pc"), "the English name of `location_country`, as for Source Country"),
    LayoutColumn("Latitude", "e.location_lat", "`location_lat`"),
    LayoutColumn("Longitude", "e.location_lon", "`location_lon`"),
)


def icews_query(*, include_duplicates: bool = False) -> str:
    """The SQL giving the ICEWS rows, in date order, then in text order (events without a date last)."""
    keep = "true" if include_duplicates else "e.duplicate_of IS NULL"
    return f"""
SELECT {select_list(ICEWS_COLUMNS)}
FROM events e
LEFT JOIN articles a USING (article_id)
LEFT JOIN {CAMEO_NAMES} cn ON cn.code = e.cameo
LEFT JOIN {SECTOR_NAMES} ss ON ss.sector = e.source_sector
LEFT JOIN {SECTOR_NAMES} ts ON ts.sector = e.target_sector
LEFT JOIN {COUNTRIES} sc ON sc.iso3 = e.source_country
LEFT JOIN {COUNTRIES} tc ON tc.iso3 = e.target_country
LEFT JOIN {COUNTRIES} pc ON pc.iso3 = e.location_country
WHERE {keep}
ORDER BY e.date NULLS LAST, e.article_id, e.sentence_index, e.trigger_start, e.event_id
"""


def export_icews(connection: duckdb.DuckDBPyConnection, path: Path, *, include_duplicates: bool = False) -> int:
    """Write the ICEWS layout, with its header line, to `path`; returns the number of rows."""
    with registered_lookups(connection):
        return write_tsv(connection, icews_query(include_duplicates=include_duplicates), path, header=True)


def icews_mapping_markdown() -> str:
    return mapping_markdown(ICEWS_COLUMNS)
