"""User actor files: names and sector words a user adds to petrel's actor knowledge, in YAML.

    actors:
      - names: ["Abdel-Fattah al-Sisi", "Sisi"]   # as news writes them
        country: EGY          # ISO alpha-3, IGO or NGO; leave it out for a group of no country
        sector: GOV           # optional: CAMEO agent code(s), GOV, MIL, GOVMED...
        kind: person          # state, person, organization, group or population
        code: EGYGOV          # optional: country + sector when left out
        valid: 2014-06-08..   # optional: from a day on; ..2014-06-07 up to a day; A..B between
    sectors:
      - term: coast guard     # lemmas, lower case: "coast guard", not "coast guards"
        sector: MIL
        kind: group
        role: ""              # optional: "title" (precedes a name), "generic" (takes a modifier's sector)

Entries for one name with `valid` ranges code it by date (`NamedActor.dated`); its entry without
`valid` is the default, used on other days and when an article has no date. Everything is
checked when the file is read: an error names the file, the line and the fix (docs/actors.md).
`extend_knowledge` puts user entries over petrel's own: a user's name or term replaces a
built-in one, and of several files the later wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from petrel.errors import DataFileError
from petrel.knowledge.actor_tables import KINDS, SECTOR_ROLES, ActorKnowledge, DatedCode, NamedActor, SectorWord

_TOP_KEYS = ("actors", "sectors")
_ACTOR_KEYS = ("names", "country", "sector", "kind", "code", "valid")
_SECTOR_KEYS = ("term", "sector", "kind", "role")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^(?:[A-Z]{3})+$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{2,}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RANGE_FIX = "write valid: FROM.. or ..TO or FROM..TO with days as YYYY-MM-DD (both days included)"


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers where each mapping and each of its keys is, for errors."""


def _mapping_with_lines(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {key.value: key.start_mark.line + 1 for key, _ in node.value if hasattr(key, "value")}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_lines)


@dataclass(frozen=True)
class _ActorEntry:
    """One entry of `actors:`, checked: the names it gives and how it codes them."""

    names: tuple[str, ...]
    country: str | None
    sector: str | None
    code: str | None
    kind: str
    start: date | None
    end: date | None
    dated: bool
    line: int


def load_actor_file(path: Path) -> tuple[list[NamedActor], list[SectorWord]]:
    """Read and check a user actor file: its named actors and its sector words.

    Raises DataFileError naming the file, the line and the problem: not YAML, an unknown key, a
    country that is not 3 capital letters, an unknown kind or role, a bad date range, a name
    given twice (or twice for overlapping dates), a term given twice.
    """
    path = Path(path)
    where = str(path)
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except OSError as error:
        raise DataFileError(where, None, f"cannot be read ({error.strerror})", fix="check the path") from None
    except UnicodeDecodeError:
        raise DataFileError(where, None, "is not UTF-8 text", fix="save the file as UTF-8") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataFileError(where, mark.line + 1 if mark else None, f"not valid YAML: {error}") from None
    if not isinstance(document, dict):
        raise DataFileError(where, None, "an actor file is a mapping with actors: and/or sectors:", fix="see docs/actors.md")
    _check_keys(document, _TOP_KEYS, where)
    entries = [_actor_entry(item, where) for item in _items(document, "actors", where)]
    sectors = _sector_words([_sector_word(item, where) for item in _items(document, "sectors", where)], where)
    return _named_actors(entries, where), sectors


def extend_knowledge(
    knowledge: ActorKnowledge,
    actors: list[NamedActor],
    sectors: list[SectorWord],
    files: tuple[str, ...] = (),
    replace: bool = True,
) -> ActorKnowledge:
    """A new knowledge: `knowledge` with `actors` and `sectors` added; `knowledge` is left as it was.

    With `replace` (for a user's files), an actor with a phrase (a sector word with a term) the
    knowledge has replaces it, and later ones in the lists replace earlier ones. Without it (for
    imported dictionaries), they only fill gaps: the knowledge keeps what it has ("Cairo" stays
    petrel's EGYGOV capital, not PETRARCH's EGY) and the first of the lists is kept.
    """
    if replace:
        named = {**knowledge.named, **{actor.phrase: actor for actor in actors}}
        words = {**knowledge.sectors, **{word.term: word for word in sectors}}
    else:
        named, words = dict(knowledge.named), dict(knowledge.sectors)
        for actor in actors:
            named.setdefault(actor.phrase, actor)
        for word in sectors:
            words.setdefault(word.term, word)
    return ActorKnowledge(named=named, sectors=words, files=[*knowledge.files, *files])


