"""Figure words: which words make a number a figure, and how hedged it is. Loaded from YAML.

The file (petrel/data/figures/figure_words.yaml) explains its keys in its header. Every word
is validated at load time; a mistake is a DataFileError naming the file and the line of the
word, with the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import get_args

import yaml

from petrel.errors import DataFileError
from petrel.records import FigureCategory

FIGURE_WORDS_PATH = Path(str(resources.files("petrel") / "data" / "figures" / "figure_words.yaml"))
CATEGORIES: tuple[str, ...] = get_args(FigureCategory)
BOUNDS = ("about", "lower", "upper", "exact")
FILE_KEYS = (
    "categories", "counted_subject", "counted_nouns", "broader", "totals", "estimate_verbs", "measures", "units", "qualifiers",
)  # fmt: skip
_QUALIFIER_KEYS = ("bound", "approximate", "before", "after")
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"

Phrase = tuple[str, ...]  # lower-case words: ("take", "refuge")


@dataclass(frozen=True)
class Qualifier:
    """A hedge on a number: "nearly" (upper bound), "more than" (lower bound), "some" (about)."""

    words: Phrase
    bound: str  # about | lower | upper | exact
    approximate: bool
    after: bool  # written after the number: "1,000 or more"
    line: int

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class FigureWords:
    """The figure knowledge of one file, indexed for the finder."""

    path: str
    categories: dict[Phrase, str]  # word or phrase -> category
    counted_subject: frozenset[Phrase]
    counted_nouns: frozenset[Phrase]
    broader: dict[str, str]
    totals: frozenset[Phrase]
    measures: frozenset[str]
    units: dict[Phrase, str]  # counted noun -> unit
    qualifiers: tuple[Qualifier, ...]  # longest first
    estimate_verbs: frozenset[str] = frozenset()  # "put the death toll at 26": the subject is the source

    def entries_with(self, word: str, table: str) -> tuple[Phrase, ...]:
        """The entries of one table (categories, counted_subject, counted_nouns, totals, units)
        that contain `word`, longest first."""
        return self._index[table].get(word, ())

    @cached_property
    def _index(self) -> dict[str, dict[str, tuple[Phrase, ...]]]:
        tables = {
            "categories": self.categories, "counted_subject": self.counted_subject,
            "counted_nouns": self.counted_nouns, "totals": self.totals, "units": self.units,
        }
        index: dict[str, dict[str, tuple[Phrase, ...]]] = {}
        for name, phrases in tables.items():
            by_word: dict[str, list[Phrase]] = {}
            for phrase in phrases:
                for word in set(phrase):
                    by_word.setdefault(word, []).append(phrase)
            index[name] = {word: tuple(sorted(found, key=len, reverse=True)) for word, found in by_word.items()}
        return index

    def words_of(self, category: str) -> list[str]:
        """The words and phrases of one category, as written in the file."""
        return sorted(" ".join(p) for p, c in self.categories.items() if c == category)

    def union(self, categories: list[str]) -> str:
        """The category of one number counting several categories together ("damaged or destroyed")."""
        distinct = list(dict.fromkeys(categories))
        if len(distinct) == 1:
            return distinct[0]
        for candidate in distinct:
            if all(c == candidate or self.broader.get(c) == candidate for c in distinct):
                return candidate
        return "other"


# -- reading nodes with their lines ---------------------------------------------------------------
def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _word(node: yaml.Node, path: str, what: str) -> Phrase:
    if not isinstance(node, yaml.ScalarNode) or node.tag != _STR or not node.value.strip():
        shown = node.value if isinstance(node, yaml.ScalarNode) else type(node).__name__
        raise DataFileError(
            path, _line(node), f"{what}: {shown!r} is not a word", fix="write a word or phrase; quote yes, no, on, off and numbers",
        )
    return tuple(node.value.lower().split())


def _words(node: yaml.Node, path: str, what: str) -> list[tuple[Phrase, int]]:
    if not isinstance(node, yaml.SequenceNode):
        raise DataFileError(path, _line(node), f"{what} must be a list of words", fix=f"write {what}: [word, word, ...]")
    return [(_word(item, path, what), _line(item)) for item in node.value]


def _mapping(node: yaml.Node, path: str, what: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(path, _line(node), f"{what} must be a mapping of names to values")
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag != _STR:
            raise DataFileError(path, _line(key), f"{what}: a key must be a name")
    return node.value


def _category(node: yaml.ScalarNode, path: str) -> str:
    if node.value not in CATEGORIES:
        raise DataFileError(
            path, _line(node), f"unknown figure category {node.value!r}", fix=f"use one of: {', '.join(CATEGORIES)}",
        )
    return node.value


def _once(seen: dict[Phrase, int], phrase: Phrase, line: int, path: str, what: str) -> None:
    if phrase in seen:
        raise DataFileError(path, line, f"{' '.join(phrase)!r} is given twice in {what} (first at line {seen[phrase]})", fix="keep one")
    seen[phrase] = line


# -- the sections ---------------------------------------------------------------------------------
def _categories(node: yaml.Node, path: str) -> dict[Phrase, str]:
    table: dict[Phrase, str] = {}
    lines: dict[Phrase, int] = {}
    for key, value in _mapping(node, path, "categories"):
        category = _category(key, path)
        for phrase, line in _words(value, path, category):
            if phrase in table:
                raise DataFileError(
                    path, line, f"{' '.join(phrase)!r} is under {table[phrase]} (line {lines[phrase]}) and {category}",
                    fix="a word carries one category: keep it under one",
                )
            table[phrase], lines[phrase] = category, line
    return table


def _broader(node: yaml.Node, path: str) -> dict[str, str]:
    broader = {}
    for key, value in _mapping(node, path, "broader"):
        if not isinstance(value, yaml.ScalarNode) or value.tag != _STR:
            raise DataFileError(path, _line(value), "broader: give one category", fix="write narrower: broader, e.g. destroyed: damaged")
        broader[_category(key, path)] = _category(value, path)
    return broader


def _units(node: yaml.Node, path: str) -> dict[Phrase, str]:
    units: dict[Phrase, str] = {}
    seen: dict[Phrase, int] = {}
    for key, value in _mapping(node, path, "units"):
        for phrase, line in _words(value, path, f"units: {key.value}"):
            _once(seen, phrase, line, path, "units")
            units[phrase] = key.value
    return units


def _qualifiers(node: yaml.Node, path: str) -> tuple[Qualifier, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise DataFileError(path, _line(node), "qualifiers must be a list of groups", fix="write - bound: lower, before: [...]")
    found: list[Qualifier] = []
    seen: dict[tuple[Phrase, bool], int] = {}
    for group in node.value:
        fields = {key.value: value for key, value in _mapping(group, path, "a qualifier group")}
        unknown = set(fields) - set(_QUALIFIER_KEYS)
        if unknown:
            keys = ", ".join(sorted(unknown))
            raise DataFileError(path, _line(group), f"unknown key(s) {keys}", fix=f"use {', '.join(_QUALIFIER_KEYS)}")
        bound_node = fields.get("bound")
        if bound_node is None or not isinstance(bound_node, yaml.ScalarNode) or bound_node.value not in BOUNDS:
            shown = bound_node.value if isinstance(bound_node, yaml.ScalarNode) else None
            raise DataFileError(path, _line(bound_node or group), f"bound {shown!r} is not one of {', '.join(BOUNDS)}")
        bound = bound_node.value
        approximate = bound != "exact"
        if "approximate" in fields:
            flag = fields["approximate"]
            if not isinstance(flag, yaml.ScalarNode) or flag.tag != _BOOL:
                raise DataFileError(path, _line(flag), "approximate must be true or false")
            approximate = flag.value.lower() in ("true", "yes", "on")
        if "before" not in fields and "after" not in fields:
            raise DataFileError(path, _line(group), "a qualifier group needs before or after words")
        for side in ("before", "after"):
            for phrase, line in _words(fields[side], path, side) if side in fields else []:
                key = (phrase, side == "after")
                if key in seen:
                    raise DataFileError(
                        path, line, f"qualifier {' '.join(phrase)!r} is given twice (first at line {seen[key]})", fix="keep it in one group",
                    )
                seen[key] = line
                found.append(Qualifier(phrase, bound, approximate, side == "after", line))
    return tuple(sorted(found, key=lambda q: -len(q.words)))


def load_figure_words(path: Path = FIGURE_WORDS_PATH) -> FigureWords:
    """Read and validate a figure words file."""
    where = str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataFileError(where, mark.line + 1 if mark else None, f"not valid YAML: {error}") from None
    if root is None:
        raise DataFileError(where, None, "the file is empty", fix=f"give at least categories (keys: {', '.join(FILE_KEYS)})")
    sections: dict[str, yaml.Node] = {}
    for key, value in _mapping(root, where, "the file"):
        if key.value not in FILE_KEYS:
            raise DataFileError(where, _line(key), f"unknown key {key.value!r}", fix=f"use {', '.join(FILE_KEYS)}")
        if key.value in sections:
            raise DataFileError(where, _line(key), f"{key.value} is given twice", fix="merge the two into one")
        sections[key.value] = value
    if "categories" not in sections:
        raise DataFileError(where, None, "no categories", fix="give categories: {killed: [kill, ...], ...}")
    categories = _categories(sections["categories"], where)

    def listed(key: str) -> list[tuple[Phrase, int]]:
        return _words(sections[key], where, key) if key in sections else []

    counted_subject, counted_nouns = listed("counted_subject"), listed("counted_nouns")
    for key, phrases in (("counted_subject", counted_subject), ("counted_nouns", counted_nouns)):
        for phrase, line in phrases:
            if phrase not in categories:
                raise DataFileError(
                    where, line, f"{key}: {' '.join(phrase)!r} is not a word of any category", fix="add it under its category first",
                )
    measures, estimate_verbs = listed("measures"), listed("estimate_verbs")
    for key, phrases in (("measures", measures), ("estimate_verbs", estimate_verbs)):
        for phrase, line in phrases:
            if len(phrase) != 1:
                raise DataFileError(where, line, f"{key}: {' '.join(phrase)!r} must be one word")
    return FigureWords(
        path=where,
        categories=categories,
        counted_subject=frozenset(p for p, _ in counted_subject),
        counted_nouns=frozenset(p for p, _ in counted_nouns),
        broader=_broader(sections["broader"], where) if "broader" in sections else {},
        totals=frozenset(p for p, _ in listed("totals")),
        measures=frozenset(p[0] for p, _ in measures),
        estimate_verbs=frozenset(p[0] for p, _ in estimate_verbs),
        units=_units(sections["units"], where) if "units" in sections else {},
        qualifiers=_qualifiers(sections["qualifiers"], where) if "qualifiers" in sections else (),
    )


@lru_cache(maxsize=1)
def default_figure_words() -> FigureWords:
    return load_figure_words()
