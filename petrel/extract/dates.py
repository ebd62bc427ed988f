"""When: date expressions in a parsed article, resolved to calendar dates, and the one that
belongs to an event.

Pure functions over a spaCy Doc (find, then let the caller annotate):

- `find_dates(doc, publication)`: every date phrase, resolved (`date_phrases.py` holds the
  rules for one phrase; this module reads the parse around it).
- `date_for(trigger, mentions)`: the phrase attached to an event's clause, or None (the caller
  then uses the publication date, precision "day", date_text null).
- `infer_publication_date(text)`: from a dateline or an opening "On 27 January 2022, ..."
  when the article comes without a date.

spaCy's DATE/TIME entities are the candidates, plus bare weekdays and "yesterday"/"today"
the small pipeline sometimes leaves unlabelled. Many entities are not dates ("the 1990s",
"decades", "the past 24 hours", "45" as an age): `resolve_phrase` returns None for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from spacy.tokens import Doc, Span, Token

from petrel.extract.date_phrases import WEEKDAYS, Precision, nth_day_start, resolve_phrase
from petrel.extract.dependents import words_of

__all__ = ["DateMention", "date_for", "find_dates", "infer_publication_date"]

_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_APPROXIMATE = frozenset({"around", "about", "approximately", "circa", "roughly"})
_BARE_DAY_WORDS = frozenset(WEEKDAYS) | {"yesterday", "today", "tonight", "tomorrow"}
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_DAY_WORD_MODIFIERS = frozenset({"early", "late", "last", "next", "this", "coming"})
# A date that modifies a noun ("the 1967 borders", "an Oct. 7 attack", "Wednesday's vote")
# dates that noun only, not the clause around it.
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "poss"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "pcomp"})
_FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "would", "wo"})
# "is scheduled to visit", "a meeting planned for Friday", "talks due on Monday".
_FUTURE_ALWAYS = frozenset({"schedule", "plan", "due", "upcoming"})
# "is set to", "is expected to", "is set for": future only with a complement or "for".
_FUTURE_WITH_COMPLEMENT = frozenset({"set", "expect", "intend", "prepare", "aim", "hope", "go"})


@dataclass(frozen=True)
class DateMention:
    """A date phrase of the article and the calendar date it names.

    `start_char`/`end_char` index the article text, `start`/`end` the Doc's tokens. `kind` is
    "start" when the phrase dates a beginning ("since Oct. 7", "now in its 167th day"),
    otherwise "point"."""

    start_char: int
    end_char: int
    text: str
    date: date
    precision: Precision
    start: int
    end: int
    kind: Literal["point", "start"] = "point"


def find_dates(doc: Doc, publication: date | None) -> list[DateMention]:
    """Every date phrase in `doc` that names a calendar date, in text order. Without a
    publication date only phrases with a year resolve (never against today)."""
    mentions = []
    for span in _candidates(doc):
        start = _nth_day_phrase(span)
        if start is not None:
            resolved, kind = nth_day_start(span.text, publication), "start"
            span = start
        else:
            resolved = resolve_phrase(span.text, publication, future=_about_future(span))
            kind = "start" if _preposition(span) == "since" else "point"
        if resolved is not None:
            mentions.append(DateMention(span.start_char, span.end_char, span.text, resolved[0], resolved[1], span.start, span.end, kind))
    return mentions


def date_for(trigger: Token, mentions: list[DateMention]) -> DateMention | None:
    """The date phrase of the trigger's clause: attached to the trigger itself, then within its
    clause, then to a verb above it ("said Wednesday that the U.S. has submitted"), then deeper
    in its subtree, else the nearest date in the same sentence; None when the sentence has none.
    A date modifying a noun ("the 1967 borders") only ever dates that noun, and a date inside a
    relative clause the trigger is not in only dates that clause."""
    doc, sentence = trigger.doc, trigger.sent
    ranked = []
    for mention in mentions:
        if not sentence.start <= mention.start < sentence.end or mention.start <= trigger.i < mention.end:
            continue
        head, modifier = governor(doc[mention.start : mention.end])
        if _in_other_relative_clause(head, trigger):
            continue
        rank = _modifier_rank(trigger, head) if modifier else _attachment_rank(trigger, head)
        if rank is not None:
            ranked.append((rank, abs(mention.start - trigger.i), mention.start, mention))
    return min(ranked, key=lambda item: item[:3])[3] if ranked else None


def governor(span: Span) -> tuple[Token, bool]:
    """The word a date phrase attaches to, and whether the phrase only modifies a noun.
    "visit Israel on Friday" -> visit; "called Thursday" -> called; "the 1967 borders" ->
    borders (modifier); "the war, now in its 167th day" -> war."""
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent"):
        return root.head.head, False
    if root.dep_ in _MODIFIER_DEPS and root.head not in span:
        before = span.doc[span.start - 1] if span.start else None
        if before is not None and before.dep_ == "prep" and root.head.head == before:
            return before.head, False  # "on Tuesday settlers burned": misparsed as "Tuesday settlers"
        return root.head, True
    return (root, False) if root.head == root else (root.head, False)


def _attachment_rank(trigger: Token, head: Token) -> tuple[int, int]:
    if head == trigger:
        return (0, 0)
    if head in trigger.subtree:
        path = _path_up(head, trigger)
        boundary = any(token.dep_ in _CLAUSE_DEPS for token in path)
        return (3 if boundary else 1, len(path))
    climbed, current = 0, trigger
    while current.head != current:
        # A relative clause keeps its own time ("the court, which in January issued a
        # ruling"): climb to the noun it describes, not to the clause above that noun.
        relative = current.dep_ == "relcl"
        current, climbed = current.head, climbed + 1
        if current == head:
            return (2, climbed)
        if relative:
            break
    return (4, 0)


def _in_other_relative_clause(head: Token, trigger: Token) -> bool:
    # "accused ... at the court, which in January issued a ruling": January is the ruling's;
    # "agreed to resume talks, with a round of negotiations *planned* on 17 June": June is the round's.
    for token in (head, *head.ancestors):
        if token.dep_ == "relcl":
            return trigger not in token.subtree
        if token.dep_ == "acl" and token.tag_ == "VBN" and token != trigger and token in trigger.subtree:
            return True
    return False


def _modifier_rank(trigger: Token, noun: Token) -> tuple[int, int] | None:
    """A dated noun ("an Oct. 7 attack", "the 1967 borders") dates itself, the event it is
    the subject of ("the Oct. 7 attack killed"), and a clause describing it ("an Oct. 7
    attack in which 1,200 Israelis were killed"); nothing else."""
    if noun == trigger:
        return (0, 0)
    if noun.head == trigger and noun.dep_ in ("nsubj", "nsubjpass"):
        return (1, 1)
    clause = trigger
    while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
        clause = clause.head
    return (2, 1) if clause.dep_ in ("relcl", "acl") and clause.head == noun else None


def _path_up(token: Token, ancestor: Token) -> list[Token]:
    path = []
    while token != ancestor:
        path.append(token)
        token = token.head
    return path


def _preposition(span: Span) -> str | None:
    root = span.root
    return root.head.lower_ if root.dep_ == "pobj" else None


def _about_future(span: Span) -> bool:
    """Whether the clause a date phrase attaches to speaks of what is to come: "will meet on
    Friday", "is scheduled to visit Israel on Friday", "would host talks on Sunday"."""
    token, _ = governor(span)
    for _ in range(6):  # from "talks on Friday" up to the verb that holds them
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            break
        token = token.head
    while True:
        lemma = token.lemma_.lower()
        if any(child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUXILIARIES for child in token.children):
            return True
        if lemma in _FUTURE_ALWAYS or (lemma in _FUTURE_WITH_COMPLEMENT and _planned(token)):
            return True
        if token.dep_ not in ("xcomp", "acl") or token.head == token:
            return False
        token = token.head


def _planned(verb: Token) -> bool:
    # "is set to vote", "is expected to resume", "the vote is set for March 28" -- but
    # "homes were set ablaze on Saturday" is past.
    return any(child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ == "for") for child in verb.children)


