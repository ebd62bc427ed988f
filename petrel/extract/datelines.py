"""Datelines: "GAZA CITY, Palestinian Territories:", "CAIRO (Reuters) -", "KYIV, Ukraine (AP) —".

Wire copy opens with the place it is filed from. Parsed as part of the first sentence, the
dateline becomes its subject ("GAZA CITY ... were killed"), so it is made a sentence of its own
before the parser runs (spaCy's parser keeps sentence starts set before it). The place stays an
entity of the article; it is just no longer anyone's subject.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from petrel.extract.dates import DATED_DATELINE

# A place in capitals (at least three letters: not "US -"), maybe ", Country" and "(Agency)", then a colon or dash.
_CAPITALS_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{2,40}[A-Z.](?:,\s*[A-Z][A-Za-z.'’ -]{1,40})?(?:\s*\([^)]{1,30}\))?\s*(?::|—|–|--|-)\s+"
)


def dateline_end(text: str) -> int | None:
    """Where the body starts after an opening dateline, or None when the text has none."""
    found = _CAPITALS_DATELINE.match(text) or DATED_DATELINE.match(text)
    if found is None:
        return None
    end = len(text) - len(text[found.end() :].lstrip())
    return end if end < len(text) else None


def mark_dateline(doc: Doc) -> Doc:
    """A spaCy component (before the parser): the dateline is a sentence of its own."""
    end = dateline_end(doc.text)
    if end is None:
        return doc
    for token in doc[1:]:
        if token.idx >= end:
            token.is_sent_start = True
            break
        token.is_sent_start = False
    return doc
