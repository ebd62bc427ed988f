"""Stories: one real-world event, however many sentences, articles and outlets report it.

Two event mentions belong to one story when they share the event type (CAMEO root), the
source and the target (by actor code, else by name or words), their places agree (equal, or
one of them has none), and the mention's date lies within STORY_WINDOW_DAYS of the story's
first date. The window is anchored on the first date, not on the latest mention, so that a
daily series of strikes by the same side on the same town stays a series of stories instead
of chaining into one story a month long.

The keys are SQL expressions over the flat columns of an events table (computed by DuckDB for
a whole batch at once); which story a mention joins depends on the mentions before it, so
that step is Python (`StoryIndex`), over days counted as integers.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


STORY_WINDOW_DAYS = 2


def _identity_sql(prefix: str) -> str:
    return f"lower(coalesce(nullif({prefix}code, ''), nullif({prefix}name, ''), nullif({prefix}text, ''), ''))"


# What mentions of one story share exactly: event type, source and target.
STORY_KEY_SQL = f"coalesce(cameo_root, '') || '|' || {_identity_sql('source_')} || '|' || {_identity_sql('target_')}"

# The identity of a record's place: its GeoNames id, else its name and country.
PLACE_KEY_SQL = """CASE WHEN location_geonames_id IS NOT NULL THEN CAST(location_geonames_id AS VARCHAR)
    WHEN coalesce(nullif(location_name, ''), nullif(location_text, '')) IS NOT NULL
    THEN lower(coalesce(nullif(location_name, ''), location_text)) || '|' || coalesce(location_country, '') END"""

# What an event of a near-duplicate copy shares with the same event in its original.
MENTION_KEY_SQL = (
    "coalesce(cameo, '') || '|' || coalesce(source_code, '') || '|' || coalesce(target_code, '') || '|' "
    "|| lower(coalesce(trigger_text, ''))"
)

# Nearest days first; at equal distance the earlier day (as min() over the window would pick).
_WINDOW = sorted(range(-STORY_WINDOW_DAYS, STORY_WINDOW_DAYS + 1), key=lambda shift: (abs(shift), shift))


@dataclass(slots=True)
class StoryAnchor:
    """What a new mention is compared with: a story's first day and place."""

    story_id: str
    day: int | None  # days since 1970-01-01
    place: str | None


@dataclass
class StoryIndex:
    """The stories mentions may join, by key and first day; new stories are added as they open."""

    anchors: dict[tuple[str, int | None], list[StoryAnchor]] = field(default_factory=dict)

    def add(self, key: str, anchor: StoryAnchor) -> None:
        # in story-id order, as stored stories are read: where two stories of one key and day
        # could take a mention, the choice is the same whether they were opened in this process
        # or read back from the store
        bisect.insort(self.anchors.setdefault((key, anchor.day), []), anchor, key=lambda a: a.story_id)

    def assign(self, event_id: str, key: str, day: int | None, place: str | None) -> str:
        """The story of one event mention: the nearest existing one it joins, else a new one it opens."""
        shifts = _WINDOW if day is not None else (0,)
        for shift in shifts:
            for anchor in self.anchors.get((key, None if day is None else day + shift), ()):
                if anchor.place is not None and place is not None and anchor.place != place:
                    continue
                if anchor.place is None and place is not None:
                    anchor.place = place  # a story first reported without a place takes the first one given
                return anchor.story_id
        self.add(key, StoryAnchor(event_id, day, place))
        return event_id
