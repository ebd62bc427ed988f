"""Import PETRARCH / TABARI actor and agent dictionaries as petrel actor knowledge.

An actor dictionary (such as Phoenix.Countries.actors.txt) is a list of entries:

    BARACK_OBAMA                 an entry: a name, words joined by '_' (or ' ')
    +PRESIDENT_OBAMA_            a synonym (TABARI's final '_', "whole word", is dropped)
        [USAELI 780101-000101]   a code from one day to another (YYMMDD, where YY <= 30 is 20YY, or YYYYMMDD)
        [USAGOV >090120]         ... from a day on ('<' : up to a day); both days are included
    AFGHANISTAN_  [AFG]          a code on the name's line; a code without dates is the default

Each name becomes a `NamedActor` whose phrase is the name as news writes it ("President Obama").
Its code is the code as written; its country the code's first three letters when they are a
country (ISO alpha-3 of countries.tsv, IGO or NGO); its sector the first CAMEO role after them
(AFGGOVBUS -> GOV, IGOUNOJUDICJ -> JUD; an IGO or NGO without one has itself as sector, as in
organizations.tsv). Dated codes become `NamedActor.dated`: `actor.on(day)` codes a day as
PETRARCH does, the first listed range that covers it, else the default. An entry without a
default (Obama) has no codes outside its ranges, or when the article has no date. As in
PETRARCH, a name without codes takes those of the entry that follows it.

An agent dictionary (Phoenix.agents.txt) lists words for kinds of actors: `SOLDIER [~MIL]`,
`POLICE {} [~COP]`, `FOREIGN_!MINIST! [~GOV]` with `!MINIST! = MINISTER, MINISTRY, ...`. Each
becomes a `SectorWord` of lemmas: petrel matches lemmas, so plurals ({...}) are not needed.

What petrel cannot express is skipped and counted by reason (`ActorDictionarySkip`), never
guessed. A file that cannot be read, or gives no name (term) at all, raises DataFileError.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from petrel.knowledge.petrarch_files import read_dictionary_lines, skipped_count, skipped_summary
from petrel.errors import ActorDictionarySkip as Skip
from petrel.errors import DataFileError
from petrel.knowledge.actor_tables import COUNTRY_GROUPS, DatedCode, NamedActor, SectorWord, country_codes
from petrel.knowledge.petrarch_verbs import _singular  # the verb importer's guess at a plural's lemma

# CAMEO role codes (CAMEO manual, actor codes: domestic and primary roles, and the secondary
# MOD/RAD): the blocks of an actor code that are sectors. Religions and organization names are not.
_ROLE_CODES = frozenset(
    "COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF "
    "MOD RAD".split()
)
# CAMEO's first blocks for transnational actors without a country, as petrel's own tables
# code them: a militarized group (al-Qaeda) as rebels, a multinational corporation as business.
_TRANSNATIONAL_SECTORS = {"IMG": "REB", "MNC": "BUS"}
_ARMED_GROUPS = frozenset({"REB", "INS", "SEP", "UAF", "CRM"})
_ACTOR_CODE = re.compile(r"^[A-Z][A-Z0-9]{2,}$")
_AGENT_CODE = re.compile(r"^(?:~(?P<after>(?:[A-Z]{3})+)|(?P<before>(?:[A-Z]{3})+)~)$")
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_OPEN_RANGE = re.compile(r"^(?P<side>[<>])\s*(?P<day>\d+)$")
_CLOSED_RANGE = re.compile(r"^(?P<start>\d+)\s*-\s*(?P<end>\d+)$")
_MARKER_DEFINITION = re.compile(r"^!(?P<name>[^!\s]+)!\s*=\s*(?P<items>.+)$")
_MARKER = re.compile(r"!([^!\s]+)!")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?$")  # U.N., W., K.U., U.S.S.R
_VOWELS = frozenset("AEIOUY")
_ABBREVIATIONS = frozenset({"UN", "US", "USA", "EU", "AU", "UK", "UAE"})  # common in names of several words
_SMALL_WORDS = frozenset("of the and for in on at to de du da del der van von".split())
_ACTOR_FIX = "give a PETRARCH or TABARI actor dictionary such as Phoenix.Countries.actors.txt: lines 'NAME [CODE]'"
_AGENT_FIX = "give a PETRARCH agent dictionary such as Phoenix.agents.txt: lines 'WORD [~CODE]'"


@dataclass
class ActorImportReport:
    """What an import kept, and what it left out and why: the lines of the file, by reason."""

    path: str
    what: str  # "names" (actor dictionaries) or "terms" (agent dictionaries)
    entries: int = 0  # entries (agent lines) that gave at least one name (term)
    imported: int = 0  # NamedActors or SectorWords
    dated: int = 0  # names with dated codes
    joined: int = 0  # names without codes that took those of the entry after them
    skipped: dict[Skip, list[int]] = field(default_factory=lambda: defaultdict(list))

    @property
    def skipped_count(self) -> int:
        return skipped_count(self.skipped)

    def __str__(self) -> str:
        source = "entries" if self.what == "names" else "agent lines"
        summary = f"imported {self.imported} {self.what} of {self.entries} {source} from {self.path}"
        if self.dated:
            summary += f" ({self.dated} with dated codes)"
        return summary + skipped_summary(self.skipped)


class _Skip(Exception):
    """A line that gives nothing; its argument is the ActorDictionarySkip saying why."""


@dataclass
class _Entry:
    """An entry of an actor dictionary: its names and its code fields, each with its line."""

    names: list[tuple[str, int]] = field(default_factory=list)
    codes: list[tuple[str, int]] = field(default_factory=list)
    joined: int = 0  # how many of the names came from entries without codes before it


# -- reading the file -------------------------------------------------------------------
def _read_lines(path: Path, fix: str) -> list[str]:
    return read_dictionary_lines(path, "a dictionary", fix)


def _uncommented(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) of each line that is not blank once comments are removed.

    Comments are '#' to the end of the line, <!-- ... --> (over several lines too), and lines
    starting with '<'. Reading stops at ---STOP---, as in PETRARCH. Leading white space is kept:
    it marks a code line.
    """
    kept: list[tuple[int, str]] = []
    in_xml = False
    for number, raw in enumerate(lines, start=1):
        text = raw.rstrip("\r")
        if in_xml:
            if "-->" not in text:
                continue
            text, in_xml = text.split("-->", 1)[1], False
        while "<!--" in text:
            before, _, after = text.partition("<!--")
            if "-->" not in after:
                text, in_xml = before, True
                break
            text = before + after.split("-->", 1)[1]
        text = text.split("#", 1)[0].rstrip()
        if "---STOP---" in text:
            break
        if text.strip() and not text.lstrip().startswith("<"):
            kept.append((number, text))
    return kept


