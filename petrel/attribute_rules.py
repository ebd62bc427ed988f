"""The pipeline's attribute-ruler rules, found by lookup instead of spaCy's Matcher.

en_core_web_sm's `attribute_ruler` turns tagger tags into coarse POS and morphology with 179
rules ("TAG = NN -> POS NOUN, Number=Sing"; "LOWER = it and DEP = nsubj -> Case=Nom..."). spaCy
runs them with a Matcher that tries every rule at every token, which costs as much as the
parser (0.67 s of a 4.6 s parse on our sample articles). Almost every rule names the exact tag,
lowercase form or dependency its first token must have, so the rules a token can start are
looked up in a table by those values, and only those are checked.

The annotations are the ruler's own: matches are listed in the ruler's order (rule index, then
start) and handed to its `set_annotations`, so later rules win exactly as they do in spaCy.
A ruler using pattern features this module does not read keeps spaCy's Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens import Doc

# The token attributes rules may test, as columns of `Doc.to_array`.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# Attributes whose exact value can anchor a rule in the lookup table, most selective first.
_ANCHORS = ("LOWER", "DEP", "TAG")

Row = tuple[int, ...]  # a token's (tag, lowercase form, dependency, is-space) values
TokenTest = Callable[[Row], bool]


class UnsupportedPattern(ValueError):
    """A ruler pattern uses a feature (an operator, another attribute) not read here."""


@dataclass(frozen=True)
class _Rule:
    """One pattern of one ruler rule: a test per token, in order."""

    rule_index: int
    match_id: int
    token_tests: tuple[TokenTest, ...]

    def matches_at(self, rows: list[Row], start: int) -> bool:
        if start + len(self.token_tests) > len(rows):
            return False
        return all(test(rows[start + offset]) for offset, test in enumerate(self.token_tests))


class AttributeRules:
    """Finds where an AttributeRuler's rules match, then lets the ruler set what they say."""

    # Single-token answers are kept per distinct (tag, word, dependency, space) row.
    _ROWS_KEPT = 200_000

    def __init__(self, ruler) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        self._single: dict[tuple[str, int], list[_Rule]] = {}
        self._single_unanchored: list[_Rule] = []
        self._several: dict[tuple[str, int], list[_Rule]] = {}
        self._several_unanchored: list[_Rule] = []
        for rule_index, rule in enumerate(ruler.patterns):
            match_id = strings.add(str(rule_index))
            for pattern in rule["patterns"]:
                compiled = _Rule(rule_index, match_id, tuple(_token_test(token, strings) for token in pattern))
                anchored, unanchored = (
                    (self._single, self._single_unanchored) if len(pattern) == 1 else (self._several, self._several_unanchored)
                )
                keys = _anchor_keys(pattern[0], strings)
                if keys is None:
                    unanchored.append(compiled)
                for key in keys or ():
                    anchored.setdefault(key, []).append(compiled)
        self._row_hits: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule index, match id, start, end) of every match, in the order the ruler applies them."""
        rows = [tuple(row) for row in doc.to_array(_ARRAY_ATTRS).tolist()] if len(doc) else []
        row_hits = self._row_hits
        if len(row_hits) > self._ROWS_KEPT:
            row_hits.clear()
        found = []
        for start, row in enumerate(rows):
            hits = row_hits.get(row)
            if hits is None:
                hits = row_hits[row] = self._single_token_hits(row)
            for rule_index, match_id in hits:
                found.append((rule_index, match_id, start, start + 1))
            for rule in _candidates(self._several, self._several_unanchored, row):
                if rule.matches_at(rows, start):
                    found.append((rule.rule_index, rule.match_id, start, start + len(rule.token_tests)))
        found.sort()
        return found

    def _single_token_hits(self, row: tuple[int, ...]) -> list[tuple[int, int]]:
        rules = _candidates(self._single, self._single_unanchored, row)
        return [(rule.rule_index, rule.match_id) for rule in rules if rule.token_tests[0](row)]


def _candidates(anchored: dict, unanchored: list, row: tuple[int, ...]) -> list:
    """The rules filed under the row's tag, word or dependency, and those filed under none."""
    tag, lower, dep = row[0], row[1], row[2]
    found = []
    for key in (("TAG", tag), ("LOWER", lower), ("DEP", dep)):
        found.extend(anchored.get(key, ()))
    found.extend(unanchored)
    return found


def _anchor_keys(token: dict, strings) -> list[tuple[str, int]] | None:
    """The (attribute, value) table keys under which a pattern starting with `token` is filed:
    one per value its most selective exact attribute allows; None when it has none."""
    for attr in _ANCHORS:
        value = token.get(attr)
        if isinstance(value, str):
            return [(attr, strings[value])]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(attr, value) for value in {strings[item] for item in value["IN"]}]
    return None


def _token_test(token: dict, strings) -> TokenTest:
    """One pattern token as a test on a row of `Doc.to_array(_ARRAY_ATTRS)`."""
    checks = [_attribute_check(attr, value, strings) for attr, value in token.items()]
    if len(checks) == 1:
        return checks[0]
    return lambda row: all(check(row) for check in checks)


def _attribute_check(attr: str, value, strings) -> TokenTest:
    if attr not in _COLUMNS:
        raise UnsupportedPattern(f"attribute {attr}")
    column = _COLUMNS[attr]
    if isinstance(value, bool):
        return lambda row: bool(row[column]) is value
    if isinstance(value, str):
        wanted = strings[value]
        return lambda row: row[column] == wanted
    if isinstance(value, dict) and len(value) == 1:
        (operator, operand), = value.items()
        if operator == "IN":
            allowed = frozenset(strings[item] for item in operand)
            return lambda row: row[column] in allowed
        if operator == "NOT_IN":
            refused = frozenset(strings[item] for item in operand)
            return lambda row: row[column] not in refused
        if operator == "REGEX":
            return _regex_check(column, re.compile(operand), strings)
    raise UnsupportedPattern(f"{attr}: {value!r}")


def _regex_check(column: int, regex: re.Pattern, strings) -> TokenTest:
    # The Matcher searches the attribute's text; answers are kept per value, as words repeat.
    answers: dict[int, bool] = {}

    def check(row: Row) -> bool:
        value = row[column]
        answer = answers.get(value)
        if answer is None:
            answer = answers[value] = regex.search(strings[value]) is not None
        return answer

    return check
