"""The pentaclass set: one sentence, one class 0-4; petrel's class is that of its most confident event."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from petrel.evaluation.datasets import PENTA_CLASSES, PentaclassSentence
from petrel.evaluation.report import EvalError, EvalReport, describe_event
from petrel.evaluation.scoring import class_scores, confusion_matrix, macro_f1, token_f1
from petrel.records import Event

_SPAN_ROLES = {"source": ("S", "R"), "target": ("T", "R")}
_COORDINATION = re.compile(r"(?:\s|,|;|&|\band\b|\bor\b)*")  # what may stand between coordinated actors


def main_event(events: Sequence[Event]) -> Event | None:
    """The event that decides a sentence's class: highest confidence, then the earliest trigger."""
    return min(events, key=lambda e: (-e.confidence, e.trigger.start), default=None)


def score_pentaclass(
    dataset: str, path: str, sentences: Sequence[PentaclassSentence], events: Sequence[Sequence[Event]], error_limit: int = 25,
) -> EvalReport:
    chosen = [main_event(found) for found in events]
    predicted = [str(e.penta_class) if e is not None and e.penta_class is not None else None for e in chosen]
    gold = [s.label for s in sentences]
    classes = class_scores(gold, predicted, PENTA_CLASSES)
    metrics = {
        "macro_f1": macro_f1(classes),
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0,
        "no_event_share": sum(p is None for p in predicted) / len(gold) if gold else 0.0,
    }
    metrics.update(_span_scores(sentences, chosen, events))
    wrong = [(s, e, p) for s, e, p in zip(sentences, chosen, predicted) if p != s.label]
    patterns = Counter(_pattern(s.label, e, p) for s, e, p in wrong)
    wrong.sort(key=lambda item: -(item[1].confidence if item[1] is not None else -1.0))
    errors = [
        EvalError(s.id, s.text, s.label, p or "no event", **describe_event(e)) for s, e, p in wrong[:error_limit]
    ]
    return EvalReport(
        dataset, path, len(sentences), metrics, classes, list(PENTA_CLASSES),
        confusion_matrix(gold, predicted, PENTA_CLASSES), patterns.most_common(15), errors,
    )


def _pattern(gold: str, event: Event | None, predicted: str | None) -> str:
    if event is None:
        return f"{gold} -> no event"
    return f"{gold} -> {predicted} by {event.evidence.get('rule')}"


def event_actors_text(event: Event, events: Sequence[Event], role: str, text: str | None = None) -> str | None:
    """The words of the main event's source (or target): of every record petrel made of the same
    trigger, since coordinated actors ("Syria and Israel") give one record per pair. Given the
    article `text`, actors the text coordinates are read as the one phrase that names them
    ("Syria and Israel", not "Syria Israel")."""
    actors = []
    for other in events:
        actor = getattr(other, role)
        if other.trigger == event.trigger and actor is not None and all(actor.text != a.text for a in actors):
            actors.append(actor)
    if text is None or not actors:
        return " ".join(actor.text for actor in actors) or None
    runs: list[list[int]] = []
    for actor in sorted(actors, key=lambda a: a.start):
        if runs and runs[-1][1] <= actor.start and _COORDINATION.fullmatch(text[runs[-1][1] : actor.start]):
            runs[-1][1] = max(runs[-1][1], actor.end)
        else:
            runs.append([actor.start, actor.end])
    return " ".join(text[start:end] for start, end in runs)


def _span_scores(sentences: Sequence[PentaclassSentence], chosen: Sequence[Event | None],
                 events: Sequence[Sequence[Event]]) -> dict[str, float]:
    """Mean token F1 of the main event's source/target words against the gold S/T (or R) span."""
    scores = {}
    for role, tags in _SPAN_ROLES.items():
        values = []
        for sentence, event, found in zip(sentences, chosen, events):
            gold = next((sentence.spans[tag] for tag in tags if tag in sentence.spans), None)
            if gold is None:
                continue
            words = event_actors_text(event, found, role, sentence.text) if event is not None else None
            values.append(token_f1(gold, words))
        if values:
            scores[f"{role}_span_f1"] = sum(values) / len(values)
    return scores