# -- actor dictionaries -----------------------------------------------------------------
def load_petrarch_actors(path: Path) -> tuple[list[NamedActor], ActorImportReport]:
    """Import a PETRARCH / TABARI actor dictionary: one NamedActor per name, with its report.

    A name that two entries give keeps the first entry's meaning. Lines petrel cannot express
    are skipped and counted in the report, never fatal; a file without a single entry with a
    code raises DataFileError naming the file and line.
    """
    path = Path(path)
    report = ActorImportReport(str(path), "names")
    entries = _actor_entries(_uncommented(_read_lines(path, _ACTOR_FIX)), report)
    countries = country_codes()
    actors: dict[str, NamedActor] = {}
    for entry in entries:
        imported = [actor for actor in _entry_actors(entry, countries, report) if _keep(actor, actors, entry, report)]
        report.entries += bool(imported)
        report.dated += sum(1 for actor in imported if actor.dated)
        report.joined += entry.joined if imported else 0
    if not actors:
        raise DataFileError(str(path), None, "not an actor dictionary: no name has a code petrel can read", fix=_ACTOR_FIX)
    report.imported = len(actors)
    return list(actors.values()), report


def _keep(actor: NamedActor, actors: dict[str, NamedActor], entry: _Entry, report: ActorImportReport) -> bool:
    if actor.phrase in actors:
        line = next((line for raw, line in entry.names if actor.phrase in _phrases(raw, _initials(entry))), entry.names[0][1])
        report.skipped[Skip.DUPLICATE_NAME].append(line)
        return False
    actors[actor.phrase] = actor
    return True


