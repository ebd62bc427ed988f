"""What a store remembers besides records: the people it has met, the places it has seen.

People are remembered from actor objects of kind `person` that carry a name and a country —
that is, people petrel resolved from a titled mention ("Egyptian President Abdel-Fattah
al-Sisi") or its own tables, never from a bare name (which stays `country: null`).
Both read a batch's records from the Arrow tables petrel.store.ingest registers for them
(`petrel_batch_events`, `petrel_batch_figures`, `petrel_batch_articles`).
"""

from __future__ import annotations

import duckdb

from petrel.store.stories import PLACE_KEY_SQL

_ACTORS_OF = {"petrel_batch_events": ("source_", "target_", "attribution_actor_"),
              "petrel_batch_figures": ("subject_", "attribution_actor_")}  # fmt: skip


def _person_mentions() -> str:
    parts = [
        f"""SELECT r.{p}name AS name, r.{p}country AS country, r.{p}sector AS sector, r.{p}code AS code,
                   r.{p}text AS mention, coalesce(r.date, a.published) AS day
            FROM {table} r JOIN petrel_batch_articles a USING (article_id)
            WHERE r.{p}kind = 'person' AND r.{p}name IS NOT NULL AND r.{p}country IS NOT NULL"""
        for table, prefixes in _ACTORS_OF.items()
        for p in prefixes
    ]
    return "\nUNION ALL\n".join(parts)


def remember_people(connection: duckdb.DuckDBPyConnection) -> None:
    """Add the batch's named people to `actors`, or update what the store knew of them."""
    connection.execute(
        f"""INSERT INTO actors
            SELECT name, any_value(country), any_value(sector), any_value(code),
                   arg_max(mention, length(mention)), min(day), max(day), count(*)
            FROM ({_person_mentions()}) GROUP BY name
            ON CONFLICT (name) DO UPDATE SET
                country = coalesce(actors.country, excluded.country),
                sector = coalesce(excluded.sector, actors.sector),
                code = coalesce(excluded.code, actors.code),
                mention = CASE WHEN length(excluded.mention) > length(actors.mention)
                               THEN excluded.mention ELSE actors.mention END,
                first_seen = least(actors.first_seen, excluded.first_seen),
                last_seen = greatest(actors.last_seen, excluded.last_seen),
                mentions = actors.mentions + excluded.mentions"""
    )


def remember_places(connection: duckdb.DuckDBPyConnection) -> None:
    """Add the places the batch's records are located in to `places`, counting records."""
    located = "\nUNION ALL\n".join(
        f"""SELECT {PLACE_KEY_SQL} AS place_key, coalesce(location_name, location_text) AS name,
                   location_country AS country, location_admin1 AS admin1, location_lat AS lat, location_lon AS lon,
                   location_geonames_id AS geonames_id, location_feature AS feature
            FROM {table}"""
        for table in _ACTORS_OF
    )
    connection.execute(
        f"""INSERT INTO places
            SELECT place_key, any_value(name), any_value(country), any_value(admin1), any_value(lat),
                   any_value(lon), any_value(geonames_id), any_value(feature), count(*)
            FROM ({located}) WHERE place_key IS NOT NULL GROUP BY place_key
            ON CONFLICT (place_key) DO UPDATE SET records = places.records + excluded.records"""
    )
