"""A progress bar for long runs at a terminal: articles done, articles/s, elapsed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def article_progress(console: Console, enabled: bool) -> Iterator[Callable[[], None]]:
    """Yields a function to call once per coded article. Does nothing when not enabled."""
    if not enabled:
        yield lambda: None
        return
    columns = (
        TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("coding", total=None, rate="-")

        def advance() -> None:
            progress.advance(task)
            current = progress.tasks[task]
            if current.elapsed:
                progress.update(task, rate=f"{current.completed / current.elapsed:.1f}")

        yield advance
