"""Find a dataset, code its sentences with petrel, and score them."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from petrel.articles import Article
from petrel.errors import UnknownNameError, UsageError
from petrel.evaluation.acled import score_acled
from petrel.evaluation.datasets import read_acled, read_pentaclass, read_petrarch_validation
from petrel.evaluation.pentaclass import score_pentaclass
from petrel.evaluation.petr2_gsr import score_petr2_gsr
from petrel.evaluation.report import EvalReport
from petrel.records import Event


@dataclass(frozen=True)
class DatasetKind:
    name: str
    file_name: str  # the file's name in the shared eval folder
    suffix: str  # how a user's own file of this format is recognised
    read: Callable[[Path], list]
    score: Callable[..., EvalReport]
    records: bool = False  # scored on every record (figures too), not events only


DATASETS = {
    kind.name: kind
    for kind in (
        DatasetKind("pentaclass", "pentaclass_dev.tsv", ".tsv", read_pentaclass, score_pentaclass),
        DatasetKind("petr2_gsr", "petr2_gsr_validation.xml", ".xml", read_petrarch_validation, score_petr2_gsr),
        DatasetKind("acled", "acled_dev.csv", ".csv", read_acled, score_acled, records=True),
    )
}
EVAL_DIR_VARIABLE = "PETREL_EVAL_DIR"


def _search_dirs(data_dir: Path | None) -> list[Path]:
    if data_dir is not None:
        return [data_dir]
    dirs = [Path(os.environ[EVAL_DIR_VARIABLE])] if os.environ.get(EVAL_DIR_VARIABLE) else []
    repo = Path(__file__).resolve().parents[2]
    return dirs + [Path.cwd() / "shared" / "eval", Path.cwd().parent / "shared" / "eval", repo.parent / "shared" / "eval"]


def locate_dataset(dataset: str, data_dir: Path | None = None) -> tuple[DatasetKind, Path]:
    """A dataset name (pentaclass, petr2_gsr, acled) or the path of a file in one of their formats."""
    given = Path(dataset)
    if given.suffix and given.exists():
        kind = next((k for k in DATASETS.values() if k.suffix == given.suffix.lower()), None)
        if kind is None:
            raise UsageError(f"{dataset}: cannot tell the dataset format from {given.suffix!r}",
                             fix=", ".join(f"{k.suffix} = {k.name}" for k in DATASETS.values()))
        return kind, given
    if dataset not in DATASETS:
        if given.suffix:
            raise UsageError(f"{dataset}: no such file")
        raise UnknownNameError("dataset", dataset, list(DATASETS))
    kind = DATASETS[dataset]
    for folder in _search_dirs(data_dir):
        if (folder / kind.file_name).is_file():
            return kind, folder / kind.file_name
    raise UsageError(
        f"dataset {dataset!r}: {kind.file_name} not found in {', '.join(str(d) for d in _search_dirs(data_dir))}",
        fix=f"pass --data-dir DIR or set {EVAL_DIR_VARIABLE}",
    )


def code_sentences(examples: Sequence, workers: int = 1, events_only: bool = True) -> list[list]:
    """Code each example as one article; the events (or all records) of each, in input order."""
    from petrel.pipeline import code_articles

    articles = [Article(text=e.text, id=f"eval-{i}", date=getattr(e, "date", None)) for i, e in enumerate(examples)]
    found: dict[str, list] = {a.id: [] for a in articles}
    for record in code_articles(articles, workers=workers):
        if isinstance(record, Event) or not events_only:
            found[record.article_id].append(record)
    return [found[a.id] for a in articles]


def evaluate_dataset(dataset: str, data_dir: Path | None = None, *, workers: int = 1, limit: int | None = None,
                     error_limit: int = 25) -> EvalReport:
    """Score petrel on a dataset: the importable function behind `petrel eval`."""
    kind, path = locate_dataset(dataset, data_dir)
    examples = kind.read(path)[:limit]
    coded = code_sentences(examples, workers, events_only=not kind.records)
    return kind.score(kind.name, str(path), examples, coded, error_limit=error_limit)
