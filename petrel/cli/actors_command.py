"""`petrel actors`: resolve actor mentions as petrel would in news, and say why."""

from __future__ import annotations

import json
from enum import Enum

import typer
from rich.console import Console

from petrel.extract.actors import ArticleActors
from petrel.records import Actor


class ActorsFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


def resolve_mentions(texts: list[str]) -> list[tuple[Actor | None, list[str]]]:
    """Each text read as one mention (the head of its longest noun phrase): its actor and the reasons."""
    from petrel.pipeline import default_coder

    coder = default_coder()
    results = []
    for doc in coder.nlp.pipe(texts):
        actors = ArticleActors(doc, coder.actor_matcher.find(doc))
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
) -> None:
    """Resolve actor mentions (country, sector, code, kind, name) and explain each resolution."""
    results = resolve_mentions(texts)
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
