"""`petrel actors`: resolve actor mentions as petrel would in news, and say why."""

from __future__ import annotations

import json
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from petrel.cli.code_command import parse_date


class ActorsFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


def actors_command(
    texts: list[str] = typer.Argument(..., help="Mentions as they appear in news, e.g. \"Kenyan President William Ruto\" \"the Kremlin\"."),
    format: ActorsFormat = typer.Option(ActorsFormat.text, "--format", "-f", help="text (with reasons) or jsonl: one actor object or null per input, in order."),
    date_: Optional[str] = typer.Option(None, "--date", help="Resolve dated codes (from imported dictionaries or actor files) as on this day, YYYY-MM-DD."),
    actors: list[Path] = typer.Option([], "--actors", help="Your own actor files (YAML) or PETRARCH actor dictionaries, as for `petrel code`."),
    agents: list[Path] = typer.Option([], "--agents", help="PETRARCH agent dictionaries, as for `petrel code`."),
) -> None:
    """Resolve actor mentions (country, sector, code, kind, name) and explain each resolution."""
    from petrel.extract.mentions import resolve_mentions  # loads spaCy: only when this command runs
    from petrel.pipeline import ExtraKnowledge

    results = resolve_mentions(texts, parse_date(date_), ExtraKnowledge(actors=tuple(actors), agents=tuple(agents)))
    if format is ActorsFormat.jsonl:
        for actor, _ in results:
            typer.echo(json.dumps(actor.model_dump(mode="json") if actor is not None else None, ensure_ascii=False))
        return
    console = Console(highlight=False)
    for text, (actor, reasons) in zip(texts, results):
        if actor is None:
            console.print(f"[bold]{text}[/bold] -> no actor", markup=True)
        else:
            fields = ", ".join(f"{k} {v}" for k, v in (("code", actor.code), ("country", actor.country), ("sector", actor.sector),
                                                      ("kind", actor.kind), ("name", actor.name)) if v)
            console.print(f"[bold]{text}[/bold] -> {fields}", markup=True)
        for reason in reasons:
            console.print(f"    {reason}", markup=False)
