"""Actor knowledge: countries, sector words and named bodies, loaded from package data.

Files (in petrel/data/actors/, each documented in its header comment):
- countries.tsv: ISO alpha-3, names, demonyms/adjectives, capitals and seats of power;
- sectors.tsv: words for kinds of actors (president, troops, protesters) -> sector code;
- organizations.tsv: international bodies, armed groups and national bodies by name;
- people.tsv: people news names directly (leaders, ministers, heads of bodies), same columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from petrel.errors import DataFileError
from petrel.knowledge.tables import read_tsv, split_items

ACTOR_DIR = Path(str(resources.files("petrel") / "data" / "actors"))
KINDS = ("state", "person", "organization", "group", "population")
SECTOR_ROLES = ("", "title", "generic")
# Codes that stand where a country would: intergovernmental and non-governmental organizations.
COUNTRY_GROUPS = ("IGO", "NGO")


@dataclass(frozen=True)
class DatedCode:
    """How a named actor is coded between two days, both included; an open end is None.

    A code of None means the phrase names no coded actor in that period (PETRARCH's [---]).
    """

    start: date | None
    end: date | None
    code: str | None
    country: str | None
    sector: str | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class NamedActor:
    """What a phrase in the text means as an actor: a country (by name, demonym or capital) or a body.

    `country`, `sector` and `code` are the undated default. A phrase whose coding changed over
    time ("Barack Obama": USAELI until 2000, USAGOV from 2009-01-20) also carries `dated`
    alternatives; `on(day)` gives the actor as coded on a day.
    """

    phrase: str
    country: str | None
    sector: str | None
    code: str | None
    kind: str
    name: str | None
    how: str  # "country-name", "demonym", "capital", "organization" (a named body or person)
    dated: tuple[DatedCode, ...] = ()

    def on(self, day: date | None) -> NamedActor:
        """The actor as coded on `day`: the first dated alternative that covers it, else the
        undated default (also when `day` is None). The result has no alternatives of its own."""
        if not self.dated:
            return self
        if day is not None:
            for alternative in self.dated:
                if alternative.covers(day):
                    return replace(
                        self, code=alternative.code, country=alternative.country, sector=alternative.sector, dated=()
                    )
        return replace(self, dated=())


@dataclass(frozen=True)
class SectorWord:
    term: tuple[str, ...]  # lemmas, lowercase
    sector: str
    kind: str
    role: str


@dataclass
class ActorKnowledge:
    """Everything petrel knows about actor words, indexed for matching."""

    named: dict[str, NamedActor] = field(default_factory=dict)  # phrase -> actor
    sectors: dict[tuple[str, ...], SectorWord] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    @property
    def longest_sector_term(self) -> int:
        return max((len(term) for term in self.sectors), default=1)


def _add_named(knowledge: ActorKnowledge, actor: NamedActor, path: Path, line: int) -> None:
    existing = knowledge.named.get(actor.phrase)
    if existing is not None and existing != actor:
        raise DataFileError(
            str(path), line,
            f"{actor.phrase!r} already means {existing.code or existing.country} ({existing.how})",
            fix="keep each name on one row only",
        )
    knowledge.named[actor.phrase] = actor


_COUNTRY_COLUMNS = ("iso3", "name", "names", "adjectives", "capitals")


def _load_countries(knowledge: ActorKnowledge, path: Path) -> None:
    for line, row in read_tsv(path, _COUNTRY_COLUMNS):
        iso3, name = row["iso3"], row["name"]
        if len(iso3) != 3 or not iso3.isupper() or not name:
            raise DataFileError(str(path), line, f"iso3 must be 3 capital letters and name non-empty, found {iso3!r}")
        for phrase in [name, *split_items(row["names"])]:
            _add_named(knowledge, NamedActor(phrase, iso3, None, iso3, "state", name, "country-name"), path, line)
        for phrase in split_items(row["adjectives"]):
            _add_named(knowledge, NamedActor(phrase, iso3, None, iso3, "state", name, "demonym"), path, line)
        for phrase in split_items(row["capitals"]):
            actor = NamedActor(phrase, iso3, "GOV", iso3 + "GOV", "state", name, "capital")
            _add_named(knowledge, actor, path, line)


def _load_sectors(knowledge: ActorKnowledge, path: Path) -> None:
    for line, row in read_tsv(path, ("term", "sector", "kind", "role")):
        if not row["term"] or not row["sector"].isupper():
            raise DataFileError(str(path), line, "term must be non-empty and sector an upper-case code")
        if row["kind"] not in KINDS:
            raise DataFileError(str(path), line, f"unknown kind {row['kind']!r}", fix=f"use one of {', '.join(KINDS)}")
        if row["role"] not in SECTOR_ROLES:
            raise DataFileError(str(path), line, f"unknown role {row['role']!r}", fix="use 'title', 'generic' or leave empty")
        term = tuple(row["term"].lower().split())
        if term in knowledge.sectors:
            raise DataFileError(str(path), line, f"term {row['term']!r} is listed twice")
        knowledge.sectors[term] = SectorWord(term, row["sector"], row["kind"], row["role"])


def _load_organizations(knowledge: ActorKnowledge, path: Path) -> None:
    for line, row in read_tsv(path, ("names", "country", "sector", "code", "kind")):
        names = split_items(row["names"])
        if not names or not row["code"]:
            raise DataFileError(str(path), line, "each row needs names and a code")
        if row["kind"] not in KINDS:
            raise DataFileError(str(path), line, f"unknown kind {row['kind']!r}", fix=f"use one of {', '.join(KINDS)}")
        for phrase in names:
            actor = NamedActor(
                phrase, row["country"] or None, row["sector"] or None, row["code"], row["kind"], names[0],
                "organization",
            )
            _add_named(knowledge, actor, path, line)


def load_actor_knowledge(directory: Path = ACTOR_DIR) -> ActorKnowledge:
    """Read and validate the actor tables in `directory`."""
    knowledge = ActorKnowledge()
    for filename, loader in (
        ("countries.tsv", _load_countries),
        ("organizations.tsv", _load_organizations),
        ("people.tsv", _load_organizations),  # same columns; kind person
        ("sectors.tsv", _load_sectors),
    ):
        path = directory / filename
        loader(knowledge, path)
        knowledge.files.append(str(path))
    return knowledge


@lru_cache(maxsize=1)
def default_actor_knowledge() -> ActorKnowledge:
    return load_actor_knowledge()


@lru_cache(maxsize=4)
def country_codes(directory: Path = ACTOR_DIR) -> frozenset[str]:
    """The ISO alpha-3 codes of countries.tsv, and IGO and NGO: what may stand first in an actor code."""
    rows = read_tsv(directory / "countries.tsv", _COUNTRY_COLUMNS)
    return frozenset(row["iso3"] for _, row in rows) | frozenset(COUNTRY_GROUPS)
