"""Import a PETRARCH-2 / TABARI verb dictionary (such as CAMEO.2.0.txt) as petrel event patterns.

A dictionary defines synsets (an `&CEASEFIRE` line, then `+TRUCE` lines) and verb blocks:

    ---  ACCELERATE   [---]  ---     a block, and the code of its bare verbs (---: no event)
    RUSH                             its verbs (ASK [020] has its own code; +ASK_FOR is multiword)
    - * AID              [070]       a pattern: the verb '*' with an object, a prepositional
    - * (TO BORDER)      [154]       phrase, a noun phrase {RELIEF ASSISTANCE} (its last word is
    - &MILITARY *        [154]       the head), a synset's words (&FOOD) or a subject (not kept)

Of a code pair like [042:043] (the source's event, then the target's) petrel takes the first.
Each pattern's id, `petrarch:<BLOCK>:<line>`, says where in the file it came from. What an
EventPattern cannot express is skipped and counted by reason (`DictionarySkip`), never guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from petrel.knowledge.petrarch_files import read_dictionary_lines, skipped_count, skipped_summary
from petrel.errors import DataFileError, DictionarySkip
from petrel.knowledge.event_lexicon import EventLexicon, EventPattern
from petrel.ontology import Ontology, default_ontology

_HEADER = re.compile(r"^---\s*(?P<name>[^\s\[\]-][^\s\[\]]*)?\s*(?:\[(?P<code>[^\]]*)\])?")
_CODE = re.compile(r"\[([^\]]*)\]")
# A prepositional phrase, a noun phrase, a word, or a stray bracket (which makes a line malformed).
_TOKEN = re.compile(r"\([^()]*\)|\{[^{}]*\}|[^\s(){}]+|[(){}]")
_MARKERS = frozenset({"+", "^", "%"})  # where the target is, "any noun phrase", a compound actor
_ARTICLES = frozenset({"a", "an", "the"})
# Adverbial particles ("set OUT views", "call OFF"): spaCy attaches them to the verb as `prt`,
# which a pattern cannot require. A preposition, in contrast, is what a pattern's `prep` is.
_PARTICLES = frozenset({"up", "down", "out", "off", "away", "back", "forth", "forward", "together", "aside", "apart"})
_PREPOSITIONS = frozenset("about across after against along around at behind between by for from in into of on "
                          "over through to toward towards under upon with".split())
_NOT_PLURAL = frozenset({"news", "series", "species", "goods", "means"})
# Where the other party is when the object is a thing: "rushed aid to Gaza", "imposed sanctions on Iran".
_BESIDE_OBJECT_TARGETS = ("dative", "prep:to", "prep:against", "prep:on", "prep:with", "prep:into", "prep:at", "prep:from")
_FIX = "give a PETRARCH-2 or TABARI verb dictionary such as CAMEO.2.0.txt: blocks start '--- VERB [code] ---'"


@dataclass
class ImportReport:
    """What an import kept, and what it left out and why: the lines of the file, by reason."""

    path: str
    blocks: int = 0
    verbs: int = 0  # distinct verb lemmas that trigger at least one imported pattern
    patterns: int = 0
    particles_dropped: int = 0  # patterns imported without their particle ("- * OUT VIEWS")
    skipped: dict[DictionarySkip, list[int]] = field(default_factory=lambda: defaultdict(list))

    @property
    def skipped_count(self) -> int:
        return skipped_count(self.skipped)

    def __str__(self) -> str:
        summary = f"imported {self.patterns} patterns for {self.verbs} verbs from {self.path}"
        return summary + skipped_summary(self.skipped)


class PetrarchLexicon(EventLexicon):
    """An event lexicon imported from a PETRARCH verb dictionary, with its import report."""

    def __init__(self, patterns: list[EventPattern], path: str, report: ImportReport):
        super().__init__(patterns, path)
        self.report = report


@dataclass
class _Block:
    """One '--- NAME [code] ---' block: its verb lines and pattern lines, with their line numbers."""

    name: str
    line: int
    code: str
    verbs: list[tuple[str, int]] = field(default_factory=list)
    patterns: list[tuple[str, int]] = field(default_factory=list)


class _Skip(Exception):
    """A line that gives no pattern; its argument is the DictionarySkip saying why."""


def load_petrarch_verbs(path: Path, ontology: Ontology | None = None) -> PetrarchLexicon:
    """Import a PETRARCH-2 / TABARI verb dictionary as event patterns for petrel's matcher.

    Lines a pattern cannot express are skipped and counted in `.report`, never fatal. A file that
    is not a verb dictionary (binary, or without verb blocks) raises DataFileError naming the
    file and line.
    """
    path = Path(path)
    report = ImportReport(str(path))
    blocks, synsets = _parse(_read_lines(path), str(path), report)
    importer = _Importer(ontology or default_ontology(), synsets, report)
    for block in blocks:
        importer.add_block(block)
    # The matcher tries equally specific patterns in list order. An object lemma is a narrower
    # condition than a bare preposition: "rushed aid to Gaza" is '- * AID', not '- * (TO)'.
    patterns = sorted(importer.patterns, key=lambda p: (-p.specificity, not p.object))
    report.blocks, report.patterns = len(blocks), len(patterns)
    report.verbs = len({verb for pattern in patterns for verb in pattern.verbs})
    return PetrarchLexicon(patterns, str(path), report)


# -- reading the file -------------------------------------------------------------------
def _read_lines(path: Path) -> list[str]:
    return read_dictionary_lines(path, "a verb dictionary", _FIX)


def _parse(lines: list[str], path: str, report: ImportReport) -> tuple[list[_Block], dict[str, list[str]]]:
    """The verb blocks and the synsets (name -> member phrases) of a dictionary."""
    blocks: list[_Block] = []
    synsets: dict[str, list[str]] = {}
    block: _Block | None = None
    synset: list[str] | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].split(";", 1)[0].strip()  # a few TABARI-era lines use ';' comments
        if not line or line.startswith("<!") or not line.strip("-"):
            continue  # blank, an XML comment, or a separator of dashes
        if line.startswith("---"):
            header = _HEADER.match(line)  # every line starting with '---' matches
            if header["name"] is None:
                raise DataFileError(path, number, "verb block header without a name", fix="write it as '--- VERB [code] ---'")
            block, synset = _Block(header["name"].upper(), number, header["code"] or "---"), None
            blocks.append(block)
        elif line.startswith("&"):
            synset = synsets.setdefault(line.split()[0].upper(), [])
        elif line.startswith("+") and synset is not None:
            synset += [line[1:]] if line.strip("+_ ") else []
        elif line.startswith("~"):
            report.skipped[DictionarySkip.TRANSFORMATION].append(number)
        elif block is None:
            report.skipped[DictionarySkip.OUTSIDE_BLOCK].append(number)
        else:
            (block.patterns if line.startswith("-") else block.verbs).append((line, number))
    if not blocks:
        first = next(iter(report.skipped[DictionarySkip.OUTSIDE_BLOCK]), 1)
        raise DataFileError(path, first, "not a verb dictionary: it has no verb blocks", fix=_FIX)
    return blocks, synsets


# -- words ------------------------------------------------------------------------------
def _tokens(text: str) -> list[str]:
    tokens = _TOKEN.findall(text)
    if any(token in "(){}" for token in tokens):
        raise _Skip(DictionarySkip.MALFORMED)
    return tokens


def _head(words: list[str]) -> str:
    """The head of a noun phrase: its last word, or the word before 'of' ("difference of opinion")."""
    words = [word for word in words if word]
    if not words:
        raise _Skip(DictionarySkip.MALFORMED)
    lowered = [word.lower() for word in words]
    return words[lowered.index("of", 1) - 1] if "of" in lowered[1:] else words[-1]


def _noun_forms(word: str) -> frozenset[str]:
    """A dictionary word as spaCy may lemmatise it: lower-case and, where it looks plural, also
    singular ("SOLDIERS" -> soldiers, soldier). Both are kept because the singular is a guess."""
    word = word.strip("_").lower()
    return frozenset({word, _singular(word)})


def _singular(word: str) -> str:
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"  # servicemen, infantrymen
    if len(word) < 4 or not word.endswith("s") or word in _NOT_PLURAL or word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # rallies, hostilities
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]  # churches, taxes, addresses
    return word[:-1]


def _verb_words(entry: str) -> tuple[str, list[str]]:
    """The verb of an entry and the words after it: '+CALL_OFF' -> ('call', ['off']).

    Words before the '+' verb ('RE_+ARREST') are dropped: the parser tags the last one as the verb.
    """
    words = [word for word in re.split(r"[{\[]", entry.lower())[0].split("_") if word.strip("+")]
    if not words:
        raise _Skip(DictionarySkip.MALFORMED)
    marked = next((i for i, word in enumerate(words) if word.startswith("+")), 0)
    return words[marked].lstrip("+"), words[marked + 1 :]


def _cameo(raw: str, ontology: Ontology) -> str:
    """The code of a [code] field: of a [source:target] pair, the source's."""
    first = raw.split(":")[0].strip()
    if first == "---":
        raise _Skip(DictionarySkip.NULL_CODE)
    if not first:
        raise _Skip(DictionarySkip.REVERSED_CODE)
    if first not in ontology:
        raise _Skip(DictionarySkip.UNKNOWN_CODE)
    return first


