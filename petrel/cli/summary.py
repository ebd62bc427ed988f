"""The readable summary of a run: a table of events for people at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from petrel.records import Actor, Event

MAX_ROWS = 40


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    code = actor.code or "?"
    return f"{actor.name or actor.text} ({code})"


def _evidence(event: Event, width: int = 60) -> str:
    """The trigger in its sentence, cut to a window around it."""
    sentence = event.sentence
    at = sentence.find(event.trigger.text)
    start = max(0, at - width // 3) if at >= 0 else 0
    window = sentence[start : start + width]
    return ("\u2026" if start else "") + window + ("\u2026" if start + width < len(sentence) else "")


def events_table(events: list[Event], max_rows: int = MAX_ROWS) -> Table:
    """Date, source, event type, target and evidence of each event, in text order."""
    table = Table(title=f"{len(events)} events", expand=True)
    table.add_column("date", style="dim", no_wrap=True)
    table.add_column("source", style="cyan", ratio=2)
    table.add_column("event", style="bold", no_wrap=True)
    table.add_column("target", style="magenta", ratio=2)
    table.add_column("evidence", ratio=4)
    for event in events[:max_rows]:
        kind = f"{event.plover or '-'} {event.cameo}" + (" not" if event.negated else "")
        table.add_row(str(event.date or "-"), _actor(event.source), kind, _actor(event.target), _evidence(event))
    if len(events) > max_rows:
        table.caption = f"first {max_rows} of {len(events)} shown; all are in the output file"
    return table


def print_summary(events: list[Event], articles: int, figures: int, destination: str, console: Console) -> None:
    console.print(events_table(events))
    console.print(f"{articles} articles coded: {len(events)} events, {figures} figures written to {destination}")
