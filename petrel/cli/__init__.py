"""The `petrel` command: thin wrappers over importable functions."""

from __future__ import annotations

import sys

import typer

from petrel.cli.actors_command import actors_command
from petrel.cli.code_command import code_command
from petrel.cli.eval_command import eval_command
from petrel.cli.export_command import export_command
from petrel.cli.events_command import events_command
from petrel.cli.figures_command import figures_command
from petrel.cli.info_command import info_command
from petrel.cli.plot_command import plot_command
from petrel.errors import ExitCode, PetrelError

HELP = f"""petrel turns news reports into political event data: who did what to whom (CAMEO and
PLOVER codes), when, where, according to whom, with the words each record came from.

Exit status: {ExitCode.OK} all input coded; {ExitCode.SKIPPED_INPUT} some input was skipped (each reported on stderr
with file, line and reason); {ExitCode.USAGE} bad command line or output file; {ExitCode.BAD_DATA_FILE} a knowledge file
is invalid; {ExitCode.NOTHING_READ} no input could be read at all; {ExitCode.INTERNAL} internal error (please report it).
"""

app = typer.Typer(help=HELP, no_args_is_help=True, add_completion=False, rich_markup_mode=None)
app.command("code", help=code_command.__doc__, no_args_is_help=True)(code_command)
app.command("eval", help=eval_command.__doc__)(eval_command)
app.command("actors", help=actors_command.__doc__, no_args_is_help=True)(actors_command)
app.command("info", help=info_command.__doc__)(info_command)
app.command("export", help=export_command.__doc__, no_args_is_help=True)(export_command)
app.command("plot", help=plot_command.__doc__, no_args_is_help=True)(plot_command)
app.command("events", help=events_command.__doc__, no_args_is_help=True)(events_command)
app.command("figures", help=figures_command.__doc__, no_args_is_help=True)(figures_command)


def main() -> None:
    """Entry point of the `petrel` script: errors become one clear message and an exit status."""
    try:
        status = app(standalone_mode=False)  # click returns typer.Exit's code here
        sys.exit(status if isinstance(status, int) else ExitCode.OK)
    except PetrelError as error:
        print(f"petrel: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("petrel: interrupted; records written so far are kept", file=sys.stderr)
        sys.exit(130)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        sys.exit(130)
    except typer.TyperException as error:  # usage errors: bad value, unknown or missing option
        show = getattr(error, "show", None)
        if show is None:
            raise
        show()
        sys.exit(ExitCode.USAGE)
