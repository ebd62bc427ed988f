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
from petrel.extract.actors import ArticleActors
from petrel.pipeline import NO_EXTRA_KNOWLEDGE, ExtraKnowledge, default_coder
from petrel.records import Actor


class ActorsFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


def resolve_mentions(texts: list[str], day: date | None = None, extra: ExtraKnowledge = NO_EXTRA_KNOWLEDGE) -> list[tuple[Actor | None, list[str]]]:
    """Each text read as one mention (the head of its longest noun phrase): its actor and the reasons."""
    coder = default_coder(extra)
    results = []
    for doc in coder.nlp.pipe(texts):
        actors = ArticleActors(doc, coder.actor_matcher.find(doc), day=day)
        head = mention_head(doc)
        if head is None:
            results.append((None, ["no words"]))
            continue
        results.append((actors.actor_for(head), actors.explain(head)))
    return results


def mention_head(doc) -> object | None:
    """The head of the longest noun phrase ("Kenyan President William Ruto" -> "Ruto"), or the root."""
    chunks = sorted(doc.noun_chunks, key=lambda chunk: (-len(chunk), chunk.start))
    if chunks:
        return chunks[0].root
    return next((token for token in doc if token.dep_ == "ROOT"), doc[0] if len(doc) else None)


def actors_command(
    texts: list[str] = typer.Argument(..., help="Mentions as they appear in news, e.g. \"Kenyan President William Ruto\" \"the Kremlin\"."),
    format: ActorsFormat = typer.Option(ActorsFormat.text, "--format", "-f", help="text (with reasons) or jsonl: one actor object or null per input, in order."),
    date_: Optional[str] = typer.Option(None, "--date", help="Resolve dated codes (from imported dictionaries or actor files) as on this day, YYYY-MM-DD."),
    actors: list[Path] = typer.Option([], "--actors", help="Your own actor files (YAML) or PETRARCH actor dictionaries, as for `petrel code`."),
    agents: list[Path] = typer.Option([], "--agents", help="PETRARCH agent dictionaries, as for `petrel code`."),
) -> None:
    """Resolve actor mentions (country, sector, code, kind, name) and explain each resolution."""
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
