"""A progress bar for long runs at a terminal: articles done, articles/s, elapsed and ETA."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn


@contextmanager
def article_progress(console: Console, enabled: bool, total: int | None = None) -> Iterator[Callable[[], None]]:
    """Yields a function to call once per coded article. Does nothing when not enabled.

    With an estimated `total` the bar shows the time remaining; without one, a pulse.
    """
    if not enabled:
        yield lambda: None
        return
    columns = (
        TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
        *((TextColumn("ETA"), TimeRemainingColumn()) if total else ()),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("coding", total=total or None, rate="-")

        def advance() -> None:
            progress.advance(task)
            current = progress.tasks[task]
            if current.elapsed:
                progress.update(task, rate=f"{current.completed / current.elapsed:.1f}")

        yield advance