def _actor_entries(lines: list[tuple[int, str]], report: ActorImportReport) -> list[_Entry]:
    """The entries of an actor dictionary, each with its names and code fields."""
    entries: list[_Entry] = []
    entry: _Entry | None = None
    for number, text in lines:
        stripped = text.strip()
        name, codes = _split_codes(stripped)
        if stripped.count("[") != stripped.count("]"):
            report.skipped[Skip.STRAY_LINE].append(number)
            continue
        if stripped.startswith("+") or not name:
            # a synonym, or an indented code line; both belong to the entry above
            if entry is None:
                report.skipped[Skip.STRAY_LINE].append(number)
                continue
            if stripped.startswith("+"):
                entry.names.append((name[1:], number))
            entry.codes += [(code, number) for code in codes]
            continue
        # A new entry. A previous one without codes joins it (PETRARCH reads them so).
        carried = entry.names if entry is not None and not entry.codes else []
        if entry is not None and entry.codes:
            entries.append(entry)
        entry = _Entry(names=[*carried, (name, number)], codes=[(code, number) for code in codes], joined=len(carried))
    if entry is not None:
        if entry.codes:
            entries.append(entry)
        else:
            report.skipped[Skip.NO_CODE].append(entry.names[0][1])
    return entries


def _split_codes(text: str) -> tuple[str, list[str]]:
    """The name part of a line (before its first '[') and the contents of its [...] fields."""
    return text.split("[", 1)[0].strip(), _BRACKETS.findall(text)


def _entry_actors(entry: _Entry, countries: frozenset[str], report: ActorImportReport) -> list[NamedActor]:
    default: str | None = None
    has_default = False
    dated: list[DatedCode] = []
    for text, line in entry.codes:
        try:
            code, start, end, is_dated = _code_field(text)
        except _Skip as skip:
            report.skipped[skip.args[0]].append(line)
            continue
        if is_dated:
            dated.append(DatedCode(start, end, code, *_country_and_sector(code, countries)))
        elif has_default:
            report.skipped[Skip.EXTRA_DEFAULT].append(line)
        else:
            default, has_default = code, True
    if not has_default and not dated:
        return []  # every code was skipped, and counted
    if default is None and all(alternative.code is None for alternative in dated):
        report.skipped[Skip.NULL_CODE].append(entry.names[0][1])
        return []
    codes = [code for code in [default, *(d.code for d in dated)] if code is not None]
    kind = _actor_kind(codes, bool(dated), countries)
    how = "country-name" if kind == "state" else "organization"  # actors.py reads persons as bodies
    country, sector = _country_and_sector(default, countries)
    actors: list[NamedActor] = []
    name: str | None = None  # the entry's first name, as news writes it
    one_word = any(not re.search(r"[A-Za-z0-9][\s_]+[A-Za-z0-9]", raw) for raw, _ in entry.names)
    initials = _initials(entry) if one_word and len(entry.names) > 1 else frozenset()
    for raw, line in entry.names:
        phrases = _phrases(raw, initials)
        if not phrases:
            report.skipped[Skip.NO_WORDS].append(line)
        for phrase in phrases:
            name = name or phrase
            actors.append(NamedActor(phrase, country, sector, default, kind, name, how, tuple(dated)))
    return actors


def _code_field(text: str) -> tuple[str | None, date | None, date | None, bool]:
    """A [...] field: (code or None for [---], start, end, whether it has dates)."""
    code, _, when = text.strip().partition(" ")
    when = when.strip()
    if code == "---":
        code = None
    elif not _ACTOR_CODE.match(code):
        raise _Skip(Skip.BAD_CODE)
    if not when:
        return code, None, None, False
    if found := _OPEN_RANGE.match(when):
        day = _day(found["day"])
        return (code, None, day, True) if found["side"] == "<" else (code, day, None, True)
    if found := _CLOSED_RANGE.match(when):
        start, end = _day(found["start"]), _day(found["end"])
        if end < start:
            raise _Skip(Skip.BAD_DATE)
        return code, start, end, True
    raise _Skip(Skip.BAD_DATE)


