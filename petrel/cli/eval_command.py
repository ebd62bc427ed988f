"""`petrel eval`: how well petrel codes annotated news, per dataset."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from petrel.evaluation import DATASETS, evaluate_dataset
from petrel.evaluation.report import EvalReport


def eval_command(
    dataset: str = typer.Option(..., "--dataset", "-d", help=f"{', '.join(DATASETS)}, or the path of a file in one of their formats (.tsv pentaclass, .xml PETRARCH validation)."),
    data_dir: Path = typer.Option(None, "--data-dir", help="Folder holding the named datasets (default: $PETREL_EVAL_DIR, then shared/eval beside or above the current folder)."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole report as one JSON object, for scripts."),
    errors: int = typer.Option(15, "--errors", min=0, help="How many of the worst errors to list."),
    limit: int = typer.Option(None, "--limit", min=1, help="Score only the first N examples (quick checks)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to code with."),
) -> None:
    """Score petrel on an annotated dataset: per-class precision/recall/F1, macro-F1, a confusion
    matrix and the worst errors with their evidence. Deterministic: the same input gives the same report."""
    report = evaluate_dataset(dataset, data_dir, workers=workers, limit=limit, error_limit=errors)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    print_report(report, Console(highlight=False, width=max(Console().width, 100)))


def print_report(report: EvalReport, console: Console) -> None:
    console.print(f"[bold]{report.dataset}[/bold]: {report.examples} examples from {report.path}")
    for name, value in report.metrics.items():
        console.print(f"  {name.replace('_', ' '):<24} {value:.3f}")
    if report.classes:
        table = Table("class", "precision", "recall", "F1", "support", title="Per class")
        for c in report.classes:
            table.add_row(c.label, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.support))
        console.print(table)
    if report.confusion:
        table = Table("gold \\ predicted", *report.confusion_labels, "none", title="Confusion matrix")
        for label, row in zip(report.confusion_labels, report.confusion):
            table.add_row(label, *map(str, row))
        console.print(table)
    if report.error_patterns:
        table = Table("count", "error pattern", title="Commonest error patterns")
        for pattern, count in report.error_patterns:
            table.add_row(str(count), pattern)
        console.print(table)
    if report.errors:
        console.print("[bold]Worst errors[/bold] (most confident first)")
        for e in report.errors:
            how = f"  conf {e.confidence:.2f}, trigger {e.trigger!r} by {e.rule}" if e.rule else ""
            console.print(f"- gold {e.gold} | predicted {e.predicted}{how}  [{e.id}]")
            console.print(f"    {e.sentence}", soft_wrap=True)