def remembered_people(people: tuple[tuple[str, str | None, str | None, str | None], ...]) -> list[NamedActor]:
    """Actors for people a store remembers: their full name, and their surname as news uses it
    on its own ("Ruto"), when it is a capitalised word of three letters or more."""
    actors = []
    for name, country, sector, code in people:
        words = name.split()
        phrases = [name] + ([words[-1]] if len(words) > 1 and len(words[-1]) >= 3 and words[-1][0].isupper() else [])
        actors += [NamedActor(phrase, country, sector, code, "person", name, "organization") for phrase in phrases]
    return actors


def with_actor_files(knowledge: ActorKnowledge, paths: list[Path]) -> ActorKnowledge:
    """`knowledge` extended with each user actor file in turn: of two files, the later wins."""
    for path in paths:
        actors, sectors = load_actor_file(path)
        knowledge = extend_knowledge(knowledge, actors, sectors, files=(str(path),))
    return knowledge


# -- checking entries -------------------------------------------------------------------
def _check_keys(mapping: dict, allowed: tuple[str, ...], where: str) -> None:
    lines = mapping.get("__lines__", {})
    for key in mapping:
        if key not in ("__line__", "__lines__") and key not in allowed:
            line = lines.get(key, mapping.get("__line__"))
            raise DataFileError(where, line, f"unknown key {key!r}", fix=f"use {', '.join(allowed)}")


def _items(document: dict, key: str, where: str) -> list[dict]:
    items = document.get(key) or []
    line = document["__lines__"].get(key)
    if not isinstance(items, list):
        raise DataFileError(where, line, f"{key}: must be a list of entries, each starting with '- '")
    for item in items:
        if not isinstance(item, dict):
            raise DataFileError(where, line, f"each entry of {key}: must be a mapping (key: value lines), found {item!r}")
    return items


def _line(entry: dict, key: str) -> int:
    return entry["__lines__"].get(key, entry["__line__"])


def _kind(entry: dict, where: str) -> str:
    kind = entry.get("kind")
    if kind not in KINDS:
        problem = "kind is missing" if kind is None else f"unknown kind {kind!r}"
        raise DataFileError(where, _line(entry, "kind"), problem, fix=f"use one of {', '.join(KINDS)}")
    return kind


