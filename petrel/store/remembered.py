"""What a store remembers besides records: the people it has met, the places it has seen.

People are remembered from actor objects of kind `person` that carry a name and a country —
that is, people petrel resolved from a titled mention ("Egyptian President Abdel-Fattah
al-Sisi") or its own tables, never from a bare name (which stays `country: null`).
Both read a batch's articles from the Arrow table petrel.store.ingest registers for them
(`petrel_batch_articles`); places reads its records there too (`petrel_batch_events`,
`petrel_batch_figures`), people is given them.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from petrel.store.connection import registered
from petrel.store.stories import PLACE_KEY_SQL

_ACTORS_OF = {"events": ("source_", "target_", "attribution_actor_"), "figures": ("subject_", "attribution_actor_")}
_PERSON_COLUMNS = ("name", "country", "sector", "code", "text")


def _person_mentions(records: dict[str, pa.Table]) -> pa.Table:
    """Every actor of the batch's records that is a person with a name and a country: its
    columns, the record's article and date. Picked out with Arrow, so that SQL reads a table of
    a few rows once instead of every record table once per kind of actor."""
    parts = []
    for table_name, prefixes in _ACTORS_OF.items():
        table = records[table_name]
        for prefix in prefixes:
            named_person = pc.and_(
                pc.equal(table[f"{prefix}kind"], "person"),
                pc.and_(pc.is_valid(table[f"{prefix}name"]), pc.is_valid(table[f"{prefix}country"])),
            )
            found = table.filter(pc.fill_null(named_person, False))
            parts.append(
                pa.table(
                    [found[f"{prefix}{column}"] for column in _PERSON_COLUMNS] + [found["article_id"], found["date"]],
                    names=[*_PERSON_COLUMNS[:-1], "mention", "article_id", "date"],
                )
            )
    return pa.concat_tables(parts)


def remember_people(connection: duckdb.DuckDBPyConnection, events: pa.Table, figures: pa.Table) -> None:
    """Add the batch's named people to `actors`, or update what the store knew of them
    (`events`, `figures`: the batch's records in the store's flat columns)."""
    people = _person_mentions({"events": events, "figures": figures})
    if not len(people):
        return
    with registered(connection, "petrel_batch_people", people):
        connection.execute(
            """INSERT INTO actors
               SELECT r.name, any_value(r.country), any_value(r.sector), any_value(r.code),
                      arg_max(r.mention, length(r.mention)), min(coalesce(r.date, a.published)),
                      max(coalesce(r.date, a.published)), count(*)
               FROM petrel_batch_people r JOIN petrel_batch_articles a USING (article_id) GROUP BY r.name
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
        for table in ("petrel_batch_events", "petrel_batch_figures")
    )
    connection.execute(
        f"""INSERT INTO places
            SELECT place_key, any_value(name), any_value(country), any_value(admin1), any_value(lat),
                   any_value(lon), any_value(geonames_id), any_value(feature), count(*)
            FROM ({located}) WHERE place_key IS NOT NULL GROUP BY place_key
            ON CONFLICT (place_key) DO UPDATE SET records = places.records + excluded.records"""
    )
