"""The event lexicon: verb and noun patterns with their frames, loaded from YAML and validated."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from petrel.errors import DataFileError
from petrel.ontology import Ontology, default_ontology

LEXICON_PATH = Path(str(resources.files("petrel") / "data" / "events" / "lexicon.yaml"))
_KEYS = {"id", "cameo", "verbs", "nouns", "adjectives", "purpose", "prep", "object", "not_object", "subject", "target", "reciprocal", "jointly"}
_DEFAULT_VERB_TARGETS = ("dobj",)
_DEFAULT_NOUN_TARGETS = ("prep:with", "prep:on", "prep:against", "prep:between", "prep:to")


@dataclass(frozen=True)
class EventPattern:
    """One lexicon entry: which words trigger which CAMEO code, in which frame."""

    id: str
    cameo: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    prep: str | None
    object: frozenset[str]
    verb_targets: tuple[str, ...]
    noun_targets: tuple[str, ...]
    line: int
    reciprocal: bool = False  # coordinated participants act on each other ("A and B held talks")
    not_object: frozenset[str] = frozenset()  # object lemmas that rule the pattern out ("fight an epidemic")
    subject: frozenset[str] = frozenset()  # lemmas one of which must head the subject ("*missiles* struck")
    jointly: str | None = None  # the pattern it is when several parties do it together ("A and B held drills")
    adjectives: frozenset[str] = frozenset()  # said of a copula's subject: "said it was *skeptical*"
    purpose: frozenset[str] = frozenset()  # lemmas one of which must head the verb's purpose: "gathered *to demand*"

    @property
    def specificity(self) -> int:
        """How many conditions beyond the trigger word: more specific patterns win."""
        return (self.prep is not None) + bool(self.object) + bool(self.subject) + bool(self.purpose)


class EventLexicon:
    """Patterns indexed by trigger lemma."""

    def __init__(self, patterns: list[EventPattern], path: str):
        self.patterns = patterns
        self.path = path
        self.by_verb: dict[str, list[EventPattern]] = defaultdict(list)
        self.by_noun: dict[str, list[EventPattern]] = defaultdict(list)
        self.by_adjective: dict[str, list[EventPattern]] = defaultdict(list)
        self.by_id = {pattern.id: pattern for pattern in patterns}
        for pattern in patterns:
            for lemma in pattern.verbs:
                self.by_verb[lemma].append(pattern)
            for lemma in pattern.nouns:
                self.by_noun[lemma].append(pattern)
            for lemma in pattern.adjectives:
                self.by_adjective[lemma].append(pattern)
        for index in (self.by_verb, self.by_noun, self.by_adjective):
            for candidates in index.values():
                candidates.sort(key=lambda p: -p.specificity)

    def extended_with(self, other: EventLexicon) -> EventLexicon:
        """This lexicon's patterns and then `other`'s, in one lexicon.

        A more specific pattern of `other` wins over a less specific one of this lexicon; where
        both are equally specific this lexicon's wins (the sort by specificity is stable).
        """
        ours = {pattern.id for pattern in self.patterns}
        clash = next((pattern for pattern in other.patterns if pattern.id in ours), None)
        if clash is not None:
            # evidence.rule names a pattern by its id: two patterns with one id would be indistinguishable
            raise DataFileError(other.path, clash.line, f"id {clash.id!r} is also used in {self.path}", fix="give the pattern another id")
        return EventLexicon(self.patterns + other.patterns, f"{self.path} + {other.path}")


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of each mapping, for error messages."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _words(entry: dict, key: str, path: str, line: int) -> frozenset[str]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataFileError(path, line, f"{key!r} must be a list of words")
    return frozenset(v.lower() for v in value)


def _targets(entry: dict, path: str, line: int, default: tuple[str, ...]) -> tuple[str, ...]:
    value = entry.get("target")
    if value is None:
        return default
    if not isinstance(value, list) or not all(
        isinstance(v, str) and (v in ("dobj", "dative", "clause") or v.startswith("prep:")) for v in value
    ):
        raise DataFileError(path, line, "target must be a list of dobj, dative, clause or prep:WORD")
    return tuple(value)


def _noun_slots(slots: tuple[str, ...]) -> tuple[str, ...]:
    """A noun has no direct object: what a verb's object is, its noun takes with "of" ("arrested
    journalists" -> "the arrest *of journalists*", "the shelling *of Kharkiv*")."""
    return tuple(dict.fromkeys("prep:of" if slot == "dobj" else slot for slot in slots))


