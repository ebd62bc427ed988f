"""The event-root model: which CAMEO root (or none) a sentence's main event has, learned from
example sentences we wrote (petrel/data/events/examples/), used where the lexicon finds nothing.

The model is a table of feature weights (multinomial logistic regression), stored as JSON and
scored here with numpy alone: coding needs no machine-learning library. It is retrained by
`python -m petrel.training.event_roots` (see docs/event-model.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from petrel.errors import DataFileError

MODEL_PATH = Path(str(resources.files("petrel") / "data" / "models" / "event_roots.json"))
NO_EVENT = "none"


@dataclass(frozen=True)
class RootPrediction:
    label: str  # a CAMEO root ("19") or NO_EVENT
    probability: float


class EventRootModel:
    """Feature weights per label; predicts a probability for each label of a sentence."""

    def __init__(self, labels: list[str], features: dict[str, int], weights: np.ndarray, bias: np.ndarray, meta: dict):
        self.labels, self.features, self.weights, self.bias, self.meta = labels, features, weights, bias, meta

    def probabilities(self, features: list[str]) -> np.ndarray:
        """One probability per label, in the order of `labels`."""
        rows = sorted({self.features[f] for f in features if f in self.features})
        scores = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def predict(self, features: list[str]) -> RootPrediction:
        """The most probable label."""
        probabilities = self.probabilities(features)
        best = int(probabilities.argmax())
        return RootPrediction(self.labels[best], float(probabilities[best]))

    def event_root(self, features: list[str], none_below: float) -> RootPrediction | None:
        """The most probable root, unless "no event" has at least `none_below` probability."""
        probabilities = self.probabilities(features)
        if NO_EVENT in self.labels and probabilities[self.labels.index(NO_EVENT)] >= none_below:
            return None
        best = max((i for i, label in enumerate(self.labels) if label != NO_EVENT), key=lambda i: probabilities[i])
        return RootPrediction(self.labels[best], float(probabilities[best]))

    def to_dict(self) -> dict:
        return {
            "meta": self.meta, "labels": self.labels, "bias": [round(float(b), 5) for b in self.bias],
            "weights": {name: [round(float(w), 5) for w in self.weights[row]] for name, row in self.features.items()},
        }


def load_event_root_model(path: Path = MODEL_PATH) -> EventRootModel:
    """Read and check a model file written by the trainer."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        labels, bias, table = data["labels"], data["bias"], data["weights"]
    except FileNotFoundError:
        raise DataFileError(str(path), None, "no such model file", fix="python -m petrel.training.event_roots") from None
    except (ValueError, KeyError, TypeError) as error:
        raise DataFileError(str(path), None, f"not an event-root model ({error})", fix="python -m petrel.training.event_roots") from None
    if len(bias) != len(labels) or any(len(w) != len(labels) for w in table.values()):
        raise DataFileError(str(path), None, "weights do not match the labels")
    features = {name: row for row, name in enumerate(table)}
    weights = np.array(list(table.values()), dtype=np.float32).reshape(len(table), len(labels))
    return EventRootModel(labels, features, weights, np.array(bias, dtype=np.float32), data.get("meta", {}))


@lru_cache(maxsize=1)
def default_event_root_model() -> EventRootModel | None:
    """The shipped model, or None when it has not been trained (coding then uses the lexicon only)."""
    return load_event_root_model() if MODEL_PATH.exists() else None
