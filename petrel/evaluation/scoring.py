"""Scoring arithmetic shared by every dataset: per-class P/R/F1, confusion matrices, set F1."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def class_scores(gold: Sequence[str], predicted: Sequence[str | None], labels: Sequence[str]) -> list[ClassScore]:
    """Precision, recall and F1 of each label; a missing prediction (None) is wrong for every label."""
    scores = []
    for label in labels:
        true_positive = sum(g == label and p == label for g, p in zip(gold, predicted))
        predicted_count = sum(p == label for p in predicted)
        support = sum(g == label for g in gold)
        precision, recall = ratio(true_positive, predicted_count), ratio(true_positive, support)
        scores.append(ClassScore(label, precision, recall, f1(precision, recall), support))
    return scores


def macro_f1(scores: Iterable[ClassScore]) -> float:
    scores = list(scores)
    return sum(s.f1 for s in scores) / len(scores) if scores else 0.0


def confusion_matrix(gold: Sequence[str], predicted: Sequence[str | None], labels: Sequence[str], none_label: str = "none") -> list[list[int]]:
    """Rows are gold labels, columns predicted labels plus a last column for 'no prediction'."""
    columns = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * (len(labels) + 1) for _ in labels]
    for g, p in zip(gold, predicted):
        if g in columns:
            matrix[columns[g]][columns.get(p, len(labels)) if p is not None else len(labels)] += 1
    return matrix


@dataclass(frozen=True)
class SetScore:
    """Micro-averaged precision/recall/F1 of predicted sets against gold sets."""

    true_positive: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return ratio(self.true_positive, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.true_positive, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def set_score(pairs: Iterable[tuple[set[Hashable], set[Hashable]]]) -> SetScore:
    """Pool (gold set, predicted set) pairs into one micro score."""
    true_positive = predicted = gold = 0
    for gold_set, predicted_set in pairs:
        true_positive += len(gold_set & predicted_set)
        predicted += len(predicted_set)
        gold += len(gold_set)
    return SetScore(true_positive, predicted, gold)


_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens: how spans from different tokenisers are compared."""
    return _WORD.findall(text.lower())


def token_f1(gold_text: str, predicted_text: str | None) -> float:
    """Token-level overlap F1 of two spans (bags of words); no prediction scores 0."""
    gold, predicted = Counter(words(gold_text)), Counter(words(predicted_text or ""))
    overlap = sum((gold & predicted).values())
    return f1(ratio(overlap, sum(predicted.values())), ratio(overlap, sum(gold.values())))
