"""Stories: one real-world event, however many sentences, articles and outlets report it.

Two event mentions belong to one story when they share the event type (CAMEO root), the
source and the target (by actor code, else by name or words), their places agree (equal, or
one of them has none), and the mention's date lies within STORY_WINDOW_DAYS of the story's
first date. The window is anchored on the first date, not on the latest mention, so that a
daily series of strikes by the same side on the same town stays a series of stories instead
of chaining into one story a month long.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

STORY_WINDOW_DAYS = 2


def _identity(code: Any, name: Any, text: Any) -> str:
    return str(code or name or text or "").lower()


def story_key(row: dict[str, Any]) -> str:
    """What mentions of one story share exactly: event type, source and target."""
    source = _identity(row.get("source_code"), row.get("source_name"), row.get("source_text"))
    target = _identity(row.get("target_code"), row.get("target_name"), row.get("target_text"))
    return f"{row.get('cameo_root') or ''}|{source}|{target}"


def place_key(row: dict[str, Any], prefix: str = "location_") -> str | None:
    """The identity of a record's place: its GeoNames id, else its name and country."""
    geonames_id = row.get(f"{prefix}geonames_id")
    if geonames_id is not None:
        return str(geonames_id)
    name = row.get(f"{prefix}name") or row.get(f"{prefix}text")
    if not name:
        return None
    return f"{str(name).lower()}|{row.get(f'{prefix}country') or ''}"


# place_key() in SQL, over the flat location columns of an events or figures table.
PLACE_KEY_SQL = """CASE WHEN location_geonames_id IS NOT NULL THEN CAST(location_geonames_id AS VARCHAR)
    WHEN coalesce(nullif(location_name, ''), nullif(location_text, '')) IS NOT NULL
    THEN lower(coalesce(nullif(location_name, ''), location_text)) || '|' || coalesce(location_country, '') END"""


@dataclass
class StoryAnchor:
    """What a new mention is compared with: a story's first date and place."""

    story_id: str
    date: dt.date | None
    place: str | None


def _joins(anchor: StoryAnchor, day: dt.date | None, place: str | None) -> bool:
    if anchor.place is not None and place is not None and anchor.place != place:
        return False
    if anchor.date is None or day is None:
        return anchor.date is None and day is None
    return abs((day - anchor.date).days) <= STORY_WINDOW_DAYS


@dataclass
class StoryIndex:
    """The stories mentions may join, by key and first date; new stories are added as they open."""

    anchors: dict[str, dict[dt.date | None, list[StoryAnchor]]] = field(default_factory=dict)
    opened: list[tuple[str, dict[str, Any], dt.date | None]] = field(default_factory=list)

    def add(self, key: str, anchor: StoryAnchor) -> None:
        self.anchors.setdefault(key, {}).setdefault(anchor.date, []).append(anchor)

    def _near(self, key: str, day: dt.date | None) -> list[StoryAnchor]:
        by_day = self.anchors.get(key, {})
        if day is None:
            return by_day.get(None, [])
        window = range(-STORY_WINDOW_DAYS, STORY_WINDOW_DAYS + 1)
        return [anchor for shift in window for anchor in by_day.get(day + dt.timedelta(days=shift), [])]

    def assign(self, row: dict[str, Any], day: dt.date | None) -> str:
        """The story of one event mention: an existing one it joins, else a new one it opens."""
        key = story_key(row)
        place = place_key(row)
        candidates = [anchor for anchor in self._near(key, day) if _joins(anchor, day, place)]
        if candidates:
            best = min(candidates, key=lambda anchor: _distance(anchor.date, day))
            if best.place is None and place is not None:
                best.place = place  # a story first reported without a place takes the first one given
            return best.story_id
        story_id = row["event_id"]
        self.add(key, StoryAnchor(story_id, day, place))
        self.opened.append((key, row, day))
        return story_id


def _distance(first: dt.date | None, second: dt.date | None) -> int:
    return 0 if first is None or second is None else abs((first - second).days)
