"""Numbers as wire copy writes them, read into values: "1.4 million", "32,000", "three", "a dozen",
"tens of thousands", "85%", "between 90 and 100", each with its hedge ("nearly", "more than").

Pure functions over a parsed sentence. `find_quantities` reads every count in it and leaves out
what is not a count: years, dates and times, money, ordinals ("167th"). Whether a count is a
figure (killed, injured...) is decided on the parse by petrel/extract/figures.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from petrel.extract.dependents import words_of
from petrel.knowledge.figure_words import Qualifier

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGIT_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)$")
_PERCENT_TOKEN = re.compile(r"^(\d[\d,]*(?:\.\d+)?)%$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12}
# "dozens", "hundreds": at least two of them; the figure keeps that as its lower bound
_PLURALS = {"dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "tens": 10, "scores": 20}
_ONLY_BEFORE_OF = frozenset({"tens", "scores"})  # "tens of thousands", "scores of people"; not "the scores"
_SOME = {"several": 3, "few": 2}  # "several hundred" is at least 300, "a few thousand" at least 2,000
_PERCENT_WORDS = frozenset({"%", "percent", "pct"})
_RANGE_LINKS = frozenset({"to", "-", "–", "—", "or"})
# "one" that is no count: "no one", "one another", "one by one", "the one who"
_NOT_ONE_BEFORE = frozenset({"no", "any", "every", "each", "the", "this", "that", "which", "someone"})
_NOT_ONE_AFTER = frozenset({"another", "by"})
_YEAR_PREPS = frozenset({"in", "since", "by", "until", "till", "from", "of", "before", "after", "during", "between"})
# words a DATE entity may hold that still leave it a count: "between 90 and 100" tagged DATE
_COUNT_WORDS = frozenset({"between", "and", "to", "or", "about", "some", "nearly", "almost", "than", "more", "over", "up", "least", "at", "-"})
# the words a count can start with, besides digits (what _starts_run may accept)
_FIRST_WORDS = frozenset(_SMALL) | frozenset(_PLURALS) | {"a", "an", "half", "several"}


@dataclass(frozen=True)
class Quantity:
    """A count in a sentence: its words (doc token indices, end exclusive) and its value."""

    start: int  # the first word, a qualifier included ("nearly")
    end: int
    numbers: tuple[int, ...]  # the number words themselves, both ends of a range
    value: float | None  # None for a range or a vague count ("dozens")
    low: float | None
    high: float | None
    approximate: bool
    qualifier: str | None
    percent: bool


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    value: float
    vague: bool  # "dozens", "several hundred": the value is a lower bound
    rounded: bool  # "a dozen": a round number, not a count
    scaled: bool  # ends with a scale word ("2 million")


def _word(doc: Doc, i: int, end: int) -> str:
    return doc[i].lower_ if i < end else ""


def _is_digits(token: Token) -> bool:
    return bool(_DIGITS.match(token.text))


def _starts_run(doc: Doc, i: int, end: int) -> bool:
    word, after = doc[i].lower_, _word(doc, i + 1, end)
    if _is_digits(doc[i]) or _DIGIT_RANGE.match(doc[i].text) or _PERCENT_TOKEN.match(doc[i].text):
        return True
    if word == "one":
        before = doc[i - 1].lower_ if i > doc[i].sent.start else ""
        return before not in _NOT_ONE_BEFORE and after not in _NOT_ONE_AFTER
    if word in _SMALL or (word in _PLURALS and word not in _ONLY_BEFORE_OF):
        return True
    if word in _ONLY_BEFORE_OF:
        return after == "of" and _word(doc, i + 2, end) in _PLURALS
    if word in ("a", "an"):
        return after in _SCALES or (after == "few" and _word(doc, i + 2, end) in _SCALES)
    if word == "half":
        return after == "a" and _word(doc, i + 2, end) == "dozen"
    return word == "several" and after in _SCALES


def _is_tens(word: str) -> bool:
    return word in _SMALL and _SMALL[word] >= 20 and _SMALL[word] % 10 == 0


def _continues_run(doc: Doc, j: int, end: int, previous: str) -> bool:
    word, after = doc[j].lower_, _word(doc, j + 1, end)
    if word in _SCALES or word in _PLURALS and word not in _ONLY_BEFORE_OF:
        return True
    if word in _SMALL:  # "twenty five", "two hundred fifty", after "-" or "and" below
        return previous in _SCALES or previous in ("-", "and") or _is_tens(previous) and _SMALL[word] < 10
    if word == "-":  # "twenty-five"
        return _is_tens(previous) and after in _SMALL and _SMALL[after] < 10
    if word == "and":  # "two hundred and fifty"
        return previous in _SCALES and after in _SMALL
    if word == "of":  # "tens of thousands", "hundreds of thousands"
        return previous in _PLURALS and after in _PLURALS
    return word == "few" and previous == "a" or word == "a" and previous == "half"


def _read_run(doc: Doc, i: int, end: int) -> _Run | None:
    """The number words starting at token i, and what they add up to."""
    if not _starts_run(doc, i, end):
        return None
    j = i + 1
    if not _DIGIT_RANGE.match(doc[i].text) and not _PERCENT_TOKEN.match(doc[i].text):
        while j < end and _continues_run(doc, j, end, doc[j - 1].lower_):
            j += 1
    total = current = 0.0
    vague = rounded = False
    for token in doc[i:j]:
        word = token.lower_
        if _is_digits(token):
            current = float(token.text.replace(",", ""))
        elif word in _SMALL:
            current += _SMALL[word]
        elif word in ("a", "an"):
            current = current or 1.0
        elif word == "half":
            current = 0.5
        elif word in _SOME:
            current, vague = float(_SOME[word]), True
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in _SCALES:
            total, current = total + (current or 1.0) * _SCALES[word], 0.0
            rounded = rounded or word == "dozen"
        elif word in _PLURALS:
            so_far = total + current
            total, current, vague = 0.0, (so_far * _PLURALS[word] if so_far else 2 * _PLURALS[word]), True
    last = doc[j - 1].lower_
    return _Run(i, j, total + current, vague, rounded, last in _SCALES or last in _PLURALS)


def _qualifier_before(doc: Doc, start: int, first: int, qualifiers: tuple[Qualifier, ...]) -> Qualifier | None:
    longest = len(qualifiers[0].words) if qualifiers else 0  # (longest first)
    words = tuple(token.lower_ for token in doc[max(first, start - longest) : start])
    for qualifier in qualifiers:
        size = len(qualifier.words)
        if not qualifier.after and size <= len(words) and words[len(words) - size :] == qualifier.words:
            return qualifier
    return None


def _qualifier_after(doc: Doc, end: int, last: int, qualifiers: tuple[Qualifier, ...]) -> Qualifier | None:
    longest = len(qualifiers[0].words) if qualifiers else 0
    words = tuple(token.lower_ for token in doc[end : min(last, end + longest)])
    for qualifier in qualifiers:
        size = len(qualifier.words)
        if qualifier.after and size <= len(words) and words[:size] == qualifier.words:
            return qualifier
    return None


def _percent_size(doc: Doc, i: int, end: int) -> int:
    """How many tokens from i say "percent": 1 for "%", "percent"; 2 for "per cent"; else 0."""
    if i < end and doc[i].lower_ in _PERCENT_WORDS:
        return 1
    return 2 if _word(doc, i, end) == "per" and _word(doc, i + 1, end) == "cent" else 0


def _not_a_count(doc: Doc, run: _Run, sentence: Span) -> bool:
    """Years, dates, times, money: numbers that count no one."""
    first = doc[run.start]
    before = doc[run.start - 1] if run.start > sentence.start else None
    if before is not None and (before.is_currency or before.text.upper().endswith("$")):
        return True
    if any(t.ent_type_ in ("MONEY", "TIME") for t in doc[run.start : run.end]):
        return True
    if _YEAR.match(first.text) and run.end == run.start + 1:
        if first.ent_type_ == "DATE" or (before is not None and before.lower_ in _YEAR_PREPS):
            return True
    if first.ent_type_ == "DATE":
        entity = next((e for e in doc.ents if e.start <= first.i < e.end), None)
        if entity is not None and any(not (t.like_num or t.lower_ in _COUNT_WORDS) for t in entity):
            return True  # "Oct. 7", "three days", "the 1990s"
    return False


def _single_token(doc: Doc, run: _Run) -> tuple[float, float | None, bool] | None:
    """"10-15" and "85%" written as one token: (low or value, high, percent)."""
    text = doc[run.start].text
    ranged = _DIGIT_RANGE.match(text)
    if ranged:
        return float(ranged.group(1).replace(",", "")), float(ranged.group(2).replace(",", "")), False
    percent = _PERCENT_TOKEN.match(text)
    if percent:
        return float(percent.group(1).replace(",", "")), None, True
    return None


def _quantity(doc: Doc, run: _Run, sentence: Span, qualifiers: tuple[Qualifier, ...]) -> Quantity:
    first, last = sentence.start, sentence.end
    start, end, numbers = run.start, run.end, list(range(run.start, run.end))
    value: float | None = run.value
    low = high = None
    approximate, qualifier_text, percent = run.vague or run.rounded, None, False
    single = _single_token(doc, run)
    second = None
    link = _word(doc, end, last)
    if single is not None:
        value, high, percent = single[0], single[1], single[2]
        if high is not None:
            value, low, approximate = None, single[0], True
    elif link in _RANGE_LINKS and not (link == "to" and start > first and doc[start - 1].lower_ == "from"):
        second = _read_run(doc, end + 1, last)
    elif link == "and" and start > first and doc[start - 1].lower_ == "between":
        second = _read_run(doc, end + 1, last)
        if second is not None:
            start, qualifier_text = start - 1, "between"
    if second is not None:
        # "1 to 2 million": the scale of the second number is the first's too
        scale = 1.0 if run.scaled or not second.scaled else _SCALES.get(doc[second.end - 1].lower_, 1.0)
        value, low, high, approximate = None, run.value * scale, second.value, True
        numbers += range(second.start, second.end)
        end = second.end
    size = _percent_size(doc, end, last)
    if size:
        percent, end = True, end + size
    hedge = _qualifier_before(doc, start, first, qualifiers) if qualifier_text is None else None
    if hedge is not None:
        start = start - len(hedge.words)
    else:
        hedge = _qualifier_after(doc, end, last, qualifiers)
        if hedge is not None:
            end = end + len(hedge.words)
    if hedge is not None:
        qualifier_text = hedge.text
        approximate = hedge.approximate or run.vague
        if value is not None and not run.vague:
            low = value if hedge.bound == "lower" else low
            high = value if hedge.bound == "upper" else high
    if run.vague:
        value, low = None, low if low is not None else run.value
    return Quantity(start, end, tuple(numbers), value, low, high, approximate, qualifier_text, percent)


def find_quantities(sentence: Span, qualifiers: tuple[Qualifier, ...]) -> list[Quantity]:
    """Every count written in the sentence, in text order; years, dates, times, money left out."""
    doc = sentence.doc
    found: list[Quantity] = []
    # Only the words a count can start with are tried (one pass over the sentence's words,
    # instead of every token looked at by _starts_run: a tenth of coding time before).
    lower = words_of(doc).lower
    starts = [i for i in range(sentence.start, sentence.end) if lower[i][:1].isdigit() or lower[i] in _FIRST_WORDS]
    done_to = sentence.start
    for i in starts:
        if i < done_to:
            continue
        run = _read_run(doc, i, sentence.end)
        if run is None:
            continue
        quantity = _quantity(doc, run, sentence, qualifiers)
        if quantity.percent or not _not_a_count(doc, run, sentence):  # "85 per cent" may be tagged MONEY
            found.append(quantity)
        done_to = max(quantity.numbers) + 1
    return found
