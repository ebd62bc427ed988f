"""Single actor mentions ("Kenyan President William Ruto", "the Kremlin") resolved on their own,
as `petrel actors` does: the actor and the reasons for it."""

from __future__ import annotations

from datetime import date

from petrel.extract.actors import ArticleActors
from petrel.pipeline import NO_EXTRA_KNOWLEDGE, ExtraKnowledge, default_coder
from petrel.records import Actor


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