def _pattern(entry: object, path: str, ontology: Ontology, index: int) -> EventPattern:
    if not isinstance(entry, dict):
        raise DataFileError(path, None, f"entry {index + 1} is not a mapping with id and cameo")
    line = entry.pop("__line__", None)
    unknown = set(entry) - _KEYS
    if unknown:
        raise DataFileError(path, line, f"unknown key(s) {', '.join(sorted(unknown))}", fix=f"use {', '.join(sorted(_KEYS))}")
    pattern_id, cameo = entry.get("id"), entry.get("cameo", "")
    if not isinstance(pattern_id, str) or not pattern_id:
        raise DataFileError(path, line, "entry has no id")
    if not isinstance(cameo, str):
        # YAML reads cameo: 0256 as a number (octal 174): a code must be written as a string.
        raise DataFileError(path, line, f"{pattern_id}: cameo must be quoted", fix='write it as cameo: "0256"')
    if cameo not in ontology:
        raise DataFileError(path, line, f"{pattern_id}: {cameo!r} is not a CAMEO code", fix="see petrel/data/ontology/cameo_codes.tsv")
    verbs, nouns = _words(entry, "verbs", path, line), _words(entry, "nouns", path, line)
    adjectives = _words(entry, "adjectives", path, line)
    if not verbs and not nouns and not adjectives:
        raise DataFileError(path, line, f"{pattern_id}: give verbs, nouns or adjectives that trigger it")
    prep = entry.get("prep")
    if prep is not None and not isinstance(prep, str):
        raise DataFileError(path, line, f"{pattern_id}: prep must be one word")
    return EventPattern(
        id=pattern_id, cameo=cameo, verbs=verbs, nouns=nouns, prep=prep.lower() if prep else None,
        object=_words(entry, "object", path, line),
        verb_targets=_targets(entry, path, line, _DEFAULT_VERB_TARGETS),
        noun_targets=_noun_slots(_targets(entry, path, line, _DEFAULT_NOUN_TARGETS)),
        line=line or 0,
        reciprocal=bool(entry.get("reciprocal", False)),
        not_object=_words(entry, "not_object", path, line),
        subject=_words(entry, "subject", path, line),
        jointly=_pattern_id(entry, "jointly", path, line),
        adjectives=adjectives,
        purpose=_words(entry, "purpose", path, line),
    )


def _pattern_id(entry: dict, key: str, path: str, line: int) -> str | None:
    value = entry.get(key)
    if value is not None and (not isinstance(value, str) or not value):
        raise DataFileError(path, line, f"{key!r} must be the id of another entry")
    return value


def load_event_lexicon(path: Path = LEXICON_PATH, ontology: Ontology | None = None) -> EventLexicon:
    """Read and validate an event lexicon file."""
    ontology = ontology or default_ontology()
    try:
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataFileError(str(path), mark.line + 1 if mark else None, f"not valid YAML: {error}") from None
    if not isinstance(entries, list):
        raise DataFileError(str(path), None, "the lexicon must be a YAML list of entries")
    patterns = [_pattern(entry, str(path), ontology, i) for i, entry in enumerate(entries)]
    seen: dict[str, int] = {}
    for pattern in patterns:
        if pattern.id in seen:
            raise DataFileError(str(path), pattern.line, f"id {pattern.id!r} is used twice (first at line {seen[pattern.id]})")
        seen[pattern.id] = pattern.line
    for pattern in patterns:
        if pattern.jointly is not None and pattern.jointly not in seen:
            raise DataFileError(str(path), pattern.line, f"{pattern.id}: jointly names {pattern.jointly!r}, which is no entry's id")
    return EventLexicon(patterns, str(path))


@lru_cache(maxsize=1)
def default_event_lexicon() -> EventLexicon:
    return load_event_lexicon()
