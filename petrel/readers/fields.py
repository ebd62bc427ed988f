"""Turning the fields of one input row (JSON object, CSV row) into an Article."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from petrel.articles import Article
from petrel.errors import InputProblem, Problem
from petrel.readers.options import ReadOptions

ARTICLE_FIELDS = ("id", "text", "date", "title", "source", "url")


def parse_publication_date(value: object) -> date | None:
    """An ISO date ("2024-03-21") or datetime ("2024-03-21T09:30:00Z") as a date.

    Returns None for an empty value; raises ValueError for anything else.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not an ISO date: {text!r}") from None


def _optional_text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_fields(fields: dict, origin: str = "", publication_date: date | None = None) -> Article:
    """Build an Article from a mapping with `text` and optional id, date, title, source, url.

    `publication_date` is used when the row has no date of its own. Raises ValueError when
    the text is missing or blank, or the date is not ISO.
    """
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no usable text")
    row_date = parse_publication_date(fields.get("date"))
    return Article(
        text=text,
        id=_optional_text(fields.get("id")) or "",
        date=row_date or publication_date,
        title=_optional_text(fields.get("title")),
        source=_optional_text(fields.get("source")),
        url=_optional_text(fields.get("url")),
        origin=origin,
    )


def article_from_row(
    fields: dict,
    path: str,
    line: int | None,
    options: ReadOptions,
    report: Callable[[InputProblem], None],
) -> Article | None:
    """The Article of one JSON object or CSV row, or None when it has no usable text.

    Problems are reported with `path` and `line`. A bad date does not skip the row: it is
    reported as a warning and the row is coded with `options.publication_date` (or no date).
    """
    origin = f"{path}:{line}" if line is not None else path
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        report(InputProblem(path, line, Problem.NO_TEXT))
        return None
    try:
        parse_publication_date(fields.get("date"))
    except ValueError:
        report(_bad_date(path, line, fields.get("date"), options.publication_date))
        fields = {**fields, "date": None}
    return article_from_fields(fields, origin=origin, publication_date=options.publication_date)


def _bad_date(path: str, line: int | None, value: object, default: date | None) -> InputProblem:
    if default is None:
        return InputProblem(path, line, Problem.BAD_DATE, {"value": value}, skipped=False)
    detail = {"value": value, "default": default.isoformat()}
    return InputProblem(path, line, Problem.BAD_DATE_USED_DEFAULT, detail, skipped=False)
