"""What an evaluation produces: figures, per-class scores, a confusion matrix and the worst errors."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from petrel.evaluation.scoring import ClassScore
from petrel.records import Event


@dataclass(frozen=True)
class EvalError:
    """One sentence petrel got wrong, with the evidence of what it did instead."""

    id: str
    sentence: str
    gold: str
    predicted: str
    confidence: float | None = None
    trigger: str | None = None
    rule: str | None = None


@dataclass
class EvalReport:
    dataset: str
    path: str
    examples: int
    metrics: dict[str, float]
    classes: list[ClassScore] = field(default_factory=list)
    confusion_labels: list[str] = field(default_factory=list)
    confusion: list[list[int]] = field(default_factory=list)
    error_patterns: list[tuple[str, int]] = field(default_factory=list)  # (pattern, count), commonest first
    errors: list[EvalError] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["metrics"] = {name: round(value, 4) for name, value in self.metrics.items()}
        data["classes"] = [{**asdict(c), **{k: round(getattr(c, k), 4) for k in ("precision", "recall", "f1")}} for c in self.classes]
        data["error_patterns"] = [{"pattern": p, "count": n} for p, n in self.error_patterns]
        return data


def describe_event(event: Event | None) -> dict:
    """The evidence of a predicted event, as an error listing shows it."""
    if event is None:
        return {"confidence": None, "trigger": None, "rule": None}
    return {"confidence": event.confidence, "trigger": event.trigger.text, "rule": event.evidence.get("rule")}
