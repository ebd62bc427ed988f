"""Readers for the annotated sets `petrel eval` scores against, each validated as it is read.

Formats (see ../shared/eval/README.md):
- pentaclass: `sentence<TAB>class 0-4` per line, with an optional CoNLL file beside it
  (`<name>_spans.conll`: token, a space or tab, tag: B-S/I-S source, B-T/I-T target, B-R/I-R reciprocal).
- petr2_gsr: PETRARCH-2 validation XML: <Sentence id date> blocks with <EventCoding> and <Text>.
  The published file is not well-formed XML (self-closing <Sentence/> followed by </Sentence>),
  so blocks are found with patterns rather than an XML parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from petrel.errors import DataFileError

PENTA_CLASSES = ("0", "1", "2", "3", "4")


@dataclass(frozen=True)
class PentaclassSentence:
    id: str
    text: str
    label: str  # "0".."4"
    line: int
    spans: dict[str, str] = field(default_factory=dict)  # "S"/"T"/"R" -> words of the gold span


@dataclass(frozen=True)
class GoldCoding:
    source: str
    target: str
    code: str


@dataclass(frozen=True)
class CodedSentence:
    id: str
    text: str
    date: date | None
    codings: tuple[GoldCoding, ...]  # empty: the sentence holds no event
    line: int


@dataclass(frozen=True)
class AcledEvent:
    id: str
    notes: str
    event_date: date
    fatalities: int
    iso3: str | None  # from the country name, by petrel's country table
    location: str
    place_names: tuple[str, ...]  # location and admin1-3: any of them counts as the right place
    line: int

    @property
    def text(self) -> str:
        return self.notes


def read_acled(path: Path) -> list[AcledEvent]:
    """ACLED rows with notes; a row without notes, date or fatalities names its line."""
    import csv
    import io

    from petrel.knowledge.actor_tables import default_actor_knowledge

    named = default_actor_knowledge().named
    rows = []
    reader = csv.DictReader(io.StringIO(_read_text(path)))
    missing = {"notes", "event_date", "fatalities", "country", "location"} - set(reader.fieldnames or [])
    if missing:
        raise DataFileError(str(path), 1, f"missing column(s) {', '.join(sorted(missing))}")
    for number, row in enumerate(reader, 2):
        try:
            day = date.fromisoformat(row["event_date"].strip())
            fatalities = int(float(row["fatalities"] or 0))
        except ValueError:
            raise DataFileError(str(path), number, "event_date must be YYYY-MM-DD and fatalities a number") from None
        if not row["notes"].strip():
            continue
        country = named.get(row["country"].strip())
        places = tuple(p for p in (row.get("location"), row.get("admin1"), row.get("admin2"), row.get("admin3")) if p)
        rows.append(AcledEvent(row.get("event_id_cnty") or f"{path.stem}:{number}", row["notes"].strip(), day, fatalities,
                               country.country if country else None, row["location"], places, number))
    return rows


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(str(path), None, "no such file") from None
    except UnicodeDecodeError as error:
        raise DataFileError(str(path), None, f"not UTF-8 text (byte {error.start})") from None


def read_pentaclass(path: Path, spans_path: Path | None = None) -> list[PentaclassSentence]:
    """Sentences with their gold class, and their gold actor spans when the CoNLL file exists."""
    sentences = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        label = label.strip()
        if not text.strip() or label not in PENTA_CLASSES:
            raise DataFileError(str(path), number, "expected `sentence<TAB>class` with a class from 0 to 4")
        sentences.append(PentaclassSentence(f"{path.stem}:{number}", text.strip(), label, number))
    spans_path = spans_path if spans_path is not None else path.with_name(f"{path.stem}_spans.conll")
    if spans_path.exists():
        gold = _spans_by_sentence(read_conll_spans(spans_path))
        sentences = [PentaclassSentence(s.id, s.text, s.label, s.line, _find_spans(gold, s.text)) for s in sentences]
    return sentences


_KEY_LENGTH = 30


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _spans_by_sentence(sentences: list[tuple[str, dict[str, str]]]) -> dict[str, list[tuple[str, dict[str, str]]]]:
    by_start: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for text, spans in sentences:
        by_start.setdefault(_letters(text)[:_KEY_LENGTH], []).append((_letters(text), spans))
    return by_start


def _find_spans(by_start: dict, text: str) -> dict[str, str]:
    """The gold spans of a sentence. The published CoNLL file covers most but not all sentences,
    re-tokenised ("governmentʼs" -> "government 's") and sometimes cut short, so sentences are
    matched on their letters and digits, the CoNLL text being a prefix of the TSV text."""
    letters = _letters(text)
    for candidate, spans in by_start.get(letters[:_KEY_LENGTH], []):
        if letters.startswith(candidate):
            return spans
    return {}


def read_conll_spans(path: Path) -> list[tuple[str, dict[str, str]]]:
    """Per sentence, its words and the words tagged S, T and R (each role's tokens joined by spaces)."""
    sentences: list[tuple[str, dict[str, str]]] = []
    current: dict[str, list[str]] = {}
    tokens: list[str] = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            if tokens:
                sentences.append((" ".join(tokens), {role: " ".join(words) for role, words in current.items()}))
            current, tokens = {}, []
            continue
        token, _, tag = line.rstrip().rpartition(" ") if "\t" not in line else line.rstrip().rpartition("\t")
        if not token or not re.fullmatch(r"O|[BI]-[STR]", tag.strip()):
            raise DataFileError(str(path), number, "expected `token tag` with tag O, B-S, I-S, B-T, I-T, B-R or I-R")
        tokens.append(token)
        tag = tag.strip()
        if tag != "O":
            current.setdefault(tag[2], []).append(token)
    if tokens:
        sentences.append((" ".join(tokens), {role: " ".join(words) for role, words in current.items()}))
    return sentences


_SENTENCE_BLOCK = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODING = re.compile(r"<EventCoding\b([^>]*)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)


def read_petrarch_validation(path: Path) -> list[CodedSentence]:
    """The sentences of a PETRARCH-2 validation file with their expected codings."""
    content = _read_text(path)
    sentences = []
    for block in _SENTENCE_BLOCK.finditer(content):
        line = content.count("\n", 0, block.start()) + 1
        attributes = _attributes(block.group(1))
        if attributes.get("evaluate", "true").lower() == "false":
            continue
        text = _sentence_text(block.group(2))
        if not text:
            raise DataFileError(str(path), line, "a <Sentence> without <Text> (or <Parse> to rebuild it from)")
        codings = []
        for coding in _CODING.finditer(block.group(2)):
            values = _attributes(coding.group(1))
            if values.get("noevents", "").lower() == "true" or "error" in values:
                continue  # no event, or PETRARCH's own discards (error="sentencediscard")
            if not all(values.get(key) for key in ("eventcode", "sourcecode", "targetcode")):
                raise DataFileError(str(path), line, "an <EventCoding> needs eventcode, sourcecode and targetcode (or noevents)")
            codings.append(GoldCoding(values["sourcecode"], values["targetcode"], values["eventcode"]))
        sentences.append(CodedSentence(
            attributes.get("id", f"{path.stem}:{line}"), text,
            _compact_date(attributes.get("date")), tuple(codings), line,
        ))
    if not sentences:
        raise DataFileError(str(path), None, "no <Sentence> ... </Sentence> blocks found")
    return sentences


def _attributes(tag: str) -> dict[str, str]:
    """name="value" or name='value' pairs (PETRARCH files use both, with spaces around =)."""
    return {name: double or single for name, double, single in _ATTRIBUTE.findall(tag)}


def _sentence_text(block: str) -> str:
    """The <Text>, or when it is empty the words of the CoNLL-U <Parse> (a few records have only that)."""
    text = _TEXT.search(block)
    if text is not None and text.group(1).strip():
        return " ".join(text.group(1).split())
    parse = _PARSE.search(block)
    if parse is None:
        return ""
    pieces = []
    for row in parse.group(1).strip().splitlines():
        columns = row.split("\t")
        if len(columns) >= 10 and columns[0].isdigit():
            pieces.append(columns[1] + ("" if "SpaceAfter=No" in columns[9] else " "))
    return "".join(pieces).strip()


def _compact_date(value: str | None) -> date | None:
    """PETRARCH dates are YYYYMMDD."""
    if value and re.fullmatch(r"\d{8}", value):
        try:
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            return None
    return None