def _day(digits: str) -> date:
    """A YYMMDD or YYYYMMDD date; YY up to 30 is 20YY, otherwise 19YY (as in KEDS, TABARI, PETRARCH)."""
    if len(digits) == 6:
        year = int(digits[:2])
        year, digits = year + (2000 if year <= 30 else 1900), digits[2:]
    elif len(digits) == 8:
        year, digits = int(digits[:4]), digits[4:]
    else:
        raise _Skip(Skip.BAD_DATE)
    try:
        return date(year, int(digits[:2]), int(digits[2:]))
    except ValueError:
        raise _Skip(Skip.BAD_DATE) from None


def _country_and_sector(code: str | None, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """AFGGOVBUS -> (AFG, GOV); IGOUNO -> (IGO, IGO); IMGMUSALQ -> (None, REB); USR -> (None, None)."""
    if code is None:
        return None, None
    country = code[:3] if code[:3] in countries else None
    blocks = [code[i : i + 3] for i in range(3 if country else 0, len(code) - 2, 3)]
    sector = next((block for block in blocks if block in _ROLE_CODES), None)
    if sector is None and country in COUNTRY_GROUPS:
        sector = country  # as organizations.tsv codes the UN: country IGO, sector IGO
    if sector is None and country is None:
        sector = _TRANSNATIONAL_SECTORS.get(code[:3])
    return country, sector


def _actor_kind(codes: list[str], dated: bool, countries: frozenset[str]) -> str:
    """A guess, from the codes alone: a country, a person (dated codes are terms of office), an
    armed group, or an organization."""
    not_states = _ROLE_CODES | set(COUNTRY_GROUPS) | set(_TRANSNATIONAL_SECTORS)
    if all(len(code) == 3 and code not in not_states for code in codes):
        return "state"  # AFG; USR, the USSR, is not in countries.tsv but is a state too
    if dated:
        return "person"
    if any(_country_and_sector(code, countries)[1] in _ARMED_GROUPS for code in codes):
        return "group"
    return "organization"


# -- names as news writes them ----------------------------------------------------------
def _phrases(raw: str, initials: frozenset[str] = frozenset()) -> list[str]:
    """'BARACK_OBAMA' -> ['Barack Obama']; 'AL-QAEDA' -> ['Al-Qaeda', 'al-Qaeda'] (news writes the
    Arabic article in lower case); 'THE_UNITED_NATIONS_' -> ['United Nations']. A one-word name
    that `initials` holds (an abbreviation of another name of the entry) stays in capitals."""
    text = re.sub(r"\(([^()]*)\)", lambda found: _parenthesis(found, raw), raw)
    words = [word.strip("-") for word in re.split(r"[\s_]+", text.strip("+ ")) if any(c.isalnum() for c in word)]
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]  # news writes "the United Nations", which a capital "The" would not match
    if not any(c.isalpha() for word in words for c in word):
        return []  # "313_" would match every number 313
    if len(words) == 1 and words[0] in initials:
        return [words[0]]  # ANSF, for AFGHAN_NATIONAL_SECURITY_FORCES
    cased = [_cased(word, len(words) == 1, words[i - 1].lower() if i else None) for i, word in enumerate(words)]
    phrase = " ".join(cased)
    if re.match(r"^(?:Al|El)(?:-| )", phrase):
        return [phrase, phrase[0].lower() + phrase[1:]]
    return [phrase]


def _initials(entry: _Entry) -> frozenset[str]:
    """The abbreviations the names of an entry make: AFGHAN_NATIONAL_SECURITY_FORCES -> ANSF;
    UN_SECRETARY_GENERAL -> USG, UNSG (an abbreviation in it is kept whole); with and without
    the small words (ISLAMIC_ARMY_OF_ADEN -> IAOA, IAA)."""
    found: set[str] = set()
    for raw, _ in entry.names:
        words = [word for word in re.split(r"[\s_-]+", raw.strip("+ ").upper()) if word[:1].isalpha()]
        if len(words) < 2:
            continue
        for drop_small in (False, True):
            kept = [word for word in words if not (drop_small and word.lower() in _SMALL_WORDS)]
            found.add("".join(word[0] for word in kept))
            found.add("".join(word if len(word) <= 3 and word in _ABBREVIATIONS else word[0] for word in kept))
    return frozenset(found)


