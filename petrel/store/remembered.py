"""What a store remembers besides records: the people it has met, the places it has seen.

People are remembered from actor objects of kind `person` that carry a name and a country —
that is, people petrel resolved from a titled mention ("Egyptian President Abdel-Fattah
al-Sisi") or its own tables, never from a bare name (which stays `country: null`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from petrel.store.stories import place_key

_EVENT_ACTORS = ("source_", "target_", "attribution_actor_")
_FIGURE_ACTORS = ("subject_", "attribution_actor_")


def actor_rows(
    event_rows: list[dict[str, Any]], figure_rows: list[dict[str, Any]], published: dict[str, dt.date | None]
) -> list[dict[str, Any]]:
    """One row per person named in these records (rows of the flat layout), with counts."""
    people: dict[str, dict[str, Any]] = {}
    mentions = [(row, prefix) for row in event_rows for prefix in _EVENT_ACTORS]
    mentions += [(row, prefix) for row in figure_rows for prefix in _FIGURE_ACTORS]
    for row, prefix in mentions:
        name, country = row.get(f"{prefix}name"), row.get(f"{prefix}country")
        if row.get(f"{prefix}kind") != "person" or not name or not country:
            continue
        day = row.get("date") or published.get(row["article_id"])
        person = people.setdefault(
            name,
            {"name": name, "country": country, "sector": None, "code": None, "mention": None,
             "first_seen": day, "last_seen": day, "mentions": 0},
        )  # fmt: skip
        person["sector"] = row.get(f"{prefix}sector") or person["sector"]
        person["code"] = row.get(f"{prefix}code") or person["code"]
        words = row.get(f"{prefix}text") or ""
        if len(words) > len(person["mention"] or ""):
            person["mention"] = words  # the fullest mention: "Egyptian President Abdel-Fattah al-Sisi"
        person["first_seen"] = _earliest(person["first_seen"], day)
        person["last_seen"] = _latest(person["last_seen"], day)
        person["mentions"] += 1
    return list(people.values())


def place_rows(record_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per distinct place these records are located in, with a count of records."""
    places: dict[str, dict[str, Any]] = {}
    for row in record_rows:
        key = place_key(row)
        if key is None:
            continue
        place = places.setdefault(
            key,
            {"place_key": key, "name": row.get("location_name") or row.get("location_text"),
             "country": row.get("location_country"), "admin1": row.get("location_admin1"),
             "lat": row.get("location_lat"), "lon": row.get("location_lon"),
             "geonames_id": row.get("location_geonames_id"), "feature": row.get("location_feature"), "records": 0},
        )  # fmt: skip
        place["records"] += 1
    return list(places.values())


def _earliest(first: dt.date | None, second: dt.date | None) -> dt.date | None:
    return min(day for day in (first, second) if day is not None) if first or second else None


def _latest(first: dt.date | None, second: dt.date | None) -> dt.date | None:
    return max(day for day in (first, second) if day is not None) if first or second else None
