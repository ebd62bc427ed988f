"""What the event tests share: `the_event`, the one event of a CAMEO code among those coded."""

from __future__ import annotations

from petrel.records import Event


def the_event(events: list[Event], cameo: str) -> Event:
    """The only event with this CAMEO code (the failure lists what was coded instead)."""
    found = [e for e in events if e.cameo == cameo]
    assert len(found) == 1, [(e.cameo, e.trigger.text, e.source and e.source.text) for e in events]
    return found[0]
