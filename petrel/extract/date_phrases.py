"""One date phrase resolved to a calendar date and a precision, the way wire copy means it.

`petrel/extract/dates.py` finds the phrases in a parsed article and decides which clause each
belongs to; this module only turns the words of one phrase ("Oct. 7", "on Wednesday", "last
month") into `(date, precision)`, given the publication date and whether the clause speaks of
the future. Explicit dates go to dateparser; weekdays and the relative words are petrel's own
rules, because dateparser reads a bare "Friday" as the one *before* today, never today itself,
and knows nothing of the clause around it.

A month-precision date is the first of its month, a year-precision date the 1st of January.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser

Precision = Literal["day", "month", "year"]
Resolved = tuple[date, Precision]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_MONTH = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])",
    re.I,
)
# A year, but not a decade ("the 1990s") nor part of a longer number.
_YEAR = re.compile(r"(?<![\d,.])(1[89]\d\d|2[01]\d\d)(?![\d,]|s\b)")
# Words that make a date looser but not vaguer: "mid-January" is still January.
_QUALIFIERS = re.compile(
    r"^(?:(?:the|on or around|on or about|around|about|approximately|circa|roughly|early|mid|late"
    r"|the (?:end|beginning|start|middle) of|(?:end|beginning|start|middle) of)\b[\s-]*)+",
    re.I,
)
# Dates written out in full ("21 march 2024", "march 21, 2024", "march 2024", "2024") name one
# day, month or year whatever the publication date: read here, without dateparser (which took
# a twentieth of coding time on ACLED notes, each with its own date).
_MONTH_NUMBERS = {
    name: number for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), 1
    )
}  # fmt: skip
_MONTH_NAME = "(" + "|".join(_MONTH_NUMBERS) + ")"
_WRITTEN_OUT = re.compile(
    rf"^(?:(?P<day>\d{{1,2}}) {_MONTH_NAME}|(?P<month_first>{_MONTH_NAME}) (?P<day_after>\d{{1,2}}),?|{_MONTH_NAME})?"
    r" ?(?P<year>(?:1[89]|2[01])\d\d)$"
)
_PARTS_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_AGO = re.compile(r"^(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r") (day|week|month|year)s? ago$")
# Ordinals as NER gives them for "now in its 167th day" / "its second day".
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_NTH_DAY = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)? day$|^(" + "|".join(_ORDINAL_WORDS) + r") day$")


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _days(offset: int) -> Callable[[date], Resolved]:
    return lambda publication: (publication + timedelta(days=offset), "day")


def _months(offset: int) -> Callable[[date], Resolved]:
    return lambda publication: (_shift_months(publication, offset), "month")


def _years(offset: int) -> Callable[[date], Resolved]:
    return lambda publication: (date(publication.year + offset, 1, 1), "year")


# The relative words wire copy uses, counted from the publication date. "last week" has no
# day, but the contract allows only day/month/year: it is publication minus 7 days, "day".
# "this week" / "earlier this week" name no day and cross month ends, so they are left out.
RELATIVE_PHRASES: dict[str, Callable[[date], Resolved]] = {
    "today": _days(0), "tonight": _days(0), "earlier today": _days(0), "later today": _days(0),
    "this morning": _days(0), "this afternoon": _days(0), "this evening": _days(0),
    "yesterday": _days(-1), "last night": _days(-1), "the day before yesterday": _days(-2),
    "tomorrow": _days(1), "last week": _days(-7), "next week": _days(7),
    "this month": _months(0), "earlier this month": _months(0), "later this month": _months(0),
    "last month": _months(-1), "next month": _months(1),
    "this year": _years(0), "earlier this year": _years(0), "later this year": _years(0),
    "last year": _years(-1), "next year": _years(1),
}  # fmt: skip


def normalise(text: str) -> str:
    """Lower case, single spaces, no possessive: "Wednesday's" -> "wednesday"."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    return re.sub(r"['’]s$", "", text)


def resolve_phrase(text: str, publication: date | None, future: bool = False) -> Resolved | None:
    """The date a phrase names, or None when it names none (a duration, a decade, an age) or
    needs a publication date that is missing. `future` says the clause is about what is to come
    ("is scheduled to visit ... on Friday"): a weekday or a yearless date is then the next one."""
    phrase = normalise(text)
    if publication is not None:
        for candidate in (phrase, _PARTS_OF_DAY.sub("", phrase)):  # "yesterday morning"
            if candidate in RELATIVE_PHRASES:
                return RELATIVE_PHRASES[candidate](publication)
        if (ago := _ago(phrase, publication)) is not None:
            return ago
        if _WEEKDAY.search(phrase) and not (_MONTH.search(phrase) or re.search(r"\d", phrase)):
            return resolve_weekday(phrase, publication, future)
    return _explicit(phrase, publication, future)


def resolve_weekday(phrase: str, publication: date, future: bool = False) -> Resolved | None:
    """petrel's weekday rule: a bare weekday is the most recent such day on or before the
    publication date ("Thursday" in a Thursday story is that day); "last Friday" is strictly
    before it; "next Friday", or any weekday in a clause about the future, is the first such
    day after it."""
    found = _WEEKDAY.search(phrase)
    if found is None:
        return None
    weekday = WEEKDAYS.index(found.group(1).lower())
    before = phrase[: found.start()].split()
    modifier = before[-1] if before else ""
    if modifier in ("next", "coming") or (future and modifier != "last"):
        ahead = (weekday - publication.weekday() - 1) % 7 + 1
        return publication + timedelta(days=ahead), "day"
    back = (publication.weekday() - weekday) % 7
    if modifier == "last" and back == 0:
        back = 7
    return publication - timedelta(days=back), "day"


def nth_day_start(text: str, publication: date | None) -> Resolved | None:
    """The first day of something "now in its 167th day": publication minus 166 days."""
    found = _NTH_DAY.match(normalise(text))
    if found is None or publication is None:
        return None
    nth = int(found.group(1)) if found.group(1) else _ORDINAL_WORDS[found.group(2)]
    return (publication - timedelta(days=nth - 1), "day") if nth >= 1 else None


def _ago(phrase: str, publication: date) -> Resolved | None:
    found = _AGO.match(phrase)
    if found is None:
        return None
    count = int(found.group(1)) if found.group(1).isdigit() else _NUMBER_WORDS[found.group(1)]
    unit = found.group(2)
    if unit in ("day", "week"):
        return publication - timedelta(days=count * (7 if unit == "week" else 1)), "day"
    if unit == "month":
        return _shift_months(publication, -count), "month"
    return date(publication.year - count, 1, 1), "year"


def _explicit(phrase: str, publication: date | None, future: bool) -> Resolved | None:
    """Month names and years, parsed by dateparser. Only phrases with a month name or a year
    get here: dateparser would otherwise read an age ("45") or "decades" as a date."""
    years = set(_YEAR.findall(phrase))
    if not (years or _MONTH.search(phrase)) or (publication is None and not years):
        return None
    words = _WEEKDAY.sub(" ", _QUALIFIERS.sub("", phrase)).strip(" ,")
    base = publication or date(2000, 1, 1)
    resolved = _parsed(words, base, "past")
    # In a clause about the future a yearless date is the next one -- but "in March" in a
    # March story, or "March 21" on March 21, is still this one (dateparser would go a year on).
    if future and not years and resolved is not None and resolved[0] < _period_start(base, resolved[1]):
        resolved = _parsed(words, base, "future")
    if resolved is None and len(years) == 1:
        return date(int(years.pop()), 1, 1), "year"  # "the summer of 2022": the year is sure
    return resolved


@lru_cache(maxsize=4096)  # articles of one day repeat their date phrases; dateparser is slow
def _parsed(words: str, base: date, prefer: str) -> Resolved | None:
    written = _written_out(words)
    if written is not None:
        return written
    parsed = _parser(base, prefer).get_date_data(words)
    if parsed.date_obj is None:
        return None
    found = parsed.date_obj.date()
    if parsed.period == "year":
        return date(found.year, 1, 1), "year"
    if parsed.period == "month":
        return found.replace(day=1), "month"
    return found, "day"


def _written_out(words: str) -> Resolved | None:
    """A full date, a month and year, or a year alone, as dateparser reads them; else None."""
    found = _WRITTEN_OUT.match(words)
    if found is None:
        return None
    year = int(found.group("year"))
    month_name = next((name for name in found.groups()[1:-1] if name in _MONTH_NUMBERS), None)
    day = found.group("day") or found.group("day_after")
    try:
        if day is not None:
            return date(year, _MONTH_NUMBERS[month_name], int(day)), "day"
        if month_name is not None:
            return date(year, _MONTH_NUMBERS[month_name], 1), "month"
    except ValueError:
        return None  # "31 february 2024": left to dateparser
    return date(year, 1, 1), "year"


def _period_start(day: date, precision: Precision) -> date:
    if precision == "year":
        return date(day.year, 1, 1)
    return day.replace(day=1) if precision == "month" else day


@lru_cache(maxsize=64)
def _parser(base: date, prefer: str) -> DateDataParser:
    # RELATIVE_BASE is the publication date, never today: petrel codes archives. Without a
    # publication date only phrases with a year reach the parser, so the base fills nothing.
    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": prefer,
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
