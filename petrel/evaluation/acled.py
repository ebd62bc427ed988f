"""The ACLED set: each `notes` text is one article without a publication date; petrel's figures,
dates and places are compared with the coded fatalities, event date, country and location."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from petrel.evaluation.datasets import AcledEvent
from petrel.evaluation.report import EvalError, EvalReport
from petrel.records import Event, Figure, Place

Record = Event | Figure


def killed(records: Sequence[Record]) -> int:
    """Sum of the `killed` figures (0 when none), the way ACLED counts fatalities."""
    total = 0.0
    for record in records:
        if isinstance(record, Figure) and record.category == "killed":
            total += record.value if record.value is not None else (record.low or 0.0)
    return int(round(total))


def main_record(records: Sequence[Record]) -> Record | None:
    """What the note is about: an event of its first sentence that has any (a note leads with
    the event it codes), one told by a verb before one named by a noun ("protested against the
    invasion of Ukraine" is a protest), the most confident; else the first figure."""
    events = [r for r in records if isinstance(r, Event)]
    if events:
        lead = min(e.sentence_index for e in events)
        return min(
            (e for e in events if e.sentence_index == lead),
            key=lambda e: (e.evidence.get("trigger_kind") == "noun", -e.confidence, e.trigger.start),
        )
    return next((r for r in records if isinstance(r, Figure)), None)


def main_place(records: Sequence[Record]) -> Place | None:
    chosen = main_record(records)
    if chosen is not None and chosen.location is not None:
        return chosen.location
    return next((r.location for r in records if r.location is not None), None)


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and a.strip().lower() == b.strip().lower()


def score_acled(dataset: str, path: str, rows: Sequence[AcledEvent], records: Sequence[Sequence[Record]], error_limit: int = 25) -> EvalReport:
    checks: dict[str, list[bool]] = {"fatalities": [], "date": [], "country": [], "place": []}
    errors, patterns = [], Counter()
    for row, found in zip(rows, records):
        chosen, place = main_record(found), main_place(found)
        outcome = {
            "fatalities": killed(found) == row.fatalities,
            "date": chosen is not None and chosen.date == row.event_date,
            "country": place is not None and place.country == row.iso3,
            "place": place is not None and any(_same(place.name, n) or _same(place.text, n) for n in row.place_names),
        }
        for name, ok in outcome.items():
            checks[name].append(ok)
            if not ok:
                patterns[f"{name} wrong"] += 1
        if not all(outcome.values()) and len(errors) < error_limit:
            got = (f"killed {killed(found)}, date {chosen.date if chosen else None}, "
                   f"place {place.name if place else None} ({place.country if place else None})")
            want = f"killed {row.fatalities}, date {row.event_date}, place {row.location} ({row.iso3})"
            errors.append(EvalError(row.id, row.notes, want, got))
    metrics = {f"{name}_match": sum(values) / len(values) if values else 0.0 for name, values in checks.items()}
    return EvalReport(dataset, path, len(rows), metrics, error_patterns=patterns.most_common(), errors=errors)