def _parenthesis(found: re.Match, raw: str) -> str:
    """An abbreviation of the words before it is dropped ('ISLAMIC_ARMY_OF_ADEN_(IAA)'); news puts
    it after the name. Other words in parentheses stay: 'CONGO_(KINSHASA)' is not Congo. A name
    that is only an abbreviation in parentheses is the abbreviation."""
    inside = found.group(1).strip("_ ")
    before = raw[: found.start()].strip("+_ ")
    if not before:
        return inside
    initials = {word[0] for word in re.split(r"[\s_-]+", before.upper()) if word[:1].isalpha()}
    return " " if inside.isalpha() and inside.isupper() and set(inside) <= initials else found.group(0)


def _cased(word: str, alone: bool, previous: str | None) -> str:
    """A word of a dictionary name as news writes it. All-capital abbreviations stay so (the
    matcher matches them exactly); words are capitalised; words in mixed case are kept."""
    if any(c.islower() for c in word) or _INITIALS.match(word):
        return word
    if word in _ABBREVIATIONS and (previous is None or previous in _SMALL_WORDS):
        return word  # "UN Secretary General", "Secretary General of the UN"; but "Kim Jong Un"
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return word
    if (alone and len(letters) <= 3) or (len(letters) >= 3 and not _VOWELS.intersection(letters)):
        return word  # a single short word is an abbreviation (PLO, IMF), and so are MSF, PKK
    if previous is not None and word.lower() in _SMALL_WORDS:
        return word.lower()
    return _capitalised(word)


def _capitalised(word: str) -> str:
    """'AL-QAEDA' -> 'Al-Qaeda', "O'BRIEN" -> "O'Brien", but "WOMEN'S" -> "Women's"."""
    chars = list(word.lower())
    for i, char in enumerate(chars):
        starts_part = i == 0 or chars[i - 1] in "-/(" or (i in (1, 2) and chars[i - 1] == "'")
        if char.isalpha() and starts_part:
            chars[i] = char.upper()
    return "".join(chars)


# -- agent dictionaries -----------------------------------------------------------------
_PERSON_ENDINGS = ("man", "men", "woman", "person", "er", "or", "ist", "ian", "ant", "ent", "arch", "ee", "ary")
_PERSON_WORDS = frozenset(
    "chief head leader official king queen prince princess emir sultan sheikh general judge envoy diplomat "
    "monk priest imam cleric bishop pope rabbi mullah ayatollah delegate deputy aide candidate chair "
    "spokesperson guard hostage victim civilian".split()
)
_BODY_ENDINGS = ("ment", "tion", "sion", "ity", "cy", "ice", "ure", "ship", "hood", "dom", "stry", "ery")
_BODY_WORDS = frozenset(
    "court council congress senate parliament party company bank firm union front body committee commission "
    "assembly cabinet regime junta army navy force military police media press agency group network church "
    "clergy office bureau board club team corp association industry business government administration "
    "authority alliance coalition federation league brigade battalion unit squad corps tribunal judiciary "
    "monastery diocese archdiocese secretariat establishment palace house ngo igo".split()
)
# Offices that precede a name ("Foreign Minister X"), as sectors.tsv marks them "title".
_TITLE_WORDS = frozenset(
    "minister president premier chancellor secretary ambassador envoy governor mayor senator lawmaker judge "
    "general commander colonel captain lieutenant sergeant admiral marshal king queen prince princess emir "
    "sultan sheikh imam bishop archbishop cardinal pope rabbi ayatollah mullah chairman chairwoman "
    "chairperson director prosecutor attorney".split()
)
# Person words that take the sector of a modifier, as sectors.tsv marks them "generic": "opposition leader" is OPP.
_GENERIC_WORDS = frozenset("leader chief head official spokesman spokeswoman spokesperson member representative".split())
_PREPOSITIONS = frozenset("of for in on at to with without de".split())
# Members of armed or protesting bands are groups in sectors.tsv: soldier, fighter, protester.
_BAND_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "OPP", "CRM"})


