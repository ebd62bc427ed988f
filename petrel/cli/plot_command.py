"""`petrel plot`: a store's events over time, who acts on whom, or reported figures, as PNG or SVG.

petrel.store.plots is imported when the command runs: matplotlib takes over a second to
import, which every other `petrel` command would otherwise pay at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from petrel.cli.events_command import DB_HELP, opened_store, parse_day
from petrel.errors import UnknownNameError, UsageError
from petrel.store.queries import FIGURE_CATEGORIES, PERIODS, EventFilter, FigureFilter

KINDS = ("timeline", "dyads", "figures")
IMAGE_SUFFIXES = ".png or .svg"  # petrel.store.plots.FORMATS (a test keeps the two in step)
# Options that only some kinds of plot use; giving one to another kind is a mistake to report,
# not to ignore silently.
APPLIES_TO = {
    "--country": ("timeline", "dyads"),
    "--actor": ("timeline", "dyads"),
    "--cameo": ("timeline", "dyads"),
    "--plover": ("timeline", "dyads"),
    "--period": ("timeline",),
    "--top": ("dyads",),
    "--category": ("figures",),
    "--source": ("figures",),
    "--subject": ("figures",),
}


def plot_command(
    # Plain strings, checked here, rather than Enums: an unknown name then gets petrel's message
    # listing the valid ones.
    kind: str = typer.Argument(..., metavar="timeline|dyads|figures", help="timeline: events per period stacked by quad class, with the mean Goldstein score; dyads: a heatmap of events between source and target countries (actor code where no country); figures: reported figures over time, one series per reporting source."),
    db: Path = typer.Option(..., "--db", help=DB_HELP),
    out: Path = typer.Option(..., "--out", "-o", help=f"Image file to write; its suffix sets the format: {IMAGE_SUFFIXES}."),
    country: Optional[str] = typer.Option(None, "--country", help="timeline, dyads: events whose source or target is of this country (ISO alpha-3: SYR; or IGO, NGO)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="timeline, dyads: events whose source or target name or words contain this (any case)."),
    cameo: Optional[str] = typer.Option(None, "--cameo", help="timeline, dyads: CAMEO code or prefix: 19 (every assault), 0256."),
    plover: Optional[str] = typer.Option(None, "--plover", help="timeline, dyads: PLOVER type: ASSAULT, PROTEST, CONSULT..."),
    since: Optional[str] = typer.Option(None, "--since", help="Records dated on or after this day: 2024-05-08, 2024-05 (from the 1st) or 2024."),
    until: Optional[str] = typer.Option(None, "--until", help="Records dated on or before this day: 2024-05-08, 2024-05 (to the last day) or 2024."),
    place: Optional[str] = typer.Option(None, "--place", help="Records located in a place whose name contains this, or in this country (ISO alpha-3)."),
    category: Optional[str] = typer.Option(None, "--category", help=f"figures: one category ({', '.join(FIGURE_CATEGORIES)}); default all, one series per source and category."),
    source: Optional[str] = typer.Option(None, "--source", help="figures: reported by an attribution whose words or actor's name contain this ('health ministry'), or whose actor is of this country."),
    subject: Optional[str] = typer.Option(None, "--subject", help="figures: whose figure: subject of this country (ISO alpha-3), or whose name or words contain this ('Palestinians')."),
    period: Optional[str] = typer.Option(None, "--period", help="timeline: count per day, week (from Monday) or month (the default)."),
    top: Optional[int] = typer.Option(None, "--top", help="dyads: keep the N countries most active as source or target (default 10)."),
    include_duplicates: bool = typer.Option(False, "--include-duplicates", help="Also count records of near-duplicate copies of stored articles (left out by default: they repeat their original's records)."),
    title: Optional[str] = typer.Option(None, "--title", help="Title of the plot instead of the default (which says what is counted); the filters are always shown beneath it."),
) -> None:
    """Draw a plot of a store as a PNG or SVG image: `timeline` (events per period by quad
    class, mean Goldstein score), `dyads` (events between source and target countries) or
    `figures` (reported figures over time by source). Filters as in `petrel events` and
    `petrel figures`; the filters in use are written under the title. Nothing selected is an
    error (exit status 4), never an empty image."""
    given = {
        "--country": country, "--actor": actor, "--cameo": cameo, "--plover": plover, "--period": period,
        "--top": top, "--category": category, "--source": source, "--subject": subject,
    }  # fmt: skip
    if kind not in KINDS:
        raise UnknownNameError("kind of plot", kind, list(KINDS))
    if period is not None and period not in PERIODS:
        raise UnknownNameError("period", period, list(PERIODS))
    _check_options(kind, [option for option, value in given.items() if value is not None])
    from petrel.store.plots import output_format, plot_dyads, plot_figures, plot_timeline

    output_format(out)  # a wrong suffix is reported before the store is opened
    since_day, until_day = parse_day(since, "--since"), parse_day(until, "--until", last=True)
    with opened_store(db) as connection:
        if kind == "figures":
            where = FigureFilter(
                category=category, place=place, subject=subject, source=source, since=since_day, until=until_day,
                include_duplicates=include_duplicates,
            )  # fmt: skip
            report = plot_figures(connection, where, out, title=title)
        else:
            where = EventFilter(
                actor=actor, country=country, cameo=cameo, plover=plover, since=since_day, until=until_day,
                place=place, include_duplicates=include_duplicates,
            )  # fmt: skip
            if kind == "timeline":
                report = plot_timeline(connection, where, out, period=period or "month", title=title)
            else:
                report = plot_dyads(connection, where, out, top=10 if top is None else top, title=title)
    typer.echo(f"petrel: {report}")


def _check_options(kind: str, given: list[str]) -> None:
    for option in given:
        if kind not in APPLIES_TO[option]:
            kinds = " and ".join(f"`petrel plot {name}`" for name in APPLIES_TO[option])
            raise UsageError(f"{option} does not apply to `petrel plot {kind}`", fix=f"{option} is for {kinds}; leave it out")
