"""`petrel code`: read articles, code them, write records."""

from __future__ import annotations

import dataclasses
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console

from petrel.articles import Article
from petrel.cli.progress import article_progress
from petrel.cli.summary import print_summary
from petrel.errors import ExitCode, InputProblem, UsageError
from petrel.readers import ReadOptions, read_articles
from petrel.readers.estimate import estimate_article_count
from petrel.readers.options import DEFAULT_MAX_BYTES
from petrel.records import Event, Figure
from petrel.store.batches import STORE_BATCH_ARTICLES
from petrel.writers import open_writer

if TYPE_CHECKING:
    from petrel.pipeline import ExtraKnowledge


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class ProblemLog:
    """Reports each skipped input once on stderr and counts them."""

    def __init__(self):
        self.skipped = 0
        self.warnings = 0

    def __call__(self, problem: InputProblem) -> None:
        if problem.skipped:
            self.skipped += 1
        else:
            self.warnings += 1
        print(f"petrel: {problem}", file=sys.stderr, flush=True)  # one line, never wrapped


def parse_date(value: Optional[str]) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date", fix="give it as YYYY-MM-DD, e.g. --date 2024-03-21") from None


def load_extra_knowledge(extra: ExtraKnowledge) -> list[str]:
    """Check a user's knowledge files before coding; one report line per imported dictionary."""
    from petrel.knowledge.petrarch_verbs import load_petrarch_verbs

    reports = [str(load_petrarch_verbs(path).report) for path in extra.verbs]
    return reports + extra.actor_knowledge()[1]


def code_command(
    inputs: list[str] = typer.Argument(..., help="Files or directories (read recursively) of .jsonl, .json, .csv, .txt, .html; - for stdin."),
    date_: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) of plain-text articles and rows without one."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write records to this file instead of stdout."),
    format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Output format: jsonl (default), csv (flattened), parquet (needs --output)."),
    db: Optional[Path] = typer.Option(None, "--db", help="Also store the articles and their records in this petrel store (a DuckDB file, created when absent; see docs/store.md). Articles it holds already are not coded again; near-duplicates are linked to their original; events are grouped into stories."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to code with; each loads the spaCy pipeline once. Use for large inputs."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Skip input files larger than this many bytes."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per spaCy nlp.pipe batch."),
    verbs: list[Path] = typer.Option([], "--verbs", help="A PETRARCH-2/TABARI verb dictionary (format of CAMEO.2.0.txt) to use besides petrel's own lexicon; what it cannot express is counted on stderr. Repeatable."),
    verbs_only: bool = typer.Option(False, "--verbs-only", help="Code with the --verbs dictionaries alone: no built-in lexicon and no event-root model (PETRARCH-compatible coding)."),
    actors: list[Path] = typer.Option([], "--actors", help="Your own actors: a YAML actor file (.yaml, overrides petrel's; see docs/actors.md) or a PETRARCH/TABARI actor dictionary (fills gaps; dated codes resolved by the article date). Repeatable."),
    agents: list[Path] = typer.Option([], "--agents", help="A PETRARCH/TABARI agent dictionary (Phoenix.agents.txt format): sector words that fill petrel's gaps. Repeatable."),
    commit_every: int = typer.Option(STORE_BATCH_ARTICLES, "--commit-every", min=1, metavar="ARTICLES", help="With --db: articles stored a transaction. Larger batches store faster; a run killed part-way loses at most this many coded articles, which rerunning codes again."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary table."),
) -> None:
    """Code news articles into event records (JSON Lines on stdout by default).

    Records of one article come out together, in text order. Bad input (empty, binary, not
    UTF-8, malformed JSON or CSV, too large, unreadable) is reported on stderr with file, line
    and reason and skipped; the rest is coded, and the exit status is 1. When records go to a
    file (--output or --db), a table of the events is printed to stdout.
    """
    # Imported here, not at the top: the other commands (queries, plots) start without spaCy.
    from petrel.pipeline import ExtraKnowledge, code_articles
    from petrel.store import EventStore
    from petrel.store.batches import StoreFeeder

    stderr = Console(stderr=True)
    problems = ProblemLog()
    options = ReadOptions(publication_date=parse_date(date_), max_bytes=max_bytes)
    to_stdout = output is None and db is None
    if format is OutputFormat.parquet and output is None:
        raise UsageError("parquet output needs a file", fix="add --output FILE.parquet")

    if verbs_only and not verbs:
        raise UsageError("--verbs-only needs a verb dictionary", fix="add --verbs FILE")
    extra = ExtraKnowledge(tuple(verbs), tuple(actors), tuple(agents), verbs_only)
    for report in load_extra_knowledge(extra):  # a bad file stops here, before any input is read
        stderr.print(f"petrel: {report}", markup=False, highlight=False, soft_wrap=True)
    articles = read_articles(inputs, options, report=problems)
    writers = [open_writer(format.value, output)] if output is not None or to_stdout else []
    show_progress = not quiet and stderr.is_terminal
    # Without a progress bar (a log, a pipe), a line after each stored batch says how far it got.
    log_batches = (lambda line: print(f"petrel: {line}", file=sys.stderr, flush=True)) if not quiet and not show_progress else None
    store = StoreFeeder(EventStore(db), commit_every, on_stored=log_batches) if db is not None else None
    if store is not None:
        articles = store.new_articles(articles)
        extra = dataclasses.replace(extra, people=store.store.remembered_people())

    events: list[Event] = []  # kept for the summary table only when records go to files
    counts = {"articles": 0, "figures": 0}
    try:
        total = estimate_article_count(inputs) if show_progress else None
        with article_progress(stderr, enabled=show_progress, total=total) as advance:

            def on_article(article: Article, records: list) -> None:
                counts["articles"] += 1
                if store is not None:
                    store.add(article, records)
                advance()

            for record in code_articles(articles, workers=workers, batch_size=batch_size, on_article=on_article, extra=extra):
                for writer in writers:
                    writer.write(record)
                if isinstance(record, Figure):
                    counts["figures"] += 1
                elif not to_stdout and not quiet:
                    events.append(record)
    except BrokenPipeError:
        # The reader of stdout stopped early (`petrel code ... | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    finally:
        for writer in writers:
            writer.close()
        if store is not None:
            store.close()  # stores the articles coded so far, complete ones only
            if not quiet:
                print(f"petrel: {store.report()}", file=sys.stderr)

    if not to_stdout and not quiet:
        destination = " and ".join(str(p) for p in (output, db) if p is not None)
        print_summary(events, counts["articles"], counts["figures"], destination, Console())
    if problems.skipped:
        print(f"petrel: {problems.skipped} input item(s) skipped, {counts['articles']} article(s) coded", file=sys.stderr)
        code = ExitCode.NOTHING_READ if counts["articles"] == 0 else ExitCode.SKIPPED_INPUT
        raise typer.Exit(code)