def _upper_code(entry: dict, key: str, pattern: re.Pattern, rule: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not pattern.match(value):
        raise DataFileError(where, _line(entry, key), f"bad {key} {value!r}: {rule}")
    return value


def _actor_entry(entry: dict, where: str) -> _ActorEntry:
    _check_keys(entry, _ACTOR_KEYS, where)
    names = entry.get("names")
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise DataFileError(where, _line(entry, "names"), "names must be a list of names as news writes them",
                            fix='write names: ["Abdel-Fattah al-Sisi", "Sisi"]')  # fmt: skip
    country = _upper_code(entry, "country", _COUNTRY, "a country is 3 capital letters (ISO alpha-3), IGO or NGO", where)
    sector = _upper_code(entry, "sector", _SECTOR, "a sector is a code of 3 capital letters (GOV), or several (GOVMED)", where)
    code = _upper_code(entry, "code", _CODE, "a code is capital letters and digits, such as EGYGOV", where)
    code = code or ((country or "") + (sector or "")) or None
    if code is None:
        raise DataFileError(where, entry["__line__"], "an actor needs a country, a sector or a code")
    start, end, dated = _valid(entry, where)
    names = tuple(dict.fromkeys(name.strip() for name in names))
    return _ActorEntry(names, country, sector, code, _kind(entry, where), start, end, dated, entry["__line__"])


def _valid(entry: dict, where: str) -> tuple[date | None, date | None, bool]:
    """The `valid` range: (start, end, whether there is one)."""
    value = entry.get("valid")
    if value is None:
        return None, None, False
    line = _line(entry, "valid")
    text = value if isinstance(value, str) else ""
    first, dots, last = text.strip().partition("..")
    if not dots or not (first or last) or any(part and not _DATE.match(part) for part in (first.strip(), last.strip())):
        raise DataFileError(where, line, f"bad date range {value!s}", fix=_RANGE_FIX)
    try:
        start = date.fromisoformat(first.strip()) if first.strip() else None
        end = date.fromisoformat(last.strip()) if last.strip() else None
    except ValueError as error:
        raise DataFileError(where, line, f"bad date range {value!s}: {error}", fix=_RANGE_FIX) from None
    if start and end and end < start:
        raise DataFileError(where, line, f"bad date range {value!s}: it ends before it starts", fix=_RANGE_FIX)
    return start, end, True


def _overlap(a: _ActorEntry, b: _ActorEntry) -> bool:
    return (a.start is None or b.end is None or a.start <= b.end) and (b.start is None or a.end is None or b.start <= a.end)


def _named_actors(entries: list[_ActorEntry], where: str) -> list[NamedActor]:
    """One NamedActor per name: its entry without `valid` as the default, the others as dated codes."""
    defaults: dict[str, _ActorEntry] = {}
    dated: dict[str, list[_ActorEntry]] = {}
    first: dict[str, _ActorEntry] = {}
    for entry in entries:
        for name in entry.names:
            first.setdefault(name, entry)
            if not entry.dated:
                if name in defaults:
                    raise DataFileError(where, entry.line, f"{name!r} is already given at line {defaults[name].line}",
                                        fix="give each name once, or say from when each entry is valid")  # fmt: skip
                defaults[name] = entry
                continue
            clash = next((other for other in dated.get(name, []) if _overlap(entry, other)), None)
            if clash is not None:
                raise DataFileError(where, entry.line, f"the dates of {name!r} overlap those at line {clash.line}",
                                    fix="make the valid ranges of one name follow each other")  # fmt: skip
            dated.setdefault(name, []).append(entry)
    actors = []
    for name, entry in first.items():
        default = defaults.get(name)
        alternatives = tuple(DatedCode(e.start, e.end, e.code, e.country, e.sector) for e in dated.get(name, []))
        kind = (default or entry).kind
        actors.append(NamedActor(
            name, default.country if default else None, default.sector if default else None,
            default.code if default else None, kind, (default or entry).names[0],
            "country-name" if kind == "state" else "organization", alternatives,
        ))  # fmt: skip
    return actors


def _sector_word(entry: dict, where: str) -> tuple[SectorWord, int]:
    _check_keys(entry, _SECTOR_KEYS, where)
    term = entry.get("term")
    if not isinstance(term, str) or not term.split():
        raise DataFileError(where, _line(entry, "term"), "term must be a word or words (their lemmas, lower case)",
                            fix='write term: "coast guard"')  # fmt: skip
    sector = _upper_code(entry, "sector", _SECTOR, "a sector is a code of 3 capital letters (MIL), or several", where)
    if sector is None:
        raise DataFileError(where, entry["__line__"], f"term {term!r} has no sector", fix="add sector: MIL (or another code)")
    role = entry.get("role") or ""
    if role not in SECTOR_ROLES:
        raise DataFileError(where, _line(entry, "role"), f"unknown role {role!r}", fix="use 'title', 'generic' or leave it out")
    return SectorWord(tuple(term.lower().split()), sector, _kind(entry, where), role), entry["__line__"]


def _sector_words(words: list[tuple[SectorWord, int]], where: str) -> list[SectorWord]:
    seen: dict[tuple[str, ...], int] = {}
    for word, line in words:
        if word.term in seen:
            raise DataFileError(where, line, f"term {' '.join(word.term)!r} is already given at line {seen[word.term]}")
        seen[word.term] = line
    return [word for word, _ in words]


def with_imported_files(
    knowledge: ActorKnowledge, actor_files: tuple[Path, ...] = (), agent_files: tuple[Path, ...] = (),
) -> tuple[ActorKnowledge, list[str]]:
    """`knowledge` with a user's actor files: YAML files (.yaml/.yml) override what petrel knows;
    PETRARCH/TABARI actor and agent dictionaries only fill its gaps. Also one report line per
    imported dictionary (what it gave, what was skipped)."""
    from petrel.knowledge.petrarch_actors import load_petrarch_actors, load_petrarch_agents

    reports = []
    for path in actor_files:
        if path.suffix.lower() in (".yaml", ".yml"):
            knowledge = with_actor_files(knowledge, [path])
            continue
        actors, report = load_petrarch_actors(path)
        knowledge = extend_knowledge(knowledge, actors, [], files=(str(path),), replace=False)
        reports.append(str(report))
    for path in agent_files:
        words, report = load_petrarch_agents(path)
        knowledge = extend_knowledge(knowledge, [], words, files=(str(path),), replace=False)
        reports.append(str(report))
    return knowledge, reports
