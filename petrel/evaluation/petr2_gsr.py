"""The PETRARCH-2 validation set: (source country, target country, CAMEO root) triples per sentence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from petrel.evaluation.datasets import CodedSentence
from petrel.evaluation.report import EvalError, EvalReport, describe_event
from petrel.evaluation.scoring import ClassScore, set_score
from petrel.records import Actor, Event

UNKNOWN_COUNTRY = "---"  # PETRARCH's spelling of an actor whose country is not known


def actor_country(actor: Actor | None) -> str:
    return actor.country[:3] if actor is not None and actor.country else UNKNOWN_COUNTRY


def gold_country(code: str) -> str:
    return code[:3] if code else UNKNOWN_COUNTRY


def coded_events(events: Sequence[Event]) -> list[Event]:
    """The events a PETRARCH-style coding can hold: not negated (they say something did not
    happen), and with at least one actor (PETRARCH codes no event without one; petrel still
    outputs them, with lower confidence). A mention petrel knows nothing of is not an actor here."""
    return [event for event in events if not event.negated and (_known(event.source) or _known(event.target))]


def _known(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.code or actor.country or actor.sector)


def _triples(sentence: CodedSentence, events: Sequence[Event], exact: bool) -> tuple[set, set]:
    gold = {(gold_country(c.source), gold_country(c.target), c.code if exact else c.code[:2]) for c in sentence.codings}
    predicted = {
        (actor_country(e.source), actor_country(e.target), e.cameo if exact else e.cameo_root) for e in coded_events(events)
    }
    return gold, predicted


def _matched_by_root(sentence: CodedSentence, events: Sequence[Event]) -> list[tuple]:
    """Pairs (gold coding, event) with the same CAMEO root, each used once, best actor fit first."""
    pairs, used = [], set()
    for gold in sentence.codings:
        candidates = [e for e in coded_events(events) if e.cameo_root == gold.code[:2] and id(e) not in used]
        if not candidates:
            continue
        best = max(candidates, key=lambda e: (gold_country(gold.source) == actor_country(e.source))
                   + (gold_country(gold.target) == actor_country(e.target)))
        used.add(id(best))
        pairs.append((gold, best))
    return pairs


def score_petr2_gsr(
    dataset: str, path: str, sentences: Sequence[CodedSentence], events: Sequence[Sequence[Event]], error_limit: int = 25,
) -> EvalReport:
    root = set_score(_triples(s, e, exact=False) for s, e in zip(sentences, events))
    exact = set_score(_triples(s, e, exact=True) for s, e in zip(sentences, events))
    roots_only = set_score(
        ({c.code[:2] for c in s.codings}, {e.cameo_root for e in coded_events(found)}) for s, found in zip(sentences, events)
    )
    matched = [pair for s, found in zip(sentences, events) for pair in _matched_by_root(s, found)]
    with_events = [found for s, found in zip(sentences, events) if s.codings]
    metrics = {
        "root_f1": root.f1, "root_precision": root.precision, "root_recall": root.recall,
        "code_f1": exact.f1, "root_only_f1": roots_only.f1,
        # of events whose root matches a gold coding: how often source and target countries agree
        "actor_country_accuracy": (
            sum((gold_country(g.source) == actor_country(e.source)) + (gold_country(g.target) == actor_country(e.target)) for g, e in matched)
            / (2 * len(matched)) if matched else 0.0
        ),
        "events_matched_by_root": float(len(matched)),
        # of sentences with a gold event: none coded with a known actor / no event at all
        "no_event_share": sum(not coded_events(found) for found in with_events) / len(with_events) if with_events else 0.0,
        "no_event_at_all_share": sum(not found for found in with_events) / len(with_events) if with_events else 0.0,
    }
    classes = [ClassScore(name, s.precision, s.recall, s.f1, s.gold) for name, s in
               (("root triples", root), ("code triples", exact), ("roots only", roots_only))]
    errors, patterns = [], Counter()
    for sentence, found in zip(sentences, events):
        gold, predicted = _triples(sentence, found, exact=False)
        if gold == predicted:
            continue
        patterns[_pattern(gold, predicted)] += 1
        if len(errors) < error_limit:
            top = max(coded_events(found), key=lambda e: e.confidence, default=None)
            errors.append(EvalError(sentence.id, sentence.text, _show(gold), _show(predicted), **describe_event(top)))
    return EvalReport(dataset, path, len(sentences), metrics, classes, error_patterns=patterns.most_common(15), errors=errors)


def _show(triples: set) -> str:
    return "; ".join(f"{s}->{t} {code}" for s, t, code in sorted(triples)) or "no event"


def _pattern(gold: set, predicted: set) -> str:
    if not predicted:
        return "missed: no event"
    if not gold:
        return "invented: event in a sentence with none"
    if {t[2] for t in gold} & {t[2] for t in predicted}:
        return "right root, wrong actors"
    return "wrong root"