# -- from blocks to patterns ------------------------------------------------------------
class _Importer:
    """Turns parsed blocks into EventPatterns, counting what it cannot express."""

    def __init__(self, ontology: Ontology, synsets: dict[str, list[str]], report: ImportReport):
        self.ontology = ontology
        self.report = report
        self.patterns: list[EventPattern] = []
        self.synsets = {
            name: frozenset(form for member in members for form in _noun_forms(_head(re.split(r"[\s_]+", member))))
            for name, members in synsets.items() if members
        }  # fmt: skip

    @contextmanager
    def _counting_skips(self, line: int) -> Iterator[None]:
        try:
            yield
        except _Skip as skip:
            self.report.skipped[skip.args[0]].append(line)

    def add_block(self, block: _Block) -> None:
        verbs: set[str] = set()  # the block's single-word verbs, which its patterns apply to
        bare: set[str] = set()  # ... of them those without their own code, which take the block's
        for text, line in block.verbs:
            with self._counting_skips(line):
                self._verb_line(block, line, text, verbs, bare)
        if bare:
            with self._counting_skips(block.line):
                self._add(block, block.line, bare, _cameo(block.code, self.ontology))
        for text, line in block.patterns:
            with self._counting_skips(line):
                self._pattern_line(block, line, verbs, text)

    def _verb_line(self, block: _Block, line: int, text: str, verbs: set[str], bare: set[str]) -> None:
        """A verb line: a pattern of its own if it has a code or more than one word; else into `bare`."""
        verb, after = _verb_words(text.split()[0])
        own = _CODE.search(text)
        if after:
            return self._multiword(block, line, verb, after, own.group(1) if own else block.code)
        verbs.add(verb)
        if own is None:
            bare.add(verb)
        else:
            self._add(block, line, {verb}, _cameo(own.group(1), self.ontology))

    def _add(self, block: _Block, line: int, verbs: set[str], cameo: str, prep: str | None = None,
             obj: frozenset[str] = frozenset(), targets: tuple[str, ...] = (),
             subject: frozenset[str] = frozenset()) -> None:  # fmt: skip
        if not targets and prep and not obj:
            targets = (f"prep:{prep}",)  # "- * (TO)": the other party is whoever follows the preposition
        elif not targets and obj and not prep:
            targets = _BESIDE_OBJECT_TARGETS
        self.patterns.append(EventPattern(
            id=f"petrarch:{block.name}:{line}", cameo=cameo, verbs=frozenset(verbs), nouns=frozenset(),
            prep=prep, object=obj, subject=subject, verb_targets=targets or ("dobj",), noun_targets=(), line=line,
        ))  # fmt: skip

    def _multiword(self, block: _Block, line: int, verb: str, after: list[str], code: str) -> None:
        """'+ASK_FOR' -> 'ask' with prep 'for'; '+WAGE_WAR' -> 'wage' with object 'war'."""
        cameo = _cameo(code, self.ontology)
        if len(after) > 1:
            raise _Skip(DictionarySkip.LONG_VERB)
        word = after[0]
        if word in _PARTICLES:
            raise _Skip(DictionarySkip.PARTICLE_VERB)
        if word in ("and", "or"):
            raise _Skip(DictionarySkip.COORDINATED_VERB)
        if word in _PREPOSITIONS:
            self._add(block, line, {verb}, cameo, prep=word)
        else:
            self._add(block, line, {verb}, cameo, obj=_noun_forms(word))

    def _pattern_line(self, block: _Block, line: int, verbs: set[str], text: str) -> None:
        body = text[1:]
        code = _CODE.search(body)
        if code is None or "*" not in body[: code.start()]:
            raise _Skip(DictionarySkip.MALFORMED)
        before, _, after = body[: code.start()].partition("*")
        subject = self._subject(before)
        cameo = _cameo(code.group(1), self.ontology)
        if not verbs:
            raise _Skip(DictionarySkip.NO_VERBS)
        prep, obj, targets = self._conditions(after)
        self._add(block, line, verbs, cameo, prep, obj, targets, subject)

    def _subject(self, text: str) -> frozenset[str]:
        """What '- &MILITARY *' or '- MORTAR *' asks before the verb: the lemmas one of which must
        head (or modify) its subject, as petrel's own patterns ask for "*missiles* struck". Several
        words, or PETRARCH's markers ('- IN_ *', '- SAID * TO'), say more than a subject: skipped."""
        words = [token for token in _tokens(text) if token.lower() not in _ARTICLES]
        if not words:
            return frozenset()
        if len(words) > 1 or not re.fullmatch(r"&?[A-Za-z-]+|\{[A-Za-z -]+\}", words[0]):
            raise _Skip(DictionarySkip.SUBJECT_SIDE)
        return self._object(words[0])

    def _conditions(self, text: str) -> tuple[str | None, frozenset[str], tuple[str, ...]]:
        """The prep, the object lemmas and the target slots ('+' marks them) a pattern asks for after the verb."""
        tokens = _tokens(text)
        if any("$" in token for token in tokens):
            raise _Skip(DictionarySkip.SOURCE_AFTER_VERB)
        phrases = [token for token in tokens if token not in _MARKERS and token.lower() not in _ARTICLES]
        kept = [phrase for phrase in phrases if phrase.lower() not in _PARTICLES]
        conditions = [self._prep_phrase(p[1:-1]) if p.startswith("(") else (None, self._object(p), False) for p in kept]
        targets = tuple(f"prep:{prep}" for prep, _, marked in conditions if marked)
        if len(conditions) > 1:  # beside an object, "(AT +)" only says where the target is
            conditions = [(prep, obj, marked) for prep, obj, marked in conditions if obj or not marked]
        if len(conditions) > 1:
            raise _Skip(DictionarySkip.TWO_CONDITIONS)
        if not conditions:
            if len(kept) < len(phrases):
                raise _Skip(DictionarySkip.PARTICLE_ONLY)
            return None, frozenset(), targets
        if len(kept) < len(phrases):
            self.report.particles_dropped += 1
        prep, obj, _ = conditions[0]
        return prep, obj, targets

    def _prep_phrase(self, text: str) -> tuple[str, frozenset[str], bool]:
        """'TO BORDER' -> ('to', {'border'}, False); 'AT +' -> ('at', {}, True): '+' marks the target."""
        tokens = _tokens(text)
        if not tokens or not tokens[0].isalpha():
            raise _Skip(DictionarySkip.MALFORMED)
        nouns = [token for token in tokens[1:] if token not in _MARKERS and token.lower() not in _ARTICLES]
        if len(nouns) > 1:
            raise _Skip(DictionarySkip.TWO_CONDITIONS)
        return tokens[0].lower(), self._object(nouns[0]) if nouns else frozenset(), "+" in tokens

    def _object(self, phrase: str) -> frozenset[str]:
        """The lemmas one of which must head the object: a word, the head of {A B}, or a synset's words."""
        if phrase.startswith("{"):
            phrase = _head(re.split(r"[\s_]+", phrase[1:-1]))
        if not phrase.startswith("&"):
            return _noun_forms(_head(phrase.split("_")))
        members = self.synsets.get(phrase.upper())
        if members is None:
            raise _Skip(DictionarySkip.UNDEFINED_SYNSET)
        return members