def load_petrarch_agents(path: Path) -> tuple[list[SectorWord], ActorImportReport]:
    """Import a PETRARCH agent dictionary: one SectorWord per term, with its report.

    A term is stored as the lemmas the matcher compares: lower case, each word also in the
    singular when it looks plural ("SECURITY_OFFICIALS" -> security official). `[~GOVMED]`
    gives the sector GOVMED; `[NGO~]` (a code PETRARCH puts before the actor's) the sector NGO.
    The kind (person, organization or group) and the role are guessed from the head word.
    """
    import spacy  # only here: the tokenizer splits a term as the matcher will split the text

    path = Path(path)
    report = ActorImportReport(str(path), "terms")
    tokenizer = spacy.blank("en").tokenizer
    markers: dict[str, list[str]] = {}
    words: dict[tuple[str, ...], SectorWord] = {}
    lines_seen = 0
    for number, text in _uncommented(_read_lines(path, _AGENT_FIX)):
        text = text.strip()
        if found := _MARKER_DEFINITION.match(text):
            markers[found["name"]] = [item.strip() for item in found["items"].split(",") if item.strip()]
            continue
        lines_seen += 1
        try:
            terms, sector = _agent_line(text, markers)
        except _Skip as skip:
            report.skipped[skip.args[0]].append(number)
            continue
        added = False
        for term in terms:
            written = tuple(token.text.lower() for token in tokenizer(term.replace("_", " ")))
            singular = tuple(_singular(word) if word.isalpha() else word for word in written)
            if singular in words:
                continue  # "SOLDIERS" after "SOLDIER", "MINISTERS" after "MINISTER"
            kind, role = _agent_kind_and_role(singular, singular[-1] != written[-1], sector)
            for lemmas in dict.fromkeys([singular, written]):  # both: the singular is a guess
                words.setdefault(lemmas, SectorWord(lemmas, sector, kind, role))
            added = True
        if added:
            report.entries += 1
        else:
            report.skipped[Skip.DUPLICATE_TERM].append(number)
    if not lines_seen:
        raise DataFileError(str(path), None, "not an agent dictionary: it has no agent lines", fix=_AGENT_FIX)
    report.imported = len(words)
    return list(words.values()), report


def _agent_line(text: str, markers: dict[str, list[str]]) -> tuple[list[str], str]:
    """'FOREIGN_!MINIST! [~GOV]' -> (['FOREIGN_MINISTER', 'FOREIGN_MINISTRY', ...], 'GOV')."""
    if "[" not in text:
        raise _Skip(Skip.NO_AGENT_CODE)
    term, codes = _split_codes(text)
    code = re.sub(r"\s+", "", codes[0]) if codes else ""
    found = _AGENT_CODE.match(code)
    if found is None:
        raise _Skip(Skip.BAD_AGENT_CODE)
    term = term.split("{", 1)[0].strip()  # the plural: petrel matches lemmas
    terms = [term]
    while any(_MARKER.search(t) for t in terms):
        expanded: list[str] = []
        for t in terms:
            marker = _MARKER.search(t)
            if marker is None:
                expanded.append(t)
            elif marker.group(1) not in markers:
                raise _Skip(Skip.UNDEFINED_MARKER)
            else:
                expanded += [t[: marker.start()] + item + t[marker.end() :] for item in markers[marker.group(1)]]
        terms = expanded
    terms = [t.strip("_ ") for t in terms if any(c.isalpha() for c in t)]
    if not terms:
        raise _Skip(Skip.NO_WORDS)
    return terms, found["after"] or found["before"]


def _agent_kind_and_role(lemmas: tuple[str, ...], plural: bool, sector: str) -> tuple[str, str]:
    """A guess from the head word ("minister of defence": minister): an organization is an
    institution; a person holds an office (role "title" when it precedes a name, "generic" for
    leader, official... which take a modifier's sector); a member of an armed or protesting band,
    a person word written in the plural ("SECURITY_OFFICIALS") or anything else is a group."""
    words = [lemma for lemma in lemmas if lemma.isalpha()] or list(lemmas)
    before = next((i for i, word in enumerate(words) if i and word in _PREPOSITIONS), len(words))
    head = words[before - 1]
    plural = plural and head == words[-1]
    if head in _BODY_WORDS or (head.endswith(_BODY_ENDINGS) and head not in _PERSON_WORDS):
        return "organization", ""
    if plural or not (head in _PERSON_WORDS or head.endswith(_PERSON_ENDINGS)):
        return "group", ""
    if head in _GENERIC_WORDS:
        return "person", "generic"
    if head in _TITLE_WORDS:
        return "person", "title"
    return ("group" if sector[:3] in _BAND_SECTORS else "person"), ""