def _candidates(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in _TIME_ENTITIES:
            continue
        if spans and _continues(spans[-1], ent):
            spans[-1] = doc[spans[-1].start : ent.end]
        else:
            spans.append(_trimmed(ent))
    spans = [span for span in spans if len(span)]
    covered = {i for span in spans for i in range(span.start, span.end)}
    lower = words_of(doc).lower
    for i in [i for i in range(len(doc)) if lower[i] in _BARE_DAY_WORDS]:  # (no Token per word)
        token = doc[i]
        # not "The Sunday Times" (an ORG): only words the tagger left outside any entity
        if token.i not in covered and not token.ent_type_ and (token.is_title or token.is_lower):
            first = token.i - 1 if token.i > 0 and doc[token.i - 1].lower_ in _DAY_WORD_MODIFIERS else token.i
            spans.append(doc[first : token.i + 1])
    return sorted(spans, key=lambda span: span.start)


def _continues(previous: Span, span: Span) -> bool:
    """The small pipeline splits one date in two: "Oct. 7" + "2023", "Sunday" + "17 March",
    "Monday" + "night"."""
    gap = span.doc[previous.end : span.start]
    if len(gap) > 1 or (len(gap) == 1 and gap[0].text != ","):
        return False
    year = len(span) == 1 and span[0].shape_ == "dddd"
    return year or previous[-1].lower_ in WEEKDAYS or span[0].lower_ in _PARTS_OF_DAY


def _trimmed(span: Span) -> Span:
    # "Around 12 April 2022": the approximation is not part of the date's words.
    start = span.start
    while start < span.end and span.doc[start].lower_ in _APPROXIMATE:
        start += 1
    return span.doc[start : span.end]


def _nth_day_phrase(span: Span) -> Span | None:
    """"(now) in its 167th day": the span from "in" (or "its") when the ordinal follows "its"."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "its" or not span.text.lower().endswith("day"):
        return None
    first = span.start - 1
    if first > 0 and doc[first - 1].lower_ == "in":
        first -= 1
    return doc[first : span.end]


_MONTH_NAME = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY_DATE = rf"(?:\d{{1,2}}\s+{_MONTH_NAME},?(?:\s+\d{{4}})?|{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{4}}-\d\d-\d\d)"
_DAY_DATE_RE = re.compile(_DAY_DATE)
_WEEKDAY_FIRST = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# "On 27 January 2022, ..." / "Around 12 April 2022 (as reported), ..." (ACLED notes).
_OPENING = re.compile(rf"^\s*(?:On or (?:around|about)|On|Around|About)\s+{_WEEKDAY_FIRST}(?P<date>{_DAY_DATE})(?:\s*\([^)]{{0,40}}\))?\s*,")
# "CAIRO, March 21 (Reuters) -", "GAZA CITY, Gaza Strip, 21 March 2024 —", "21 March 2024 —",
# or a date alone on the first line.
DATED_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z.'’ -]{{1,40}}(?:,\s*[A-Z][A-Za-z.'’ -]{{1,40}})?,\s*)?{_WEEKDAY_FIRST}"
    rf"(?P<date>{_DAY_DATE})(?:\s*\([^)]{{1,40}}\))?(?:\s*[-–—:]|[ \t]*\n)"
)


def infer_publication_date(text: str) -> date | None:
    """The publication date an article's text without one states at its start: a dateline or an
    opening "On 23 February 2022, ...". A dateline without a year ("CAIRO, March 21 (Reuters)")
    takes the first year that puts it on or after the latest full date in the text ("Oct. 7,
    2023" -> March 21, 2024); None when the text gives no year, and never today."""
    found = _OPENING.match(text) or DATED_DATELINE.match(text)
    if found is None:
        return None
    words = found.group("date")
    resolved = resolve_phrase(words, None)
    if resolved is not None:
        return resolved[0] if resolved[1] == "day" else None
    # Full dates by pattern, not by NER: the small pipeline splits "Oct. 7, 2023" in two.
    stated = [resolve_phrase(later.group(0), None) for later in _DAY_DATE_RE.finditer(text, found.end())]
    known = [day for day, precision in filter(None, stated) if precision == "day"]
    if not known:
        return None
    latest = max(known)
    for year in (latest.year, latest.year + 1):
        candidate = resolve_phrase(f"{words.rstrip(',')} {year}", None)
        if candidate is not None and candidate[1] == "day" and candidate[0] >= latest:
            return candidate[0]
    return None
