"""Train the event-root model from the example sentences in petrel/data/events/examples/.

    python -m petrel.training.event_roots            # retrain and write petrel/data/models/event_roots.json
    python -m petrel.training.event_roots --check    # retrain in memory; fail if the shipped model differs

Needs the `train` extra (scikit-learn). Deterministic: the same examples give the same file.
The examples are sentences we wrote ourselves (TSV: cameo<TAB>sentence, cameo "none" for a
sentence with no event); no evaluation set is used here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from petrel.errors import DataFileError
from petrel.extract.event_roots import MODEL_PATH, NO_EVENT, EventRootModel
from petrel.extract.sentence_features import sentence_features
from petrel.ontology import default_ontology

EXAMPLES_DIR = Path(str(resources.files("petrel") / "data" / "events" / "examples"))
REGULARISATION = 4.0  # inverse strength (scikit-learn's C); chosen by cross-validation on the examples
MIN_FEATURE_COUNT = 2  # a feature seen in one example only is noise


@dataclass(frozen=True)
class Example:
    label: str  # CAMEO root or NO_EVENT
    sentence: str
    origin: str  # file:line


def read_examples(folder: Path = EXAMPLES_DIR) -> list[Example]:
    """Every example sentence, validated: known code, one tab, no repeats."""
    ontology, examples, seen = default_ontology(), [], {}
    files = sorted(folder.glob("*.tsv"))
    if not files:
        raise DataFileError(str(folder), None, "no example files (*.tsv)")
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0].strip() != "cameo\tsentence":
            raise DataFileError(str(path), 1, "the first line must be the header `cameo<TAB>sentence`")
        for number, line in enumerate(lines[1:], 2):
            if not line.strip():
                continue
            code, tab, sentence = line.partition("\t")
            if not tab or not sentence.strip() or "\t" in sentence:
                raise DataFileError(str(path), number, "expected `cameo<TAB>sentence`")
            if code != NO_EVENT and code not in ontology:
                raise DataFileError(str(path), number, f"{code!r} is not a CAMEO code", fix=f"use a code from the ontology or {NO_EVENT!r}")
            if sentence in seen:
                raise DataFileError(str(path), number, f"this sentence is already at {seen[sentence]}")
            seen[sentence] = f"{path.name}:{number}"
            examples.append(Example(code if code == NO_EVENT else code[:2], sentence.strip(), seen[sentence]))
    return examples


def featurise(examples: list[Example]) -> list[list[str]]:
    from petrel.nlp import load_pipeline

    nlp = load_pipeline()
    return [sentence_features(doc[:]) for doc in nlp.pipe((e.sentence for e in examples), batch_size=64)]


def _matrix(bags: list[list[str]], vocabulary: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, columns = [], []
    for row, bag in enumerate(bags):
        indices = sorted({vocabulary[f] for f in bag if f in vocabulary})
        rows += [row] * len(indices)
        columns += indices
    return csr_matrix(([1.0] * len(rows), (rows, columns)), shape=(len(bags), len(vocabulary)))


def fit(bags: list[list[str]], labels: list[str], regularisation: float = REGULARISATION) -> EventRootModel:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for bag in bags for f in set(bag))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT))}
    classifier = LogisticRegression(C=regularisation, max_iter=5000, tol=1e-6)
    classifier.fit(_matrix(bags, vocabulary), labels)
    weights = classifier.coef_.T.astype(np.float32)
    return EventRootModel([str(c) for c in classifier.classes_], vocabulary, weights, classifier.intercept_.astype(np.float32), {})


def cross_validated_accuracy(bags: list[list[str]], labels: list[str], folds: int = 5) -> float:
    from sklearn.model_selection import StratifiedKFold

    right = 0
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(bags, labels):
        model = fit([bags[i] for i in train], [labels[i] for i in train])
        right += sum(model.predict(bags[i]).label == labels[i] for i in test)
    return right / len(labels)


def train(folder: Path = EXAMPLES_DIR, with_cross_validation: bool = True) -> EventRootModel:
    examples = read_examples(folder)
    bags, labels = featurise(examples), [e.label for e in examples]
    model = fit(bags, labels)
    digest = hashlib.sha1("\n".join(f"{e.label}\t{e.sentence}" for e in examples).encode()).hexdigest()[:12]
    model.meta = {
        "examples": len(examples), "examples_sha1": digest, "features": len(model.features),
        "per_label": dict(sorted(Counter(labels).items())), "regularisation": REGULARISATION,
    }
    if with_cross_validation:
        model.meta["cross_validated_accuracy"] = round(cross_validated_accuracy(bags, labels), 4)
    return model


def same_model(shipped: dict, retrained: dict, tolerance: float = 1e-3) -> bool:
    """Same labels and features, weights equal up to floating-point noise of another BLAS."""
    if shipped["labels"] != retrained["labels"] or shipped["weights"].keys() != retrained["weights"].keys():
        return False
    pairs = [(a, b) for name in shipped["weights"] for a, b in zip(shipped["weights"][name], retrained["weights"][name])]
    pairs += list(zip(shipped["bias"], retrained["bias"]))
    return all(abs(a - b) <= tolerance for a, b in pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m petrel.training.event_roots", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="retrain in memory and compare with the shipped model")
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help="where to write the model (default: the shipped file)")
    options = parser.parse_args(argv)
    model = train(with_cross_validation=not options.check)
    text = json.dumps(model.to_dict(), separators=(",", ":"), sort_keys=False) + "\n"
    if options.check:
        same = same_model(json.loads(MODEL_PATH.read_text(encoding="utf-8")), json.loads(text))
        print("the shipped model matches the examples" if same else "the shipped model is out of date: retrain it")
        return 0 if same else 1
    options.output.write_text(text, encoding="utf-8")
    print(f"wrote {options.output}: {model.meta}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
